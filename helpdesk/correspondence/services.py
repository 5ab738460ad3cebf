"""Issuing and cancelling documents: the one place numbers are taken and PDFs stored."""

import base64
import hashlib
import logging
import mimetypes
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.counters import next_number
from helpdesk.notify import notify
from helpdesk.pdf import render_html, render_pdf
from helpdesk.roles import user_profile
from helpdesk.thai import be_year, thai_digits

from .kinds import Letter, LetterKind, get_letter_kind
from .models import Agency, DocumentForm, IssuedDocument, Register, RegisterCounter, Signatory

logger = logging.getLogger(__name__)

LAYOUTS = {DocumentForm.MEMO: "correspondence/pdf/memo.html", DocumentForm.EXTERNAL: "correspondence/pdf/external.html"}


def next_register_number(register: Register, year: int) -> int:
    """The next running number of `register` in B.E. `year`, from a row locked until the caller's transaction ends.

    Runs inside the transaction that stores the document: if that rolls back so does the counter
    (no gap); concurrent issuers wait on the row lock (no duplicate).
    """
    return next_number(RegisterCounter, register=register, year=year)


def format_number(register: Register, sequence: int) -> str:
    return thai_digits(f"{register.prefix}/{sequence}")


def letter_form(kind: LetterKind, letter: Letter, agency: Agency) -> str:
    form = letter.form or kind.form
    return agency.unit_letter_form if form == "unit" else form


def register_for(form: str, agency: Agency) -> Register:
    code = Register.MEMO if form == DocumentForm.MEMO and agency.separate_memo_register else Register.MAIN
    register = Register.objects.filter(code=code).first()
    if register is None:  # the data migration creates both; a deleted register must not stop the desk
        register = Register.objects.create(code=code, name=str(_("ทะเบียนหนังสือส่ง")), prefix=agency.name[:50])
    return register


def signature_for(team, agency: Agency, *, signer=None, position: str = "") -> tuple:
    """(user, name, position) of the accountable signer: the one the letter names, else the team's configured
    signer or its head, else the agency's signer."""
    if signer is not None:
        profile = user_profile(signer)
        position = position or (profile.position if profile else "")
        return signer, signer.get_full_name() or signer.get_username(), position
    if team is not None:
        signatory = Signatory.objects.filter(team=team).select_related("signer").first()
        if signatory is not None:
            signer, position = signatory.signer, signatory.position
        if signer is None:
            signer = team.head
    if signer is None:
        signer = agency.default_signer
        position = position or agency.default_signer_position
    if signer is None:
        return None, "", position
    profile = user_profile(signer)
    if not position:
        position = profile.position if profile else ""
        if team is not None and position and str(team.name) not in position:
            position = f"{position} {team.name}"
    return signer, signer.get_full_name() or signer.get_username(), position


def emblem_data_uri(agency: Agency) -> str:
    if not agency.emblem:
        return ""
    try:
        with agency.emblem.open("rb") as file:
            body = file.read()
    except OSError:
        logger.warning("emblem file missing: %s", agency.emblem.name)
        return ""
    mime = mimetypes.guess_type(agency.emblem.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(body).decode()}"


def letter_context(*, kind: LetterKind, letter: Letter, agency: Agency, number: str, date, signer_name: str,
                   signer_position: str, draft: bool) -> dict:
    form = letter_form(kind, letter, agency)
    return {
        **letter.context,
        "layout": LAYOUTS[form],
        "form": form,
        "kind": kind,
        "letter": letter,
        "agency": agency,
        "emblem": emblem_data_uri(agency),
        "number": number,
        "date": date,
        "signer_name": signer_name,
        "signer_position": signer_position,
        "draft": draft,
        "contact_team": letter.team,
    }


def document_draft(*, kind: str, target, request=None, as_html: bool = False) -> bytes | str:
    """The letter as it would be issued, without a number (ร่าง); nothing is stored."""
    letter_kind = get_letter_kind(kind)
    letter = letter_kind.compose(target)
    agency = Agency.current()
    _signer, name, position = signature_for(letter.team, agency, signer=letter.signer,
                                            position=letter.signer_position)
    context = letter_context(kind=letter_kind, letter=letter, agency=agency, number="", date=None,
                             signer_name=name, signer_position=position, draft=True)
    template = context["layout"]
    return render_html(template, context, request) if as_html else render_pdf(template, context, request)


