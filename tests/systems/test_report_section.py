"""The systems section of the summary report (page, PDF preview, CSV): change-request targets and overdue, projects
and late steps, and the satisfaction KPI placeholder until the shared survey lands."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tests.systems.conftest import at
from tickets.systems import services

pytestmark = pytest.mark.django_db
FY = {"period": "fiscal_year", "fiscal_year": "2570"}
DAY = dt.date(2027, 1, 11)  # a Monday in fiscal year 2570


def test_summary_report_shows_the_section(login, executive, requester_a, technician, system_a, make_change, clock):
    clock.set(at(DAY, 9))
    change = make_change(requester_a, system_a)
    clock.set(at(DAY, 9, 5))
    services.change_analyse(change=change, by=technician, analysis="ตรวจพบสาเหตุ")
    make_change(requester_a, system_a, kind="requirement", title="เพิ่มรายงาน")
    client = login(executive)
    body = client.get(reverse("reports:summary"), FY).content.decode()
    assert 'id="report-systems-changes"' in body and "100.0% (1/1)" in body
    assert 'id="report-systems-satisfaction"' in body
    preview = client.get(reverse("reports:summary_pdf"), {**FY, "preview": "1"}).content.decode()
    assert 'id="report-systems-changes"' in preview
    export = client.get(reverse("reports:summary_csv"), FY)
    text = b"".join(export.streaming_content).decode("utf-8-sig") if export.streaming else export.content.decode(
        "utf-8-sig")
    assert "แจ้งปัญหาการใช้งาน" in text and "ขอความต้องการใหม่" in text


def test_requester_and_staff_are_told(requester_a, technician, dev_request, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.devrequest_reject(dev_request=dev_request, by=technician, reason="ซ้ำกับระบบเดิม")
    assert any(requester_a.email in m.to and "ไม่ได้รับการพิจารณา" in m.subject and "ซ้ำกับระบบเดิม" in m.body
               for m in mail.outbox)
