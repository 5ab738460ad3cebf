"""IP address, MAC change and user-account requests in the REST API (read only): the same visibility QuerySets,
access helpers and list filters as the pages. ID-card copies are never exposed (not even a link); phone numbers
only to those the page shows them to (can_see_personal_data)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action

from helpdesk.api.common import TimelineMixin, raise_form_errors, run_service
from helpdesk.api.errors import body_mapping
from helpdesk.api.etag import ETagRetrieveMixin
from helpdesk.api.viewsets import RecordViewSet
from helpdesk.listing import ListSpec, apply_list

from . import services
from .access import (
    can_approve_account,
    can_edit_request,
    can_see_personal_data,
    get_account_request_for_user,
    get_ip_request_for_user,
    get_mac_change_for_user,
    is_network_admin,
    require,
)
from .forms import IPRequestForm, ReasonForm
from .models import AccountRequest, IPRequest, MacChangeRequest
from .views.accounts import account_request_spec
from .views.common import requester_unit
from .views.ip import IP_LIST
from .views.mac import MAC_LIST


class _Base(serializers.ModelSerializer):
    reference = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")
    common = ["id", "reference", "status", "status_label", "unit", "unit_name", "created_at"]


class IPRequestSerializer(_Base):
    asset_number = serializers.SerializerMethodField()
    subnet = serializers.SerializerMethodField()

    class Meta:
        model = IPRequest
        fields = [*_Base.common, "asset_number", "device_description", "device_user", "mac_address", "location",
                  "purpose", "memo_number", "memo_date", "return_reason", "subnet", "assigned_ip", "rights_note",
                  "mis_result", "daily_plan_result", "internet_result", "closed_at"]

    def get_asset_number(self, obj) -> str:
        return obj.asset.asset_number if obj.asset_id else ""

    def get_subnet(self, obj) -> str:
        return obj.subnet.cidr if obj.subnet_id else ""


class IPRequestDetailSerializer(TimelineMixin, IPRequestSerializer):
    class Meta(IPRequestSerializer.Meta):
        fields = [*IPRequestSerializer.Meta.fields, "configuration_note", "mis_note", "daily_plan_note",
                  "internet_note", "events"]


class MacChangeSerializer(_Base):
    assigned_ip = serializers.CharField(source="assignment.ip_address")

    class Meta:
        model = MacChangeRequest
        fields = [*_Base.common, "assigned_ip", "old_mac", "new_mac", "reason", "return_reason", "finished_at"]


class MacChangeDetailSerializer(TimelineMixin, MacChangeSerializer):
    class Meta(MacChangeSerializer.Meta):
        fields = [*MacChangeSerializer.Meta.fields, "events"]


class AccountRequestSerializer(_Base):
    service = serializers.CharField(source="service.name")
    kind_label = serializers.CharField(source="get_kind_display")
    delivery_method_label = serializers.CharField(source="get_delivery_method_display")

    class Meta:
        model = AccountRequest
        fields = [*_Base.common, "service", "kind", "kind_label", "person_name", "person_position", "memo_number",
                  "memo_date", "return_note", "approved_at", "issued_user_id", "issued_email", "delivery_method",
                  "delivery_method_label", "delivered_at", "finished_at"]


class AccountRequestDetailSerializer(TimelineMixin, AccountRequestSerializer):
    """Phones only for the applicant, the approving supervisor and network admins (as on the page)."""

    mobile = serializers.SerializerMethodField()
    office_phone = serializers.SerializerMethodField()

    class Meta(AccountRequestSerializer.Meta):
        fields = [*AccountRequestSerializer.Meta.fields, "mobile", "office_phone", "events"]

    def _personal(self, obj) -> bool:
        return can_see_personal_data(self.context["request"].user, obj)

    def get_mobile(self, obj) -> str:
        return obj.mobile if self._personal(obj) else ""

    def get_office_phone(self, obj) -> str:
        return obj.office_phone if self._personal(obj) else ""


class IPRequestCreateSerializer(serializers.Serializer):
    """The page's form fields (validated by tickets.network.forms.IPRequestForm)."""

    asset = serializers.IntegerField(required=False, help_text="id ของครุภัณฑ์ของหน่วยงาน")
    device_description = serializers.CharField(required=False)
    device_user = serializers.CharField()
    mac_address = serializers.CharField(help_text="AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff …")
    location = serializers.CharField()
    purpose = serializers.CharField()
    memo_number = serializers.CharField()
    memo_date = serializers.CharField(help_text="15/11/2569 (พ.ศ.)")
    memo_file = serializers.FileField(help_text="PDF")


class AccountNoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class AccountReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


def _list_params(statuses):
    return [
        OpenApiParameter("q", str, description="ค้นหา (เหมือนหน้ารายการ)"),
        OpenApiParameter("status", str, enum=list(statuses)),
    ]


