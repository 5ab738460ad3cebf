from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("การเผยแพร่ข้อมูลบนเว็บไซต์")

    def ready(self):
        from publishing import integration, letters, search

        integration.register()
        from helpdesk.reminders import register_source
        from publishing.reminders import publishing_due_notices

        register_source(publishing_due_notices)
        letters.register_letters()
        search.register()
