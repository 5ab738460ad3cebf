"""The ticket's upload fields and limits: photos (JPEG/PNG) and memo scans (PDF), checked by helpdesk.uploads."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from helpdesk.uploads import IMAGE_FORMATS, PDF, BrokenFile, check_size, inspect_image, read_head, sniff

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 5
MAX_MEMO_BYTES = 10 * 1024 * 1024


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
    check_size(upload, limit=MAX_PHOTO_BYTES, too_large=_("ไฟล์ %(name)s ใหญ่เกิน 5 MB") % {"name": upload.name})
    mime = sniff(read_head(upload))
    if mime not in IMAGE_FORMATS:
        raise ValidationError(_("ไฟล์ %(name)s ไม่ใช่รูปภาพ JPEG หรือ PNG") % {"name": upload.name}, code="not_image")
    try:
        if inspect_image(upload).format != IMAGE_FORMATS[mime]:
            raise BrokenFile(mime)
    except BrokenFile as error:
        raise ValidationError(_("ไฟล์ %(name)s เสียหาย") % {"name": upload.name}, code="bad_image") from error
    return mime


def validate_photos(uploads) -> list[tuple]:
    if len(uploads) > MAX_PHOTOS:
        raise ValidationError(_("แนบรูปภาพได้ไม่เกิน %(n)d รูป") % {"n": MAX_PHOTOS}, code="too_many")
    return [(upload, validate_image(upload)) for upload in uploads]


def validate_pdf(upload):
    check_size(upload, limit=MAX_MEMO_BYTES, too_large=_("ไฟล์ใหญ่เกิน 10 MB"))
    if sniff(read_head(upload)) != PDF:
        raise ValidationError(_("ไฟล์ต้องเป็น PDF"), code="not_pdf")
    return upload
