from django import template

from publishing.rendering import render_body

register = template.Library()


@register.filter
def post_body(request_obj):
    """{{ req|post_body }}: the sanitised HTML of a publishing request's text."""
    return render_body(request_obj.body, request_obj.body_format)
