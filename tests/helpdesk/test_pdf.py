"""PDF rendering: Sarabun embedded, Thai and Latin text intact, nothing fetched but static files."""

import base64
import builtins
import io
import re
import shutil
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest
import weasyprint
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from pypdf import PdfReader

from helpdesk import pdf
from helpdesk.pdf import StaticOnlyURLFetcher, pdf_response, render_html, render_pdf
from helpdesk.qr import qr_svg_data_uri

THAI = "ระบบแจ้งซ่อมคอมพิวเตอร์ของสำนักงานเขต ดำเนินการเสร็จสิ้นแล้ว"
LATIN = "Helpdesk 2569 Latin check: ABCxyz-0123"
SAMPLE = {"title": "ใบแจ้งซ่อมอุปกรณ์", "subtitle": "Helpdesk 2569", "paragraphs": [THAI, LATIN]}
STATIC_DIR = Path(django_settings.BASE_DIR) / "static"


def normalise(text: str) -> str:
    # Sara am (ำ) is drawn with the sara aa (า) glyph, so the PDF's ToUnicode map
    # turns one into the other; compare both sides without the distinction.
    # Whitespace goes too: a line break inside the phrase must not matter.
    text = text.replace("ํา", "า").replace("ำ", "า")
    return re.sub(r"\s+", "", text)


