"""Disposal proposals (002 §2 step ๑): an asset that cannot be repaired is proposed for disposal; the stock
officer accepts (the asset becomes retired or disposed) or rejects it (the asset goes back into use)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from helpdesk.roles import unit_q


class DisposalProposalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Service staff see every unit; supervisors their unit and below; others their own unit."""
        return self.filter(unit_q(user, "ticket__unit"))


class DisposalProposal(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("รอเจ้าหน้าที่พัสดุพิจารณา")
        ACCEPTED = "accepted", _("รับเรื่องจำหน่ายแล้ว")
        REJECTED = "rejected", _("ไม่รับจำหน่าย")

    class Outcome(models.TextChoices):
        RETIRED = "retired", _("เลิกใช้งาน")
        DISPOSED = "disposed", _("จำหน่ายแล้ว")

    ticket = models.OneToOneField("tickets.Ticket", verbose_name=_("ใบแจ้งซ่อม"), on_delete=models.PROTECT,
                                  related_name="disposal_proposal")
    asset = models.ForeignKey("assets.Asset", verbose_name=_("ครุภัณฑ์"), on_delete=models.PROTECT,
                              related_name="disposal_proposals")
    reason = models.TextField(_("เหตุผลที่ซ่อมไม่ได้"))
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.PROPOSED,
                              db_index=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้เสนอ"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(_("เสนอเมื่อ"), auto_now_add=True)
    outcome = models.CharField(_("ผลการพิจารณา"), max_length=20, choices=Outcome.choices, blank=True)
    decision_note = models.TextField(_("บันทึกการพิจารณา"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้พิจารณา"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)

    objects = DisposalProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("ข้อเสนอจำหน่ายครุภัณฑ์")
        verbose_name_plural = _("ข้อเสนอจำหน่ายครุภัณฑ์")

    def __str__(self) -> str:
        return f"{self.asset} ({self.get_status_display()})"
