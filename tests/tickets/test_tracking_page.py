"""The public tracking page: no login, no personal data, plain 404 for unknown tokens, rate limited."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from tickets.models import Ticket
from tickets.services import ticket_add_note, ticket_record_work, ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    for backend in caches.all():  # the default cache and the rate-limit counters
        backend.clear()
    yield
    for backend in caches.all():  # the default cache and the rate-limit counters
        backend.clear()


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, asset_a, technician):
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a, requester_phone="089-555-1234")
    ticket_transition(ticket=ticket, to="in_progress", by=technician)
    return ticket


def test_the_token_is_long_random_and_not_the_id(ticket, make_ticket, unit_a, hw, technician):
    other = make_ticket(unit_a, hw, by=technician)
    import base64

    assert len(base64.urlsafe_b64decode(ticket.tracking_token + "==")) == 24  # 192 random bits
    assert ticket.tracking_token != other.tracking_token
    # Not derived from the id: re-saving the same row keeps it, and a reissued one is unrelated.
    from tickets.models.ticket import new_tracking_token

    assert new_tracking_token() != new_tracking_token()
    assert ticket.number not in ticket.tracking_token


def test_anyone_with_the_link_sees_the_status_without_logging_in(client, ticket, technician):
    response = client.get(reverse("tracking", args=[ticket.tracking_token]))
    assert response.status_code == 200
    body = response.content.decode()
    assert ticket.number in body and "กำลังดำเนินการ" in body
    assert technician.get_full_name() in body and ticket.team.name in body
    assert "คาดว่าจะแล้วเสร็จ" in body


def test_it_shows_no_personal_data_internal_notes_or_photos(client, ticket, technician, requester_a):
    ticket_record_work(ticket=ticket, by=technician, internal_notes="ความลับภายใน")
    ticket_add_note(ticket=ticket, by=technician, note="บันทึกภายในอีกรายการ", is_internal=True)
    body = client.get(ticket.get_tracking_url()).content.decode()
    for secret in ("089-555-1234", requester_a.profile.phone, "สมศรี", "ใจดี", "ความลับภายใน",
                   "บันทึกภายในอีกรายการ", "/photos/", requester_a.email):
        assert secret not in body


def test_cause_and_fix_appear_once_resolved(client, ticket, technician):
    ticket_record_work(ticket=ticket, by=technician, cause="ฮาร์ดดิสก์เสีย", fix="เปลี่ยน SSD")
    assert "ฮาร์ดดิสก์เสีย" not in client.get(ticket.get_tracking_url()).content.decode()
    ticket_transition(ticket=ticket, to="quality_check", by=technician)
    body = client.get(ticket.get_tracking_url()).content.decode()
    assert "ฮาร์ดดิสก์เสีย" in body and "เปลี่ยน SSD" in body


def test_waiting_for_parts_note(client, ticket, technician):
    ticket_transition(ticket=ticket, to="waiting_parts", by=technician, note="สั่งซื้อแรม")
    body = client.get(ticket.get_tracking_url()).content.decode()
    assert "parts-note" in body and "สั่งซื้อแรม" in body
    assert "90 วัน" not in body  # waiting by hand keeps the due date: no parts clock to announce


def test_guarantee_flag_and_earlier_repairs(client, make_ticket, unit_a, hw, asset_a, technician, deliver):
    first = deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a), technician)
    claim = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    body = client.get(claim.get_tracking_url()).content.decode()
    assert "tracking-guarantee" in body and first.number in body
    assert "tracking-history" in body and "ส่งมอบแล้ว" in body


def test_an_unknown_token_is_a_plain_404(client, ticket):
    assert client.get(reverse("tracking", args=["x" * 32])).status_code == 404
    assert client.get(reverse("tracking", args=[ticket.tracking_token[:-1]])).status_code == 404


def test_it_is_rate_limited_per_client_address(client, ticket, settings):
    settings.TRACKING_RATE_LIMIT = "3/m"
    url = ticket.get_tracking_url()
    statuses = [client.get(url, REMOTE_ADDR="10.0.0.1").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get(url, REMOTE_ADDR="10.0.0.1")
    assert "เรียกดูถี่เกินไป" in limited.content.decode()
    assert client.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200
    # Guessing tokens counts too.
    assert client.get(reverse("tracking", args=["guess" * 8]), REMOTE_ADDR="10.0.0.1").status_code == 429


def test_the_tracking_page_follows_the_ticket_to_delivery(client, ticket, technician):
    for to, fields in [("quality_check", {"cause": "ฝุ่น", "fix": "ทำความสะอาด"}), ("ready_for_pickup", {}),
                       ("delivered", {"received_by_name": "สมชาย"})]:
        ticket_transition(ticket=ticket, to=to, by=technician, **fields)
        body = client.get(ticket.get_tracking_url()).content.decode()
        assert f'data-status="{to}"' in body
    assert "สมชาย" not in body  # the receiver's name is personal data


def test_the_tracking_page_runs_a_fixed_number_of_queries(client, ticket, technician, make_ticket, unit_a, hw,
                                                          asset_a, deliver, django_assert_max_num_queries):
    url = ticket.get_tracking_url()
    client.cookies["returning"] = "1"  # a visitor with cookies gets a freshly rendered page, never the cache
    client.get(url)
    with django_assert_max_num_queries(6) as few:  # one is the rate-limit counter (helpdesk/ratelimit.py)
        client.get(url)
    for n in range(15):
        ticket_add_note(ticket=ticket, by=technician, note=f"n{n}", is_internal=False)
    for _ in range(5):
        deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a, allow_duplicate=True), technician)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
    assert Ticket.objects.filter(asset=asset_a).count() == 6


def test_cookieless_visitors_get_the_cached_page_until_the_ticket_changes(client, ticket, technician,
                                                                        django_assert_max_num_queries):
    url = ticket.get_tracking_url()
    first = client.get(url)
    with django_assert_max_num_queries(2) as hit:  # the rate limit's count and the cached copy
        again = client.get(url)
    assert again.content == first.content
    if connection.vendor == "postgresql":
        assert len(hit.captured_queries) == 1  # both in one statement (helpdesk.ratelimit.CounterCache)
    ticket_add_note(ticket=ticket, by=technician, note="รอผู้ใช้ยืนยันรหัสเครื่อง", is_internal=False)
    assert client.get(url).content != first.content  # a public note is a new timeline entry: the copy is dropped
    cached = client.get(url).content
    ticket_add_note(ticket=ticket, by=technician, note="ภายใน", is_internal=True)
    assert client.get(url).content == cached  # an internal note is not on the page: the copy stays
    ticket_add_note(ticket=ticket, by=technician, note="โน้ตภายในเท่านั้น", is_internal=True)
    ticket_transition(ticket=ticket, to="waiting_parts", by=technician, note="สั่งพาวเวอร์ซัพพลาย")
    body = client.get(url).content.decode()
    assert 'data-status="waiting_parts"' in body
    assert "โน้ตภายในเท่านั้น" not in body


def test_a_page_with_the_survey_form_is_never_cached(client, ticket, technician):
    for to, fields in [("quality_check", {"cause": "ฝุ่น", "fix": "ทำความสะอาด"}), ("ready_for_pickup", {}),
                       ("delivered", {"received_by_name": "สมชาย"})]:
        ticket_transition(ticket=ticket, to=to, by=technician, **fields)
    url = ticket.get_tracking_url()
    client.get(url)
    response = client.get(url)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response.cookies.get("csrftoken") is not None  # rendered for this visitor, with their own token


def test_browsers_and_proxies_keep_no_copy_of_the_tracking_page_or_the_survey(client, ticket, technician):
    url = ticket.get_tracking_url()
    for response in (client.get(url), client.get(url)):  # rendered, then from the shared cache
        assert response.status_code == 200
        assert set(response["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}
    survey = client.post(reverse("tracking_survey", args=[ticket.tracking_token]), {})
    assert set(survey["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}
