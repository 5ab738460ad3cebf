"""Guides become knowledge articles: a category links to its guide; a ticket's guide followed is picked from
the guides. The free text recorded so far is kept in guide_followed_text (knowledge 0003 links it to the guide
whose title it names)."""

import django.db.models.deletion
from django.db import migrations, models


def keep_old_text(apps, schema_editor):
    for name in ("Ticket", "HistoricalTicket"):
        model = apps.get_model("tickets", name)
        model.objects.exclude(guide_followed="").update(guide_followed_text=models.F("guide_followed"))


def restore_old_text(apps, schema_editor):
    for name in ("Ticket", "HistoricalTicket"):
        model = apps.get_model("tickets", name)
        model.objects.exclude(guide_followed_text="").update(guide_followed=models.F("guide_followed_text"))


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge', '0001_initial'),
        ('tickets', '0004_dashboard_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalticket',
            name='guide_followed_text',
            field=models.CharField(blank=True, max_length=255, verbose_name='คู่มือที่ใช้ (บันทึกเดิม)'),
        ),
        migrations.AddField(
            model_name='ticket',
            name='guide_followed_text',
            field=models.CharField(blank=True, max_length=255, verbose_name='คู่มือที่ใช้ (บันทึกเดิม)'),
        ),
        migrations.RunPython(keep_old_text, restore_old_text),
        migrations.RemoveField(model_name='historicalticket', name='guide_followed'),
        migrations.RemoveField(model_name='ticket', name='guide_followed'),
        migrations.AddField(
            model_name='historicalticket',
            name='guide_followed',
            field=models.ForeignKey(blank=True, db_constraint=False, limit_choices_to={'kind': 'guide'}, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='knowledge.article', verbose_name='คู่มือแนวทางที่ใช้'),
        ),
        migrations.AddField(
            model_name='ticket',
            name='guide_followed',
            field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'guide'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tickets_followed', to='knowledge.article', verbose_name='คู่มือแนวทางที่ใช้'),
        ),
        migrations.AddField(
            model_name='category',
            name='guide',
            field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'guide'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='guide_for_categories', to='knowledge.article', verbose_name='บทความคู่มือ'),
        ),
        migrations.AddField(
            model_name='historicalcategory',
            name='guide',
            field=models.ForeignKey(blank=True, db_constraint=False, limit_choices_to={'kind': 'guide'}, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='knowledge.article', verbose_name='บทความคู่มือ'),
        ),
    ]
