"""/api/v1/publishing-requests/ and /api/v1/news/: the pages' access helper, action forms and service."""

from publishing.models import PublishingRequest

LIST = "/api/v1/publishing-requests/"


def test_requests_follow_the_pages_visibility(api_as, anonymous_api, requester_a, requester_b, make_request):
    draft = make_request(requester_a)
    assert anonymous_api.get(LIST).status_code == 401
    assert [r["id"] for r in api_as(requester_a).get(LIST).json()["results"]] == [draft.pk]
    assert api_as(requester_b).get(LIST).json()["results"] == []
    assert api_as(requester_b).get(f"{LIST}{draft.pk}/").status_code == 404
    body = api_as(requester_a).get(f"{LIST}{draft.pk}/").json()
    assert body["allowed_actions"] == ["submit", "withdraw"] and body["attachments"][0]["name"] == "ประกาศ.pdf"


def test_actions_go_through_the_service(api_as, requester_a, supervisor_a, make_request):
    draft = make_request(requester_a)
    url = f"{LIST}{draft.pk}/actions/"
    # Others do not see a draft (404); publishing a draft is not a step of the table (400).
    assert api_as(supervisor_a).post(url, {"action": "approve"}, format="json").status_code == 404
    assert api_as(requester_a).post(url, {"action": "publish"}, format="json").status_code == 400
    submitted = api_as(requester_a).post(url, {"action": "submit"}, format="json")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    # The requester may not approve their own request: 403, nothing changes.
    assert api_as(requester_a).post(url, {"action": "approve"}, format="json").status_code == 403
    # A return needs a reason (the page's form, Thai message).
    no_reason = api_as(supervisor_a).post(url, {"action": "return"}, format="json")
    assert no_reason.status_code == 400 and no_reason.json()["errors"]["note"] == ["ต้องระบุเหตุผล"]
    approved = api_as(supervisor_a).post(url, {"action": "approve", "note": "เห็นชอบ"}, format="json")
    assert approved.status_code == 200
    draft.refresh_from_db()
    assert draft.status == PublishingRequest.Status.APPROVED
    assert draft.events.filter(action="approve", actor=supervisor_a).exists()
    assert draft.history.latest().history_user == supervisor_a
    # Submitting again is no longer possible from this state: 400 with the Thai reason.
    again = api_as(requester_a).post(url, {"action": "submit"}, format="json")
    assert again.status_code == 400 and again.json()["code"] == "illegal_transition"
    unknown = api_as(requester_a).post(url, {"action": "explode"}, format="json")
    assert unknown.status_code == 400 and "action" in unknown.json()["errors"]


def test_news_lists_only_published_posts_without_login(anonymous_api, published, make_request, requester_a):
    post = published(title="ประกาศวันหยุด")
    make_request(requester_a, title="ร่างที่ยังไม่เผยแพร่")
    rows = anonymous_api.get("/api/v1/news/").json()["results"]
    assert [row["title"] for row in rows] == ["ประกาศวันหยุด"]
    detail = anonymous_api.get(f"/api/v1/news/{post.pk}/").json()
    assert detail["body"] == "เนื้อหาประกาศ" and detail["attachments"][0]["name"] == "ประกาศ.pdf"
    draft = PublishingRequest.objects.exclude(pk=post.pk).get()
    assert anonymous_api.get(f"/api/v1/news/{draft.pk}/").status_code == 404


def test_lists_keep_a_fixed_query_budget(api_as, requester_a, make_request, django_assert_max_num_queries):
    client = api_as(requester_a)
    make_request(requester_a)
    client.get(LIST)
    with django_assert_max_num_queries(6):
        client.get(LIST)
    for i in range(8):
        make_request(requester_a, title=f"ประกาศ {i}")
    with django_assert_max_num_queries(6):
        assert len(client.get(LIST).json()["results"]) == 9
