"""Fixtures for the publishing workflow: real small files and requests moved through the service."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from publishing import services
from publishing.files import check_upload
from publishing.models import PublishingRequest, Section

ALL_CHECKS = dict.fromkeys(("check_rules", "check_oia", "check_chain", "verify_display", "verify_positions",
                            "verify_fonts", "verify_downloads"), True)


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_bytes(color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, format="PNG")
    return buffer.getvalue()


def ooxml_bytes(kind: str) -> bytes:
    main = {
        "docx": ("word/document.xml",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    }[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/{main[0]}" ContentType="{main[1]}"/></Types>',
        )
        package.writestr(main[0], "<root/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type)


@pytest.fixture
def section(db):
    # get_or_create: a transactional test elsewhere may have flushed the rows the data migration added.
    return Section.objects.get_or_create(slug="news", defaults={"name": "ข่าวประชาสัมพันธ์", "order": 10})[0]


@pytest.fixture
def other_section(db):
    return Section.objects.get_or_create(slug="procurement", defaults={"name": "ประกาศจัดซื้อจัดจ้าง", "order": 20})[0]


@pytest.fixture
def make_request(section):
    """make_request(requester, state="draft", **fields) → a request moved to `state` through the service."""

    def _make(requester, state="draft", *, approver=None, it_head=None, staff=None, files=None, **fields):
        checked = [check_upload(f) for f in (files if files is not None else [upload("ประกาศ.pdf", pdf_bytes())])]
        obj = services.request_create(
            by=requester, title=fields.pop("title", "ประกาศทดสอบ"), body=fields.pop("body", "เนื้อหาประกาศ"),
            body_format=fields.pop("body_format", "plain"), section=fields.pop("section", section),
            wanted_on=fields.pop("wanted_on", timezone.localdate()), expires_on=fields.pop("expires_on", None),
            files=checked,
        )
        path = {
            "draft": [], "submitted": ["submit"], "returned": ["submit", "return"],
            "approved": ["submit", "approve"], "accepted": ["submit", "approve", "accept"],
            "preview": ["submit", "approve", "accept", "preview"],
            "published": ["submit", "approve", "accept", "preview", "publish"],
        }[state]
        actors = {"submit": requester, "approve": approver, "return": approver, "accept": it_head,
                  "preview": staff, "publish": staff}
        for action in path:
            services.request_transition(request=obj, action=action, by=actors[action],
                                        note="เหตุผล" if action == "return" else "", checklist=ALL_CHECKS)
        obj.refresh_from_db()
        return obj

    return _make


@pytest.fixture
def published(make_request, requester_a, supervisor_a, it_head, technician):
    def _published(**fields):
        return make_request(requester_a, "published", approver=supervisor_a, it_head=it_head, staff=technician,
                            **fields)

    return _published


def status_of(obj) -> str:
    return PublishingRequest.objects.values_list("status", flat=True).get(pk=obj.pk)
