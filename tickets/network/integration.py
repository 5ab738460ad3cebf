"""What the network app adds to the home dashboard and the executive summary report."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, supervisor_to_approve, widget
from helpdesk.roles import Role, has_role


@widget("network_approve", template="network/includes/_widget_supervisor.html", roles={Role.SUPERVISOR}, order=55)
def supervisor_widget_context(request) -> dict | None:
    """Account requests of the supervisor's unit (and below) waiting for their approval: one query."""
    from tickets.network.models import AccountRequest

    waiting = AccountRequest.objects.filter(status=AccountRequest.Status.SUBMITTED)
    return supervisor_to_approve(request, waiting, requester_field="requested_by")


@widget("network_admin", template="network/includes/_widget_admin.html", roles={Role.NETWORK_ADMIN}, order=30)
def admin_widget_context(request) -> dict | None:
    """The network administrator's queues: IP requests to assign, MAC changes to apply, accounts to issue."""
    from tickets.network.models import AccountRequest, IPRequest, MacChangeRequest

    if not (request.user.is_superuser or has_role(request.user, Role.NETWORK_ADMIN)):
        return None
    return {
        "ip_to_assign": IPRequest.objects.filter(status=IPRequest.Status.SUBMITTED).count(),
        "mac_to_apply": MacChangeRequest.objects.filter(status=MacChangeRequest.Status.SUBMITTED).count(),
        "accounts_to_issue": AccountRequest.objects.filter(status=AccountRequest.Status.APPROVED).count(),
    }


@widget("network_returned", template="network/includes/_widget_returned.html", roles={Role.REQUESTER}, order=25)
def returned_widget_context(request) -> dict | None:
    """The requester's own IP/MAC/account requests returned for correction (hidden when there are none)."""
    from tickets.network.models import AccountRequest, IPRequest, MacChangeRequest

    user = request.user
    counts = {
        "ip": IPRequest.objects.filter(status=IPRequest.Status.RETURNED, requested_by=user).count(),
        "mac": MacChangeRequest.objects.filter(status=MacChangeRequest.Status.RETURNED, requested_by=user).count(),
        "accounts": AccountRequest.objects.filter(status=AccountRequest.Status.RETURNED, requested_by=user).count(),
    }
    return counts if any(counts.values()) else None


def _by_status(queryset, status_choices, *, extra: tuple[str, ...] = ()) -> list[dict]:
    labels = dict(status_choices)
    rows = list(queryset.values(*extra, "status").annotate(n=Count("pk")).order_by(*extra, "status"))
    for row in rows:
        row["label"] = labels.get(row["status"], row["status"])
    return rows


def network_report(scope) -> dict:
    """IP requests, MAC changes and account requests filed in the period, by status (and account type)."""
    from tickets.network.models import AccountRequest, IPRequest, MacChangeRequest

    def filed(model):
        return model.objects.filter(scope.unit_filter("unit"), scope.date_filter("created_at"))

    accounts = filed(AccountRequest)
    kinds = dict(AccountRequest.Kind.choices)
    account_rows = _by_status(accounts, AccountRequest.Status.choices, extra=("kind",))
    for row in account_rows:
        row["kind_label"] = kinds.get(row["kind"], row["kind"])
    ip_rows = _by_status(filed(IPRequest), IPRequest.Status.choices)
    mac_rows = _by_status(filed(MacChangeRequest), MacChangeRequest.Status.choices)
    return {
        "ip": ip_rows,
        "mac": mac_rows,
        "accounts": account_rows,
        "totals": {
            "ip": sum(row["n"] for row in ip_rows),
            "mac": sum(row["n"] for row in mac_rows),
            "accounts": sum(row["n"] for row in account_rows),
        },
    }


def network_report_csv(scope):
    data = network_report(scope)
    header = [_("ประเภทคำขอ"), _("สถานะ"), _("จำนวน")]
    rows = [[_("ขอหมายเลขไอพี"), row["label"], row["n"]] for row in data["ip"]]
    rows += [[_("ขอเปลี่ยน MAC Address"), row["label"], row["n"]] for row in data["mac"]]
    rows += [[_("บัญชีผู้ใช้: %(kind)s") % {"kind": row["kind_label"]}, row["label"], row["n"]]
             for row in data["accounts"]]
    return header, rows


def register() -> None:
    register_report_section(
        ReportSection(
            "network", gettext_lazy("คำขอหมายเลขไอพี MAC Address และบัญชีผู้ใช้"),
            "network/includes/_report_section.html", build=network_report, order=80, csv_rows=network_report_csv,
        )
    )
