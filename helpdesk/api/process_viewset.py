"""The REST API of a process's requests in one declaration: list and detail (ETag) through the pages' own
visibility QuerySet and access helper, and a create that runs the page's form and service.

A process's viewset names what differs::

    class ChangeRequestViewSet(ProcessViewSet):
        queryset = ChangeRequest.objects.none()
        list_serializer, detail_serializer = ChangeRequestSerializer, ChangeRequestDetailSerializer
        access = staticmethod(get_change_for_user)

        def visible(self):
            return ChangeRequest.objects.visible_to(self.request.user)
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from .common import person, raise_form_errors, run_service
from .etag import ETagRetrieveMixin


class ProcessViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    list_serializer = None
    detail_serializer = None
    access = None  # staticmethod(get_x_for_user): (user, pk) → the record, 404 for other units

    def visible(self):
        """The list's QuerySet (the page's ``visible_to(user)`` with its filters)."""
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset.model.objects.none()
        return self.visible()

    def get_serializer_class(self):
        return self.list_serializer if self.action == "list" else self.detail_serializer

    def get_object(self):
        return self.access(self.request.user, self.kwargs["pk"])

    def create_from_form(self, form, service, argument: str, /, **fields) -> Response:
        """201 with the new record's detail: the page's `form` (its errors as the 400), the unsaved instance with
        `fields` set, ``service(<argument>=instance, by=user)`` (a refusal as the 400), then the record read back
        through the access helper."""
        raise_form_errors(form)
        obj = form.save(commit=False)
        for name, value in fields.items():
            setattr(obj, name, value)
        run_service(service, **{argument: obj}, by=self.request.user)
        fresh = self.access(self.request.user, obj.pk)
        return Response(self.detail_serializer(fresh, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)


# Base of a process's request serializer: its reference (``DR-00042``) and its status' label; the subclass's
# ``Meta.fields`` lists them where it wants them. (No docstring: the schema would show it on every subclass.)
class RequestSerializer(serializers.ModelSerializer):
    reference = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")


@extend_schema_field(OpenApiTypes.STR)
class PersonField(serializers.Field):
    """A user field as the user's full name (or username), ``""`` when nobody: :func:`helpdesk.api.common.person`
    without a ``get_<field>`` method each time."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return person(super().get_attribute(instance))

    def to_representation(self, value):
        return value
