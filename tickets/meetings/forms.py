"""Booking forms own their validation; every refusal is a Thai message on the field it concerns."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.forms import ThaiDateField, checked_upload, office_phone  # ThaiDateField: the shared B.E. date field

from .models import Booking, Room, VCAccount
from .services import availability_errors, capacity_errors, staff_users
from .uploads import validate_agenda

EARLIEST = dt.time(6, 0)
LATEST = dt.time(22, 0)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": 300, **(attrs or {})}, format="%H:%M")


def combine(day: dt.date, at: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, at))


class BookingForm(forms.ModelForm):
    date = ThaiDateField(label=_("วันที่ประชุม"))
    start_time = forms.TimeField(label=_("เวลาเริ่ม"), widget=TimeInput(),
                                 error_messages={"invalid": _("เวลาไม่ถูกต้อง กรอกเป็น ชช:นน เช่น 09:30")})
    end_time = forms.TimeField(label=_("เวลาสิ้นสุด"), widget=TimeInput(),
                               error_messages={"invalid": _("เวลาไม่ถูกต้อง กรอกเป็น ชช:นน เช่น 12:00")})

    class Meta:
        model = Booking
        fields = ["title", "date", "start_time", "end_time", "participants", "room", "vc_account", "contact_name",
                  "contact_phone", "notes", "agenda"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "room": _("เลือกห้องประชุม หรือระบบประชุมทางไกล หรือทั้งสองอย่าง"),
            "agenda": _("ไม่บังคับ ไฟล์ PDF ไม่เกิน 10 MB"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rooms = Room.objects.filter(is_active=True)
        accounts = VCAccount.objects.filter(is_active=True)
        if self.instance.pk:  # a room closed since the booking still shows
            rooms = rooms | Room.objects.filter(pk=self.instance.room_id)
            accounts = accounts | VCAccount.objects.filter(pk=self.instance.vc_account_id)
        self.fields["room"].queryset = rooms.distinct()
        self.fields["room"].label_from_instance = lambda r: f"{r.name} · {r.location} · {r.capacity} ที่นั่ง"
        self.fields["room"].empty_label = _("— ไม่ใช้ห้องประชุม (ประชุมออนไลน์อย่างเดียว) —")
        self.fields["vc_account"].queryset = accounts.distinct()
        self.fields["vc_account"].empty_label = _("— ไม่ใช้ระบบประชุมทางไกล —")
        self.fields["vc_account"].label_from_instance = (
            lambda a: f"{a.get_platform_display()} · {a.name} · {a.capacity} คน")
        self.fields["participants"].min_value = 1
        self.fields["participants"].widget.attrs["min"] = 1
        if self.instance.pk and self.instance.starts_at:
            start = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("date", start.date())
            self.initial.setdefault("start_time", start.time())
            self.initial.setdefault("end_time", timezone.localtime(self.instance.ends_at).time())

    def clean_participants(self):
        value = self.cleaned_data["participants"]
        if value < 1:
            raise ValidationError(_("จำนวนผู้เข้าร่วมต้องมีอย่างน้อย 1 คน"))
        return value

    def clean_contact_phone(self):
        return office_phone(self.cleaned_data["contact_phone"],
                            _("หมายเลขโทรศัพท์ไม่ถูกต้อง เช่น 0 2521 0522 ต่อ 12 หรือ 0812345678"))

    def clean_agenda(self):
        return checked_upload(self.cleaned_data.get("agenda"), validate_agenda)

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        room, account = cleaned.get("room"), cleaned.get("vc_account")
        if not room and not account and "room" not in self.errors and "vc_account" not in self.errors:
            self.add_error("room", _("กรุณาเลือกห้องประชุมหรือระบบประชุมทางไกลอย่างน้อยหนึ่งอย่าง"))
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("เวลาสิ้นสุดต้องหลังเวลาเริ่ม"))
            elif start < EARLIEST or end > LATEST:
                self.add_error("start_time", _("จองได้ระหว่างเวลา 06:00–22:00 น."))
            else:
                starts_at, ends_at = combine(day, start), combine(day, end)
                if starts_at <= timezone.now():
                    self.add_error("date", _("วันและเวลาเริ่มประชุมต้องเป็นเวลาในอนาคต"))
                else:
                    self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
                    for field, message in availability_errors(
                        starts_at=starts_at, ends_at=ends_at, room=room, vc_account=account,
                        exclude_pk=self.instance.pk,
                    ).items():
                        self.add_error(field, message)
        for field, message in capacity_errors(participants=cleaned.get("participants"), room=room,
                                              vc_account=account).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class ConfirmForm(forms.Form):
    assigned_to = forms.ModelChoiceField(label=_("เจ้าหน้าที่ผู้รับผิดชอบ"), queryset=None)
    join_url = forms.URLField(label=_("ลิงก์เข้าร่วมประชุม"), required=False, max_length=500,
                              assume_scheme="https")
    join_details = forms.CharField(label=_("Meeting ID / รหัสผ่านห้องประชุม"), required=False, max_length=200)
    note = forms.CharField(label=_("หมายเหตุถึงผู้จอง"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, booking: Booking, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.booking = booking
        self.fields["assigned_to"].queryset = staff_users().order_by("first_name")
        self.fields["assigned_to"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["assigned_to"].initial = by.pk
        if not booking.vc_account_id:
            del self.fields["join_url"], self.fields["join_details"]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "assigned_to" else "form-control"


class SetupForm(forms.Form):
    note = forms.CharField(label=_("ผลการติดตั้งและทดสอบระบบ"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": _("กรุณาบันทึกผลการทดสอบ เช่น ภาพ เสียง การเชื่อมต่อ")})


class CheckForm(forms.Form):
    equipment_state = forms.ChoiceField(label=_("สภาพห้องและอุปกรณ์"), choices=Booking.EquipmentState.choices,
                                        widget=forms.RadioSelect)
    problems = forms.CharField(label=_("ปัญหาที่พบ"), required=False, max_length=4000,
                               widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("equipment_state") == Booking.EquipmentState.ISSUES and not cleaned.get("problems", "").strip():
            self.add_error("problems", _("กรุณาระบุปัญหาที่พบ"))
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่ยกเลิก"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("กรุณาระบุเหตุผลที่ยกเลิก")})


class CalendarDateForm(forms.Form):
    """?date=… on the calendars: B.E. or ISO; anything else falls back to today."""

    date = ThaiDateField(required=False)

    def day(self) -> dt.date:
        if self.is_valid() and self.cleaned_data.get("date"):
            return self.cleaned_data["date"]
        return timezone.localdate()
