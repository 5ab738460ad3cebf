"""Prepared data files: checked by content and size, personal data seen only by the officer, the reviewers and
network admins, every view logged, removed a configurable time after close."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_user
from tickets.datarequests import services
from tickets.datarequests.models import DataFile, DataFileAccess

from .conftest import add_file, csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepared(officer, make_request, walk):
    obj = walk(make_request(officer), to="preparing")
    personal = add_file(obj, officer, csv_upload("รายชื่อครู.csv"), personal=True)
    public = obj.files.exclude(pk=personal.pk).get()
    return obj, personal, public


def download(client, obj, data_file):
    return client.get(reverse("datarequests:file_download", args=[obj.pk, data_file.pk]))


@pytest.mark.parametrize("who", ["officer", "it_head", "deputy", "network_admin"])
def test_the_people_allowed_see_personal_data_and_each_view_is_logged(client, prepared, request, who):
    obj, personal, _public = prepared
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = download(client, obj, personal)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith("รหัส".encode())
    assert DataFileAccess.objects.filter(data_file=personal, user=user).count() == 1


@pytest.mark.parametrize("who", ["technician_b", "executive", "requester_a", "supervisor_a"])
def test_others_cannot_open_personal_data(client, prepared, request, who):
    obj, personal, _public = prepared
    client.force_login(request.getfixturevalue(who))
    response = download(client, obj, personal)
    assert response.status_code in (403, 404)
    assert not DataFileAccess.objects.exists()


def test_others_see_that_a_personal_file_exists_but_not_its_name_or_a_link(client, prepared, technician_b, officer):
    obj, personal, public = prepared
    client.force_login(technician_b)
    page = client.get(reverse("datarequests:detail", args=[obj.pk])).content.decode()
    assert personal.name not in page and "ไฟล์ข้อมูลส่วนบุคคล" in page
    assert reverse("datarequests:file_download", args=[obj.pk, personal.pk]) not in page
    assert reverse("datarequests:file_download", args=[obj.pk, public.pk]) in page
    client.force_login(officer)
    page = client.get(reverse("datarequests:detail", args=[obj.pk])).content.decode()
    assert reverse("datarequests:file_download", args=[obj.pk, personal.pk]) in page


def test_a_unit_sees_its_online_request_and_its_plain_files_only_after_the_reply(
    client, requester_a, officer, make_request, walk, unit_a
):
    obj = make_request(requester_a, channel="online", unit=unit_a)
    obj = walk(obj, to="approved")
    public = obj.files.get()
    client.force_login(requester_a)
    assert client.get(reverse("datarequests:detail", args=[obj.pk])).status_code == 200
    assert download(client, obj, public).status_code == 403
    services.data_request_send_reply(request=obj, by=officer, sent_at=timezone.now(), sent_method="email")
    assert download(client, obj, public).status_code == 200


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("x.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"),
     "ไม่ใช่ชนิดที่รับ"),
    (SimpleUploadedFile("x.csv", b"<!DOCTYPE html><p>hi</p>", content_type="text/csv"), "ไม่ใช่ชนิดที่รับ"),
    (SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                        content_type="image/svg+xml"), "ไม่ใช่ชนิดที่รับ"),
    (SimpleUploadedFile("x.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 10, content_type="application/pdf"),
     "ไม่ใช่ชนิดที่รับ"),
    (SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, content_type="image/png"), "เสียหาย"),
    (SimpleUploadedFile("empty.csv", b"", content_type="text/csv"), "ว่าง"),
])
def test_uploads_are_checked_by_content(client, officer, make_request, walk, upload, message):
    obj = walk(make_request(officer), to="preparing")
    client.force_login(officer)
    response = client.post(reverse("datarequests:file_add", args=[obj.pk]), {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert obj.files.count() == 1  # only the one the walk attached


def test_too_large_uploads_are_refused(client, settings, officer, make_request, walk):
    settings.HELPDESK_DATA_FILE_MAX_MB = 1
    obj = walk(make_request(officer), to="preparing")
    client.force_login(officer)
    big = SimpleUploadedFile("big.csv", b"a,b\n" * 300_000, content_type="text/csv")
    response = client.post(reverse("datarequests:file_add", args=[obj.pk]), {"file": big})
    assert "มีขนาดเกิน 1 MB" in response.content.decode()
    assert obj.files.count() == 1


def test_the_stored_name_and_type_come_from_the_content(officer, make_request, walk):
    obj = walk(make_request(officer), to="preparing")
    data_file = add_file(obj, officer, xlsx_upload("../../etc/passwd.html"))
    assert data_file.file.name.startswith("datarequests/data/") and data_file.file.name.endswith(".xlsx")
    assert data_file.name == "passwd.html"
    assert data_file.content_type.endswith("spreadsheetml.sheet")


def test_only_the_officer_attaches_files_and_only_while_preparing(client, it_head, officer, make_request, walk):
    obj = walk(make_request(officer), to="review")
    client.force_login(it_head)
    assert client.post(reverse("datarequests:file_add", args=[obj.pk]), {"file": csv_upload()}).status_code == 403
    client.force_login(officer)
    client.post(reverse("datarequests:file_add", args=[obj.pk]), {"file": csv_upload()}, follow=True)
    assert obj.files.count() == 1


def test_personal_files_are_purged_after_the_retention_time(settings, officer, make_request, walk):
    settings.HELPDESK_DATA_FILE_RETENTION_DAYS = 30
    old = walk(make_request(officer), to="closed", personal=True)
    recent = walk(make_request(officer), to="closed", personal=True)
    old_file, recent_file = old.files.get(), recent.files.get()
    old_path = Path(old_file.file.path)
    type(old).objects.filter(pk=old.pk).update(closed_at=timezone.now() - dt.timedelta(days=31))
    type(old).objects.filter(pk=recent.pk).update(closed_at=timezone.now() - dt.timedelta(days=5))

    out = io.StringIO()
    call_command("purge_data_request_files", "--dry-run", stdout=out)
    assert "would remove 1" in out.getvalue() and old_path.exists()
    call_command("purge_data_request_files", stdout=out)
    old_file.refresh_from_db()
    recent_file.refresh_from_db()
    assert not old_path.exists() and not old_file.file and old_file.purged_at is not None
    assert recent_file.file and recent_file.purged_at is None
    assert old.events.filter(note__contains="ลบไฟล์ข้อมูลส่วนบุคคล").count() == 1
    call_command("purge_data_request_files", stdout=out)
    assert old.events.filter(note__contains="ลบไฟล์ข้อมูลส่วนบุคคล").count() == 1


def test_plain_files_are_kept(settings, officer, make_request, walk):
    settings.HELPDESK_DATA_FILE_RETENTION_DAYS = 0
    obj = walk(make_request(officer), to="closed", personal=False)
    type(obj).objects.filter(pk=obj.pk).update(closed_at=timezone.now() - dt.timedelta(days=400))
    call_command("purge_data_request_files", stdout=io.StringIO())
    assert DataFile.objects.get().file and DataFile.objects.get().purged_at is None


def test_a_named_approver_set_in_the_admin_counts_as_a_reviewer(client, prepared, unit_a):
    from tickets.datarequests.models import DeputyApprover

    obj, personal, _public = prepared
    named = make_user("named", unit=unit_a)
    client.force_login(named)
    assert client.get(reverse("datarequests:detail", args=[obj.pk])).status_code == 404
    DeputyApprover.objects.create(user=named, title="รองผู้อำนวยการ ปฏิบัติการแทนผู้อำนวยการ")
    assert download(client, obj, personal).status_code == 200
