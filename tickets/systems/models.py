"""Information-system development (seed 004 §4–§8, seed 002 §5): development requests from units, projects
with their steps and time standards, the outsourced track's quotations, contract and instalments, the register
of delivered systems, and change requests against a system (problem / new requirement) with clock targets in
office time.

Every status below changes only through :func:`helpdesk.workflow.transition` with the table in services.py.
"""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.models import ServiceRequest, Unit, status_event_model
from helpdesk.roles import unit_q

from .uploads import document_upload_to, manual_upload_to


class Track(models.TextChoices):
    COMMON = "common", _("ก่อนเริ่มโครงการ")
    IN_HOUSE = "in_house", _("พัฒนาเอง")
    OUTSOURCED = "outsourced", _("จ้างหน่วยงานภายนอก")


class StepKind(models.TextChoices):
    # Before the project (004 §7 steps ๑–๓): measured on the request and the project themselves.
    FACTORS = "factors", _("พิจารณาปัจจัยการพัฒนาระบบ")
    PROJECT = "project", _("จัดทำโครงการ")
    APPROVAL = "approval", _("ผู้บริหารให้ความเห็นชอบโครงการ")
    # In-house track (004 §7 steps ๔–๑๒).
    SURVEY = "survey", _("สำรวจความต้องการและกระบวนการปฏิบัติงาน")
    DESIGN = "design", _("วิเคราะห์และออกแบบระบบ")
    PROTOTYPE = "prototype", _("จัดทำระบบจำลอง (Prototype)")
    PROTOTYPE_REVIEW = "prototype_review", _("ตรวจสอบระบบจำลองกับผู้ใช้")
    BUILD = "build", _("พัฒนาระบบ (เขียนโปรแกรม)")
    USER_TEST = "user_test", _("ทดสอบระบบร่วมกับผู้ใช้")
    INSTALL = "install", _("ติดตั้งระบบที่เครื่องแม่ข่าย")
    MANUAL = "manual", _("จัดทำคู่มือผู้ใช้งาน")
    TRAINING = "training", _("ฝึกอบรมผู้ใช้งาน")
    GO_LIVE = "go_live", _("หนังสือแจ้งเปิดใช้งานระบบ")
    # Outsourced track (002 §5 steps ๙–๑๗).
    TOR = "tor", _("ขอบเขตของงาน (TOR) และราคากลางได้รับอนุมัติ")
    QUOTATIONS = "quotations", _("ขอใบเสนอราคา")
    SELECTION = "selection", _("รายงานผลการพิจารณาคัดเลือก")
    CONTRACT = "contract", _("ทำสัญญาจ้างและกำหนดงวดงาน")
    INSPECTION = "inspection", _("ตรวจรับงานตามงวด")
    PAYMENT = "payment", _("เบิกจ่ายค่าจ้าง")


TRACK_STEPS = {
    Track.IN_HOUSE: [StepKind.SURVEY, StepKind.DESIGN, StepKind.PROTOTYPE, StepKind.PROTOTYPE_REVIEW,
                     StepKind.BUILD, StepKind.USER_TEST, StepKind.INSTALL, StepKind.MANUAL, StepKind.TRAINING,
                     StepKind.GO_LIVE],
    Track.OUTSOURCED: [StepKind.TOR, StepKind.QUOTATIONS, StepKind.SELECTION, StepKind.CONTRACT,
                       StepKind.INSPECTION, StepKind.TRAINING, StepKind.PAYMENT, StepKind.GO_LIVE],
}


class AttachmentKind(models.TextChoices):
    FLOWCHART = "flowchart", _("เอกสารผังงาน (Flowchart)")
    SIGN_IN = "sign_in", _("ใบลงชื่อผู้เข้าอบรม")
    TOR = "tor", _("ขอบเขตของงาน (TOR)")
    MEDIAN_PRICE = "median_price", _("ราคากลาง")
    SELECTION = "selection", _("รายงานผลการพิจารณา")
    MANUAL = "manual", _("คู่มือผู้ใช้งาน")
    INSPECTION = "inspection", _("ใบตรวจรับ")
    OTHER = "other", _("เอกสารอื่น")


# A step is not done until its document is attached.
REQUIRED_ATTACHMENTS = {
    StepKind.DESIGN: AttachmentKind.FLOWCHART,
    StepKind.TRAINING: AttachmentKind.SIGN_IN,
    StepKind.TOR: AttachmentKind.TOR,
    StepKind.SELECTION: AttachmentKind.SELECTION,
    StepKind.MANUAL: AttachmentKind.MANUAL,
}


