from django.core.management import call_command

from assets.models import Asset, AssetLoan, MaintenancePlanItem, MaintenanceRecord
from tickets.demo import DEMO_ASSETS, SPARE_ASSET

# The tickets demo (seeded after the assets demo) adds the machines its tickets are about.
TICKET_DEMO_ASSETS = len({spec[0] for spec in [*DEMO_ASSETS, SPARE_ASSET]})


def counts():
    return (Asset.objects.count(), Asset.history.count(), AssetLoan.objects.count(),
            MaintenancePlanItem.objects.count(), MaintenanceRecord.objects.count())


def test_seed_demo_fills_a_realistic_register_and_is_idempotent(db):
    call_command("seed_demo", "--assets", "50", verbosity=0)
    first = counts()
    assert first[0] == 370 + TICKET_DEMO_ASSETS and first[1] >= first[0]
    assert AssetLoan.objects.overdue().exists() and AssetLoan.objects.open().exists()
    assert Asset.objects.warranty_ending_soon().exists() and Asset.objects.leased().exists()
    assert MaintenancePlanItem.objects.exists()
    for loan in AssetLoan.objects.open().select_related("asset"):
        assert loan.asset.status == Asset.Status.ON_LOAN
    call_command("seed_demo", "--assets", "50", verbosity=0)
    assert counts() == first
