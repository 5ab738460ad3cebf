"""Meeting bookings in the REST API (/api/v1/meeting-bookings/, rooms and video-conference accounts read only):
the pages' access helper (get_booking_for_user), visibility QuerySet, BookingForm (double-booking and capacity
checks) and the services (booking_create, booking_confirm, booking_cancel → the request kernel)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action

from helpdesk.api.common import TimelineMixin, person, raise_form_errors, run_service
from helpdesk.api.errors import body_mapping
from helpdesk.api.etag import ETagRetrieveMixin
from helpdesk.api.viewsets import RecordViewSet, RequestSerializer, UnitRecordSerializer
from helpdesk.roles import user_unit

from . import services
from .access import get_booking_for_user, is_meeting_staff, is_unit_booker, require
from .forms import BookingForm, CancelForm, ConfirmForm
from .models import Booking, Room, VCAccount
from .views import LIST_FILTERS


class RoomSerializer(serializers.ModelSerializer):
    class Meta:
        model = Room
        fields = ["id", "name", "location", "capacity", "equipment"]


class VCAccountSerializer(serializers.ModelSerializer):
    """The account's login is not shown (the booking form shows platform, name and capacity only)."""

    platform_label = serializers.CharField(source="get_platform_display")

    class Meta:
        model = VCAccount
        fields = ["id", "name", "platform", "platform_label", "capacity", "concurrent_limit"]


class BookingSerializer(UnitRecordSerializer, RequestSerializer):
    """A process's request (helpdesk.models.ServiceRequest): also its `reference` and `status_label`."""

    room = RoomSerializer(allow_null=True)
    vc_account = VCAccountSerializer(allow_null=True)
    assigned_to = serializers.SerializerMethodField()

    class Meta:
        model = Booking
        fields = ["id", "reference", "title", "status", "status_label", "unit", "unit_name", "starts_at", "ends_at",
                  "participants", "room", "vc_account", "assigned_to", "confirm_due_at", "confirmed_at",
                  "created_at"]

    def get_assigned_to(self, booking) -> str:
        return person(booking.assigned_to) if booking.assigned_to_id else ""


class BookingDetailSerializer(TimelineMixin, BookingSerializer):
    requested_by = serializers.SerializerMethodField()
    has_agenda = serializers.SerializerMethodField()
    equipment_state_label = serializers.CharField(source="get_equipment_state_display")

    class Meta(BookingSerializer.Meta):
        fields = [*BookingSerializer.Meta.fields, "requested_by", "contact_name", "contact_phone", "notes",
                  "has_agenda", "join_url", "join_details", "setup_at", "setup_note", "checked_at",
                  "equipment_state", "equipment_state_label", "problems", "cancel_reason", "events"]

    def get_requested_by(self, booking) -> str:
        return person(booking.requested_by)

    def get_has_agenda(self, booking) -> bool:
        return bool(booking.agenda)


class BookingCreateSerializer(serializers.Serializer):
    """The booking page's form fields (validated by tickets.meetings.forms.BookingForm)."""

    title = serializers.CharField()
    date = serializers.CharField(help_text="วันที่ประชุม 15/12/2569 (พ.ศ.) หรือ 2026-12-15")
    start_time = serializers.CharField(help_text="ชช:นน เช่น 09:30")
    end_time = serializers.CharField(help_text="ชช:นน เช่น 12:00")
    participants = serializers.IntegerField(min_value=1)
    room = serializers.IntegerField(required=False, allow_null=True, help_text="id ของห้องประชุม")
    vc_account = serializers.IntegerField(required=False, allow_null=True, help_text="id ของบัญชีประชุมทางไกล")
    contact_name = serializers.CharField()
    contact_phone = serializers.CharField()
    notes = serializers.CharField(required=False, allow_blank=True)


class ConfirmSerializer(serializers.Serializer):
    assigned_to = serializers.IntegerField(required=False, help_text="id ของเจ้าหน้าที่ผู้รับผิดชอบ (ไม่ระบุ = ผู้ยืนยัน)")
    join_url = serializers.URLField(required=False, allow_blank=True)
    join_details = serializers.CharField(required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField()


@extend_schema_view(list=extend_schema(summary="ห้องประชุมที่เปิดให้จอง"), retrieve=extend_schema(summary="ห้องประชุม"))
class RoomViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    queryset = Room.objects.filter(is_active=True)
    serializer_class = RoomSerializer
    cursor_orderings = {"name": ("name", "pk")}


@extend_schema_view(list=extend_schema(summary="บัญชีประชุมทางไกลที่เปิดให้จอง"),
                    retrieve=extend_schema(summary="บัญชีประชุมทางไกล"))
class VCAccountViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    queryset = VCAccount.objects.filter(is_active=True)
    serializer_class = VCAccountSerializer
    cursor_orderings = {"name": ("name", "pk")}


@extend_schema_view(
    list=extend_schema(summary="การจองห้องประชุม/ระบบประชุมทางไกล", parameters=[
        OpenApiParameter("show", str, enum=list(LIST_FILTERS), description="ตัวกรองเดียวกับหน้ารายการ (ค่าเริ่มต้น upcoming)"),
    ]),
    retrieve=extend_schema(summary="การจอง พร้อมประวัติ"),
)
class BookingViewSet(RecordViewSet):
    queryset = Booking.objects.none()
    serializer_class = BookingSerializer
    detail_serializer_class = BookingDetailSerializer
    fetch = staticmethod(get_booking_for_user)
    cursor_orderings = {"soonest": ("starts_at", "pk"), "latest": ("-starts_at", "-pk"),
                        "newest": ("-created_at", "-pk")}

    def visible(self):
        show = self.request.query_params.get("show")
        show = show if show in LIST_FILTERS else "upcoming"
        queryset = LIST_FILTERS[show](Booking.objects.visible_to(self.request.user), timezone.now())
        return queryset.select_related("unit", "room", "vc_account", "assigned_to")

    @extend_schema(summary="จองห้องประชุม/ระบบประชุมทางไกลให้หน่วยงานตนเอง (ตรวจการจองซ้อนและจำนวนที่นั่งเหมือนหน้าจอง)",
                   request=BookingCreateSerializer, responses={201: BookingDetailSerializer})
    def create(self, request):
        unit = user_unit(request.user)
        require(unit is not None)
        form = BookingForm(body_mapping(request), request.FILES or None)
        return self.create_from_form(form, services.booking_create, "booking", unit=unit)

    @extend_schema(summary="เจ้าหน้าที่ยืนยันการจอง (ผู้จองยืนยันการจองของตนเองไม่ได้)", request=ConfirmSerializer,
                   responses={200: BookingDetailSerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        booking = self.get_object()
        require(is_meeting_staff(request.user))
        data = dict(body_mapping(request).items())
        data.setdefault("assigned_to", request.user.pk)
        form = ConfirmForm(data, booking=booking, by=request.user)
        raise_form_errors(form)
        run_service(services.booking_confirm, booking=booking, by=request.user, **form.cleaned_data)
        return self.answer(booking)

    @extend_schema(summary="ยกเลิกการจอง พร้อมเหตุผล (ผู้จอง หน่วยงานผู้จอง หรือเจ้าหน้าที่)", request=CancelSerializer,
                   responses={200: BookingDetailSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        booking = self.get_object()
        require(is_unit_booker(request.user, booking) or is_meeting_staff(request.user))
        form = CancelForm(body_mapping(request))
        raise_form_errors(form)
        run_service(services.booking_cancel, booking=booking, by=request.user, reason=form.cleaned_data["reason"])
        return self.answer(booking)
