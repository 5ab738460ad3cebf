"""Service accounts (3.3): request → supervisor approves or returns → admin issues; never a password."""

import io
import logging

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.network import forms as network_forms
from tickets.network.models import AccountRequest, IdCardAccess, ServiceAccount

from .conftest import fake_pdf_upload, pdf_upload, png_upload

pytestmark = pytest.mark.django_db
PASSWORD_WORDS = ("password", "passwd", "รหัสผ่าน")


def request_data(service, **extra):
    data = {
        "service": service.pk, "kind": "new", "person_name": "นายสมชาย ขยันงาน", "person_position": "นิติกร",
        "id_card": png_upload(), "mobile": "081-234-5678", "office_phone": "0 2521 0522 ต่อ 12",
        "memo_number": "กท 5001/77", "memo_date": "10/11/2569", "memo_file": pdf_upload(),
    }
    data.update(extra)
    return data


def file_request(client, service, **extra):
    return client.post(reverse("network:account_request_create"), request_data(service, **extra))


def test_no_model_or_form_field_is_about_passwords():
    names = [field.name for model in apps.get_app_config("network").get_models() for field in model._meta.get_fields()]
    form_classes = [getattr(network_forms, name) for name in dir(network_forms) if name.endswith("Form")]
    for form_class in form_classes:
        if hasattr(form_class, "base_fields"):
            names += list(form_class.base_fields)
    assert "person_name" in names and "user_id" in names  # the scan sees real fields
    assert not [name for name in names if any(word in name.lower() for word in PASSWORD_WORDS)]


def test_full_journey_issues_an_account_with_no_password_anywhere(
    login, client, requester_a, supervisor_a, network_admin, email_service, caplog, mailoutbox
):
    caplog.set_level(logging.DEBUG)
    response = file_request(login(requester_a), email_service)
    assert response.status_code == 302
    account_request = AccountRequest.objects.get()
    assert (account_request.status, account_request.mobile) == ("submitted", "0812345678")
    assert supervisor_a.email in mailoutbox[0].to

    login(supervisor_a)
    assert client.get(reverse("network:account_request_approve", args=[account_request.pk])).status_code == 405
    client.post(reverse("network:account_request_approve", args=[account_request.pk]))
    account_request.refresh_from_db()
    assert (account_request.status, account_request.approved_by) == ("approved", supervisor_a)

    login(network_admin)
    url = reverse("network:account_request_complete", args=[account_request.pk])
    form = client.get(url).context["form"]
    assert set(form.fields) == {"user_id", "email", "delivery_method", "delivered_at", "note"}
    response = client.post(url, {"user_id": "somchai.k", "email": "", "delivery_method": "sms",
                                 "delivered_at": "2026-11-20T10:30"})
    assert "email" in response.context["form"].errors  # this service issues e-mail addresses
    response = client.post(url, {"user_id": "somchai.k", "email": "somchai.k@bangkok.go.th",
                                 "delivery_method": "sealed_document", "delivered_at": "2026-11-20T10:30"})
    assert response.status_code == 302
    account_request.refresh_from_db()
    assert account_request.status == "completed"
    assert (account_request.issued_user_id, account_request.delivery_method, account_request.delivered_by) == (
        "somchai.k", "sealed_document", network_admin)
    assert account_request.delivered_at.isoformat().startswith("2026-11-20T03:30")
    account = ServiceAccount.objects.get()
    assert (account.user_id, account.email, account.is_active, account.unit) == (
        "somchai.k", "somchai.k@bangkok.go.th", True, requester_a.profile.unit)

    dump = io.StringIO()
    call_command("dumpdata", "network", stdout=dump)
    text = dump.getvalue().lower()
    assert "somchai.k" in text  # the dump holds the journey
    assert not [word for word in PASSWORD_WORDS if word in text]
    logged = "\n".join(record.getMessage() for record in caplog.records).lower()
    assert not [word for word in PASSWORD_WORDS if word in logged]
    for message in mailoutbox:
        assert not [word for word in PASSWORD_WORDS if word in (message.subject + message.body).lower()]


