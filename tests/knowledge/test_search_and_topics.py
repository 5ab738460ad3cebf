"""Reading on the public site and for units: Thai search, topics (problem categories), a fixed query budget."""

import pytest

from publishing.knowledge.models import Article
from tests.tickets.conftest import category


@pytest.fixture
def library(make_article, printer):
    internet = category("sw-internet")
    return [
        make_article("แก้ปัญหากระดาษติดในเครื่องพิมพ์", category=printer, body="เปิดฝาเครื่องแล้วดึงกระดาษออก"),
        make_article("ตั้งค่าเครื่องพิมพ์ร่วมกัน", category=printer, body="เพิ่มเครื่องพิมพ์จาก Settings"),
        make_article("อินเทอร์เน็ตช้า ทำอย่างไร", category=internet, body="ตรวจสอบสาย LAN"),
        make_article("วิธีเปลี่ยนรหัสผ่าน", body="รหัสผ่านต้องยาว 12 ตัว", summary="ความปลอดภัยของบัญชี"),
    ]


def _titles(response) -> list[str]:
    return [article.title for article in response.context["page"]]


def test_thai_search_finds_words_inside_titles_bodies_and_summaries(library, client):
    assert sorted(_titles(client.get("/knowledge/", {"q": "กระดาษ"}))) == ["แก้ปัญหากระดาษติดในเครื่องพิมพ์"]
    assert sorted(_titles(client.get("/knowledge/", {"q": "เครื่องพิมพ์"}))) == [
        "ตั้งค่าเครื่องพิมพ์ร่วมกัน", "แก้ปัญหากระดาษติดในเครื่องพิมพ์"]
    assert _titles(client.get("/knowledge/", {"q": "ความปลอดภัย"})) == ["วิธีเปลี่ยนรหัสผ่าน"]
    assert _titles(client.get("/knowledge/", {"q": "lan"})) == ["อินเทอร์เน็ตช้า ทำอย่างไร"]
    # Every word must match.
    assert _titles(client.get("/knowledge/", {"q": "เครื่องพิมพ์ กระดาษ"})) == ["แก้ปัญหากระดาษติดในเครื่องพิมพ์"]
    response = client.get("/knowledge/", {"q": "ไม่มีคำนี้แน่นอน"})
    assert _titles(response) == [] and "ไม่พบบทความที่ตรงกับคำค้น" in response.content.decode()


def test_search_does_not_reveal_hidden_articles(library, make_article, client):
    make_article("เครื่องพิมพ์ลับเฉพาะเจ้าหน้าที่", audience=Article.Audience.TECHNICIAN)
    make_article("เครื่องพิมพ์ร่าง", status=Article.Status.DRAFT)
    assert "เครื่องพิมพ์ลับเฉพาะเจ้าหน้าที่" not in _titles(client.get("/knowledge/", {"q": "เครื่องพิมพ์"}))
    assert "เครื่องพิมพ์ร่าง" not in _titles(client.get("/knowledge/", {"q": "เครื่องพิมพ์"}))


def test_topics_list_categories_with_counts_and_filter(library, client, printer):
    response = client.get("/knowledge/")
    topics = {t.code: t.n for t in response.context["topics"]}
    assert topics == {"hw-printer": 2, "sw-internet": 1}
    assert len(_titles(client.get("/knowledge/", {"category": "hw-printer"}))) == 2
    # The parent category gathers its sub-categories.
    assert len(_titles(client.get("/knowledge/", {"category": "hardware"}))) == 2
    assert client.get("/knowledge/", {"category": "no-such-topic"}).status_code == 404


def test_the_index_keeps_a_fixed_number_of_queries(make_article, client, django_assert_max_num_queries, printer):
    for index in range(3):
        make_article(f"บทความ {index}", category=printer)
    with django_assert_max_num_queries(6) as few:
        client.get("/knowledge/", {"q": "บทความ"})
    for index in range(3, 30):
        make_article(f"บทความ {index}", category=printer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/knowledge/", {"q": "บทความ"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/knowledge/", {"q": "บทความ", "page": "3"})


@pytest.mark.postgres
def test_postgres_serves_thai_search_from_the_trigram_indexes(db, make_article):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'knowledge_article'")
        names = {row[0] for row in cursor.fetchall()}
        assert {"knowledge_article_title_trgm", "knowledge_article_summary_trgm",
                "knowledge_article_body_trgm"} <= names
        cursor.execute("SELECT show_trgm(UPPER('เครื่องพิมพ์'))")
        assert len(cursor.fetchone()[0]) > 3  # Thai letters make trigrams under the database's ctype
    make_article("แก้ปัญหากระดาษติดในเครื่องพิมพ์")
    query = Article.objects.filter(title__icontains="เครื่องพิมพ์")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = query.explain()
    assert "knowledge_article_title_trgm" in plan
    assert [a.title for a in query] == ["แก้ปัญหากระดาษติดในเครื่องพิมพ์"]
