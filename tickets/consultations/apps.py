from django.utils.translation import gettext_lazy as _

from helpdesk import plugins


class ConsultationsConfig(plugins.PluginConfig):
    name = "tickets.consultations"
    label = "consultations"
    verbose_name = _("บันทึกการให้คำปรึกษาและประเด็นคำถาม")
