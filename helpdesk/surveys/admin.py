from django.contrib import admin

from helpdesk.surveys.models import Answer, Invitation, Question, Response, SurveyService


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1
    fields = ["order", "text", "is_overall", "is_active"]


@admin.register(SurveyService)
class SurveyServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "target_percent", "method", "answer_days", "is_active"]
    list_editable = ["target_percent", "method", "answer_days", "is_active"]
    inlines = [QuestionInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    readonly_fields = ["question", "rating"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["invitation", "score", "answered_at"]
    list_filter = ["invitation__service"]
    readonly_fields = ["invitation", "answered_at", "answered_by", "comment", "score"]
    inlines = [AnswerInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["label", "service", "unit", "team", "created_at"]
    list_filter = ["service"]
    search_fields = ["label"]
    readonly_fields = ["service", "content_type", "object_id", "token", "label", "unit", "team", "served",
                       "provider", "created_at"]
