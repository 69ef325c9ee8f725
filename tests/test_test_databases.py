"""The suite's own shortcuts must not change what a test sees: a migration change builds a new
template database, and demo content written back from recorded rows is row for row the
content its real load wrote."""

import os
import time

from django.db import transaction

import pytest

from articles.models import ArticlePage
from tests import seeded_db, template_db
from tests.site_data import demo_content


class Rollback(Exception):
    pass


def rows_after(load) -> tuple[dict, object]:
    """The whole database after ``load()``, then rolled back."""
    try:
        with transaction.atomic():
            result = load()
            rows = seeded_db._read_all()
            raise Rollback
    except Rollback:
        return rows, result


def test_the_template_is_named_by_the_migrations_and_the_code_they_run(tmp_path, monkeypatch):
    """And by the installed packages: Wagtail's data migrations run Wagtail's own code."""
    app = tmp_path / "app"
    (app / "migrations").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "rules.py").write_text("ROLES = ['Editors']\n")
    migration = app / "migrations" / "0001_initial.py"
    migration.write_text(
        "def create_roles(apps, schema_editor):\n    from app.rules import ROLES\n"
    )
    monkeypatch.setattr(template_db, "PROJECT_DIR", tmp_path)
    monkeypatch.setattr(template_db, "_migration_files", lambda: {migration})

    first = template_db.schema_key("sqlite")
    assert template_db.schema_key("sqlite") == first
    (app / "rules.py").write_text("ROLES = ['Editors', 'Reviewers']\n")
    second = template_db.schema_key("sqlite")
    migration.write_text(migration.read_text() + "    return ROLES\n")
    third = template_db.schema_key("sqlite")
    monkeypatch.setattr(template_db, "_installed_packages", lambda: ["Wagtail==8.0.1"])
    fourth = template_db.schema_key("sqlite")
    monkeypatch.setattr(template_db, "_installed_packages", lambda: ["Wagtail==8.0.2"])
    fifth = template_db.schema_key("sqlite")
    assert len({first, second, third, fourth, fifth}) == 5
    assert template_db.schema_key("postgresql") != fifth


def test_an_old_template_is_removed_only_once_nobody_is_using_it(tmp_path, monkeypatch):
    """Templates are shared by every clone on the machine: another run may be copying an old
    one right now."""
    monkeypatch.setattr(template_db, "TEMPLATE_DIR", tmp_path)
    current, old = tmp_path / "default-new.sqlite3", tmp_path / "default-old.sqlite3"
    recent = tmp_path / "default-recent.sqlite3"
    for path in (current, old, recent):
        path.write_bytes(b"")
    an_hour_ago = time.time() - template_db.STALE_AFTER_SECONDS - 60
    os.utime(old, (an_hour_ago, an_hour_ago))

    with template_db._locked(old.stem):  # as another run copying it holds it
        template_db._remove_stale_sqlite(current)
    assert old.exists()
    template_db._remove_stale_sqlite(current)
    assert not old.exists()
    assert current.exists() and recent.exists()


@pytest.mark.django_db
def test_demo_content_written_back_is_the_content_its_load_wrote(monkeypatch):
    monkeypatch.setattr(seeded_db, "_recordings", {})
    loaded, report = rows_after(demo_content)
    written_back, again = rows_after(demo_content)

    assert seeded_db._recordings, "the first load was recorded"
    assert loaded.keys() == written_back.keys()
    differing = [
        table for table in loaded if not seeded_db._same(loaded[table], written_back[table])
    ]
    assert differing == []
    assert isinstance(again.article, ArticlePage) and again.article.pk == report.article.pk
    assert again.passwords == report.passwords and again.created == report.created


@pytest.mark.django_db
def test_a_fixture_that_wrote_first_gets_a_real_load(django_user_model, monkeypatch):
    monkeypatch.setattr(seeded_db, "_recordings", {})
    rows_after(demo_content)  # recorded
    django_user_model.objects.create_user(username="early", password="pw")

    report = demo_content()

    # Written back, the recorded users table would have replaced this one.
    assert django_user_model.objects.filter(username="early").exists()
    assert report.article.live
