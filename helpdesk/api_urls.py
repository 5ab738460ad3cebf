"""The routes of /api/v1/: the root URL configuration of the API (like helpdesk/urls.py, it may include every app)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from assets import api as assets_api
from publishing import api as publishing_api
from tickets import api as tickets_api
from tickets.network import api as network_api
from tickets.parts import api as parts_api

app_name = "api_v1"

router = SimpleRouter()
router.register("tickets", tickets_api.TicketViewSet, basename="ticket")
router.register("assets", assets_api.AssetViewSet, basename="asset")
router.register("stock-items", parts_api.StockItemViewSet, basename="stock-item")
router.register("ip-requests", network_api.IPRequestViewSet, basename="ip-request")
router.register("mac-changes", network_api.MacChangeViewSet, basename="mac-change")
router.register("account-requests", network_api.AccountRequestViewSet, basename="account-request")
router.register("publishing-requests", publishing_api.PublishingRequestViewSet, basename="publishing-request")
router.register("news", publishing_api.NewsViewSet, basename="news")

urlpatterns = [
    path("tracking/<str:token>/", tickets_api.TrackingView.as_view(), name="tracking"),
    *router.urls,
]
