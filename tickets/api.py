"""Tickets in the REST API (/api/v1/tickets/, docs/api.md): the same access helper, board filters, forms and
services as the pages, so every rule (visibility, who may act, the transition table) is the pages' rule."""

from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from helpdesk.api.common import raise_form_errors, run_service
from helpdesk.api.errors import body_mapping
from helpdesk.api.etag import ETagRetrieveMixin, etag_response
from helpdesk.models import Unit
from helpdesk.previews import open_or_404
from helpdesk.roles import is_service_staff, user_unit
from tickets.access import can_file_for_own_unit, can_record_for_units, get_ticket_for_user
from tickets.forms import RequesterTicketForm, StaffTicketForm, WorkForm
from tickets.models import Category, Channel, Status, Ticket, TicketEvent
from tickets.services import (
    ticket_add_note,
    ticket_assign,
    ticket_create,
    ticket_record_work,
    ticket_transition,
    ticket_withdraw,
)
from tickets.services.workflow import TRANSITION_FIELDS
from tickets.views.board import _filtered as board_filtered
from tickets.views.detail import DETAIL_RELATED

LIST_RELATED = ("unit", "category", "category__parent", "team", "technician", "asset")


def extend_schema_field_list(serializer_class):
    return extend_schema_field(serializer_class(many=True))


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


class UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class CategoryRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    group = serializers.SerializerMethodField()

    def get_group(self, category) -> str:
        return category.parent.name if category.parent_id else ""


class TicketListSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display")
    unit = UnitRefSerializer()
    category = CategoryRefSerializer()
    device = serializers.CharField(source="device_label")
    asset_number = serializers.SerializerMethodField()
    team = serializers.SerializerMethodField()
    technician = serializers.SerializerMethodField()
    due_at = serializers.DateTimeField(source="effective_due_at")
    is_overdue = serializers.SerializerMethodField()
    is_guarantee_claim = serializers.BooleanField()

    class Meta:
        model = Ticket
        fields = ["id", "number", "status", "status_label", "unit", "category", "device", "asset_number", "symptom",
                  "channel", "team", "technician", "created_at", "due_at", "is_overdue", "is_guarantee_claim"]

    def get_asset_number(self, ticket) -> str:
        return ticket.asset.asset_number if ticket.asset_id else ""

    def get_team(self, ticket) -> str:
        return ticket.team.name if ticket.team_id else ""

    def get_technician(self, ticket) -> str:
        return _person(ticket.technician) if ticket.technician_id else ""

    def get_is_overdue(self, ticket) -> bool:
        return ticket.is_overdue(self.context.get("now"))


class TimelineEventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    to_status_label = serializers.SerializerMethodField()
    actor = serializers.SerializerMethodField()

    class Meta:
        model = TicketEvent
        fields = ["id", "at", "kind", "kind_label", "from_status", "to_status", "to_status_label", "note",
                  "is_internal", "actor"]

    def get_to_status_label(self, event) -> str:
        return event.get_to_status_display() if event.to_status else ""

    def get_actor(self, event) -> str:
        return _person(event.actor) if event.actor_id else ""


class AttachmentSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[("photo", "photo"), ("memo", "memo")])
    id = serializers.IntegerField(allow_null=True)
    content_type = serializers.CharField()
    size = serializers.IntegerField(allow_null=True)
    url = serializers.CharField()


def ticket_attachments(request, ticket: Ticket) -> list[dict]:
    from django.urls import reverse

    items = [
        {"kind": "photo", "id": photo.pk, "content_type": photo.content_type, "size": photo.size,
         "url": reverse("api_v1:ticket-photo", args=[ticket.pk, photo.pk])}
        for photo in ticket.photos.all()
    ]
    if ticket.memo_scan:
        items.append({"kind": "memo", "id": None, "content_type": "application/pdf", "size": None,
                      "url": reverse("api_v1:ticket-memo", args=[ticket.pk])})
    return items


