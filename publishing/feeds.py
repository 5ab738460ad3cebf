"""The Atom feed every kind of published content shares (the news, the knowledge articles)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from publishing.rendering import render_body

FEED_SIZE = 30


class ContentFeed(Feed):
    """Items with a title, a body in the one renderer (publishing.rendering) and a publication time; the subclass
    names its items, links and categories."""

    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_body(item.body, item.body_format)

    def item_pubdate(self, item):
        return item.published_at
