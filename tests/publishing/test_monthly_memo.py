"""The monthly publishing report memo (002 §1 step ๖), issued through the outgoing register once the month is over."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.correspondence.models import IssuedDocument
from tests.correspondence.conftest import norm, pdf_text

pytestmark = pytest.mark.django_db
BKK = timezone.get_fixed_timezone(7 * 60)


def at(monkeypatch, *args):
    moment = dt.datetime(*args, tzinfo=BKK)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_the_memo_for_a_finished_month_reports_its_figures(login, monkeypatch, published, technician, it_head,
                                                           team_a, unit_a):
    team_a.head = it_head
    team_a.save()
    at(monkeypatch, 2026, 5, 12, 10)
    published(title="รับสมัคร")
    published(title="วันหยุด")
    url = reverse("correspondence:issue", args=["publishing_monthly", "2026-05"])
    response = login(technician).post(url, follow=True)
    assert "ออกได้เมื่อสิ้นเดือนนั้นแล้ว" in response.content.decode()  # May is not over yet
    assert not IssuedDocument.objects.exists()

    at(monkeypatch, 2026, 6, 2, 9)
    report_page = reverse("publishing:report") + "?month=2026-05"
    page = login(technician).get(report_page).content.decode()
    assert 'data-letters="publishing_monthly"' in page
    assert login(technician).post(url, {"next": report_page})["Location"] == report_page
    document = IssuedDocument.objects.get()
    assert (document.kind, document.form, document.record_key, document.unit) == (
        "publishing_monthly", "memo", "2026-05", None)
    assert document.issued_on == dt.date(2026, 6, 2) and document.signer == it_head
    text = pdf_text(document.pdf.read())
    for words in ("บันทึกข้อความ", "ประจำเดือนพฤษภาคม ๒๕๖๙", "รับสมัคร", "วันหยุด",
                  "วันที่ ๒ มิถุนายน ๒๕๖๙"):
        assert norm(words) in text, words
    assert document.number in login(technician).get(report_page).content.decode()
    # A correction keeps the month: the new memo replaces the old one.
    detail = reverse("correspondence:reissue", args=[document.pk])
    assert login(technician).post(detail, {"reissue-reason": "แก้ตัวเลข"}).status_code == 302
    new = IssuedDocument.objects.get(replaces=document)
    assert new.record_key == "2026-05" and new.sequence == document.sequence + 1


def test_supervisors_read_the_report_but_not_the_staff_memo(login, monkeypatch, supervisor_a, requester_a):
    at(monkeypatch, 2026, 6, 2, 9)
    page = login(supervisor_a).get(reverse("publishing:report"), {"month": "2026-05"}).content.decode()
    assert 'data-letters="publishing_monthly"' not in page
    url = reverse("correspondence:issue", args=["publishing_monthly", "2026-05"])
    assert login(supervisor_a).post(url).status_code == 403
    assert login(requester_a).post(reverse("correspondence:issue", args=["publishing_monthly", "May"])).status_code \
        == 404
    assert not IssuedDocument.objects.exists()
