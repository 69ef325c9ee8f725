from django.db import migrations


def create_roles(apps, schema_editor):
    from articles.editorial.roles import apply_roles

    apply_roles(apps)


def remove_roles(apps, schema_editor):
    from articles.editorial.roles import ROLE_NAMES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_create_home_page"),
        ("people", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