def test_supervisor_returns_incomplete_request_and_requester_fixes_it(
    login, client, requester_a, supervisor_a, internet
):
    file_request(login(requester_a), internet)
    account_request = AccountRequest.objects.get()
    login(supervisor_a)
    client.post(reverse("network:account_request_return", args=[account_request.pk]), {"reason": "ขาดหนังสือลงนาม"})
    account_request.refresh_from_db()
    assert (account_request.status, account_request.return_note) == ("returned", "ขาดหนังสือลงนาม")
    login(requester_a)
    response = client.post(reverse("network:account_request_edit", args=[account_request.pk]),
                           request_data(internet, id_card="", person_position="นิติกรชำนาญการ"))
    assert response.status_code == 302
    account_request.refresh_from_db()
    assert (account_request.status, account_request.person_position) == ("submitted", "นิติกรชำนาญการ")
    assert account_request.id_card  # kept when no new file was given


def test_admin_can_send_an_approved_request_back(login, client, requester_a, supervisor_a, network_admin, internet):
    file_request(login(requester_a), internet)
    account_request = AccountRequest.objects.get()
    login(supervisor_a).post(reverse("network:account_request_approve", args=[account_request.pk]))
    login(network_admin).post(reverse("network:account_request_return", args=[account_request.pk]),
                              {"reason": "ชื่อสกุลไม่ตรงกับบัตร"})
    account_request.refresh_from_db()
    assert account_request.status == "returned" and account_request.approved_by is None


def test_close_deactivates_and_registry_answers_person_and_unit(
    login, client, requester_a, supervisor_a, network_admin, internet, email_service, unit_a, unit_b
):
    mine = ServiceAccount.objects.create(service=internet, unit=unit_a, person_name="นายสมชาย ขยันงาน",
                                         user_id="somchai.k")
    ServiceAccount.objects.create(service=email_service, unit=unit_a, person_name="นายสมชาย ขยันงาน",
                                  user_id="somchai.k", email="somchai.k@bangkok.go.th")
    ServiceAccount.objects.create(service=internet, unit=unit_b, person_name="นายอื่น", user_id="other")
    login(network_admin)
    person = client.get(reverse("network:account_list"), {"q": "สมชาย"})
    assert len(person.context["rows"]) == 2
    unit = client.get(reverse("network:account_list"), {"unit": unit_b.pk})
    assert [a.user_id for a in unit.context["rows"]] == ["other"]

    response = file_request(login(requester_a), internet, kind="close", account="")
    assert "ต้องระบุบัญชีเดิม" in response.context["form"].errors["account"][0]
    file_request(client, internet, kind="close", account=mine.pk)
    account_request = AccountRequest.objects.get()
    login(supervisor_a).post(reverse("network:account_request_approve", args=[account_request.pk]))
    login(network_admin)
    form = client.get(reverse("network:account_request_complete", args=[account_request.pk])).context["form"]
    assert set(form.fields) == {"note"}
    client.post(reverse("network:account_request_complete", args=[account_request.pk]), {"note": "ย้ายสังกัด"})
    mine.refresh_from_db()
    assert not mine.is_active and mine.closed_at
    active = client.get(reverse("network:account_list"), {"q": "สมชาย", "active": "True"})
    assert [a.service for a in active.context["rows"]] == [email_service]


def test_duplicate_active_user_id_is_refused(login, client, requester_a, supervisor_a, network_admin, internet,
                                             unit_a):
    ServiceAccount.objects.create(service=internet, unit=unit_a, person_name="คนเดิม", user_id="somchai.k")
    file_request(login(requester_a), internet)
    account_request = AccountRequest.objects.get()
    login(supervisor_a).post(reverse("network:account_request_approve", args=[account_request.pk]))
    response = login(network_admin).post(
        reverse("network:account_request_complete", args=[account_request.pk]),
        {"user_id": "SOMCHAI.K", "delivery_method": "sms", "delivered_at": "2026-11-20T10:30"})
    assert "มีผู้ใช้งานอยู่แล้ว" in response.context["form"].errors["user_id"][0]
    account_request.refresh_from_db()
    assert account_request.status == "approved" and ServiceAccount.objects.count() == 1


