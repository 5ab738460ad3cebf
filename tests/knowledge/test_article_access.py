"""Who may read which article: public on the public site, self-help for units, technicians-only for staff;
anything else is a 404 (drafts, archived, technicians-only for units and anonymous visitors)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from publishing.files import check_upload
from publishing.knowledge import services
from publishing.knowledge.models import Article
from tests.knowledge.conftest import png_bytes

A = Article.Audience
S = Article.Status


@pytest.fixture
def articles(make_article):
    return {
        "public": make_article("บทความสาธารณะ", audience=A.PUBLIC),
        "unit": make_article("บทความสำหรับหน่วยงาน", audience=A.UNIT),
        "tech": make_article("บทความเฉพาะเจ้าหน้าที่", audience=A.TECHNICIAN),
        "draft": make_article("บทความร่างสาธารณะ", audience=A.PUBLIC, status=S.DRAFT),
        "archived": make_article("บทความเก็บถาวร", audience=A.PUBLIC, status=S.ARCHIVED),
    }


EXPECTED = {
    # reader: the articles they may open
    "anonymous": {"public"},
    "unit": {"public", "unit"},
    "stock": {"public", "unit", "tech"},
    "editor": {"public", "unit", "tech", "draft", "archived"},
}


@pytest.mark.parametrize("reader", list(EXPECTED))
def test_each_reader_opens_only_what_their_audience_allows(reader, articles, client, requester_a, stock_officer,
                                                           technician):
    user = {"anonymous": None, "unit": requester_a, "stock": stock_officer, "editor": technician}[reader]
    if user is not None:
        client.force_login(user)
    for key, article in articles.items():
        response = client.get(f"/knowledge/{article.pk}/")
        expected = 200 if key in EXPECTED[reader] else 404
        assert response.status_code == expected, (reader, key)


def test_the_index_lists_only_published_readable_articles(articles, client, requester_a):
    anonymous = client.get("/knowledge/").content.decode()
    assert "บทความสาธารณะ" in anonymous
    for hidden in ("บทความสำหรับหน่วยงาน", "บทความเฉพาะเจ้าหน้าที่", "บทความร่างสาธารณะ", "บทความเก็บถาวร"):
        assert hidden not in anonymous
    client.force_login(requester_a)
    unit_page = client.get("/knowledge/").content.decode()
    assert "บทความสำหรับหน่วยงาน" in unit_page
    assert "บทความเฉพาะเจ้าหน้าที่" not in unit_page and "บทความร่างสาธารณะ" not in unit_page


def test_the_feed_carries_public_articles_only(articles, client):
    response = client.get("/knowledge/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "บทความสาธารณะ" in feed
    assert "บทความสำหรับหน่วยงาน" not in feed and "บทความร่างสาธารณะ" not in feed


def test_an_attachment_of_a_hidden_article_is_a_404_and_an_image_of_a_public_one_is_inline(articles, client,
                                                                                         technician):
    checked = check_upload(SimpleUploadedFile("ภาพ.png", png_bytes(), "image/png"))
    public_image = services.article_attach(article=articles["public"], checked=checked, by=technician)
    checked = check_upload(SimpleUploadedFile("ภาพ.png", png_bytes(), "image/png"))
    tech_image = services.article_attach(article=articles["tech"], checked=checked, by=technician)
    response = client.get(public_image.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert not response["Content-Disposition"].startswith("attachment")
    assert client.get(tech_image.get_absolute_url()).status_code == 404
    # An attachment id under another article's id does not exist either.
    assert client.get(f"/knowledge/{articles['public'].pk}/files/{tech_image.pk}/").status_code == 404


def test_the_public_article_appears_next_to_the_news(articles, client):
    news = client.get("/news/").content.decode()
    assert 'href="/knowledge/"' in news
    page = client.get(f"/knowledge/{articles['public'].pk}/").content.decode()
    assert 'href="/news/"' in page  # one public layout: the news header and its menus


def test_unit_users_cannot_reach_the_editors_pages(articles, client, requester_a):
    client.force_login(requester_a)
    assert client.get("/knowledge/manage/").status_code == 403
    assert client.get("/knowledge/manage/new/").status_code == 403
    assert client.get(f"/knowledge/manage/{articles['public'].pk}/").status_code == 403
    assert client.get(f"/knowledge/manage/{articles['draft'].pk}/").status_code == 404
    response = client.post(f"/knowledge/manage/{articles['draft'].pk}/publish/")
    assert response.status_code == 404
    articles["draft"].refresh_from_db()
    assert articles["draft"].status == S.DRAFT
