from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class PublishingConfig(plugins.PluginConfig):
    name = "publishing"
    verbose_name = _("การเผยแพร่ข้อมูลบนเว็บไซต์")

    def ready(self):
        super().ready()
        from helpdesk.reminders import register_source
        from publishing import letters, search
        from publishing.reminders import publishing_due_notices

        register_source(publishing_due_notices)
        letters.register_letters()
        search.register()
