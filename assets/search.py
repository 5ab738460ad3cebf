"""The navbar search's asset results (helpdesk.search): assets the user may see, by AssetQuerySet.search."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assets.models import Asset
from helpdesk.search import Hit, SearchProvider, register_search_provider

COLUMNS = ("asset_number", "brand", "model_name", "serial_number", "custodian", "status", "unit__name")


def search_assets(user, term: str, limit: int) -> list[Hit]:
    assets = (Asset.objects.visible_to(user).search(term).select_related("unit").only(*COLUMNS)
              .order_by("asset_number")[:limit])
    return [
        Hit(
            title=asset.asset_number,
            url=reverse("assets:detail", args=[asset.pk]),
            text=" ".join(part for part in (asset.brand, asset.model_name) if part),
            meta=" · ".join(part for part in (
                asset.unit.name, f"S/N {asset.serial_number}" if asset.serial_number else "", asset.custodian) if part),
            badge=asset.get_status_display(),
        )
        for asset in assets
    ]


def more_assets(term: str) -> str:
    return f"{reverse('assets:list')}?{urlencode({'q': term})}"


def register() -> None:
    register_search_provider(SearchProvider(key="assets", label=_("ครุภัณฑ์"), search=search_assets,
                                            more_url=more_assets, order=20))
