"""Demo: the units answer most of the surveys the demo's completed services sent them (safe to run twice)."""

import datetime as dt
import random

from django.core.exceptions import ValidationError
from django.utils import timezone

from helpdesk.surveys.models import Invitation
from helpdesk.surveys.services import survey_submit

COMMENTS = ["", "", "บริการรวดเร็ว ขอบคุณค่ะ", "เจ้าหน้าที่ให้คำแนะนำดีมาก", "อยากให้แจ้งความคืบหน้าบ่อยขึ้น",
            "ใช้เวลานานกว่าที่คาดไว้"]


def seed(command, options) -> None:
    answered = 0
    for invitation in Invitation.objects.filter(response__isnull=True).select_related("service").order_by("pk"):
        # Decided per invitation, so a second run makes the same choice (the demo is idempotent).
        rng = random.Random(f"{invitation.content_type_id}:{invitation.object_id}")
        if rng.random() < 0.3:
            continue  # some never answer: the response rate is below 100 %
        questions = list(invitation.service.questions.filter(is_active=True))
        base = rng.choices([5, 4, 3, 2], [50, 35, 10, 5])[0]
        ratings = {q.pk: max(1, min(5, base + rng.choice((-1, 0, 0, 1)))) for q in questions}
        try:
            survey_submit(invitation=invitation, by=invitation.served, ratings=ratings, comment=rng.choice(COMMENTS),
                          now=min(timezone.now(), invitation.created_at + dt.timedelta(hours=rng.randint(2, 72))))
        except ValidationError:  # closed (past its window, or the provider): leave it unanswered
            continue
        answered += 1
    command.stdout.write(f"surveys: {answered} answered")
