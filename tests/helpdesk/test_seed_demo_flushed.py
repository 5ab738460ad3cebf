"""seed_demo on a flushed database: every app's demo recreates the master data that data migrations made
(role groups, repair categories, website menus, stock officer permissions) and a second run changes nothing."""

import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from helpdesk.roles import Role
from publishing.models import Section
from publishing.sections import DEFAULT_SECTIONS
from tickets.categories import DEFAULT_CATEGORIES
from tickets.models import Category
from tickets.parts.defaults import STOCK_OFFICER_PERMISSIONS

pytestmark = pytest.mark.django_db(transaction=True)


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}


def test_seed_demo_rebuilds_a_flushed_database_and_is_idempotent():
    call_command("flush", interactive=False, verbosity=0)
    assert not Group.objects.exists() and not Category.objects.exists() and not Section.objects.exists()

    call_command("seed_demo", stdout=io.StringIO())
    first = _row_counts()
    assert set(Group.objects.values_list("name", flat=True)) == set(Role.values)
    assert set(Category.objects.values_list("code", flat=True)) == {row[0] for row in DEFAULT_CATEGORIES}
    assert set(Section.objects.values_list("slug", flat=True)) >= {row[0] for row in DEFAULT_SECTIONS}
    granted = {f"{p.content_type.app_label}.{p.codename}"
               for p in Permission.objects.filter(group__name=Role.STOCK_OFFICER).select_related("content_type")}
    assert granted == set(STOCK_OFFICER_PERMISSIONS)
    # Every app's demo left something behind.
    for label in ("helpdesk.Unit", "assets.Asset", "tickets.Ticket", "parts.PartRequest", "network.IPRequest",
                  "network.AccountRequest", "publishing.PublishingRequest"):
        assert first[label] > 0, label

    call_command("seed_demo", stdout=io.StringIO())
    second = _row_counts()
    changed = {label: (first[label], second[label]) for label in first if first[label] != second[label]}
    assert changed == {}
