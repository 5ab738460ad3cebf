"""Staff list pages (every process): search, allowlisted filters and sort, pagination, CSV export."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone

from helpdesk.csvexport import csv_response as csv_download

PER_PAGE = 25


@dataclass
class ListSpec:
    search_fields: list[str]
    # name → (label, lookup, choices [(value, label)])
    filters: dict[str, tuple[str, str, list[tuple[str, str]]]]
    # key → (label, order_by fields)
    sorts: dict[str, tuple[str, tuple[str, ...]]]
    default_sort: str
    csv_header: list[str] = field(default_factory=list)
    csv_row: Callable | None = None
    csv_name: str = "export"


def apply_list(request: HttpRequest, queryset: QuerySet, spec: ListSpec) -> tuple[QuerySet, dict]:
    """Filter and sort ``queryset`` from the query string, accepting only what ``spec`` allows."""
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        condition = Q()
        for name in spec.search_fields:
            condition |= Q(**{f"{name}__icontains": q})
        queryset = queryset.filter(condition)
    active_filters = {}
    for name, (_label, lookup, choices) in spec.filters.items():
        value = request.GET.get(name, "")
        if value and value in {str(choice) for choice, _l in choices}:
            queryset = queryset.filter(**{lookup: value})
            active_filters[name] = value
    sort = request.GET.get("sort", spec.default_sort)
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in spec.sorts:
        sort, key, descending = spec.default_sort, spec.default_sort.lstrip("-"), spec.default_sort.startswith("-")
    order = [f"-{f}" if descending else f for f in spec.sorts[key][1]]
    queryset = queryset.order_by(*order, "-pk" if descending else "pk")
    return queryset, {"q": q, "sort": sort, "active_filters": active_filters}


def active_filter_count(params, defaults: dict[str, str]) -> int:
    """How many of the filters named in ``defaults`` (name → the value that means "no filter") the query
    string sets: the number on the phone's filter button (templates/includes/_filter_toggle.html)."""
    count = 0
    for name, default in defaults.items():
        value = (params.get(name) or "").strip()
        if value and value != default:
            count += 1
    return count


def list_context(request: HttpRequest, queryset: QuerySet, spec: ListSpec) -> dict:
    queryset, state = apply_list(request, queryset, spec)
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    sort_params = request.GET.copy()
    sort_params.pop("page", None)
    sort_params.pop("sort", None)
    return {
        "page_obj": page,
        "rows": page.object_list,
        "filters": [
            (name, label, choices, state["active_filters"].get(name, ""))
            for name, (label, _lookup, choices) in spec.filters.items()
        ],
        "sorts": [(key, label) for key, (label, _f) in spec.sorts.items()],
        "query": params.urlencode(),
        "sort_query": sort_params.urlencode(),
        "active_filter_count": len(state["active_filters"]) + (1 if state["q"] else 0),
        **state,
    }


def csv_response(request: HttpRequest, queryset: QuerySet, spec: ListSpec) -> StreamingHttpResponse:
    queryset, _state = apply_list(request, queryset, spec)

    def rows() -> Iterable[list]:
        yield spec.csv_header
        for obj in queryset.iterator(chunk_size=500):
            yield spec.csv_row(obj)

    return csv_download(f"{spec.csv_name}-{timezone.localdate():%Y%m%d}.csv", rows())


def wants_csv(request: HttpRequest) -> bool:
    return request.GET.get("format") == "csv"
