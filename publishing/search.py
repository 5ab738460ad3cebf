"""The navbar search's publishing requests (helpdesk.search): the posts the user may see, by reference
(``WEB-00012``) or title."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from helpdesk.search import Hit, register_request_search
from publishing.models import PublishingRequest


def post_hit(obj: PublishingRequest) -> Hit:
    return Hit(obj.number, reverse("publishing:detail", args=[obj.pk]), text=obj.title,
               meta=" · ".join((obj.unit.name, obj.section.name)), badge=obj.display_status())


def register() -> None:
    register_request_search(
        key="publishing", label=_("คำขอเผยแพร่ข้อมูลบนเว็บไซต์"), order=40, prefix="WEB",
        visible=lambda user: PublishingRequest.objects.visible_to(user).select_related("unit", "section"),
        fields=("title",), hit=post_hit, list_url="publishing:list",
    )
