from itertools import chain

from django.core.paginator import Paginator
from django.utils.http import url_has_allowed_host_and_scheme

from helpdesk import csvexport

PAGE_SIZE = 50


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def sort_param(request, allowed: dict[str, tuple[str, ...]], default: str) -> tuple[str, tuple[str, ...]]:
    """Map the client's ?sort= onto an allowlisted ordering; anything else falls back to the default."""
    key = request.GET.get("sort", default)
    if key not in allowed:
        key = default
    return key, allowed[key]


def csv_response(filename: str, header: list, rows):
    """The parts exports, written by the one CSV writer (helpdesk.csvexport: formulas neutralised)."""
    return csvexport.csv_response(filename, chain([header], rows), stream=False)


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
        return target
    return fallback
