from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("งานแจ้งซ่อม")

    def ready(self):
        # The asset page shows the repair history when the asset registry offers its section registry.
        try:
            from assets.sections import register_asset_section
        except ImportError:
            return
        from tickets.asset_section import TEMPLATE_NAME, section_context

        register_asset_section(TEMPLATE_NAME, section_context)
