"""A refusal still gets a reply letter; the 3-working-day clock skips weekends and holidays; reminders."""

import datetime as dt

import pytest
from django.urls import reverse

from helpdesk.models import Holiday
from tickets.datarequests import integration, services
from tickets.datarequests.models import CRITERIA, DataRequest

from .conftest import at, pdf_text, thai_extracted

pytestmark = pytest.mark.django_db


def test_a_refused_request_gets_a_refusal_letter_and_closes(client, it_head, officer, make_request, tmp_path):
    obj = make_request(officer)
    client.force_login(it_head)
    client.post(reverse("datarequests:start_screening", args=[obj.pk]))
    criteria = dict.fromkeys(CRITERIA, "on")
    del criteria["crit_ownership"]
    # Accepting with a criterion unmet is refused by the form, which keeps what was typed.
    response = client.post(reverse("datarequests:screen", args=[obj.pk]),
                           {"decision": "accept", "officer": officer.pk, "note": "ข้อมูลของหน่วยงานอื่น", **criteria})
    assert response.status_code == 200
    assert "รับเรื่องได้เมื่อเป็นไปตามเกณฑ์ทุกข้อ" in response.content.decode()
    assert "ข้อมูลของหน่วยงานอื่น" in response.content.decode()
    response = client.post(reverse("datarequests:screen", args=[obj.pk]),
                           {"decision": "refuse", "officer": officer.pk, **criteria})
    assert "กรุณาระบุเหตุผลที่ไม่ให้ข้อมูล" in response.content.decode()
    obj.refresh_from_db()
    assert obj.status == "screening"

    client.post(reverse("datarequests:screen", args=[obj.pk]),
                {"decision": "refuse", "officer": officer.pk, "refusal_reason": "ข้อมูลเป็นของสำนักงานเขตพื้นที่",
                 **criteria})
    obj.refresh_from_db()
    assert obj.status == "refused" and obj.outcome == "refused" and not obj.crit_ownership and obj.crit_rules
    assert obj.refusal_reason == "ข้อมูลเป็นของสำนักงานเขตพื้นที่" and obj.officer == officer

    client.force_login(officer)
    text = pdf_text(client.get(reverse("datarequests:letter", args=[obj.pk, "reply"])).content, tmp_path)
    assert "ไม่สามารถให้ข้อมูลตามที่ขอได้" in text and thai_extracted("ข้อมูลเป็นของสำนักงานเขตพื้นที่") in text
    assert "สิ่งที่ส่งมาด้วย" not in text

    client.post(reverse("datarequests:send", args=[obj.pk]), {
        "sent_at": "2026-11-24T11:00",
        "sent_method": "post", "sent_note": "EMS EA123456789TH"})
    client.post(reverse("datarequests:close", args=[obj.pk]), {"summary": "แจ้งไม่ให้ข้อมูลแล้ว"})
    obj.refresh_from_db()
    assert obj.status == "closed" and obj.sent_method == "post" and obj.sent_note == "EMS EA123456789TH"
    assert list(obj.events.values_list("to_status", flat=True)) == [
        "received", "screening", "refused", "replied", "closed"]


def test_the_clock_skips_the_weekend_and_a_holiday(officer, make_request):
    Holiday.objects.create(date=dt.date(2026, 12, 7), name="วันคล้ายวันพระบรมราชสมภพ ร.๙ (ชดเชย)")
    # Thursday 3 Dec 14:00 → Fri 4 (1), [Sat, Sun, Mon 7 holiday], Tue 8 (2), Wed 9 (3).
    obj = make_request(officer, received_at=at(2026, 12, 3, 14))
    assert obj.due_at == at(2026, 12, 9, 14)
    calendar = services.calendar_around(at(2026, 12, 9))
    assert services.clock_for(obj, now=at(2026, 12, 4, 9), calendar=calendar).state == "ok"
    # On Tuesday the limit is within one working day: flagged as near.
    assert services.clock_for(obj, now=at(2026, 12, 8, 9), calendar=calendar).state == "near"
    assert services.clock_for(obj, now=at(2026, 12, 9, 14, 1), calendar=calendar).state == "overdue"


def test_a_reply_in_time_and_a_late_one_are_told_apart(officer, make_request, walk):
    obj = walk(make_request(officer, received_at=at(2026, 11, 23, 10)), to="replied")  # sent 25 Nov 15:00
    calendar = services.calendar_around(at(2026, 11, 30))
    clock = services.clock_for(obj, now=at(2026, 11, 30), calendar=calendar)
    assert clock.state == "done_on_time" and clock.working_days_taken == 2
    late = walk(make_request(officer, received_at=at(2026, 11, 18, 10)), to="replied")
    clock = services.clock_for(late, now=at(2026, 11, 30), calendar=calendar)
    assert clock.state == "done_late" and clock.working_days_taken == 5


def test_reminders_go_to_who_holds_it_and_escalate_when_past(it_head, officer, deputy, make_request, walk):
    Holiday.objects.create(date=dt.date(2026, 12, 7), name="วันหยุดชดเชย")
    waiting = make_request(officer, received_at=at(2026, 12, 3, 14))  # due Wed 9 Dec 14:00
    approving = walk(make_request(officer, received_at=at(2026, 12, 3, 14)), to="approval")
    done = walk(make_request(officer, received_at=at(2026, 12, 3, 14)), to="replied")

    assert list(integration.due_notices(at(2026, 12, 4, 9))) == []
    near = {due.key: due for due in integration.due_notices(at(2026, 12, 8, 15))}
    assert set(near) == {f"datarequests.near:{waiting.pk}", f"datarequests.near:{approving.pk}"}
    assert near[f"datarequests.near:{waiting.pk}"].recipients == (it_head,)
    assert near[f"datarequests.near:{approving.pk}"].recipients == (deputy,)
    late = {due.key: due for due in integration.due_notices(at(2026, 12, 9, 15))}
    assert set(late) == {f"datarequests.overdue:{waiting.pk}", f"datarequests.overdue:{approving.pk}"}
    assert set(late[f"datarequests.overdue:{approving.pk}"].recipients) == {deputy, it_head}
    assert f"datarequests.near:{done.pk}" not in near
    assert late[f"datarequests.overdue:{waiting.pk}"].url == reverse("datarequests:detail", args=[waiting.pk])


def test_the_source_is_registered(settings):
    from helpdesk import reminders

    assert integration.due_notices in reminders._sources


def test_editing_the_receipt_time_moves_the_clock(client, officer, make_request):
    obj = make_request(officer, received_at=at(2026, 11, 23, 10))
    client.force_login(officer)
    data = {f: getattr(obj, f) for f in ("letter_number", "organisation", "parent_agency", "contact_name",
                                         "contact_phone", "contact_email", "purpose", "data_requested", "scope",
                                         "data_owner", "delivery_method", "delivery_detail")}
    data.update(letter_date="2026-11-20", received_at="2026-11-24T10:00")
    response = client.post(reverse("datarequests:edit", args=[obj.pk]), data)
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.due_at == at(2026, 11, 27, 10) and obj.status == DataRequest.Status.RECEIVED
