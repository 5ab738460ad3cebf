"""The categories of SPEC §1 with the troubleshooting guides the 000 manual names."""

import csv
from pathlib import Path

# (code, name, kind, parent code or None, guide title), in menu order: the rows of categories.csv.
with (Path(__file__).parent / "categories.csv").open(encoding="utf-8", newline="") as rows:
    DEFAULT_CATEGORIES = [(row["code"], row["name"], row["kind"], row["parent"] or None, row["guide_title"])
                          for row in csv.DictReader(rows)]


DEFAULT_DAYS = {"hardware": 3, "software": 2, "network": 2}


def ensure_default_categories(Category) -> None:
    """Create the default categories that are missing (idempotent; admins' edits are kept)."""
    created = {}
    for order, (code, name, kind, parent, guide) in enumerate(DEFAULT_CATEGORIES):
        category, _ = Category.objects.get_or_create(
            code=code,
            defaults={"name": name, "kind": kind, "parent": created.get(parent), "guide_title": guide,
                      "sort_order": order, "sla_working_days": DEFAULT_DAYS[kind] if parent is None else None},
        )
        created[code] = category
