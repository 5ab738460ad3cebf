from django import template

from publishing.rendering import excerpt, render_body

register = template.Library()


@register.filter
def post_body(request_obj):
    """{{ req|post_body }}: the sanitised HTML of a publishing request's text."""
    return render_body(request_obj.body, request_obj.body_format)


@register.filter
def post_excerpt(request_obj):
    """{{ post|post_excerpt|linebreaksbr }}: the opening of the text as plain text with its line breaks."""
    return excerpt(request_obj.body, request_obj.body_format)
