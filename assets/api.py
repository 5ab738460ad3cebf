"""The asset registry in the REST API (/api/v1/assets/): the list's filter form, the access helper, the asset
form's validation and the page's history, so the API and the pages cannot disagree."""

from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from assets.access import can_edit_assets, can_see_licence_keys, get_asset_for_user
from assets.forms import AssetFilterForm, AssetForm
from assets.models import Asset
from assets.views.registry import _history_entries, _label_history_values
from helpdesk.api.errors import body_mapping
from helpdesk.api.etag import ETagRetrieveMixin

ASSET_FIELDS = AssetForm.Meta.fields


class AssetSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    unit_id = serializers.IntegerField(read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    asset_type_label = serializers.CharField(source="get_asset_type_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    licence_key = serializers.SerializerMethodField()

    class Meta:
        model = Asset
        fields = ["id", "asset_number", "asset_type", "asset_type_label", "brand", "model_name", "serial_number",
                  "specification", "unit", "unit_id", "unit_name", "location", "custodian", "acquired_date",
                  "acquisition", "price", "budget_year", "vendor_name", "vendor_contact", "warranty_end",
                  "lease_end", "licence_key", "status", "status_label", "notes", "created_at", "updated_at"]

    def get_licence_key(self, asset) -> str:
        """Licence keys are for service staff only (SPEC §2), as on the asset page."""
        return asset.licence_key if can_see_licence_keys(self.context["request"].user) else ""


class AssetWriteSerializer(serializers.Serializer):
    """The asset form's fields (validation is the form's: Thai messages, the number format, dates in order)."""

    asset_number = serializers.CharField(max_length=30, required=False, help_text="7440-001-0001/2566")
    asset_type = serializers.ChoiceField(choices=Asset.Type.choices, required=False)
    brand = serializers.CharField(required=False, allow_blank=True)
    model_name = serializers.CharField(required=False, allow_blank=True)
    serial_number = serializers.CharField(required=False, allow_blank=True)
    specification = serializers.CharField(required=False, allow_blank=True)
    unit = serializers.IntegerField(required=False, help_text="id ของหน่วยงานเจ้าของ")
    location = serializers.CharField(required=False, allow_blank=True)
    custodian = serializers.CharField(required=False, allow_blank=True)
    acquired_date = serializers.DateField(required=False, allow_null=True)
    acquisition = serializers.ChoiceField(choices=Asset.Acquisition.choices, required=False)
    price = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True)
    budget_year = serializers.IntegerField(required=False, allow_null=True)
    vendor_name = serializers.CharField(required=False, allow_blank=True)
    vendor_contact = serializers.CharField(required=False, allow_blank=True)
    warranty_end = serializers.DateField(required=False, allow_null=True)
    lease_end = serializers.DateField(required=False, allow_null=True)
    licence_key = serializers.CharField(required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Asset.Status.choices, required=False)
    notes = serializers.CharField(required=False, allow_blank=True)


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    old = serializers.CharField(allow_null=True)
    new = serializers.CharField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    type = serializers.ChoiceField(choices=[("+", "created"), ("~", "changed"), ("-", "deleted")])
    who = serializers.CharField()
    changes = HistoryChangeSerializer(many=True)


def _errors(form) -> serializers.ValidationError:
    return serializers.ValidationError({("non_field_errors" if name == "__all__" else name): [str(m) for m in msgs]
                                        for name, msgs in form.errors.items()})


def _form_data(request, instance: Asset | None) -> dict:
    """For a partial update, the fields not sent keep their current values."""
    current = model_to_dict(instance, fields=ASSET_FIELDS) if instance is not None else {}
    body = body_mapping(request)
    sent = {name: body[name] for name in ASSET_FIELDS if name in body}
    data = {**current, **sent}
    return {name: ("" if value is None else value) for name, value in data.items()}


@extend_schema_view(
    list=extend_schema(summary="ทะเบียนครุภัณฑ์ (ตัวกรองเดียวกับหน้าทะเบียน)", parameters=[
        OpenApiParameter("q", str, description="เลขครุภัณฑ์ / Serial / ยี่ห้อ / รุ่น / ผู้รับผิดชอบ (บางส่วนของคำ)"),
        OpenApiParameter("unit", int, description="หน่วยงาน (รวมหน่วยงานในสังกัด)"),
        OpenApiParameter("asset_type", str, enum=Asset.Type.values),
        OpenApiParameter("status", str, enum=Asset.Status.values),
        OpenApiParameter("warranty", str, enum=["under", "soon", "expired", "none", "vendor"]),
        OpenApiParameter("leased", bool),
    ]),
    retrieve=extend_schema(summary="ครุภัณฑ์"),
)
class AssetViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = AssetSerializer
    queryset = Asset.objects.none()
    cursor_orderings = {"number": ("asset_number",), "-number": ("-asset_number",), "-updated": ("-updated_at",)}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Asset.objects.none()
        form = AssetFilterForm(self.request.query_params or None, user=self.request.user)
        return form.filter(Asset.objects.visible_to(self.request.user).select_related("unit"))

    def get_object(self, edit: bool = False):
        return get_asset_for_user(self.request, self.kwargs["pk"], edit=edit)

    @extend_schema(summary="เพิ่มครุภัณฑ์ (ผู้ดูแลทะเบียน)", request=AssetWriteSerializer,
                   responses={201: AssetSerializer})
    def create(self, request):
        if not can_edit_assets(request.user):
            raise PermissionDenied
        form = AssetForm(_form_data(request, None))
        if not form.is_valid():
            raise _errors(form)
        asset = form.save()
        return Response(self.get_serializer(asset).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="แก้ไขครุภัณฑ์ (ส่งเฉพาะช่องที่แก้)", request=AssetWriteSerializer,
                   responses={200: AssetSerializer})
    def partial_update(self, request, pk=None):
        asset = self.get_object(edit=True)
        form = AssetForm(_form_data(request, asset), instance=asset)
        if not form.is_valid():
            raise _errors(form)
        if form.has_changed():
            asset = form.save()
        return Response(self.get_serializer(asset).data)

    @extend_schema(summary="ประวัติการแก้ไขทะเบียน (30 รายการล่าสุด)", responses={200: HistoryEntrySerializer(many=True)})
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        asset = self.get_object()
        entries = _history_entries(asset)
        _label_history_values(entries)
        return Response(HistoryEntrySerializer([
            {"at": entry["record"].history_date, "type": entry["record"].history_type, "who": str(entry["who"]),
             "changes": [{"field": c["field"], "label": str(c["label"]),
                          "old": None if c["old"] is None else str(c["old"]),
                          "new": None if c["new"] is None else str(c["new"])} for c in entry["changes"]]}
            for entry in entries
        ], many=True).data)
