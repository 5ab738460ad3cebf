"""What the parts app needs in every database: the stock officer's model permissions (Django admin)."""

STOCK_OFFICER_PERMISSIONS = [
    "parts.add_item", "parts.change_item", "parts.view_item", "parts.view_movement",
    "parts.view_partrequest", "parts.view_disbursement",
]


def ensure_default_permissions(apps=None) -> None:
    """Give the stock officer role its permissions (idempotent).

    Used by the data migration (historical `apps`), the demo seeder and tests: a flushed database has lost them.
    """
    from helpdesk.roles import Role, grant_permissions

    if apps is None:
        from django.apps import apps
    grant_permissions(apps, Role.STOCK_OFFICER, STOCK_OFFICER_PERMISSIONS)
