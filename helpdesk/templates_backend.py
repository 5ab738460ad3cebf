"""The site's Django template engines (pages, form widgets): Django's, without the tag libraries of apps whose
HTML pages are not served.

Django imports every installed app's `templatetags` package when the engine starts. Django REST framework's
(`{% load rest_framework %}`, for its browsable API) imports its renderers and serializers, ~7 MiB in every
worker, although the API here answers JSON only; without it the framework loads with the first /api/ request
(helpdesk.lazyurls).
"""

from importlib import import_module

from django.apps import apps
from django.forms import renderers
from django.template.backends.django import DjangoTemplates, get_package_libraries

# Apps whose template tags only their own unused HTML pages load.
UNUSED_TAG_LIBRARY_APPS = frozenset({"rest_framework"})


class SiteTemplates(DjangoTemplates):
    def get_templatetag_libraries(self, custom_libraries):
        libraries = {}
        packages = ["django.templatetags"]
        packages += [f"{config.name}.templatetags" for config in apps.get_app_configs()
                     if config.name not in UNUSED_TAG_LIBRARY_APPS]
        for package in packages:
            try:
                module = import_module(package)
            except ImportError:
                continue  # the app has no template tags
            if hasattr(module, "__path__"):
                for name in get_package_libraries(module):
                    libraries[name.removeprefix(package).lstrip(".")] = name
        libraries.update(custom_libraries)
        return libraries


class SiteFormRenderer(renderers.DjangoTemplates):
    """Django's default form renderer (its own engine for the widget templates) on the engine above."""

    backend = SiteTemplates
