"""URL patterns whose module is imported on the first request that needs it, not when the URL configuration loads.

The API (Django REST framework and drf-spectacular, ~30 MiB per worker) is reached by few requests; a worker that
never serves one should not pay for it. `reverse()` of the API's names keeps working: a lazy include is imported
when a URL below its prefix is resolved or a name in its namespace is reversed, and a lazy view knows its name
without importing its module.
"""

from functools import cache

from django.urls.resolvers import RoutePattern, URLResolver
from django.utils.module_loading import import_string


class LazyURLResolver(URLResolver):
    """A namespaced include that imports its module on first use.

    `URLResolver` already imports a module given by name only when its patterns are read; what reads them early is
    the parent's `_populate()`, which populates every child although it needs nothing of a namespaced one but its
    namespace. Here that early call waits until the module has been imported for a real use.
    """

    def _populate(self):
        if "urlconf_module" in self.__dict__:
            super()._populate()

    def _load(self):
        return self.urlconf_module  # a cached_property: imported once

    @property
    def reverse_dict(self):
        self._load()
        return super().reverse_dict

    @property
    def namespace_dict(self):
        self._load()
        return super().namespace_dict

    @property
    def app_dict(self):
        self._load()
        return super().app_dict

    def _is_callback(self, name):
        self._load()
        return super()._is_callback(name)


def lazy_include(route: str, module: str, *, namespace: str) -> LazyURLResolver:
    """`path(route, include(module))` for a module whose `app_name` is `namespace`, imported on first use."""
    return LazyURLResolver(RoutePattern(route, is_endpoint=False), module, app_name=namespace, namespace=namespace)


def lazy_view(dotted: str, **initkwargs):
    """A view callable that imports `dotted` (a function view or a class view) on its first call.

    Only for views the CSRF middleware checks: it reads the exemption flag from the callable before the
    view's module is imported.
    """

    @cache
    def load():
        target = import_string(dotted)
        return target.as_view(**initkwargs) if hasattr(target, "as_view") else target

    def view(request, *args, **kwargs):
        return load()(request, *args, **kwargs)

    view.__name__ = view.__qualname__ = dotted.rsplit(".", 1)[-1]
    view.__module__ = __name__
    return view
