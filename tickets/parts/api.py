"""Stock items and their balances in the REST API (/api/v1/stock-items/): read by service staff and executives,
like the stock page; the balance is the ledger's sum as kept in Item.on_hand (ItemQuerySet.with_balance)."""

from django.db.models import F, Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action

from helpdesk.api.etag import ETagRetrieveMixin, etag_response
from tickets.parts.access import get_item_for_user, require_parts_reader
from tickets.parts.models import Item, Movement

MOVEMENTS_SHOWN = 100


class ItemSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    balance = serializers.IntegerField()
    below_reorder_level = serializers.SerializerMethodField()

    class Meta:
        model = Item
        fields = ["id", "code", "name", "kind", "kind_label", "unit_of_measure", "reorder_level", "standard_cost",
                  "is_active", "balance", "below_reorder_level"]

    def get_below_reorder_level(self, item) -> bool:
        return bool(item.is_active and item.reorder_level and item.balance <= item.reorder_level)


class MovementSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Movement
        fields = ["id", "at", "kind", "kind_label", "quantity", "unit_cost", "vendor", "reference", "reason"]


@extend_schema_view(
    list=extend_schema(summary="รายการวัสดุ/อะไหล่พร้อมยอดคงเหลือ", parameters=[
        OpenApiParameter("q", str, description="รหัสหรือชื่อรายการ"),
        OpenApiParameter("kind", str, enum=Item.Kind.values),
        OpenApiParameter("show", str, enum=["active", "low", "all"], description="ค่าเริ่มต้น active"),
    ]),
    retrieve=extend_schema(summary="วัสดุ/อะไหล่ และยอดคงเหลือ"),
)
class StockItemViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ItemSerializer
    queryset = Item.objects.none()
    cursor_orderings = {"code": ("code",), "-code": ("-code",)}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Item.objects.none()
        require_parts_reader(self.request)
        params = self.request.query_params
        queryset = Item.objects.with_balance()
        q = (params.get("q") or "").strip()[:100]
        if q:
            queryset = queryset.filter(Q(code__icontains=q) | Q(name__icontains=q))
        if params.get("kind") in Item.Kind.values:
            queryset = queryset.filter(kind=params["kind"])
        show = params.get("show", "active")
        if show == "active":
            queryset = queryset.filter(is_active=True)
        elif show == "low":
            queryset = queryset.filter(is_active=True, reorder_level__gt=0, balance__lte=F("reorder_level"))
        return queryset

    def get_object(self):
        item = get_item_for_user(self.request, self.kwargs["pk"])
        return Item.objects.with_balance().get(pk=item.pk)

    @extend_schema(summary="รายการเคลื่อนไหวล่าสุดในบัญชีคุมวัสดุ (ใหม่ก่อน)",
                   responses={200: MovementSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def movements(self, request, pk=None):
        item = get_item_for_user(request, pk)
        rows = Movement.objects.filter(item=item).order_by("-at", "-pk")[:MOVEMENTS_SHOWN]
        return etag_response(request, MovementSerializer(rows, many=True).data)
