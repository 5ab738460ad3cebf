"""Outgoing numbers: prefix and running number per B.E. calendar year, gap-free, unique under parallel issue."""

import datetime as dt
import threading
from unittest import mock

import pytest
from django.db import connections
from django.utils import timezone

from helpdesk.correspondence.models import IssuedDocument, Register, RegisterCounter
from helpdesk.correspondence.services import document_issue

pytestmark = pytest.mark.django_db


def bangkok(*args) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*args))


def issue_at(moment, ticket, by):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return document_issue(kind="ticket_summary", target=ticket, by=by)


def test_numbers_have_the_prefix_and_run_in_thai_digits(done_ticket, make_done_ticket, technician):
    first = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    second = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    assert (first.number, second.number) == ("กท ๐๔๐๕.๑/๑", "กท ๐๔๐๕.๑/๒")
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.year == timezone.localdate().year + 543


def test_numbers_restart_on_1_january_bangkok_time(done_ticket, make_done_ticket, technician):
    # 31 Dec 2026 23:59 in Bangkok is still 2569; 1 Jan 2027 00:01 Bangkok is 31 Dec 16:01 UTC but already 2570.
    late = issue_at(bangkok(2026, 12, 31, 23, 59), done_ticket, technician)
    also_late = issue_at(bangkok(2026, 12, 31, 23, 59, 30), make_done_ticket(), technician)
    new_year = issue_at(bangkok(2027, 1, 1, 0, 1), make_done_ticket(), technician)
    assert (late.year, late.sequence, late.issued_on) == (2569, 1, dt.date(2026, 12, 31))
    assert (also_late.year, also_late.sequence) == (2569, 2)
    assert (new_year.year, new_year.sequence, new_year.issued_on) == (2570, 1, dt.date(2027, 1, 1))
    assert new_year.issued_at.astimezone(dt.UTC).date() == dt.date(2026, 12, 31)
    assert new_year.number == "กท ๐๔๐๕.๑/๑"
    assert dict(RegisterCounter.objects.values_list("year", "last_number")) == {2569: 2, 2570: 1}


def test_a_failed_issue_leaves_no_gap(done_ticket, make_done_ticket, technician):
    document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    with (mock.patch("helpdesk.correspondence.services.render_pdf", side_effect=RuntimeError("renderer down")),
          pytest.raises(RuntimeError)):
        document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    third = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    assert third.sequence == 2
    assert IssuedDocument.objects.count() == 2


def test_memos_take_their_own_sequence_when_the_agency_separates_them(done_ticket, make_done_ticket, technician,
                                                                     agency, registers):
    Register.objects.filter(code="memo").update(prefix="กท 0405.1/บ")
    agency.separate_memo_register = True
    agency.save()
    memo = document_issue(kind="ticket_summary", target=done_ticket, by=technician)  # memo by default
    agency.unit_letter_form = "external"
    agency.save()
    letter = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    memo_2 = document_issue(kind="ticket_disposal", target=_unrepairable(make_done_ticket), by=technician)
    assert (memo.form, memo.register.code, memo.number) == ("memo", "memo", "กท ๐๔๐๕.๑/บ/๑")
    assert (letter.form, letter.register.code, letter.number) == ("external", "main", "กท ๐๔๐๕.๑/๑")
    assert (memo_2.register.code, memo_2.sequence) == ("memo", 2)


def test_one_sequence_for_both_forms_by_default(done_ticket, make_done_ticket, technician, agency):
    agency.unit_letter_form = "external"
    agency.save()
    letter = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    memo = document_issue(kind="ticket_disposal", target=_unrepairable(make_done_ticket), by=technician)
    assert (letter.form, memo.form) == ("external", "memo")
    assert (letter.register.code, memo.register.code) == ("main", "main")
    assert (letter.sequence, memo.sequence) == (1, 2)


def _unrepairable(make_done_ticket):
    from tickets.models import Status

    return make_done_ticket(status=Status.UNREPAIRABLE)


@pytest.mark.django_db(transaction=True)
def test_parallel_issues_get_consecutive_unique_numbers(make_done_ticket, technician, registers):
    from django.contrib.contenttypes.models import ContentType

    from tickets.models import Ticket

    # Transactional tests flush the content types; drop the stale cache before the threads look them up.
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_model(Ticket)
    workers, per_worker = 4, 3
    tickets = [make_done_ticket() for _ in range(workers * per_worker)]
    errors: list[Exception] = []
    barrier = threading.Barrier(workers)

    def work(batch):
        try:
            barrier.wait()
            for ticket in batch:
                document_issue(kind="ticket_summary", target=ticket, by=technician)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(tickets[i::workers],)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    total = workers * per_worker
    assert sorted(IssuedDocument.objects.values_list("sequence", flat=True)) == list(range(1, total + 1))
    assert IssuedDocument.objects.values("number").distinct().count() == total
    year = IssuedDocument.objects.first().year
    assert RegisterCounter.objects.get(register__code="main", year=year).last_number == total
