"""The REST API of a process's records in one base viewset: a list and an ETag'd detail, read the pages' way,
write actions answered with the record read again, and a create that runs the page's form and service.

A process's viewset subclasses :class:`RecordViewSet` and names what differs::

    class ChangeRequestViewSet(RecordViewSet):
        queryset = ChangeRequest.objects.none()
        serializer_class, detail_serializer_class = ChangeRequestSerializer, ChangeRequestDetailSerializer
        fetch = staticmethod(get_change_for_user)  # (user, pk) → the record, 404 outside

        def visible(self):
            return ChangeRequest.objects.visible_to(self.request.user)

Its write actions answer with :meth:`RecordViewSet.answer`; a create from the page's form and service is
:meth:`RecordViewSet.create_from_form`. Serializers: :class:`UnitRecordSerializer` (`unit`, `unit_name`),
:class:`RequestSerializer` (`reference`, `status_label`) and :class:`PersonField`.
"""

from django.core.exceptions import ImproperlyConfigured
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from .common import person, raise_form_errors, run_service
from .etag import ETagRetrieveMixin


class RecordViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """`serializer_class` for the list, `detail_serializer_class` (when set) for everything else."""

    detail_serializer_class = None
    fetch = None

    def visible(self):
        """The records the caller may list (the page's filters applied); each process's viewset defines it."""
        raise ImproperlyConfigured(f"{type(self).__name__} must define visible()")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset.none()
        return self.visible()

    def get_serializer_class(self):
        if self.action != "list" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def get_object(self):
        return self.fetch(self.request.user, self.kwargs["pk"])

    def answer(self, obj, code: int = status.HTTP_200_OK) -> Response:
        """A write action's answer: `obj` read again through the access helper, as its detail."""
        fresh = self.fetch(self.request.user, obj.pk)
        serializer = self.detail_serializer_class or self.serializer_class
        return Response(serializer(fresh, context=self.get_serializer_context()).data, status=code)

    def create_from_form(self, form, service, argument: str, /, **fields) -> Response:
        """201 with the new record's detail: the page's `form` (its errors as the 400), the unsaved instance with
        `fields` set, ``service(<argument>=instance, by=user)`` (a refusal as the 400), then :meth:`answer`."""
        raise_form_errors(form)
        obj = form.save(commit=False)
        for name, value in fields.items():
            setattr(obj, name, value)
        run_service(service, **{argument: obj}, by=self.request.user)
        return self.answer(obj, status.HTTP_201_CREATED)


class UnitRecordSerializer(serializers.ModelSerializer):
    """A record filed by a unit: `unit` (its code) and `unit_name`, for the subclass's Meta.fields to list."""

    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")


# Base of a process's request serializer (helpdesk.models.ServiceRequest): its reference (``DR-00042``) and its
# status' label; the subclass's ``Meta.fields`` lists them where it wants them, and the subclass declares its own
# `unit` (or inherits UnitRecordSerializer too). (No docstring: the schema would show it on every subclass.)
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
