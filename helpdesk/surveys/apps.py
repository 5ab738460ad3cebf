from django.utils.translation import gettext_lazy as _

from helpdesk.apps import kernel_app_config

SurveysConfig = kernel_app_config("surveys", _("ความพึงพอใจ"), on_ready="reports.register")
