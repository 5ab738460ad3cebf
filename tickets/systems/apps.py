from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SystemsConfig(AppConfig):
    name = "tickets.systems"
    label = "systems"
    verbose_name = _("การพัฒนาระบบสารสนเทศและทะเบียนระบบ")

    def ready(self):
        from tickets.systems import integration, letters

        integration.register()
        letters.register_letters()
