"""A technician's saved board filters ("my overdue printers"): a name and the board's query string."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedBoardView(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_views")
    name = models.CharField(_("ชื่อมุมมอง"), max_length=60)
    # Only the board's own filter parameters, cleaned and re-encoded (tickets.views.saved_views.clean_query).
    query = models.CharField(_("ตัวกรอง"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("มุมมองกระดานงานที่บันทึกไว้")
        verbose_name_plural = _("มุมมองกระดานงานที่บันทึกไว้")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_board_view_unique_name_per_user"),
        ]

    def __str__(self) -> str:
        return self.name
