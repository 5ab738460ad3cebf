from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitRequestsConfig(AppConfig):
    name = "tickets.unitrequests"
    label = "unitrequests"
    verbose_name = _("คำขอใช้/ยืมวัสดุอุปกรณ์ของหน่วยงาน")

    def ready(self):
        from tickets.unitrequests import integration

        integration.register()
