from django.utils.translation import gettext_lazy as _

from helpdesk.apps import kernel_app_config

NotificationsConfig = kernel_app_config("notifications", _("การแจ้งเตือน"), on_ready="kinds.register_defaults")
