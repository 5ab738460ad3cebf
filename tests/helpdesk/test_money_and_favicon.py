"""Money is always shown with thousands separators and บาท (one filter, pages and PDFs); the favicon exists
and every page (staff and public) links it."""

from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from helpdesk.pdf import render_pdf
from helpdesk.thai import format_baht
from tests.assets.conftest import make_asset


def test_baht_has_thousands_separators_two_decimals_and_the_currency_word():
    assert format_baht(Decimal("1234567.5")) == "1,234,567.50 บาท"
    assert format_baht(0) == "0.00 บาท"
    assert format_baht(None) == "" and format_baht("abc") == ""
    with translation.override("en"):
        assert format_baht(Decimal("1500")) == "1,500.00 baht"
    rendered = Template("{{ v|baht }} · {{ v|baht|thai_digits }}").render(Context({"v": Decimal("12500.25")}))
    assert rendered == "12,500.25 บาท · ๑๒,๕๐๐.๒๕ บาท"


def test_no_template_formats_money_without_the_filter():
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "|floatformat:2|intcomma" in text or '|floatformat:"2g"' in text:
            offenders.append(str(path))
    assert offenders == []


@pytest.mark.django_db
def test_asset_price_shows_with_separators_and_baht(login, technician, unit_a):
    asset = make_asset(unit_a, "7440-001-0555/2566", price=Decimal("35900.00"))
    page = login(technician).get(reverse("assets:detail", args=[asset.pk])).content.decode()
    assert "35,900.00 บาท" in page


@pytest.mark.django_db
def test_money_in_a_pdf_keeps_separators_and_baht(tmp_path):
    import subprocess

    pdf = render_pdf("pdf/base.html", {})  # the PDF base renders; money goes through the same filter
    assert pdf.startswith(b"%PDF")
    html = Template('{% extends "pdf/base.html" %}{% block content %}<p>{{ v|baht }}</p>{% endblock %}')
    from helpdesk.pdf import html_to_pdf

    (tmp_path / "m.pdf").write_bytes(html_to_pdf(html.render(Context({"v": Decimal("1234.5")}))))
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True).stdout
    assert "1,234.50 บาท" in text


def test_the_favicon_files_exist():
    for name in ("img/favicon.ico", "img/favicon.svg", "img/apple-touch-icon.png"):
        assert finders.find(name), name
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


@pytest.mark.django_db
def test_staff_and_public_pages_link_the_favicon(login, technician):
    from django.test import Client

    client = Client()
    for page in (client.get(reverse("login")), login(technician).get(reverse("home"), follow=True)):
        body = page.content.decode()
        assert 'rel="icon"' in body and "img/favicon.svg" in body and "img/favicon.ico" in body
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.ico")
