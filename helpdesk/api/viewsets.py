"""The read side every process API shares: a list and an ETag'd detail, read the pages' way.

A process's viewset subclasses :class:`RecordViewSet` and names its list (`visible()`), its access helper
(`fetch`, e.g. ``staticmethod(get_booking_for_user)``: 404 outside) and its two serializers; its write actions
answer with :meth:`RecordViewSet.answer` (the record read again through the access helper).
"""

from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from .etag import ETagRetrieveMixin


class RecordViewSet(ETagRetrieveMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """`serializer_class` for the list, `detail_serializer_class` (when set) for everything else."""

    detail_serializer_class = None
    fetch = None

    def visible(self):
        """The records the caller may list (the page's filters applied)."""
        raise NotImplementedError

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


class UnitRecordSerializer(serializers.ModelSerializer):
    """A record filed by a unit: `unit` (its code) and `unit_name`, for the subclass's Meta.fields to list."""

    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")


class RequestSerializer(UnitRecordSerializer):
    """A process's request (helpdesk.models.ServiceRequest): also its `reference` and `status_label`."""

    reference = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
