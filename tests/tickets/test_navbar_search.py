"""The navbar search (issue 14 "Finding things"): tickets, assets and requests the user may see, grouped by kind."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from helpdesk.search import SHOWN, providers, reference_pk
from publishing.models import PublishingRequest, Section
from tickets.network.defaults import ensure_default_services
from tickets.network.models import AccountRequest, IPAssignment, IPRequest, MacChangeRequest, Service, Subnet

SEARCH = reverse("search")


def search(client, term, status=200):
    response = client.get(SEARCH, {"q": term})
    assert response.status_code == status
    return response


def groups(response) -> dict[str, list[str]]:
    return {group.provider.key: [hit.title for hit in group.hits] for group in response.context["groups"]}


@pytest.fixture
def requests_of(db):
    """requests_of(user, unit, tag) → one IP, MAC-change, account and publishing request of that unit."""
    ensure_default_services(Service)
    subnet = Subnet.objects.create(name="เขตทดสอบ", cidr="10.60.1.0/24", gateway="10.60.1.1")
    section = Section.objects.get_or_create(slug="news", defaults={"name": "ข่าวประชาสัมพันธ์", "order": 10})[0]
    counter = {"n": 0}

    def _make(user, unit, tag):
        counter["n"] += 1
        n = counter["n"]
        common = {"unit": unit, "requested_by": user, "memo_number": f"กท {n}", "memo_date": dt.date(2026, 11, 1),
                  "memo_file": "network/memos/x.pdf"}
        ip = IPRequest.objects.create(device_description=f"คอมพิวเตอร์{tag}", device_user="สมศรี",
                                      mac_address=f"3c:52:82:10:00:{n:02d}", location="ชั้น 1", purpose="งาน",
                                      **common)
        assignment = IPAssignment.objects.create(subnet=subnet, ip_address=f"10.60.1.{100 + n}",
                                                 mac_address=f"3c:52:82:10:00:{n:02d}", unit=unit)
        mac = MacChangeRequest.objects.create(assignment=assignment, unit=unit, requested_by=user,
                                              old_mac=f"3c:52:82:10:00:{n:02d}", new_mac=f"aa:bb:cc:dd:ee:{n:02d}",
                                              reason="การ์ดเสีย")
        account = AccountRequest.objects.create(service=Service.objects.get(code="internet"), kind="new",
                                                person_name=f"บุคคล{tag}", person_position="นักวิชาการ",
                                                mobile="0810000000", office_phone="020000000", **common)
        post = PublishingRequest.objects.create(title=f"ประกาศ{tag}", body="เนื้อหา", section=section, unit=unit,
                                                requester=user, wanted_on=dt.date(2026, 12, 1),
                                                status=PublishingRequest.Status.SUBMITTED)
        return {"ip": ip, "mac": mac, "account": account, "post": post}

    return _make


def test_each_kind_is_found_by_its_own_words(login, technician, requester_a, make_ticket, make_asset, unit_a, hw,
                                             requests_of):
    asset = make_asset(unit_a, asset_number="7440-001-0777/2566", serial_number="SNX-4242",
                       model_name="ThinkCentre M70", custodian="นางสาวมะลิ ทองดี")
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset, symptom="จอภาพดับหลังเปิดเครื่องได้สักพัก",
                         requester_name="นายประเสริฐ ศรีสุข")
    plain = make_ticket(unit_a, hw, requester=requester_a, device_serial="PRN-998877",
                        device_description="เครื่องพิมพ์เลเซอร์ชั้นสอง", symptom="กระดาษติด")
    made = requests_of(requester_a, unit_a, "ทดสอบค้นหา")
    client = login(technician)

    assert groups(search(client, ticket.number))["tickets"] == [ticket.number]
    by_asset_number = groups(search(client, "0777/2566"))
    assert by_asset_number["tickets"] == [ticket.number]
    assert by_asset_number["assets"] == [asset.asset_number]
    assert groups(search(client, "snx-42"))["tickets"] == [ticket.number]  # asset serial, any case
    assert groups(search(client, "PRN-9988"))["tickets"] == [plain.number]  # the ticket's own serial
    assert groups(search(client, "ThinkCentre"))["tickets"] == [ticket.number]  # the asset's model
    assert groups(search(client, "ประเสริฐ"))["tickets"] == [ticket.number]  # requester name
    assert groups(search(client, "เลเซอร์"))["tickets"] == [plain.number]  # unregistered device
    assert groups(search(client, "มะลิ"))["assets"] == [asset.asset_number]  # custodian

    found = groups(search(client, "ทดสอบค้นหา"))
    assert found["ip_requests"] == [made["ip"].reference]
    assert found["account_requests"] == [made["account"].reference]
    assert found["publishing"] == [made["post"].number]
    assert groups(search(client, made["mac"].reference.lower()))["mac_changes"] == [made["mac"].reference]
    assert groups(search(client, "aa:bb:cc:dd:ee"))["mac_changes"] == [made["mac"].reference]
    assert groups(search(client, made["ip"].reference))["ip_requests"] == [made["ip"].reference]
    by_post_ref = groups(search(client, made["post"].number))
    assert by_post_ref["publishing"] == [made["post"].number]
    assert by_post_ref["ip_requests"] == []


def test_thai_substring_inside_a_word_is_found(login, technician, requester_a, make_ticket, unit_a, hw):
    """Thai has no spaces between words: "ดับ" sits inside "จอภาพดับหลังเปิดเครื่อง"."""
    ticket = make_ticket(unit_a, hw, requester=requester_a, symptom="จอภาพดับหลังเปิดเครื่องได้สักพัก")
    make_ticket(unit_a, hw, requester=requester_a, symptom="เมาส์ไม่ตอบสนอง")
    response = search(login(technician), "ภาพดับหลัง")
    assert groups(response)["tickets"] == [ticket.number]
    content = response.content.decode()
    assert reverse("tickets:detail", args=[ticket.pk]) in content
    assert "เมาส์" not in content


def test_other_units_items_are_never_shown(login, requester_a, requester_b, make_ticket, make_asset, unit_a, unit_b,
                                          hw, requests_of):
    mine = make_ticket(unit_a, hw, requester=requester_a, symptom="ลำโพงไม่มีเสียงห้องประชุม")
    theirs = make_ticket(unit_b, hw, requester=requester_b, symptom="ลำโพงไม่มีเสียงห้องประชุม")
    my_asset = make_asset(unit_a, model_name="ลำโพงห้องประชุม")
    their_asset = make_asset(unit_b, model_name="ลำโพงห้องประชุม")
    requests_of(requester_a, unit_a, "ลำโพงห้องประชุม")
    theirs_requests = requests_of(requester_b, unit_b, "ลำโพงห้องประชุม")

    response = search(login(requester_a), "ลำโพง")
    found = groups(response)
    assert found["tickets"] == [mine.number]
    assert found["assets"] == [my_asset.asset_number]
    assert len(found["ip_requests"]) == len(found["account_requests"]) == len(found["publishing"]) == 1
    content = response.content.decode()
    assert theirs.number not in content
    assert their_asset.asset_number not in content
    for key in ("ip", "mac", "account"):
        assert theirs_requests[key].reference not in content
    assert theirs_requests["post"].number not in content
    # Another unit's reference typed exactly is not found either.
    assert groups(search(login(requester_a), theirs_requests["ip"].reference))["ip_requests"] == []
    assert groups(search(login(requester_a), theirs.number))["tickets"] == []


def test_each_kind_shows_ten_and_links_to_its_filtered_list(login, technician, requester_a, make_ticket, unit_a, hw):
    tickets = [make_ticket(unit_a, hw, requester=requester_a, symptom=f"ไฟดับบ่อย {i}") for i in range(SHOWN + 2)]
    response = search(login(technician), "ไฟดับบ่อย")
    group = next(g for g in response.context["groups"] if g.provider.key == "tickets")
    assert len(group.hits) == SHOWN
    assert group.more
    assert group.hits[0].title == tickets[-1].number  # newest first
    assert group.more_url.startswith(reverse("tickets:list"))
    # The board answers the "more" link with every match (it uses the same search).
    board = login(technician).get(group.more_url)
    assert board.status_code == 200
    assert board.context["page"].paginator.count == SHOWN + 2


@pytest.mark.parametrize(("term", "message"), [
    ("", "กรุณาพิมพ์คำที่ต้องการค้นหา"),
    ("   ", "กรุณาพิมพ์คำที่ต้องการค้นหา"),
    ("ก", "อย่างน้อย 2 ตัวอักษร"),
    ("ก" * 101, "ยาวได้ไม่เกิน 100 ตัวอักษร"),
])
def test_empty_short_or_too_long_queries_get_a_thai_message(login, technician, term, message):
    response = search(login(technician), term, status=400)
    assert message in response.content.decode()
    assert response.context["groups"] == []


def test_nothing_found_says_so_in_thai(login, technician, unit_a):
    response = search(login(technician), "ไม่มีคำนี้แน่นอน")
    assert "ไม่พบรายการที่ตรงกับ" in response.content.decode()


def test_hostile_input_is_escaped_and_harmless(login, technician, requester_a, make_ticket, unit_a, hw):
    make_ticket(unit_a, hw, requester=requester_a, symptom="100% ดับ_ทั้งตึก")
    client = login(technician)
    response = search(client, "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert groups(search(client, "100%"))["tickets"]  # % and _ are literal, not wildcards
    assert groups(search(client, "0%_"))["tickets"] == []
    assert search(client, "10\x000%").context["term"] == "100%"  # the middleware drops NUL bytes: no 500


def test_the_box_is_in_the_navbar_for_signed_in_users_only(client, login, technician):
    assert 'id="nav-search"' not in client.get(reverse("news:index")).content.decode()
    page = login(technician).get(reverse("home")).content.decode()
    assert 'id="nav-search"' in page and f'action="{SEARCH}"' in page


def test_anonymous_users_are_sent_to_login_and_post_is_refused(client, login, technician):
    response = client.get(SEARCH, {"q": "จอ"})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert login(technician).post(SEARCH, {"q": "จอ"}).status_code == 405


def test_searching_changes_nothing(login, technician, requester_a, make_ticket, unit_a, hw):
    from tickets.models import Ticket, TicketEvent

    make_ticket(unit_a, hw, requester=requester_a, symptom="จอภาพดับ")
    before = (Ticket.objects.count(), TicketEvent.objects.count(), list(Ticket.objects.values_list("version")))
    search(login(technician), "จอภาพ")
    assert (Ticket.objects.count(), TicketEvent.objects.count(),
            list(Ticket.objects.values_list("version"))) == before


def test_references_are_read_in_any_usual_spelling():
    assert reference_pk("IP-00042", "IP") == 42
    assert reference_pk("ip42", "IP") == 42
    assert reference_pk(" ip - 7 ", "IP") == 7
    assert reference_pk("MAC-00042", "IP") is None
    assert reference_pk("IP-", "IP") is None


def test_every_kind_is_registered_by_its_own_app():
    assert [p.key for p in providers()] == [
        "tickets", "assets", "ip_requests", "mac_changes", "account_requests", "publishing"]


def test_a_fixed_number_of_queries_whatever_the_data(login, technician, requester_a, make_ticket, make_asset, unit_a,
                                                     hw, requests_of, django_assert_max_num_queries):
    client = login(technician)

    def add(count):
        for i in range(count):
            asset = make_asset(unit_a, model_name=f"เครื่องค้นหา {i}")
            make_ticket(unit_a, hw, requester=requester_a, asset=asset, symptom=f"เครื่องค้นหา อาการ {i}")
            requests_of(requester_a, unit_a, f"เครื่องค้นหา {i}")

    board = reverse("tickets:list")
    add(2)
    with CaptureQueriesContext(connection) as small:
        search(client, "เครื่องค้นหา")
    with CaptureQueriesContext(connection) as small_board:
        client.get(board, {"q": "เครื่องค้นหา", "scope": "all"})
    add(SHOWN + 3)
    with django_assert_max_num_queries(len(small_board.captured_queries)):
        assert client.get(board, {"q": "เครื่องค้นหา", "scope": "all"}).context["page"].paginator.count == SHOWN + 5
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = search(client, "เครื่องค้นหา")
    full = {g.provider.key for g in response.context["groups"] if len(g.hits) == SHOWN and g.more}
    assert full == {"tickets", "assets", "ip_requests", "account_requests", "publishing"}  # MACs hold no such text


def test_trigram_indexes_serve_the_search_on_postgresql_and_sqlite_scans(requester_a, make_ticket, make_asset,
                                                                         unit_a, hw):
    """PostgreSQL: every searched ticket and asset column has its GIN trigram index and the planner uses them for
    the search (plain scans off, as on a large table). SQLite: no such index, the same answers by scanning."""
    from assets.models import SEARCH_FIELDS, Asset
    from tickets.models import Ticket
    from tickets.models.ticket import TICKET_TEXT_FIELDS

    asset = make_asset(unit_a, model_name="ThinkCentre M70")
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset, symptom="จอภาพดับหลังเปิดเครื่อง")
    with connection.cursor() as cursor:
        names = {index.name for model in (Ticket, Asset) for index in model._meta.indexes}
        present = {name for name in names if name.endswith("_trgm")}
        assert len(present) == len(TICKET_TEXT_FIELDS) + len(SEARCH_FIELDS)
        built = set(connection.introspection.get_constraints(cursor, "tickets_ticket")) | set(
            connection.introspection.get_constraints(cursor, "assets_asset"))
        if connection.vendor == "postgresql":
            assert present <= built
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")  # a tiny table would be read by its primary key
            plan = Ticket.objects.search("ภาพดับ").explain()
            assert "tickets_symptom_trgm" in plan, plan
            plan = Asset.objects.search("inkcentre").explain()
            assert "assets_model_name_trgm" in plan and "assets_custodian_trgm" in plan, plan
        else:
            assert not present & built
    assert list(Ticket.objects.search("ภาพดับ")) == [ticket]
    assert list(Ticket.objects.search("inkcentre")) == [ticket]


def test_a_word_many_assets_share_still_finds_every_ticket(requester_a, make_ticket, make_asset, unit_a, hw,
                                                          monkeypatch):
    """Past SEARCH_ASSET_IDS matching assets (a brand) the asset side is a subquery: nothing is lost."""
    from tickets.models import Ticket
    from tickets.models import ticket as ticket_module

    monkeypatch.setattr(ticket_module, "SEARCH_ASSET_IDS", 2)
    tickets = [make_ticket(unit_a, hw, requester=requester_a, asset=make_asset(unit_a, brand="Acer"))
               for _ in range(4)]
    other = make_ticket(unit_a, hw, requester=requester_a, symptom="Acer ไม่มีเลขครุภัณฑ์")
    make_ticket(unit_a, hw, requester=requester_a, asset=make_asset(unit_a, brand="HP"))
    assert set(Ticket.objects.search("acer")) == {*tickets, other}


def test_the_board_search_counts_and_pages_from_one_scan(login, technician, requester_a, make_ticket, unit_a, hw,
                                                         monkeypatch):
    from tickets.views import board

    monkeypatch.setattr(board, "SEARCH_COUNT_CAP", 5)
    tickets = [make_ticket(unit_a, hw, requester=requester_a, symptom=f"พัดลมดังมาก {i}") for i in range(8)]
    make_ticket(unit_a, hw, requester=requester_a, symptom="เงียบสนิท")
    client = login(technician)
    params = {"q": "ลมดัง", "scope": "all"}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("tickets:list"), params)
    page = response.context["page"]
    assert page.paginator.capped and page.paginator.count == 6  # stopped after cap + 1 ids
    assert [t.number for t in page.object_list] == [t.number for t in reversed(tickets)][:5]
    assert "มากกว่า 5 รายการ" in response.content.decode()
    scans = [q["sql"] for q in queries.captured_queries if '"symptom"' in q["sql"] and "LIKE" in q["sql"]]
    assert len(scans) == 1, scans  # the search ran once: no COUNT then page
    # Under the cap the count is exact and the last page holds the rest.
    monkeypatch.setattr(board, "SEARCH_COUNT_CAP", 250)
    response = client.get(reverse("tickets:list"), {**params, "per_page": "25"})
    assert response.context["page"].paginator.count == 8 and not response.context["page"].paginator.capped


def test_more_links_open_each_apps_own_list_filtered_by_the_words(login, supervisor_a, requester_a, unit_a,
                                                                  requests_of):
    made = [requests_of(requester_a, unit_a, "ห้องสมุดชั้นสาม") for _ in range(SHOWN + 1)]
    client = login(supervisor_a)
    response = search(client, "ห้องสมุดชั้นสาม")
    more = {g.provider.key: g.more_url for g in response.context["groups"] if g.more}
    assert set(more) == {"ip_requests", "account_requests", "publishing"}
    for key, page_name in (("ip_requests", "page_obj"), ("account_requests", "page_obj"), ("publishing", "page")):
        page = client.get(more[key])
        assert page.status_code == 200, key
        assert page.context[page_name].paginator.count == SHOWN + 1, key  # every match, not only the ten shown
    assert made[0]["post"].number in client.get(more["publishing"]).content.decode()
