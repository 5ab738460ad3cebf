"""The account services every installation offers (000 3.3): Internet, e-mail, สารบรรณอิเล็กทรอนิกส์, VPN."""

# (code, name, issues an e-mail address)
DEFAULT_SERVICES = [
    ("internet", "อินเทอร์เน็ต (Internet)", False),
    ("email", "อีเมล (E-mail)", True),
    ("saraban", "ระบบสารบรรณอิเล็กทรอนิกส์", False),
    ("vpn", "เครือข่ายส่วนตัวเสมือน (VPN)", False),
]


def ensure_default_services(Service) -> None:
    """Create the default services that are missing (idempotent; an admin's edits and deactivations are kept)."""
    for code, name, issues_email in DEFAULT_SERVICES:
        Service.objects.get_or_create(code=code, defaults={"name": name, "issues_email": issues_email})
