"""The asset register follows the repair (002 §2 step ๑): in repair on receipt, back in use on delivery,
unrepairable → a disposal proposal the stock officer accepts (retired/disposed) or rejects; every change in the
asset's history with the ticket number."""

import pytest
from django.urls import reverse

from assets.models import Asset
from tickets.models import DisposalProposal, Status, TicketEvent
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db


def reasons(asset):
    return list(asset.history.order_by("history_id").values_list("status", "history_change_reason"))


def test_receiving_sets_in_repair_and_delivery_sets_it_back(make_ticket, deliver, unit_a, hw, technician, asset_a):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    asset_a.refresh_from_db()
    assert asset_a.status == Asset.Status.IN_USE
    ticket_transition(ticket=ticket, to=Status.RECEIVED, by=technician)
    asset_a.refresh_from_db()
    assert asset_a.status == Asset.Status.IN_REPAIR
    history = asset_a.history.order_by("-history_id").first()
    assert history.history_user == technician and ticket.number in history.history_change_reason
    deliver_rest = [(Status.IN_PROGRESS, {}), (Status.QUALITY_CHECK, {"cause": "แรมเสีย", "fix": "เปลี่ยนแรม"}),
                    (Status.READY_FOR_PICKUP, {})]
    for status, fields in deliver_rest:
        ticket_transition(ticket=ticket, to=status, by=technician, **fields)
        asset_a.refresh_from_db()
        assert asset_a.status == Asset.Status.IN_REPAIR
    ticket_transition(ticket=ticket, to=Status.DELIVERED, by=technician, received_by_name="นายรับ เครื่อง")
    asset_a.refresh_from_db()
    assert asset_a.status == Asset.Status.IN_USE
    assert [status for status, _reason in reasons(asset_a)] == ["in_use", "in_repair", "in_use"]
    assert all(ticket.number in reason for _status, reason in reasons(asset_a)[1:])


def test_cancelling_puts_it_back_and_a_lent_asset_is_left_alone(make_ticket, unit_a, hw, technician, asset_a):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    ticket_transition(ticket=ticket, to=Status.CANCELLED, by=technician, note="ผู้แจ้งขอยกเลิก")
    asset_a.refresh_from_db()
    assert asset_a.status == Asset.Status.IN_USE
    Asset.objects.filter(pk=asset_a.pk).update(status=Asset.Status.ON_LOAN)
    other = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    ticket_transition(ticket=other, to=Status.RECEIVED, by=technician)
    asset_a.refresh_from_db()
    assert asset_a.status == Asset.Status.ON_LOAN


@pytest.fixture
def proposal(make_ticket, unit_a, hw, technician, asset_a):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    ticket_transition(ticket=ticket, to=Status.UNREPAIRABLE, by=technician, cause="เมนบอร์ดเสีย",
                      note="ไม่มีอะไหล่ ไม่คุ้มค่าซ่อม")
    return DisposalProposal.objects.get(ticket=ticket)


def test_unrepairable_proposes_disposal_and_the_asset_waits(proposal, asset_a, technician):
    asset_a.refresh_from_db()
    assert asset_a.status == Asset.Status.IN_REPAIR
    assert (proposal.status, proposal.asset, proposal.proposed_by) == ("proposed", asset_a, technician)
    assert proposal.reason == "ไม่มีอะไหล่ ไม่คุ้มค่าซ่อม"


