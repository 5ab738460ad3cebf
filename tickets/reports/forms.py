"""The report's period and scope form (GET). Invalid input re-renders with Thai errors, never a 500."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.forms import ReadOnceChoiceField
from helpdesk.models import Area, Team, Unit
from helpdesk.parsing import parse_be_date
from helpdesk.thai import BE_OFFSET, MONTHS, fiscal_year
from tickets.reports.periods import Period, fiscal_year_period, month_period, quarter_period, range_period

# The form asks for the kind of period first, then only that kind's fields (static/js/report-period.js hides
# and disables the others; without JavaScript every field shows and only the chosen kind's are read).
PERIOD_KINDS = [
    ("month", _("เดือน")),
    ("quarter", _("ไตรมาส (ปีงบประมาณ)")),
    ("fiscal_year", _("ปีงบประมาณ")),
    ("range", _("ช่วงวันที่")),
]
PERIOD_FIELDS = {
    "month": ("month", "year"),
    "quarter": ("fiscal_year", "quarter"),
    "fiscal_year": ("fiscal_year",),
    "range": ("start", "end"),
}
MAX_RANGE_DAYS = 5 * 366
MIN_YEAR_BE, MAX_YEAR_BE = 2500, 2700


def default_data(today: dt.date | None = None) -> dict[str, str]:
    today = today or timezone.localdate()
    return {
        "period": "fiscal_year",
        "fiscal_year": str(fiscal_year(today)),
        "quarter": "1",
        "month": str(today.month),
        "year": str(today.year + BE_OFFSET),
        "start": "",
        "end": "",
    }


ScopeChoiceField = ReadOnceChoiceField


class UnitChoiceField(ScopeChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return f"{obj.code} {obj.name}"


class ReportForm(forms.Form):
    period = forms.ChoiceField(label=_("ช่วงเวลา"), choices=PERIOD_KINDS)
    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"), required=False, min_value=MIN_YEAR_BE, max_value=MAX_YEAR_BE,
        error_messages={"invalid": _("กรุณาระบุปี พ.ศ. เป็นตัวเลข เช่น 2570")},
    )
    quarter = forms.TypedChoiceField(
        label=_("ไตรมาส"), required=False, coerce=int, empty_value=None,
        choices=[(1, _("ไตรมาส 1 (ต.ค.–ธ.ค.)")), (2, _("ไตรมาส 2 (ม.ค.–มี.ค.)")),
                 (3, _("ไตรมาส 3 (เม.ย.–มิ.ย.)")), (4, _("ไตรมาส 4 (ก.ค.–ก.ย.)"))],
    )
    month = forms.TypedChoiceField(
        label=_("เดือน"), required=False, coerce=int, empty_value=None,
        choices=[(number, name) for number, name in enumerate(MONTHS, start=1)],
    )
    year = forms.IntegerField(
        label=_("ปี (พ.ศ.)"), required=False, min_value=MIN_YEAR_BE, max_value=MAX_YEAR_BE,
        error_messages={"invalid": _("กรุณาระบุปี พ.ศ. เป็นตัวเลข เช่น 2569")},
    )
    start = forms.CharField(label=_("ตั้งแต่วันที่"), required=False, max_length=20,
                            help_text=_("วว/ดด/ปปปป (พ.ศ.)"))
    end = forms.CharField(label=_("ถึงวันที่"), required=False, max_length=20, help_text=_("วว/ดด/ปปปป (พ.ศ.)"))
    unit = UnitChoiceField(label=_("หน่วยงาน (รวมหน่วยงานในสังกัด)"), required=False, queryset=Unit.objects.none(),
                           empty_label=_("ทุกหน่วยงานที่มีสิทธิ์"))
    area = ScopeChoiceField(label=_("พื้นที่ให้บริการ"), required=False, queryset=Area.objects.none(),
                                  empty_label=_("ทุกพื้นที่"))
    team = ScopeChoiceField(label=_("ทีมให้บริการ"), required=False, queryset=Team.objects.none(),
                                  empty_label=_("ทุกทีม"))

    def __init__(self, *args, units=None, sees_all: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (units if units is not None else Unit.objects.all()).order_by("code")
        if sees_all:
            self.fields["area"].queryset = Area.objects.all()
            self.fields["team"].queryset = Team.objects.all()
        else:
            # Unit users report on their own units only; areas and teams span other units.
            del self.fields["area"]
            del self.fields["team"]

    def period_fields(self) -> list[tuple]:
        """(bound field, the period kinds it belongs to, space-separated), in the order they are asked."""
        names = ("month", "year", "fiscal_year", "quarter", "start", "end")
        return [(self[name], " ".join(kind for kind, used in PERIOD_FIELDS.items() if name in used))
                for name in names]

    def scope_fields(self) -> list:
        return [self[name] for name in ("unit", "area", "team") if name in self.fields]

    def _date(self, name: str) -> dt.date | None:
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            self.add_error(name, _("กรุณาระบุวันที่"))
            return None
        try:
            day = parse_be_date(text)
        except ValueError:
            self.add_error(name, _("วันที่ไม่ถูกต้อง กรุณาระบุเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 15/03/2569"))
            return None
        if not MIN_YEAR_BE <= day.year + BE_OFFSET <= MAX_YEAR_BE:
            self.add_error(name, _("ปีต้องอยู่ระหว่าง พ.ศ. %(lo)d–%(hi)d") % {"lo": MIN_YEAR_BE, "hi": MAX_YEAR_BE})
            return None
        return day

    def _required(self, name: str):
        value = self.cleaned_data.get(name)
        if value is None and name not in self.errors:
            self.add_error(name, _("กรุณาระบุ%(field)s") % {"field": self.fields[name].label})
        return value

    def clean(self):
        data = super().clean()
        kind = data.get("period")
        period: Period | None = None
        if kind == "fiscal_year":
            year = self._required("fiscal_year")
            if year is not None:
                period = fiscal_year_period(year)
        elif kind == "quarter":
            year, quarter = self._required("fiscal_year"), self._required("quarter")
            if year is not None and quarter is not None:
                period = quarter_period(year, quarter)
        elif kind == "month":
            year, month = self._required("year"), self._required("month")
            if year is not None and month is not None:
                period = month_period(year, month)
        elif kind == "range":
            start, end = self._date("start"), self._date("end")
            if start and end:
                if end < start:
                    self.add_error("end", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น"))
                elif (end - start).days > MAX_RANGE_DAYS:
                    self.add_error("end", _("ช่วงวันที่ยาวได้ไม่เกิน 5 ปี"))
                else:
                    period = range_period(start, end)
        data["report_period"] = period
        return data
