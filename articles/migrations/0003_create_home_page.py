"""Replace Wagtail's placeholder welcome page with the site's HomePage."""

from django.conf import settings
from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("articles.HomePage")

    placeholder_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=placeholder_type, slug="home", depth=2).delete()
    root = Page.objects.get(depth=1)
    if Page.objects.filter(depth=2).exists():
        return

    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="articles")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.create(
        title="对照",
        draft_title="对照",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        intro_zh_hans="英文科技文章的中文译本，原文逐段对照。",
        intro_en="Chinese translations of English tech articles, with the original beside them.",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page_id=home.pk,
        is_default_site=True,
        site_name="对照 Duizhao",
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("articles.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
