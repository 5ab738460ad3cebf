"""The main menu: one dropdown per area, each entry shown only to the roles that may use it.

The menu is a table (``MAIN_MENU``) rather than one hand-written block of markup per area:
:func:`menu_html` writes what :func:`visible_menu` keeps for the user (``{% main_menu %}`` in the navbar).
URL names are strings, so the kernel imports no app. A condition takes a :class:`Viewer` and is
evaluated lazily, in menu order (a condition that reads the database runs only when it is reached).

The markup is the same for everyone who sees the same entries, in the same language and area: each worker
writes it once per such combination and keeps it (:func:`menu_html`). Rendering the menu through the template
engine was ~12,000 Python calls on every signed-in page, more than a third of a small page's.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Viewer:
    user: object
    roles: frozenset
    my_unit: object = None


Condition = Callable[[Viewer], bool]


def always(viewer: Viewer) -> bool:
    return True


def any_role(*names: str, superuser: bool = False) -> Condition:
    """Held one of the roles (or, with ``superuser``, is a superuser)."""
    return lambda viewer: any(name in viewer.roles for name in names) or (superuser and viewer.user.is_superuser)


def has_roles(viewer: Viewer) -> bool:
    return bool(viewer.roles)


def in_unit(viewer: Viewer) -> bool:
    return bool(viewer.my_unit)


def either(*conditions: Condition) -> Condition:
    return lambda viewer: any(condition(viewer) for condition in conditions)


class Labelled:
    @property
    def text(self) -> SafeString:
        """The label as ``{% translate "…" %}`` writes it: this table's own text in the active language (never
        user data), so an apostrophe reads "Unit's", not an escaped entity."""
        return mark_safe(str(self.label))  # noqa: S308


@dataclass(frozen=True)
class Entry(Labelled):
    label: str | Promise
    url_name: str
    id: str = ""
    show: Condition = always
    divider_before: bool = False


@dataclass(frozen=True)
class Area(Labelled):
    """A dropdown of ``entries`` (or, without entries, one link to ``url_name``), active in URL namespace ``key``."""

    key: str
    label: str | Promise
    show: Condition
    entries: tuple[Entry, ...] = ()
    url_name: str = ""
    toggle_id: str = ""

    @property
    def element_id(self) -> str:
        return self.toggle_id or f"nav-{self.key}"


STAFF = any_role("technician", "it_head")


def _unit_staff(viewer: Viewer) -> bool:
    return not STAFF(viewer) and any_role("requester", "supervisor")(viewer)


def _other_roles(viewer: Viewer) -> bool:
    return not STAFF(viewer) and not _unit_staff(viewer)


def _heads_team(viewer: Viewer) -> bool:
    return "technician" in viewer.roles and viewer.user.teams_headed.exists()


MAIN_MENU: tuple[Area, ...] = (
    Area("tickets", _("งานซ่อม"), has_roles, (
        Entry(_("กระดานงานซ่อม"), "tickets:list", show=STAFF),
        Entry(_("รับแจ้งซ่อม"), "tickets:staff_create", show=STAFF),
        Entry(_("นัดโทรกลับ"), "tickets:callbacks", show=STAFF),
        Entry(_("บันทึกการให้คำปรึกษา"), "consultations:list", "nav-consultations", show=STAFF),
        Entry(_("ประเด็นคำถาม"), "consultations:topic_list", show=STAFF),
        Entry(_("จัดการบทความความรู้"), "knowledge:manage", show=STAFF),
        Entry(_("แจ้งซ่อม"), "tickets:create", show=_unit_staff),
        Entry(_("ใบแจ้งซ่อมของหน่วยงาน"), "tickets:list", show=_unit_staff),
        Entry(_("บทความความรู้และคู่มือ"), "knowledge:index", "nav-knowledge-unit", show=_unit_staff),
        Entry(_("ใบแจ้งซ่อม"), "tickets:list", show=_other_roles),
    )),
    Area("assets", _("ครุภัณฑ์"), either(
        in_unit, any_role("technician", "it_head", "network_admin", "stock_officer", "executive", superuser=True),
    ), (
        Entry(_("ทะเบียนครุภัณฑ์"), "assets:list", show=either(in_unit, any_role(superuser=True))),
        Entry(_("คำขอใช้/ยืมวัสดุอุปกรณ์"), "unitrequests:list", "nav-unitrequests"),
        Entry(_("แผนบำรุงรักษา"), "assets:maintenance_plan",
              show=any_role("technician", "it_head", "network_admin", "stock_officer", "executive", superuser=True)),
        Entry(_("ข้อเสนอจำหน่ายครุภัณฑ์"), "tickets:disposal_list", "nav-disposals",
              show=any_role("technician", "it_head", "network_admin", "stock_officer", superuser=True)),
    )),
    Area("parts", _("อะไหล่และวัสดุ"), any_role("stock_officer", "technician", "it_head", "executive", superuser=True), (
        Entry(_("งานอะไหล่"), "parts:queue"),
        Entry(_("คลังวัสดุ"), "parts:stock"),
        Entry(_("ใบเบิกจ่ายวัสดุ"), "parts:disbursement_list"),
    )),
    Area("network", _("เครือข่ายและบัญชี"), has_roles, (
        Entry(_("คำขอหมายเลขไอพี"), "network:ip_list"),
        Entry(_("คำขอเปลี่ยน MAC Address"), "network:mac_list"),
        Entry(_("คำขอบัญชีผู้ใช้"), "network:account_request_list"),
        Entry(_("ทะเบียนหมายเลขไอพี"), "network:registry_list", divider_before=True),
        Entry(_("ทะเบียนบัญชีผู้ใช้"), "network:account_list"),
    )),
    Area("meetings", _("ห้องประชุม"), has_roles, (
        Entry(_("จองห้องประชุม/ประชุมทางไกล"), "meetings:create", show=in_unit),
        Entry(_("รายการจอง"), "meetings:list"),
        Entry(_("ปฏิทินรายวัน"), "meetings:calendar_day"),
        Entry(_("ปฏิทินรายสัปดาห์"), "meetings:calendar_week"),
    )),
    Area("datarequests", _("คำขอข้อมูล"), either(
        in_unit, any_role("technician", "it_head", "network_admin", "deputy_director", "executive"),
    ), url_name="datarequests:list"),
    Area("systems", _("ระบบสารสนเทศ"), has_roles, (
        Entry(_("แจ้งปัญหา/ขอความต้องการใหม่"), "systems:change_create", show=in_unit),
        Entry(_("ยื่นคำขอพัฒนาระบบ"), "systems:request_create", show=in_unit),
        Entry(_("แจ้งปัญหา/ขอปรับปรุงระบบ"), "systems:change_list"),
        Entry(_("คำขอพัฒนาระบบ"), "systems:request_list"),
        Entry(_("โครงการพัฒนาระบบ"), "systems:project_list"),
        Entry(_("ทะเบียนระบบ"), "systems:system_list"),
    )),
    Area("publishing", _("เผยแพร่เว็บไซต์"), either(in_unit, STAFF), (
        Entry(_("คำขอเผยแพร่ข้อมูล"), "publishing:list"),
        Entry(_("ขอเผยแพร่ข้อมูลใหม่"), "publishing:create", show=in_unit),
    )),
    Area("reports", _("รายงาน"), has_roles, (
        Entry(_("รายงานสรุป"), "reports:summary", "nav-reports"),
        Entry(_("รายงานบุคลากรและภาระงาน"), "reports:workload", "nav-workload",
              show=either(any_role("it_head", "executive", superuser=True), _heads_team)),
        Entry(_("รายงานการเผยแพร่"), "publishing:report",
              show=any_role("technician", "it_head", "executive", "supervisor")),
        Entry(_("ทะเบียนหนังสือส่ง"), "correspondence:register", "nav-register", divider_before=True,
              show=any_role("technician", "it_head", "network_admin", "stock_officer")),
    ), toggle_id="nav-reports-menu"),
)


@dataclass(frozen=True)
class VisibleArea:
    area: Area
    entries: list[Entry]


def visible_menu(viewer: Viewer, menu: tuple[Area, ...] = MAIN_MENU) -> list[VisibleArea]:
    """The areas the viewer may open, each with the entries shown to them (in table order)."""
    return [VisibleArea(area, [entry for entry in area.entries if entry.show(viewer)])
            for area in menu if area.show(viewer)]


def _area_html(area: Area, entries: list[Entry], active: str) -> SafeString:
    if not area.entries:
        return format_html('<li class="nav-item"><a class="nav-link{}" href="{}" id="{}">{}</a></li>\n',
                           active, reverse(area.url_name), area.element_id, area.text)
    items = format_html_join("\n", '{}<li><a class="dropdown-item" href="{}"{}>{}</a></li>', (
        (mark_safe('<li><hr class="dropdown-divider"></li>') if entry.divider_before else "", reverse(entry.url_name),
         format_html(' id="{}"', entry.id) if entry.id else "", entry.text) for entry in entries))
    return format_html(
        '<li class="nav-item dropdown" data-nav-area="{}">\n  <a class="nav-link dropdown-toggle{}" href="#" '
        'role="button" data-bs-toggle="dropdown" aria-expanded="false" id="{}">{}</a>\n  <ul class="dropdown-menu" '
        'aria-labelledby="{}">\n{}\n  </ul>\n</li>\n',
        area.key, active, area.element_id, area.text, area.element_id, items,
    )


# (the visible entries' identities, language, URL prefix, active area) → markup; MAIN_MENU lives as long as the
# worker, so its objects' ids are stable. A few dozen combinations exist; the bound only guards against misuse.
_WRITTEN: dict[tuple, SafeString] = {}
_WRITTEN_MAX = 1024


def menu_html(viewer: Viewer, namespace: str = "", menu: tuple[Area, ...] = MAIN_MENU) -> SafeString:
    """The main menu's ``<li>`` items for the viewer, the area of URL namespace `namespace` marked active."""
    visible = visible_menu(viewer, menu)
    key = (tuple((id(shown.area), *map(id, shown.entries)) for shown in visible), get_language(), get_script_prefix(),
           namespace)
    written = _WRITTEN.get(key)
    if written is None:
        written = format_html_join("", "{}", ((_area_html(shown.area, shown.entries,
                                                          " active" if namespace == shown.area.key else ""),)
                                              for shown in visible))
        if len(_WRITTEN) >= _WRITTEN_MAX:
            _WRITTEN.clear()
        _WRITTEN[key] = written
    return written