def document_issue(
    *, kind: str, target, by, replaces: IssuedDocument | None = None, reason: str = ""
) -> IssuedDocument:
    """Take the next number, render the letter once and store it; with `replaces`, cancel that one (with `reason`).

    The number, the date and the PDF are fixed here; a reprint serves the stored file.
    """
    letter_kind = get_letter_kind(kind)
    if letter_kind is None:
        raise ValidationError(_("ไม่รู้จักประเภทหนังสือนี้"))
    if replaces is not None and not reason.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลที่ออกหนังสือฉบับใหม่แทนฉบับเดิม"))
    letter = letter_kind.compose(target)
    agency = Agency.current()
    form = letter_form(letter_kind, letter, agency)
    register = register_for(form, agency)
    signer, signer_name, signer_position = signature_for(letter.team, agency, signer=letter.signer,
                                                        position=letter.signer_position)
    with transaction.atomic():
        if replaces is not None:
            replaces = IssuedDocument.objects.select_for_update().get(pk=replaces.pk)
            if replaces.is_cancelled:
                raise ValidationError(_("หนังสือฉบับนี้ถูกยกเลิกไปแล้ว"))
        now = timezone.now()
        year = be_year(now)
        sequence = next_register_number(register, year)
        number = format_number(register, sequence)
        issued_on = timezone.localdate(now)
        context = letter_context(kind=letter_kind, letter=letter, agency=agency, number=number, date=issued_on,
                                 signer_name=signer_name, signer_position=signer_position, draft=False)
        body = render_pdf(context["layout"], context)
        document = IssuedDocument(
            register=register, year=year, sequence=sequence, number=number, form=form, kind=kind,
            issued_on=issued_on, issued_at=now, subject=letter.subject[:300], addressee=letter.addressee[:300],
            record=letter.record, record_key=letter.record_key[:100], record_label=letter.record_label[:200],
            unit=letter.unit, issued_by=by, signer=signer, signer_name=signer_name[:200],
            signer_position=signer_position[:200], sha256=hashlib.sha256(body).hexdigest(), size=len(body),
            replaces=replaces,
        )
        document.pdf.save(f"{register.code}-{year}-{sequence:05d}-{secrets.token_hex(8)}.pdf", ContentFile(body),
                          save=False)
        document.save()
        if replaces is not None:
            _cancel(replaces, by=by, reason=reason, at=now)
        if letter.recipients:
            transaction.on_commit(lambda: notify_document_issued(document, letter.recipients))
    logger.info("document %s (%s) issued by %s", document.number, kind, by.pk)
    return document


def _cancel(document: IssuedDocument, *, by, reason: str, at) -> None:
    document.cancelled_at = at
    document.cancelled_by = by
    document.cancel_reason = reason.strip()
    document.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason"])


def document_cancel(*, document: IssuedDocument, by, reason: str) -> IssuedDocument:
    """Mark a document cancelled (ยกเลิก) with a reason; its number stays taken and its file stays as issued."""
    if not reason.strip():
        raise ValidationError(_("กรุณาระบุเหตุผลที่ยกเลิกหนังสือ"))
    with transaction.atomic():
        document = IssuedDocument.objects.select_for_update().get(pk=document.pk)
        if document.is_cancelled:
            raise ValidationError(_("หนังสือฉบับนี้ถูกยกเลิกไปแล้ว"))
        _cancel(document, by=by, reason=reason, at=timezone.now())
    return document


def notify_document_issued(document: IssuedDocument, recipients: list[str]) -> None:
    """Tell the unit its letter is issued, with the PDF attached (the queued task reads it from storage)."""
    notify(
        recipients=recipients,
        subject=_("%(subject)s (ที่ %(number)s)") % {"subject": document.subject, "number": document.number},
        template="email/correspondence/document_issued.txt",
        context={"document": document},
        attachments=[(document.pdf.name, document.filename, "application/pdf")],
    )
