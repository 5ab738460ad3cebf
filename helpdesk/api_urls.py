"""The routes of /api/v1/: the root URL configuration of the API (like helpdesk/urls.py, it may include every app)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from assets import api as assets_api
from publishing import api as publishing_api
from publishing.knowledge import api as knowledge_api
from tickets import api as tickets_api
from tickets.consultations import api as consultations_api
from tickets.datarequests import api as datarequests_api
from tickets.meetings import api as meetings_api
from tickets.network import api as network_api
from tickets.parts import api as parts_api
from tickets.systems import api as systems_api

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
router.register("meeting-bookings", meetings_api.BookingViewSet, basename="meeting-booking")
router.register("meeting-rooms", meetings_api.RoomViewSet, basename="meeting-room")
router.register("vc-accounts", meetings_api.VCAccountViewSet, basename="vc-account")
router.register("data-requests", datarequests_api.DataRequestViewSet, basename="data-request")
router.register("systems", systems_api.SystemViewSet, basename="system")
router.register("system-changes", systems_api.ChangeRequestViewSet, basename="system-change")
router.register("system-dev-requests", systems_api.DevRequestViewSet, basename="system-dev-request")
router.register("consultations", consultations_api.ConsultationViewSet, basename="consultation")
router.register("knowledge-articles", knowledge_api.ArticleViewSet, basename="knowledge-article")

urlpatterns = [
    path("tracking/<str:token>/", tickets_api.TrackingView.as_view(), name="tracking"),
    *router.urls,
]
