"""Publishing requests and the published news in the REST API: the pages' access helper, list filters, action
forms and the one transition service (publishing.services.request_transition)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny

from helpdesk.api.common import person, raise_form_errors
from helpdesk.api.errors import body_mapping
from helpdesk.api.viewsets import RecordViewSet, UnitRecordSerializer
from publishing import services
from publishing.models import PublishingRequest
from publishing.views import ACTION_FORMS, filtered_requests, get_request_for_user


class AttachmentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    kind = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()


class PublishingEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    note = serializers.CharField()
    actor = serializers.SerializerMethodField()

    def get_actor(self, event) -> str:
        return person(event.actor) if event.actor_id else ""


class PublishingRequestSerializer(UnitRecordSerializer):
    number = serializers.CharField()
    status_label = serializers.CharField(source="display_status")
    section = serializers.CharField(source="section.name")
    requester = serializers.SerializerMethodField()

    class Meta:
        model = PublishingRequest
        fields = ["id", "number", "title", "status", "status_label", "section", "unit", "unit_name", "requester",
                  "wanted_on", "expires_on", "submitted_at", "due_at", "published_at", "external_url",
                  "created_at", "updated_at"]

    def get_requester(self, obj) -> str:
        return person(obj.requester)


class PublishingRequestDetailSerializer(PublishingRequestSerializer):
    attachments = AttachmentRefSerializer(many=True, read_only=True)
    events = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta(PublishingRequestSerializer.Meta):
        fields = [*PublishingRequestSerializer.Meta.fields, "body", "body_format", "return_reason",
                  "withdrawn_reason", "check_rules", "check_oia", "check_chain", "check_notes", "attachments",
                  "events", "allowed_actions"]

    @extend_schema_field(PublishingEventSerializer(many=True))
    def get_events(self, obj) -> list[dict]:
        return PublishingEventSerializer(obj.events.select_related("actor").order_by("at", "pk"), many=True).data

    def get_allowed_actions(self, obj) -> list[str]:
        return sorted(services.allowed_actions(self.context["request"].user, obj))


class ActionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=sorted(ACTION_FORMS))
    note = serializers.CharField(required=False, allow_blank=True, help_text="หมายเหตุ หรือเหตุผล (return, withdraw)")
    check_rules = serializers.BooleanField(required=False)
    check_oia = serializers.BooleanField(required=False)
    check_chain = serializers.BooleanField(required=False)
    verify_display = serializers.BooleanField(required=False)
    verify_positions = serializers.BooleanField(required=False)
    verify_fonts = serializers.BooleanField(required=False)
    verify_downloads = serializers.BooleanField(required=False)
    external_url = serializers.URLField(required=False, allow_blank=True)


@extend_schema_view(
    list=extend_schema(summary="คำขอเผยแพร่ข้อมูลบนเว็บไซต์", parameters=[
        OpenApiParameter("q", str), OpenApiParameter("status", str, enum=PublishingRequest.Status.values),
    ]),
    retrieve=extend_schema(summary="คำขอเผยแพร่ พร้อมไฟล์แนบ ประวัติ และการดำเนินการที่ทำได้"),
)
class PublishingRequestViewSet(RecordViewSet):
    queryset = PublishingRequest.objects.none()
    serializer_class = PublishingRequestSerializer
    detail_serializer_class = PublishingRequestDetailSerializer
    fetch = staticmethod(get_request_for_user)
    cursor_orderings = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}

    def visible(self):
        _form, queryset, _sort = filtered_requests(self.request.user, self.request.query_params)
        return queryset

    @extend_schema(summary="ดำเนินการตามขั้นตอน (submit, approve, return, accept, preview, publish, withdraw …)",
                   request=ActionSerializer, responses={200: PublishingRequestDetailSerializer})
    @action(detail=True, methods=["post"])
    def actions(self, request, pk=None):
        obj = self.get_object()
        data = body_mapping(request)
        name = data.get("action")
        if name not in ACTION_FORMS:
            raise serializers.ValidationError({"action": [_("ไม่รู้จักการดำเนินการนี้")]})
        if name not in services.allowed_actions(request.user, obj):
            if obj.status in services.TRANSITIONS[name].sources:
                raise PermissionDenied
            raise serializers.ValidationError(
                {"non_field_errors": [_("สถานะของคำขอเปลี่ยนไปแล้ว ไม่สามารถดำเนินการนี้ได้")]}, code="illegal_transition"
            )
        form = ACTION_FORMS[name](data)
        raise_form_errors(form)
        checklist = {key: value for key, value in form.cleaned_data.items() if key.startswith(("check_", "verify_"))}
        try:
            services.request_transition(request=obj, action=name, by=request.user,
                                        note=form.cleaned_data.get("note", ""), checklist=checklist,
                                        external_url=form.cleaned_data.get("external_url", ""))
        except services.ApprovalVoided as error:
            raise serializers.ValidationError({"non_field_errors": [
                _("เนื้อหาหรือไฟล์แนบไม่ตรงกับที่อนุมัติไว้ การอนุมัติถูกยกเลิกและส่งกลับไปขออนุมัติใหม่")]},
                code="approval_voided") from error
        except services.TransitionError as error:
            raise serializers.ValidationError({"non_field_errors": [str(error)]}, code="illegal_transition") from error
        return self.answer(obj)


class NewsSerializer(serializers.ModelSerializer):
    section = serializers.CharField(source="section.name")
    section_slug = serializers.CharField(source="section.slug")
    unit_name = serializers.CharField(source="unit.name")
    url = serializers.CharField(source="get_public_url")

    class Meta:
        model = PublishingRequest
        fields = ["id", "title", "section", "section_slug", "unit_name", "published_at", "expires_on",
                  "external_url", "url"]


class NewsDetailSerializer(NewsSerializer):
    attachments = AttachmentRefSerializer(many=True, read_only=True)

    class Meta(NewsSerializer.Meta):
        fields = [*NewsSerializer.Meta.fields, "body", "body_format", "attachments"]


@extend_schema_view(
    list=extend_schema(summary="ข่าวที่เผยแพร่แล้ว (สาธารณะ)", auth=[],
                       parameters=[OpenApiParameter("section", str, description="slug ของเมนู")]),
    retrieve=extend_schema(summary="ข่าวที่เผยแพร่แล้ว (สาธารณะ)", auth=[]),
)
class NewsViewSet(RecordViewSet):
    """The public news pages as data: only published, unexpired posts exist here."""

    permission_classes = [AllowAny]
    authentication_classes = []
    queryset = PublishingRequest.objects.none()
    serializer_class = NewsSerializer
    detail_serializer_class = NewsDetailSerializer
    cursor_orderings = {"newest": ("-published_at", "-pk")}

    def visible(self):
        queryset = PublishingRequest.objects.published().select_related("section", "unit")
        section = self.request.query_params.get("section", "")
        if section:
            queryset = queryset.filter(section__slug=section[:100], section__is_active=True)
        return queryset

    def get_object(self):
        return get_object_or_404(self.get_queryset().prefetch_related("attachments"), pk=self.kwargs["pk"])