class StepStandard(models.Model):
    """The agency's time standard for one step (seeded from 004 §7; editable in the admin)."""

    class Rule(models.TextChoices):
        WITHIN = "within", _("ภายใน")
        AT_LEAST = "at_least", _("อย่างน้อย")

    kind = models.CharField(_("ขั้นตอน"), max_length=30, choices=StepKind.choices, unique=True)
    rule = models.CharField(_("เงื่อนไข"), max_length=10, choices=Rule.choices, default=Rule.WITHIN)
    days = models.PositiveIntegerField(_("จำนวนวัน (ปฏิทิน)"))
    quality = models.CharField(_("มาตรฐานคุณภาพ"), max_length=300, blank=True)
    source = models.CharField(_("ที่มา"), max_length=100, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("มาตรฐานเวลาขั้นตอน")
        verbose_name_plural = _("มาตรฐานเวลาขั้นตอน")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"

    @property
    def text(self) -> str:
        return _("%(rule)s %(days)s วัน") % {"rule": self.get_rule_display(), "days": self.days}


class UnitScoped(models.QuerySet):
    unit_field = "unit"

    def visible_to(self, user):
        """Service staff and executives see every unit; supervisors their unit and below; others their unit."""
        return self.filter(unit_q(user, self.unit_field))


class SystemsRequest(ServiceRequest):
    """Base of the development request, the project and the change request: newest first, seen by unit, and
    named by reference and title (``DR-00042 ระบบลา``)."""

    objects = UnitScoped.as_manager()

    class Meta(ServiceRequest.Meta):
        abstract = True

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class DevRequest(SystemsRequest):
    reference_prefix = "DR"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("รอพิจารณา")
        ACCEPTED = "accepted", _("รับพิจารณาจัดทำโครงการ")
        REJECTED = "rejected", _("ไม่รับพิจารณา")

    class Trigger(models.TextChoices):
        NEED = "need", _("ความต้องการของหน่วยงาน")
        PROBLEM = "problem", _("ปัญหาในการปฏิบัติงาน")
        ORDER = "order", _("ข้อสั่งการ/ข้อเสนอแนะของผู้บริหาร")
        STRATEGY = "strategy", _("ยุทธศาสตร์ที่เกี่ยวข้อง")

    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="dev_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ยื่นคำขอ"),
                                     on_delete=models.PROTECT, related_name="dev_requests")
    title = models.CharField(_("ชื่อระบบ/เรื่องที่ขอพัฒนา"), max_length=255)
    trigger = models.CharField(_("ปัจจัยที่ทำให้เกิดการพัฒนา"), max_length=20, choices=Trigger.choices)
    need = models.TextField(_("ความต้องการ/สภาพปัญหา"))
    expected_benefit = models.TextField(_("ประโยชน์ที่คาดว่าจะได้รับ"))
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.SUBMITTED,
                              db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้พิจารณา"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    review_note = models.TextField(_("ผลการพิจารณา/เหตุผล"), blank=True)
    created_at = models.DateTimeField(_("ยื่นเมื่อ"), default=timezone.now, db_index=True)

    class Meta(SystemsRequest.Meta):
        verbose_name = _("คำขอพัฒนาระบบสารสนเทศ")
        verbose_name_plural = _("คำขอพัฒนาระบบสารสนเทศ")


DevRequestEvent = status_event_model(DevRequest, _("ประวัติคำขอพัฒนาระบบ"))


