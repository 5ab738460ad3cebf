"""MAC spellings, refused MACs and the address checks, each with its Thai reason."""

import pytest
from django.core.exceptions import ValidationError

from tickets.network.macs import normalise_mac
from tickets.network.models import IPAssignment, Subnet


@pytest.mark.parametrize(
    "spelling", ["AA:BB:CC:DD:EE:FE", "aa-bb-cc-dd-ee-fe", "aabb.ccdd.eefe", "AABBCCDDEEFE", " aa:bb:cc:dd:ee:fe "]
)
def test_it_normalises_every_usual_spelling(spelling):
    assert normalise_mac(spelling) == "aa:bb:cc:dd:ee:fe"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("aa:bb:cc:dd:ee", "mac_invalid"),
        ("gg:bb:cc:dd:ee:ff", "mac_invalid"),
        ("aa:bb-cc:dd:ee:ff", "mac_invalid"),
        ("aabb.ccdd.eeff.0011", "mac_invalid"),
        ("01:00:5e:00:00:01", "mac_multicast"),
        ("ff:ff:ff:ff:ff:ff", "mac_multicast"),
        ("00:00:00:00:00:00", "mac_zero"),
        ("", "required"),
    ],
)
def test_it_refuses_bad_macs_with_a_reason(value, code):
    with pytest.raises(ValidationError) as error:
        normalise_mac(value)
    assert error.value.code == code
    assert error.value.messages[0]  # a Thai sentence, not empty


@pytest.mark.django_db
class TestAddressChecks:
    def check(self, subnet, text):
        with pytest.raises(ValidationError) as error:
            subnet.check_address(text)
        return error.value

    def test_a_valid_free_host_is_accepted(self, subnet):
        assert subnet.check_address(" 10.50.1.30 ") == "10.50.1.30"

    def test_each_refusal_has_its_own_thai_message(self, subnet, unit_a):
        assert "ไม่ถูกต้อง" in self.check(subnet, "10.50.1.300").messages[0]
        assert "ไม่อยู่ในเครือข่าย" in self.check(subnet, "10.50.2.5").messages[0]
        assert "network address" in self.check(subnet, "10.50.1.0").messages[0]
        assert "broadcast" in self.check(subnet, "10.50.1.255").messages[0]
        assert "สงวนไว้" in self.check(subnet, "10.50.1.15").messages[0]
        IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.30", mac_address="3c:00:00:00:00:01",
                                    unit=unit_a)
        error = self.check(subnet, "10.50.1.30")
        assert error.code == "ip_in_use"
        assert "ถูกใช้งานแล้ว" in error.messages[0] and unit_a.name in error.messages[0]

    def test_next_free_address_skips_gateway_reserved_and_used(self, subnet, unit_a, django_assert_max_num_queries):
        IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.21", mac_address="3c:00:00:00:00:01",
                                    unit=unit_a)
        IPAssignment.objects.create(subnet=subnet, ip_address="10.50.1.22", mac_address="3c:00:00:00:00:02",
                                    unit=unit_a, active=False)
        with django_assert_max_num_queries(2):
            assert subnet.next_free_address() == "10.50.1.22"

    def test_a_full_subnet_has_no_suggestion(self, unit_a):
        tiny = Subnet.objects.create(name="tiny", cidr="10.9.9.0/30", gateway="10.9.9.1")
        IPAssignment.objects.create(subnet=tiny, ip_address="10.9.9.2", mac_address="3c:00:00:00:00:09", unit=unit_a)
        assert tiny.next_free_address() is None

    def test_subnet_admin_validation(self):
        bad = Subnet(name="x", cidr="10.50.1.5/24", gateway="10.50.1.1")
        with pytest.raises(ValidationError) as error:
            bad.full_clean()
        assert "cidr" in error.value.message_dict
        outside = Subnet(name="x", cidr="10.50.3.0/24", gateway="10.50.1.1")
        with pytest.raises(ValidationError) as error:
            outside.full_clean()
        assert "gateway" in error.value.message_dict
