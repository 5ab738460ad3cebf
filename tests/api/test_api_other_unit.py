"""Another unit's token tries every object of unit A, through every verb the API offers: always 404, nothing
changes."""

import pytest

from tests.datarequests.conftest import make_request as make_data_request  # noqa: F401
from tests.meetings.conftest import at, make_booking, meeting_day, room  # noqa: F401
from tests.network.conftest import pdf_upload, png_upload
from tests.systems.conftest import dev_request, make_change, system_a  # noqa: F401
from tickets.network.models import AccountRequest, IPAssignment, MacChangeRequest
from tickets.network.services import account_request_create, mac_change_create


@pytest.fixture
def unit_a_objects(make_ticket, unit_a, hw, requester_a, asset_a, make_ip_request, subnet, internet, make_request,
                   make_booking, room, meeting_day, make_data_request, system_a, make_change, dev_request):  # noqa: F811
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)
    ip_request = make_ip_request(requester_a, unit_a)
    account = AccountRequest(service=internet, kind=AccountRequest.Kind.NEW, unit=unit_a, requested_by=requester_a,
                             person_name="ก", person_position="ข", mobile="1", office_phone="2", memo_number="3",
                             memo_date="2026-11-02")
    account.memo_file.save("memo.pdf", pdf_upload(), save=False)
    account_request_create(request=account, by=requester_a)
    assignment = IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:52:82:00:00:01",
                                             unit=unit_a)
    change = MacChangeRequest(assignment=assignment, unit=unit_a, requested_by=requester_a, old_mac="3c:52:82:00:00:01",
                              new_mac="3c:52:82:00:00:0a", reason="การ์ดเสีย")
    change.id_card.save("card.png", png_upload(), save=False)
    mac_change_create(change=change, by=requester_a)
    publishing = make_request(requester_a, "submitted")
    booking = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room)
    data_request = make_data_request(requester_a, channel="online", unit=unit_a)
    system_change = make_change(requester_a, system_a)
    return {"ticket": ticket, "asset": asset_a, "ip": ip_request, "account": account, "mac": change,
            "publishing": publishing, "booking": booking, "data": data_request, "system": system_a,
            "change": system_change, "dev": dev_request}


def test_another_units_token_gets_404_for_every_object(api_as, requester_b, supervisor_b, unit_a_objects):
    o = unit_a_objects
    reads = [
        f"/api/v1/tickets/{o['ticket'].pk}/", f"/api/v1/tickets/{o['ticket'].pk}/attachments/",
        f"/api/v1/tickets/{o['ticket'].pk}/memo/", f"/api/v1/assets/{o['asset'].pk}/",
        f"/api/v1/assets/{o['asset'].pk}/history/", f"/api/v1/ip-requests/{o['ip'].pk}/",
        f"/api/v1/account-requests/{o['account'].pk}/", f"/api/v1/mac-changes/{o['mac'].pk}/",
        f"/api/v1/publishing-requests/{o['publishing'].pk}/", f"/api/v1/meeting-bookings/{o['booking'].pk}/",
        f"/api/v1/data-requests/{o['data'].pk}/", f"/api/v1/systems/{o['system'].pk}/",
        f"/api/v1/system-changes/{o['change'].pk}/", f"/api/v1/system-dev-requests/{o['dev'].pk}/",
    ]
    writes = [
        (f"/api/v1/tickets/{o['ticket'].pk}/transition/", {"to": "cancelled", "note": "x"}),
        (f"/api/v1/tickets/{o['ticket'].pk}/work/", {"cause": "x"}),
        (f"/api/v1/tickets/{o['ticket'].pk}/notes/", {"note": "x"}),
        (f"/api/v1/tickets/{o['ticket'].pk}/assign/", {}),
        (f"/api/v1/tickets/{o['ticket'].pk}/withdraw/", {"reason": "x"}),
        (f"/api/v1/publishing-requests/{o['publishing'].pk}/actions/", {"action": "approve"}),
        (f"/api/v1/meeting-bookings/{o['booking'].pk}/confirm/", {}),
        (f"/api/v1/meeting-bookings/{o['booking'].pk}/cancel/", {"reason": "x"}),
    ]
    for user in (requester_b, supervisor_b):
        client = api_as(user)
        for url in reads:
            assert client.get(url).status_code == 404, (user, url)
        for url, payload in writes:
            assert client.post(url, payload, format="json").status_code == 404, (user, url)
        assert client.patch(f"/api/v1/assets/{o['asset'].pk}/", {"location": "x"}, format="json").status_code == 404
        for listing in ("tickets", "assets", "ip-requests", "account-requests", "mac-changes", "publishing-requests",
                        "meeting-bookings", "data-requests", "systems", "system-changes", "system-dev-requests"):
            assert client.get(f"/api/v1/{listing}/").json()["results"] == [], listing
    o["ticket"].refresh_from_db()
    o["publishing"].refresh_from_db()
    assert o["ticket"].status == "new" and o["ticket"].events.count() == 1
    assert o["publishing"].status == "submitted"
    o["booking"].refresh_from_db()
    assert o["booking"].status == "requested" and o["booking"].events.count() == 1
