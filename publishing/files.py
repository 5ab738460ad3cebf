"""Attachment checks by content, not by name: PDF header and structure, a real JPEG/PNG, an OOXML package."""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_ATTACHMENTS = 10
ALLOWED_EXTENSIONS = {".pdf": "pdf", ".jpg": "image", ".jpeg": "image", ".png": "image", ".docx": "docx",
                      ".xlsx": "xlsx"}
OOXML = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
# A decompression bomb in an image or a zip must not exhaust memory.
MAX_IMAGE_PIXELS = 60_000_000
MAX_CONTENT_TYPES_XML = 256 * 1024


def max_upload_bytes() -> int:
    return getattr(settings, "PUBLISHING_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)


@dataclass
class CheckedFile:
    upload: UploadedFile
    name: str
    kind: str
    content_type: str
    size: int
    sha256: str


def _clean_name(name: str) -> str:
    base = PurePosixPath((name or "").replace("\\", "/")).name.strip()
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>|:*?')
    return base[-200:] or "file"


def _read_all(upload: UploadedFile) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise ValidationError(_("ไฟล์นี้ไม่ใช่ PDF จริง (นามสกุล .pdf แต่เนื้อไฟล์ไม่ใช่ PDF)"), code="fake_pdf")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(_("ไม่รับไฟล์ PDF ที่ใส่รหัสผ่าน"), code="encrypted_pdf")
        if len(reader.pages) < 1:
            raise ValidationError(_("ไฟล์ PDF ไม่มีหน้าเอกสาร"), code="empty_pdf")
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise ValidationError(_("ไฟล์ PDF เสียหาย อ่านไม่ได้"), code="broken_pdf") from exc


def _check_image(data: bytes, extension: str) -> str:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("รูปภาพมีขนาดใหญ่เกินไป"), code="image_too_large")
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("ไฟล์นี้ไม่ใช่รูปภาพ JPEG หรือ PNG ที่ถูกต้อง"), code="bad_image") from exc
    expected = "PNG" if extension == ".png" else "JPEG"
    if image_format != expected:
        raise ValidationError(_("เนื้อไฟล์ไม่ตรงกับนามสกุล %(ext)s") % {"ext": extension}, code="image_mismatch")
    return IMAGE_TYPES[image_format]


def _check_ooxml(data: bytes, kind: str) -> str:
    main_type, content_type = OOXML[kind]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_XML:
                raise ValidationError(_("ไฟล์เอกสารไม่ถูกต้อง"), code="bad_ooxml")
            types = package.read(info).decode("utf-8", errors="replace")
            main_part = "word/document.xml" if kind == "docx" else "xl/workbook.xml"
            package.getinfo(main_part)
    except ValidationError:
        raise
    # RuntimeError covers zipfile's refusal of unsupported compression methods.
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise ValidationError(
            _("ไฟล์นี้ไม่ใช่เอกสาร %(kind)s ที่ถูกต้อง") % {"kind": kind.upper()}, code="bad_ooxml"
        ) from exc
    if main_type not in types:
        raise ValidationError(_("ไฟล์นี้ไม่ใช่เอกสาร %(kind)s ที่ถูกต้อง") % {"kind": kind.upper()}, code="bad_ooxml")
    return content_type


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Validate one uploaded file; raise ValidationError with a Thai message when it is not acceptable."""
    name = _clean_name(upload.name)
    extension = PurePosixPath(name).suffix.lower()
    kind = ALLOWED_EXTENSIONS.get(extension)
    if kind is None:
        raise ValidationError(
            _("ไฟล์ %(name)s: รับเฉพาะ PDF, JPEG, PNG, DOCX และ XLSX") % {"name": name}, code="bad_extension"
        )
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("ไฟล์ %(name)s มีขนาด %(size)s เกินกำหนด %(limit)s")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("ไฟล์ %(name)s ว่างเปล่า") % {"name": name}, code="empty")
    data = _read_all(upload)
    try:
        if kind == "pdf":
            _check_pdf(data)
            content_type = "application/pdf"
        elif kind == "image":
            content_type = _check_image(data, extension)
        else:
            content_type = _check_ooxml(data, kind)
    except ValidationError as error:
        raise ValidationError(f"{name}: {error.messages[0]}", code=error.code) from None
    return CheckedFile(
        upload=upload, name=name, kind=kind, content_type=content_type, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
