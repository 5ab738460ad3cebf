"""Item.on_hand: the kept stock balance (issue 23), back-filled from the ledger in one set-based UPDATE."""

from django.db import migrations, models

# One statement for every item (SQLite and PostgreSQL); each item's sum reads its rows through the
# parts_movement_card_idx index (item_id first).
BACK_FILL = """
UPDATE parts_item SET on_hand = COALESCE(
    (SELECT SUM(parts_movement.quantity) FROM parts_movement WHERE parts_movement.item_id = parts_item.id), 0)
"""


class Migration(migrations.Migration):
    dependencies = [("parts", "0002_stock_officer_permissions")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="on_hand",
            field=models.IntegerField(default=0, editable=False, verbose_name="คงเหลือ"),
        ),
        migrations.RunSQL(BACK_FILL, migrations.RunSQL.noop),
        migrations.AddConstraint(
            model_name="item",
            constraint=models.CheckConstraint(condition=models.Q(("on_hand__gte", 0)),
                                              name="parts_item_on_hand_nonnegative"),
        ),
    ]
