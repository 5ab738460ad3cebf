from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class NetworkConfig(plugins.PluginConfig):
    name = "tickets.network"
    label = "network"
    verbose_name = _("คำขอ IP/MAC และบัญชีผู้ใช้")
    hooks = ("integration.register", "letters.register_letters", "search.register")
