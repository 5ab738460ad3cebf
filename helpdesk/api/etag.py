"""ETag and If-None-Match on detail answers: the tag is a hash of the representation the user would get."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework import status
from rest_framework.response import Response


def representation_etag(data) -> str:
    payload = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8")
    return '"' + hashlib.sha256(payload).hexdigest()[:40] + '"'


def etag_response(request, data, *, status_code: int = status.HTTP_200_OK) -> Response:
    """200 with the data and its ETag, or 304 without a body when If-None-Match names the same tag.

    The representation depends on who asks (fields hidden from unit users), so caches must key on the
    credentials: Vary on Authorization and Cookie, and private only."""
    etag = representation_etag(data)
    wanted = parse_etags(request.headers.get("If-None-Match", ""))
    if etag in wanted or "*" in wanted:
        response = Response(status=status.HTTP_304_NOT_MODIFIED)
    else:
        response = Response(data, status=status_code)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Authorization", "Cookie", "Accept-Language"))
    return response


class ETagRetrieveMixin:
    """For viewsets: `retrieve` answers through `etag_response`."""

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        return etag_response(request, self.get_serializer(instance).data)
