"""Every notice lands in the inbox: bell count, list with links, open, mark read, mark all read."""

import pytest
from django.core import mail
from django.urls import reverse

from helpdesk.notifications.models import ChannelPreference, Notification
from helpdesk.notifications.services import notice_deliver
from helpdesk.notify import notify


@pytest.fixture
def notices(requester_a):
    def _make(n=1, **extra):
        for i in range(n):
            notice_deliver(users=[requester_a], kind=extra.get("kind", "ticket"), subject=f"เรื่องที่ {i + 1}",
                           body="รายละเอียด", url=extra.get("url", "/tickets/"))
        return list(Notification.objects.filter(user=requester_a).order_by("pk"))

    return _make


@pytest.mark.django_db
def test_notify_puts_users_in_the_inbox_and_mails_the_other_addresses(requester_a, technician, unit_a):
    mail.outbox.clear()
    notify(recipients=[requester_a.email, "team@example.go.th", "", technician.email], subject="ทดสอบ",
           template="email/tickets/status_changed.txt", context={"ticket": None, "from_status": "", "note": ""},
           kind="ticket", url="/tickets/1/")

    rows = Notification.objects.order_by("user__username").values_list("user__username", "kind", "subject", "url")
    assert list(rows) == [("req_a", "ticket", "ทดสอบ", "/tickets/1/"), ("tech", "ticket", "ทดสอบ", "/tickets/1/")]
    assert [sorted(m.to) for m in mail.outbox] == [sorted([requester_a.email, technician.email, "team@example.go.th"])]


@pytest.mark.django_db
def test_inbox_only_choice_keeps_the_notice_out_of_e_mail(requester_a, technician):
    ChannelPreference.objects.create(user=requester_a, kind="ticket", channel="inbox")
    mail.outbox.clear()
    notice_deliver(users=[requester_a, technician], kind="ticket", subject="งานใหม่", body="")
    assert [m.to for m in mail.outbox] == [[technician.email]]
    assert Notification.objects.filter(user=requester_a, subject="งานใหม่").exists()


@pytest.mark.django_db
def test_a_general_choice_applies_to_kinds_without_their_own(requester_a):
    ChannelPreference.objects.create(user=requester_a, kind="general", channel="inbox")
    mail.outbox.clear()
    notice_deliver(users=[requester_a], kind="ticket_overdue", subject="เกินกำหนด", body="")
    assert mail.outbox == []


@pytest.mark.django_db
def test_inbox_lists_own_notices_with_unread_first_marked(login, requester_a, requester_b, notices):
    notices(3)
    notice_deliver(users=[requester_b], kind="ticket", subject="ของคนอื่น", body="")
    response = login(requester_a).get(reverse("notifications:inbox"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "เรื่องที่ 3" in body and "ของคนอื่น" not in body
    assert 'id="inbox-unread-total">3<' in body


@pytest.mark.django_db
def test_inbox_keeps_a_fixed_number_of_queries(login, requester_a, notices, django_assert_max_num_queries):
    client = login(requester_a)
    notices(2)
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("notifications:inbox"))
    notices(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("notifications:inbox"))
    assert response.content.decode().count("data-notice=") == 25


@pytest.mark.django_db
def test_bell_badge_shows_the_unread_count(login, requester_a, notices):
    notices(2)
    response = login(requester_a).get(reverse("notifications:badge"))
    assert '<span class="badge rounded-pill text-bg-danger" id="inbox-unread"' in response.content.decode()
    assert ">2</span>" in response.content.decode()
    page = login(requester_a).get(reverse("home"))
    assert reverse("notifications:badge") in page.content.decode()


@pytest.mark.django_db
def test_open_marks_read_and_goes_to_the_record(login, requester_a, notices):
    notice = notices(1, url="/tickets/42/")[0]
    response = login(requester_a).post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/tickets/42/"
    notice.refresh_from_db()
    assert notice.read_at is not None


@pytest.mark.django_db
def test_open_never_redirects_off_site(login, requester_a, notices):
    notice = notices(1, url="https://evil.example/")[0]
    response = login(requester_a).post(reverse("notifications:open", args=[notice.pk]))
    assert response["Location"] == reverse("notifications:inbox")


@pytest.mark.django_db
def test_mark_read_and_all_read(login, requester_a, notices):
    first, *rest = notices(3)
    client = login(requester_a)
    assert client.post(reverse("notifications:read", args=[first.pk])).status_code == 302
    assert Notification.objects.filter(user=requester_a, read_at__isnull=True).count() == 2
    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(user=requester_a, read_at__isnull=True).exists()


@pytest.mark.django_db
def test_changes_need_post(login, requester_a, notices):
    notice = notices(1)[0]
    client = login(requester_a)
    assert client.get(reverse("notifications:read", args=[notice.pk])).status_code == 405
    assert client.get(reverse("notifications:open", args=[notice.pk])).status_code == 405
    assert client.get(reverse("notifications:read_all")).status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None


@pytest.mark.django_db
def test_someone_elses_notice_is_404(login, requester_a, requester_b, notices):
    notice = notices(1)[0]
    client = login(requester_b)
    assert client.post(reverse("notifications:read", args=[notice.pk])).status_code == 404
    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404
    client.post(reverse("notifications:read_all"))
    notice.refresh_from_db()
    assert notice.read_at is None


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
