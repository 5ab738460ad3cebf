"""Demo letterhead, team signatories, and a letter of every kind issued through the outgoing register.

Runs after every other app's demo (last in INSTALLED_APPS), so the records it writes letters for exist.
"""

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from helpdesk.models import Team

from .kinds import get_letter_kind
from .models import Agency, IssuedDocument, Signatory
from .services import document_issue

SIGNATORIES = [
    ("workshop", "ผู้อำนวยการกองระบบคอมพิวเตอร์"),
    ("service1", "หัวหน้าฝ่ายบริการ ๑"),
    ("service2", "หัวหน้าฝ่ายบริการ ๒"),
]


def seed(command, options) -> None:
    agency = Agency.current()
    if not agency.address:
        agency.address = "ศาลาว่าการกรุงเทพมหานคร ๑๗๓ ถนนดินสอ\nแขวงเสาชิงช้า เขตพระนคร\nกรุงเทพมหานคร ๑๐๒๐๐"
        agency.phone = agency.phone or "๐ ๒๒๒๔ ๑๓๐๐"
        agency.fax = agency.fax or "๐ ๒๒๒๔ ๑๓๐๑"
        agency.email = agency.email or "ict@helpdesk.local"
        agency.default_signer = User.objects.filter(username="ithead").first()
        agency.default_signer_position = "ผู้อำนวยการกองระบบคอมพิวเตอร์"
        agency.save()
    for code, position in SIGNATORIES:
        team = Team.objects.filter(code=code).first()
        if team is not None:
            Signatory.objects.get_or_create(team=team, defaults={"position": position})

    issuer = User.objects.filter(username="technician").first() or User.objects.filter(is_superuser=True).first()
    if issuer is None:
        return
    issued = 0
    for kind, target in _targets(issuer):
        try:
            document_issue(kind=kind, target=target, by=issuer)
        except ValidationError:
            continue
        issued += 1
    command.stdout.write(f"correspondence: {issued} letters issued, {IssuedDocument.objects.count()} in the register")


def _not_issued(kind: str, queryset, limit: int):
    """Up to `limit` records for a kind the demo has not written letters of yet (a second run adds none)."""
    if IssuedDocument.objects.filter(kind=kind).exists():
        return []
    return list(queryset[:limit])


def _targets(issuer):
    """(kind, record) pairs for the demo records that end with a letter, each once."""
    if get_letter_kind("ticket_summary"):
        from tickets.models import Status, Ticket

        done = Ticket.objects.filter(status__in=[Status.DELIVERED, Status.CLOSED]).order_by("pk")
        for ticket in _not_issued("ticket_summary", done, 3):
            yield "ticket_summary", ticket
        broken = Ticket.objects.filter(status=Status.UNREPAIRABLE, asset__isnull=False).order_by("pk")
        for ticket in _not_issued("ticket_disposal", broken, 1):
            yield "ticket_disposal", ticket
    if get_letter_kind("network_ip"):
        from tickets.network.models import AccountRequest, IPRequest, MacChangeRequest

        for obj in _not_issued("network_ip", IPRequest.objects.filter(status=IPRequest.Status.CLOSED), 1):
            yield "network_ip", obj
        applied = MacChangeRequest.objects.filter(status=MacChangeRequest.Status.APPLIED)
        for obj in _not_issued("network_mac", applied, 1):
            yield "network_mac", obj
        completed = AccountRequest.objects.filter(status=AccountRequest.Status.COMPLETED)
        for obj in _not_issued("network_account", completed, 1):
            yield "network_account", obj
    if get_letter_kind("asset_loan"):
        from assets.models import AssetLoan

        for loan in _not_issued("asset_loan", AssetLoan.objects.open(), 1):
            yield "asset_loan", loan
    if get_letter_kind("parts_purchase"):
        from tickets.parts.letters import PROCURED
        from tickets.parts.models import PartRequest

        for obj in _not_issued("parts_purchase", PartRequest.objects.filter(status__in=PROCURED), 1):
            yield "parts_purchase", obj
    kind = get_letter_kind("publishing_monthly")
    if kind:
        last_month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
        if not IssuedDocument.objects.filter(kind="publishing_monthly", record_key=last_month).exists():
            yield "publishing_monthly", kind.resolve(issuer, last_month)
