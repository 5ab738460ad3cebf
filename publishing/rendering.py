"""The post body as HTML: Markdown or plain text, always through the nh3 sanitiser.

markdown and nh3 are imported on first use: tag libraries import this module in every worker.
"""

import html as html_lib
import re

from django.utils.html import escape, linebreaks, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
    "blockquote", "code", "pre", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "img",
    "sub", "sup", "abbr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    import nh3

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_body(body: str, body_format: str) -> SafeString:
    """HTML for a post body. The result is safe because nh3 removed every tag, attribute and
    URL scheme outside the allowlists above (no script, no on* handlers, no javascript: links)."""
    if body_format == "markdown":
        import markdown

        html = markdown.markdown(body or "", extensions=["tables", "sane_lists"], output_format="html")
    else:
        html = linebreaks(escape(body or ""))
    return mark_safe(sanitise(html))  # noqa: S308 — sanitised by nh3 with an allowlist


LINE_END_RE = re.compile(r"<br\s*/?>|</(li|tr)>", re.IGNORECASE)
BLOCK_END_RE = re.compile(r"</(p|h[2-6]|blockquote|pre|ul|ol|table)>", re.IGNORECASE)


def excerpt(body: str, body_format: str, limit: int = 220) -> str:
    """Plain text of the first ``limit`` characters of a post, keeping its line breaks (paragraphs,
    <br>, list items) so the news list reads as the author wrote it. Not HTML: templates escape it and
    turn the newlines into <br> with ``linebreaksbr``."""
    text = str(render_body(body, body_format)).replace("\n", " ")
    text = BLOCK_END_RE.sub("\n\n", LINE_END_RE.sub("\n", text))
    text = html_lib.unescape(strip_tags(text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return Truncator(text).chars(limit)