class Project(SystemsRequest):
    reference_prefix = "PJ"

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่างโครงการ")
        PROPOSED = "proposed", _("เสนอผู้บริหาร")
        APPROVED = "approved", _("อนุมัติแล้ว ดำเนินการ")
        LIVE = "live", _("เปิดใช้งานระบบแล้ว")
        CANCELLED = "cancelled", _("ยกเลิกโครงการ")

    request = models.OneToOneField(DevRequest, verbose_name=_("คำขอพัฒนาระบบ"), on_delete=models.PROTECT,
                                   related_name="project")
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงานเจ้าของระบบ"), on_delete=models.PROTECT,
                             related_name="system_projects")
    title = models.CharField(_("ชื่อโครงการ"), max_length=255)
    rationale = models.TextField(_("หลักการและเหตุผล"))
    objectives = models.TextField(_("วัตถุประสงค์"))
    targets = models.TextField(_("เป้าหมาย"))
    scope = models.TextField(_("ขอบเขตงาน"))
    budget = models.DecimalField(_("งบประมาณ (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True)
    starts_on = models.DateField(_("วันเริ่มโครงการ"))
    ends_on = models.DateField(_("วันสิ้นสุดโครงการ"))
    indicators = models.TextField(_("ตัวชี้วัด"))
    staff = models.TextField(_("ผู้รับผิดชอบโครงการ"))
    action_plan = models.TextField(_("แผนการดำเนินงาน"))
    track = models.CharField(_("วิธีดำเนินการ"), max_length=20,
                             choices=[(Track.IN_HOUSE, Track.IN_HOUSE.label),
                                      (Track.OUTSOURCED, Track.OUTSOURCED.label)])
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้จัดทำโครงการ"),
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("จัดทำเมื่อ"), default=timezone.now)
    proposed_at = models.DateTimeField(_("เสนอเมื่อ"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้อนุมัติ"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), null=True, blank=True)
    decision_note = models.TextField(_("ความเห็นผู้บริหาร"), blank=True)
    improves = models.ForeignKey("System", verbose_name=_("ปรับปรุงระบบเดิมในทะเบียน"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="improvement_projects",
                                 help_text=_("เลือกเมื่อโครงการนี้ปรับปรุงระบบที่มีอยู่แล้ว เมื่อเปิดใช้งานจะปรับข้อมูลในทะเบียนของระบบนั้น"))
    go_live_on = models.DateField(_("วันเปิดใช้งานระบบ"), null=True, blank=True)

    class Meta(SystemsRequest.Meta):
        verbose_name = _("โครงการพัฒนาระบบสารสนเทศ")
        verbose_name_plural = _("โครงการพัฒนาระบบสารสนเทศ")
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                              name="systems_project_end_after_start")]


ProjectEvent = status_event_model(Project, _("ประวัติโครงการ"))


class ProjectStep(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("ยังไม่เริ่ม")
        STARTED = "started", _("กำลังดำเนินการ")
        DONE = "done", _("เสร็จแล้ว")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(_("ขั้นตอน"), max_length=30, choices=StepKind.choices)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.PENDING)
    target_rule = models.CharField(_("เงื่อนไขมาตรฐาน"), max_length=10, choices=StepStandard.Rule.choices,
                                   default=StepStandard.Rule.WITHIN)
    target_days = models.PositiveIntegerField(_("มาตรฐานเวลา (วัน)"))
    planned_start = models.DateField(_("เริ่มตามแผน"))
    planned_end = models.DateField(_("เสร็จตามแผน"))
    actual_start = models.DateField(_("เริ่มจริง"), null=True, blank=True)
    actual_end = models.DateField(_("เสร็จจริง"), null=True, blank=True)
    note = models.TextField(_("ผลการดำเนินงาน"), blank=True)

    class Meta:
        ordering = ["project", "order"]
        verbose_name = _("ขั้นตอนโครงการ")
        verbose_name_plural = _("ขั้นตอนโครงการ")
        constraints = [models.UniqueConstraint(fields=["project", "order"], name="systems_step_order_unique")]

    def __str__(self) -> str:
        return self.get_kind_display()

    def is_late(self, today: dt.date | None = None) -> bool:
        """Finished after its planned end, or not finished and the planned end has passed."""
        today = today or timezone.localdate()
        if self.actual_end:
            return self.actual_end > self.planned_end
        return today > self.planned_end

    @property
    def required_attachment(self):
        return REQUIRED_ATTACHMENTS.get(self.kind)


StepEvent = status_event_model(ProjectStep, _("ประวัติขั้นตอน"), name="StepEvent")


class StepAttachment(models.Model):
    step = models.ForeignKey(ProjectStep, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("ประเภทเอกสาร"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("ไฟล์"), upload_to=document_upload_to, max_length=200)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("เอกสารแนบขั้นตอน")
        verbose_name_plural = _("เอกสารแนบขั้นตอน")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class Quotation(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="quotations")
    vendor = models.CharField(_("ผู้เสนอราคา"), max_length=255)
    amount = models.DecimalField(_("ราคาที่เสนอ (บาท)"), max_digits=14, decimal_places=2)
    received_on = models.DateField(_("วันที่ได้รับใบเสนอราคา"))
    selected = models.BooleanField(_("ได้รับการคัดเลือก"), default=False)

    class Meta:
        ordering = ["amount", "pk"]
        verbose_name = _("ใบเสนอราคา")
        verbose_name_plural = _("ใบเสนอราคา")

    def __str__(self) -> str:
        return f"{self.vendor} {self.amount}"


class Contract(models.Model):
    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="contract")
    number = models.CharField(_("เลขที่สัญญา"), max_length=100)
    vendor = models.CharField(_("ผู้รับจ้าง"), max_length=255)
    amount = models.DecimalField(_("วงเงินตามสัญญา (บาท)"), max_digits=14, decimal_places=2)
    signed_on = models.DateField(_("วันที่ลงนามสัญญา"))

    class Meta:
        verbose_name = _("สัญญาจ้าง")
        verbose_name_plural = _("สัญญาจ้าง")

    def __str__(self) -> str:
        return f"{self.number} · {self.vendor}"


class Instalment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("รอส่งมอบ/ตรวจรับ")
        ACCEPTED = "accepted", _("คณะกรรมการตรวจรับแล้ว")
        REJECTED = "rejected", _("ไม่ผ่านการตรวจรับ ให้แก้ไข")
        PAID = "paid", _("เบิกจ่ายแล้ว")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="instalments")
    number = models.PositiveSmallIntegerField(_("งวดที่"))
    due_on = models.DateField(_("กำหนดส่งมอบ"))
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), max_digits=14, decimal_places=2)
    deliverable = models.CharField(_("งานที่ส่งมอบ"), max_length=300, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.PENDING)
    inspected_on = models.DateField(_("วันที่ตรวจรับ"), null=True, blank=True)
    inspection_note = models.TextField(_("ผลการตรวจรับ"), blank=True)
    paid_on = models.DateField(_("วันที่เบิกจ่าย"), null=True, blank=True)
    payment_reference = models.CharField(_("เลขที่ฎีกา/หลักฐานการจ่าย"), max_length=100, blank=True)

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = _("งวดงาน")
        verbose_name_plural = _("งวดงาน")
        constraints = [models.UniqueConstraint(fields=["contract", "number"], name="systems_instalment_unique")]

    def __str__(self) -> str:
        return _("งวดที่ %(n)s") % {"n": self.number}


