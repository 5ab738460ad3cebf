from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class PublishingConfig(plugins.PluginConfig):
    name = "publishing"
    verbose_name = _("การเผยแพร่ข้อมูลบนเว็บไซต์")
    hooks = ("integration.register", "letters.register_letters", "search.register")
    reminder_sources = ("reminders.publishing_due_notices",)
