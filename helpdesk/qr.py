"""QR codes for tracking links, as inline SVG, PNG or a data: URI.

The SVG is usable inline in pages and as an <img src="data:..."> in both
browsers and WeasyPrint PDFs. qrcode (with Pillow, ~5 MiB) is imported when a code is first made: the
template engine loads this module's tag library in every worker, and most never draw a code.
"""

import base64
import io
import re
import xml.etree.ElementTree as ET  # noqa: S405 - only parses SVG that qrcode just generated

from django.utils.encoding import iri_to_uri

SVG_NS = "http://www.w3.org/2000/svg"
# A plain CSS length; anything else could smuggle markup into the SVG attributes.
CSS_LENGTH_RE = re.compile(r"\d+(\.\d+)?(mm|cm|in|pt|pc|px|em|rem|%)")


def _qr(data: str, **kwargs):
    import qrcode

    # qrcode writes UTF-8 bytes without an ECI marker, and scanners then guess
    # the charset (zbar reads Thai as Shift-JIS). URLs are percent-encoded to
    # plain ASCII instead, which every scanner and browser reads the same way.
    if re.match(r"https?://", data, re.IGNORECASE):
        data = iri_to_uri(data)
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, **kwargs)
    code.add_data(data)
    code.make(fit=True)
    return code


def _css_size(size: str | float | None) -> str | None:
    if size is None:
        return None
    if isinstance(size, int | float):
        if size <= 0:
            raise ValueError(f"QR size must be positive: {size!r}")
        return f"{size:g}mm"
    size = size.strip()
    if not CSS_LENGTH_RE.fullmatch(size):
        raise ValueError(f"QR size must be a CSS length such as '30mm': {size!r}")
    return size


def qr_svg(data: str, size: str | float | None = None, *, label: str | None = None) -> str:
    """Return an inline ``<svg>`` element (no XML declaration) encoding ``data``.

    ``size`` is a number of millimetres or a CSS length (``"30mm"``, ``"100%"``);
    by default the SVG is one millimetre per module. ``label`` becomes the
    accessible name (aria-label), escaped.
    """
    # The Fill variant paints a white background, so the code (and its quiet
    # zone) still scans when placed on a dark or tinted surface.
    import qrcode.image.svg

    image = _qr(data, image_factory=qrcode.image.svg.SvgPathFillImage).make_image()
    root = ET.fromstring(image.to_string(encoding="unicode"))  # noqa: S314 - our own output
    for element in root.iter():
        # Unprefixed tags: HTML parsers ignore namespace prefixes such as <svg:svg>.
        element.tag = element.tag.removeprefix(f"{{{SVG_NS}}}")
        # qrcode names its path id="qr-path"; several codes on one page would clash.
        element.attrib.pop("id", None)
    root.set("xmlns", SVG_NS)
    css_size = _css_size(size)
    if css_size:
        root.set("width", css_size)
        root.set("height", css_size)
    if label:
        root.set("role", "img")
        root.set("aria-label", label)
    else:
        root.set("aria-hidden", "true")
    return ET.tostring(root, encoding="unicode")


def qr_png(data: str, box_size: int = 8) -> bytes:
    from qrcode.image.pil import PilImage

    image = _qr(data, box_size=box_size, image_factory=PilImage).make_image()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def qr_svg_data_uri(data: str, size: str | float | None = None) -> str:
    """Return ``data:image/svg+xml;base64,...`` for use in ``<img src>``."""
    svg = qr_svg(data, size)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
