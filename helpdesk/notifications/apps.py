from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "helpdesk.notifications"
    label = "notifications"
    verbose_name = _("การแจ้งเตือน")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from helpdesk.notifications import kinds

        kinds.register_defaults()
