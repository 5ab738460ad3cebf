from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "tickets.reports"
    label = "reports"
    verbose_name = _("รายงานและแดชบอร์ด")

    def ready(self):
        from tickets.reports import widgets

        widgets.register()
