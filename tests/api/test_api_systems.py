"""Information systems through the API: the register (read only), change requests and development requests —
the pages' visibility QuerySets, access helpers, forms and services."""

from tests.conftest import make_user
from tests.systems.conftest import dev_request, make_change, system_a  # noqa: F401
from tickets.systems import services
from tickets.systems.models import ChangeRequest, DevRequest, System


def test_the_register_is_read_only_and_scoped_to_the_owner_unit(api_as, anonymous_api, requester_a, requester_b,
                                                                  technician, system_a):  # noqa: F811
    assert anonymous_api.get("/api/v1/systems/").status_code == 401
    [row] = api_as(requester_a).get("/api/v1/systems/").json()["results"]
    assert (row["name"], row["owner_unit"], row["status"]) == ("ระบบสารบรรณอิเล็กทรอนิกส์", "50100", "active")
    detail = api_as(technician).get(f"/api/v1/systems/{system_a.pk}/")
    assert detail.status_code == 200 and detail["ETag"] and detail.json()["events"][0]["to_status"] == "active"
    assert api_as(requester_b).get("/api/v1/systems/").json()["results"] == []
    assert api_as(requester_b).get(f"/api/v1/systems/{system_a.pk}/").status_code == 404
    assert api_as(technician).post("/api/v1/systems/", {"name": "x"}, format="json").status_code == 405
    assert api_as(technician).patch(f"/api/v1/systems/{system_a.pk}/", {"name": "x"}, format="json").status_code == 405


def test_change_requests_list_detail_and_create(api_as, anonymous_api, requester_a, requester_b, technician,
                                                unit_a, system_a, make_change):  # noqa: F811
    existing = make_change(requester_a, system_a)
    base = "/api/v1/system-changes/"
    assert anonymous_api.get(base).status_code == 401
    assert [r["reference"] for r in api_as(requester_a).get(base).json()["results"]] == [existing.reference]
    assert api_as(requester_b).get(base).json()["results"] == []
    assert api_as(requester_b).get(f"{base}{existing.pk}/").status_code == 404
    assert [r["id"] for r in api_as(technician).get(base, {"show": "open"}).json()["results"]] == [existing.pk]
    detail = api_as(requester_a).get(f"{base}{existing.pk}/").json()
    assert detail["details"] == "กดพิมพ์แล้วหน้าว่าง" and [e["to_status"] for e in detail["events"]] == ["submitted"]

    created = api_as(requester_a).post(base, {"system": system_a.pk, "kind": "requirement", "title": "เพิ่มรายงานรายเดือน",
                                              "details": "ต้องการรายงานสรุปหนังสือเข้าออกรายเดือน"}, format="json")
    assert created.status_code == 201, created.json()
    change = ChangeRequest.objects.get(pk=created.json()["id"])
    assert (change.unit, change.requested_by, change.kind, change.status) == (unit_a, requester_a, "requirement",
                                                                             "submitted")
    assert change.analyse_due_at > change.created_at
    assert [(e.to_status, e.by) for e in change.events.all()] == [("submitted", requester_a)]


def test_change_request_bad_input_retired_system_and_no_unit(api_as, requester_a, technician, system_a, db):  # noqa: F811
    base = "/api/v1/system-changes/"
    client = api_as(requester_a)
    missing = client.post(base, {"system": system_a.pk, "kind": "problem", "title": "", "details": ""}, format="json")
    assert missing.status_code == 400
    assert missing.json()["errors"]["title"] == ["กรุณาระบุเรื่อง"]
    assert missing.json()["errors"]["details"] == ["กรุณาอธิบายรายละเอียด"]
    services.system_set_status(system=system_a, by=technician, to=System.Status.RETIRED, note="เลิกใช้")
    retired = client.post(base, {"system": system_a.pk, "kind": "problem", "title": "x", "details": "y"},
                          format="json")
    assert retired.status_code == 400
    assert retired.json()["errors"]["system"] == ["ไม่พบระบบนี้ในทะเบียน หรือระบบเลิกใช้งานแล้ว"]
    nobody = make_user("nounit")
    assert api_as(nobody).post(base, {"system": system_a.pk, "kind": "problem", "title": "x", "details": "y"},
                               format="json").status_code == 403
    assert ChangeRequest.objects.count() == 0


