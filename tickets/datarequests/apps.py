from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataRequestsConfig(AppConfig):
    name = "tickets.datarequests"
    label = "datarequests"
    verbose_name = _("คำขอข้อมูลสารสนเทศ")

    def ready(self):
        from tickets.datarequests import integration

        integration.register()
