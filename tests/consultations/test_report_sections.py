"""The summary report's sections: consultations counted (003 §6.1); questions by topic, articles published, days to
publish against 15, guide use and deflection (000 §3, §1.2 step ๕) — compared with counts taken from the database."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from helpdesk.dashboard import ReportScope
from publishing.knowledge.models import Article, GuideFeedback
from tickets.consultations import services
from tickets.consultations.integration import (
    consultations_report,
    consultations_report_csv,
    knowledge_report,
    knowledge_report_csv,
)
from tickets.consultations.models import Consultation, MemoRequest, Topic
from tickets.models import Ticket

BKK = ZoneInfo("Asia/Bangkok")
MARCH = ReportScope(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))


def at(day: int, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, 10, tzinfo=BKK)


@pytest.fixture
def march(technician, unit_a, unit_b, printer, make_consultation, make_ticket, requester_a):
    topic = services.topic_create(by=technician, title="กระดาษติด")
    late = services.topic_create(by=technician, title="รหัสผ่านอีเมล")
    open_topic = services.topic_create(by=technician, title="สำรองข้อมูล")
    rows = [
        make_consultation("ก", topic=topic, minutes=5),
        make_consultation("ข", topic=topic, minutes=10, category=printer),
        make_consultation("ค", topic=late, minutes=3, unit=unit_b),
        make_consultation("ง", minutes=7, solved=False, answer=""),
        make_consultation("นอกช่วง", minutes=99),
    ]
    for row, day in zip(rows, (2, 3, 4, 5), strict=False):
        Consultation.objects.filter(pk=row.pk).update(recorded_at=at(day))
    Consultation.objects.filter(pk=rows[-1].pk).update(recorded_at=at(2, month=4))
    ticket = services.consultation_to_ticket(consultation=rows[3], by=technician, category=printer,
                                             device_description="เครื่องพิมพ์")
    Ticket.objects.filter(pk=ticket.pk).update(created_at=at(5))
    memo = services.memo_record(by=technician, unit=unit_a, memo_number="1", memo_date=dt.date(2026, 3, 1),
                                subject="ขอบทความ")
    MemoRequest.objects.filter(pk=memo.pk).update(received_at=at(6), topic=topic)

    guide = Article.objects.create(title="คู่มือเครื่องพิมพ์", body="x", kind="guide", status="published",
                                   audience="unit", published_at=at(1))
    article = Article.objects.create(title="บทความกระดาษติด", body="x", status="published", audience="public",
                                     published_at=at(10))
    Article.objects.create(title="บทความเดือนก่อน", body="x", status="published", published_at=at(10, month=2))
    for t, accepted, answered in ((topic, at(1), at(10)), (late, at(1), at(20))):
        Topic.objects.filter(pk=t.pk).update(status=Topic.Status.ANSWERED, accepted_at=accepted,
                                             due_at=Topic.due_from(accepted), answered_at=answered)
    Topic.objects.filter(pk=open_topic.pk).update(status=Topic.Status.ACCEPTED, accepted_at=at(1),
                                                  due_at=Topic.due_from(at(1)))
    topic.articles.add(article)

    for n, reinstalled in ((1, True), (2, False)):
        t = make_ticket(unit_a, printer, requester=requester_a, device_description=f"เครื่อง {n}")
        Ticket.objects.filter(pk=t.pk).update(guide_followed=guide, reinstalled=reinstalled, created_at=at(7))
    for outcome in ("solved", "solved", "need_help"):
        feedback = GuideFeedback.objects.create(article=guide, outcome=outcome, unit=unit_a)
        GuideFeedback.objects.filter(pk=feedback.pk).update(at=at(8))
    return {"topic": topic, "late": late, "guide": guide}


def test_consultations_are_counted_by_category(march, unit_a):
    data = consultations_report(MARCH)
    assert data["totals"] == {"count": 4, "minutes": 25, "solved": 3, "tickets": 1}
    assert data["totals"]["count"] == Consultation.objects.filter(recorded_at__month=3).count()
    by_unit = consultations_report(ReportScope(start=MARCH.start, end=MARCH.end, unit_ids=(unit_a.pk,)))
    assert by_unit["totals"]["count"] == 3
    header, rows = consultations_report_csv(MARCH)
    assert header[0] == "หมวดปัญหา" and rows[-1] == ["รวม", 4, 25, 3, 1]


def test_the_knowledge_section_counts_topics_articles_days_and_deflection(march):
    data = knowledge_report(MARCH)
    assert {row["topic"]: row["n"] for row in data["by_topic"]} == {
        "กระดาษติด": 3, "รหัสผ่านอีเมล": 1, "ยังไม่จัดเข้าประเด็น": 1}
    assert data["questions"] == 5
    assert data["articles"] == {"total": 2, "guides": 1, "public": 1}
    assert [(row["title"], row["days"], row["late"]) for row in data["answered"]] == [
        ("กระดาษติด", 9, False), ("รหัสผ่านอีเมล", 19, True)]
    assert data["answered_within"] == 1 and data["avg_days"] == 14.0
    assert data["open_overdue"] == 1
    assert data["guide_use"] == [{"guide_followed__title": "คู่มือเครื่องพิมพ์", "n": 2, "reinstalls": 1}]
    assert data["tickets"] == {"with_guide": 2, "reinstalls": 1}
    assert data["deflected"] == 2 and data["deflection_rate"] == 67
    header, rows = knowledge_report_csv(MARCH)
    assert ["คำถามตามประเด็น", "กระดาษติด", 3, ""] in rows


def test_the_sections_cost_a_fixed_number_of_queries(march, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        knowledge_report(MARCH)
    with django_assert_max_num_queries(2):
        consultations_report(MARCH)


def test_the_sections_render_in_the_summary_report(march, login, executive):
    client = login(executive)
    page = client.get(reverse("reports:summary") + "?period=range&start=01/03/2569&end=31/03/2569")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="report-consultations"' in body and 'id="report-knowledge-topics"' in body
    assert "คู่มือเครื่องพิมพ์" in body and "รหัสผ่านอีเมล" in body


def test_the_desk_widget_counts_today_ungrouped_memos_and_overdue(login, technician, requester_a, make_consultation,
                                                                   unit_a):
    topic = services.topic_create(by=technician, title="ค้าง")
    services.topic_accept(topic=topic, by=technician)
    Topic.objects.filter(pk=topic.pk).update(due_at=at(1))
    make_consultation("วันนี้")
    make_consultation("มีประเด็น", topic=topic)
    services.memo_record(by=technician, unit=unit_a, memo_number="9", memo_date=dt.date(2026, 3, 1), subject="x")
    page = login(technician).get("/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="widget-consultations"' in html
    widget = html[html.index('id="widget-consultations"'):]
    for key, value in (("today", 2), ("ungrouped", 1), ("memos", 1), ("overdue", 1)):
        assert f'data-count="{key}">{value}<' in widget, key
    assert 'id="widget-consultations"' not in login(requester_a).get("/").content.decode()
