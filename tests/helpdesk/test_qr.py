"""QR codes decode back to the URL, in PNG, SVG, template tags and a rendered PDF."""

import base64
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from django.template import engines
from django.utils.encoding import iri_to_uri
from PIL import Image, ImageDraw
from pyzbar import pyzbar

from helpdesk.pdf import html_to_pdf
from helpdesk.qr import qr_png, qr_svg, qr_svg_data_uri

URL = "https://helpdesk.example.go.th/track/HD-2569-00123?k=Zx9_-"
THAI_URL = "https://helpdesk.example.go.th/ติดตาม/HD-2569-00123"
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own generated SVG


def decode(image: Image.Image) -> list[str]:
    return [result.data.decode("utf-8") for result in pyzbar.decode(image)]


def rasterise(svg: str, scale: int = 8) -> Image.Image:
    """Draw qrcode's path output (one "Mx,yHx2Vy2Hxz" square per module) with Pillow."""
    root = parse(svg)
    _, _, width, height = (int(float(v)) for v in root.get("viewBox").split())
    image = Image.new("L", (width * scale, height * scale), 255)
    draw = ImageDraw.Draw(image)
    squares = re.findall(r"M(\d+),(\d+)H(\d+)V(\d+)H\d+z", root.find(f"{SVG}path").get("d"))
    assert squares, "unexpected SVG path format"
    for x1, y1, x2, y2 in squares:
        draw.rectangle(
            (int(x1) * scale, int(y1) * scale, int(x2) * scale - 1, int(y2) * scale - 1),
            fill=0,
        )
    return image


def test_png_decodes_to_input():
    png = qr_png(URL)
    assert png.startswith(b"\x89PNG")
    assert decode(Image.open(io.BytesIO(png))) == [URL]


def test_non_ascii_url_is_percent_encoded():
    # Raw UTF-8 would be guessed as another charset by scanners (zbar: Shift-JIS).
    expected = iri_to_uri(THAI_URL)
    assert expected.isascii()
    assert decode(Image.open(io.BytesIO(qr_png(THAI_URL)))) == [expected]
    assert decode(rasterise(qr_svg(THAI_URL))) == [expected]


def test_png_box_size():
    small = Image.open(io.BytesIO(qr_png(URL, box_size=4)))
    large = Image.open(io.BytesIO(qr_png(URL, box_size=8)))
    assert large.size[0] == 2 * small.size[0]
    assert decode(small) == [URL]


def test_svg_is_inline_svg_that_decodes():
    svg = qr_svg(URL)
    assert svg.startswith("<svg")  # no XML declaration, no "svg:" prefix
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    # No id attributes, so several codes can share one page.
    assert not any(element.get("id") for element in root.iter())
    assert decode(rasterise(svg)) == [URL]


def test_svg_size_and_label():
    assert parse(qr_svg(URL, 30)).get("width") == "30mm"
    root = parse(qr_svg(URL, "2.5cm", label='<b>"ติดตาม"</b>'))
    assert (root.get("width"), root.get("height")) == ("2.5cm", "2.5cm")
    assert root.get("aria-label") == '<b>"ติดตาม"</b>'  # escaped in the markup, intact when parsed
    assert root.get("role") == "img"
    assert parse(qr_svg(URL)).get("aria-hidden") == "true"


@pytest.mark.parametrize("size", ['30mm" onload="alert(1)', "30", "-5mm", "calc(1px)", -1, 0])
def test_svg_size_rejects_non_lengths(size):
    with pytest.raises(ValueError):
        qr_svg(URL, size)


def test_svg_data_uri():
    uri = qr_svg_data_uri(URL)
    prefix = "data:image/svg+xml;base64,"
    assert uri.startswith(prefix)
    svg = base64.b64decode(uri.removeprefix(prefix)).decode("utf-8")
    assert parse(svg).tag == f"{SVG}svg"
    assert decode(rasterise(svg)) == [URL]


def test_template_tag_and_filter():
    template = engines["django"].from_string(
        '{% load qr_tags %}<div>{% qr_svg url size="2cm" label=label %}</div><img src="{{ url|qr_data_uri }}">'
    )
    html = template.render({"url": URL, "label": "<script>"})
    assert '<svg width="2cm" height="2cm"' in html
    assert "<script>" not in html
    assert 'src="data:image/svg+xml;base64,' in html
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    assert decode(rasterise(svg)) == [URL]


def test_qr_in_pdf_decodes(tmp_path):
    html = '<html><body><img src="{}" style="width: 4cm; height: 4cm"> {}</body></html>'.format(
        qr_svg_data_uri(URL), qr_svg(URL, "4cm")
    )
    data = html_to_pdf(html)
    assert data.startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        (tmp_path / "qr.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "qr.pdf"), str(tmp_path / "page")], check=True)
        page = Image.open(next(tmp_path.glob("page*.png")))
        # Both the <img> data URI and the inline <svg> render as scannable codes.
        assert decode(page) == [URL, URL]
