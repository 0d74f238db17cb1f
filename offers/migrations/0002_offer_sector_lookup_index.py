# The catalogue's sector filter looks up the offers of a sector (offerpage_id by sector_id); the
# through table Django creates for OfferPage.sectors has (offerpage_id, sector_id) and sector_id alone.
# An auto-created through model cannot declare Meta.indexes, hence plain SQL (the same on SQLite and
# PostgreSQL).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX offers_offerpage_sectors_sector_offer "
                "ON offers_offerpage_sectors (sector_id, offerpage_id)"
            ),
            reverse_sql="DROP INDEX offers_offerpage_sectors_sector_offer",
        ),
    ]
