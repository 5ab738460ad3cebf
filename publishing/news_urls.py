from django.urls import path

from helpdesk.routes import reading_urls
from publishing import news

app_name = "news"

urlpatterns = [
    *reading_urls(index=news.news_index, feed=news.NewsFeed(), item=news.news_post, attachment=news.news_attachment,
                  item_name="post", item_prefix="post/"),
    path("preview/<str:token>/", news.news_preview, name="preview"),
    path("preview/<str:token>/files/<int:attachment_pk>/", news.news_preview_attachment, name="preview_attachment"),
    path("<slug:slug>/", news.news_index, name="section"),
    path("<slug:slug>/feed/", news.NewsFeed(), name="section_feed"),
]
