"""What knowledge adds to the ticket page: the category's guide, for the technician working the job."""

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


def register() -> None:
    from tickets.detail_sections import register_detail_section

    register_detail_section("knowledge_guide", template="knowledge/includes/_ticket_guide.html",
                            context=ticket_guide_context, order=5)
