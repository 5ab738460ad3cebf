"""English through the navbar language switch: the catalogue is complete, compiled, and the key pages use it."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation.template import templatize

from assets.models import Asset
from publishing import services as publishing_services
from publishing.files import check_upload
from publishing.models import Section
from tests.publishing.conftest import ALL_CHECKS, pdf_bytes, upload
from tickets.categories import ensure_default_categories
from tickets.models import Category, Channel, Status
from tickets.services import ticket_create, ticket_transition

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"
SOURCE_DIRS = ("assets", "helpdesk", "publishing", "tickets", "templates")
THAI = re.compile(r"[\u0e00-\u0e7f]")


# --- the catalogue ---------------------------------------------------------------------------------------------

def _po_string(line: str) -> str:
    return ast.literal_eval(line[line.index('"'):])


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file (header and obsolete entries left out): msgctxt, msgid, msgid_plural, msgstr forms."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, field = {"msgstr": [], "fuzzy": False}, None
        for line in block.strip().splitlines():
            if line.startswith("#~"):
                field = None
            elif line.startswith("#,"):
                entry["fuzzy"] = "fuzzy" in line
            elif line.startswith("#"):
                continue
            elif line.startswith('"') and field:
                if field == "msgstr":
                    entry["msgstr"][-1] += _po_string(line)
                else:
                    entry[field] += _po_string(line)
            elif line.startswith("msgstr"):
                entry["msgstr"].append(_po_string(line))
                field = "msgstr"
            else:
                field = line.split(" ", 1)[0]
                entry[field] = _po_string(line)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def catalogue_key(entry: dict):
    msgid = entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
    return (msgid, 0) if "msgid_plural" in entry else msgid


@pytest.fixture(scope="module")
def po_entries():
    return parse_po(PO_FILE)


@pytest.fixture(scope="module")
def mo_catalogue():
    with MO_FILE.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def test_every_message_has_an_english_translation(po_entries):
    assert len(po_entries) > 1000
    untranslated = [e["msgid"] for e in po_entries if not e["msgstr"] or not all(s.strip() for s in e["msgstr"])]
    fuzzy = [e["msgid"] for e in po_entries if e["fuzzy"]]
    still_thai = [e["msgid"] for e in po_entries if any(THAI.search(s) for s in e["msgstr"])]
    assert untranslated == []
    assert fuzzy == []
    assert still_thai == []


def test_placeholders_are_kept(po_entries):
    placeholder = re.compile(r"%\([^)]+\)[sdif]|%[sdif]")
    broken = []
    for e in po_entries:
        source = e.get("msgid_plural", e["msgid"])
        for form in e["msgstr"]:
            if sorted(placeholder.findall(form)) != sorted(placeholder.findall(source)):
                broken.append((e["msgid"], form))
    assert broken == []


def test_compiled_catalogue_matches_the_po_file(po_entries, mo_catalogue):
    """django.mo is committed (a fresh machine may lack msgfmt): it must hold exactly what django.po says."""
    for e in po_entries:
        key = catalogue_key(e)
        assert key in mo_catalogue, f"django.mo is stale, run compilemessages: {e['msgid']!r}"
        assert mo_catalogue[key] == e["msgstr"][0]
    singular_keys = {k for k in mo_catalogue if k != "" and not isinstance(k, tuple)}
    plural_keys = {k[0] for k in mo_catalogue if isinstance(k, tuple)}
    assert len(singular_keys) + len(plural_keys) == len(po_entries)


def _python_messages(path: Path):
    names = {"_": 1, "gettext": 1, "gettext_lazy": 1, "gettext_noop": 1, "pgettext": 2, "pgettext_lazy": 2,
             "ngettext": 1, "ngettext_lazy": 1, "npgettext": 2, "npgettext_lazy": 2}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names):
            continue
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if node.func.id.startswith("np") or node.func.id.startswith("p"):
            context, msgid = (args + [None, None])[:2]
        else:
            context, msgid = None, (args + [None])[0]
        if msgid:
            yield context, msgid, "ngettext" in node.func.id


TEMPLATE_CALL = re.compile(
    r"\b(npgettext|ngettext|pgettext|gettext)\(((?:\s*u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*,?)+)"
)
STRING = re.compile(r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def _template_messages(path: Path):
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for match in TEMPLATE_CALL.finditer(code):
        kind = match.group(1)
        strings = [ast.literal_eval(s) for s in STRING.findall(match.group(2))]
        if kind in ("pgettext", "npgettext"):
            yield strings[0], strings[1], kind == "npgettext"
        else:
            yield None, strings[0], kind == "ngettext"


def test_catalogue_covers_every_source_string(mo_catalogue):
    """A new Thai string without an English translation fails here: refresh as README.md § Translations says."""
    base = Path(settings.BASE_DIR)
    missing, seen = [], 0
    for folder in SOURCE_DIRS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix == ".py" and "migrations" not in path.parts:
                messages = _python_messages(path)
            elif path.suffix in (".html", ".txt") and folder == "templates":
                messages = _template_messages(path)
            else:
                continue
            for context, msgid, plural in messages:
                seen += 1
                key = msgid if context is None else f"{context}\x04{msgid}"
                if (key, 0) not in mo_catalogue if plural else key not in mo_catalogue:
                    missing.append(f"{path.relative_to(base)}: {msgid!r}")
    assert seen > 2000  # the extraction found the project's strings (1,500 distinct, many used several times)
    assert missing == [], "untranslated strings (see README.md, Translations):\n" + "\n".join(missing)


def test_ambiguous_thai_words_get_their_own_english():
    """"ยกเลิก" is both the Cancel button and the Cancelled status; message context keeps them apart."""
    with translation.override("en"):
        assert str(Status.CANCELLED.label) == "Cancelled"
        assert translation.gettext("ยกเลิก") == "Cancel"
        assert str(Status.NEW.label) == "New"
        assert str(Status.WAITING_PARTS.label) == "Waiting for parts"
        assert str(Asset.Status.IN_USE.label) == "In use"
    with translation.override("th"):
        assert str(Status.CANCELLED.label) == "ยกเลิก"


# --- pages after the language switch -------------------------------------------------------------------------------

def english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_english(body: str, present: list[str], absent: list[str]):
    assert 'lang="en"' in body
    for text in present:
        assert text in body, text
    for text in absent:
        assert text not in body, text


@pytest.fixture
def ticket(db, unit_a, requester_a):
    ensure_default_categories(Category)
    asset = Asset.objects.create(unit=unit_a, asset_number="7440-001-0001/2566", asset_type=Asset.Type.COMPUTER,
                                 brand="Dell", model_name="OptiPlex 7090", serial_number="SN00001")
    return ticket_create(unit=unit_a, category=Category.objects.get(code="hw-computer"), symptom="เปิดเครื่องไม่ติด",
                         requester_name="สมศรี ใจดี", requester_phone="081 234 5678", by=requester_a,
                         requester=requester_a, asset=asset, channel=Channel.WEB)


@pytest.mark.django_db
def test_login_page_in_english_and_back_to_thai(client):
    body = page(english(client), reverse("login"))
    assert_english(body, ["Sign in", "Username", "Password", "ภาษาไทย"], ["เข้าสู่ระบบ", "ชื่อผู้ใช้", "รหัสผ่าน"])
    client.post(reverse("set_language"), {"language": "th", "next": "/"})
    body = page(client, reverse("login"))
    assert 'lang="th"' in body
    assert "เข้าสู่ระบบ" in body and "รหัสผ่าน" in body
    assert "Sign in" not in body and "Password" not in body


@pytest.mark.django_db
def test_requester_home_in_english(login, requester_a, ticket):
    body = page(english(login(requester_a)), reverse("home"))
    assert_english(
        body,
        ["Home", "Sign out", "Roles", "Requester", "Report a repair", "Unit's repair tickets", "News and announcements",
         "Hello, สมศรี ใจดี", "New"],
        ["หน้าหลัก", "ออกจากระบบ", "บทบาท", "ผู้ขอรับบริการ", "แจ้งซ่อม", "ข่าวและประกาศ", "รับแจ้ง"],
    )


@pytest.mark.django_db
def test_technician_home_in_english(login, technician, ticket):
    body = page(english(login(technician)), reverse("home"))
    assert_english(
        body,
        ["Job board", "Call-backs", "My jobs", "New team jobs", "Waiting for parts", "Ready for pickup", "Technician"],
        ["กระดานงานซ่อม", "นัดโทรกลับ", "งานของฉัน", "รออะไหล่", "แจ้งหน่วยงานมารับ", "เจ้าหน้าที่ผู้ให้บริการ"],
    )


@pytest.mark.django_db
def test_executive_chart_legend_in_english(login, executive, ticket):
    body = page(english(login(executive)), reverse("home"))
    assert_english(body, ["Monthly job counts", "Executive", ": New 1"], ["จำนวนงานรายเดือน", ": รับแจ้ง", "ส่งมอบ"])


@pytest.mark.django_db
def test_job_board_in_english_with_status_names(login, technician, ticket):
    client = english(login(technician))
    ticket_transition(ticket=ticket, to=Status.RECEIVED, by=technician)
    body = page(client, reverse("tickets:list"))
    assert_english(
        body,
        ["Job board", "Export CSV", "All statuses", "In progress", "At vendor", "Quality check", "Delivered",
         "Received", "Reported on", "Symptoms"],
        ["กระดานงานซ่อม", "ส่งออก CSV", "ทุกสถานะ", "กำลังดำเนินการ", "ส่งซ่อมภายนอก", "ตรวจสอบคุณภาพก่อนส่งมอบ",
         "ส่งมอบแล้ว", "รับเครื่อง", "วันที่แจ้ง"],
    )
    detail = page(client, reverse("tickets:detail", args=[ticket.pk]))
    assert_english(detail, ["Repair ticket slip (PDF)", "Timeline", "Received"], ["ใบรับแจ้งซ่อม", "ลำดับเหตุการณ์"])


@pytest.mark.django_db
def test_ticket_form_help_text_follows_the_language(login, requester_a, ticket):
    body = page(english(login(requester_a)), reverse("tickets:create"))
    assert_english(body, ["JPEG or PNG, up to", "Contact phone"], ["JPEG หรือ PNG", "โทรศัพท์ติดต่อ"])


@pytest.mark.django_db
def test_asset_list_in_english(login, technician, ticket):
    body = page(english(login(technician)), reverse("assets:list"))
    assert_english(
        body,
        ["Asset register", "Asset number", "Export CSV", "Import from CSV", "In use", "All statuses"],
        ["ทะเบียนครุภัณฑ์", "เลขครุภัณฑ์", "นำเข้าจากไฟล์ CSV", "ใช้งาน", "ทุกสถานะ"],
    )


@pytest.mark.django_db
def test_network_list_sort_labels_follow_the_language(login, network_admin):
    body = page(english(login(network_admin)), reverse("network:ip_list"))
    assert_english(body, ["IP address requests", "Submitted on", "IP address"], ["วันที่ยื่น", "หมายเลขไอพี"])


@pytest.mark.django_db
def test_news_page_in_english(client, requester_a, supervisor_a, it_head, technician):
    section = Section.objects.get_or_create(slug="news", defaults={"name": "ข่าวประชาสัมพันธ์", "order": 10})[0]
    obj = publishing_services.request_create(
        by=requester_a, title="ประกาศทดสอบ", body="เนื้อหาประกาศ", body_format="plain", section=section,
        wanted_on=timezone.localdate(), expires_on=None, files=[check_upload(upload("ประกาศ.pdf", pdf_bytes()))],
    )
    actors = {"submit": requester_a, "approve": supervisor_a, "accept": it_head, "preview": technician,
              "publish": technician}
    for action, actor in actors.items():
        publishing_services.request_transition(request=obj, action=action, by=actor, note="", checklist=ALL_CHECKS)
    body = page(english(client), reverse("news:index"))
    assert_english(
        body,
        ["News and announcements", "Latest news and announcements", "News menus", "ประกาศทดสอบ"],
        ["ข่าวและประกาศ", "เมนูข่าว"],
    )
    post = page(client, reverse("news:post", args=[obj.pk]))
    assert_english(post, ["Attachments", "Download"], ["เอกสารแนบ", "ดาวน์โหลด"])
