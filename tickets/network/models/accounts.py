"""Service accounts (Internet, e-mail, สารบรรณอิเล็กทรอนิกส์ …) and requests for them (000 3.3, 003 §6.7).

No password is ever entered, stored, logged or shown: the admin records only the user ID,
the e-mail address and how the credentials reached the person.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from helpdesk.models import Unit

from ..uploads import id_card_upload_to, memo_upload_to
from .common import NetworkRequest, UnitScopedQuerySet, filed_by, status_event_model, status_field


class Service(models.Model):
    code = models.SlugField(_("รหัสบริการ"), max_length=30, unique=True)
    name = models.CharField(_("ชื่อบริการ"), max_length=200)
    description = models.TextField(_("รายละเอียด"), blank=True)
    issues_email = models.BooleanField(_("ออกที่อยู่อีเมล"), default=False)
    is_active = models.BooleanField(_("เปิดให้ขอใช้"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("บริการที่ขอบัญชีผู้ใช้ได้")
        verbose_name_plural = _("บริการที่ขอบัญชีผู้ใช้ได้")

    def __str__(self) -> str:
        return self.name


class ServiceAccount(models.Model):
    """An account a person holds in a service (the account registry)."""

    service = models.ForeignKey(Service, verbose_name=_("บริการ"), on_delete=models.PROTECT, related_name="accounts")
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT,
                             related_name="service_accounts")
    person_name = models.CharField(_("ชื่อ-สกุล"), max_length=200, db_index=True)
    person_position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    user_id = models.CharField(_("ชื่อผู้ใช้ (User ID)"), max_length=150)
    email = models.EmailField(_("ที่อยู่อีเมล"), blank=True)
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    opened_at = models.DateTimeField(_("เปิดใช้เมื่อ"), default=timezone.now)
    closed_at = models.DateTimeField(_("ปิดเมื่อ"), null=True, blank=True)
    history = HistoricalRecords()

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        ordering = ["service", "user_id"]
        verbose_name = _("ทะเบียนบัญชีผู้ใช้")
        verbose_name_plural = _("ทะเบียนบัญชีผู้ใช้")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "user_id"], condition=Q(is_active=True), name="network_one_active_user_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service.name}: {self.user_id} ({self.person_name})"


class AccountRequest(NetworkRequest):
    reference_prefix = "AC"

    class Kind(models.TextChoices):
        NEW = "new", _("ขอเปิดบัญชีใหม่")
        RESET = "reset", _("ขอตั้งรหัสใหม่ (รีเซ็ต)")
        CLOSE = "close", _("ขอปิดบัญชี")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("รอผู้บังคับบัญชาอนุมัติ")
        RETURNED = "returned", _("ส่งคืนผู้ขอให้แก้ไข")
        APPROVED = "approved", _("อนุมัติแล้ว รอผู้ดูแลระบบดำเนินการ")
        COMPLETED = "completed", _("ดำเนินการเสร็จสิ้น")
        CANCELLED = "cancelled", pgettext_lazy("status", "ยกเลิก")

    class Delivery(models.TextChoices):
        SMS = "sms", _("ข้อความ SMS ทางโทรศัพท์มือถือ")
        SEALED = "sealed_document", _("เอกสารลับ (ซองปิดผนึก)")

    service = models.ForeignKey(Service, verbose_name=_("บริการ"), on_delete=models.PROTECT, related_name="requests")
    kind = models.CharField(_("ประเภทคำขอ"), max_length=10, choices=Kind.choices)
    unit, requested_by = filed_by("account_requests")
    account = models.ForeignKey(
        ServiceAccount, verbose_name=_("บัญชีผู้ใช้"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="requests",
    )
    person_name = models.CharField(_("ชื่อ-สกุลผู้ใช้งาน"), max_length=200)
    person_position = models.CharField(_("ตำแหน่ง"), max_length=200)
    id_card = models.FileField(
        _("สำเนาบัตรประจำตัวเจ้าหน้าที่ของรัฐ"), upload_to=id_card_upload_to, max_length=200, blank=True
    )
    id_card_purged_at = models.DateTimeField(_("ลบสำเนาบัตรเมื่อ"), null=True, blank=True)
    mobile = models.CharField(_("โทรศัพท์มือถือ"), max_length=30)
    office_phone = models.CharField(_("โทรศัพท์ที่ทำงาน"), max_length=50)
    memo_number = models.CharField(_("เลขที่หนังสือบันทึก"), max_length=100)
    memo_date = models.DateField(_("ลงวันที่"))
    memo_file = models.FileField(_("ไฟล์หนังสือบันทึก (PDF)"), upload_to=memo_upload_to, max_length=200)
    status = status_field(Status)
    return_note = models.TextField(_("สิ่งที่ต้องแก้ไข"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้อนุมัติ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), null=True, blank=True)
    issued_user_id = models.CharField(_("ชื่อผู้ใช้ (User ID) ที่ออกให้"), max_length=150, blank=True)
    issued_email = models.EmailField(_("ที่อยู่อีเมลที่ออกให้"), blank=True)
    delivery_method = models.CharField(_("ช่องทางแจ้งผู้ใช้"), max_length=20, choices=Delivery.choices, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ส่งมอบ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    delivered_at = models.DateTimeField(_("ส่งมอบเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จสิ้นเมื่อ"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta(NetworkRequest.Meta):
        verbose_name = _("คำขอบัญชีผู้ใช้")
        verbose_name_plural = _("คำขอบัญชีผู้ใช้")


AccountRequestEvent = status_event_model(AccountRequest, _("ประวัติคำขอบัญชีผู้ใช้"))


class IdCardAccess(models.Model):
    """Every view or download of an ID-card copy (personal data under the PDPA): who and when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้เปิดดู"), on_delete=models.PROTECT,
                             related_name="+")
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now, db_index=True)
    account_request = models.ForeignKey(
        AccountRequest, verbose_name=_("คำขอบัญชีผู้ใช้"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="id_card_accesses",
    )
    mac_change = models.ForeignKey(
        "network.MacChangeRequest", verbose_name=_("คำขอเปลี่ยน MAC"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="id_card_accesses",
    )
    remote_addr = models.GenericIPAddressField(_("จากหมายเลขไอพี"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("บันทึกการเปิดดูสำเนาบัตร")
        verbose_name_plural = _("บันทึกการเปิดดูสำเนาบัตร")

    def __str__(self) -> str:
        return f"{self.user} {self.at:%Y-%m-%d %H:%M}"
