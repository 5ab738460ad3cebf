from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class PartsConfig(plugins.PluginConfig):
    name = "tickets.parts"
    label = "parts"
    verbose_name = _("อะไหล่และวัสดุคอมพิวเตอร์")
    hooks = ("integration.register", "letters.register_letters")
    reminder_sources = ("reminders.part_overdue_notices",)
