from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("ทะเบียนครุภัณฑ์")

    def ready(self):
        from assets.reminders import loan_overdue_notices
        from helpdesk.reminders import register_source

        register_source(loan_overdue_notices)
        from assets.letters import register_letters

        register_letters()
        from assets.maintenance_report import register as register_maintenance_report

        register_maintenance_report()
        from assets import search
        search.register()
