"""The troubleshooting guides seed 000 names exist as drafts on a fresh installation, each category linked to
its guide, and tickets' free-text guide linked to the guide it names (the text itself is kept)."""

from django.db import migrations


def create_guides(apps, schema_editor):
    from publishing.knowledge.defaults import ensure_default_guides

    Article = apps.get_model("knowledge", "Article")
    Category = apps.get_model("tickets", "Category")
    Ticket = apps.get_model("tickets", "Ticket")
    ensure_default_guides(Article, Category)
    for guide in Article.objects.filter(kind="guide"):
        Ticket.objects.filter(guide_followed__isnull=True, guide_followed_text__iexact=guide.title).update(
            guide_followed=guide
        )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0002_trigram_search"),
        ("tickets", "0005_guide_articles"),
        ("tickets", "0002_default_categories"),
    ]

    operations = [migrations.RunPython(create_guides, migrations.RunPython.noop)]
