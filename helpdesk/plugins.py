"""The app config of a process that plugs into the kernel through its ``integration`` module.

``class MeetingsConfig(plugins.PluginConfig)`` — import the module, not the class (``from helpdesk import
plugins``): Django picks an app's config among the AppConfig classes its ``apps.py`` holds, and a second one
there would hide it.

An app that plugs in more than its ``integration`` module says so in two declarative lines::

    hooks = ("integration.register", "letters.register_letters", "search.register")
    reminder_sources = ("reminders.part_overdue_notices",)
"""

from importlib import import_module

from django.apps import AppConfig


class PluginConfig(AppConfig):
    """`ready()` calls each of ``hooks`` (``"<module>.<function>"`` under the app; by default
    ``<app>.integration.register()``: its dashboard widgets, report sections, hooks), then registers each of
    ``reminder_sources`` (``"<module>.<function>"``) with :func:`helpdesk.reminders.register_source`."""

    hooks: tuple[str, ...] = ("integration.register",)
    reminder_sources: tuple[str, ...] = ()

    def _function(self, dotted: str):
        module, name = dotted.rsplit(".", 1)
        return getattr(import_module(f"{self.name}.{module}"), name)

    def ready(self):
        for hook in self.hooks:
            self._function(hook)()
        if self.reminder_sources:
            from helpdesk.reminders import register_source

            for source in self.reminder_sources:
                register_source(self._function(source))
