from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_reseau", "0006_territory_official_geography"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogueentry",
            name="reuse_count",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
