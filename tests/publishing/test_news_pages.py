import datetime as dt
import xml.etree.ElementTree as ET  # noqa: S405 — parses our own feed output

from django.urls import reverse
from django.utils import timezone

from publishing.models import PublishingRequest
from tests.publishing.conftest import pdf_bytes, png_bytes, upload

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_news_page_lists_published_posts_without_login(client, published):
    post = published(title="ประกาศวันหยุดราชการ")
    response = client.get(reverse("news:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "ประกาศวันหยุดราชการ" in html and post.get_public_url() in html
    assert "<script" not in html.split("<footer")[0].split("<main")[1]


def test_the_permalink_shows_attachments_downloadable_as_attachments(client, published):
    post = published(files=[upload("คำสั่ง.pdf", pdf_bytes()),
                            upload("ภาพ.png", png_bytes())])
    page = client.get(post.get_public_url())
    assert page.status_code == 200
    html = page.content.decode()
    for attachment in post.attachments.all():
        url = reverse("news:attachment", args=[post.pk, attachment.pk])
        assert url in html
        download = client.get(url)
        assert download.status_code == 200
        assert download["Content-Disposition"].startswith("attachment")
        assert b"".join(download.streaming_content)[:4] in (b"%PDF", b"\x89PNG")


def test_sections_filter_and_paginate(client, published, section, other_section):
    for index in range(12):
        published(title=f"ข่าวที่ {index}")
    procurement = published(title="ประกวดราคา", section=other_section)
    news_page = client.get(reverse("news:section", args=[section.slug])).content.decode()
    assert "ประกวดราคา" not in news_page and 'rel="next"' in news_page
    assert client.get(reverse("news:section", args=[section.slug]), {"page": 2}).status_code == 200
    procurement_page = client.get(reverse("news:section", args=[other_section.slug])).content.decode()
    assert procurement.get_public_url() in procurement_page
    assert client.get(reverse("news:section", args=["no-such-menu"])).status_code == 404


def test_expired_posts_disappear_and_return_404(client, published):
    post = published(title="ประกาศหมดอายุ", wanted_on=timezone.localdate() - dt.timedelta(days=10),
                     expires_on=timezone.localdate())
    assert client.get(post.get_public_url()).status_code == 200  # the expiry day itself still shows
    PublishingRequest.objects.filter(pk=post.pk).update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    assert client.get(post.get_public_url()).status_code == 404
    attachment = post.attachments.get()
    assert client.get(reverse("news:attachment", args=[post.pk, attachment.pk])).status_code == 404
    assert "ประกาศหมดอายุ" not in client.get(reverse("news:index")).content.decode()
    assert "ประกาศหมดอายุ" not in client.get(reverse("news:feed")).content.decode()
    assert PublishingRequest.objects.get(pk=post.pk).status == "published"  # the record stays


def test_unpublished_posts_are_not_public(client, make_request, requester_a, supervisor_a, it_head, technician):
    obj = make_request(requester_a, "preview", approver=supervisor_a, it_head=it_head, staff=technician)
    assert client.get(obj.get_public_url()).status_code == 404
    attachment = obj.attachments.get()
    assert client.get(reverse("news:attachment", args=[obj.pk, attachment.pk])).status_code == 404


def test_the_section_feed_is_atom_with_the_newest_posts(client, published, section, other_section):
    news = published(title="ข่าวกิจกรรม", body="**สำคัญ**", body_format="markdown")
    published(title="ประกวดราคา", section=other_section)
    response = client.get(reverse("news:section_feed", args=[section.slug]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["ข่าวกิจกรรม"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href").endswith(news.get_public_url())
    assert "<strong>สำคัญ</strong>" in entry.find(f"{ATOM}summary").text
    assert entry.find(f"{ATOM}category").get("term") == section.name
    everything = ET.fromstring(client.get(reverse("news:feed")).content)  # noqa: S314
    assert len(everything.findall(f"{ATOM}entry")) == 2


def test_script_and_javascript_links_are_inert(client, published):
    body = ('สวัสดี <script>alert("x")</script> [คลิก](javascript:alert(1)) '
            '<a href="javascript:alert(2)">ลิงก์</a> <img src="x.png" onerror="alert(3)"> '
            '<p onclick="alert(4)">ย่อหน้า</p> <iframe src="https://evil.example"></iframe> [ดี](https://ok.example)')
    post = published(title="ทดสอบ <b>หัวข้อ</b>", body=body, body_format="markdown")
    for url in (post.get_public_url(), reverse("news:index"), reverse("news:feed")):
        lowered = client.get(url).content.decode().lower()
        assert "alert(" not in lowered
        assert "javascript:" not in lowered
        assert "onerror" not in lowered and "onclick" not in lowered
        assert "iframe" not in lowered and "evil.example" not in lowered
    html = client.get(post.get_public_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert 'href="https://ok.example"' in html
    assert "ทดสอบ &lt;b&gt;หัวข้อ&lt;/b&gt;" in html


def test_the_news_pages_have_a_phone_viewport_and_no_login(client, published):
    post = published()
    response = client.get(post.get_public_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="viewport"' in html and "application/atom+xml" in html
