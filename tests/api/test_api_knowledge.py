"""Published knowledge articles through the API: the pages' reader rules (anonymous → public, unit users →
self-help and public, service staff → every published article); drafts and archived articles are 404."""

import pytest

from publishing.knowledge.models import Article
from tests.knowledge.conftest import make_article  # noqa: F401

BASE = "/api/v1/knowledge-articles/"


@pytest.fixture
def articles(make_article):  # noqa: F811
    return {
        "public": make_article("ตั้งค่าอีเมลบนโทรศัพท์", audience=Article.Audience.PUBLIC),
        "unit": make_article("แก้เครื่องพิมพ์กระดาษติด", audience=Article.Audience.UNIT),
        "tech": make_article("รีเซ็ตสวิตช์ชั้น 3", audience=Article.Audience.TECHNICIAN),
        "draft": make_article("ร่างคู่มือ VPN", audience=Article.Audience.PUBLIC, status=Article.Status.DRAFT),
        "archived": make_article("ระบบเก่า", audience=Article.Audience.PUBLIC, status=Article.Status.ARCHIVED),
    }


def titles(response) -> set[str]:
    assert response.status_code == 200
    return {row["title"] for row in response.json()["results"]}


def test_anonymous_callers_read_public_articles_only(anonymous_api, articles):
    assert titles(anonymous_api.get(BASE)) == {"ตั้งค่าอีเมลบนโทรศัพท์"}
    detail = anonymous_api.get(f"{BASE}{articles['public'].pk}/")
    assert detail.status_code == 200 and detail.json()["body"] == "เนื้อหาบทความ" and detail["ETag"]
    for key in ("unit", "tech", "draft", "archived"):
        assert anonymous_api.get(f"{BASE}{articles[key].pk}/").status_code == 404, key


def test_unit_users_read_self_help_and_public(api_as, requester_a, articles):
    client = api_as(requester_a)
    assert titles(client.get(BASE)) == {"ตั้งค่าอีเมลบนโทรศัพท์", "แก้เครื่องพิมพ์กระดาษติด"}
    assert client.get(f"{BASE}{articles['unit'].pk}/").status_code == 200
    for key in ("tech", "draft", "archived"):
        assert client.get(f"{BASE}{articles[key].pk}/").status_code == 404, key


def test_staff_read_every_published_article_but_unpublished_ones_are_404_here(api_as, technician, articles):
    client = api_as(technician)  # a knowledge editor: the pages show them drafts, the API does not
    assert titles(client.get(BASE)) == {"ตั้งค่าอีเมลบนโทรศัพท์", "แก้เครื่องพิมพ์กระดาษติด", "รีเซ็ตสวิตช์ชั้น 3"}
    assert client.get(f"{BASE}{articles['tech'].pk}/").status_code == 200
    assert client.get(f"{BASE}{articles['draft'].pk}/").status_code == 404
    assert client.get(f"{BASE}{articles['archived'].pk}/").status_code == 404


def test_search_category_and_read_only(api_as, anonymous_api, requester_a, articles):
    client = api_as(requester_a)
    assert titles(client.get(BASE, {"q": "กระดาษ"})) == {"แก้เครื่องพิมพ์กระดาษติด"}
    assert titles(client.get(BASE, {"category": "no-such-code"})) == set()
    assert client.post(BASE, {"title": "x"}, format="json").status_code == 405
    assert client.patch(f"{BASE}{articles['unit'].pk}/", {"title": "x"}, format="json").status_code == 405
    assert anonymous_api.delete(f"{BASE}{articles['public'].pk}/").status_code in (401, 405)
    assert Article.objects.get(pk=articles["unit"].pk).title == "แก้เครื่องพิมพ์กระดาษติด"
    # A wrong token is refused rather than read as anonymous.
    anonymous_api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert anonymous_api.get(BASE).status_code == 401


def test_the_list_keeps_a_fixed_query_budget(anonymous_api, api_as, requester_a, make_article,  # noqa: F811
                                             django_assert_max_num_queries):
    make_article("บทความ 0")
    client = api_as(requester_a)
    client.get(BASE)
    with django_assert_max_num_queries(6):
        client.get(BASE)
    for i in range(1, 12):
        make_article(f"บทความ {i}", audience=Article.Audience.UNIT if i % 2 else Article.Audience.PUBLIC)
    with django_assert_max_num_queries(6):
        assert len(client.get(BASE).json()["results"]) == 12
    with django_assert_max_num_queries(3):
        assert len(anonymous_api.get(BASE).json()["results"]) == 6
