"""Looking at stored files, not only downloading them: the one place that decides how a file is served.

- :func:`serve_file` sends a stored file with the content type its upload check recorded. Only a PDF may be
  shown inline (the browser's own PDF viewer); every other type is an attachment, and anything outside the
  checked types (text/html above all) goes out as ``application/octet-stream``. Always ``nosniff``.
- :func:`image_preview` answers a photo with a re-encoded JPEG of bounded size (a thumbnail or the larger
  view), made with Pillow on the first request and kept in the media storage under ``previews/``. The
  original bytes are never shown inline: whatever rides along in a file (a polyglot, metadata) is dropped.

Access is the caller's: each view fetches the record through its app's access helper first.
"""

import hashlib
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header
from PIL import Image, ImageOps

from helpdesk.uploads import JPEG, PDF, PNG, BrokenFile, inspect_image

OOXML_TYPES = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
})
CHECKED_TYPES = frozenset({PDF, JPEG, PNG}) | OOXML_TYPES
INLINE_TYPES = frozenset({PDF})
IMAGE_TYPES = frozenset({JPEG, PNG})
OCTET_STREAM = "application/octet-stream"
# Longest side in pixels: the thumbnail in a list, the larger view in a dialog or its own tab.
SIZES = {"thumb": 320, "large": 1600}


def _open(field_file):
    if not field_file:
        raise Http404
    try:
        return field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error


def _headers(response: FileResponse, *, private_cache: str) -> FileResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = private_cache
    return response


def serve_file(field_file, *, filename: str, content_type: str, inline: bool = False) -> FileResponse:
    """The stored file: inline only for a PDF asked to be shown, else an attachment; unchecked types as bytes."""
    checked = content_type if content_type in CHECKED_TYPES else OCTET_STREAM
    show = inline and checked in INLINE_TYPES
    response = FileResponse(_open(field_file), content_type=checked)
    response["Content-Disposition"] = content_disposition_header(not show, filename)
    return _headers(response, private_cache="private, no-store")


def preview_name(field_file, size: str) -> str:
    digest = hashlib.sha256(field_file.name.encode()).hexdigest()[:32]
    return f"previews/{size}/{digest}.jpg"


def render_preview(data: bytes, longest_side: int) -> bytes:
    """A JPEG no larger than `longest_side` on either side, upright (EXIF), on white where it was transparent."""
    inspect_image(data)  # BrokenFile, or ImageTooLarge above MAX_IMAGE_PIXELS, before anything is decoded
    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", (longest_side, longest_side))
        picture = ImageOps.exif_transpose(image)
        picture.thumbnail((longest_side, longest_side))
        if picture.mode in ("RGBA", "LA", "P"):
            picture = picture.convert("RGBA")
            background = Image.new("RGB", picture.size, (255, 255, 255))
            background.paste(picture, mask=picture.getchannel("A"))
            picture = background
        elif picture.mode != "RGB":
            picture = picture.convert("RGB")
        out = io.BytesIO()
        picture.save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()


def image_preview(field_file, *, content_type: str, size: str, filename: str) -> FileResponse:
    """The cached JPEG rendition of a checked photo (404 for anything that is not a readable JPEG/PNG)."""
    if content_type not in IMAGE_TYPES or size not in SIZES:
        raise Http404
    storage = field_file.storage
    name = preview_name(field_file, size)
    if not storage.exists(name):
        with _open(field_file) as handle:
            data = handle.read()
        try:
            rendition = render_preview(data, SIZES[size])
        except (BrokenFile, OSError, ValueError, Image.DecompressionBombError) as error:
            raise Http404 from error
        name = storage.save(name, ContentFile(rendition))
    response = FileResponse(storage.open(name, "rb"), content_type=JPEG)
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return _headers(response, private_cache="private, max-age=3600")


@dataclass(frozen=True)
class Preview:
    """One file as includes/_file_preview.html shows it (includes/_file_previews.html: a list of them)."""

    key: str  # unique in the page: the dialog's id
    label: str
    download_url: str
    thumb_url: str = ""  # photos: the thumbnail, and the larger view in a dialog
    large_url: str = ""
    view_url: str = ""  # PDFs: shown in the browser, in a new tab


def open_or_404(field_file):
    """A stored file opened for reading: no file, or one missing from storage, is a 404 (not a 500)."""
    return _open(field_file)
