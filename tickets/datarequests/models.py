"""Requests for data (002 §3): a letter asks for the agency's data; answered within 3 working days.

The head of ICT screens the letter and assigns an officer, the officer prepares the data and a
cover memo, the head of ICT checks it, the deputy director approves and signs the reply, the
officer sends the external letter by the method asked and records a summary report.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from helpdesk.models import ServiceRequest, Unit, status_event_model
from helpdesk.roles import Role, has_role, unit_q

from .uploads import data_file_upload_to, letter_upload_to

# The statuses in which the 3-working-day clock still runs (no reply has gone out yet).
OPEN_STATUSES = ("received", "screening", "accepted", "preparing", "review", "approval", "approved", "refused")


class DeliveryMethod(models.TextChoices):
    EMAIL = "email", _("อีเมล")
    POST = "post", _("ไปรษณีย์")
    PICKUP = "pickup", _("มารับด้วยตนเอง")
    OTHER = "other", _("อื่น ๆ")


class DeputyApprover(models.Model):
    """A named approver set in the admin (in addition to holders of the deputy-director role)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ใช้"), on_delete=models.CASCADE,
                                related_name="data_request_approver")
    title = models.CharField(_("ตำแหน่งในหนังสือ"), max_length=200,
                             help_text=_("เช่น รองผู้อำนวยการ ปฏิบัติการแทนผู้อำนวยการ"))
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)

    class Meta:
        verbose_name = _("ผู้อนุมัติคำขอข้อมูล (รองผู้อำนวยการ)")
        verbose_name_plural = _("ผู้อนุมัติคำขอข้อมูล (รองผู้อำนวยการ)")

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username} ({self.title})"


