"""Public news: a post approved for a later date appears on that date (not earlier) and leaves at expiry;
excerpts keep their line breaks; pictures show inline in the post."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from publishing.models import PublishingRequest
from publishing.rendering import excerpt
from tests.publishing.conftest import pdf_bytes, png_bytes, upload


def test_a_post_approved_for_a_future_date_appears_on_that_date_and_leaves_at_expiry(client, published):
    today = timezone.localdate()
    post = published(title="ประกาศรับสมัครงานล่วงหน้า", wanted_on=today + dt.timedelta(days=3),
                     expires_on=today + dt.timedelta(days=10))
    assert post.status == PublishingRequest.Status.PUBLISHED and post.published_at is not None
    assert "ประกาศรับสมัครงานล่วงหน้า" not in client.get(reverse("news:index")).content.decode()
    assert client.get(post.get_public_url()).status_code == 404
    assert "รอขึ้นหน้าข่าววันที่" in post.display_status()
    public = PublishingRequest.objects.published
    assert not public(today=today + dt.timedelta(days=2)).filter(pk=post.pk).exists()
    assert public(today=today + dt.timedelta(days=3)).filter(pk=post.pk).exists()
    assert public(today=today + dt.timedelta(days=10)).filter(pk=post.pk).exists()
    assert not public(today=today + dt.timedelta(days=11)).filter(pk=post.pk).exists()
    assert post.public_date == today + dt.timedelta(days=3)


def test_on_its_date_the_post_is_listed_with_that_date(client, published):
    today = timezone.localdate()
    post = published(title="ประกาศวันนี้", wanted_on=today - dt.timedelta(days=1))
    page = client.get(reverse("news:index")).content.decode()
    assert "ประกาศวันนี้" in page and post.is_public()
    PublishingRequest.objects.filter(pk=post.pk).update(wanted_on=today + dt.timedelta(days=1))
    assert client.get(post.get_public_url()).status_code == 404
    feed = client.get(reverse("news:feed")).content.decode()
    assert "ประกาศวันนี้" not in feed


def test_excerpts_keep_their_line_breaks(client, published):
    published(title="ประกาศหลายบรรทัด", body="บรรทัดแรก\nบรรทัดที่สอง\n\nย่อหน้าใหม่ <b>ตัวหนา</b>")
    html = client.get(reverse("news:index")).content.decode()
    assert "บรรทัดแรก<br>บรรทัดที่สอง<br><br>ย่อหน้าใหม่ &lt;b&gt;ตัวหนา&lt;/b&gt;" in html
    assert excerpt("- ข้อหนึ่ง\n- ข้อสอง", "markdown") == "ข้อหนึ่ง\nข้อสอง"
    assert excerpt("ก" * 500, "plain").endswith("…") and len(excerpt("ก" * 500, "plain")) == 220
    assert "<script" not in excerpt("<script>alert(1)</script>ข้อความ", "markdown")


def test_pictures_show_inline_and_documents_stay_downloads(client, published):
    post = published(files=[upload("ภาพกิจกรรม.png", png_bytes()), upload("คำสั่ง.pdf", pdf_bytes())])
    html = client.get(post.get_public_url()).content.decode()
    image = post.attachments.get(kind="image")
    document = post.attachments.get(kind="pdf")
    assert f'src="{reverse("news:attachment", args=[post.pk, image.pk])}"' in html
    assert f'src="{reverse("news:attachment", args=[post.pk, document.pk])}"' not in html
    response = client.get(reverse("news:attachment", args=[post.pk, image.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
