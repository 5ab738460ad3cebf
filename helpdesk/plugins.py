"""The app config of a process that plugs into the kernel through its ``integration`` module.

``class MeetingsConfig(plugins.PluginConfig)`` — import the module, not the class (``from helpdesk import
plugins``): Django picks an app's config among the AppConfig classes its ``apps.py`` holds, and a second one
there would hide it.
"""

from importlib import import_module

from django.apps import AppConfig


class PluginConfig(AppConfig):
    """`ready()` calls ``<app>.integration.register()`` (its dashboard widgets, report sections, hooks)."""

    def ready(self):
        import_module(f"{self.name}.integration").register()
