from django.contrib import admin

from helpdesk.notifications.models import ChannelPreference, LineAccount, LineDelivery, Notification, SentReminder


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["subject", "user__username"]
    raw_id_fields = ["user"]


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "channel"]
    list_filter = ["kind", "channel"]
    raw_id_fields = ["user"]


@admin.register(LineAccount)
class LineAccountAdmin(admin.ModelAdmin):
    list_display = ["user", "linked_at"]
    raw_id_fields = ["user"]


@admin.register(LineDelivery)
class LineDeliveryAdmin(admin.ModelAdmin):
    list_display = ["pk", "user", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    readonly_fields = ["user", "line_user_id", "text", "attempts", "last_error", "created_at", "sent_at"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "sent_at", "recipients"]
    list_filter = ["kind"]
    search_fields = ["key"]
