"""The question log (000 §3 steps ๑–๓): questions from consultations and memos are grouped into topics; the
15-day clock runs from acceptance; an article answers the topic within or past 15 days; overdue is flagged."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from publishing.knowledge import services as knowledge
from publishing.knowledge.models import Article
from tests.publishing.conftest import pdf_bytes
from tickets.consultations import services
from tickets.consultations.models import MemoRequest, Topic

TS = Topic.Status


@pytest.fixture
def topic(technician):
    return services.topic_create(by=technician, title="การแก้ปัญหากระดาษติด")


def test_questions_are_grouped_into_a_topic_which_counts_them(client, technician, topic, make_consultation, unit_a):
    first, second = make_consultation("กระดาษติด 1"), make_consultation("กระดาษติด 2")
    memo = services.memo_record(by=technician, unit=unit_a, memo_number="กท 1/2569", memo_date=timezone.localdate(),
                                subject="ขอบทความเรื่องกระดาษติด")
    client.force_login(technician)
    response = client.post(f"/consultations/topics/{topic.pk}/group/", {})
    assert response.status_code == 400 and "กรุณาเลือกคำถามอย่างน้อยหนึ่งรายการ" in response.content.decode()
    response = client.post(f"/consultations/topics/{topic.pk}/group/",
                           {"consultations": [first.pk, second.pk], "memos": [memo.pk]})
    assert response.status_code == 302
    assert set(topic.consultations.all()) == {first, second} and list(topic.memos.all()) == [memo]
    page = client.get(f"/consultations/topics/{topic.pk}/").content.decode()
    assert "3 คำถาม" in page
    listed = client.get("/consultations/topics/").context["page"][0]
    assert listed.question_count == 3


def test_accepting_starts_the_15_day_clock_and_a_published_article_answers_within_it(client, technician, topic,
                                                                                    published_article):
    client.force_login(technician)
    assert client.get(f"/consultations/topics/{topic.pk}/accept/").status_code == 405
    client.post(f"/consultations/topics/{topic.pk}/accept/", {"note": ""})
    topic.refresh_from_db()
    assert topic.status == TS.ACCEPTED
    assert topic.due_at - topic.accepted_at == dt.timedelta(days=15)
    client.post(f"/consultations/topics/{topic.pk}/article/", {"article": published_article.pk})
    topic.refresh_from_db()
    assert topic.status == TS.ANSWERED and list(topic.articles.all()) == [published_article]
    assert topic.days_to_answer == 0 and not topic.is_overdue()
    assert [e.to_status for e in topic.events.all()] == [TS.NEW, TS.ACCEPTED, TS.ANSWERED]


def test_an_article_published_after_16_days_answers_the_topic_late(technician, topic):
    services.topic_accept(topic=topic, by=technician)
    accepted = timezone.now() - dt.timedelta(days=16)
    Topic.objects.filter(pk=topic.pk).update(accepted_at=accepted, due_at=Topic.due_from(accepted))
    topic.refresh_from_db()
    assert topic.is_overdue() and list(Topic.objects.overdue()) == [topic]
    draft = knowledge.article_create(by=technician, title="บทความตอบช้า", summary="", body="ขั้นตอน",
                                     body_format="markdown", kind="article", category=None, audience="unit")
    services.topic_link_article(topic=topic, article=draft, by=technician)
    topic.refresh_from_db()
    assert topic.status == TS.ACCEPTED  # a draft answers nothing yet
    knowledge.article_publish(article=draft, by=technician)  # the question log hears of it
    topic.refresh_from_db()
    assert topic.status == TS.ANSWERED and topic.days_to_answer == 16 and topic.is_overdue()
    assert not Topic.objects.overdue().exists()  # answered: no longer in the open overdue list


def test_overdue_topics_are_flagged_in_the_list(client, technician, topic):
    services.topic_accept(topic=topic, by=technician)
    Topic.objects.filter(pk=topic.pk).update(due_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(technician)
    page = client.get("/consultations/topics/?show=overdue")
    assert [t.pk for t in page.context["page"]] == [topic.pk]
    assert "เกิน 15 วัน" in page.content.decode()


def test_declining_needs_a_reason(client, technician, topic):
    client.force_login(technician)
    response = client.post(f"/consultations/topics/{topic.pk}/decline/", {"note": ""})
    assert response.status_code == 400 and "กรุณาระบุเหตุผลที่ไม่รับเป็นประเด็น" in response.content.decode()
    client.post(f"/consultations/topics/{topic.pk}/decline/", {"note": "ซ้ำกับบทความเดิม"})
    topic.refresh_from_db()
    assert topic.status == TS.DECLINED


def test_a_memo_asking_for_an_article_is_recorded_with_its_scan_and_accepted_into_a_topic(client, technician,
                                                                                        unit_a):
    client.force_login(technician)
    data = {"unit": unit_a.pk, "memo_number": "กท 5001/77", "memo_date": "01/11/2569",
            "subject": "ขอบทความการสำรองข้อมูล"}
    fake = SimpleUploadedFile("memo.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post("/consultations/memos/", {**data, "scan": fake})
    assert response.status_code == 400 and "ไฟล์ต้องเป็น PDF" in response.content.decode()
    assert not MemoRequest.objects.exists()
    scan = SimpleUploadedFile("memo.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post("/consultations/memos/", {**data, "scan": scan})
    memo = MemoRequest.objects.get()
    assert response.status_code == 302 and memo.scan and memo.memo_date == dt.date(2026, 11, 1)
    response = client.post("/consultations/memos/", data)
    assert "บันทึกไว้แล้ว" in response.content.decode()  # the same memo twice is refused
    assert client.get(f"/consultations/memos/{memo.pk}/scan/")["Content-Type"] == "application/pdf"
    response = client.post(f"/consultations/memos/{memo.pk}/accept/", {"topic": "", "new_title": ""})
    assert response.status_code == 400 and "กรุณาเลือกประเด็นที่มีอยู่" in response.content.decode()
    client.post(f"/consultations/memos/{memo.pk}/accept/", {"new_title": "การสำรองข้อมูล"})
    memo.refresh_from_db()
    assert memo.accepted_at and memo.topic.title == "การสำรองข้อมูล"
    assert memo.topic.status == TS.ACCEPTED and memo.topic.accepted_at >= memo.accepted_at


def test_unit_users_cannot_open_topics_or_memos(client, requester_a, technician, topic, unit_a):
    memo = services.memo_record(by=technician, unit=unit_a, memo_number="1", memo_date=timezone.localdate(),
                                subject="x")
    client.force_login(requester_a)
    for url in ("/consultations/topics/", f"/consultations/topics/{topic.pk}/", "/consultations/memos/",
                f"/consultations/memos/{memo.pk}/", f"/consultations/memos/{memo.pk}/scan/"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/consultations/topics/{topic.pk}/accept/").status_code == 403
    topic.refresh_from_db()
    assert topic.status == TS.NEW


def test_hostile_topic_and_memo_text_stays_inert(client, technician, unit_a):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>'
    topic = services.topic_create(by=technician, title=hostile, description=hostile)
    memo = services.memo_record(by=technician, unit=unit_a, memo_number=hostile[:90],
                                memo_date=timezone.localdate(), subject=hostile)
    client.force_login(technician)
    for url in ("/consultations/topics/", topic.get_absolute_url(), "/consultations/memos/",
                memo.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "<script>alert(1)" not in page and "<img src=x" not in page, url


def test_article_topics_link_is_many_to_many(technician, published_article):
    a = services.topic_create(by=technician, title="ก")
    b = services.topic_create(by=technician, title="ข")
    for topic in (a, b):
        services.topic_link_article(topic=topic, article=published_article, by=technician)
    second = Article.objects.create(title="อีกบทความ", body="x", author=technician)
    services.topic_link_article(topic=a, article=second, by=technician)
    assert set(published_article.topics.all()) == {a, b} and a.articles.count() == 2


def test_topics_due_soon_and_overdue_send_reminders_once(technician, it_head, topic):
    from helpdesk.reminders import collect

    services.topic_accept(topic=topic, by=technician)
    topic.refresh_from_db()
    assert not [d for d in collect(timezone.now()) if d.key.startswith("consultations.")]
    soon = [d for d in collect(topic.due_at - dt.timedelta(days=2)) if d.key.startswith("consultations.")]
    assert [(d.key, d.recipients) for d in soon] == [(f"consultations.topic_due:{topic.pk}", (technician,))]
    late = [d for d in collect(topic.due_at + dt.timedelta(hours=1)) if d.key.startswith("consultations.")]
    assert [d.key for d in late] == [f"consultations.topic_overdue:{topic.pk}"]
    assert set(late[0].recipients) == {technician, it_head}
    Topic.objects.filter(pk=topic.pk).update(status=TS.ANSWERED)
    assert not [d for d in collect(topic.due_at + dt.timedelta(hours=1)) if d.key.startswith("consultations.")]
