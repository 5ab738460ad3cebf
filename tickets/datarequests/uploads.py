"""Uploads of letters and prepared data: recognised by content and size, stored under random names.

The kind of a file (and so the type it is served with) comes from its bytes, never from the client's
name or header; text files that look like HTML are refused, so nothing uploaded is ever rendered.
"""

import re
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from helpdesk.uploads import uuid_path
from tickets.uploads import validate_pdf as _validate_letter_pdf


@dataclass(frozen=True)
class FileKind:
    ext: str
    content_type: str


PDF = FileKind("pdf", "application/pdf")
PNG = FileKind("png", "image/png")
JPEG = FileKind("jpg", "image/jpeg")
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
DOCX = FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ZIP = FileKind("zip", "application/zip")
CSV = FileKind("csv", "text/csv")
KINDS = {kind.ext: kind for kind in (PDF, PNG, JPEG, XLSX, DOCX, ZIP, CSV)}

HTML_MARKERS = re.compile(rb"<\s*(!doctype|html|head|body|script|iframe|svg|meta|object|embed|\?xml)", re.IGNORECASE)


def max_data_file_bytes() -> int:
    return int(getattr(settings, "HELPDESK_DATA_FILE_MAX_MB", 20)) * 1024 * 1024


def letter_upload_to(instance, filename: str) -> str:
    return uuid_path("datarequests/letters", "pdf")


def data_file_upload_to(instance, filename: str) -> str:
    """``datarequests/data/<uuid>.<ext>`` with the extension of the recognised kind (set by the form)."""
    kind = KINDS.get(getattr(instance, "_kind_ext", ""))
    return uuid_path("datarequests/data", kind.ext if kind else "bin")


def validate_letter(upload) -> None:
    """The scanned letter: a real PDF of at most 10 MB."""
    _validate_letter_pdf(upload)


def _read(upload, size: int | None = None) -> bytes:
    upload.seek(0)
    data = upload.read() if size is None else upload.read(size)
    upload.seek(0)
    return data


def _image_ok(upload) -> bool:
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    finally:
        upload.seek(0)


def _zip_kind(upload) -> FileKind | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return ZIP


def _text_kind(upload) -> FileKind | None:
    data = _read(upload)
    if b"\0" in data or HTML_MARKERS.search(data):
        return None
    for encoding in ("utf-8-sig", "cp874"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return CSV
    return None


def classify_data_file(upload) -> FileKind:
    """The kind of a prepared data file: PDF, PNG/JPEG, XLSX/DOCX/ZIP or plain text/CSV; ValidationError otherwise."""
    if upload.size > max_data_file_bytes():
        raise ValidationError(
            _("ไฟล์ %(name)s มีขนาดเกิน %(mb)s MB") % {"name": upload.name, "mb": max_data_file_bytes() // 1048576},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("ไฟล์ %(name)s ว่างเปล่า") % {"name": upload.name}, code="empty")
    head = _read(upload, 262)
    if head.startswith(b"%PDF-"):
        return PDF
    guessed = filetype.guess(head)
    if guessed is not None and guessed.mime in ("image/png", "image/jpeg"):
        if not _image_ok(upload):
            raise ValidationError(_("ไฟล์รูปภาพ %(name)s เสียหาย") % {"name": upload.name}, code="image_broken")
        return PNG if guessed.mime == "image/png" else JPEG
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
        if kind is not None:
            return kind
    elif guessed is None:
        kind = _text_kind(upload)
        if kind is not None:
            return kind
    raise ValidationError(
        _("ไฟล์ %(name)s ไม่ใช่ชนิดที่รับ (PDF, Excel, Word, CSV, ZIP, JPEG, PNG — ตรวจจากเนื้อหาไฟล์)")
        % {"name": upload.name},
        code="file_type",
    )


def display_name(filename: str) -> str:
    """The client's file name for display only: no path, no control characters, at most 200 characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return (name or "file")[:200]
