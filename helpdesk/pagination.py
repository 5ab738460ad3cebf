"""A paginator whose COUNT stops at a cap, for lists that grow every year (the job board)."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: `SELECT COUNT(*) FROM (… LIMIT cap + 1)` costs the same at 40,000 tickets as at
    400,000, where a full COUNT grows with every year of history. Past the cap the list says "more than" and
    pages up to the cap; filters and the oldest-first sort reach the rest."""

    def __init__(self, object_list, per_page, *, cap: int = 10_000, **kwargs):
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self) -> int:
        # Without ORDER BY the capped subquery stops after cap + 1 index entries instead of sorting first.
        return min(self.object_list.order_by()[: self.cap + 1].count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        hits = max(1, min(self.count, self.cap) - self.orphans)
        return -(-hits // self.per_page)


class SearchPaginator(CappedPaginator):
    """For text searches: one scan reads the ids of the first `cap` + 1 matches in the list's order; how many there
    are is the count, and the page is a slice of them whose rows `fetch(ids)` reads by primary key. The search
    condition runs once: a COUNT and then a page would each evaluate it over every match.

    `fetch(ids)` returns the rows (with their joins) for those ids, in any order; rows it leaves out are skipped.
    """

    def __init__(self, object_list, per_page, *, fetch, cap: int = 500, **kwargs):
        self.fetch = fetch
        super().__init__(object_list, per_page, cap=cap, **kwargs)

    @cached_property
    def ids(self) -> list:
        return list(self.object_list.prefetch_related(None).values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        return len(self.ids)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= min(self.count, self.cap):
            top = min(self.count, self.cap)
        ids = self.ids[bottom:top]
        rows = {row.pk: row for row in self.fetch(ids)} if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