# A network request's reads: its list page's filters (``list_spec``, or ``spec()`` where the page builds it per
# request) over ``model.objects.visible_to(user)``; ``fetch`` is its access helper.
class _RequestViewSet(RecordViewSet):
    # The schema describes a viewset's operations by the first docstring up its classes: these keep the one they had.
    __doc__ = ETagRetrieveMixin.__doc__

    model = None
    list_related: tuple = ()
    list_spec: ListSpec | None = None
    cursor_orderings = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}

    def spec(self) -> ListSpec:
        return self.list_spec

    def visible(self):
        queryset = self.model.objects.visible_to(self.request.user).select_related(*self.list_related)
        return apply_list(self.request, queryset, self.spec())[0]


@extend_schema_view(list=extend_schema(summary="คำขอหมายเลขไอพี", parameters=_list_params(IPRequest.Status.values)),
                    retrieve=extend_schema(summary="คำขอหมายเลขไอพี พร้อมประวัติ"))
class IPRequestViewSet(_RequestViewSet):
    model = IPRequest
    queryset = IPRequest.objects.none()
    list_related = ("unit", "asset", "subnet")
    list_spec = IP_LIST
    serializer_class, detail_serializer_class = IPRequestSerializer, IPRequestDetailSerializer
    fetch = staticmethod(get_ip_request_for_user)

    @extend_schema(summary="ยื่นคำขอหมายเลขไอพีของหน่วยงานตนเอง (multipart/form-data พร้อมไฟล์หนังสือบันทึก PDF)",
                   request={"multipart/form-data": IPRequestCreateSerializer},
                   responses={201: IPRequestDetailSerializer})
    def create(self, request):
        unit = requester_unit(request.user)
        form = IPRequestForm(body_mapping(request), request.FILES, user=request.user, unit=unit)
        return self.create_from_form(form, services.ip_request_create, "request", unit=unit,
                                     requested_by=request.user)


@extend_schema_view(list=extend_schema(summary="คำขอเปลี่ยน MAC Address",
                                       parameters=_list_params(MacChangeRequest.Status.values)),
                    retrieve=extend_schema(summary="คำขอเปลี่ยน MAC Address พร้อมประวัติ (ไม่มีสำเนาบัตร)"))
class MacChangeViewSet(_RequestViewSet):
    model = MacChangeRequest
    queryset = MacChangeRequest.objects.none()
    list_related = ("unit", "assignment")
    list_spec = MAC_LIST
    serializer_class, detail_serializer_class = MacChangeSerializer, MacChangeDetailSerializer
    fetch = staticmethod(get_mac_change_for_user)


@extend_schema_view(list=extend_schema(summary="คำขอบัญชีผู้ใช้",
                                       parameters=_list_params(AccountRequest.Status.values)),
                    retrieve=extend_schema(summary="คำขอบัญชีผู้ใช้ พร้อมประวัติ (ไม่มีสำเนาบัตร)"))
class AccountRequestViewSet(_RequestViewSet):
    """Reads, and the supervisor's steps of the pages (approve, return) and the applicant's cancel: the same
    permission checks (tickets/network/access.py) and services; issuing the account stays on the page."""

    model = AccountRequest
    queryset = AccountRequest.objects.none()
    list_related = ("unit", "service")
    serializer_class, detail_serializer_class = AccountRequestSerializer, AccountRequestDetailSerializer
    fetch = staticmethod(get_account_request_for_user)

    def spec(self) -> ListSpec:
        return account_request_spec()

    def _step(self, step, obj, **kwargs):
        run_service(step, request=obj, by=self.request.user, **kwargs)
        return self.answer(obj)

    @extend_schema(summary="ผู้บังคับบัญชาอนุมัติคำขอ (ไม่อนุมัติคำขอของตนเอง)", request=AccountNoteSerializer,
                   responses={200: AccountRequestDetailSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        obj = self.get_object()
        require(can_approve_account(request.user, obj))
        note = str(body_mapping(request).get("note") or "")[:2000]
        return self._step(services.account_request_approve, obj, note=note)

    @extend_schema(summary="ส่งคืนให้ผู้ขอแก้ไข พร้อมสิ่งที่ต้องแก้ไข", request=AccountReasonSerializer,
                   responses={200: AccountRequestDetailSerializer})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def send_back(self, request, pk=None):
        obj = self.get_object()
        if obj.status == AccountRequest.Status.APPROVED:
            require(is_network_admin(request.user))
        else:
            require(can_approve_account(request.user, obj))
        form = ReasonForm(body_mapping(request))
        raise_form_errors(form)
        return self._step(services.account_request_return, obj, note=form.cleaned_data["reason"])

    @extend_schema(summary="ผู้ขอยกเลิกคำขอ", request=None, responses={200: AccountRequestDetailSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        obj = self.get_object()
        require(can_edit_request(request.user, obj))
        return self._step(services.account_request_cancel, obj)
