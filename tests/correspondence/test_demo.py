"""The demo fills the register with a letter of every kind, once."""

import pytest
from django.core.management import call_command

from helpdesk.correspondence.models import Agency, IssuedDocument, Signatory

pytestmark = pytest.mark.django_db

KINDS = {"ticket_summary", "ticket_disposal", "network_ip", "network_mac", "network_account", "asset_loan",
         "parts_purchase", "publishing_monthly", "systems_golive", "datarequest_reply", "datarequest_summary"}


def test_the_demo_issues_every_kind_of_letter_once():
    call_command("seed_demo", verbosity=0)
    kinds = set(IssuedDocument.objects.values_list("kind", flat=True))
    count = IssuedDocument.objects.count()
    assert kinds == KINDS
    assert Agency.current().address and Signatory.objects.count() == 3
    assert all(doc.pdf.read().startswith(b"%PDF") for doc in IssuedDocument.objects.all())
    call_command("seed_demo", verbosity=0)
    assert IssuedDocument.objects.count() == count
    sequences = sorted(IssuedDocument.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, count + 1))