def is_deputy_director(user) -> bool:
    """The deputy-director role, or a named approver set in the admin (one query, cached on the user)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or has_role(user, Role.DEPUTY_DIRECTOR):
        return True
    cached = getattr(user, "_data_request_approver", None)
    if cached is None:
        cached = DeputyApprover.objects.filter(user=user, is_active=True).exists()
        user._data_request_approver = cached
    return cached


def is_ict_staff(user) -> bool:
    return user.is_superuser or has_role(user, Role.TECHNICIAN, Role.IT_HEAD, Role.NETWORK_ADMIN)


class DataRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """ICT staff, approvers and executives see every request; a unit sees the requests it filed."""
        if not user.is_authenticated:
            return self.none()
        if is_ict_staff(user) or is_deputy_director(user) or has_role(user, Role.EXECUTIVE):
            return self
        return self.filter(unit__isnull=False).filter(unit_q(user, "unit"))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class DataRequest(ServiceRequest):
    reference_prefix = "DR"

    class Status(models.TextChoices):
        RECEIVED = "received", _("รับหนังสือแล้ว รอพิจารณา")
        SCREENING = "screening", _("หัวหน้า ICT กำลังพิจารณา")
        ACCEPTED = "accepted", _("รับเรื่อง มอบหมายเจ้าหน้าที่แล้ว")
        REFUSED = "refused", _("ไม่ให้ข้อมูล รอส่งหนังสือตอบ")
        PREPARING = "preparing", _("กำลังจัดทำข้อมูล")
        REVIEW = "review", _("รอหัวหน้า ICT ตรวจสอบ")
        APPROVAL = "approval", _("รอรองผู้อำนวยการอนุมัติ")
        APPROVED = "approved", _("อนุมัติแล้ว รอส่งหนังสือตอบ")
        REPLIED = "replied", _("ส่งหนังสือตอบแล้ว")
        CLOSED = "closed", _("สรุปผลแล้ว (ปิดเรื่อง)")
        CANCELLED = "cancelled", pgettext_lazy("status", "ยกเลิก")

    class Channel(models.TextChoices):
        LETTER = "letter", _("หนังสือขอความอนุเคราะห์ (บันทึกโดยเจ้าหน้าที่)")
        ONLINE = "online", _("หน่วยงานยื่นออนไลน์")

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("ให้ข้อมูล")
        REFUSED = "refused", _("ไม่ให้ข้อมูล")

    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices, default=Channel.LETTER)
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงานภายในที่ยื่น"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="data_requests")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้บันทึก"), on_delete=models.PROTECT,
                                    related_name="data_requests_recorded")
    # The incoming letter.
    letter_number = models.CharField(_("เลขที่หนังสือ"), max_length=100, blank=True)
    letter_date = models.DateField(_("ลงวันที่"), null=True, blank=True)
    letter_scan = models.FileField(_("ไฟล์หนังสือ (PDF)"), upload_to=letter_upload_to, max_length=200, blank=True)
    received_at = models.DateTimeField(_("รับหนังสือเมื่อ"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("กำหนดตอบภายใน"), db_index=True)
    # Who asks and what for.
    organisation = models.CharField(_("หน่วยงานผู้ขอข้อมูล"), max_length=255)
    parent_agency = models.CharField(_("หน่วยงานต้นสังกัด"), max_length=255, blank=True)
    contact_name = models.CharField(_("ผู้ประสานงาน"), max_length=200)
    contact_phone = models.CharField(_("โทรศัพท์ผู้ประสานงาน"), max_length=50, blank=True)
    contact_email = models.EmailField(_("อีเมลผู้ประสานงาน"), blank=True)
    purpose = models.TextField(_("วัตถุประสงค์การนำข้อมูลไปใช้"))
    data_requested = models.TextField(_("ข้อมูลที่ขอ"))
    scope = models.TextField(_("ขอบเขตของข้อมูล"), help_text=_("เช่น ปีการศึกษา พื้นที่ ระดับ จำนวนสถานศึกษา"))
    data_owner = models.CharField(_("เจ้าของข้อมูล"), max_length=255)
    delivery_method = models.CharField(_("วิธีส่งข้อมูลที่ขอ"), max_length=10, choices=DeliveryMethod.choices)
    delivery_detail = models.CharField(_("ที่อยู่/อีเมลสำหรับส่ง"), max_length=500, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.RECEIVED,
                              db_index=True)
    # Screening by the head of ICT: the criteria of 002 §3 step 1.
    crit_rules = models.BooleanField(_("เป็นไปตามหลักเกณฑ์/ระเบียบของหน่วยงาน"), default=False)
    crit_info_act = models.BooleanField(_("สอดคล้องกับ พ.ร.บ.ข้อมูลข่าวสารของราชการ"), default=False)
    crit_purpose = models.BooleanField(_("วัตถุประสงค์การนำไปใช้เหมาะสม"), default=False)
    crit_scope = models.BooleanField(_("ขอบเขตข้อมูลชัดเจน ให้ได้"), default=False)
    crit_parent_agency = models.BooleanField(_("ตรวจสอบหน่วยงานต้นสังกัดของผู้ขอแล้ว"), default=False)
    crit_ownership = models.BooleanField(_("หน่วยงานเป็นเจ้าของข้อมูล"), default=False)
    screening_note = models.TextField(_("ความเห็นการพิจารณา"), blank=True)
    refusal_reason = models.TextField(_("เหตุผลที่ไม่ให้ข้อมูล"), blank=True)
    screened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้พิจารณา"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    screened_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("เจ้าหน้าที่ผู้รับผิดชอบ"), null=True,
                                blank=True, on_delete=models.PROTECT, related_name="data_requests_assigned")
    # Preparation: the cover memo (บันทึกเล็กพร้อมหนังสือนำเสนอ) and the prepared data (DataFile rows).
    cover_memo = models.TextField(_("บันทึกนำเสนอ"), blank=True)
    return_note = models.TextField(_("สิ่งที่ต้องแก้ไข"), blank=True)
    submitted_at = models.DateTimeField(_("ส่งตรวจเมื่อ"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ตรวจสอบ (หัวหน้า ICT)"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("ตรวจสอบเมื่อ"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้อนุมัติและลงนาม"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), null=True, blank=True)
    # The reply (หนังสือภายนอก): number and date copied from the outgoing register when it is sent.
    outcome = models.CharField(_("ผลการพิจารณา"), max_length=10, choices=Outcome.choices, blank=True)
    reply_number = models.CharField(_("เลขที่หนังสือตอบ"), max_length=100, blank=True)
    reply_date = models.DateField(_("ลงวันที่หนังสือตอบ"), null=True, blank=True)
    sent_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True, db_index=True)
    sent_method = models.CharField(_("วิธีที่ส่ง"), max_length=10, choices=DeliveryMethod.choices, blank=True)
    sent_note = models.CharField(_("รายละเอียดการส่ง"), max_length=500, blank=True,
                                 help_text=_("เช่น เลขพัสดุไปรษณีย์ อีเมลปลายทาง ผู้มารับ"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ส่ง"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    # The summary report memo (บันทึกข้อความรายงานสรุปผลการขอข้อมูล).
    summary = models.TextField(_("สรุปผลการดำเนินงาน"), blank=True)
    closed_at = models.DateTimeField(_("ปิดเรื่องเมื่อ"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    objects = DataRequestQuerySet.as_manager()

    class Meta(ServiceRequest.Meta):
        ordering = ["-received_at", "-pk"]
        verbose_name = _("คำขอข้อมูลสารสนเทศ")
        verbose_name_plural = _("คำขอข้อมูลสารสนเทศ")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def criteria(self) -> list[tuple[str, bool]]:
        return [(str(self._meta.get_field(name).verbose_name), getattr(self, name)) for name in CRITERIA]


CRITERIA = ("crit_rules", "crit_info_act", "crit_purpose", "crit_scope", "crit_parent_agency", "crit_ownership")


DataRequestEvent = status_event_model(DataRequest, _("ประวัติคำขอข้อมูล"))


class DataFile(models.Model):
    """A prepared data file. Personal data (PDPA) is seen only by the officer, the reviewers and the
    network admins, every view is logged, and the file is removed a set time after the request closed."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("ไฟล์"), upload_to=data_file_upload_to, max_length=200, blank=True)
    name = models.CharField(_("ชื่อไฟล์"), max_length=200)
    content_type = models.CharField(_("ชนิดไฟล์"), max_length=100)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    is_personal = models.BooleanField(_("มีข้อมูลส่วนบุคคล (PDPA)"), default=False)
    description = models.CharField(_("คำอธิบาย"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้แนบ"), on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("แนบเมื่อ"), default=timezone.now)
    purged_at = models.DateTimeField(_("ลบไฟล์เมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("ไฟล์ข้อมูลที่จัดทำ")
        verbose_name_plural = _("ไฟล์ข้อมูลที่จัดทำ")

    def __str__(self) -> str:
        return self.name


class DataFileAccess(models.Model):
    """Every view or download of a prepared data file: who, when, from where."""

    data_file = models.ForeignKey(DataFile, verbose_name=_("ไฟล์"), on_delete=models.CASCADE,
                                  related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้เปิดดู"), on_delete=models.PROTECT,
                             related_name="+")
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now, db_index=True)
    remote_addr = models.GenericIPAddressField(_("จากหมายเลขไอพี"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("บันทึกการเปิดดูไฟล์ข้อมูล")
        verbose_name_plural = _("บันทึกการเปิดดูไฟล์ข้อมูล")

    def __str__(self) -> str:
        return f"{self.user} {self.at:%Y-%m-%d %H:%M}"
