"""Each user picks a channel per kind of notice; LINE is offered only when configured."""

import pytest
from django.urls import reverse

from helpdesk.notifications.models import ChannelPreference, LineAccount, LineLinkCode


def all_kinds_form(channel="email", **overrides):
    from helpdesk.notifications.kinds import all_kinds

    data = {f"kind_{code}": channel for code, _label in all_kinds()}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_settings_page_lists_the_kinds(login, requester_a):
    response = login(requester_a).get(reverse("notifications:settings"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "ใบแจ้งซ่อมเกินกำหนด" in body and "คำขอเผยแพร่ใกล้ครบ 2 วันทำการ" in body


@pytest.mark.django_db
def test_saving_a_choice_per_kind(login, requester_a):
    client = login(requester_a)
    response = client.post(reverse("notifications:settings"), all_kinds_form(kind_ticket="inbox"))
    assert response.status_code == 302
    assert ChannelPreference.objects.get(user=requester_a, kind="ticket").channel == "inbox"
    assert ChannelPreference.objects.get(user=requester_a, kind="ticket_overdue").channel == "email"
    client.post(reverse("notifications:settings"), all_kinds_form(kind_ticket="email"))
    assert ChannelPreference.objects.filter(user=requester_a, kind="ticket").count() == 1


@pytest.mark.django_db
def test_line_cannot_be_chosen_when_it_is_not_configured(login, requester_a, settings):
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    response = login(requester_a).post(reverse("notifications:settings"), all_kinds_form(kind_ticket="line"))
    assert response.status_code == 400
    assert "กรุณาเลือกช่องทางที่มีให้เลือก" in response.content.decode()
    assert not ChannelPreference.objects.filter(user=requester_a).exists()


@pytest.mark.django_db
def test_line_can_be_chosen_when_configured(login, requester_a, fake_line):
    response = login(requester_a).post(reverse("notifications:settings"), all_kinds_form(kind_ticket="line"))
    assert response.status_code == 302
    assert ChannelPreference.objects.get(user=requester_a, kind="ticket").channel == "line"


@pytest.mark.django_db
def test_a_link_code_is_drawn_on_post_and_shown(login, requester_a, fake_line):
    client = login(requester_a)
    assert client.get(reverse("notifications:line_code")).status_code == 405
    assert not LineLinkCode.objects.exists()
    client.post(reverse("notifications:line_code"))
    first = LineLinkCode.objects.get(user=requester_a).code
    assert len(first) == 8
    page = client.get(reverse("notifications:settings")).content.decode()
    assert f'id="line-code">{first}<' in page
    client.post(reverse("notifications:line_code"))
    assert LineLinkCode.objects.get(user=requester_a).code != first  # a new code replaces the old one


@pytest.mark.django_db
def test_no_link_code_without_line(login, requester_a, settings):
    settings.LINE_CHANNEL_SECRET = ""
    assert login(requester_a).post(reverse("notifications:line_code")).status_code == 404
    assert not LineLinkCode.objects.exists()


@pytest.mark.django_db
def test_unlink(login, requester_a, fake_line):
    LineAccount.objects.create(user=requester_a, line_user_id="U1")
    client = login(requester_a)
    assert client.get(reverse("notifications:line_unlink")).status_code == 405
    client.post(reverse("notifications:line_unlink"))
    assert not LineAccount.objects.exists()
