"""Forms of the job board's tools: a saved view (name + filters) and the bulk actions on picked tickets."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from helpdesk.parsing import int_param
from tickets.forms import AssignForm
from tickets.models import SavedBoardView

# The query-string parameters the board reads (tickets.views.board._filtered); a saved view keeps these only.
BOARD_PARAMS = ("scope", "status", "category", "unit", "guarantee", "overdue", "q", "sort", "per_page")
MAX_SAVED_VIEWS = 30
MAX_BULK = 100


def clean_board_query(params) -> str:
    """The board's own filter parameters from ``params``, re-encoded: no page number, nothing the board does not
    read, each value cut to what the board reads of it."""
    kept = QueryDict(mutable=True)
    for name in BOARD_PARAMS:
        value = (params.get(name) or "").strip()[:100]
        if value:
            kept[name] = value
    return kept.urlencode()[:500]


class SavedViewForm(forms.ModelForm):
    class Meta:
        model = SavedBoardView
        fields = ["name", "query"]
        widgets = {"query": forms.HiddenInput}
        error_messages = {"name": {"required": _("กรุณาตั้งชื่อมุมมอง")}}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["name"].widget.attrs.update({"placeholder": _("เช่น งานเกินกำหนดของทีม"),
                                                 "class": "form-control form-control-sm"})

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("กรุณาตั้งชื่อมุมมอง"), code="required")
        return name

    def clean_query(self):
        return clean_board_query(QueryDict(self.cleaned_data.get("query") or ""))

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name and self.user is not None:
            existing = SavedBoardView.objects.filter(user=self.user)
            if not existing.filter(name=name).exists() and existing.count() >= MAX_SAVED_VIEWS:
                self.add_error("name", _("บันทึกมุมมองได้ไม่เกิน %(n)d มุมมอง กรุณาลบมุมมองที่ไม่ใช้ก่อน")
                               % {"n": MAX_SAVED_VIEWS})
        return cleaned

    def save(self, commit: bool = True) -> SavedBoardView:
        """A name the user already has is saved over (the view keeps its place, the filters are the new ones)."""
        view, _created = SavedBoardView.objects.update_or_create(
            user=self.user, name=self.cleaned_data["name"], defaults={"query": self.cleaned_data["query"]},
        )
        return view


class TicketIdsField(forms.Field):
    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("กรุณาเลือกใบแจ้งซ่อมอย่างน้อย 1 รายการ"),
        "invalid": _("รายการที่เลือกไม่ถูกต้อง กรุณาโหลดหน้าใหม่แล้วเลือกอีกครั้ง"),
        "too_many": _("เลือกได้ครั้งละไม่เกิน %(max)d รายการ"),
    }

    def to_python(self, value) -> list[int]:
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        ids = []
        for raw in values:
            number = int_param(raw, minimum=1)
            if number is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            if number not in ids:
                ids.append(number)
        if len(ids) > MAX_BULK:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many", params={"max": MAX_BULK})
        return ids


class BoardBulkForm(AssignForm):
    """One of three actions on the tickets ticked on the board; "assign" also names the technician (the same
    choice of technicians as the ticket page's assign form)."""

    ASSIGN, SLIPS, CSV = "assign", "slips", "csv"
    action = forms.ChoiceField(choices=[(ASSIGN, _("มอบหมายงาน")), (SLIPS, _("พิมพ์ใบรับแจ้งซ่อม")),
                                        (CSV, _("ส่งออก CSV"))],
                               error_messages={"required": _("กรุณาเลือกสิ่งที่จะทำกับรายการที่เลือก"),
                                               "invalid_choice": _("กรุณาเลือกสิ่งที่จะทำกับรายการที่เลือก")})
    ids = TicketIdsField()
    version = None
    id_prefix = "bulk"  # not the ticket page's "assign-…" ids

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        technician = self.fields["technician"]
        technician.required = False
        technician.empty_label = _("— เลือกเจ้าหน้าที่ —")
        technician.widget.attrs["class"] = "form-select form-select-sm"
        technician.error_messages["invalid_choice"] = _("เจ้าหน้าที่ที่เลือกไม่มีในรายชื่อ กรุณาเลือกใหม่")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.ASSIGN and not cleaned.get("technician") and "technician" not in self.errors:
            self.add_error("technician", _("กรุณาเลือกเจ้าหน้าที่ที่จะมอบหมายงาน"))
        return cleaned

    def selected_ids(self) -> set[int]:
        """The ticked tickets as posted (to keep them ticked when the form comes back with an error)."""
        return {n for raw in self.data.getlist("ids") if (n := int_param(raw, minimum=1)) is not None}
