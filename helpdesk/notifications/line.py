"""LINE Messaging API: push to linked users, link accounts by one-time code from the webhook.

Settings from the environment (helpdesk/settings.py): LINE_CHANNEL_ACCESS_TOKEN, LINE_CHANNEL_SECRET and
LINE_API_HOST (the API's base URL; tests point it at a local fake). Without the token and secret LINE is
not offered anywhere.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from helpdesk.notifications.models import LineAccount, LineLinkCode

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from a screen and typed on a phone
CODE_LENGTH = 8
CODE_VALID_FOR = dt.timedelta(minutes=15)
MAX_TEXT = 5000  # the Messaging API's limit for one text message


class ForgedWebhook(Exception):
    pass


def line_enabled() -> bool:
    return bool(settings.LINE_CHANNEL_ACCESS_TOKEN and settings.LINE_CHANNEL_SECRET)


def push_text(line_user_id: str, text: str) -> None:
    """One push through the SDK's HTTP client; raises on any failure (the caller retries)."""
    # line-bot-sdk (with aiohttp and pydantic) costs a worker ~40 MiB: loaded only when LINE is used.
    from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, PushMessageRequest, TextMessage

    configuration = Configuration(access_token=settings.LINE_CHANNEL_ACCESS_TOKEN, host=settings.LINE_API_HOST)
    with ApiClient(configuration) as client:
        MessagingApi(client).push_message(
            PushMessageRequest(to=line_user_id, messages=[TextMessage(text=text[:MAX_TEXT])]),
            _request_timeout=10,
        )


def link_code_create(*, user, now: dt.datetime | None = None) -> LineLinkCode:
    """A fresh code for `user` (any earlier one stops working)."""
    now = now or timezone.now()
    for _attempt in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with transaction.atomic():
                LineLinkCode.objects.filter(user=user).delete()
                return LineLinkCode.objects.create(user=user, code=code, expires_at=now + CODE_VALID_FOR)
        except IntegrityError:
            continue
    raise RuntimeError("could not draw a unique LINE link code")


def _normalise_code(text: str) -> str:
    return "".join(text.split()).upper()


@transaction.atomic
def link_by_code(*, line_user_id: str, text: str, now: dt.datetime | None = None):
    """Link the LINE user to the owner of the code in `text`; the linked user, or None."""
    now = now or timezone.now()
    code = _normalise_code(text)
    if len(code) != CODE_LENGTH:
        return None
    found = LineLinkCode.objects.select_for_update().filter(code=code, expires_at__gt=now).first()
    if found is None:
        return None
    user = found.user
    found.delete()
    # A LINE user links one helpdesk user: a re-link with another account moves the link.
    LineAccount.objects.filter(line_user_id=line_user_id).exclude(user=user).delete()
    LineAccount.objects.update_or_create(user=user, defaults={"line_user_id": line_user_id, "linked_at": now})
    return user


def handle_webhook(body: str, signature: str) -> list[tuple[str, object]]:
    """Verify and apply one webhook call; (line_user_id, linked user or None) for each code message.

    Raises ForgedWebhook when the X-Line-Signature does not match the body under the channel secret.
    """
    from linebot.v3 import WebhookParser
    from linebot.v3.exceptions import InvalidSignatureError
    from linebot.v3.webhooks import FollowEvent, MessageEvent, TextMessageContent, UnfollowEvent

    try:
        events = WebhookParser(settings.LINE_CHANNEL_SECRET).parse(body, signature or "")
    except InvalidSignatureError as error:
        raise ForgedWebhook from error
    results = []
    for event in events:
        source_user = getattr(getattr(event, "source", None), "user_id", None)
        if not source_user:
            continue
        if isinstance(event, UnfollowEvent):
            LineAccount.objects.filter(line_user_id=source_user).delete()
        elif isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            results.append((source_user, link_by_code(line_user_id=source_user, text=event.message.text)))
        elif isinstance(event, FollowEvent):
            results.append((source_user, None))
    return results
