"""Information systems in the REST API: the system register (read only), change requests and development
requests (list, detail with timeline, create) — the pages' visibility QuerySets and access helpers
(tickets/systems/access.py), forms (DevRequestForm, ChangeRequestForm) and services (devrequest_create,
change_create). Projects, contracts and the staff's steps stay on the pages."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from helpdesk.api.common import TimelineMixin
from helpdesk.api.errors import body_mapping
from helpdesk.api.viewsets import PersonField, RecordViewSet, RequestSerializer
from helpdesk.roles import user_unit

from . import services
from .access import can_file, get_change_for_user, get_request_for_user, get_system_for_user, require
from .forms import ChangeRequestForm, DevRequestForm
from .models import ChangeRequest, DevRequest, System

CHANGE_SHOWS = ("open", "overdue")


class SystemSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display")
    owner_unit = serializers.CharField(source="owner_unit.code")
    owner_unit_name = serializers.CharField(source="owner_unit.name")
    has_manual = serializers.SerializerMethodField()

    class Meta:
        model = System
        fields = ["id", "name", "status", "status_label", "owner_unit", "owner_unit_name", "description", "url",
                  "go_live_on", "vendor", "serves_public", "has_manual"]

    def get_has_manual(self, system) -> bool:
        return bool(system.manual)


class SystemDetailSerializer(TimelineMixin, SystemSerializer):
    class Meta(SystemSerializer.Meta):
        fields = [*SystemSerializer.Meta.fields, "events"]


# The development and the change request: reference, status and the unit that filed it. (A comment, not a
# docstring: the API schema would take a docstring as the description of every serializer below it.)
class UnitRequestSerializer(RequestSerializer):
    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")


class ChangeRequestSerializer(UnitRequestSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    system = serializers.IntegerField(source="system_id")
    system_name = serializers.CharField(source="system.name")

    class Meta:
        model = ChangeRequest
        fields = ["id", "reference", "status", "status_label", "kind", "kind_label", "title", "system",
                  "system_name", "unit", "unit_name", "created_at", "analyse_due_at", "analysed_at",
                  "deliver_due_at", "delivered_at"]


class ChangeRequestDetailSerializer(TimelineMixin, ChangeRequestSerializer):
    requested_by = PersonField()
    handled_by = PersonField()

    class Meta(ChangeRequestSerializer.Meta):
        fields = [*ChangeRequestSerializer.Meta.fields, "details", "requested_by", "handled_by", "analysis",
                  "resolution", "events"]


class ChangeRequestCreateSerializer(serializers.Serializer):
    system = serializers.IntegerField(help_text="id ของระบบในทะเบียน (ระบบที่ใช้งานอยู่)")
    kind = serializers.ChoiceField(choices=ChangeRequest.Kind.choices)
    title = serializers.CharField()
    details = serializers.CharField()


class DevRequestSerializer(UnitRequestSerializer):
    trigger_label = serializers.CharField(source="get_trigger_display")
    requested_by = PersonField()

    class Meta:
        model = DevRequest
        fields = ["id", "reference", "status", "status_label", "title", "trigger", "trigger_label", "unit",
                  "unit_name", "requested_by", "created_at", "reviewed_at"]


class DevRequestDetailSerializer(TimelineMixin, DevRequestSerializer):
    reviewed_by = PersonField()

    class Meta(DevRequestSerializer.Meta):
        fields = [*DevRequestSerializer.Meta.fields, "need", "expected_benefit", "reviewed_by", "review_note",
                  "events"]


class DevRequestCreateSerializer(serializers.Serializer):
    title = serializers.CharField()
    trigger = serializers.ChoiceField(choices=DevRequest.Trigger.choices)
    need = serializers.CharField()
    expected_benefit = serializers.CharField()


@extend_schema_view(list=extend_schema(summary="ทะเบียนระบบสารสนเทศ"),
                    retrieve=extend_schema(summary="ระบบสารสนเทศ พร้อมประวัติ"))
class SystemViewSet(RecordViewSet):
    """For viewsets: `retrieve` answers through `etag_response`."""  # the schema's description of its operations

    queryset = System.objects.none()
    cursor_orderings = {"name": ("name", "pk")}
    serializer_class, detail_serializer_class = SystemSerializer, SystemDetailSerializer
    fetch = staticmethod(get_system_for_user)

    def visible(self):
        return System.objects.visible_to(self.request.user).select_related("owner_unit")


# A request a unit files in its own name (newest first): the page's form and service.
class FiledByUnitViewSet(RecordViewSet):
    """For viewsets: `retrieve` answers through `etag_response`."""  # the schema's description of its operations

    cursor_orderings = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}
    form_class = service = argument = None

    def create(self, request):
        require(can_file(request.user))
        return self.create_from_form(self.form_class(body_mapping(request)), self.service, self.argument,
                                     unit=user_unit(request.user))


@extend_schema_view(
    list=extend_schema(summary="คำขอปรับปรุง/แก้ไขระบบ", parameters=[
        OpenApiParameter("show", str, enum=list(CHANGE_SHOWS), description="open: ยังไม่เสร็จ, overdue: เกินกำหนด"),
    ]),
    retrieve=extend_schema(summary="คำขอปรับปรุง/แก้ไขระบบ พร้อมประวัติ"),
    create=extend_schema(summary="แจ้งปัญหาหรือขอปรับปรุงระบบ ในนามหน่วยงานของตน", request=ChangeRequestCreateSerializer,
                         responses={201: ChangeRequestDetailSerializer}),
)
class ChangeRequestViewSet(FiledByUnitViewSet):
    queryset = ChangeRequest.objects.none()
    serializer_class, detail_serializer_class = ChangeRequestSerializer, ChangeRequestDetailSerializer
    fetch = staticmethod(get_change_for_user)
    form_class, service, argument = ChangeRequestForm, staticmethod(services.change_create), "change"

    def visible(self):
        queryset = ChangeRequest.objects.visible_to(self.request.user).select_related("system", "unit")
        show = self.request.query_params.get("show")
        if show == "open":
            queryset = queryset.filter(status__in=[ChangeRequest.Status.SUBMITTED, ChangeRequest.Status.ANALYSED])
        elif show == "overdue":
            from .integration import change_overdue_q

            queryset = queryset.filter(change_overdue_q(timezone.now()))
        return queryset



@extend_schema_view(
    list=extend_schema(summary="คำขอพัฒนาระบบสารสนเทศ",
                       parameters=[OpenApiParameter("status", str, enum=DevRequest.Status.values)]),
    retrieve=extend_schema(summary="คำขอพัฒนาระบบสารสนเทศ พร้อมประวัติ"),
    create=extend_schema(summary="ยื่นคำขอพัฒนาระบบ ในนามหน่วยงานของตน", request=DevRequestCreateSerializer,
                         responses={201: DevRequestDetailSerializer}),
)
class DevRequestViewSet(FiledByUnitViewSet):
    queryset = DevRequest.objects.none()
    serializer_class, detail_serializer_class = DevRequestSerializer, DevRequestDetailSerializer
    fetch = staticmethod(get_request_for_user)
    form_class, service, argument = DevRequestForm, staticmethod(services.devrequest_create), "dev_request"

    def visible(self):
        queryset = DevRequest.objects.visible_to(self.request.user).select_related("unit", "requested_by")
        wanted = self.request.query_params.get("status")
        if wanted in DevRequest.Status.values:
            queryset = queryset.filter(status=wanted)
        return queryset
