"""PDPA: ID-card files are deleted N days after the request finished, and the deletion is recorded."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tickets.network.models import AccountRequest, IPAssignment, MacChangeRequest
from tickets.network.services import account_request_cancel

from .conftest import pdf_upload, png_upload

pytestmark = pytest.mark.django_db


def make_account_request(user, unit, service, finished_days_ago=None):
    request = AccountRequest(service=service, kind="new", unit=unit, requested_by=user, person_name="ก",
                             person_position="ข", mobile="0812345678", office_phone="02", memo_number="1",
                             memo_date="2026-11-01")
    request.memo_file.save("m.pdf", pdf_upload(), save=False)
    request.id_card.save("c.png", png_upload(), save=False)
    request.save()
    if finished_days_ago is not None:
        request.finished_at = timezone.now() - dt.timedelta(days=finished_days_ago)
        request.status = "completed"
        request.save()
    return request


def test_it_purges_old_files_only_and_records_it(settings, requester_a, unit_a, internet, subnet):
    settings.HELPDESK_ID_CARD_RETENTION_DAYS = 30
    old = make_account_request(requester_a, unit_a, internet, finished_days_ago=31)
    recent = make_account_request(requester_a, unit_a, internet, finished_days_ago=5)
    open_request = make_account_request(requester_a, unit_a, internet)
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:00:00:00:00:01",
                                             unit=unit_a)
    change = MacChangeRequest(assignment=assignment, unit=unit_a, requested_by=requester_a, old_mac="3c:00:00:00:00:01",
                              new_mac="3c:00:00:00:00:02", reason="x", status="applied",
                              finished_at=timezone.now() - dt.timedelta(days=40))
    change.id_card.save("c.png", png_upload(), save=True)
    old_path, change_path = Path(old.id_card.path), Path(change.id_card.path)
    assert old_path.exists() and change_path.exists()

    out = io.StringIO()
    call_command("purge_id_cards", "--dry-run", stdout=out)
    assert "would remove 2" in out.getvalue() and old_path.exists()

    out = io.StringIO()
    call_command("purge_id_cards", stdout=out)
    assert "removed 2" in out.getvalue()
    old.refresh_from_db()
    change.refresh_from_db()
    for obj, path in ((old, old_path), (change, change_path)):
        assert not obj.id_card and obj.id_card_purged_at and not path.exists()
        event = obj.events.last()
        assert "ลบสำเนาบัตร" in event.note and "30 วัน" in event.note and event.by is None
    for kept in (recent, open_request):
        kept.refresh_from_db()
        assert kept.id_card and Path(kept.id_card.path).exists() and kept.id_card_purged_at is None

    out = io.StringIO()
    call_command("purge_id_cards", stdout=out)
    assert "removed 0" in out.getvalue()


def test_cancelled_requests_count_as_finished(settings, requester_a, unit_a, internet):
    request = make_account_request(requester_a, unit_a, internet)
    request.status = "submitted"
    request.save()
    account_request_cancel(request=request, by=requester_a)
    call_command("purge_id_cards", "--days", "0", stdout=io.StringIO())
    request.refresh_from_db()
    assert not request.id_card and request.id_card_purged_at


def test_purged_file_download_explains_instead_of_failing(login, requester_a, unit_a, internet):
    request = make_account_request(requester_a, unit_a, internet, finished_days_ago=100)
    call_command("purge_id_cards", stdout=io.StringIO())
    response = login(requester_a).get(f"/network/accounts/requests/{request.pk}/id-card/", follow=True)
    assert "ถูกลบตามระยะเวลาเก็บรักษา" in response.content.decode()
