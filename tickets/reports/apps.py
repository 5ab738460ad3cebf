from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class ReportsConfig(plugins.PluginConfig):
    name = "tickets.reports"
    label = "reports"
    verbose_name = _("รายงานและแดชบอร์ด")
    hooks = ("widgets.register",)