class TicketDetailSerializer(TicketListSerializer):
    """The ticket page's content: internal notes and internal timeline events for service staff only."""

    guarantee_of = serializers.SerializerMethodField()
    service_mode_label = serializers.CharField(source="get_service_mode_display")
    channel_label = serializers.CharField(source="get_channel_display")
    tracking_url = serializers.CharField(source="tracking_absolute_url")
    internal_notes = serializers.SerializerMethodField()
    can_act = serializers.SerializerMethodField()
    allowed_transitions = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()

    class Meta(TicketListSerializer.Meta):
        fields = TicketListSerializer.Meta.fields + [
            "version", "channel_label", "requester_name", "requester_position", "requester_phone",
            "requester_email", "device_description", "device_serial", "memo_number", "memo_date", "service_mode",
            "service_mode_label", "guarantee_of", "vendor_claim_ref", "diagnosis", "cause", "fix",
            "guide_followed", "reinstalled", "time_spent_minutes", "internal_notes", "received_by_name",
            "received_at", "resolved_at", "delivered_at", "closed_at", "updated_at", "tracking_url", "can_act",
            "allowed_transitions", "timeline", "attachments",
        ]

    def _user(self):
        return self.context["request"].user

    def get_guarantee_of(self, ticket) -> str:
        return ticket.guarantee_of.number if ticket.guarantee_of_id else ""

    def get_internal_notes(self, ticket) -> str:
        return ticket.internal_notes if is_service_staff(self._user()) else ""

    def get_can_act(self, ticket) -> bool:
        return ticket.can_act(self._user())

    def get_allowed_transitions(self, ticket) -> list[str]:
        """What the page offers: "at vendor" only while the asset is leased or under warranty (003 §6.2)."""
        if not ticket.can_act(self._user()):
            return []
        allowed = ticket.allowed_transitions
        if Status.AT_VENDOR in allowed and not ticket.vendor_support():
            allowed = [status for status in allowed if status != Status.AT_VENDOR]
        return allowed

    @extend_schema_field_list(TimelineEventSerializer)
    def get_timeline(self, ticket) -> list[dict]:
        events = ticket.events.select_related("actor").order_by("at", "pk")
        if not is_service_staff(self._user()):
            events = events.filter(is_internal=False)
        return TimelineEventSerializer(events, many=True).data

    @extend_schema_field_list(AttachmentSerializer)
    def get_attachments(self, ticket) -> list[dict]:
        return ticket_attachments(self.context["request"], ticket)


class TicketCreateSerializer(serializers.Serializer):
    """What a new ticket carries. Without `unit` the caller files for their own unit (a requester); with `unit`
    the service desk records it on the unit's behalf from a memo, a paper form or a phone call."""

    unit = serializers.CharField(required=False, help_text="รหัสหน่วยงาน (เจ้าหน้าที่บันทึกแทนหน่วยงาน)")
    unit_id = serializers.IntegerField(required=False, help_text="หรือ id ของหน่วยงาน แทน unit")
    channel = serializers.ChoiceField(choices=StaffTicketForm.CHANNELS, required=False)
    requester_name = serializers.CharField(required=False, max_length=200)
    requester_position = serializers.CharField(required=False, max_length=200)
    requester_phone = serializers.CharField(max_length=50)
    memo_number = serializers.CharField(required=False, max_length=100)
    memo_date = serializers.CharField(required=False, help_text="15/03/2569 (พ.ศ.) หรือ 2026-03-15")
    memo_scan = serializers.FileField(required=False, help_text="PDF (multipart/form-data)")
    callback_due_at = serializers.DateTimeField(required=False)
    asset_number = serializers.CharField(required=False, max_length=100)
    device_description = serializers.CharField(required=False, max_length=255)
    device_serial = serializers.CharField(required=False, max_length=100)
    category = serializers.CharField(help_text="รหัสหมวดปัญหาย่อย เช่น hw-computer")
    symptom = serializers.CharField(max_length=4000)
    photos = serializers.ListField(child=serializers.FileField(), required=False,
                                   help_text="JPEG/PNG (multipart/form-data)")
    confirm_duplicate = serializers.BooleanField(required=False)
    waive_guarantee_reason = serializers.CharField(required=False, max_length=1000)


class TransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    version = serializers.IntegerField(required=False, help_text="ใส่ version ที่อ่านมา เพื่อกันการเขียนทับ")
    received_by_name = serializers.CharField(required=False, max_length=200)
    vendor_claim_ref = serializers.CharField(required=False, max_length=100)
    cause = serializers.CharField(required=False, max_length=4000)
    fix = serializers.CharField(required=False, max_length=4000)

    def validate(self, attrs):
        to = attrs["to"]
        for name in TRANSITION_FIELDS:
            if name in attrs and to not in TRANSITION_FIELDS[name]:
                raise serializers.ValidationError({name: _("ระบุช่องนี้ได้เฉพาะเมื่อเปลี่ยนเป็นสถานะที่ใช้ช่องนี้")})
        return attrs


