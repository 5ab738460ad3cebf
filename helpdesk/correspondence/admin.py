from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.admin import ReadOnlyAdminMixin

from .models import Agency, IssuedDocument, Register, Signatory

EMBLEM_MAX_BYTES = 2 * 1024 * 1024


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "address", "phone", "fax", "email", "emblem", "separate_memo_register",
                  "unit_letter_form", "default_signer", "default_signer_position"]

    def clean_emblem(self):
        """Only a real PNG or JPEG image, checked by its content (it is embedded in every letter)."""
        emblem = self.cleaned_data.get("emblem")
        if not emblem or not hasattr(emblem, "image"):
            return emblem
        if emblem.size > EMBLEM_MAX_BYTES:
            raise ValidationError(_("ไฟล์ภาพตราต้องมีขนาดไม่เกิน 2 MB"))
        if getattr(emblem.image, "format", None) not in ("PNG", "JPEG"):
            raise ValidationError(_("ภาพตราต้องเป็นไฟล์ PNG หรือ JPEG"))
        return emblem


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    form = AgencyForm
    list_display = ("name", "separate_memo_register", "unit_letter_form")

    def has_add_permission(self, request):
        return not Agency.objects.exists() and super().has_add_permission(request)


@admin.register(Register)
class RegisterAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "prefix")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ("team", "signer", "position")
    autocomplete_fields = ("signer",)


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read only: documents are issued and cancelled through the service, never edited."""

    list_display = ("number", "issued_on", "form", "kind", "subject", "addressee", "cancelled_at")
    list_filter = ("year", "form", "kind")
    search_fields = ("number", "subject", "addressee")
