from django.db import migrations


def create_role(apps, schema_editor):
    # The deputy director (รองผู้อำนวยการในกำกับ) approves and signs data-request replies (002 §3 step 4).
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="deputy_director")


class Migration(migrations.Migration):
    dependencies = [
        ("datarequests", "0001_data_requests"),
        ("helpdesk", "0002_roles_and_cache"),
    ]

    operations = [migrations.RunPython(create_role, migrations.RunPython.noop)]
