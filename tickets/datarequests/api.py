"""Data requests (002) in the REST API (/api/v1/data-requests/): the pages' visibility QuerySet, access helper,
list filters, DataRequestForm and data_request_create. Prepared data files are listed through the pages' own
rule (access.can_see_file): a file the caller may not open — above all a personal-data (PDPA) file — appears
only as a placeholder without its name or description, and the API never serves file contents (downloads
stay on the logged page)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from helpdesk.api.common import TimelineMixin
from helpdesk.api.errors import body_mapping
from helpdesk.api.viewsets import PersonField, RecordViewSet, RequestSerializer
from helpdesk.listing import apply_list

from . import services
from .access import can_file_online, can_record, can_see_file, get_data_request_for_user, require
from .forms import DataRequestForm
from .models import DataRequest
from .views import filed_online, list_spec


class DataRequestSerializer(RequestSerializer):
    channel_label = serializers.CharField(source="get_channel_display")
    outcome_label = serializers.CharField(source="get_outcome_display")
    unit = serializers.SerializerMethodField()
    officer = PersonField()

    class Meta:
        model = DataRequest
        fields = ["id", "reference", "status", "status_label", "channel", "channel_label", "unit", "organisation",
                  "letter_number", "letter_date", "received_at", "due_at", "data_requested", "officer", "outcome",
                  "outcome_label", "sent_at", "reply_number", "closed_at", "created_at"]

    def get_unit(self, obj) -> str:
        return obj.unit.code if obj.unit_id else ""


class DataFileSerializer(serializers.Serializer):
    """`visible` false: the caller may not open the file, so its name and description are withheld."""

    id = serializers.IntegerField()
    visible = serializers.BooleanField()
    is_personal = serializers.BooleanField()
    name = serializers.CharField()
    description = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
    purged = serializers.BooleanField()


def data_files(user, data_request) -> list[dict]:
    rows = []
    for data_file in data_request.files.all():
        data_file.request = data_request
        visible = can_see_file(user, data_file)
        rows.append({
            "id": data_file.pk, "visible": visible, "is_personal": data_file.is_personal,
            "name": data_file.name if visible else "", "description": data_file.description if visible else "",
            "content_type": data_file.content_type if visible else "", "size": data_file.size,
            "uploaded_at": data_file.uploaded_at, "purged": data_file.purged_at is not None,
        })
    return rows


class DataRequestDetailSerializer(TimelineMixin, DataRequestSerializer):
    recorded_by = PersonField()
    delivery_method_label = serializers.CharField(source="get_delivery_method_display")
    files = serializers.SerializerMethodField()

    class Meta(DataRequestSerializer.Meta):
        fields = [*DataRequestSerializer.Meta.fields, "recorded_by", "parent_agency", "contact_name",
                  "contact_phone", "contact_email", "purpose", "scope", "data_owner", "delivery_method",
                  "delivery_method_label", "delivery_detail", "screening_note", "refusal_reason", "reply_date",
                  "sent_method", "summary", "files", "events"]

    @extend_schema_field(DataFileSerializer(many=True))
    def get_files(self, obj) -> list[dict]:
        return DataFileSerializer(data_files(self.context["request"].user, obj), many=True).data


class DataRequestCreateSerializer(serializers.Serializer):
    """The page's form (tickets.datarequests.forms.DataRequestForm). A unit files online (received now); ICT
    staff record an incoming letter: letter_number, letter_date, received_at and letter_scan (PDF, multipart)."""

    organisation = serializers.CharField()
    parent_agency = serializers.CharField(required=False, allow_blank=True)
    contact_name = serializers.CharField()
    contact_phone = serializers.CharField(required=False, allow_blank=True)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    purpose = serializers.CharField()
    data_requested = serializers.CharField()
    scope = serializers.CharField()
    data_owner = serializers.CharField()
    delivery_method = serializers.ChoiceField(choices=DataRequest._meta.get_field("delivery_method").choices)
    delivery_detail = serializers.CharField(required=False, allow_blank=True)
    letter_number = serializers.CharField(required=False, allow_blank=True)
    letter_date = serializers.CharField(required=False, allow_blank=True, help_text="20/11/2569 (พ.ศ.)")
    received_at = serializers.CharField(required=False, help_text="2026-11-23T10:00 (เฉพาะเจ้าหน้าที่)")
    letter_scan = serializers.FileField(required=False, help_text="PDF (เฉพาะเจ้าหน้าที่)")


@extend_schema_view(
    list=extend_schema(summary="คำขอข้อมูลจากหน่วยงานภายนอก", parameters=[
        OpenApiParameter("q", str, description="ค้นหา (เหมือนหน้ารายการ)"),
        OpenApiParameter("status", str, enum=DataRequest.Status.values),
        OpenApiParameter("outcome", str, enum=DataRequest.Outcome.values),
        OpenApiParameter("channel", str, enum=DataRequest.Channel.values),
    ]),
    retrieve=extend_schema(summary="คำขอข้อมูล พร้อมประวัติและรายการไฟล์ (ไม่มีเนื้อหาไฟล์)"),
)
class DataRequestViewSet(RecordViewSet):
    """For viewsets: `retrieve` answers through `etag_response`."""  # the schema's description of its operations

    queryset = DataRequest.objects.none()
    cursor_orderings = {"newest": ("-received_at", "-pk"), "oldest": ("received_at", "pk"), "due": ("due_at", "pk")}
    serializer_class, detail_serializer_class = DataRequestSerializer, DataRequestDetailSerializer
    fetch = staticmethod(get_data_request_for_user)

    def visible(self):
        queryset = DataRequest.objects.visible_to(self.request.user).select_related("officer", "unit")
        return apply_list(self.request, queryset, list_spec())[0]

    @extend_schema(summary="ยื่นคำขอข้อมูล (หน่วยงานยื่นออนไลน์ หรือเจ้าหน้าที่บันทึกหนังสือที่รับ)",
                   request={"application/json": DataRequestCreateSerializer,
                            "multipart/form-data": DataRequestCreateSerializer},
                   responses={201: DataRequestDetailSerializer})
    def create(self, request):
        online = not can_record(request.user)
        require(not online or can_file_online(request.user))
        form = DataRequestForm(body_mapping(request), request.FILES or None, online=online)
        return self.create_from_form(form, services.data_request_create, "request",
                                     **(filed_online(request.user) if online else {}))
