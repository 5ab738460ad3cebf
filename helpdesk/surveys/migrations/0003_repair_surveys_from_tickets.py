"""Every repair ticket's survey answer moves into the shared survey tables (nothing is lost):
each delivered ticket gets its invitation, and each tickets.SatisfactionSurvey row becomes a response with
its four answers, comment, time and author. Reversible: the responses go back to the old table."""

import secrets

from django.db import migrations
from django.db.models import Q

ASPECTS = ("speed", "quality", "courtesy", "overall")
BATCH = 2000


def forwards(apps, schema_editor):
    Ticket = apps.get_model("tickets", "Ticket")
    OldSurvey = apps.get_model("tickets", "SatisfactionSurvey")
    SurveyService = apps.get_model("surveys", "SurveyService")
    Question = apps.get_model("surveys", "Question")
    Invitation = apps.get_model("surveys", "Invitation")
    Response = apps.get_model("surveys", "Response")
    Answer = apps.get_model("surveys", "Answer")
    ContentType = apps.get_model("contenttypes", "ContentType")

    service = SurveyService.objects.get(code="repair")
    questions = list(Question.objects.filter(service=service).order_by("order", "pk"))
    by_aspect = dict(zip(ASPECTS, questions, strict=True))
    ticket_type, _created = ContentType.objects.get_or_create(app_label="tickets", model="ticket")
    answered = {row["ticket_id"]: row for row in OldSurvey.objects.values()}
    done = set(Invitation.objects.filter(content_type=ticket_type).values_list("object_id", flat=True))

    pending = []

    def flush():
        Invitation.objects.bulk_create(pending)
        pending.clear()

    rows = (
        Ticket.objects.filter(Q(delivered_at__isnull=False) | Q(pk__in=list(answered)))
        .order_by("pk")
        .values_list("pk", "number", "unit_id", "team_id", "requester_id", "technician_id", "delivered_at")
    )
    for pk, number, unit_id, team_id, requester_id, technician_id, delivered_at in rows.iterator(chunk_size=BATCH):
        if pk in done:
            continue
        created = delivered_at or answered[pk]["answered_at"]
        pending.append(Invitation(
            service=service, content_type=ticket_type, object_id=pk, token=secrets.token_urlsafe(24),
            label=f"ใบแจ้งซ่อม {number}", unit_id=unit_id, team_id=team_id, served_id=requester_id,
            provider_id=technician_id, created_at=created,
        ))
        if len(pending) >= BATCH:
            flush()
    flush()

    invitation_of = dict(
        Invitation.objects.filter(content_type=ticket_type, object_id__in=list(answered))
        .values_list("object_id", "pk")
    )
    already = set(Response.objects.filter(invitation_id__in=invitation_of.values()).values_list("invitation_id",
                                                                                              flat=True))
    responses = []
    for ticket_id, row in answered.items():
        if invitation_of[ticket_id] in already:
            continue
        responses.append(Response(invitation_id=invitation_of[ticket_id], answered_at=row["answered_at"],
                                  answered_by_id=row["answered_by_id"], comment=row["comment"],
                                  score=row["overall"]))
    for start in range(0, len(responses), BATCH):
        Response.objects.bulk_create(responses[start:start + BATCH])
    response_of = dict(Response.objects.filter(invitation_id__in=invitation_of.values())
                       .values_list("invitation_id", "pk"))
    answers = [
        Answer(response_id=response_of[invitation_of[ticket_id]], question=by_aspect[aspect], rating=row[aspect])
        for ticket_id, row in answered.items()
        if invitation_of[ticket_id] not in already
        for aspect in ASPECTS
    ]
    for start in range(0, len(answers), BATCH):
        Answer.objects.bulk_create(answers[start:start + BATCH])


def backwards(apps, schema_editor):
    OldSurvey = apps.get_model("tickets", "SatisfactionSurvey")
    Invitation = apps.get_model("surveys", "Invitation")
    Answer = apps.get_model("surveys", "Answer")
    Question = apps.get_model("surveys", "Question")
    repair = Invitation.objects.filter(service__code="repair")
    aspect_of = {
        q.pk: aspect for aspect, q in zip(ASPECTS, Question.objects.filter(service__code="repair")
                                          .order_by("order", "pk"), strict=False)
    }
    ratings: dict[int, dict] = {}
    for response_id, question_id, rating in Answer.objects.filter(response__invitation__in=repair).values_list(
        "response_id", "question_id", "rating"
    ):
        ratings.setdefault(response_id, {})[aspect_of.get(question_id)] = rating
    old = []
    for invitation in repair.filter(response__isnull=False).select_related("response"):
        response = invitation.response
        given = ratings.get(response.pk, {})
        overall = given.get("overall") or round(response.score)
        old.append(OldSurvey(
            ticket_id=invitation.object_id, comment=response.comment, answered_at=response.answered_at,
            answered_by_id=response.answered_by_id,
            **{aspect: given.get(aspect) or overall for aspect in ASPECTS},
        ))
    OldSurvey.objects.bulk_create(old, batch_size=BATCH)
    repair.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_default_services"),
        ("tickets", "0004_dashboard_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
