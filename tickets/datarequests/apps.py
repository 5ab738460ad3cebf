from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class DataRequestsConfig(plugins.PluginConfig):
    name = "tickets.datarequests"
    label = "datarequests"
    verbose_name = _("คำขอข้อมูลสารสนเทศ")