def test_stock_officer_accepts_and_the_asset_is_disposed(login, client, proposal, asset_a, stock_officer, technician):
    login(technician)
    page = client.get(reverse("tickets:detail", args=[proposal.ticket_id])).content.decode()
    assert reverse("tickets:disposal_detail", args=[proposal.pk]) in page
    login(stock_officer)
    assert reverse("tickets:disposal_detail", args=[proposal.pk]) in client.get(
        reverse("tickets:disposal_list")).content.decode()
    page = client.get(reverse("tickets:disposal_detail", args=[proposal.pk])).content.decode()
    assert 'id="disposal-decide"' in page and 'data-letters="ticket_disposal"' in page
    response = client.post(reverse("tickets:disposal_decide", args=[proposal.pk]),
                           {"decision": "disposed", "note": "ตามบันทึกเสนอจำหน่าย"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    asset_a.refresh_from_db()
    assert (proposal.status, proposal.outcome, proposal.decided_by) == ("accepted", "disposed", stock_officer)
    assert asset_a.status == Asset.Status.DISPOSED
    last = asset_a.history.order_by("-history_id").first()
    assert last.history_user == stock_officer and proposal.ticket.number in last.history_change_reason
    assert TicketEvent.objects.filter(ticket=proposal.ticket, note__contains="รับเรื่องจำหน่าย").exists()
    # decided once only
    client.post(reverse("tickets:disposal_decide", args=[proposal.pk]), {"decision": "reject", "note": "x"})
    proposal.refresh_from_db()
    assert proposal.status == "accepted"


def test_stock_officer_rejects_with_a_reason_and_the_asset_goes_back(login, client, proposal, asset_a,
                                                                      stock_officer):
    login(stock_officer)
    response = client.post(reverse("tickets:disposal_decide", args=[proposal.pk]), {"decision": "reject"})
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผลที่ไม่รับจำหน่าย" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "proposed"
    client.post(reverse("tickets:disposal_decide", args=[proposal.pk]),
                {"decision": "reject", "note": "ยังซ่อมได้โดยผู้ขาย ส่งเคลมประกัน"})
    proposal.refresh_from_db()
    asset_a.refresh_from_db()
    assert proposal.status == "rejected" and asset_a.status == Asset.Status.IN_USE


def test_only_the_stock_officer_decides_and_other_units_do_not_see_it(login, client, proposal, technician,
                                                                      requester_a, requester_b, asset_a):
    login(technician)
    assert client.post(reverse("tickets:disposal_decide", args=[proposal.pk]),
                       {"decision": "disposed"}).status_code == 403
    assert client.get(reverse("tickets:disposal_decide", args=[proposal.pk])).status_code == 405
    login(requester_a)
    assert client.get(reverse("tickets:disposal_list")).status_code == 403
    login(requester_b)
    assert client.get(reverse("tickets:disposal_detail", args=[proposal.pk])).status_code == 404
    proposal.refresh_from_db()
    asset_a.refresh_from_db()
    assert proposal.status == "proposed" and asset_a.status == Asset.Status.IN_REPAIR


def test_list_keeps_a_fixed_number_of_queries(login, client, make_ticket, unit_a, hw, technician, make_asset,
                                              stock_officer, django_assert_max_num_queries):
    for index in range(4):
        asset = make_asset(unit_a, asset_number=f"7440-001-00{index + 10}/2566")
        ticket = make_ticket(unit_a, hw, by=technician, asset=asset)
        ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
        ticket_transition(ticket=ticket, to=Status.UNREPAIRABLE, by=technician, note="ซ่อมไม่ได้")
    login(stock_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("tickets:disposal_list"))
    assert response.content.decode().count("7440-001-00") == 4


def test_a_long_repair_prompts_a_replacement_and_the_summary_counts_it(login, client, make_ticket, unit_a, hw,
                                                                        technician, executive, asset_a, make_asset):
    from django.utils import timezone

    from tickets.services import ticket_lend_replacement

    spare = make_asset(unit_a, status=Asset.Status.SPARE)
    long_one = make_ticket(unit_a, hw, by=technician, asset=asset_a)  # hardware: 3 working days
    ticket_transition(ticket=long_one, to=Status.RECEIVED, by=technician)
    long_one.refresh_from_db()
    assert long_one.long_repair is True
    login(technician)
    page = client.get(reverse("tickets:detail", args=[long_one.pk])).content.decode()
    assert 'id="replacement-prompt"' in page
    ticket_lend_replacement(ticket=long_one, asset=spare, due_date=timezone.localdate(), by=technician)
    page = client.get(reverse("tickets:detail", args=[long_one.pk])).content.decode()
    assert 'id="replacement-prompt"' not in page
    other = make_ticket(unit_a, hw, by=technician, asset=make_asset(unit_a))
    ticket_transition(ticket=other, to=Status.IN_PROGRESS, by=technician)
    quick = make_ticket(unit_a, hw, by=technician, device_description="เมาส์")  # no asset: not counted
    ticket_transition(ticket=quick, to=Status.IN_PROGRESS, by=technician)
    body = login(executive).get(reverse("reports:summary")).content.decode()
    assert "งานซ่อมที่คาดว่าเกิน 1 วันทำการ 2 งาน ให้ยืมเครื่องทดแทน 1 งาน" in body
