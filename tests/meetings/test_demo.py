"""The demo data: checked meetings carry their survey invitations and answers; running it twice adds nothing."""

from io import StringIO

from django.core.management import call_command

from helpdesk.surveys.models import Invitation, Response
from tickets.meetings.demo import FIRST_TITLE
from tickets.meetings.models import Booking
from tickets.meetings.survey import SERVICE_CODE


def test_seed_demo_invites_and_answers_the_checked_meetings(db):
    call_command("seed_demo", stdout=StringIO())
    checked = Booking.objects.filter(status=Booking.Status.CHECKED)
    invitations = Invitation.objects.filter(service__code=SERVICE_CODE)
    assert checked.count() == 3 and invitations.count() == 3
    assert set(invitations.values_list("object_id", flat=True)) == set(checked.values_list("pk", flat=True))
    scores = dict(Response.objects.filter(invitation__in=invitations).values_list("invitation__object_id", "score"))
    assert scores[checked.get(title=FIRST_TITLE).pk] == 5
    assert scores[checked.exclude(problems="").get().pk] == 3  # the meeting whose sound dropped
    counts = (Booking.objects.count(), invitations.count(), Response.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert counts == (Booking.objects.count(), invitations.count(), Response.objects.count())
