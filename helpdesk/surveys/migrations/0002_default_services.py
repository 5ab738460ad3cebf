"""The default services and their questions (helpdesk/surveys/defaults.py)."""

from django.db import migrations


def add_services(apps, schema_editor):
    from helpdesk.surveys.defaults import ensure_default_services

    ensure_default_services(apps.get_model("surveys", "SurveyService"), apps.get_model("surveys", "Question"),
                            apps.get_model("contenttypes", "ContentType"))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_survey_services_questions_invitations"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_services, migrations.RunPython.noop)]