class WorkSerializer(serializers.Serializer):
    diagnosis = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    cause = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    fix = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    guide_followed = serializers.CharField(required=False, allow_blank=True, max_length=255)
    reinstalled = serializers.BooleanField(required=False)
    time_spent_minutes = serializers.IntegerField(required=False, min_value=0)
    vendor_claim_ref = serializers.CharField(required=False, allow_blank=True, max_length=100)
    internal_notes = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    version = serializers.IntegerField(required=False)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=4000)
    is_internal = serializers.BooleanField(default=True, help_text="ค่าเริ่มต้น true: ไม่แสดงต่อผู้แจ้ง")


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class AssignSerializer(serializers.Serializer):
    technician = serializers.IntegerField(required=False, help_text="id ผู้ใช้ของช่าง (ไม่ระบุ = รับงานเอง)")
    version = serializers.IntegerField(required=False)


def _validated(serializer_class, data):
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _form_data(request) -> dict:
    """The request body as form data: the category by code (or id), the unit by code (`unit`) or id (`unit_id`)."""
    body = body_mapping(request)
    # Form fields only (the files go to the form separately): copying a multipart body would copy the uploads too.
    data = {key: body.get(key) for key in body if key not in request.FILES}
    category = str(data.get("category") or "")
    if category and not category.isdigit():
        found = Category.objects.filter(code=category).values_list("pk", flat=True).first()
        data["category"] = found if found is not None else category
    if data.get("unit_id"):
        data["unit"] = data["unit_id"]
    elif data.get("unit"):
        code = str(data["unit"])
        found = Unit.objects.filter(code=code).values_list("pk", flat=True).first()
        data["unit"] = found if found is not None else "-"
    return data


