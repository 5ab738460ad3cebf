"""The satisfaction survey of the meeting / video-conference service (tickets/meetings/survey.py)."""

from django.db import migrations


def add_service(apps, schema_editor):
    from tickets.meetings.survey import ensure_meetings_service

    ensure_meetings_service(apps.get_model("surveys", "SurveyService"), apps.get_model("surveys", "Question"),
                            apps.get_model("contenttypes", "ContentType"))


def remove_service(apps, schema_editor):
    SurveyService = apps.get_model("surveys", "SurveyService")
    service = SurveyService.objects.filter(code="meetings").first()
    if service is not None and not apps.get_model("surveys", "Invitation").objects.filter(service=service).exists():
        service.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_no_double_booking_exclusion"),
        ("surveys", "0002_default_services"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_service, remove_service)]
