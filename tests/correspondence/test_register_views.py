"""The register page (search, filters, CSV, PDF of a period), issuing, cancelling and correcting from the web."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.correspondence.models import IssuedDocument
from helpdesk.correspondence.services import document_cancel, document_issue
from tests.correspondence.conftest import norm, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(done_ticket, make_done_ticket, technician):
    first = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    second = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    return first, second


def be_today() -> str:
    today = timezone.localdate()
    return f"{today:%d/%m}/{today.year + 543}"


def test_staff_see_the_register_with_search_and_filters(login, technician, issued):
    client = login(technician)
    response = client.get(reverse("correspondence:register"))
    assert response.status_code == 200
    assert [doc.pk for doc in response.context["rows"]] == [issued[1].pk, issued[0].pk]
    body = response.content.decode()
    assert issued[0].number in body and issued[1].number in body
    # Arabic digits typed in the search box find the Thai-digit number.
    response = client.get(reverse("correspondence:register"), {"q": "0405.1/2"})
    assert [doc.pk for doc in response.context["rows"]] == [issued[1].pk]
    year = issued[0].year
    assert len(client.get(reverse("correspondence:register"), {"year": year}).context["rows"]) == 2
    assert len(client.get(reverse("correspondence:register"), {"form": "external"}).context["rows"]) == 0
    assert len(client.get(reverse("correspondence:register"), {"kind": "ticket_summary"}).context["rows"]) == 2
    document_cancel(document=issued[0], by=technician, reason="ซ้ำ")
    rows = client.get(reverse("correspondence:register"), {"status": "cancelled"}).context["rows"]
    assert [doc.pk for doc in rows] == [issued[0].pk]


def test_bad_filter_values_show_everything_rather_than_fail(login, technician, issued):
    response = login(technician).get(reverse("correspondence:register"), {"year": "abc", "kind": "<script>"})
    assert response.status_code == 200 and len(response.context["rows"]) == 2


def test_the_register_exports_csv_with_formulas_defused(login, technician, issued):
    IssuedDocument.objects.filter(pk=issued[0].pk).update(subject="=HYPERLINK(\"http://x\")")
    response = login(technician).get(reverse("correspondence:register"), {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "ที่" and len(rows) == 3
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number[issued[0].number][4] == "'=HYPERLINK(\"http://x\")"
    assert by_number[issued[1].number][12] == issued[1].sha256


def test_the_register_pdf_of_a_period(login, technician, issued):
    today = be_today()
    response = login(technician).get(reverse("correspondence:register_pdf"), {"date_from": today, "date_to": today})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "ทะเบียนหนังสือส่ง" in text and norm(issued[0].number) in text and norm(issued[1].number) in text


def test_a_bad_period_re_renders_the_register_with_a_thai_message(login, technician, issued):
    response = login(technician).get(reverse("correspondence:register_pdf"),
                                     {"date_from": "31/02/2569", "date_to": be_today()})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "กรุณาระบุวันที่ในรูปแบบ" in response.content.decode()
    response = login(technician).get(reverse("correspondence:register_pdf"),
                                     {"date_from": "01/12/2569", "date_to": "01/11/2569"})
    assert "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น" in response.content.decode()


def test_the_register_is_for_staff_only(login, requester_a, supervisor_a, client):
    for user in (requester_a, supervisor_a):
        assert login(user).get(reverse("correspondence:register")).status_code == 403
        assert login(user).get(reverse("correspondence:register_pdf")).status_code == 403
    client.logout()
    assert client.get(reverse("correspondence:register")).status_code == 302


def test_the_register_page_costs_a_fixed_number_of_queries(login, technician, issued, make_done_ticket,
                                                           django_assert_max_num_queries):
    client = login(technician)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("correspondence:register"))
    for _ in range(5):
        document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    document_cancel(document=issued[0], by=technician, reason="ทดสอบ")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("correspondence:register"))
    assert len(response.context["rows"]) == 7


def test_staff_issue_a_letter_from_the_record_page(login, technician, done_ticket):
    client = login(technician)
    url = reverse("correspondence:issue", args=["ticket_summary", done_ticket.pk])
    assert client.get(url).status_code == 405
    detail = reverse("tickets:detail", args=[done_ticket.pk])
    response = client.post(url, {"next": detail})
    assert response.status_code == 302 and response["Location"] == detail
    document = IssuedDocument.objects.get()
    assert document.record == done_ticket and document.issued_by == technician
    page = client.get(detail).content.decode()
    assert document.number in page and reverse("correspondence:pdf", args=[document.pk]) in page
    # An outside "next" is ignored.
    response = client.post(reverse("correspondence:issue", args=["ticket_summary", done_ticket.pk]),
                           {"next": "https://evil.example/"})
    assert response["Location"].startswith("/documents/")


def test_issuing_unfinished_work_shows_the_reason_and_takes_no_number(login, technician, make_ticket, unit_a, hw,
                                                                     agency):
    ticket = make_ticket(unit_a, hw, by=technician)
    response = login(technician).post(reverse("correspondence:issue", args=["ticket_summary", ticket.pk]),
                                      follow=True)
    assert "ออกได้เมื่อซ่อมเสร็จแล้ว" in response.content.decode()
    assert not IssuedDocument.objects.exists()


def test_requesters_cannot_issue_and_other_units_get_404(login, requester_a, requester_b, done_ticket):
    url = reverse("correspondence:issue", args=["ticket_summary", done_ticket.pk])
    assert login(requester_a).post(url).status_code == 403
    assert login(requester_b).post(url).status_code == 404
    assert login(requester_a).post(reverse("correspondence:issue", args=["no_such_kind", 1])).status_code == 404
    assert login(requester_a).post(reverse("correspondence:issue", args=["ticket_summary", "x1"])).status_code == 404
    assert not IssuedDocument.objects.exists()


def test_the_draft_has_no_number_and_is_for_staff(login, technician, requester_a, done_ticket):
    url = reverse("correspondence:draft", args=["ticket_summary", done_ticket.pk])
    response = login(technician).get(url)
    body = response.content.decode()
    assert response.status_code == 200 and "(ยังไม่ออกเลข)" in body and "draft-mark" in body
    assert not IssuedDocument.objects.exists()
    assert login(requester_a).get(url).status_code == 403


def test_staff_correct_a_document_with_a_reason(login, technician, issued):
    old = issued[0]
    client = login(technician)
    url = reverse("correspondence:reissue", args=[old.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, {"reissue-reason": "  "})
    assert response.status_code == 400 and "กรุณาระบุเหตุผล" in response.content.decode()
    assert IssuedDocument.objects.count() == 2
    response = client.post(url, {"reissue-reason": "แก้ไขชื่อผู้รับ"})
    new = IssuedDocument.objects.get(replaces=old)
    assert response.status_code == 302 and response["Location"] == reverse("correspondence:detail", args=[new.pk])
    old.refresh_from_db()
    assert old.is_cancelled and old.cancel_reason == "แก้ไขชื่อผู้รับ" and new.sequence == 3
    detail = client.get(reverse("correspondence:detail", args=[old.pk])).content.decode()
    assert new.number in detail and "แก้ไขชื่อผู้รับ" in detail


def test_staff_cancel_a_document_with_a_reason(login, technician, requester_a, issued):
    document = issued[1]
    url = reverse("correspondence:cancel", args=[document.pk])
    assert login(requester_a).post(url, {"cancel-reason": "x"}).status_code == 403
    client = login(technician)
    assert client.get(url).status_code == 405
    response = client.post(url, {"cancel-reason": ""})
    assert response.status_code == 400 and "กรุณาระบุเหตุผล" in response.content.decode()
    document.refresh_from_db()
    assert not document.is_cancelled
    assert client.post(url, {"cancel-reason": "ส่งผิดหน่วยงาน"}).status_code == 302
    document.refresh_from_db()
    assert document.is_cancelled and document.cancelled_by == technician
    response = client.post(url, {"cancel-reason": "ซ้ำ"})
    assert response.status_code == 400 and "ถูกยกเลิกไปแล้ว" in response.content.decode()
    document.refresh_from_db()
    assert document.cancel_reason == "ส่งผิดหน่วยงาน"
