from io import StringIO

from django.core.management import call_command

from publishing.models import Approval, Attachment, Event, PublishingRequest


def test_seed_demo_fills_every_state_and_is_idempotent(db, client):
    call_command("seed_demo", stdout=StringIO())
    statuses = set(PublishingRequest.objects.values_list("status", flat=True))
    assert statuses == {s.value for s in PublishingRequest.Status}
    assert PublishingRequest.objects.published().count() >= 4
    assert PublishingRequest.objects.filter(status="published", expires_on__isnull=False).exclude(
        pk__in=PublishingRequest.objects.published()).exists()  # an expired post
    assert set(Attachment.objects.values_list("kind", flat=True)) == {"pdf", "image"}
    counts = (PublishingRequest.objects.count(), Attachment.objects.count(), Event.objects.count(),
              Approval.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert counts == (PublishingRequest.objects.count(), Attachment.objects.count(), Event.objects.count(),
                      Approval.objects.count())
    post = PublishingRequest.objects.published().first()
    assert client.get(post.get_public_url()).status_code == 200
    attachment = post.attachments.filter(kind="pdf").first()
    download = client.get(f"/news/post/{post.pk}/files/{attachment.pk}/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
