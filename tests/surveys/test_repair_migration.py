"""The data migration moves every repair survey answer into the shared tables, and back when reversed."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("tickets", "0005_guide_articles"), ("surveys", "0002_default_services")]
AFTER = [("tickets", "0006_satisfaction_survey_moved_to_surveys"), ("surveys", "0003_repair_surveys_from_tickets")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_every_answer_survives_the_move_and_the_way_back(unit_a, requester_a, technician, team_a):
    old = migrate(BEFORE)
    try:
        from helpdesk.surveys.defaults import ensure_default_services

        # A transactional test before this one may have flushed what the data migration 0002 wrote.
        ensure_default_services(old.get_model("surveys", "SurveyService"), old.get_model("surveys", "Question"),
                                old.get_model("contenttypes", "ContentType"))
        Ticket = old.get_model("tickets", "Ticket")
        Category = old.get_model("tickets", "Category")
        OldSurvey = old.get_model("tickets", "SatisfactionSurvey")
        category = Category.objects.get_or_create(code="hw-x", defaults={"name": "ฮาร์ดแวร์"})[0]
        delivered = timezone.now() - dt.timedelta(days=3)
        tickets = [
            Ticket.objects.create(
                number=f"2570-0000{n}", fiscal_year=2570, sequence=n, unit_id=unit_a.pk, category=category,
                requester_name="สมศรี", requester_phone="081", symptom="เสีย", status="delivered" if n < 3 else "new",
                delivered_at=delivered if n < 3 else None, team_id=team_a.pk, technician_id=technician.pk,
                requester_id=requester_a.pk, tracking_token=f"tok{n}",
            )
            for n in range(1, 4)
        ]
        OldSurvey.objects.create(ticket=tickets[0], speed=3, quality=4, courtesy=5, overall=4, comment="ช้าไปนิด",
                                 answered_by_id=requester_a.pk, answered_at=delivered + dt.timedelta(hours=2))

        new = migrate(AFTER)
        Invitation = new.get_model("surveys", "Invitation")
        Response = new.get_model("surveys", "Response")
        Answer = new.get_model("surveys", "Answer")
        assert sorted(Invitation.objects.values_list("object_id", flat=True)) == [tickets[0].pk, tickets[1].pk]
        first = Invitation.objects.get(object_id=tickets[0].pk)
        assert (first.service.code, first.unit_id, first.team_id, first.served_id, first.provider_id) == (
            "repair", unit_a.pk, team_a.pk, requester_a.pk, technician.pk)
        assert first.created_at == delivered
        response = Response.objects.get()
        assert (response.invitation_id, response.score, response.comment, response.answered_by_id) == (
            first.pk, 4, "ช้าไปนิด", requester_a.pk)
        assert response.answered_at == delivered + dt.timedelta(hours=2)
        assert list(Answer.objects.order_by("question__order").values_list("question__text", "rating")) == [
            ("ความรวดเร็ว", 3), ("คุณภาพงานซ่อม", 4), ("ความสุภาพของเจ้าหน้าที่", 5), ("ความพึงพอใจโดยรวม", 4),
        ]

        back = migrate(BEFORE)
        restored = back.get_model("tickets", "SatisfactionSurvey").objects.get()
        assert (restored.ticket_id, restored.speed, restored.quality, restored.courtesy, restored.overall,
                restored.comment) == (tickets[0].pk, 3, 4, 5, 4, "ช้าไปนิด")
        assert not back.get_model("surveys", "Invitation").objects.filter(service__code="repair").exists()
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