def test_development_requests_list_detail_and_create(api_as, anonymous_api, requester_a, requester_b, executive,
                                                     unit_a, dev_request):  # noqa: F811
    base = "/api/v1/system-dev-requests/"
    assert anonymous_api.get(base).status_code == 401
    assert [r["reference"] for r in api_as(requester_a).get(base).json()["results"]] == [dev_request.reference]
    assert api_as(requester_b).get(base).json()["results"] == []
    assert api_as(requester_b).get(f"{base}{dev_request.pk}/").status_code == 404
    assert api_as(executive).get(base, {"status": "accepted"}).json()["results"] == []
    detail = api_as(executive).get(f"{base}{dev_request.pk}/").json()
    assert detail["need"] == "การจองรถซ้ำซ้อน" and detail["events"][0]["to_status"] == "submitted"

    bad = api_as(requester_b).post(base, {"title": "ระบบลา", "trigger": "nonsense", "need": "",
                                          "expected_benefit": "x"}, format="json")
    assert bad.status_code == 400 and {"trigger", "need"} <= set(bad.json()["errors"])
    assert bad.json()["errors"]["need"] == ["กรุณาอธิบายความต้องการหรือสภาพปัญหา"]
    created = api_as(requester_b).post(base, {"title": "ระบบลาออนไลน์", "trigger": "need", "need": "ลาด้วยกระดาษ",
                                              "expected_benefit": "อนุมัติได้เร็ว"}, format="json")
    assert created.status_code == 201, created.json()
    obj = DevRequest.objects.get(pk=created.json()["id"])
    assert (obj.unit, obj.requested_by, obj.status) == (requester_b.profile.unit, requester_b, "submitted")
    assert [e.to_status for e in obj.events.all()] == ["submitted"]
    assert api_as(requester_a).get(f"{base}{obj.pk}/").status_code == 404
    assert api_as(make_user("nounit")).post(base, {}, format="json").status_code == 403
    assert api_as(requester_a).put(f"{base}{obj.pk}/", {}, format="json").status_code == 405


def test_lists_keep_a_fixed_query_budget(api_as, technician, requester_a, system_a, make_change,  # noqa: F811
                                         django_assert_max_num_queries):
    client = api_as(technician)
    for i in range(2):
        make_change(requester_a, system_a, title=f"เรื่อง {i}")
        services.devrequest_create(dev_request=DevRequest(unit=requester_a.profile.unit, title=f"ระบบ {i}",
                                                          trigger="need", need="n", expected_benefit="b"),
                                   by=requester_a)
        services.system_create(system=System(name=f"ระบบ {i}", owner_unit=requester_a.profile.unit), by=technician)
    for url in ("/api/v1/system-changes/", "/api/v1/system-dev-requests/", "/api/v1/systems/"):
        client.get(url)
        with django_assert_max_num_queries(6):
            client.get(url)
    for i in range(2, 12):
        make_change(requester_a, system_a, title=f"เรื่อง {i}")
        services.devrequest_create(dev_request=DevRequest(unit=requester_a.profile.unit, title=f"ระบบ {i}",
                                                          trigger="need", need="n", expected_benefit="b"),
                                   by=requester_a)
        services.system_create(system=System(name=f"ระบบ {i}", owner_unit=requester_a.profile.unit), by=technician)
    for url, n in (("/api/v1/system-changes/", 12), ("/api/v1/system-dev-requests/", 12), ("/api/v1/systems/", 13)):
        with django_assert_max_num_queries(6):
            assert len(client.get(url).json()["results"]) == n, url
