from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "tickets.network"
    label = "network"
    verbose_name = _("คำขอ IP/MAC และบัญชีผู้ใช้")

    def ready(self):
        from tickets.network import integration, letters, search

        integration.register()
        letters.register_letters()
        search.register()
