from django.urls import path

from tickets.consultations import views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("new/", views.consultation_create, name="create"),
    path("<int:pk>/", views.consultation_detail, name="detail"),
    path("<int:pk>/ticket/", views.consultation_ticket, name="to_ticket"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/new/", views.topic_create, name="topic_create"),
    path("topics/<int:pk>/", views.topic_detail, name="topic_detail"),
    path("topics/<int:pk>/accept/", views.topic_transition, {"action": "accept"}, name="topic_accept"),
    path("topics/<int:pk>/decline/", views.topic_transition, {"action": "decline"}, name="topic_decline"),
    path("topics/<int:pk>/group/", views.topic_group, name="topic_group"),
    path("topics/<int:pk>/article/", views.topic_article, name="topic_article"),
    path("memos/", views.memo_list, name="memo_list"),
    path("memos/<int:pk>/", views.memo_detail, name="memo_detail"),
    path("memos/<int:pk>/scan/", views.memo_scan, name="memo_scan"),
    path("memos/<int:pk>/accept/", views.memo_accept, name="memo_accept"),
]