InstalmentEvent = status_event_model(Instalment, _("ประวัติงวดงาน"))


class SystemQuerySet(UnitScoped):
    unit_field = "owner_unit"


class System(models.Model):
    """The register of delivered information systems."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("ใช้งาน")
        RETIRED = "retired", _("เลิกใช้งาน")

    name = models.CharField(_("ชื่อระบบ"), max_length=255)
    owner_unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงานเจ้าของระบบ"), on_delete=models.PROTECT,
                                   related_name="systems")
    description = models.TextField(_("รายละเอียด"), blank=True)
    url = models.URLField(_("ที่อยู่ระบบ (URL)"), blank=True)
    go_live_on = models.DateField(_("วันเปิดใช้งาน"), null=True, blank=True)
    manual = models.FileField(_("คู่มือผู้ใช้งาน (PDF)"), upload_to=manual_upload_to, max_length=200, blank=True)
    vendor = models.CharField(_("ผู้พัฒนา/ผู้รับจ้าง"), max_length=255, blank=True)
    project = models.OneToOneField(Project, verbose_name=_("โครงการ"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="system")
    contract = models.ForeignKey(Contract, verbose_name=_("สัญญา"), null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    serves_public = models.BooleanField(_("ให้บริการประชาชน"), default=False)
    satisfaction_target = models.DecimalField(_("เป้าหมายร้อยละความพึงพอใจ"), max_digits=5, decimal_places=2,
                                              default=80)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SystemQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("ระบบสารสนเทศ")
        verbose_name_plural = _("ทะเบียนระบบสารสนเทศ")

    def __str__(self) -> str:
        return self.name


SystemEvent = status_event_model(System, _("ประวัติระบบ"))


# Change requests (004 §7 steps ๑๕–๑๖): targets in office minutes.
ANALYSE_TARGET_MINUTES = {"problem": 10, "requirement": 120}
DELIVER_TARGET_MINUTES = {"problem": 10, "requirement": None}  # a requirement: 15 working days
REQUIREMENT_DELIVERY_DAYS = 15


class ChangeRequest(SystemsRequest):
    reference_prefix = "CR"

    class Kind(models.TextChoices):
        PROBLEM = "problem", _("แจ้งปัญหาการใช้งาน")
        REQUIREMENT = "requirement", _("ขอความต้องการใหม่")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("รอวิเคราะห์")
        ANALYSED = "analysed", _("วิเคราะห์แล้ว กำลังแก้ไข/พัฒนา")
        DONE = "done", _("แก้ไข/ส่งมอบแล้ว")
        DECLINED = "declined", _("ไม่ดำเนินการ")

    system = models.ForeignKey(System, verbose_name=_("ระบบ"), on_delete=models.PROTECT,
                               related_name="change_requests")
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงานผู้แจ้ง"), on_delete=models.PROTECT,
                             related_name="system_change_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้แจ้ง"), on_delete=models.PROTECT,
                                     related_name="system_change_requests")
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("เรื่อง"), max_length=255)
    details = models.TextField(_("รายละเอียด"))
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.SUBMITTED,
                              db_index=True)
    created_at = models.DateTimeField(_("แจ้งเมื่อ"), default=timezone.now, db_index=True)
    analyse_due_at = models.DateTimeField(_("กำหนดวิเคราะห์เสร็จ"), editable=False)
    analysed_at = models.DateTimeField(_("วิเคราะห์เสร็จเมื่อ"), null=True, blank=True)
    analysis = models.TextField(_("ผลการวิเคราะห์"), blank=True)
    deliver_due_at = models.DateTimeField(_("กำหนดแก้ไข/ส่งมอบ"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("แก้ไข/ส่งมอบเมื่อ"), null=True, blank=True)
    resolution = models.TextField(_("ผลการแก้ไข/พัฒนา"), blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้รับผิดชอบ"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta(SystemsRequest.Meta):
        verbose_name = _("คำขอปรับปรุง/แก้ไขระบบ")
        verbose_name_plural = _("คำขอปรับปรุง/แก้ไขระบบ")

    def analyse_overdue(self, now=None) -> bool:
        if self.analysed_at:
            return self.analysed_at > self.analyse_due_at
        return self.status == self.Status.SUBMITTED and (now or timezone.now()) > self.analyse_due_at

    def deliver_overdue(self, now=None) -> bool:
        if not self.deliver_due_at:
            return False
        if self.delivered_at:
            return self.delivered_at > self.deliver_due_at
        return self.status == self.Status.ANALYSED and (now or timezone.now()) > self.deliver_due_at

    @property
    def analyse_minutes(self) -> float | None:
        from helpdesk.workdays import working_minutes_between

        return None if not self.analysed_at else round(working_minutes_between(self.created_at, self.analysed_at), 1)

    @property
    def deliver_minutes(self) -> float | None:
        from helpdesk.workdays import working_minutes_between

        if not (self.analysed_at and self.delivered_at):
            return None
        return round(working_minutes_between(self.analysed_at, self.delivered_at), 1)


ChangeRequestEvent = status_event_model(ChangeRequest, _("ประวัติคำขอปรับปรุงระบบ"))


# Yearly satisfaction (004 §5, §7 steps ๑๗–๑๙, §8) ---------------------------------------------------------------

class SurveyRound(models.Model):
    """One system's satisfaction survey of one fiscal year (B.E.): staff of the owner unit are invited, and a
    system that serves the public also gets an open link anyone may answer (many answers, rate-limited)."""

    system = models.ForeignKey(System, verbose_name=_("ระบบ"), on_delete=models.CASCADE, related_name="survey_rounds")
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ"))
    public_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(_("เริ่มสำรวจเมื่อ"), default=timezone.now)
    closes_at = models.DateTimeField(_("ปิดรับคำตอบ"))

    class Meta:
        ordering = ["-fiscal_year", "system__name", "pk"]
        verbose_name = _("การสำรวจความพึงพอใจประจำปีของระบบ")
        verbose_name_plural = _("การสำรวจความพึงพอใจประจำปีของระบบ")
        constraints = [models.UniqueConstraint(fields=["system", "fiscal_year"], name="systems_one_round_per_year")]

    def __str__(self) -> str:
        return f"{self.system} / {self.fiscal_year}"


class SurveyRespondent(models.Model):
    """What one kernel invitation is about: a staff member invited by name, or one public answer."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    is_public = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    invitations = GenericRelation("surveys.Invitation", related_query_name="system_respondent")

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["round", "user"], condition=models.Q(user__isnull=False),
                                               name="systems_one_respondent_per_user")]

    def __str__(self) -> str:
        return str(self.round)
