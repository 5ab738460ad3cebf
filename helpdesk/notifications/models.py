"""The in-app inbox, each user's channel choice per kind, LINE links and deliveries, reminders sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One notice in one user's inbox."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("ประเภท"), max_length=50)
    subject = models.CharField(_("เรื่อง"), max_length=255)
    message = models.TextField(_("ข้อความ"), blank=True)
    url = models.CharField(_("ลิงก์"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("เมื่อ"), default=timezone.now)
    read_at = models.DateTimeField(_("อ่านเมื่อ"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notif_user_created_idx"),
            models.Index(fields=["user"], condition=models.Q(read_at__isnull=True), name="notif_user_unread_idx"),
        ]

    def __str__(self) -> str:
        return self.subject


class Channel(models.TextChoices):
    INBOX = "inbox", _("เฉพาะกล่องแจ้งเตือน")
    EMAIL = "email", _("อีเมล")
    LINE = "line", _("LINE")


class ChannelPreference(models.Model):
    """A user's channel for one kind of notice; without a row the notice goes by e-mail (and the inbox)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="channel_preferences")
    kind = models.CharField(_("ประเภท"), max_length=50)
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)

    class Meta:
        verbose_name = _("ช่องทางรับการแจ้งเตือน")
        verbose_name_plural = _("ช่องทางรับการแจ้งเตือน")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notif_one_channel_per_kind")]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: {self.channel}"


class LineAccount(models.Model):
    """A user linked to the agency's LINE Official Account (by a one-time code sent to the account)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_account")
    line_user_id = models.CharField(_("LINE user ID"), max_length=64, unique=True)
    linked_at = models.DateTimeField(_("เชื่อมต่อเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("บัญชี LINE ที่เชื่อมต่อ")
        verbose_name_plural = _("บัญชี LINE ที่เชื่อมต่อ")

    def __str__(self) -> str:
        return f"{self.user} ↔ LINE"


class LineLinkCode(models.Model):
    """A one-time code the user sends to the Official Account to link it (valid for a few minutes)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_link_code")
    code = models.CharField(max_length=16, unique=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user}: {self.expires_at:%Y-%m-%d %H:%M}"


class LineDelivery(models.Model):
    """One push to LINE; a failed push is retried with backoff by the task worker."""

    class Status(models.TextChoices):
        PENDING = "pending", _("รอส่ง")
        SENT = "sent", _("ส่งแล้ว")
        FAILED = "failed", _("ส่งไม่สำเร็จ")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    line_user_id = models.CharField(max_length=64)
    text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("การส่ง LINE")
        verbose_name_plural = _("การส่ง LINE")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notif_line_retry_idx")]

    def __str__(self) -> str:
        return f"{self.line_user_id}: {self.status}"


class SentReminder(models.Model):
    """A reminder key already delivered: the scheduled job sends each key once."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=50)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("การเตือนที่ส่งแล้ว")
        verbose_name_plural = _("การเตือนที่ส่งแล้ว")

    def __str__(self) -> str:
        return self.key
