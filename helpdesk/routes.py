"""The URL patterns every record page set has: its list, ``new/``, ``<pk>/`` and the POST steps under it.

``record_urls(prefix="topics/", name="topic_", list=…, create=…, detail=…, steps={"accept": …})`` gives
``topics/`` (``topic_list``), ``topics/new/`` (``topic_create``), ``topics/<int:pk>/`` (``topic_detail``) and
``topics/<int:pk>/accept/`` (``topic_accept``). A step is a view, or ``(view, kwargs)`` for a view that serves
several steps; `names` renames a pattern (``{"list": "manage", "ticket": "to_ticket"}``).
"""

from collections.abc import Callable

from django.urls import path


def record_urls(*, prefix: str = "", name: str = "", list: Callable | None = None, create: Callable | None = None,
                detail: Callable | None = None, steps: dict | None = None, names: dict | None = None) -> list:
    names = names or {}
    patterns = [(route, view, {}, key) for route, view, key in (
        ("", list, "list"), ("new/", create, "create"), ("<int:pk>/", detail, "detail")) if view is not None]
    for step, spec in (steps or {}).items():
        view, kwargs = spec if isinstance(spec, tuple) else (spec, {})
        patterns.append((f"<int:pk>/{step}/", view, kwargs, step))
    return [path(prefix + route, view, kwargs, name=names.get(key, name + key))
            for route, view, kwargs, key in patterns]


def reading_urls(*, index: Callable, feed: Callable, item: Callable, attachment: Callable, item_name: str,
                 item_prefix: str = "") -> list:
    """The public reading pages of published content: its index, its feed, an item and an item's file."""
    return [
        path("", index, name="index"),
        path("feed/", feed, name="feed"),
        path(f"{item_prefix}<int:pk>/", item, name=item_name),
        path(f"{item_prefix}<int:pk>/files/<int:attachment_pk>/", attachment, name="attachment"),
    ]
