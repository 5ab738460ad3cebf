"""The ticket page's guide section: the troubleshooting guide (a knowledge article) of the ticket's category,
for the technician working the job. Registered by the tickets app; knowledge sits below tickets and never imports it."""

from helpdesk.roles import is_service_staff


def ticket_guide_context(request, ticket) -> dict | None:
    """The guide of the ticket's category (any published audience) for service staff; None for others. One query."""
    from publishing.knowledge.models import Article

    if not (request.user.is_superuser or is_service_staff(request.user)):
        return None
    guide_id = ticket.category.guide_id
    if guide_id is None:
        return None
    guide = Article.objects.filter(pk=guide_id, status=Article.Status.PUBLISHED).first()
    return {"guide": guide, "ticket": ticket} if guide else None


def published_guides(current_id):
    """The guides a technician may pick as "guide followed": the published ones and the one already chosen."""
    from django.db.models import Q

    from publishing.knowledge.models import Article

    return Article.objects.guides().filter(Q(status=Article.Status.PUBLISHED) | Q(pk=current_id)).order_by("title")


def register() -> None:
    from publishing.knowledge.access import guide_for_category
    from tickets.plugins.guides import register_guide_provider
    from tickets.plugins.sections import register_detail_section

    register_guide_provider(guide_for=guide_for_category, choices=published_guides)

    register_detail_section("knowledge_guide", template="knowledge/includes/_ticket_guide.html",
                            context=ticket_guide_context, order=5)
