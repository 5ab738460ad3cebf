from django.urls import path

from publishing.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.article_index, name="index"),
    path("feed/", views.ArticleFeed(), name="feed"),
    path("<int:pk>/", views.article_detail, name="article"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment_view, name="attachment"),
    path("guide-panel/", views.guide_panel, name="guide_panel"),
    path("guides/<int:pk>/feedback/", views.guide_feedback, name="guide_feedback"),
    path("manage/", views.manage_list, name="manage"),
    path("manage/new/", views.article_create, name="create"),
    path("manage/<int:pk>/", views.manage_detail, name="manage_detail"),
    path("manage/<int:pk>/edit/", views.article_edit, name="edit"),
    path("manage/<int:pk>/publish/", views.article_transition, {"to": "published"}, name="publish"),
    path("manage/<int:pk>/archive/", views.article_transition, {"to": "archived"}, name="archive"),
    path("manage/<int:pk>/files/", views.attachment_add, name="attachment_add"),
    path("manage/<int:pk>/channels/", views.publication_add, name="publication_add"),
]
