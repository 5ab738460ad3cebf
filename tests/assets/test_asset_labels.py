import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from assets.labels import STOCKS
from assets.models import Asset
from tests.assets.conftest import make_asset

LABELS = reverse("assets:labels")


def decode_pdf(pdf: bytes, tmp_path) -> list[str]:
    """Rasterise at 150 dpi with pdftoppm and read every QR code with zbarimg."""
    (tmp_path / "labels.pdf").write_bytes(pdf)
    subprocess.run([shutil.which("pdftoppm") or "pdftoppm", "-r", "150", "-png", str(tmp_path / "labels.pdf"),
                    str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        result = subprocess.run([shutil.which("zbarimg") or "zbarimg", "--quiet", "--raw", "-Sdisable",
                                 "-Sqrcode.enable", str(png)], capture_output=True, text=True)
        found += [line for line in result.stdout.splitlines() if line]
    return found


def decode_labels(pdf: bytes, stock, tmp_path, dpi: int = 200) -> list[str]:
    """Rasterise every page and read each label cell of the stock with zbar (pyzbar).

    zbar misses some codes when it scans a whole page of 24 near-identical codes at once, so each label
    cell is cut out at its position on the sheet; every cell must hold at most one code, and the cells
    after the last label must be empty.
    """
    from PIL import Image
    from pyzbar.pyzbar import ZBarSymbol
    from pyzbar.pyzbar import decode as zbar_decode

    (tmp_path / "cells.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(tmp_path / "cells.pdf"), str(tmp_path / "cell")],
                   check=True)
    scale = dpi / 25.4
    found = []
    for png in sorted(tmp_path.glob("cell*.png")):
        page = Image.open(png).convert("L")
        for index in range(stock.per_page):
            left, top = stock.position(index)
            box = (int(left * scale), int(top * scale), int((left + stock.width) * scale),
                   int((top + stock.height) * scale))
            codes = zbar_decode(page.crop(box), symbols=[ZBarSymbol.QRCODE])
            assert len(codes) <= 1, (png.name, index)
            found += [code.data.decode("ascii") for code in codes]
    return found


def test_label_sheet_for_a_selection_decodes_to_the_asset_pages(login, technician, unit_a, settings, tmp_path):
    settings.SITE_URL = "https://helpdesk.example.go.th"
    assets = [make_asset(unit_a, f"7440-001-{n:04d}/2566") for n in range(1, 5)]
    other = make_asset(unit_a, "7440-009-0001/2566")
    response = login(technician).post(LABELS, {"ids": [a.pk for a in assets], "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    decoded = decode_pdf(response.content, tmp_path)
    expected = {f"https://helpdesk.example.go.th/assets/{a.pk}/?from=qr" for a in assets}
    assert set(decoded) == expected and len(decoded) == 4
    assert f"/assets/{other.pk}/" not in " ".join(decoded)


def test_label_sheet_for_the_current_filter_fills_a4_pages_of_24(login, technician, unit_a):
    Asset.objects.bulk_create([
        Asset(asset_number=f"7440-001-{n:04d}/2566", asset_type=Asset.Type.MONITOR, unit=unit_a, brand="Dell")
        for n in range(1, 31)
    ])
    make_asset(unit_a, "7440-002-0001/2566", asset_type=Asset.Type.PRINTER)
    response = login(technician).get(LABELS + "?asset_type=monitor&format=html")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="sheet"') == 2 and body.count('class="label"') == 30
    assert "7440-002-0001/2566" not in body and "จอภาพ" in body and unit_a.name in body


def test_labels_are_for_staff_and_only_for_visible_assets(login, requester_a, supervisor_a, asset_a, asset_b):
    assert login(requester_a).post(LABELS, {"ids": [asset_a.pk]}).status_code == 403
    assert login(supervisor_a).get(LABELS).status_code == 403


def test_an_empty_selection_goes_back_with_a_message(login, technician):
    response = login(technician).post(LABELS, {"ids": ["abc"]}, follow=True)
    assert "กรุณาเลือกครุภัณฑ์" in response.content.decode()


def test_wrong_method(login, technician):
    assert login(technician).put(LABELS).status_code == 405


def _bulk_assets(unit, count):
    Asset.objects.bulk_create([
        Asset(asset_number=f"7440-{n // 1000:03d}-{n % 1000:04d}/2566", asset_type=Asset.Type.COMPUTER, unit=unit,
              brand="Lenovo", model_name="ThinkCentre M70s Gen 3 Small Form Factor", serial_number=f"PC{n:08d}")
        for n in range(1, count + 1)
    ])
    return list(Asset.objects.filter(unit=unit).order_by("asset_number"))


@pytest.mark.parametrize(("stock", "per_page"), [("a4-3x8", 24), ("a4-2x7", 14), ("a4-3x7", 21)])
def test_every_selected_asset_gets_one_readable_label_on_each_stock(login, technician, unit_a, settings, tmp_path,
                                                                    stock, per_page):
    """109 ticked assets → 109 QR codes decoded from the PDF, one per asset, each opening that asset's page."""
    settings.SITE_URL = "https://helpdesk.example.go.th"
    assets = _bulk_assets(unit_a, 109)
    response = login(technician).post(LABELS, {"ids": [a.pk for a in assets], "format": "pdf", "stock": stock})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    (tmp_path / "labels.pdf").write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(tmp_path / "labels.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"^Pages:\s+{-(-109 // per_page)}$", info, re.MULTILINE), info
    assert "595.276 x 841.89 pts (A4)" in info
    decoded = decode_labels(response.content, STOCKS[stock], tmp_path)
    assert len(decoded) == 109
    assert sorted(decoded) == sorted(f"https://helpdesk.example.go.th/assets/{a.pk}/?from=qr" for a in assets)
    client = login(technician)
    for url in decoded[:3] + decoded[-3:]:
        page = client.get(url.removeprefix("https://helpdesk.example.go.th"))
        asset = Asset.objects.get(pk=int(url.split("/assets/")[1].split("/")[0]))
        assert page.status_code == 200 and asset.asset_number in page.content.decode()


def test_label_positions_stay_on_the_page_for_every_stock():
    for stock in STOCKS.values():
        assert stock.fits(), stock.key
        left, top = stock.position(stock.per_page - 1)
        assert left + stock.width <= 210 and top + stock.height <= 297
        assert stock.qr_size >= 25  # scans from arm's length


def test_label_text_stays_inside_each_label(login, technician, unit_a):
    _bulk_assets(unit_a, 3)
    Asset.objects.filter(unit=unit_a).update(model_name="ก" * 150)
    body = login(technician).get(LABELS + "?format=html&stock=a4-2x7").content.decode()
    assert body.count('class="label"') == 3 and "width: 99.1mm" in body
    assert "white-space: nowrap; overflow: hidden; text-overflow: ellipsis" in body


def test_the_current_filter_prints_through_the_label_form(login, technician, unit_a):
    _bulk_assets(unit_a, 30)
    make_asset(unit_a, "7440-900-0001/2566", asset_type=Asset.Type.PRINTER)
    response = login(technician).post(LABELS + "?asset_type=computer",
                                      {"scope": "filter", "format": "html", "stock": "a4-2x7"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('class="sheet"') == 3 and body.count('class="label"') == 30
    assert "7440-900-0001/2566" not in body


def test_an_unknown_stock_falls_back_to_the_a4_24_sheet(login, technician, unit_a):
    _bulk_assets(unit_a, 25)
    body = login(technician).get(LABELS + "?format=html&stock=<script>").content.decode()
    assert body.count('class="sheet"') == 2 and "<script>" not in body
