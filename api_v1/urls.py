from django.urls import path
from rest_framework.routers import SimpleRouter

from tickets import api as tickets_api

app_name = "api_v1"

router = SimpleRouter()
router.register("tickets", tickets_api.TicketViewSet, basename="ticket")

urlpatterns = [
    path("tracking/<str:token>/", tickets_api.TrackingView.as_view(), name="tracking"),
    *router.urls,
]
