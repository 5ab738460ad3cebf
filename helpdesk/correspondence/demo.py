"""Demo letterhead, team signatories, and a letter of every kind issued through the outgoing register.

Runs after every other app's demo (last in INSTALLED_APPS), so the records it writes letters for exist.
"""


from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from helpdesk.models import Team

from .kinds import letter_kinds
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
    """(kind, record) pairs for the demo records that end with a letter, each kind once (a second run adds none).

    Each app names its demo records when it registers a letter kind (``LetterKind.demo_targets``), so the
    register's demo never imports the apps.
    """
    for kind in letter_kinds():
        if kind.demo_targets is None:
            continue
        if kind.code != "publishing_monthly" and IssuedDocument.objects.filter(kind=kind.code).exists():
            continue
        for target in kind.demo_targets(issuer):
            yield kind.code, target
