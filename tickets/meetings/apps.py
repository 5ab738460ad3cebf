from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class MeetingsConfig(plugins.PluginConfig):
    name = "tickets.meetings"
    label = "meetings"
    verbose_name = _("ห้องประชุมและการประชุมทางไกล")
