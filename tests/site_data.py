"""The rows the data migrations create (root page, home page, site, roles, workflow).

Transactional tests (browser tests, thread races) empty every table when they finish;
this puts the migrated baseline back so the next one starts from what a new site has."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.db import connection

from wagtail.models import Collection, Locale, Page

from articles.demo.loader import LoadReport, load_demo
from articles.editorial.roles import apply_roles
from articles.models import HomePage
from tests.seeded_db import seeded


def ensure_site_data() -> None:
    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    import_module("articles.migrations.0003_create_home_page").create_home_page(apps, None)
    apply_roles(apps)
    import_module("articles.migrations.0007_translation_workflow").create_workflow(apps, None)
    import_module("articles.migrations.0012_desk_approval_task").scope_translation_steps(
        apps, connection
    )


def demo_content(**options) -> LoadReport:
    """The demo content as ``load_demo(**options)`` loads it onto a new site; after the first
    load in this process, its recorded rows are written back instead (tests/seeded_db.py)."""

    def load() -> LoadReport:
        ensure_site_data()
        return load_demo(**options)

    return seeded(("load_demo", tuple(sorted(options.items()))), load)
