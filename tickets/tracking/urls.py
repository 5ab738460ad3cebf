"""Mounted at the site root (helpdesk/urls.py, ``include("tickets.tracking.urls")``) with no namespace,
so ``{% url "tracking" token %}`` stays as it was."""

from django.urls import path

from tickets.tracking import views

urlpatterns = [
    path("t/<str:token>/", views.tracking, name="tracking"),
    path("t/<str:token>/survey/", views.survey, name="tracking_survey"),
]
