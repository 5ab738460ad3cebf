from django.urls import path

from helpdesk.routes import reading_urls, record_urls
from publishing.knowledge import views

app_name = "knowledge"

urlpatterns = [
    *reading_urls(index=views.article_index, feed=views.ArticleFeed(), item=views.article_detail,
                  attachment=views.attachment_view, item_name="article"),
    path("guide-panel/", views.guide_panel, name="guide_panel"),
    path("guides/<int:pk>/feedback/", views.guide_feedback, name="guide_feedback"),
    *record_urls(prefix="manage/", list=views.manage_list, create=views.article_create, detail=views.manage_detail,
                 steps={"edit": views.article_edit, "publish": (views.article_transition, {"to": "published"}),
                        "archive": (views.article_transition, {"to": "archived"}), "files": views.attachment_add,
                        "channels": views.publication_add},
                 names={"list": "manage", "detail": "manage_detail", "files": "attachment_add",
                        "channels": "publication_add"}),
]
