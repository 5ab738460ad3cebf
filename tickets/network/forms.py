"""Forms own validation; every refusal is a Thai message on the field it concerns."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets.models import Asset
from helpdesk.forms import ThaiDateField, office_phone

from .macs import normalise_mac
from .models import AccountRequest, CheckResult, IPRequest, MacChangeRequest, ServiceAccount, Subnet
from .services import mac_in_use_error
from .uploads import validate_id_card, validate_pdf

MOBILE_RE = re.compile(r"^0[689][0-9]{8}$")
USER_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,148}[A-Za-z0-9]$")


def clean_memo_date(value: dt.date) -> dt.date:
    if value and value > timezone.localdate():
        raise ValidationError(_("วันที่ของหนังสือบันทึกต้องไม่เป็นวันในอนาคต"))
    return value


def clean_mac_field(value: str, *, exclude_assignment_id: int | None = None) -> str:
    mac = normalise_mac(value)
    error = mac_in_use_error(mac, exclude_assignment_id=exclude_assignment_id)
    if error is not None:
        raise error
    return mac


class IPRequestForm(forms.ModelForm):
    mac_address = forms.CharField(
        label=_("MAC Address"), max_length=40,
        help_text=_("เช่น AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff หรือ aabbccddeeff"),
    )
    memo_date = ThaiDateField(label=_("ลงวันที่"))

    class Meta:
        model = IPRequest
        fields = ["asset", "device_description", "device_user", "mac_address", "location", "purpose",
                  "memo_number", "memo_date", "memo_file"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        assets = Asset.objects.visible_to(user) if user is not None else Asset.objects.none()
        if unit is not None:
            assets = assets.filter(unit=unit)
        self.fields["asset"].queryset = assets.exclude(status__in=[Asset.Status.RETIRED, Asset.Status.DISPOSED])
        self.fields["asset"].required = False
        self.fields["memo_file"].validators.append(validate_pdf)
        self.fields["memo_file"].widget.attrs["accept"] = "application/pdf"

    def clean_mac_address(self):
        return clean_mac_field(self.cleaned_data["mac_address"])

    def clean_memo_date(self):
        return clean_memo_date(self.cleaned_data["memo_date"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("asset") and not (cleaned.get("device_description") or "").strip():
            self.add_error("device_description", _("กรุณาเลือกครุภัณฑ์ หรือกรอกรายละเอียดอุปกรณ์"))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผล"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("กรุณาระบุเหตุผล"))
        return reason


class NoteForm(forms.Form):
    note = forms.CharField(label=_("หมายเหตุ"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                           required=False)


class AssignForm(forms.Form):
    subnet = forms.ModelChoiceField(label=_("เครือข่าย"), queryset=Subnet.objects.filter(is_active=True))
    ip_address = forms.CharField(label=_("หมายเลขไอพี"), max_length=15, required=False)
    rights_note = forms.CharField(label=_("สิทธิการใช้งาน"), max_length=255, required=False,
                                  help_text=_("เช่น Internet, MIS, Daily Plan"))

    def __init__(self, *args, ip_request: IPRequest, **kwargs):
        self.ip_request = ip_request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        subnet = cleaned.get("subnet")
        if subnet is None:
            return cleaned
        if not cleaned.get("ip_address"):
            self.add_error("ip_address", _("กรุณากรอกหมายเลขไอพี หรือกด “แนะนำหมายเลขว่างถัดไป”"))
            return cleaned
        try:
            cleaned["ip_address"] = subnet.check_address(cleaned["ip_address"])
        except ValidationError as error:
            self.add_error("ip_address", error)
        mac_error = mac_in_use_error(self.ip_request.mac_address)
        if mac_error is not None:
            self.add_error(None, mac_error)
        return cleaned


def _result_field(label):
    return forms.ChoiceField(label=label, choices=CheckResult.choices, widget=forms.RadioSelect)


class ChecksForm(forms.Form):
    configuration_note = forms.CharField(
        label=_("การตั้งค่าที่ดำเนินการ"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    mis_result = _result_field(_("ผลทดสอบ MIS"))
    mis_note = forms.CharField(label=_("หมายเหตุ MIS"), max_length=255, required=False)
    daily_plan_result = _result_field(_("ผลทดสอบ Daily Plan"))
    daily_plan_note = forms.CharField(label=_("หมายเหตุ Daily Plan"), max_length=255, required=False)
    internet_result = _result_field(_("ผลทดสอบ Internet"))
    internet_note = forms.CharField(label=_("หมายเหตุ Internet"), max_length=255, required=False)

    def clean(self):
        cleaned = super().clean()
        for check in ("mis", "daily_plan", "internet"):
            if cleaned.get(f"{check}_result") == CheckResult.FAILED and not cleaned.get(f"{check}_note", "").strip():
                self.add_error(f"{check}_note", _("กรุณาระบุสาเหตุที่ทดสอบไม่ผ่าน"))
        return cleaned


class MacChangeForm(forms.ModelForm):
    old_mac = forms.CharField(label=_("MAC Address เดิม"), disabled=True, required=False)
    new_mac = forms.CharField(
        label=_("MAC Address ใหม่"), max_length=40,
        help_text=_("เช่น AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff หรือ aabbccddeeff"),
    )

    class Meta:
        model = MacChangeRequest
        fields = ["old_mac", "new_mac", "reason", "id_card"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, assignment, **kwargs):
        self.assignment = assignment
        super().__init__(*args, **kwargs)
        self.fields["old_mac"].initial = assignment.mac_address if self.instance.pk is None else self.instance.old_mac
        self.fields["id_card"].required = not (self.instance.pk and self.instance.id_card)
        self.fields["id_card"].validators.append(validate_id_card)
        self.fields["id_card"].widget = forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})

    def clean_new_mac(self):
        mac = normalise_mac(self.cleaned_data["new_mac"])
        if mac == self.assignment.mac_address:
            raise ValidationError(_("MAC Address ใหม่ต้องไม่ซ้ำกับ MAC Address เดิม"))
        error = mac_in_use_error(mac, exclude_assignment_id=self.assignment.pk)
        if error is not None:
            raise error
        return mac

    def save(self, commit=True):
        change = super().save(commit=False)
        change.assignment = self.assignment
        change.unit = self.assignment.unit
        change.old_mac = self.assignment.mac_address
        if commit:
            change.save()
        return change


class AccountRequestForm(forms.ModelForm):
    memo_date = ThaiDateField(label=_("ลงวันที่"))

    class Meta:
        model = AccountRequest
        fields = ["service", "kind", "account", "person_name", "person_position", "id_card", "mobile",
                  "office_phone", "memo_number", "memo_date", "memo_file"]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["service"].queryset = self.fields["service"].queryset.filter(is_active=True)
        self.fields["account"].queryset = ServiceAccount.objects.filter(unit=unit, is_active=True).select_related(
            "service"
        )
        self.fields["account"].required = False
        self.fields["account"].help_text = _("สำหรับคำขอรีเซ็ตหรือปิดบัญชี: เลือกบัญชีเดิมของผู้ใช้งาน")
        self.fields["id_card"].required = not (self.instance.pk and self.instance.id_card)
        self.fields["id_card"].validators.append(validate_id_card)
        self.fields["id_card"].widget = forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})
        self.fields["memo_file"].validators.append(validate_pdf)
        self.fields["memo_file"].widget.attrs["accept"] = "application/pdf"
        self.fields["mobile"].help_text = _("10 หลัก เช่น 0812345678")

    def clean_mobile(self):
        mobile = re.sub(r"[\s-]", "", self.cleaned_data["mobile"])
        if not MOBILE_RE.match(mobile):
            raise ValidationError(_("หมายเลขโทรศัพท์มือถือไม่ถูกต้อง ต้องเป็นตัวเลข 10 หลักขึ้นต้นด้วย 06 08 หรือ 09"))
        return mobile

    def clean_office_phone(self):
        return office_phone(self.cleaned_data["office_phone"], _("หมายเลขโทรศัพท์ที่ทำงานไม่ถูกต้อง เช่น 0 2224 1302 ต่อ 15"))

    def clean_memo_date(self):
        return clean_memo_date(self.cleaned_data["memo_date"])

    def clean(self):
        cleaned = super().clean()
        kind, account, service = cleaned.get("kind"), cleaned.get("account"), cleaned.get("service")
        if kind in (AccountRequest.Kind.RESET, AccountRequest.Kind.CLOSE):
            if account is None:
                self.add_error("account", _("คำขอรีเซ็ตหรือปิดบัญชีต้องระบุบัญชีเดิม"))
            elif service is not None and account.service_id != service.pk:
                self.add_error("account", _("บัญชีที่เลือกไม่ใช่บัญชีของบริการ %(service)s") % {"service": service})
        elif kind == AccountRequest.Kind.NEW:
            cleaned["account"] = None
        return cleaned

    def save(self, commit=True):
        request = super().save(commit=False)
        request.unit = self.unit
        if commit:
            request.save()
        return request


class AccountCompleteForm(forms.Form):
    """What the admin records. There is deliberately no field for a password."""

    user_id = forms.CharField(label=_("ชื่อผู้ใช้ (User ID)"), max_length=150, required=False)
    email = forms.EmailField(label=_("ที่อยู่อีเมล"), required=False)
    delivery_method = forms.ChoiceField(
        label=_("ช่องทางแจ้งผู้ใช้"), choices=[("", "---------"), *AccountRequest.Delivery.choices], required=False
    )
    delivered_at = forms.DateTimeField(
        label=_("ส่งมอบเมื่อ"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    note = forms.CharField(label=_("หมายเหตุ"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, account_request: AccountRequest, **kwargs):
        self.account_request = account_request
        super().__init__(*args, **kwargs)
        kind = account_request.kind
        if kind == AccountRequest.Kind.NEW:
            self.fields["user_id"].required = True
            self.fields["email"].required = account_request.service.issues_email
        else:
            del self.fields["user_id"]
            if kind == AccountRequest.Kind.CLOSE:
                for name in ("email", "delivery_method", "delivered_at"):
                    del self.fields[name]
            elif account_request.account_id:
                self.fields["email"].initial = account_request.account.email
        if "delivery_method" in self.fields:
            self.fields["delivery_method"].required = True
            self.fields["delivered_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    def clean_user_id(self):
        user_id = self.cleaned_data["user_id"].strip()
        if not USER_ID_RE.match(user_id):
            raise ValidationError(_("ชื่อผู้ใช้ใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข จุด ขีด และขีดล่าง ยาว 3–150 ตัว"))
        if ServiceAccount.objects.filter(
            service=self.account_request.service, user_id__iexact=user_id, is_active=True
        ).exists():
            raise ValidationError(
                _("ชื่อผู้ใช้ %(user_id)s มีผู้ใช้งานอยู่แล้วในบริการนี้") % {"user_id": user_id}
            )
        return user_id

    def clean_delivered_at(self):
        value = self.cleaned_data.get("delivered_at")
        if value and value > timezone.now() + dt.timedelta(minutes=5):
            raise ValidationError(_("เวลาส่งมอบต้องไม่เป็นเวลาในอนาคต"))
        return value
