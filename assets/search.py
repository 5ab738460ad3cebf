"""The navbar search's asset results (helpdesk.search): assets the user may see, by AssetQuerySet.search."""

from django.utils.translation import gettext_lazy as _

from assets.models import Asset
from helpdesk.search import RecordSearch

COLUMNS = ("asset_number", "brand", "model_name", "serial_number", "custodian", "status", "unit__name")

ASSET_SEARCH = RecordSearch(
    key="assets", label=_("ครุภัณฑ์"), order=20,
    rows=lambda user, term: (Asset.objects.visible_to(user).search(term).select_related("unit").only(*COLUMNS)
                             .order_by("asset_number")),
    detail_url="assets:detail", title="asset_number",
    text=lambda asset: " ".join(part for part in (asset.brand, asset.model_name) if part),
    meta=lambda asset: (asset.unit.name, f"S/N {asset.serial_number}" if asset.serial_number else "", asset.custodian),
    list_url="assets:list",
)


def register() -> None:
    ASSET_SEARCH.register()
