from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "helpdesk.surveys"
    label = "surveys"
    verbose_name = _("ความพึงพอใจ")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from helpdesk.surveys import reports

        reports.register()
