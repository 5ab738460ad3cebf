"""Requester intake: own unit, asset by number or from the QR label, photos checked by content."""

import re
from pathlib import PurePath

import pytest
from django.core import mail
from django.urls import reverse

from tests.tickets.conftest import image_bytes, upload
from tickets.models import Channel, Status, Ticket, TicketPhoto

pytestmark = pytest.mark.django_db
URL = reverse("tickets:create")


def form_data(category, **extra):
    data = {"category": category.pk, "symptom": "เปิดไม่ติด ไฟไม่เข้า", "requester_phone": "02 111 2222",
            "requester_position": "นักวิชาการ"}
    data.update(extra)
    return data


def test_a_requester_files_a_ticket_for_an_asset_of_their_unit(login, requester_a, asset_a, hw, team_a,
                                                               django_capture_on_commit_callbacks):
    client = login(requester_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(hw, asset_number=asset_a.asset_number,
                                              photos=[upload("a.png", image_bytes("PNG")),
                                                      upload("b.jpg", image_bytes("JPEG"))]))
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response.url == ticket.get_absolute_url()
    assert ticket.number.startswith(f"{ticket.fiscal_year}-00001")
    assert ticket.unit == requester_a.profile.unit
    assert ticket.asset == asset_a and ticket.device_serial == asset_a.serial_number
    assert ticket.team == team_a  # routed to the team of the unit's area
    assert ticket.channel == Channel.WEB and ticket.status == Status.NEW
    assert ticket.requester == requester_a and ticket.requester_name == "สมศรี ใจดี"
    assert ticket.due_at is not None
    photos = list(TicketPhoto.objects.filter(ticket=ticket))
    assert sorted(p.content_type for p in photos) == ["image/jpeg", "image/png"]
    # Random names (a uuid), never the uploaded ones; the old check failed whenever a uuid ended in "a".
    assert all(re.fullmatch(r"[0-9a-f]{32}\.(png|jpg)", PurePath(p.image.name).name) for p in photos)
    assert mail.outbox and mail.outbox[0].to == [team_a.email]
    page = client.get(response.url)
    assert "นำเครื่องมาส่งที่จุดบริการเบ็ดเสร็จ" in page.content.decode()


def test_the_qr_label_entry_prefills_the_asset(login, requester_a, asset_a):
    response = login(requester_a).get(URL, {"asset": asset_a.pk})
    assert response.status_code == 200
    assert response.context["form"].initial["asset_number"] == asset_a.asset_number
    assert "prefilled-asset" in response.content.decode()


def test_an_asset_of_another_unit_is_not_prefilled(login, requester_a, asset_b):
    response = login(requester_a).get(URL, {"asset": asset_b.pk})
    assert "asset_number" not in response.context["form"].initial
    response = login(requester_a).post(URL, form_data(
        Ticket._meta.get_field("category").related_model.objects.get(code="hw-printer"),
        asset_number=asset_b.asset_number))
    assert response.status_code == 200
    assert "ไม่พบครุภัณฑ์เลขนี้ในทะเบียนของหน่วยงาน" in response.content.decode()
    assert not Ticket.objects.exists()


def test_an_unregistered_device_is_described_with_its_serial(login, requester_a, hw):
    response = login(requester_a).post(URL, form_data(hw, device_description="เครื่องพิมพ์ HP เก่า",
                                                      device_serial="CN123"))
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.asset is None and ticket.device_description == "เครื่องพิมพ์ HP เก่า" and ticket.device_serial == "CN123"


def test_no_device_at_all_is_a_form_error(login, requester_a, hw):
    response = login(requester_a).post(URL, form_data(hw))
    assert response.status_code == 200
    assert response.context["form"].errors["device_description"]
    assert not Ticket.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([upload("x.png", b"GIF89a" + b"\0" * 100)], "ไม่ใช่รูปภาพ JPEG หรือ PNG"),
        ([upload("x.jpg", b"%PDF-1.4 fake")], "ไม่ใช่รูปภาพ JPEG หรือ PNG"),
        ([upload("big.png", image_bytes("PNG") + b"\0" * (5 * 1024 * 1024))], "ใหญ่เกิน 5 MB"),
        ([upload(f"{n}.png", image_bytes("PNG")) for n in range(6)], "ไม่เกิน 5 รูป"),
        ([upload("broken.png", image_bytes("PNG")[:40])], "เสียหาย"),
    ],
)
def test_bad_photos_are_refused_and_nothing_is_saved(login, requester_a, hw, files, message):
    response = login(requester_a).post(URL, form_data(hw, device_description="PC", photos=files))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["photos"])
    assert not Ticket.objects.exists() and not TicketPhoto.objects.exists()


def test_an_open_ticket_must_be_confirmed(login, requester_a, asset_a, hw):
    client = login(requester_a)
    client.post(URL, form_data(hw, asset_number=asset_a.asset_number))
    first = Ticket.objects.get()
    response = client.post(URL, form_data(hw, asset_number=asset_a.asset_number))
    assert response.status_code == 200
    assert "already-open" in response.content.decode() and first.number in response.content.decode()
    assert Ticket.objects.count() == 1
    response = client.post(URL, form_data(hw, asset_number=asset_a.asset_number, confirm_duplicate="on"))
    assert response.status_code == 302
    assert Ticket.objects.count() == 2


def test_the_requester_sees_the_guarantee_result(login, requester_a, asset_a, hw, technician, make_ticket, deliver):
    previous = deliver(make_ticket(asset_a.unit, hw, by=technician, asset=asset_a), technician)
    response = login(requester_a).post(URL, form_data(hw, asset_number=asset_a.asset_number), follow=True)
    ticket = Ticket.objects.exclude(pk=previous.pk).get()
    assert ticket.guarantee_of == previous
    body = response.content.decode()
    assert "On Site Service" in body and previous.number in body and "guarantee-alert" in body


def test_login_is_required_and_users_without_a_unit_are_refused(client, make_user_no_unit):
    assert client.get(URL).status_code == 302
    client.force_login(make_user_no_unit)
    assert client.get(URL).status_code == 403


@pytest.fixture
def make_user_no_unit(db):
    from tests.conftest import make_user

    return make_user("nounit", "requester")
