"""Upload checks by content, not by name: photos (JPEG/PNG) and memo scans (PDF)."""

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 5
MAX_MEMO_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png", "multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def validate_image(upload) -> str:
    """Return the content type of a JPEG/PNG upload of at most 5 MB; ValidationError otherwise."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("ไฟล์ %(name)s ใหญ่เกิน 5 MB") % {"name": upload.name}, code="too_big")
    upload.seek(0)
    head = upload.read(261)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in IMAGE_TYPES:
        raise ValidationError(_("ไฟล์ %(name)s ไม่ใช่รูปภาพ JPEG หรือ PNG") % {"name": upload.name}, code="not_image")
    try:
        with Image.open(upload) as image:
            if image.format != IMAGE_TYPES[kind.mime]:
                raise ValidationError(_("ไฟล์ %(name)s เสียหาย") % {"name": upload.name}, code="bad_image")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("ไฟล์ %(name)s เสียหาย") % {"name": upload.name}, code="bad_image") from error
    finally:
        upload.seek(0)
    return kind.mime


def validate_photos(uploads) -> list[tuple]:
    if len(uploads) > MAX_PHOTOS:
        raise ValidationError(_("แนบรูปภาพได้ไม่เกิน %(n)d รูป") % {"n": MAX_PHOTOS}, code="too_many")
    return [(upload, validate_image(upload)) for upload in uploads]


def validate_pdf(upload):
    if upload.size > MAX_MEMO_BYTES:
        raise ValidationError(_("ไฟล์ใหญ่เกิน 10 MB"), code="too_big")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("ไฟล์ต้องเป็น PDF"), code="not_pdf")
    return upload
