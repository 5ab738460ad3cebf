"""Staff write, revise, publish and archive articles, attach files and record the channels they went out on."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from publishing.knowledge.models import Article, ArticleAttachment, Publication
from tests.knowledge.conftest import png_bytes

S = Article.Status


def _post_article(client, **overrides):
    data = {"title": "วิธีล้างคิวงานพิมพ์", "summary": "สรุป", "kind": "article", "category": "",
            "audience": "public", "body_format": "markdown", "body": "1. เปิด Settings\n2. ลบงานที่ค้าง"}
    data.update(overrides)
    return client.post("/knowledge/manage/new/", data)


def test_a_technician_writes_a_draft(client, technician):
    client.force_login(technician)
    response = _post_article(client)
    article = Article.objects.get(title="วิธีล้างคิวงานพิมพ์")
    assert response.status_code == 302 and response["Location"] == article.get_manage_url()
    assert (article.status, article.author, article.audience) == (S.DRAFT, technician, "public")
    assert article.events.get().to_status == S.DRAFT
    assert article.history.count() == 1


def test_bad_input_re_renders_the_form_in_thai_and_keeps_what_was_typed(client, technician):
    client.force_login(technician)
    response = _post_article(client, title="   ", body="เนื้อหาที่พิมพ์ไว้")
    assert response.status_code == 200
    assert "กรุณาระบุชื่อเรื่อง" in response.content.decode()
    assert "เนื้อหาที่พิมพ์ไว้" in response.content.decode()
    response = _post_article(client, kind="guide", category="")
    assert "คู่มือแนวทางการแก้ไขปัญหาต้องระบุหมวดปัญหา" in response.content.decode()
    assert not Article.objects.filter(title="วิธีล้างคิวงานพิมพ์").exists()


def test_a_unit_user_may_not_write(client, requester_a):
    client.force_login(requester_a)
    assert _post_article(client).status_code == 403
    assert not Article.objects.filter(title="วิธีล้างคิวงานพิมพ์").exists()


def test_editing_keeps_revisions_with_who_changed_what(client, technician, it_head, make_article):
    article = make_article("ชื่อเดิม", status=S.DRAFT)
    client.force_login(it_head)
    response = client.post(f"/knowledge/manage/{article.pk}/edit/", {
        "title": "ชื่อใหม่", "summary": "", "kind": "article", "category": "", "audience": "unit",
        "body_format": "markdown", "body": article.body,
    })
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "ชื่อใหม่"
    latest = article.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == it_head
    page = client.get(article.get_manage_url()).content.decode()
    assert "ชื่อเรื่อง" in page and "ผู้อ่าน" in page  # the changed fields are named in the revision list


def test_publish_and_archive_go_through_the_kernel(client, technician, make_article):
    article = make_article(status=S.DRAFT)
    client.force_login(technician)
    assert client.get(f"/knowledge/manage/{article.pk}/publish/").status_code == 405
    assert client.post(f"/knowledge/manage/{article.pk}/publish/").status_code == 302
    article.refresh_from_db()
    assert article.status == S.PUBLISHED and article.published_at is not None
    first_published = article.published_at
    client.post(f"/knowledge/manage/{article.pk}/archive/")
    article.refresh_from_db()
    assert article.status == S.ARCHIVED and article.archived_at is not None
    # Archived → published again keeps the first publication date (days-to-publish count from it).
    client.post(f"/knowledge/manage/{article.pk}/publish/")
    article.refresh_from_db()
    assert article.status == S.PUBLISHED and article.published_at == first_published
    assert [e.to_status for e in article.events.all()] == [S.PUBLISHED, S.ARCHIVED, S.PUBLISHED]
    # Archiving twice is refused by the transition table, with a Thai message and nothing changed.
    client.post(f"/knowledge/manage/{article.pk}/archive/")
    response = client.post(f"/knowledge/manage/{article.pk}/archive/", follow=True)
    assert "ไม่สามารถเปลี่ยนสถานะ" in response.content.decode()
    assert article.events.count() == 4


def test_attachments_are_checked_by_content(client, technician, make_article):
    article = make_article(status=S.DRAFT)
    client.force_login(technician)
    fake = SimpleUploadedFile("รูป.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post(f"/knowledge/manage/{article.pk}/files/", {"file": fake})
    assert response.status_code == 400
    assert "ไม่ใช่รูปภาพ" in response.content.decode()
    assert not ArticleAttachment.objects.exists()
    image = SimpleUploadedFile("รูป.png", png_bytes(), content_type="image/png")
    assert client.post(f"/knowledge/manage/{article.pk}/files/", {"file": image}).status_code == 302
    attachment = ArticleAttachment.objects.get()
    assert (attachment.kind, attachment.content_type, attachment.article) == ("image", "image/png", article)
    # The editor shows the Markdown to place the image inline in the body.
    assert f"]({attachment.get_absolute_url()})" in client.get(article.get_manage_url()).content.decode()


def test_channels_are_recorded_with_date_and_link(client, technician, make_article):
    article = make_article()
    client.force_login(technician)
    today = timezone.localdate()
    response = client.post(f"/knowledge/manage/{article.pk}/channels/",
                           {"channel": "journal", "published_on": today.isoformat(), "issue": "", "url": ""})
    assert response.status_code == 400 and "กรุณาระบุฉบับที่ของวารสาร" in response.content.decode()
    response = client.post(f"/knowledge/manage/{article.pk}/channels/",
                           {"channel": "facebook", "published_on": today.isoformat(), "url": ""})
    assert "กรุณาระบุลิงก์" in response.content.decode()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    response = client.post(f"/knowledge/manage/{article.pk}/channels/",
                           {"channel": "line", "published_on": tomorrow})
    assert "อนาคต" in response.content.decode()
    assert not Publication.objects.exists()
    for channel, extra in (("line", {}), ("journal", {"issue": "ปีที่ 12 ฉบับที่ 3"}),
                           ("website", {"url": "https://www.example.go.th/a/1"})):
        response = client.post(f"/knowledge/manage/{article.pk}/channels/",
                               {"channel": channel, "published_on": today.isoformat(), **extra})
        assert response.status_code == 302
    assert list(article.publications.values_list("channel", flat=True)) == ["line", "journal", "website"]
    assert article.publications.get(channel="journal").issue == "ปีที่ 12 ฉบับที่ 3"
    assert client.get(f"/knowledge/manage/{article.pk}/channels/").status_code == 405


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_html_and_script_in_every_field_stay_inert(client, technician, make_article):
    article = make_article(
        title=HOSTILE, summary=HOSTILE,
        body=f'{HOSTILE}\n\n[ลิงก์](javascript:alert(1)) <a href="#" onclick="alert(1)">x</a>',
        body_format="markdown",
    )
    client.force_login(technician)
    client.post(f"/knowledge/manage/{article.pk}/channels/", {
        "channel": "website", "published_on": timezone.localdate().isoformat(),
        "url": 'https://example.go.th/"><script>alert(1)</script>',
    })
    client.logout()
    for url in (f"/knowledge/{article.pk}/", "/knowledge/", "/knowledge/?q=script", "/knowledge/feed/"):
        content = client.get(url).content.decode()
        assert "<script>alert" not in content, url
        assert "onerror=alert" not in content.replace("onerror=alert(1)&gt;", ""), url
        assert 'href="javascript:' not in content, url
        assert "onclick=" not in content, url
    client.force_login(technician)
    manage = client.get(article.get_manage_url()).content.decode()
    assert "<script>alert" not in manage and "<img src=x onerror" not in manage
