from django.db import migrations


def forwards(apps, schema_editor):
    from tickets.systems.satisfaction import ensure_service

    ensure_service(apps.get_model("surveys", "SurveyService"), apps.get_model("surveys", "Question"),
                   apps.get_model("contenttypes", "ContentType"))


def backwards(apps, schema_editor):
    SurveyService = apps.get_model("surveys", "SurveyService")
    service = SurveyService.objects.filter(code="systems_yearly").first()
    if service is not None and not service.invitations.exists():
        service.questions.all().delete()
        service.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("systems", "0004_yearly_satisfaction_survey_rounds"),
        ("surveys", "0003_repair_surveys_from_tickets"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
