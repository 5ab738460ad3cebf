import csv
import datetime as dt
import io

from django.urls import reverse
from django.utils import timezone

from publishing.models import PublishingRequest


def test_the_list_shows_only_visible_requests(login, requester_a, requester_b, make_request):
    mine = make_request(requester_a, "submitted", title="ของหน่วย ก")
    theirs = make_request(requester_b, "submitted", title="ของหน่วย ข")
    html = login(requester_a).get(reverse("publishing:list")).content.decode()
    assert mine.title in html and theirs.title not in html


def test_search_filters_sort_and_bad_sort_is_ignored(login, requester_a, technician, make_request, other_section):
    make_request(requester_a, "submitted", title="ประกาศจัดซื้อคอมพิวเตอร์", section=other_section)
    make_request(requester_a, "submitted", title="ข่าวกีฬาสี")
    client = login(technician)
    html = client.get(reverse("publishing:list"), {"q": "คอมพิวเตอร์"}).content.decode()
    assert "ประกาศจัดซื้อคอมพิวเตอร์" in html and "ข่าวกีฬาสี" not in html
    html = client.get(reverse("publishing:list"), {"section": other_section.pk}).content.decode()
    assert "ข่าวกีฬาสี" not in html
    html = client.get(reverse("publishing:list"), {"status": "draft"}).content.decode()
    assert "ไม่พบคำขอ" in html
    assert client.get(reverse("publishing:list"), {"sort": "title"}).status_code == 200
    assert client.get(reverse("publishing:list"), {"sort": "requester__password"}).status_code == 200


def test_todo_shows_what_waits_for_me(login, requester_a, supervisor_a, it_head, make_request):
    waiting = make_request(requester_a, "submitted", title="QUEUE-ALPHA")
    approved = make_request(requester_a, "approved", title="QUEUE-BETA", approver=supervisor_a)
    html = login(supervisor_a).get(reverse("publishing:list"), {"todo": "on"}).content.decode()
    assert waiting.title in html and approved.title not in html
    html = login(it_head).get(reverse("publishing:list"), {"todo": "on"}).content.decode()
    assert approved.title in html and waiting.title not in html


def test_overdue_requests_are_flagged_for_staff(login, requester_a, supervisor_a, technician, make_request):
    late = make_request(requester_a, "approved", title="LATE-ONE", approver=supervisor_a)
    make_request(requester_a, "approved", title="ONTIME-ONE", approver=supervisor_a)
    PublishingRequest.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(hours=1))
    client = login(technician)
    html = client.get(reverse("publishing:list")).content.decode()
    assert 'id="overdue-alert"' in html
    html = client.get(reverse("publishing:list"), {"overdue": "on"}).content.decode()
    assert "LATE-ONE" in html and "ONTIME-ONE" not in html and 'data-overdue="1"' in html


def test_csv_export_follows_the_filters(login, requester_a, technician, make_request):
    make_request(requester_a, "submitted", title="=HYPERLINK(\"x\")")
    make_request(requester_a, "submitted", title="ข่าวธรรมดา")
    response = login(technician).get(reverse("publishing:list"), {"format": "csv", "q": "HYPERLINK"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[1][1] == "'=HYPERLINK(\"x\")"


def test_the_list_runs_a_fixed_number_of_queries(login, requester_a, technician, make_request,
                                                 django_assert_max_num_queries):
    for index in range(30):
        make_request(requester_a, "submitted", title=f"คำขอ {index}", files=[])
    client = login(technician)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("publishing:list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("publishing:list"), {"format": "csv"}).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("news:index")).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("publishing:report")).status_code == 200
