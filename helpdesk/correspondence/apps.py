from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrespondenceConfig(AppConfig):
    name = "helpdesk.correspondence"
    label = "correspondence"
    verbose_name = _("งานสารบรรณ (หนังสือส่ง)")
    default_auto_field = "django.db.models.BigAutoField"
