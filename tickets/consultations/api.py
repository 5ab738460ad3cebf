"""The consultation log in the REST API (/api/v1/consultations/): the service desk's own record, so only desk
staff (access.ensure_desk_staff, like the pages) list, read and record consultations; recording goes through the
page's ConsultationForm and services.consultation_record."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status

from helpdesk.api.common import person, raise_form_errors, run_service
from helpdesk.api.errors import body_mapping
from helpdesk.api.viewsets import RecordViewSet, UnitRecordSerializer

from . import services
from .access import ensure_desk_staff, get_consultation_for_user
from .forms import ConsultationForm
from .models import Consultation
from .views import FILTERS


class ConsultationSerializer(UnitRecordSerializer):
    channel_label = serializers.CharField(source="get_channel_display")
    category = serializers.SerializerMethodField()
    topic = serializers.SerializerMethodField()
    ticket_number = serializers.SerializerMethodField()
    recorded_by = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = ["id", "unit", "unit_name", "caller_name", "caller_phone", "channel", "channel_label", "question",
                  "answer", "category", "topic", "minutes", "solved", "ticket_number", "recorded_by", "recorded_at"]

    def get_category(self, obj) -> str:
        return obj.category.code if obj.category_id else ""

    def get_topic(self, obj) -> str:
        return obj.topic.title if obj.topic_id else ""

    def get_ticket_number(self, obj) -> str:
        return obj.ticket.number if obj.ticket_id else ""

    def get_recorded_by(self, obj) -> str:
        return person(obj.recorded_by)


class ConsultationCreateSerializer(serializers.Serializer):
    """The quick form's fields (tickets.consultations.forms.ConsultationForm)."""

    unit = serializers.IntegerField(help_text="id ของหน่วยงาน")
    caller_name = serializers.CharField()
    caller_phone = serializers.CharField(required=False, allow_blank=True)
    channel = serializers.ChoiceField(choices=Consultation.Channel.choices, required=False)
    question = serializers.CharField()
    answer = serializers.CharField(required=False, allow_blank=True, help_text="จำเป็นเมื่อ solved เป็น true")
    category = serializers.IntegerField(required=False, allow_null=True, help_text="id ของหมวดปัญหาย่อย")
    topic = serializers.IntegerField(required=False, allow_null=True, help_text="id ของประเด็นคำถาม")
    minutes = serializers.IntegerField(min_value=1, max_value=480)
    solved = serializers.BooleanField(required=False, help_text="แก้ไขได้ทันที (ไม่ส่ง = false เหมือนช่องทำเครื่องหมาย)")


@extend_schema_view(
    list=extend_schema(summary="บันทึกการให้คำปรึกษา (เฉพาะเจ้าหน้าที่)", parameters=[
        OpenApiParameter("show", str, enum=list(FILTERS), description="ungrouped: ยังไม่จัดประเด็น, unsolved: ยังแก้ไม่ได้"),
    ]),
    retrieve=extend_schema(summary="การให้คำปรึกษา (เฉพาะเจ้าหน้าที่)"),
)
class ConsultationViewSet(RecordViewSet):
    queryset = Consultation.objects.none()
    serializer_class = ConsultationSerializer
    fetch = staticmethod(get_consultation_for_user)
    cursor_orderings = {"newest": ("-recorded_at", "-pk"), "oldest": ("recorded_at", "pk")}

    def visible(self):
        ensure_desk_staff(self.request.user)
        consultations = Consultation.objects.select_related("unit", "category", "topic", "ticket", "recorded_by")
        shown = self.request.query_params.get("show", "")
        if shown in FILTERS:
            consultations = consultations.filter(**FILTERS[shown])
        return consultations

    @extend_schema(summary="บันทึกการให้คำปรึกษา (เจ้าหน้าที่)", request=ConsultationCreateSerializer,
                   responses={201: ConsultationSerializer})
    def create(self, request):
        ensure_desk_staff(request.user)
        form = ConsultationForm(body_mapping(request))
        raise_form_errors(form)
        consultation = run_service(services.consultation_record, by=request.user, **form.cleaned_data)
        return self.answer(consultation, status.HTTP_201_CREATED)
