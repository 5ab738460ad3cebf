"""Website-publishing requests (001 web publishing, 002 §1, 003 §6.3/§6.5) and the public news posts they become."""

import hashlib
import secrets
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helpdesk.models import Unit
from helpdesk.roles import Role, has_role, unit_q
from helpdesk.thai import format_date

# Section slugs that would collide with the fixed /news/… routes.
RESERVED_SECTION_SLUGS = frozenset({"post", "preview", "feed", "files"})
SLA_WORKING_DAYS = 2  # 002 §1: published within 2 working days of receiving the approved request


def validate_section_slug(value: str) -> None:
    if value in RESERVED_SECTION_SLUGS:
        raise ValidationError(_("ชื่อย่อนี้สงวนไว้สำหรับระบบ"), code="reserved_slug")


class Section(models.Model):
    """A menu of the agency's website (ข่าวประชาสัมพันธ์, ประกาศจัดซื้อจัดจ้าง …)."""

    slug = models.SlugField(_("ชื่อย่อใน URL"), max_length=50, unique=True, validators=[validate_section_slug])
    name = models.CharField(_("ชื่อเมนู"), max_length=200)
    description = models.TextField(_("คำอธิบาย"), blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("เมนูเว็บไซต์")
        verbose_name_plural = _("เมนูเว็บไซต์")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:section", args=[self.slug])


class PublishingRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Requests a signed-in user may read: their units' requests, and drafts only of their own."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(unit_q(user, "unit")).filter(~Q(status=PublishingRequest.Status.DRAFT) | Q(requester=user))

    def published(self, today=None):
        """Posts on the public news pages: published, from the day they were approved for (``wanted_on``: a
        post published early for a later date waits for that day), and not past their expiry date."""
        today = today or timezone.localdate()
        return self.filter(status=PublishingRequest.Status.PUBLISHED, published_at__isnull=False,
                           wanted_on__lte=today).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))

    def at_it(self):
        """Requests that reached IT with their approval and are not yet published."""
        S = PublishingRequest.Status
        return self.filter(status__in=[S.APPROVED, S.ACCEPTED, S.PREVIEW])

    def overdue(self, now=None):
        now = now or timezone.now()
        return self.at_it().filter(due_at__lt=now)