def pdf_fonts(data: bytes) -> dict[str, bool]:
    """BaseFont name → whether a font file is embedded, over every page and form XObject."""
    fonts: dict[str, bool] = {}

    def walk(resources) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(data)).pages:
        walk(page.get("/Resources"))
    return fonts


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf("pdf/sample.html", SAMPLE)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection (or to use the default fetcher) fails the test."""

    def explode(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", explode)
    monkeypatch.setattr(socket.socket, "connect_ex", explode)
    monkeypatch.setattr(socket, "create_connection", explode)
    monkeypatch.setattr(socket, "getaddrinfo", explode)
    monkeypatch.setattr(urllib.request, "urlopen", explode)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", explode)
    monkeypatch.setattr(weasyprint.urls.URLFetcher, "fetch", explode)


@pytest.fixture
def opened_files(monkeypatch) -> list[Path]:
    """Paths helpdesk.pdf opens (its global `open` shadows the builtin)."""
    opened: list[Path] = []

    def recording_open(file, *args, **kwargs):
        opened.append(Path(file).resolve())
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(pdf, "open", recording_open, raising=False)
    return opened


@pytest.fixture
def recording_fetcher(monkeypatch) -> dict[str, list[str]]:
    """Swap in a fetcher that records which URLs it served and which it refused."""
    log: dict[str, list[str]] = {"served": [], "refused": []}

    class RecordingFetcher(StaticOnlyURLFetcher):
        def fetch(self, url, headers=None):
            try:
                response = super().fetch(url, headers)
            except ValueError:
                log["refused"].append(url)
                raise
            log["served"].append(url)
            return response

    monkeypatch.setattr(pdf, "StaticOnlyURLFetcher", RecordingFetcher)
    return log


def test_pdf_embeds_sarabun_and_no_fallback_font(sample_pdf, tmp_path):
    assert sample_pdf.startswith(b"%PDF")
    fonts = pdf_fonts(sample_pdf)
    assert fonts, "no fonts found in the PDF"
    # Every font used is an embedded Sarabun: a fallback (DejaVu, Noto, …) would
    # mean some Thai or Latin text was not covered by the merged TTF.
    assert all("Sarabun" in name for name in fonts), fonts
    assert all(fonts.values()), fonts
    # Both faces load (the heading is bold); embedded names carry a subset tag "ABCDEF+".
    faces = {name.split("+", 1)[-1] for name in fonts}
    assert "Sarabun-Bold" in faces, faces
    assert faces & {"Sarabun", "Sarabun-Regular"}, faces

    if shutil.which("pdffonts"):
        path = tmp_path / "sample.pdf"
        path.write_bytes(sample_pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        # name type… encoding emb sub uni object-id generation; skip header and dashes
        rows = [(line.split()[0], line.split()[-5]) for line in out.splitlines()[2:] if line.strip()]
        assert rows, out
        assert all("Sarabun" in name and embedded == "yes" for name, embedded in rows), out


def test_pdf_text_has_thai_and_latin(sample_pdf, tmp_path):
    text = pypdf_text(sample_pdf)
    assert normalise(THAI) in normalise(text)
    # Latin letters and digits come out as themselves, not as Thai glyphs.
    assert LATIN in text
    assert "Helpdesk 2569" in text

    if shutil.which("pdftotext"):
        path = tmp_path / "sample.pdf"
        path.write_bytes(sample_pdf)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert normalise(THAI) in normalise(out)
        assert LATIN in out


def test_fetcher_refuses_everything_but_static_and_data(no_network, opened_files):
    fetcher = StaticOnlyURLFetcher()
    refused = [
        "http://example.com/x.png",
        "https://example.com/static/css/pdf.css",
        "http://helpdesk.invalid/static/css/pdf.css",
        "https://helpdesk.invalid@example.com/static/css/pdf.css",
        "https://helpdesk.invalid/static/../../etc/passwd",
        "https://helpdesk.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://helpdesk.invalid/static/css/..%2f..%2f..%2fetc/passwd",
        "https://helpdesk.invalid/static//etc/passwd",
        "https://helpdesk.invalid/static/",
        "https://helpdesk.invalid/static/no/such/file.css",
        "https://helpdesk.invalid/etc/passwd",
        "https://helpdesk.invalid/media-not-served/x.png",
        "file:///etc/passwd",
        "ftp://example.com/x.png",
        "http://127.0.0.1:9/x.png",
        "../../etc/passwd",
        "/etc/passwd",
    ]
    for url in refused:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert opened_files == []


def test_fetcher_serves_static_files(no_network, opened_files):
    fetcher = StaticOnlyURLFetcher()
    response = fetcher.fetch("https://helpdesk.invalid/static/css/pdf.css?v=2#top")
    assert response.content_type == "text/css"
    assert b"@font-face" in response.read()

    response = fetcher.fetch("https://helpdesk.invalid/static/fonts/Sarabun-Regular.ttf")
    assert response.read() == (STATIC_DIR / "fonts" / "Sarabun-Regular.ttf").read_bytes()
    assert all(path.is_relative_to(STATIC_DIR.resolve()) for path in opened_files), opened_files


def test_fetcher_serves_data_uris(no_network):
    fetcher = StaticOnlyURLFetcher()
    response = fetcher.fetch("data:text/plain;base64," + base64.b64encode("สวัสดี".encode()).decode())
    assert response.read().decode() == "สวัสดี"
    assert response.content_type == "text/plain"

    response = fetcher.fetch("data:,A%20B")
    assert response.read() == b"A B"

    response = fetcher.fetch(qr_svg_data_uri("https://helpdesk.example.go.th/t/1"))
    assert response.content_type == "image/svg+xml"
    assert response.read().startswith(b"<svg")


def test_hostile_resources_are_refused_but_pdf_renders(settings, tmp_path, no_network, opened_files, recording_fetcher):
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "hostile.html").write_text(
        """{% extends "pdf/base.html" %}
{% block head %}<link rel="stylesheet" href="file:///etc/passwd">
<style>@import url("http://127.0.0.1:9/evil.css");</style>{% endblock %}
{% block content %}
<h1>เอกสารทดสอบ Helpdesk 2569</h1>
<img src="http://127.0.0.1:9/x.png" alt="">
<img src="{{ user_src }}" alt="">
<img src="/static/../../../etc/passwd" alt="">
<img src="{{ qr }}" alt="">
{% endblock %}""",
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]},
    ]
    data = render_pdf(
        "pdf/hostile.html", {"user_src": "file:///etc/shadow", "qr": qr_svg_data_uri("https://x.example/1")}
    )

    assert data.startswith(b"%PDF")
    refused = recording_fetcher["refused"]
    assert "file:///etc/passwd" in refused
    assert "http://127.0.0.1:9/evil.css" in refused
    assert "http://127.0.0.1:9/x.png" in refused
    assert "file:///etc/shadow" in refused
    assert "https://helpdesk.invalid/etc/passwd" in refused
    served = recording_fetcher["served"]
    assert "https://helpdesk.invalid/static/css/pdf.css" in served
    assert "https://helpdesk.invalid/static/fonts/Sarabun-Regular.ttf" in served
    assert any(url.startswith("data:image/svg+xml") for url in served)
    assert all(path.is_relative_to(STATIC_DIR.resolve()) for path in opened_files), opened_files
    assert "Helpdesk 2569" in pypdf_text(data)


def test_static_urls_work_in_pdf(recording_fetcher, no_network):
    render_pdf("pdf/sample.html", SAMPLE)
    assert recording_fetcher["refused"] == []
    assert {
        "https://helpdesk.invalid/static/css/pdf.css",
        "https://helpdesk.invalid/static/fonts/Sarabun-Regular.ttf",
        "https://helpdesk.invalid/static/fonts/Sarabun-Bold.ttf",
    } <= set(recording_fetcher["served"])


def test_render_html_escapes_context():
    html = render_html("pdf/sample.html", {"title": "<script>x</script>", "paragraphs": ["<b>ตัวหนา</b>"]})
    assert "<script>x</script>" not in html
    assert "&lt;b&gt;ตัวหนา&lt;/b&gt;" in html
    assert "/static/css/pdf.css" in html


def test_pdf_response_preview_and_pdf():
    request = RequestFactory().get("/tickets/1/pdf/")
    request.user = AnonymousUser()

    preview = pdf_response(request, "pdf/sample.html", SAMPLE, "ticket-1.pdf", preview=True)
    assert preview.status_code == 200
    assert preview["Content-Type"].startswith("text/html")
    assert THAI in preview.content.decode()

    response = pdf_response(request, "pdf/sample.html", SAMPLE, "ticket-1.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'inline; filename="ticket-1.pdf"'

    thai_name = pdf_response(request, "pdf/sample.html", SAMPLE, 'ใบงาน "1".pdf')
    disposition = thai_name["Content-Disposition"]
    assert disposition.startswith("inline; filename*=utf-8''")
    assert '"1"' not in disposition