def test_bad_input_is_refused_in_thai(login, requester_a, internet):
    response = file_request(login(requester_a), internet, mobile="12345", office_phone="call me",
                            memo_file=fake_pdf_upload(), id_card=fake_pdf_upload("card.pdf"), memo_date="01/01/2600")
    errors = response.context["form"].errors
    assert "10 หลัก" in errors["mobile"][0]
    assert "ไม่ถูกต้อง" in errors["office_phone"][0]
    assert "PDF" in errors["memo_file"][0]
    assert "PDF, JPEG หรือ PNG" in errors["id_card"][0]
    assert "อนาคต" in errors["memo_date"][0]
    assert not AccountRequest.objects.exists()


def test_personal_data_is_limited_and_id_card_views_are_logged(
    login, client, requester_a, requester_b, supervisor_a, supervisor_b, network_admin, technician, unit_a, internet
):
    file_request(login(requester_a), internet)
    account_request = AccountRequest.objects.get()
    detail = reverse("network:account_request_detail", args=[account_request.pk])
    id_card = reverse("network:account_request_id_card", args=[account_request.pk])
    for outsider in (requester_b, supervisor_b):
        login(outsider)
        assert client.get(detail).status_code == 404
        assert client.get(id_card).status_code == 404
        assert client.post(reverse("network:account_request_approve", args=[account_request.pk])).status_code == 404
    colleague = make_user("colleague", Role.REQUESTER, unit=unit_a)
    for reader in (colleague, technician):
        login(reader)
        page = client.get(detail)
        assert page.status_code == 200 and "0812345678" not in page.content.decode()
        assert client.get(id_card).status_code == 403
    assert client.post(reverse("network:account_request_approve", args=[account_request.pk])).status_code == 403
    account_request.refresh_from_db()
    assert account_request.status == "submitted"
    assert not IdCardAccess.objects.exists()
    # The approving supervisor sees the form data (phones included) but never opens the ID-card copy.
    login(supervisor_a)
    page = client.get(detail).content.decode()
    assert "0812345678" in page and 'id="id-card-link"' not in page
    assert client.get(id_card).status_code == 403
    for reader in (requester_a, network_admin):
        login(reader)
        assert "0812345678" in client.get(detail).content.decode()
        response = client.get(id_card)
        assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert list(IdCardAccess.objects.order_by("pk").values_list("user", flat=True)) == [
        requester_a.pk, network_admin.pk]


def test_requester_cannot_approve_own_request(login, supervisor_a, internet):
    client = login(supervisor_a)
    file_request(client, internet)
    account_request = AccountRequest.objects.get()
    assert client.post(reverse("network:account_request_approve", args=[account_request.pk])).status_code == 403


def test_account_request_list_query_budget_and_csv_without_phones(
    login, requester_a, network_admin, internet, unit_a, django_assert_max_num_queries
):
    for index in range(40):
        AccountRequest.objects.create(
            service=internet, kind="new", unit=unit_a, requested_by=requester_a, person_name=f"คนที่ {index}",
            person_position="นิติกร", mobile="0812345678", office_phone="02 000 0000", memo_number=str(index),
            memo_date="2026-11-01", memo_file="network/memos/x.pdf",
        )
    client = login(network_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("network:account_request_list"), {"sort": "person", "status": "submitted"})
    assert len(response.context["rows"]) == 25
    with django_assert_max_num_queries(12):
        text = b"".join(client.get(reverse("network:account_request_list"), {"format": "csv"}).streaming_content)
    assert text.decode("utf-8-sig").count("\n") == 41 and b"0812345678" not in text
