from django.urls import path

app_name = "parts"

urlpatterns: list = []
