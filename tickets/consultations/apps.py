from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "tickets.consultations"
    label = "consultations"
    verbose_name = _("บันทึกการให้คำปรึกษาและประเด็นคำถาม")

    def ready(self):
        from tickets.consultations import integration

        integration.register()
