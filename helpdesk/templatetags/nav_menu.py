from django import template

from helpdesk.menu import Viewer, menu_html

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's areas and entries for the signed-in user (helpdesk.menu.MAIN_MENU), as markup."""
    match = getattr(context.get("request"), "resolver_match", None)
    viewer = Viewer(context["user"], context.get("roles") or frozenset(), context.get("my_unit"))
    return menu_html(viewer, getattr(match, "namespace", "") or "")
