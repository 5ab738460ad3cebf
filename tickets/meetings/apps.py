from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "tickets.meetings"
    label = "meetings"
    verbose_name = _("ห้องประชุมและการประชุมทางไกล")

    def ready(self):
        from tickets.meetings import integration

        integration.register()
