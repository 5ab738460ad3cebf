from django import template

from ..access import can_keep_register
from ..kinds import get_letter_kind
from ..models import IssuedDocument

register = template.Library()


@register.inclusion_tag("correspondence/includes/_letters.html", takes_context=True)
def letters_panel(context, target, kind_code: str, title: str = ""):
    """The issued letters of one kind for a record, with issue/draft buttons for staff.

    ``target`` is the record (or, for letters about a period, the key string).
    """
    request = context["request"]
    kind = get_letter_kind(kind_code)
    if kind is None:
        return {"kind": None}
    about_period = isinstance(target, str)
    key = target if about_period else kind.key(target)
    documents = IssuedDocument.objects.filter(kind=kind_code).select_related("replaces")
    if about_period:
        documents = documents.filter(record_key=key)
    else:
        documents = documents.for_record(target)
    user = request.user
    staff = can_keep_register(user) and kind.may_issue(user, None if about_period else target)
    if about_period and not staff:
        return {"kind": None}  # letters about a period (not a unit's record) are for staff only
    documents = list(documents.order_by("-issued_at"))
    if not staff:
        documents = [doc for doc in documents if not doc.is_cancelled]
    return {
        "kind": kind, "key": key, "title": title or kind.label, "documents": documents,
        "may_issue": staff, "has_current": any(not doc.is_cancelled for doc in documents),
        "next": request.get_full_path(), "csrf_token": context.get("csrf_token"),
    }
