from django import template

from helpdesk.menu import Viewer, visible_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's areas and entries for the signed-in user (helpdesk.menu.MAIN_MENU)."""
    return visible_menu(Viewer(context["user"], context.get("roles") or frozenset(), context.get("my_unit")))
