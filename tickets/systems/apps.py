from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class SystemsConfig(plugins.PluginConfig):
    name = "tickets.systems"
    label = "systems"
    verbose_name = _("การพัฒนาระบบสารสนเทศและทะเบียนระบบ")
    hooks = ("integration.register", "letters.register_letters")
