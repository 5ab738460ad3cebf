"""Upload checks by content and size: the one place where a received file is recognised.

A file is judged by its bytes, never by its name or the browser's content type:

- :func:`sniff` reads the magic bytes (PDF, JPEG, PNG, ZIP);
- :func:`inspect_image` decodes an image with Pillow (format, pixel count); a broken image raises
  :class:`BrokenFile`, a decompression bomb :class:`ImageTooLarge`;
- :func:`pdf_problem` opens a PDF's structure with pypdf, :func:`ooxml_problem` a DOCX/XLSX package;
- :func:`check_size` refuses a too large (and optionally an empty) file.

Each app's form validators (``tickets.uploads``, ``tickets.network.uploads``, ``publishing.files``) call
these and keep only their limits and their Thai wording. Stored files get random names
(:func:`random_name`) and are served as attachments, never inline as HTML.
"""

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header
from PIL import Image, UnidentifiedImageError

PDF_MAGIC = b"%PDF-"
PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
ZIP = "application/zip"
IMAGE_FORMATS = {JPEG: "JPEG", PNG: "PNG"}  # content type → Pillow's format name
# A decompression bomb in an image or a zip must not exhaust memory.
MAX_IMAGE_PIXELS = 60_000_000
MAX_CONTENT_TYPES_XML = 256 * 1024
OOXML = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"),
}


class BrokenFile(ValueError):
    """The file claims a type by its first bytes but cannot be read as one."""


class ImageTooLarge(BrokenFile):
    """More pixels than MAX_IMAGE_PIXELS: refused before decoding (a decompression bomb)."""


@dataclass(frozen=True)
class ImageInfo:
    format: str  # Pillow's name: "JPEG", "PNG", …
    pixels: int


def read_head(upload, size: int = 262) -> bytes:
    """The first `size` bytes, leaving the file at its start."""
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def sniff(data: bytes) -> str | None:
    """The content type the bytes show (``application/pdf``, ``image/jpeg``, ``image/png``,
    ``application/zip`` …), or None when unknown. Needs the first 262 bytes at least."""
    if data.startswith(PDF_MAGIC):
        return PDF
    kind = filetype.guess(data[:262])
    return kind.mime if kind is not None else None


def check_size(upload, *, limit: int, too_large, empty=None) -> None:
    """Refuse a file over `limit` bytes (code ``too_large``) and, when `empty` is given, an empty one (``empty``)."""
    if upload.size > limit:
        raise ValidationError(too_large, code="too_large")
    if empty is not None and upload.size == 0:
        raise ValidationError(empty, code="empty")


def inspect_image(source) -> ImageInfo:
    """Decode an image (an upload or bytes) far enough to trust it; :class:`BrokenFile` when it does not
    decode, :class:`ImageTooLarge` when it has more than MAX_IMAGE_PIXELS pixels."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        stream.seek(0)
        with Image.open(stream) as image:
            info = ImageInfo(image.format, image.width * image.height)
            if info.pixels > MAX_IMAGE_PIXELS:
                raise ImageTooLarge(f"{info.pixels} pixels")
            image.verify()
    except ImageTooLarge:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise BrokenFile(str(error)) from error
    finally:
        stream.seek(0)
    return info


def pdf_problem(data: bytes) -> str | None:
    """None for a readable PDF with pages, else ``"encrypted"``, ``"empty"`` or ``"broken"``."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return "encrypted"
        if len(reader.pages) < 1:
            return "empty"
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        return "broken"
    return None


def ooxml_problem(data: bytes, kind: str) -> str | None:
    """None when `data` is a DOCX/XLSX package (`kind`) with its main part, else ``"broken"``."""
    main_type, main_part = OOXML[kind]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_XML:
                return "broken"
            types = package.read(info).decode("utf-8", errors="replace")
            package.getinfo(main_part)
    # RuntimeError covers zipfile's refusal of unsupported compression methods.
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError):
        return "broken"
    return None if main_type in types else "broken"


def random_name(folder: str, filename: str, *, extensions=frozenset({"pdf", "jpg", "jpeg", "png"})) -> str:
    """``<folder>/<uuid>.<ext>``: the client's file name is never used for storage (``bin`` for other endings)."""
    ext = PurePath(filename).suffix.lower().lstrip(".")
    return f"{folder}/{uuid.uuid4().hex}.{ext if ext in extensions else 'bin'}"


def attachment(field_file, download_name: str) -> FileResponse:
    """A stored file as an attachment (never inline, never from a public URL)."""
    if not field_file:
        raise Http404
    ext = field_file.name.rsplit(".", 1)[-1].lower()
    content_type = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}.get(
        ext, "application/octet-stream"
    )
    return stored_download(field_file, f"{download_name}.{ext}", content_type)


def uuid_path(folder: str, ext: str) -> str:
    """``<folder>/<uuid>.<ext>``: the body of an ``upload_to`` whose extension the content decided."""
    return f"{folder}/{uuid.uuid4().hex}.{ext}"


def stored_download(field_file, filename: str, content_type: str, *, sandbox: bool = False) -> FileResponse:
    """A stored file as an attachment called `filename`, served as `content_type` (never sniffed, never cached);
    404 when there is no file or it is gone from the storage. `sandbox`: a CSP that lets nothing in it run."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    if sandbox:
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
