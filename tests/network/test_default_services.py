"""The account services exist on a fresh installation (data migration network 0002) and re-running is harmless."""

import pytest

from tickets.network.defaults import DEFAULT_SERVICES, ensure_default_services
from tickets.network.models import Service


@pytest.mark.django_db
def test_fresh_installation_has_the_four_account_services():
    assert set(Service.objects.values_list("code", flat=True)) >= {"internet", "email", "saraban", "vpn"}
    assert Service.objects.get(code="email").issues_email is True
    assert Service.objects.get(code="saraban").name == "ระบบสารบรรณอิเล็กทรอนิกส์"
    assert Service.objects.filter(is_active=True).count() == len(DEFAULT_SERVICES)


@pytest.mark.django_db
def test_running_again_keeps_admin_edits_and_adds_nothing_twice():
    Service.objects.filter(code="vpn").update(name="VPN ของสำนัก", is_active=False)
    Service.objects.filter(code="internet").delete()
    ensure_default_services(Service)
    ensure_default_services(Service)
    assert Service.objects.count() == 4
    vpn = Service.objects.get(code="vpn")
    assert (vpn.name, vpn.is_active) == ("VPN ของสำนัก", False)
    assert Service.objects.filter(code="internet").count() == 1
