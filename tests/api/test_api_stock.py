"""/api/v1/stock-items/: the catalogue with ledger balances, for service staff and executives only."""

LIST = "/api/v1/stock-items/"


def test_staff_read_items_with_balances(api_as, technician, make_item, stock_officer):
    make_item(stock=5, by=stock_officer)
    make_item("TN-HP85A", "ตลับหมึก HP 85A", stock=2, reorder=3, by=stock_officer, kind="consumable")
    rows = {row["code"]: row for row in api_as(technician).get(LIST).json()["results"]}
    assert rows["RAM-DDR4-8"]["balance"] == 5 and rows["RAM-DDR4-8"]["below_reorder_level"] is False
    assert rows["TN-HP85A"]["balance"] == 2 and rows["TN-HP85A"]["below_reorder_level"] is True
    low = api_as(technician).get(LIST, {"show": "low"}).json()["results"]
    assert [row["code"] for row in low] == ["TN-HP85A"]


def test_unit_users_get_403_and_anonymous_401(api_as, anonymous_api, requester_a, make_item):
    item = make_item()
    assert api_as(requester_a).get(LIST).status_code == 403
    assert api_as(requester_a).get(f"{LIST}{item.pk}/").status_code == 403
    assert api_as(requester_a).get(f"{LIST}{item.pk}/movements/").status_code == 403
    assert anonymous_api.get(LIST).status_code == 401


def test_detail_and_movements(api_as, executive, make_item, stock_officer):
    item = make_item(stock=7, by=stock_officer)
    client = api_as(executive)
    assert client.get(f"{LIST}{item.pk}/").json()["balance"] == 7
    movements = client.get(f"{LIST}{item.pk}/movements/").json()
    assert [(m["kind"], m["quantity"]) for m in movements] == [("receipt", 7)]
    assert client.get(f"{LIST}999999/").status_code == 404
    assert client.post(LIST, {"code": "x"}, format="json").status_code == 405


def test_list_keeps_a_fixed_query_budget(api_as, technician, make_item, stock_officer,
                                         django_assert_max_num_queries):
    client = api_as(technician)
    make_item("A-0", "รายการ 0", stock=1, by=stock_officer)
    client.get(LIST)
    with django_assert_max_num_queries(6):
        client.get(LIST)
    for i in range(1, 12):
        make_item(f"A-{i}", f"รายการ {i}", stock=i, by=stock_officer)
    with django_assert_max_num_queries(6):
        assert len(client.get(LIST).json()["results"]) == 12
