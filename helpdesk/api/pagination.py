"""Cursor pages: stable under inserts, no COUNT(*), a fixed number of queries however deep the client reads."""

from rest_framework.pagination import CursorPagination


class ApiCursorPagination(CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-pk",)
    # A view may offer orderings from an allowlist: `cursor_orderings = {"newest": ("-created_at", "-pk"), …}`,
    # picked with ?sort=; the first is the default.
    sort_query_param = "sort"

    def get_ordering(self, request, queryset, view):
        orderings = getattr(view, "cursor_orderings", None)
        if not orderings:
            return self.ordering
        choice = request.query_params.get(self.sort_query_param, "")
        return orderings.get(choice) or next(iter(orderings.values()))

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        orderings = getattr(view, "cursor_orderings", None)
        if orderings:
            parameters.append({
                "name": self.sort_query_param, "required": False, "in": "query",
                "description": "ลำดับการเรียง", "schema": {"type": "string", "enum": list(orderings)},
            })
        return parameters
