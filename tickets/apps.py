from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TicketsConfig(AppConfig):
    name = "tickets"
    verbose_name = _("งานแจ้งซ่อม")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from tickets.models import Ticket, TicketEvent
        from tickets.tracking import cache as tracking_cache

        post_save.connect(tracking_cache.ticket_saved, sender=Ticket, dispatch_uid="tracking_cache_ticket")
        post_save.connect(tracking_cache.event_changed, sender=TicketEvent, dispatch_uid="tracking_cache_event")
        post_delete.connect(tracking_cache.event_changed, sender=TicketEvent, dispatch_uid="tracking_cache_event_del")
        from helpdesk.reminders import register_source
        from tickets.reminders import callback_due_notices, ticket_due_notices

        register_source(ticket_due_notices)
        register_source(callback_due_notices)

        from tickets.letters import register_letters

        register_letters()

        from tickets import search

        search.register()

        from assets.repairs import register_repair_opener
        from tickets.plugins.maintenance import open_repair_from_maintenance

        register_repair_opener(open_repair_from_maintenance)

        # The asset page shows the repair history when the asset registry offers its section registry.
        try:
            from assets.sections import register_asset_section
        except ImportError:
            return
        from tickets.plugins.asset_section import TEMPLATE_NAME, section_context

        register_asset_section(TEMPLATE_NAME, section_context)
