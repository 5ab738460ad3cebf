"""The repair ticket, its lifecycle table, timeline events, photos and replacement-device loans."""

import contextlib
import datetime as dt
import secrets
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import connections, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from helpdesk.roles import Role, has_role, user_team
from helpdesk.trigram import trigram_index
from helpdesk.unitscope import UnitScopedQuerySet


class Status(models.TextChoices):
    NEW = "new", _("รับแจ้ง")
    RECEIVED = "received", _("รับเครื่อง")
    IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
    WAITING_PARTS = "waiting_parts", _("รออะไหล่")
    AT_VENDOR = "at_vendor", _("ส่งซ่อมภายนอก")
    QUALITY_CHECK = "quality_check", _("ตรวจสอบคุณภาพก่อนส่งมอบ")
    READY_FOR_PICKUP = "ready_for_pickup", _("แจ้งหน่วยงานมารับ")
    DELIVERED = "delivered", _("ส่งมอบแล้ว")
    CLOSED = "closed", _("ปิดงาน")
    CANCELLED = "cancelled", pgettext_lazy("status", "ยกเลิก")
    UNREPAIRABLE = "unrepairable", _("ซ่อมไม่ได้ (เสนอจำหน่าย)")


# The lifecycle (SPEC §1, 000 §1.1 steps 1–11) as one table: from → allowed targets.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.RECEIVED, Status.IN_PROGRESS, Status.CANCELLED}),
    Status.RECEIVED: frozenset({Status.IN_PROGRESS, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset(
        {Status.WAITING_PARTS, Status.AT_VENDOR, Status.QUALITY_CHECK, Status.UNREPAIRABLE, Status.CANCELLED}
    ),
    Status.WAITING_PARTS: frozenset({Status.IN_PROGRESS, Status.UNREPAIRABLE, Status.CANCELLED}),
    Status.AT_VENDOR: frozenset({Status.IN_PROGRESS, Status.QUALITY_CHECK, Status.UNREPAIRABLE}),
    Status.QUALITY_CHECK: frozenset({Status.READY_FOR_PICKUP, Status.IN_PROGRESS}),
    Status.READY_FOR_PICKUP: frozenset({Status.DELIVERED, Status.IN_PROGRESS}),
    Status.DELIVERED: frozenset({Status.CLOSED}),
    Status.UNREPAIRABLE: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.CANCELLED: frozenset(),
}

# Statuses in which the unit is still waiting for its device / its fix.
ACTIVE_STATUSES = frozenset(
    {Status.NEW, Status.RECEIVED, Status.IN_PROGRESS, Status.WAITING_PARTS, Status.AT_VENDOR,
     Status.QUALITY_CHECK, Status.READY_FOR_PICKUP}
)
CLOSED_STATUSES = frozenset({Status.DELIVERED, Status.CLOSED, Status.CANCELLED, Status.UNREPAIRABLE})
# A repaired and handed-over ticket (counts for the 30-day guarantee).
DELIVERED_STATUSES = frozenset({Status.DELIVERED, Status.CLOSED})
# Work the technicians are doing (the service-level clock runs).
WORK_STATUSES = ACTIVE_STATUSES - {Status.READY_FOR_PICKUP}


class Channel(models.TextChoices):
    WEB = "web", _("แบบแจ้งซ่อมออนไลน์")
    PAPER = "paper", _("แบบแจ้งซ่อม (กระดาษ)")
    MEMO = "memo", _("หนังสือบันทึกของหน่วยงาน")
    PHONE = "phone", _("โทรศัพท์")


class ServiceMode(models.TextChoices):
    ON_SITE = "on_site", _("ให้บริการ ณ หน่วยงาน (On Site Service)")
    ONE_STOP = "one_stop", _("นำเครื่องมาส่งที่จุดบริการเบ็ดเสร็จ")


def new_tracking_token() -> str:
    """192 random bits, URL-safe; never derived from the id."""
    return secrets.token_urlsafe(24)


def _random_name(folder: str, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def photo_upload_to(instance, filename: str) -> str:
    return _random_name("tickets/photos", filename)


def memo_upload_to(instance, filename: str) -> str:
    return _random_name("tickets/memos", filename)


# The ticket's own columns the text search reads; each has a trigram index on PostgreSQL (Meta.indexes).
TICKET_TEXT_FIELDS = ("number", "device_serial", "device_description", "requester_name", "symptom")
# Up to this many matching assets are passed to the ticket search as a list of ids; more go through a subquery.
SEARCH_ASSET_IDS = 500


class TicketQuerySet(UnitScopedQuerySet):
    """``visible_to``: staff and executives every ticket; supervisors their unit and below; requesters their unit."""

    def for_page(self):
        """One ticket as its page and its tracking page read it. PostgreSQL's planning time grows steeply with
        the tables in one join (eight: ~6 ms to plan, 0.5 ms to run, at 100,000 tickets; four: as cheap as one),
        so the category and its parent come in a query of their own, and the earlier ticket of a guarantee job
        (few have one) only where it is shown."""
        from tickets.models.catalog import Category

        return self.select_related("technician", "asset", "team").prefetch_related(
            models.Prefetch("category", queryset=Category.objects.select_related("parent")),
        )

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def _search_parts(self, term: str):
        """(the OR over the ticket's own columns, the matching assets' ids or None when there are too many,
        the matching assets as a subquery)."""
        from assets.models import DEVICE_SEARCH_FIELDS, Asset

        own = Q()
        for name in TICKET_TEXT_FIELDS:
            own |= Q(**{f"{name}__icontains": term})
        assets = Asset.objects.search(term, DEVICE_SEARCH_FIELDS).order_by().values("pk")
        asset_ids = list(assets.values_list("pk", flat=True)[: SEARCH_ASSET_IDS + 1])
        return own, (asset_ids if len(asset_ids) <= SEARCH_ASSET_IDS else None), assets

    def search(self, term: str):
        """Tickets whose number, serial, device, requester name or symptom contains `term`, or whose registered
        asset's number, serial, brand or model does (the navbar search and the job board share it).

        The assets that match are read first (one query, trigram indexes on PostgreSQL): when they are a few, the
        condition is one OR over the ticket's own columns and ``asset_id IN (ids)``, which the planner serves
        either by a BitmapOr of the trigram indexes (rare words: a number, a serial) or by walking the newest
        tickets and stopping at the page (common words). When many assets match (a brand), the word is common:
        ``asset_id IN (subquery)`` keeps the answer complete and the walk stops early.
        TICKET_TEXT_FIELDS here and assets.models.DEVICE_SEARCH_FIELDS are indexed.
        """
        return self._matching(*self._search_parts(term))

    def _matching(self, own: Q, asset_ids: list[int] | None, assets):
        if asset_ids is None:
            return self.filter(own | Q(asset__in=assets))
        return self.filter(own | Q(asset_id__in=asset_ids)) if asset_ids else self.filter(own)

    def newest_matches(self, term: str, limit: int):
        """The newest ``limit`` tickets of :meth:`search`, newest first (the navbar's few rows).

        With one OR over text and a few assets' ids, PostgreSQL estimates hundreds of matches and walks the newest
        tickets until it has the page; for an asset number that walk passes every ticket since the asset's oldest
        repair (33,000 rows, 85 ms at 1,000,000 tickets). Here each half takes its own newest ``limit`` (the text
        by its trigram indexes or the early-stopping walk, the asset's tickets by ``tickets_created_idx``) and the
        page is the newest of those (19 ms). Where the database cannot order and slice inside a UNION (SQLite),
        and when many assets match, it is :meth:`search` itself.
        """
        order = ("-created_at", "-pk")
        own, asset_ids, assets = self._search_parts(term)
        if not asset_ids or not connections[self.db].features.supports_slicing_ordering_in_compound:
            return self._matching(own, asset_ids, assets).order_by(*order)
        text = self.filter(own).order_by(*order).values("pk")[:limit]
        by_asset = self.filter(asset_id__in=asset_ids).order_by(*order).values("pk")[:limit]
        return self.model.objects.filter(pk__in=text.union(by_asset, all=True)).order_by(*order)

    def overdue(self, now=None):
        """Open work past its service level (the parts clock extends it while waiting for parts)."""
        now = now or timezone.now()
        return self.filter(status__in=WORK_STATUSES).filter(
            Q(parts_due_at__isnull=True, due_at__lt=now) | Q(parts_due_at__lt=now, due_at__lt=now)
        )

    def guarantee_claims(self):
        return self.filter(guarantee_of__isnull=False)

    def for_team_of(self, user):
        team = user_team(user)
        return self.filter(team=team) if team else self.none()

    def callbacks_due(self, now=None):
        """Phone tickets with a promised call-back not yet made (003 §6.1)."""
        qs = self.filter(channel=Channel.PHONE, callback_due_at__isnull=False, callback_done_at__isnull=True)
        if now is not None:
            qs = qs.filter(callback_due_at__lte=now)
        return qs

    def replacement_candidates(self, *, since=None, min_repairs: int = 3):
        """Asset ids with at least `min_repairs` repair tickets in the last 12 months (SPEC §2)."""
        since = since or timezone.now() - dt.timedelta(days=365)
        return (
            self.filter(asset__isnull=False, created_at__gte=since)
            .exclude(status=Status.CANCELLED)
            .values("asset")
            .annotate(repairs=models.Count("pk"))
            .filter(repairs__gte=min_repairs)
            .values_list("asset", flat=True)
        )


class Ticket(models.Model):
    number = models.CharField(_("เลขที่ใบแจ้งซ่อม"), max_length=20, unique=True, editable=False)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ"), editable=False)
    sequence = models.PositiveIntegerField(_("ลำดับในปีงบประมาณ"), editable=False)
    tracking_token = models.CharField(max_length=64, unique=True, default=new_tracking_token, editable=False)

    # Who asks
    unit = models.ForeignKey(
        "helpdesk.Unit", verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="tickets"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้แจ้ง (ผู้ใช้ระบบ)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="tickets_requested",
    )
    requester_name = models.CharField(_("ชื่อผู้แจ้ง"), max_length=200)
    requester_position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    requester_phone = models.CharField(_("โทรศัพท์ติดต่อ"), max_length=50)
    requester_email = models.EmailField(_("อีเมลผู้แจ้ง"), blank=True)

    # What is broken
    asset = models.ForeignKey(
        "assets.Asset", verbose_name=_("ครุภัณฑ์"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="tickets",
    )
    device_description = models.CharField(_("อุปกรณ์ (กรณีไม่มีในทะเบียน)"), max_length=255, blank=True)
    device_serial = models.CharField(_("หมายเลขเครื่อง (Serial)"), max_length=100, blank=True)
    category = models.ForeignKey(
        "tickets.Category", verbose_name=_("หมวดปัญหา"), on_delete=models.PROTECT, related_name="tickets"
    )
    symptom = models.TextField(_("อาการเสีย/ปัญหา"), max_length=4000)

    # How it came in
    channel = models.CharField(_("ช่องทางการแจ้ง"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    memo_number = models.CharField(_("เลขที่หนังสือ"), max_length=100, blank=True)
    memo_date = models.DateField(_("ลงวันที่"), null=True, blank=True)
    memo_scan = models.FileField(_("สำเนาหนังสือ (PDF)"), upload_to=memo_upload_to, blank=True, max_length=200)
    callback_due_at = models.DateTimeField(_("นัดโทรกลับภายใน"), null=True, blank=True)
    callback_done_at = models.DateTimeField(_("โทรกลับแล้วเมื่อ"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้บันทึก"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tickets_recorded",
    )

    # Who handles it
    team = models.ForeignKey(
        "helpdesk.Team", verbose_name=_("ทีมที่รับผิดชอบ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tickets",
    )
    technician = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ช่างผู้รับผิดชอบ"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="tickets_assigned",
    )
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.NEW)
    service_mode = models.CharField(
        _("รูปแบบการให้บริการ"), max_length=10, choices=ServiceMode.choices, default=ServiceMode.ONE_STOP
    )

    # 30-day guarantee (000 §1.1 steps 3–4)
    guarantee_of = models.ForeignKey(
        "self", verbose_name=_("การันตีงานซ่อมเดิม"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="guarantee_claims",
    )
    guarantee_override_reason = models.TextField(_("เหตุผลการปรับผลตรวจสอบการันตี"), blank=True, max_length=1000)

    # Vendor (003 §6.2 step 3)
    vendor_claim_ref = models.CharField(_("เลขที่เคลมกับผู้ขาย/ผู้ให้เช่า"), max_length=100, blank=True)

    # The work (000 §1.1–1.3); internal_notes never reach requesters
    diagnosis = models.TextField(_("ผลการตรวจสอบ"), blank=True, max_length=4000)
    cause = models.TextField(_("สาเหตุ"), blank=True, max_length=4000)
    fix = models.TextField(_("วิธีแก้ไข"), blank=True, max_length=4000)
    guide_followed = models.ForeignKey(
        "knowledge.Article", verbose_name=_("คู่มือแนวทางที่ใช้"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="tickets_followed", limit_choices_to={"kind": "guide"},
    )
    # Free text recorded before guides were articles (kept as it was written).
    guide_followed_text = models.CharField(_("คู่มือที่ใช้ (บันทึกเดิม)"), max_length=255, blank=True)
    reinstalled = models.BooleanField(_("ติดตั้งซอฟต์แวร์ใหม่ (Reinstall)"), default=False)
    time_spent_minutes = models.PositiveIntegerField(_("เวลาที่ใช้ (นาที)"), default=0)
    internal_notes = models.TextField(_("บันทึกภายใน (ไม่แสดงต่อผู้แจ้ง)"), blank=True, max_length=4000)
    received_by_name = models.CharField(_("ผู้รับมอบเครื่อง"), max_length=200, blank=True)

    # Service levels
    due_at = models.DateTimeField(_("กำหนดแล้วเสร็จ"), null=True, blank=True)
    parts_waiting_since = models.DateTimeField(_("เริ่มรออะไหล่"), null=True, blank=True)
    parts_due_at = models.DateTimeField(_("กำหนดรออะไหล่ไม่เกิน"), null=True, blank=True)
    maintenance_record = models.OneToOneField(
        "assets.MaintenanceRecord", verbose_name=_("เปิดจากการบำรุงรักษา"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="repair_ticket",
    )
    long_repair = models.BooleanField(
        _("คาดว่าซ่อมเกิน 1 วันทำการ"), default=False,
        help_text=_("ตั้งเมื่อรับเครื่องแล้วกำหนดแล้วเสร็จเกิน 1 วันทำการ หรือรออะไหล่/ส่งซ่อมภายนอก (002 §2 ข้อ ๔)"),
    )

    # Timestamps
    created_at = models.DateTimeField(_("วันที่แจ้ง"), default=timezone.now, db_index=True)
    received_at = models.DateTimeField(_("วันที่รับเครื่อง"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("วันที่ซ่อมเสร็จ"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("วันที่ส่งมอบ"), null=True, blank=True)
    closed_at = models.DateTimeField(_("วันที่ปิดงาน"), null=True, blank=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    # Optimistic lock: every write through the services bumps it; a stale form is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["tracking_token"])
    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ใบแจ้งซ่อม")
        verbose_name_plural = _("ใบแจ้งซ่อม")
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "sequence"], name="tickets_unique_number_per_year"),
        ]
        indexes = [
            # The 30-day guarantee check looks up the asset's delivered tickets of one category.
            models.Index(fields=["asset", "category", "delivered_at"], name="tickets_guarantee_idx"),
            models.Index(fields=["team", "status", "created_at"], name="tickets_board_idx"),
            # The job board's default view: the team's newest tickets first.
            models.Index(fields=["team", "created_at"], name="tickets_team_recent_idx"),
            models.Index(fields=["unit", "created_at"], name="tickets_unit_idx"),
            models.Index(fields=["status", "due_at"], name="tickets_due_idx"),
            # The summary reports read one period of received and of delivered tickets: without these the
            # fiscal-year summary scanned the whole history (95 → 460 ms from 10k to 300k tickets).
            # (asset second: the most-repaired assets of a period are read from this index alone).
            models.Index(fields=["created_at", "asset"], name="tickets_created_idx"),
            models.Index(fields=["delivered_at"], name="tickets_delivered_idx"),
            # The technician's home page: their open jobs (without it, every ticket they ever had is read).
            models.Index(fields=["technician", "status"], name="tickets_tech_status_idx"),
            # Call-backs still to make (003 §6.1): a handful of rows among all phone tickets.
            models.Index(fields=["team", "callback_due_at"], name="tickets_callbacks_due_idx",
                         condition=Q(callback_due_at__isnull=False, callback_done_at__isnull=True)),
            # The text search (TicketQuerySet.search): substring matches, served on PostgreSQL only.
            *(trigram_index(name, f"tickets_{name.removeprefix('device_')}_trgm") for name in TICKET_TEXT_FIELDS),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("tickets:detail", args=[self.pk])

    def get_tracking_url(self) -> str:
        from django.urls import reverse

        return reverse("tracking", args=[self.tracking_token])

    @property
    def tracking_absolute_url(self) -> str:
        return settings.SITE_URL + self.get_tracking_url()

    @property
    def is_guarantee_claim(self) -> bool:
        return self.guarantee_of_id is not None

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def allowed_transitions(self) -> list[str]:
        return [status for status in Status.values if status in TRANSITIONS[self.status]]

    @property
    def effective_due_at(self):
        if self.parts_due_at and self.due_at:
            return max(self.parts_due_at, self.due_at)
        return self.parts_due_at or self.due_at

    def is_overdue(self, now=None) -> bool:
        due = self.effective_due_at
        return bool(self.status in WORK_STATUSES and due and due < (now or timezone.now()))

    @property
    def device_label(self) -> str:
        if self.asset_id:
            return str(self.asset)
        serial = f" (S/N {self.device_serial})" if self.device_serial else ""
        return f"{self.device_description}{serial}"

    @property
    def time_spent_display(self) -> str:
        hours, minutes = divmod(self.time_spent_minutes or 0, 60)
        if hours and minutes:
            return _("%(h)d ชั่วโมง %(m)d นาที") % {"h": hours, "m": minutes}
        if hours:
            return _("%(h)d ชั่วโมง") % {"h": hours}
        return _("%(m)d นาที") % {"m": minutes}

    def vendor_support(self) -> bool:
        return bool(self.asset_id and self.asset.has_vendor_support(timezone.localdate()))

    def can_act(self, user) -> bool:
        """Technicians act on their team's tickets; the IT head and superusers on all."""
        if user.is_superuser or has_role(user, Role.IT_HEAD):
            return True
        if has_role(user, Role.TECHNICIAN):
            team = user_team(user)
            return team is not None and team.pk == self.team_id
        return False


# System-written timeline notes: stored as a message key plus parameters (TicketEvent.message/params) and
# worded when shown, in the reader's language. Parameters ending in "_date" hold ISO dates, shown in B.E.
EVENT_MESSAGES = {
    "assigned": _("มอบหมายให้ %(name)s"),
    "reassigned": _("เปลี่ยนผู้รับผิดชอบเป็น %(name)s"),
    "updated": _("ปรับปรุง: %(fields)s"),
    "waiting_parts": _("รออะไหล่: %(parts)s"),
    "parts_clock": _("เริ่มนับระยะรออะไหล่ กำหนดแล้วเสร็จไม่เกิน %(due_date)s: %(parts)s"),
    "loan_lent": _("ให้ยืมเครื่องทดแทน %(asset)s กำหนดคืน %(due_date)s"),
    "loan_returned": _("รับคืนเครื่องทดแทน %(asset)s"),
    "loan_returned_at_delivery": _("ส่งมอบเครื่องแล้ว จึงรับคืนเครื่องทดแทน %(asset)s (สภาพ: %(condition)s)"),
    "loan_kept": _("ส่งมอบเครื่องแล้ว หน่วยงานยืมเครื่องทดแทน %(asset)s ต่อถึง %(until_date)s"),
    "callback_done": _("โทรกลับผู้แจ้งแล้ว"),
    "survey_score": _("ประเมินความพึงพอใจ %(score)s/5"),
    "guarantee_of": _("งานการันตีภายใน 30 วัน ของใบแจ้งซ่อม %(number)s"),
}


def event_message_text(message: str, params: dict | None) -> str:
    """The words of a system-written note, in the active language."""
    from helpdesk.thai import format_date

    template = EVENT_MESSAGES.get(message)
    if template is None:
        return ""
    values = {}
    for key, value in (params or {}).items():
        if key.endswith("_date") and isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = format_date(dt.date.fromisoformat(value))
        values[key] = value
    try:
        return str(template) % values
    except (KeyError, TypeError, ValueError):
        return str(template)


class TicketEvent(models.Model):
    """One line of the timeline: who did what, when (status change, note, assignment…).

    ``note`` is what a person wrote; a system-written line is ``message`` (a key of EVENT_MESSAGES) plus
    ``params``, worded in the reader's language by :attr:`text`."""

    class Kind(models.TextChoices):
        CREATED = "created", _("รับแจ้ง")
        STATUS = "status", _("เปลี่ยนสถานะ")
        ASSIGNED = "assigned", _("มอบหมายงาน")
        WORK = "work", _("บันทึกผลการซ่อม")
        NOTE = "note", pgettext_lazy("note", "บันทึก")
        GUARANTEE = "guarantee", _("ปรับผลตรวจสอบการันตี")
        LOAN = "loan", _("เครื่องทดแทน")
        CALLBACK = "callback", _("โทรกลับ")
        SURVEY = "survey", _("ประเมินความพึงพอใจ")
        PARTS = "parts", _("อะไหล่")

    actor_field = "actor"  # who, for the kernel's event rows (helpdesk.workflow.write_event)

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATUS)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ดำเนินการ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("เวลา"), default=timezone.now)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True, max_length=4000)
    message = models.CharField(_("ข้อความของระบบ"), max_length=40, blank=True)
    params = models.JSONField(_("ค่าในข้อความของระบบ"), default=dict, blank=True)
    is_internal = models.BooleanField(_("ภายใน (ไม่แสดงต่อผู้แจ้ง)"), default=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("เหตุการณ์ของใบแจ้งซ่อม")
        verbose_name_plural = _("เหตุการณ์ของใบแจ้งซ่อม")
        indexes = [models.Index(fields=["ticket", "at"], name="tickets_event_timeline_idx")]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.kind} {self.to_status}"

    @property
    def text(self) -> str:
        """The line to show: the system message in the reader's language, then what a person wrote."""
        system = event_message_text(self.message, self.params) if self.message else ""
        return "\n".join(part for part in (system, self.note) if part)


class TicketPhoto(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("รูปภาพ"), upload_to=photo_upload_to, max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("รูปภาพประกอบ")
        verbose_name_plural = _("รูปภาพประกอบ")

    def __str__(self) -> str:
        return f"{self.ticket_id} photo {self.pk}"


class TicketLoan(models.Model):
    """A replacement device lent while the unit's own is being repaired (002 §2 step 4)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="loan_links")
    loan = models.OneToOneField("assets.AssetLoan", on_delete=models.PROTECT, related_name="ticket_link")
    created_at = models.DateTimeField(default=timezone.now)
    # Decided at delivery: the unit keeps the replacement device until this date (else it is returned then).
    kept_until = models.DateField(_("ให้ยืมต่อหลังส่งมอบถึง"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("เครื่องทดแทนระหว่างซ่อม")
        verbose_name_plural = _("เครื่องทดแทนระหว่างซ่อม")

    def __str__(self) -> str:
        return f"{self.ticket_id} → {self.loan_id}"
