"""Organisation: areas, service teams, units, people, public holidays; the base of every status event."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Team(models.Model):
    """A service team (ฝ่ายช่าง, ฝ่ายบริการ ๑ …) responsible for one or more areas."""

    code = models.SlugField(_("รหัสทีม"), max_length=30, unique=True)
    name = models.CharField(_("ชื่อทีม"), max_length=200)
    email = models.EmailField(_("อีเมลทีม"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=50, blank=True)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("หัวหน้าทีม"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams_headed",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("ทีมให้บริการ")
        verbose_name_plural = _("ทีมให้บริการ")

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A service area (เขตพื้นที่ให้บริการ); each is served by one team (000 §1.1)."""

    code = models.SlugField(_("รหัสพื้นที่"), max_length=30, unique=True)
    name = models.CharField(_("ชื่อพื้นที่"), max_length=200)
    team = models.ForeignKey(
        Team,
        verbose_name=_("ทีมที่รับผิดชอบ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="areas",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("พื้นที่ให้บริการ")
        verbose_name_plural = _("พื้นที่ให้บริการ")

    def __str__(self) -> str:
        return self.name


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def below(self, unit: "Unit"):
        """The unit itself and every unit under it in the hierarchy."""
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    """A government unit that asks for service (สำนัก → กอง → ฝ่าย, district offices, schools)."""

    class Kind(models.TextChoices):
        BUREAU = "bureau", _("สำนัก")
        DIVISION = "division", _("กอง")
        SECTION = "section", _("ฝ่าย/กลุ่มงาน")
        DISTRICT = "district", _("สำนักงานเขต")
        SCHOOL = "school", _("โรงเรียน")
        OTHER = "other", _("อื่น ๆ")

    code = models.CharField(_("รหัสหน่วยงาน"), max_length=30, unique=True)
    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=255)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("สังกัด"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    area = models.ForeignKey(Area, verbose_name=_("พื้นที่ให้บริการ"), on_delete=models.PROTECT, related_name="units")
    phone = models.CharField(_("โทรศัพท์"), max_length=50, blank=True)
    email = models.EmailField(_("อีเมลหน่วยงาน"), blank=True)
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    # Materialised path of primary keys ("/1/5/12/") so "this unit and below" is one indexed query.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    history = HistoricalRecords(excluded_fields=["path"])

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        old_path = self.path
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path != old_path:
            Unit.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path:
                for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    child.path = new_path + child.path[len(old_path):]
                    Unit.objects.filter(pk=child.pk).update(path=child.path)

    @property
    def team(self) -> Team | None:
        return self.area.team if self.area_id else None


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    unit = models.ForeignKey(
        Unit, verbose_name=_("หน่วยงาน"), null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("ทีมให้บริการ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    phone = models.CharField(_("โทรศัพท์ที่ทำงาน"), max_length=50, blank=True)
    mobile = models.CharField(_("โทรศัพท์มือถือ"), max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ข้อมูลผู้ใช้")
        verbose_name_plural = _("ข้อมูลผู้ใช้")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class Holiday(models.Model):
    date = models.DateField(_("วันที่"), unique=True)
    name = models.CharField(_("ชื่อวันหยุด"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("วันหยุดราชการ")
        verbose_name_plural = _("วันหยุดราชการ")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class RateCounter(models.Model):
    """Request counters of the rate limits (helpdesk.ratelimit.CounterCache), shared by every app server."""

    key = models.CharField(max_length=250, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("ตัวนับอัตราการเรียกใช้")
        verbose_name_plural = _("ตัวนับอัตราการเรียกใช้")

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class StatusEvent(models.Model):
    """Base of every request's status event (the kernel's event row): who, when, from, to and the note.

    A process subclasses it with a foreign key named ``parent_field`` (default ``request``) to its
    request, ``related_name="events"``; :func:`helpdesk.workflow.transition` writes the rows.
    """

    parent_field = "request"

    from_status = models.CharField(_("จากสถานะ"), max_length=20, blank=True)
    to_status = models.CharField(_("เป็นสถานะ"), max_length=20)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("โดย"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def _label(self, code: str) -> str:
        status = type(self)._meta.get_field(self.parent_field).related_model.Status
        return str(status(code).label) if code in status.values else code

    @property
    def from_label(self) -> str:
        return self._label(self.from_status) if self.from_status else ""

    @property
    def to_label(self) -> str:
        return self._label(self.to_status)


def status_event_model(parent: type[models.Model], verbose_name, verbose_name_plural=None, *,
                       name: str = "") -> type[StatusEvent]:
    """The event model of ``parent`` (``<Parent>Event``): a :class:`StatusEvent` whose ``request`` points to it.

    Called at module level in the process's models module, right after the request model:
    ``DataRequestEvent = status_event_model(DataRequest, _("ประวัติคำขอข้อมูล"))``; ``name`` when the event
    model is not called ``<Parent>Event``.
    """
    meta = type("Meta", (StatusEvent.Meta,), {
        "verbose_name": verbose_name, "verbose_name_plural": verbose_name_plural or verbose_name,
    })
    name = name or f"{parent.__name__}Event"
    return type(name, (StatusEvent,), {
        "__module__": parent.__module__, "__qualname__": name, "Meta": meta,
        "request": models.ForeignKey(parent, on_delete=models.CASCADE, related_name="events"),
    })


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Tokens that still authenticate: not revoked and not past their expiry."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ApiToken(models.Model):
    """A personal API token (docs/api.md). Only the SHA-256 of the secret is stored; the secret is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("เจ้าของ"), on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField(_("ชื่อโทเคน"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the secret, so the owner can tell their tokens apart.
    prefix = models.CharField(_("ขึ้นต้นด้วย"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)
    expires_at = models.DateTimeField(_("หมดอายุ"))
    last_used_at = models.DateTimeField(_("ใช้ล่าสุด"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("เพิกถอนเมื่อ"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("โทเคน API")
        verbose_name_plural = _("โทเคน API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class ServiceRequest(models.Model):
    """Base of a process's request: when it was filed, newest first, and its reference (``IP-00042``).

    A process subclasses it with ``reference_prefix`` and its own fields, ``Status`` and transition table;
    its event model subclasses :class:`StatusEvent`.
    """

    reference_prefix = "REQ"

    created_at = models.DateTimeField(_("ยื่นคำขอเมื่อ"), default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.reference_prefix}-{self.pk:05d}" if self.pk else f"{self.reference_prefix}-ใหม่"