class PublishingRequest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        SUBMITTED = "submitted", _("รอผู้บังคับบัญชาอนุมัติ")
        RETURNED = "returned", _("ส่งกลับแก้ไข")
        APPROVED = "approved", _("อนุมัติแล้ว รอตรวจสอบ")
        ACCEPTED = "accepted", _("ตรวจสอบแล้ว รอจัดทำ")
        PREVIEW = "preview", _("เผยแพร่ชั่วคราว (ตัวอย่าง)")
        PUBLISHED = "published", _("เผยแพร่แล้ว")
        WITHDRAWN = "withdrawn", _("ถอนเรื่อง")

    class BodyFormat(models.TextChoices):
        PLAIN = "plain", _("ข้อความธรรมดา")
        MARKDOWN = "markdown", _("Markdown")

    title = models.CharField(_("หัวข้อ"), max_length=255)
    body = models.TextField(_("เนื้อหา"))
    body_format = models.CharField(
        _("รูปแบบเนื้อหา"), max_length=10, choices=BodyFormat.choices, default=BodyFormat.PLAIN
    )
    section = models.ForeignKey(Section, verbose_name=_("เมนู"), on_delete=models.PROTECT, related_name="requests")
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="publishing")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ขอเผยแพร่"), on_delete=models.PROTECT,
        related_name="publishing_requests",
    )
    wanted_on = models.DateField(_("วันที่ต้องการให้เผยแพร่"))
    expires_on = models.DateField(_("วันที่สิ้นสุดการเผยแพร่"), null=True, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)

    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    submitted_at = models.DateTimeField(_("ส่งครั้งแรกเมื่อ"), null=True, blank=True)
    # The moment the request reached IT with its approval; the 2-working-day clock starts here.
    reached_it_at = models.DateTimeField(_("ถึงศูนย์ไอทีพร้อมอนุมัติเมื่อ"), null=True, blank=True)
    due_at = models.DateTimeField(_("กำหนดเผยแพร่ภายใน"), null=True, blank=True, db_index=True)

    # IT head's compliance check (002 §1 step 2).
    check_rules = models.BooleanField(_("เป็นไปตามหลักเกณฑ์/ระเบียบของหน่วยงาน"), default=False)
    check_oia = models.BooleanField(_("สอดคล้องกับ พ.ร.บ. ข้อมูลข่าวสารของราชการ"), default=False)
    check_chain = models.BooleanField(_("ได้รับอนุมัติตามสายบังคับบัญชาครบถ้วน"), default=False)
    check_notes = models.TextField(_("บันทึกการตรวจสอบ"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ตรวจสอบ"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("ตรวจสอบผ่านเมื่อ"), null=True, blank=True)

    # Staff preparation and preview (002 §1 steps 3–4).
    preview_token = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    previewed_at = models.DateTimeField(_("เผยแพร่ชั่วคราวเมื่อ"), null=True, blank=True)
    verify_display = models.BooleanField(_("การแสดงผลถูกต้อง"), default=False)
    verify_positions = models.BooleanField(_("ตำแหน่งถูกต้อง"), default=False)
    verify_fonts = models.BooleanField(_("ตัวอักษรถูกต้อง"), default=False)
    verify_downloads = models.BooleanField(_("ดาวน์โหลดเอกสารได้"), default=False)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้เผยแพร่"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    external_url = models.URLField(_("URL บนเว็บไซต์หลักของหน่วยงาน"), blank=True)
    working_days_to_publish = models.PositiveSmallIntegerField(_("จำนวนวันทำการจนเผยแพร่"), null=True, blank=True)

    return_reason = models.TextField(_("เหตุผลที่ส่งกลับ"), blank=True)
    withdrawn_reason = models.TextField(_("เหตุผลที่ถอนเรื่อง"), blank=True)
    withdrawn_at = models.DateTimeField(_("ถอนเรื่องเมื่อ"), null=True, blank=True)

    history = HistoricalRecords()
    objects = PublishingRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("คำขอเผยแพร่ข้อมูลบนเว็บไซต์")
        verbose_name_plural = _("คำขอเผยแพร่ข้อมูลบนเว็บไซต์")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("wanted_on")),
                name="publishing_expiry_after_wanted",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("publishing:detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("news:post", args=[self.pk])

    def get_preview_url(self) -> str:
        return reverse("news:preview", args=[self.preview_token]) if self.preview_token else ""

    def new_preview_token(self) -> None:
        self.preview_token = secrets.token_urlsafe(32)

    @property
    def number(self) -> str:
        return f"WEB-{self.pk:05d}" if self.pk else ""

    def is_expired(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today

    def is_scheduled(self, today=None) -> bool:
        """Published ahead of the date it was approved for: not on the news pages yet."""
        today = today or timezone.localdate()
        return self.status == self.Status.PUBLISHED and self.wanted_on > today

    def is_public(self, today=None) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_expired(today) and not self.is_scheduled(today)

    @property
    def public_date(self):
        """The day the post appears on the news pages: its publication, or the later date it was approved for."""
        if self.published_at is None:
            return None
        return max(timezone.localdate(self.published_at), self.wanted_on)

    def is_overdue(self, now=None) -> bool:
        now = now or timezone.now()
        if self.due_at is None:
            return False
        if self.status == self.Status.PUBLISHED:
            return self.published_at is not None and self.published_at > self.due_at
        return self.status in (self.Status.APPROVED, self.Status.ACCEPTED, self.Status.PREVIEW) and now > self.due_at

    def display_status(self) -> str:
        if self.status == self.Status.PUBLISHED and self.is_expired():
            return str(_("หมดอายุการเผยแพร่"))
        if self.is_scheduled():
            return str(_("เผยแพร่แล้ว รอขึ้นหน้าข่าววันที่ %(date)s")) % {"date": format_date(self.wanted_on)}
        return self.get_status_display()

    def text_sha256(self) -> str:
        content = "\n".join([self.title, self.body_format, self.body])
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    def current_fingerprint(self, attachments=None) -> dict:
        """What an approver signs: the text and every attached file, each as SHA-256."""
        attachments = list(self.attachments.all()) if attachments is None else attachments
        return {
            "text": self.text_sha256(),
            "files": sorted(
                ({"id": a.pk, "name": a.original_name, "sha256": a.compute_sha256()} for a in attachments),
                key=lambda item: item["id"],
            ),
        }

    def valid_approval(self):
        return self.approvals.filter(voided_at__isnull=True).order_by("-approved_at").first()


def attachment_upload_to(instance, filename: str) -> str:
    # Random name: the user's file name is never a path on disk.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"publishing/{uuid.uuid4().hex}{suffix}"


class StoredFile(models.Model):
    """A received file kept with its name, type, size and hash (checked by content: publishing.files.check_upload).
    A subclass adds its owner, its `file` field (its own folder) and its `kind`."""

    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name

    @classmethod
    def store(cls, checked, *, by, **owner):
        """A checked upload (publishing.files.CheckedFile) saved as a new row for its `owner` (``request=…``)."""
        stored = cls(original_name=checked.name, kind=checked.kind, content_type=checked.content_type,
                     size=checked.size, sha256=checked.sha256, uploaded_by=by, **owner)
        stored.file.save(checked.name, checked.upload, save=False)
        stored.save()
        return stored

    def compute_sha256(self) -> str:
        """The hash of the bytes on disk now (not the stored one): a file swapped behind our back shows."""
        digest = hashlib.sha256()
        try:
            with self.file.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                    digest.update(chunk)
        except FileNotFoundError:
            return ""
        finally:
            self.file.close()
        return digest.hexdigest()


class Attachment(StoredFile):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        IMAGE = "image", _("รูปภาพ")
        DOCX = "docx", "Word (DOCX)"
        XLSX = "xlsx", "Excel (XLSX)"

    request = models.ForeignKey(PublishingRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("ไฟล์"), upload_to=attachment_upload_to, max_length=255)
    kind = models.CharField(_("ชนิด"), max_length=10, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("ไฟล์แนบ")
        verbose_name_plural = _("ไฟล์แนบ")


class Approval(models.Model):
    """The supervisor's signature: who, when, and the fingerprint of what they approved (001 step 4)."""

    request = models.ForeignKey(PublishingRequest, on_delete=models.CASCADE, related_name="approvals")
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), default=timezone.now)
    text_sha256 = models.CharField(_("SHA-256 ของเนื้อหา"), max_length=64)
    files = models.JSONField(_("SHA-256 ของไฟล์แนบ"), default=list)
    note = models.TextField(_("ความเห็น"), blank=True)
    voided_at = models.DateTimeField(_("ถูกยกเลิกเมื่อ"), null=True, blank=True)
    void_reason = models.CharField(_("เหตุที่ยกเลิก"), max_length=255, blank=True)

    class Meta:
        ordering = ["-approved_at"]
        verbose_name = _("การอนุมัติ")
        verbose_name_plural = _("การอนุมัติ")

    def __str__(self) -> str:
        return f"{self.request_id} {self.approver} {self.approved_at:%Y-%m-%d %H:%M}"

    @property
    def fingerprint(self) -> dict:
        return {"text": self.text_sha256, "files": self.files}

    def matches(self, fingerprint: dict) -> bool:
        return self.fingerprint == fingerprint


class Event(models.Model):
    """One line of a request's history: who moved it from which status to which, and why."""

    actor_field = "actor"  # who, for the kernel's event rows (helpdesk.workflow.write_event)

    request = models.ForeignKey(PublishingRequest, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, choices=PublishingRequest.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PublishingRequest.Status.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("ประวัติคำขอ")
        verbose_name_plural = _("ประวัติคำขอ")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_status} → {self.to_status}"


def is_publishing_staff(user) -> bool:
    return has_role(user, Role.TECHNICIAN, Role.IT_HEAD)
