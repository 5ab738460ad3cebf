from django.urls import path

from publishing import news

app_name = "news"

urlpatterns = [
    path("", news.news_index, name="index"),
    path("feed/", news.NewsFeed(), name="feed"),
    path("post/<int:pk>/", news.news_post, name="post"),
    path("post/<int:pk>/files/<int:attachment_pk>/", news.news_attachment, name="attachment"),
    path("preview/<str:token>/", news.news_preview, name="preview"),
    path("preview/<str:token>/files/<int:attachment_pk>/", news.news_preview_attachment, name="preview_attachment"),
    path("<slug:slug>/", news.news_index, name="section"),
    path("<slug:slug>/feed/", news.NewsFeed(), name="section_feed"),
]
