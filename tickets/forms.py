import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from assets.models import Asset
from helpdesk.forms import ReadOnceChoiceField, ReadOnceChoiceIterator
from helpdesk.models import Unit
from helpdesk.parsing import BEDateField
from helpdesk.roles import Role
from tickets.models import Category, Channel, Status, Ticket
from tickets.plugins.guides import guide_choices
from tickets.services import guarantee_check
from tickets.services.workflow import undecided_loans
from tickets.uploads import MAX_PHOTOS, MultipleFileField, validate_pdf, validate_photos


class GroupedCategoryIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        for category in self.queryset.order_by("parent__sort_order", "sort_order", "code"):
            groups.setdefault(category.parent.name, []).append(self.choice(category))
        yield from groups.items()


class GroupedCategoryField(forms.ModelChoiceField):
    """Sub-categories grouped under their category (<optgroup>), e.g. ฮาร์ดแวร์ › เครื่องพิมพ์."""

    iterator = GroupedCategoryIterator

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Category.objects.filter(is_active=True, parent__isnull=False).select_related("parent"),
            **kwargs,
        )

    def label_from_instance(self, obj) -> str:
        return obj.name  # shown inside its category's <optgroup>


class IntakeForm(forms.Form):
    """Fields shared by the requester's form and the staff's form."""

    asset_number = forms.CharField(
        label=_("เลขครุภัณฑ์ หรือหมายเลขเครื่อง"), max_length=100, required=False,
        help_text=_("พิมพ์เลขครุภัณฑ์ เช่น 7440-001-0001/2566 หรือสแกนคิวอาร์โค้ดบนเครื่อง"),
    )
    device_description = forms.CharField(
        label=_("อุปกรณ์ที่ไม่มีในทะเบียน"), max_length=255, required=False,
        help_text=_("กรณีไม่มีเลขครุภัณฑ์ ระบุชนิด ยี่ห้อ รุ่น"),
    )
    device_serial = forms.CharField(label=_("หมายเลขเครื่อง (Serial)"), max_length=100, required=False)
    category = GroupedCategoryField(label=_("หมวดปัญหา"))
    symptom = forms.CharField(label=_("อาการเสีย/ปัญหา"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    photos = MultipleFileField(
        label=_("รูปภาพประกอบ"), required=False,
        help_text=lazy(lambda: _("JPEG หรือ PNG ไม่เกิน %(n)d รูป รูปละไม่เกิน 5 MB") % {"n": MAX_PHOTOS}, str)(),
    )
    requester_phone = forms.CharField(label=_("โทรศัพท์ติดต่อ"), max_length=50)
    confirm_duplicate = forms.BooleanField(
        label=_("ยืนยันแจ้งซ่อมใหม่ แม้มีใบแจ้งซ่อมเดิมที่ยังดำเนินการอยู่"), required=False
    )

    def __init__(self, *args, unit: Unit | None = None, **kwargs):
        self.unit = unit
        self.asset = None
        self.guarantee = None
        self.open_ticket = None
        super().__init__(*args, **kwargs)

    def target_unit(self):
        return self.unit

    def clean_photos(self):
        return validate_photos(self.cleaned_data.get("photos") or [])

    def clean(self):
        cleaned = super().clean()
        unit = self.target_unit()
        number = (cleaned.get("asset_number") or "").strip()
        if number and unit is not None:
            self.asset = (
                Asset.objects.filter(unit=unit)
                .exclude(status=Asset.Status.DISPOSED)
                .filter(asset_number=number)
                .first()
                or Asset.objects.filter(unit=unit, serial_number=number).exclude(serial_number="").first()
            )
            if self.asset is None:
                self.add_error("asset_number", _("ไม่พบครุภัณฑ์เลขนี้ในทะเบียนของหน่วยงาน"))
        if not number and not (cleaned.get("device_description") or "").strip():
            self.add_error("device_description", _("กรุณาระบุเลขครุภัณฑ์ หรืออุปกรณ์ที่ไม่มีในทะเบียน"))
        category = cleaned.get("category")
        if self.asset is not None and category is not None:
            self.guarantee = guarantee_check(self.asset, category)
            self.open_ticket = self.guarantee.open_ticket
            if self.open_ticket is not None and not cleaned.get("confirm_duplicate"):
                self.add_error(
                    "confirm_duplicate",
                    _("ครุภัณฑ์นี้มีใบแจ้งซ่อม %(number)s หมวดเดียวกันที่ยังดำเนินการอยู่แล้ว "
                      "(สถานะ: %(status)s) หากเป็นปัญหาใหม่ กรุณาทำเครื่องหมายยืนยัน")
                    % {"number": self.open_ticket.number, "status": self.open_ticket.get_status_display()},
                )
        return cleaned


class RequesterTicketForm(IntakeForm):
    requester_position = forms.CharField(label=_("ตำแหน่ง"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The category's troubleshooting guide appears under the form as soon as a category is chosen (htmx).
        from django.urls import reverse

        self.fields["category"].widget.attrs.update({
            "hx-get": reverse("knowledge:guide_panel"), "hx-trigger": "change", "hx-target": "#guide-panel",
            "hx-swap": "innerHTML",
        })

    field_order = [
        "asset_number", "device_description", "device_serial", "category", "symptom", "photos",
        "requester_position", "requester_phone", "confirm_duplicate",
    ]


class StaffTicketForm(IntakeForm):
    """Recorded by the service desk on behalf of a unit: from a memo, a paper form or a phone call."""

    CHANNELS = [(Channel.MEMO, Channel.MEMO.label), (Channel.PAPER, Channel.PAPER.label),
                (Channel.PHONE, Channel.PHONE.label)]

    unit = forms.ModelChoiceField(label=_("หน่วยงาน"), queryset=Unit.objects.filter(is_active=True))
    channel = forms.ChoiceField(label=_("ช่องทางการแจ้ง"), choices=CHANNELS)
    requester_name = forms.CharField(label=_("ชื่อผู้แจ้ง"), max_length=200)
    requester_position = forms.CharField(label=_("ตำแหน่ง"), max_length=200, required=False)
    memo_number = forms.CharField(label=_("เลขที่หนังสือ"), max_length=100, required=False)
    memo_date = BEDateField(label=_("ลงวันที่ (พ.ศ.)"), required=False,
                            widget=forms.TextInput(attrs={"placeholder": "15/03/2569"}))
    memo_scan = forms.FileField(label=_("สำเนาหนังสือ (PDF)"), required=False,
                                widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}))
    callback_due_at = forms.DateTimeField(
        label=_("นัดโทรกลับภายใน"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    waive_guarantee_reason = forms.CharField(
        label=_("ไม่ถือเป็นงานการันตี เพราะ"), max_length=1000, required=False,
        help_text=_("กรอกเฉพาะเมื่อต้องการปรับผลตรวจสอบการันตี 30 วัน (บันทึกเหตุผลไว้)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    field_order = [
        "unit", "channel", "memo_number", "memo_date", "memo_scan", "callback_due_at",
        "requester_name", "requester_position", "requester_phone",
        "asset_number", "device_description", "device_serial", "category", "symptom", "photos",
        "confirm_duplicate", "waive_guarantee_reason",
    ]

    def target_unit(self):
        return self.cleaned_data.get("unit")

    def clean_memo_scan(self):
        scan = self.cleaned_data.get("memo_scan")
        return validate_pdf(scan) if scan else None

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel == Channel.MEMO:
            if not (cleaned.get("memo_number") or "").strip():
                self.add_error("memo_number", _("กรุณาระบุเลขที่หนังสือ"))
            if not cleaned.get("memo_date"):
                self.add_error("memo_date", _("กรุณาระบุวันที่ของหนังสือ"))
        callback = cleaned.get("callback_due_at")
        if channel == Channel.PHONE and callback and callback < timezone.now() - dt.timedelta(minutes=5):
            self.add_error("callback_due_at", _("เวลานัดโทรกลับต้องไม่เป็นเวลาที่ผ่านมาแล้ว"))
        return cleaned


class TicketPageForm:
    """A form of the ticket page: its own id prefix, since several forms there have a field of the same name
    (the error summary links to `#<prefix>-<field>`)."""

    id_prefix = "ticket"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class TransitionForm(TicketPageForm, forms.Form):
    """One status change. The page offers each allowed next step as its own submit button (name "to"), so
    nothing is preselected; the fields a step needs are checked here, and again by the service."""

    id_prefix = "transition"

    to = forms.ChoiceField(label=_("ขั้นตอนถัดไป"), choices=Status.choices, error_messages={
        "required": _("กรุณากดปุ่มขั้นตอนถัดไปที่ต้องการ"),
        "invalid_choice": _("ไม่รู้จักสถานะที่เลือก"),
    })
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("หมายเหตุ (แสดงต่อผู้แจ้ง)"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    received_by_name = forms.CharField(label=_("ชื่อผู้รับมอบเครื่อง"), max_length=200, required=False)
    vendor_claim_ref = forms.CharField(label=_("เลขที่เคลมกับผู้ขาย/ผู้ให้เช่า"), max_length=100, required=False)
    # Delivering while a replacement device is still out: an explicit decision (tickets.services.ticket_deliver).
    loan_decision = forms.ChoiceField(
        label=_("เครื่องทดแทนที่ยังไม่คืน"), required=False, widget=forms.RadioSelect,
        choices=[("return", _("รับคืนตอนส่งมอบ")), ("keep", _("ให้หน่วยงานยืมต่อถึงวันที่"))],
    )
    loan_condition = forms.CharField(label=_("สภาพเครื่องทดแทนเมื่อรับคืน"), max_length=255, required=False)
    loan_until = BEDateField(label=_("ยืมต่อถึงวันที่ (พ.ศ.)"), required=False)

    # Steps that need a written reason (shown to the requester on the timeline).
    REASON_REQUIRED = {
        Status.WAITING_PARTS: _("กรุณาระบุอะไหล่ที่รอ หรือเหตุผลที่ต้องรอ"),
        Status.CANCELLED: _("กรุณาระบุเหตุผล"),
        Status.UNREPAIRABLE: _("กรุณาระบุเหตุผล"),
    }

    def __init__(self, *args, ticket: Ticket | None = None, **kwargs):
        self.ticket = ticket
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        to = cleaned.get("to")
        if self.ticket is not None and to not in self.ticket.allowed_transitions:
            return cleaned  # not a step from here: the service refuses it with its own message
        if to in self.REASON_REQUIRED and not (cleaned.get("note") or "").strip():
            self.add_error("note", self.REASON_REQUIRED[to])
        if to == Status.DELIVERED and not (cleaned.get("received_by_name") or "").strip():
            self.add_error("received_by_name", _("กรุณาระบุชื่อผู้รับมอบเครื่อง"))
        if to == Status.DELIVERED and self.ticket is not None:
            self._clean_loan_decision(cleaned)
        if (to == Status.AT_VENDOR and not (cleaned.get("vendor_claim_ref") or "").strip()
                and not (self.ticket and self.ticket.vendor_claim_ref)):
            self.add_error("vendor_claim_ref", _("กรุณาระบุเลขที่เคลมกับผู้ขาย/ผู้ให้เช่า"))
        return cleaned

    def _clean_loan_decision(self, cleaned: dict) -> None:
        if not undecided_loans(self.ticket).exists():
            return
        decision = cleaned.get("loan_decision")
        if not decision:
            self.add_error("loan_decision", _("เครื่องทดแทนยังไม่คืน กรุณาเลือก: รับคืนตอนส่งมอบ หรือให้ยืมต่อถึงวันที่"))
        elif decision == "return" and not (cleaned.get("loan_condition") or "").strip():
            self.add_error("loan_condition", _("กรุณาระบุสภาพครุภัณฑ์เมื่อรับคืน"))
        elif decision == "keep":
            until = cleaned.get("loan_until")
            if until is None and "loan_until" not in self.errors:
                self.add_error("loan_until", _("กรุณาระบุวันที่ต้องคืนเครื่องทดแทน"))
            elif until is not None and until <= timezone.localdate():
                self.add_error("loan_until", _("วันที่ยืมต่อต้องเป็นวันหลังจากวันนี้"))

    def delivery_fields(self) -> dict:
        data = self.cleaned_data
        return {"received_by_name": data.get("received_by_name", ""), "loan_decision": data.get("loan_decision", ""),
                "loan_until": data.get("loan_until"), "loan_condition": data.get("loan_condition", "")}

    def transition_fields(self) -> dict:
        to = self.cleaned_data["to"]
        if to == Status.DELIVERED:
            return {"received_by_name": self.cleaned_data.get("received_by_name", "")}
        if to == Status.AT_VENDOR and self.cleaned_data.get("vendor_claim_ref"):
            return {"vendor_claim_ref": self.cleaned_data["vendor_claim_ref"]}
        return {}


class WorkForm(TicketPageForm, forms.ModelForm):
    id_prefix = "work"

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Ticket
        fields = ["diagnosis", "cause", "fix", "guide_followed", "reinstalled", "time_spent_minutes",
                  "vendor_claim_ref", "internal_notes"]
        widgets = {
            "diagnosis": forms.Textarea(attrs={"rows": 2}),
            "cause": forms.Textarea(attrs={"rows": 2}),
            "fix": forms.Textarea(attrs={"rows": 2}),
            "internal_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The technician picks the guide followed from the published guides (and keeps the one already chosen).
        current = self.instance.guide_followed_id if self.instance else None
        field = self.fields["guide_followed"]
        field.iterator = ReadOnceChoiceIterator  # one query, not a server-side cursor per pass
        field.queryset = guide_choices(current, field.queryset.none())
        field.empty_label = _("ไม่ได้ใช้คู่มือ")

    def clean_time_spent_minutes(self):
        minutes = self.cleaned_data["time_spent_minutes"]
        if minutes is not None and minutes > 60 * 24 * 90:
            raise ValidationError(_("เวลาที่ใช้มากเกินไป"))
        return minutes


class AssignForm(TicketPageForm, forms.Form):
    id_prefix = "assign"

    technician = ReadOnceChoiceField(label=_("มอบหมายให้"), queryset=None)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["technician"].queryset = (
            get_user_model().objects.filter(groups__name=Role.TECHNICIAN, is_active=True)
            .select_related("profile__team").order_by("profile__team__name", "first_name").distinct()
        )
        self.fields["technician"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.username}"
            + (f" ({user.profile.team.name})" if getattr(user, "profile", None) and user.profile.team else "")
        )


class NoteForm(TicketPageForm, forms.Form):
    id_prefix = "note"

    note = forms.CharField(
        label=pgettext_lazy("note", "บันทึก"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_internal = forms.BooleanField(label=_("บันทึกภายใน (ไม่แสดงต่อผู้แจ้ง)"), required=False, initial=True)


class WithdrawForm(TicketPageForm, forms.Form):
    id_prefix = "withdraw"

    reason = forms.CharField(
        label=_("เหตุผลที่ยกเลิก"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("กรุณาระบุเหตุผลที่ยกเลิก")},
    )


class GuaranteeOverrideForm(TicketPageForm, forms.Form):
    id_prefix = "guarantee"

    guarantee_of_number = forms.CharField(
        label=_("เลขที่ใบแจ้งซ่อมเดิม (เว้นว่าง = ไม่ใช่งานการันตี)"), max_length=20, required=False
    )
    reason = forms.CharField(label=_("เหตุผล"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, ticket: Ticket, **kwargs):
        self.ticket = ticket
        super().__init__(*args, **kwargs)

    def clean_guarantee_of_number(self):
        number = (self.cleaned_data.get("guarantee_of_number") or "").strip()
        if not number:
            return None
        previous = Ticket.objects.filter(number=number, asset_id=self.ticket.asset_id).exclude(pk=self.ticket.pk)
        previous = previous.first() if self.ticket.asset_id else None
        if previous is None:
            raise ValidationError(_("ไม่พบใบแจ้งซ่อมเลขนี้ของครุภัณฑ์เดียวกัน"))
        return previous


class LendForm(TicketPageForm, forms.Form):
    id_prefix = "lend"

    asset_number = forms.CharField(label=_("เลขครุภัณฑ์เครื่องทดแทน"), max_length=30)
    due_date = BEDateField(label=_("กำหนดส่งคืน (พ.ศ.)"), widget=forms.TextInput(attrs={"placeholder": "15/03/2569"}))
    borrower_name = forms.CharField(label=_("ชื่อผู้ยืม"), max_length=200, required=False)

    def clean_asset_number(self):
        asset = Asset.objects.filter(asset_number=self.cleaned_data["asset_number"].strip()).first()
        if asset is None:
            raise ValidationError(_("ไม่พบครุภัณฑ์เลขนี้"))
        return asset


class ReturnForm(forms.Form):
    condition = forms.CharField(label=_("สภาพเมื่อรับคืน"), max_length=255)


class HandOverForm(forms.Form):
    """Receipt at delivery (000 §1.1 step ๑๑), filled by the receiver or from the signed paper receipt."""

    receiver_name = forms.CharField(label=_("ชื่อ-สกุลผู้รับมอบ"), max_length=200)
    receiver_position = forms.CharField(label=_("ตำแหน่ง"), max_length=200)
    works = forms.TypedChoiceField(
        label=_("เครื่องใช้งานได้ตามที่ต้องการหรือไม่"), widget=forms.RadioSelect,
        choices=[("yes", _("ใช้งานได้ตามปกติ")), ("no", _("ยังใช้งานไม่ได้"))],
        coerce=lambda value: value == "yes", error_messages={"required": _("กรุณาเลือกผลการใช้งาน")},
    )
    note = forms.CharField(label=_("หมายเหตุ / อาการที่พบ"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("works") is False and not cleaned.get("note", "").strip():
            self.add_error("note", _("กรุณาระบุอาการที่ยังใช้งานไม่ได้"))
        return cleaned


class PaperReceiptForm(HandOverForm):
    """Staff record who signed the paper receipt and on which day."""

    signed_on = BEDateField(label=_("วันที่ลงนามรับมอบ (พ.ศ.)"),
                            widget=forms.TextInput(attrs={"placeholder": "15/03/2569"}))

    def clean_signed_on(self):
        day = self.cleaned_data["signed_on"]
        if day > timezone.localdate():
            raise ValidationError(_("วันที่ลงนามต้องไม่เป็นวันในอนาคต"))
        return day
