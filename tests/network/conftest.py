import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tickets.network.defaults import ensure_default_services
from tickets.network.models import IPRequest, ReservedRange, Service, Subnet
from tickets.network.services import ip_request_create

PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf_upload(name="memo.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name="card.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 10, 10)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_pdf_upload(name="memo.pdf"):
    return SimpleUploadedFile(name, b"MZ\x90\x00 this is an exe renamed", content_type="application/pdf")


@pytest.fixture
def subnet(db):
    subnet = Subnet.objects.create(name="เขตบางเขน", cidr="10.50.1.0/24", gateway="10.50.1.1")
    ReservedRange.objects.create(subnet=subnet, start="10.50.1.1", end="10.50.1.20", purpose="สวิตช์")
    return subnet


@pytest.fixture
def internet(db):
    # The default services come from the data migration (network 0002); a transactional test that runs after
    # another one's flush has lost them, so make sure they are there (idempotent, as the migration is).
    ensure_default_services(Service)
    return Service.objects.get(code="internet")


@pytest.fixture
def email_service(db):
    ensure_default_services(Service)
    return Service.objects.get(code="email", issues_email=True)


@pytest.fixture
def make_ip_request(db):
    def _make(user, unit, mac="3c:52:82:10:00:01", **extra):
        request = IPRequest(
            unit=unit, requested_by=user, device_description="คอมพิวเตอร์ตั้งโต๊ะ", device_user="สมศรี ใจดี",
            mac_address=mac, location="ชั้น 1", purpose="ใช้ระบบ MIS", memo_number="กท 5001/123",
            memo_date="2026-11-01", **extra,
        )
        request.memo_file.save("memo.pdf", pdf_upload(), save=False)
        return ip_request_create(request=request, by=user)

    return _make
