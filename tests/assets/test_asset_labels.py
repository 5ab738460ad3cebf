import shutil
import subprocess

from django.urls import reverse

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
