"""Saved board views: a technician names the board's filters and finds them again as links; only their own."""

import pytest
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.board_forms import MAX_SAVED_VIEWS
from tickets.models import SavedBoardView

pytestmark = pytest.mark.django_db
CREATE = reverse("tickets:view_create")
BOARD = reverse("tickets:list")


def test_a_technician_saves_the_boards_filters_as_a_named_view_and_sees_it_as_a_link(login, technician):
    client = login(technician)
    response = client.post(CREATE, {"name": "  งาน  เกินกำหนด ", "query": "status=open&overdue=1&page=3&evil=1"})
    view = SavedBoardView.objects.get(user=technician)
    assert view.name == "งาน เกินกำหนด"
    assert view.query == "status=open&overdue=1"  # the board's own parameters only; no page, nothing else
    assert response.status_code == 302 and response["Location"] == f"{BOARD}?status=open&overdue=1"
    board = client.get(BOARD).content.decode()
    assert 'href="?status=open&amp;overdue=1"' in board and "งาน เกินกำหนด" in board


def test_saving_under_a_name_already_used_replaces_its_filters(login, technician):
    client = login(technician)
    client.post(CREATE, {"name": "ของฉัน", "query": "scope=mine"})
    client.post(CREATE, {"name": "ของฉัน", "query": "scope=mine&status=received"})
    assert list(SavedBoardView.objects.values_list("name", "query")) == [("ของฉัน", "scope=mine&status=received")]


def test_a_view_without_a_name_is_refused_in_thai_and_the_board_keeps_its_filters(login, technician):
    response = login(technician).post(CREATE, {"name": "   ", "query": "status=received"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "กรุณาตั้งชื่อมุมมอง" in body
    assert response.context["filters"]["status"] == "received"  # the board as it was
    assert not SavedBoardView.objects.exists()


def test_a_name_too_long_or_too_many_views_are_refused(login, technician):
    client = login(technician)
    response = client.post(CREATE, {"name": "ก" * 61, "query": ""})
    assert response.status_code == 400 and not SavedBoardView.objects.exists()
    SavedBoardView.objects.bulk_create(SavedBoardView(user=technician, name=f"v{n}") for n in range(MAX_SAVED_VIEWS))
    response = client.post(CREATE, {"name": "อีกหนึ่ง", "query": "status=new"})
    assert response.status_code == 400 and "บันทึกมุมมองได้ไม่เกิน" in response.content.decode()
    assert SavedBoardView.objects.count() == MAX_SAVED_VIEWS


def test_saving_and_deleting_take_post_only(login, technician):
    view = SavedBoardView.objects.create(user=technician, name="ทีม", query="scope=team")
    client = login(technician)
    assert client.get(CREATE).status_code == 405
    assert client.get(reverse("tickets:view_delete", args=[view.pk])).status_code == 405
    assert SavedBoardView.objects.filter(pk=view.pk).exists()


def test_requesters_may_not_save_views(login, requester_a):
    client = login(requester_a)
    assert client.post(CREATE, {"name": "ของหน่วย", "query": ""}).status_code == 403
    assert not SavedBoardView.objects.exists()
    assert "saved-views" not in client.get(BOARD).content.decode()


def test_a_technician_deletes_their_view_but_never_someone_elses(login, technician, technician_b):
    mine = SavedBoardView.objects.create(user=technician, name="ของฉัน", query="scope=mine")
    theirs = SavedBoardView.objects.create(user=technician_b, name="ของเขา", query="scope=all")
    client = login(technician)
    assert client.post(reverse("tickets:view_delete", args=[theirs.pk])).status_code == 404
    assert "ของเขา" not in client.get(BOARD).content.decode()  # nor listed on my board
    response = client.post(reverse("tickets:view_delete", args=[mine.pk]))
    assert response.status_code == 302
    assert list(SavedBoardView.objects.values_list("name", flat=True)) == ["ของเขา"]


def test_the_filter_button_counts_the_active_filters(login, technician, make_ticket, unit_a, hw):
    make_ticket(unit_a, hw, by=technician)
    client = login(technician)
    assert client.get(BOARD).context["active_filter_count"] == 0  # the team scope is the default
    response = client.get(BOARD, {"status": "open", "overdue": "1", "q": "จอ", "sort": "due", "status2": "x"})
    assert response.context["active_filter_count"] == 3  # sort is not a filter
    assert 'data-filter-count="3"' in response.content.decode()
    assert client.get(BOARD, {"scope": "all", "status": "bogus"}).context["active_filter_count"] == 1


def test_the_board_is_a_card_list_on_phones_and_keeps_a_fixed_query_count(
        login, unit_a, team_a, make_ticket, hw, django_assert_max_num_queries):
    tech = make_user("tech9", Role.TECHNICIAN, unit=unit_a, team=team_a)
    for n in range(5):
        SavedBoardView.objects.create(user=tech, name=f"มุมมอง {n}", query=f"status=new&per_page={25 * (n % 2 + 1)}")
    for _ in range(30):
        make_ticket(unit_a, hw, by=tech)
    client = login(tech)
    client.get(BOARD)
    with django_assert_max_num_queries(12) as small:
        response = client.get(BOARD, {"per_page": 25})
    body = response.content.decode()
    assert 'class="table table-sm table-hover align-middle bg-white list-cards"' in body
    assert body.count('class="lc-select"') == 25 and body.count("มุมมอง ") >= 5
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(BOARD, {"per_page": 100})
    assert len(response.context["page"]) == 30