@extend_schema_view(
    list=extend_schema(
        summary="รายการใบแจ้งซ่อม (ตัวกรองเดียวกับหน้ากระดานงาน)",
        parameters=[
            OpenApiParameter("scope", str, enum=["team", "mine", "all"]),
            OpenApiParameter("status", str, description="รหัสสถานะ หรือ open"),
            OpenApiParameter("category", str, description="รหัสหมวดปัญหา (หมวดหลักหรือหมวดย่อย)"),
            OpenApiParameter("unit", int),
            OpenApiParameter("guarantee", str, enum=["yes", "no"]),
            OpenApiParameter("overdue", str, enum=["1"]),
            OpenApiParameter("q", str, description="ค้นหาบางส่วนของเลขที่ เลขครุภัณฑ์ Serial ยี่ห้อ รุ่น อุปกรณ์ ชื่อผู้แจ้ง หรืออาการ"),
        ],
    ),
    retrieve=extend_schema(summary="ใบแจ้งซ่อม พร้อมลำดับเหตุการณ์และไฟล์แนบ"),
)
class TicketViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = TicketDetailSerializer
    queryset = Ticket.objects.none()
    cursor_orderings = {"newest": ("-created_at", "-pk"), "oldest": ("created_at", "pk")}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Ticket.objects.none()
        queryset, _filters = board_filtered(self.request)
        return queryset.select_related(*LIST_RELATED)

    def get_serializer_class(self):
        return TicketListSerializer if self.action == "list" else TicketDetailSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}

    def get_object(self, **flags):
        return get_ticket_for_user(self.request, self.kwargs["pk"],
                                   queryset=Ticket.objects.select_related(*DETAIL_RELATED), **flags)

    def _detail(self, ticket: Ticket, status_code=status.HTTP_200_OK) -> Response:
        ticket = Ticket.objects.select_related(*DETAIL_RELATED).get(pk=ticket.pk)
        return Response(self.get_serializer(ticket).data, status=status_code)

    @extend_schema(summary="แจ้งซ่อม (ผู้ขอรับบริการ) หรือบันทึกแทนหน่วยงาน (เจ้าหน้าที่)",
                   request=TicketCreateSerializer, responses={201: TicketDetailSerializer})
    def create(self, request):
        user = request.user
        data = _form_data(request)
        on_behalf = bool(data.get("unit"))  # set from `unit` (code) or `unit_id`
        if on_behalf:
            if not can_record_for_units(user):
                raise PermissionDenied
            form = StaffTicketForm(data, request.FILES)
        else:
            if not can_file_for_own_unit(user):
                raise PermissionDenied
            form = RequesterTicketForm(data, request.FILES, unit=user_unit(user))
        raise_form_errors(form)
        cleaned = form.cleaned_data
        common = {
            "category": cleaned["category"], "symptom": cleaned["symptom"], "by": user,
            "requester_position": cleaned["requester_position"], "requester_phone": cleaned["requester_phone"],
            "asset": form.asset, "device_description": "" if form.asset else cleaned["device_description"],
            "device_serial": cleaned["device_serial"], "photos": cleaned["photos"],
            "allow_duplicate": bool(cleaned.get("confirm_duplicate")),
        }
        if on_behalf:
            ticket = run_service(
                ticket_create, unit=cleaned["unit"], requester_name=cleaned["requester_name"],
                channel=cleaned["channel"], memo_number=cleaned["memo_number"], memo_date=cleaned["memo_date"],
                memo_scan=cleaned.get("memo_scan"), callback_due_at=cleaned.get("callback_due_at"),
                guarantee_waived_reason=cleaned["waive_guarantee_reason"], **common,
            )
        else:
            ticket = run_service(
                ticket_create, unit=user_unit(user), requester=user, requester_name=_person(user),
                channel=Channel.WEB, **common,
            )
        return self._detail(ticket, status.HTTP_201_CREATED)

    @extend_schema(summary="เปลี่ยนสถานะตามตารางสถานะ", request=TransitionSerializer,
                   responses={200: TicketDetailSerializer})
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        ticket = self.get_object(act=True)
        data = _validated(TransitionSerializer, request.data)
        fields = {name: data[name] for name in TRANSITION_FIELDS if name in data}
        run_service(ticket_transition, ticket=ticket, to=data["to"], by=request.user, note=data.get("note", ""),
                    expected_version=data.get("version"), **fields)
        return self._detail(ticket)

    @extend_schema(summary="บันทึกผลการซ่อม (สาเหตุ วิธีแก้ไข เวลาที่ใช้ …) เฉพาะช่องที่ส่งมา",
                   request=WorkSerializer, responses={200: TicketDetailSerializer})
    @action(detail=True, methods=["post"])
    def work(self, request, pk=None):
        ticket = self.get_object(act=True)
        data = _validated(WorkSerializer, request.data)
        version = data.pop("version", None)
        current = Ticket.objects.get(pk=ticket.pk)
        merged = {**model_to_dict(current, fields=WorkForm.Meta.fields), **data, "version": version or 0}
        form = WorkForm(merged, instance=current)
        raise_form_errors(form)
        run_service(ticket_record_work, ticket=ticket, by=request.user, expected_version=version,
                    **{name: form.cleaned_data[name] for name in data})
        return self._detail(ticket)

    @extend_schema(summary="มอบหมายงาน (ไม่ระบุช่าง = รับงานเอง)", request=AssignSerializer,
                   responses={200: TicketDetailSerializer})
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        from django.contrib.auth import get_user_model

        ticket = self.get_object(act=True)
        data = _validated(AssignSerializer, request.data)
        technician = request.user
        if data.get("technician") is not None:
            technician = get_user_model().objects.filter(pk=data["technician"], is_active=True).first()
            if technician is None:
                raise serializers.ValidationError({"technician": [_("ไม่พบผู้ใช้ที่เลือก")]})
        run_service(ticket_assign, ticket=ticket, technician=technician, by=request.user,
                    expected_version=data.get("version"))
        return self._detail(ticket)

    @extend_schema(summary="เพิ่มบันทึกในลำดับเหตุการณ์ (เจ้าหน้าที่ผู้ให้บริการ)", request=NoteSerializer,
                   responses={201: TimelineEventSerializer})
    @action(detail=True, methods=["post"])
    def notes(self, request, pk=None):
        ticket = self.get_object(act=True)
        data = _validated(NoteSerializer, request.data)
        event = run_service(ticket_add_note, ticket=ticket, by=request.user, note=data["note"],
                            is_internal=data["is_internal"])
        return Response(TimelineEventSerializer(event).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="ผู้แจ้งยกเลิกคำขอที่ศูนย์ฯ ยังไม่รับเรื่อง", request=WithdrawSerializer,
                   responses={200: TicketDetailSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        ticket = self.get_object(withdraw=True)
        data = _validated(WithdrawSerializer, request.data)
        run_service(ticket_withdraw, ticket=ticket, by=request.user, reason=data["reason"])
        return self._detail(ticket)

    @extend_schema(summary="ไฟล์แนบ (รูปภาพ สำเนาหนังสือ)", responses={200: AttachmentSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def attachments(self, request, pk=None):
        ticket = self.get_object()
        return Response(ticket_attachments(request, ticket))

    @extend_schema(summary="ดาวน์โหลดรูปภาพ", responses={(200, "image/*"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path=r"photos/(?P<photo_pk>\d+)", url_name="photo")
    def photo(self, request, pk=None, photo_pk=None):
        ticket = self.get_object()
        photo = get_object_or_404(ticket.photos, pk=photo_pk)
        handle = open_or_404(photo.image)
        extension = "png" if photo.content_type == "image/png" else "jpg"
        return FileResponse(handle, as_attachment=True, filename=f"{ticket.number}-{photo.pk}.{extension}",
                            content_type=photo.content_type)

    @extend_schema(summary="ดาวน์โหลดสำเนาหนังสือ (PDF)", responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def memo(self, request, pk=None):
        ticket = self.get_object()
        return FileResponse(open_or_404(ticket.memo_scan), as_attachment=True, filename=f"{ticket.number}-memo.pdf",
                            content_type="application/pdf")


# --- the public tracking status (the QR code's page, as data) ---------------------------------------------------


class TrackingEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    label = serializers.CharField()
    note = serializers.CharField()


class TrackingRepairSerializer(serializers.Serializer):
    created_at = serializers.DateTimeField()
    category = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    delivered_at = serializers.DateTimeField(allow_null=True)


class TrackingSerializer(serializers.Serializer):
    """The tracking page's fields and nothing more: no names of requesters, no phones, no internal notes."""

    number = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    guarantee_of = serializers.CharField()
    device = serializers.CharField()
    category = serializers.CharField()
    service_mode_label = serializers.CharField()
    team = serializers.CharField()
    technician = serializers.CharField()
    created_at = serializers.DateTimeField()
    expected_completion = serializers.DateTimeField(allow_null=True)
    delivered_at = serializers.DateTimeField(allow_null=True)
    parts_due_at = serializers.DateTimeField(allow_null=True)
    waiting_parts = serializers.ListField(child=serializers.CharField())
    cause = serializers.CharField()
    fix = serializers.CharField()
    time_spent = serializers.CharField()
    timeline = TrackingEventSerializer(many=True)
    earlier_repairs = TrackingRepairSerializer(many=True)


def tracking_data(context: dict) -> dict:
    """tickets/tracking.html's content, from the same context the page renders."""
    ticket = context["ticket"]
    resolved = context["is_resolved"]
    if ticket.asset_id:
        device = " ".join(part for part in (ticket.asset.asset_number, ticket.asset.brand, ticket.asset.model_name)
                          if part)
    else:
        device = ticket.device_description
    return {
        "number": ticket.number,
        "status": ticket.status,
        "status_label": ticket.get_status_display(),
        "guarantee_of": ticket.guarantee_of.number if ticket.guarantee_of_id else "",
        "device": device,
        "category": str(ticket.category),
        "service_mode_label": ticket.get_service_mode_display(),
        "team": ticket.team.name if ticket.team_id else "",
        "technician": context["technician_name"],
        "created_at": ticket.created_at,
        "expected_completion": ticket.effective_due_at if ticket.is_active else None,
        "delivered_at": ticket.delivered_at,
        "parts_due_at": ticket.parts_due_at if ticket.status == Status.WAITING_PARTS else None,
        "waiting_parts": list(context["waiting_part_names"]),
        "cause": ticket.cause if resolved else "",
        "fix": ticket.fix if resolved else "",
        "time_spent": ticket.time_spent_display if resolved and ticket.time_spent_minutes else "",
        "timeline": [
            {"at": event.at, "kind": event.kind,
             "label": Status(event.to_status).label if event.kind == "status" and event.to_status
             else event.get_kind_display(),
             "note": event.text if event.kind == "status" else ""}
            for event in context["events"]
        ],
        "earlier_repairs": [
            {"created_at": other.created_at, "category": str(other.category), "status": other.status,
             "status_label": other.get_status_display(), "delivered_at": other.delivered_at}
            for other in context["earlier_repairs"]
        ],
    }


class TrackingView(APIView):
    """GET /api/v1/tracking/<token>/ — no login; limited per address like the page."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @property
    def throttle_rate(self) -> str:
        from tickets.tracking.views import tracking_rate

        return tracking_rate()

    @extend_schema(summary="สถานะงานซ่อมสาธารณะจากโทเคนบนคิวอาร์โค้ด (ไม่ต้องยืนยันตัวตน)",
                   responses={200: TrackingSerializer, 404: OpenApiResponse(description="ไม่พบ")}, auth=[])
    def get(self, request, token: str):
        from tickets.tracking.views import _context, _ticket_by_token

        ticket = _ticket_by_token(token)
        return etag_response(request, TrackingSerializer(tracking_data(_context(request, ticket))).data)

