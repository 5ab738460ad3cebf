"""A team head cannot approve the part request he filed himself (helpdesk.workflow.ensure_not_own_request)."""

from decimal import Decimal

from django.urls import reverse

from tickets.parts.models import PartRequest


def test_a_team_head_cannot_approve_the_part_request_he_filed(login, ticket, technician, team_a, stock_officer):
    team_a.head = technician
    team_a.save()
    client = login(technician)
    client.post(reverse("parts:request_create", args=[ticket.pk]), {
        "item": "", "description": "เซิร์ฟเวอร์สำรอง", "quantity": "1", "reason": "เครื่องเดิมเสีย",
        "estimated_cost": "50000"})
    part_request = PartRequest.objects.get()
    assert part_request.estimated_cost == Decimal("50000")
    response = client.post(reverse("parts:request_transition", args=[part_request.pk, "approve"]), {})
    assert response.status_code == 403
    part_request.refresh_from_db()
    assert part_request.status == "requested" and not part_request.events.filter(to_status="approved").exists()
    # Someone else with the right may.
    login(stock_officer).post(reverse("parts:request_transition", args=[part_request.pk, "approve"]), {})
    assert PartRequest.objects.get().status == "approved"
