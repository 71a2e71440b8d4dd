from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_reseau", "0007_catalogue_reuse_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogueentry",
            name="latitude",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="catalogueentry",
            name="longitude",
            field=models.FloatField(blank=True, null=True),
        ),
    ]
