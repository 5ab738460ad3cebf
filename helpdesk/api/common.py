"""Small pieces the process APIs share: a page form's errors as the API's 400, a service call whose refusal
becomes the API error, and the kernel's event rows (helpdesk.models.StatusEvent) as a timeline."""

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .errors import service_error


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def raise_form_errors(form) -> None:
    """400 with the form's own (Thai) messages under their fields; `__all__` becomes non_field_errors."""
    if not form.is_valid():
        raise serializers.ValidationError({("non_field_errors" if name == "__all__" else name): [str(m) for m in msgs]
                                           for name, msgs in form.errors.items()})


def run_service(step, /, **kwargs):
    """Call a service; its ValidationError (an illegal transition, a taken slot …) becomes the API's 400."""
    try:
        return step(**kwargs)
    except ValidationError as error:
        raise service_error(error) from error


class StatusEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    to_label = serializers.CharField()
    note = serializers.CharField()
    by = serializers.SerializerMethodField()

    def get_by(self, event) -> str:
        return person(event.by) if event.by_id else ""


class TimelineMixin(serializers.Serializer):
    """`events`: the request's kernel events, oldest first (one query)."""

    events = serializers.SerializerMethodField()

    @extend_schema_field(StatusEventSerializer(many=True))
    def get_events(self, obj) -> list[dict]:
        return StatusEventSerializer(obj.events.select_related("by").order_by("at", "pk"), many=True).data
