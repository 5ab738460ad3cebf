from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartsConfig(AppConfig):
    name = "tickets.parts"
    label = "parts"
    verbose_name = _("อะไหล่และวัสดุคอมพิวเตอร์")

    def ready(self):
        from tickets.parts import integration, letters

        integration.register()
        from helpdesk.reminders import register_source
        from tickets.parts.reminders import part_overdue_notices

        register_source(part_overdue_notices)
        letters.register_letters()
