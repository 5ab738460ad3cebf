"""The loan / hand-over letter (หนังสือยืม/มอบ, 000 §1.1 step ๖) for equipment lent to a unit."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.correspondence.kinds import Letter, LetterKind, record_access, register_letter_kind
from helpdesk.roles import user_profile
from helpdesk.thai import thai_digits

from .access import can_edit_assets
from .models import AssetLoan

LOAN = "asset_loan"


_resolve, _visible = record_access(AssetLoan, "asset", "asset__unit", "borrower_unit", "lent_by")


def _may_issue(user, loan) -> bool:
    return can_edit_assets(user)


def compose_loan(loan: AssetLoan) -> Letter:
    profile = user_profile(loan.lent_by) if loan.lent_by_id else None
    return Letter(
        subject=_("ส่งมอบครุภัณฑ์ให้ยืมใช้งาน หมายเลขครุภัณฑ์ %(asset)s") % {"asset": thai_digits(loan.asset.asset_number)},
        addressee=_("หัวหน้า%(unit)s") % {"unit": loan.borrower_unit.name},
        body_template="assets/letters/loan_body.html",
        appendix_template="assets/letters/loan_receipt.html",
        context={"loan": loan, "asset": loan.asset, "technician": loan.lent_by},
        record=loan, record_label=_("การยืมครุภัณฑ์ %(asset)s") % {"asset": loan.asset.asset_number},
        unit=loan.borrower_unit, team=profile.team if profile else None,
        recipients=[loan.borrower_unit.email],
        closing=_("จึงเรียนมาเพื่อโปรดทราบ และโปรดลงนามรับมอบ"),
    )


def register_letters() -> None:
    register_letter_kind(LetterKind(
        code=LOAN, label=gettext_lazy("หนังสือยืม/ส่งมอบครุภัณฑ์"), form="unit",
        resolve=_resolve, compose=compose_loan, visible=_visible, may_issue=_may_issue,
        demo_targets=lambda issuer: AssetLoan.objects.open()[:1],
    ))
