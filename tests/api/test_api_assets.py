"""/api/v1/assets/: the registry's visibility, filter form, access helper, asset form and history."""

from assets.models import Asset

LIST = "/api/v1/assets/"


def test_unit_users_list_their_units_assets_without_licence_keys(api_as, requester_a, asset_a, asset_b):
    Asset.objects.filter(pk=asset_a.pk).update(licence_key="XXXXX-12345")
    response = api_as(requester_a).get(LIST)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["asset_number"] for row in rows] == [asset_a.asset_number]
    assert rows[0]["licence_key"] == "" and rows[0]["unit"] == "50100"


def test_staff_see_licence_keys_and_filter_with_the_lists_form(api_as, technician, make_asset, unit_a, unit_b):
    printer = make_asset(unit_a, asset_type=Asset.Type.PRINTER, brand="Canon", licence_key="")
    make_asset(unit_b, asset_type=Asset.Type.COMPUTER, licence_key="KEY-1")
    client = api_as(technician)
    assert [r["id"] for r in client.get(LIST, {"asset_type": "printer"}).json()["results"]] == [printer.pk]
    assert [r["id"] for r in client.get(LIST, {"q": "canon"}).json()["results"]] == [printer.pk]
    keys = {r["licence_key"] for r in client.get(LIST).json()["results"]}
    assert "KEY-1" in keys


def test_list_keeps_a_fixed_query_budget(api_as, requester_a, make_asset, unit_a, django_assert_max_num_queries):
    client = api_as(requester_a)
    make_asset(unit_a)
    client.get(LIST)
    with django_assert_max_num_queries(6):
        client.get(LIST)
    for _ in range(15):
        make_asset(unit_a)
    with django_assert_max_num_queries(6):
        assert len(client.get(LIST).json()["results"]) == 16


def test_detail_401_404_and_etag(api_as, anonymous_api, requester_a, requester_b, asset_a):
    assert anonymous_api.get(f"{LIST}{asset_a.pk}/").status_code == 401
    assert api_as(requester_b).get(f"{LIST}{asset_a.pk}/").status_code == 404
    client = api_as(requester_a)
    first = client.get(f"{LIST}{asset_a.pk}/")
    assert first.json()["asset_number"] == asset_a.asset_number
    assert client.get(f"{LIST}{asset_a.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_asset_editors_create_assets_with_the_forms_validation(api_as, technician, requester_a, unit_a):
    payload = {"asset_number": "7440-001-0099/2567", "asset_type": "computer", "brand": "HP", "unit": unit_a.pk,
               "acquisition": "purchase", "status": "in_use"}
    assert api_as(requester_a).post(LIST, payload, format="json").status_code == 403
    response = api_as(technician).post(LIST, payload, format="json")
    assert response.status_code == 201, response.json()
    asset = Asset.objects.get(asset_number="7440-001-0099/2567")
    assert asset.unit == unit_a and asset.history.latest().history_user == technician
    bad = api_as(technician).post(LIST, {**payload, "asset_number": "12-34"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["errors"]["asset_number"] == ["เลขครุภัณฑ์ต้องอยู่ในรูปแบบ 7440-001-0001/2566 (ปีงบประมาณ พ.ศ.)"]
    duplicate = api_as(technician).post(LIST, payload, format="json")
    assert duplicate.json()["errors"]["asset_number"] == ["เลขครุภัณฑ์นี้มีอยู่ในทะเบียนแล้ว"]
    assert Asset.objects.filter(asset_number="7440-001-0099/2567").count() == 1


def test_patch_changes_only_what_is_sent_and_is_in_the_history(api_as, technician, requester_a, requester_b,
                                                                 asset_a):
    url = f"{LIST}{asset_a.pk}/"
    assert api_as(requester_b).patch(url, {"location": "x"}, format="json").status_code == 404
    assert api_as(requester_a).patch(url, {"location": "x"}, format="json").status_code == 403
    response = api_as(technician).patch(url, {"location": "ห้องธุรการ ชั้น 2"}, format="json")
    assert response.status_code == 200, response.json()
    asset_a.refresh_from_db()
    assert asset_a.location == "ห้องธุรการ ชั้น 2" and asset_a.brand == "Dell"
    bad = api_as(technician).patch(url, {"lease_end": "2030-01-01"}, format="json")
    assert bad.status_code == 400 and "lease_end" in bad.json()["errors"]
    history = api_as(requester_a).get(url + "history/").json()
    assert history[0]["who"] == "วีระ ช่างซ่อม"
    assert history[0]["changes"] == [{"field": "location", "label": "สถานที่ตั้ง", "old": "", "new": "ห้องธุรการ ชั้น 2"}]
    assert api_as(technician).put(url, {}, format="json").status_code == 405
