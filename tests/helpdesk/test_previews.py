"""helpdesk.previews: a stored file is served with its checked type, inline only as a PDF, never as HTML;
photos are looked at through a bounded JPEG made once and kept."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from PIL import Image

from helpdesk.previews import SIZES, image_preview, preview_name, render_preview, serve_file


class Stored:
    """A FieldFile's surface (name, storage, open, truthiness) over the default storage."""

    def __init__(self, name: str, data: bytes):
        self.name = default_storage.save(name, ContentFile(data))
        self.storage = default_storage

    def __bool__(self):
        return True

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)


def photo_bytes(size=(4000, 3000), fmt="JPEG", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (20, 120, 200) if mode == "RGB" else (20, 120, 200, 0)).save(buffer, format=fmt)
    return buffer.getvalue()


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_pdf_is_shown_inline_only_when_asked_and_always_with_nosniff(tmp_path):
    stored = Stored("docs/a.pdf", b"%PDF-1.4 fake")
    shown = serve_file(stored, filename="บันทึก.pdf", content_type="application/pdf", inline=True)
    assert shown["Content-Type"] == "application/pdf"
    assert shown["Content-Disposition"].startswith("inline")
    assert shown["X-Content-Type-Options"] == "nosniff" and "no-store" in shown["Cache-Control"]
    downloaded = serve_file(stored, filename="บันทึก.pdf", content_type="application/pdf")
    assert downloaded["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("content_type", ["image/png", "image/jpeg",
                                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document"])
def test_other_checked_types_are_attachments_even_when_inline_is_asked(content_type):
    response = serve_file(Stored("docs/a.bin", b"data"), filename="a", content_type=content_type, inline=True)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("content_type", ["text/html", "image/svg+xml", "application/xhtml+xml", "", "text/plain"])
def test_an_unchecked_type_goes_out_as_bytes_to_save_never_as_a_page(content_type):
    response = serve_file(Stored("docs/x.html", b"<html><script>alert(1)</script></html>"), filename="x.html",
                          content_type=content_type, inline=True)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_missing_file_is_404():
    class Gone(Stored):
        def open(self, mode="rb"):
            raise FileNotFoundError

    with pytest.raises(Http404):
        serve_file(Gone("docs/gone.pdf", b"%PDF-"), filename="g.pdf", content_type="application/pdf")


def test_previews_are_bounded_jpegs_upright_and_white_where_transparent():
    for size in SIZES.values():
        with Image.open(io.BytesIO(render_preview(photo_bytes(), size))) as image:
            assert image.format == "JPEG" and max(image.size) == size
    with Image.open(io.BytesIO(render_preview(photo_bytes((50, 40), "PNG", "RGBA"), 320))) as image:
        assert image.size == (50, 40)  # never enlarged
        assert image.mode == "RGB" and image.getpixel((10, 10)) > (240, 240, 240)


def test_a_preview_is_made_on_the_first_request_then_kept():
    stored = Stored("photos/p.jpg", photo_bytes())
    first = image_preview(stored, content_type="image/jpeg", size="thumb", filename="p-thumb.jpg")
    data = body(first)
    assert first["Content-Type"] == "image/jpeg" and first["Content-Disposition"].startswith("inline")
    assert first["X-Content-Type-Options"] == "nosniff"
    name = preview_name(stored, "thumb")
    assert default_storage.exists(name)
    with default_storage.open(name, "wb") as handle:  # served from the kept copy, not made again
        handle.write(data + b"kept")
    again = image_preview(stored, content_type="image/jpeg", size="thumb", filename="p-thumb.jpg")
    assert body(again).endswith(b"kept")


def test_a_polyglot_photo_is_re_encoded_and_what_rode_along_is_dropped():
    stored = Stored("photos/poly.png", photo_bytes((64, 64), "PNG") + b"<html><script>alert(1)</script></html>")
    data = body(image_preview(stored, content_type="image/png", size="large", filename="x.jpg"))
    assert data.startswith(b"\xff\xd8") and b"<script>" not in data


@pytest.mark.parametrize(("data", "content_type", "size"), [
    (b"<html>not an image</html>", "image/png", "thumb"),  # broken
    (photo_bytes((64, 64)), "application/pdf", "thumb"),  # not a photo
    (photo_bytes((64, 64)), "image/jpeg", "huge"),  # unknown size
])
def test_what_cannot_be_previewed_is_404(data, content_type, size):
    with pytest.raises(Http404):
        image_preview(Stored("photos/bad.png", data), content_type=content_type, size=size, filename="b.jpg")


def test_a_decompression_bomb_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr("helpdesk.uploads.MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(Http404):
        image_preview(Stored("photos/bomb.png", photo_bytes((100, 100), "PNG")), content_type="image/png",
                      size="thumb", filename="b.jpg")
