"""Reminders and escalation: the registry every process plugs its due work into.

A process registers a *source* in its ``AppConfig.ready()``: ``register_source(func)`` where
``func(now)`` yields :class:`Due` notices for work that is due or overdue at ``now``. The scheduled
job (``manage.py send_reminders``) collects them with :func:`collect` and delivers each ``key`` once
through the notification channels each recipient chose. A key names one notice for one record and
one stage (``"meetings.setup_overdue:42"``, ``"tickets.overdue.it_head:1234"``), so a notice repeated
by a later run is not sent twice, and an escalation is a second key with its own delay.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from helpdesk.hooks import Registered


@dataclass(frozen=True)
class Due:
    key: str  # unique per notice and stage: sent once
    kind: str  # the kind of notice, for the recipient's channel choice ("meeting_setup_due" …)
    recipients: tuple  # User objects
    subject: str
    message: str = ""
    url: str = ""  # path of the record the notice is about
    context: dict = field(default_factory=dict, compare=False, hash=False)


Source = Callable[[dt.datetime], Iterable[Due]]
_sources: Registered = Registered()


def register_source(source: Source) -> None:
    _sources.add(source)


def unregister_source(source: Source) -> None:
    _sources.discard(source)


def collect(now: dt.datetime) -> Iterator[Due]:
    """Every notice due at ``now`` from every registered source (a key at most once)."""
    seen: set[str] = set()
    for source in list(_sources):
        for item in source(now):
            if item.key not in seen:
                seen.add(item.key)
                yield item


def with_owner_or_it_heads(records: Iterable, owner: Callable) -> Iterator[tuple[object, tuple]]:
    """Each record with who is reminded of it: ``owner(record)`` while that user is active, otherwise the active IT
    heads (read once, and only when a record needs them)."""
    from django.contrib.auth.models import User

    from helpdesk.roles import Role

    heads = None
    for record in records:
        person = owner(record)
        if person is not None and person.is_active:
            yield record, (person,)
            continue
        if heads is None:
            heads = tuple(User.objects.filter(is_active=True, groups__name=Role.IT_HEAD).distinct())
        yield record, heads
