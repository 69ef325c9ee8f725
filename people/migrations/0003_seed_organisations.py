from django.db import migrations

from people.seed_organisations import ORGANISATIONS


def seed(apps, schema_editor):
    Organisation = apps.get_model("people", "Organisation")
    for name_en, name_zh, aliases in ORGANISATIONS:
        Organisation.objects.get_or_create(
            name_en=name_en,
            defaults={"name": name_en, "name_zh_hans": name_zh, "aliases": "\n".join(aliases)},
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0002_organisation")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
