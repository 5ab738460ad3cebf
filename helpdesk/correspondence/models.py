"""The outgoing register (ทะเบียนหนังสือส่ง) and the documents issued through it.

An issued document never changes: its number, date, subject and the rendered PDF (with its SHA-256)
are stored once; printing again serves the stored file. A correction is a new document that
replaces the old one, which is marked cancelled with a reason.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.models import Team, Unit


class DocumentForm(models.TextChoices):
    MEMO = "memo", _("บันทึกข้อความ")
    EXTERNAL = "external", _("หนังสือภายนอก")


class Agency(models.Model):
    """The issuing agency's letterhead and register options (one row, edited in the admin)."""

    name = models.CharField(_("ชื่อส่วนราชการ"), max_length=255)
    address = models.TextField(_("ที่ตั้งส่วนราชการ"), blank=True,
                               help_text=_("พิมพ์ที่มุมขวาบนของหนังสือภายนอก บรรทัดละหนึ่งรายการ"))
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    fax = models.CharField(_("โทรสาร"), max_length=100, blank=True)
    email = models.EmailField(_("ไปรษณีย์อิเล็กทรอนิกส์"), blank=True)
    emblem = models.ImageField(
        _("ภาพตราครุฑ"), upload_to="correspondence/emblem/", blank=True,
        help_text=_("ไฟล์ PNG หรือ JPEG ไม่เกิน 2 MB หากไม่อัปโหลด หนังสือจะเว้นที่ว่างไว้ตามขนาดตรา"),
    )
    separate_memo_register = models.BooleanField(
        _("แยกเลขบันทึกข้อความจากหนังสือภายนอก"), default=False,
        help_text=_("เมื่อเลือก บันทึกข้อความใช้ทะเบียนและเลขลำดับของตนเอง"),
    )
    unit_letter_form = models.CharField(
        _("รูปแบบหนังสือแจ้งหน่วยงาน"), max_length=10, choices=DocumentForm.choices, default=DocumentForm.MEMO,
        help_text=_("หนังสือสรุปรายงานผลและหนังสือยืม/มอบที่ส่งถึงหน่วยงานผู้ขอรับบริการ"),
    )
    default_signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ลงนามเมื่อทีมไม่ได้กำหนด"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    default_signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ข้อมูลส่วนราชการสำหรับหนังสือ")
        verbose_name_plural = _("ข้อมูลส่วนราชการสำหรับหนังสือ")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Agency":
        agency = cls.objects.order_by("pk").first()
        if agency is None:
            agency = cls.objects.create(name=settings.HELPDESK_ORGANISATION)
        return agency


class Register(models.Model):
    """A book of outgoing numbers: its prefix (รหัสตัวพยัญชนะและเลขประจำส่วนราชการ)."""

    MAIN = "main"
    MEMO = "memo"

    code = models.SlugField(_("รหัสทะเบียน"), max_length=20, unique=True)
    name = models.CharField(_("ชื่อทะเบียน"), max_length=200)
    prefix = models.CharField(_("รหัสหนังสือ"), max_length=50, help_text=_("เช่น กท ๐๔๐๕.๑"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("ทะเบียนหนังสือส่ง")
        verbose_name_plural = _("ทะเบียนหนังสือส่ง")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"


class RegisterCounter(models.Model):
    """The last number given in a register in one calendar year (B.E.); locked while a number is taken."""

    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField(_("ปี พ.ศ."))
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["register", "year"], name="correspondence_counter_per_year")]

    def __str__(self) -> str:
        return f"{self.register.code}/{self.year}: {self.last_number}"


class Signatory(models.Model):
    """Who signs a team's letters: the accountable head, not whoever clicked."""

    team = models.OneToOneField(Team, verbose_name=_("ทีมให้บริการ"), on_delete=models.CASCADE,
                                related_name="signatory")
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ลงนาม"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("เว้นว่างเพื่อใช้หัวหน้าทีม"),
    )
    position = models.CharField(_("ตำแหน่งในบล็อกลงนาม"), max_length=200, blank=True,
                                help_text=_("เช่น หัวหน้าฝ่ายบริการ ๑ (เว้นว่างเพื่อใช้ตำแหน่งในข้อมูลผู้ใช้)"))

    class Meta:
        verbose_name = _("ผู้ลงนามหนังสือของทีม")
        verbose_name_plural = _("ผู้ลงนามหนังสือของทีม")

    def __str__(self) -> str:
        return str(self.team)


class IssuedDocumentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(cancelled_at__isnull=True)

    def for_record(self, record):
        return self.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


def document_upload_to(instance: "IssuedDocument", filename: str) -> str:
    return f"correspondence/{instance.year}/{filename}"


class IssuedDocument(models.Model):
    register = models.ForeignKey(Register, verbose_name=_("ทะเบียน"), on_delete=models.PROTECT,
                                 related_name="documents")
    year = models.PositiveSmallIntegerField(_("ปี พ.ศ."), db_index=True)
    sequence = models.PositiveIntegerField(_("เลขลำดับ"))
    number = models.CharField(_("ที่"), max_length=100)
    form = models.CharField(_("รูปแบบ"), max_length=10, choices=DocumentForm.choices)
    kind = models.CharField(_("ประเภทหนังสือ"), max_length=60, db_index=True)
    issued_on = models.DateField(_("ลงวันที่"), db_index=True)
    issued_at = models.DateTimeField(_("ออกเลขเมื่อ"), default=timezone.now)
    subject = models.CharField(_("เรื่อง"), max_length=300)
    addressee = models.CharField(_("เรียน"), max_length=300)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    record_key = models.CharField(_("อ้างอิงเรื่อง"), max_length=100, blank=True, db_index=True)
    record_label = models.CharField(_("เรื่องเดิม"), max_length=200, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="issued_documents")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ออกเลข"), on_delete=models.PROTECT,
                                  related_name="+")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ลงนาม"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    signer_name = models.CharField(_("ชื่อผู้ลงนาม"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)
    pdf = models.FileField(_("ไฟล์หนังสือ (PDF)"), upload_to=document_upload_to, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ขนาดไฟล์ (ไบต์)"))
    replaces = models.OneToOneField("self", verbose_name=_("แทนหนังสือ"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="replaced_by")
    cancelled_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ยกเลิก"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    cancel_reason = models.TextField(_("เหตุผลที่ยกเลิก"), blank=True)

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-sequence", "-pk"]
        verbose_name = _("หนังสือที่ออกเลขแล้ว")
        verbose_name_plural = _("หนังสือที่ออกเลขแล้ว")
        constraints = [
            models.UniqueConstraint(fields=["register", "year", "sequence"], name="correspondence_number_once"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="correspondence_record_idx")]

    def __str__(self) -> str:
        return self.number

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def filename(self) -> str:
        return f"{self.register.code}-{self.year}-{self.sequence:05d}.pdf"
