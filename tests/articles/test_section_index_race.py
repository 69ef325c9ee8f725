"""Two writers indexing the same new section at the same moment (a drafting run indexing an
article while a save of it does too) both succeed, and the section is indexed once
(PostgreSQL: SQLite serialises writes, so the race cannot happen there)."""

import threading

from django.db import connection

import pytest

from articles.editorial.workflow import sync_latest_sections
from articles.models import ArticlePage, LatestSection
from tests.factories import ArticlePageFactory, ArticleSectionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="simultaneous writers need PostgreSQL"
    ),
]


def test_two_writers_indexing_one_new_section_at_once_both_succeed(home_page, monkeypatch):
    page = ArticlePageFactory(live=False)
    for number in range(2):
        ArticleSectionFactory(page=page, sort_order=number, body_zh_hans="<p>译文。</p>")
    ArticlePage.objects.get(pk=page.pk).save_revision()
    # As if both sections were new to the index when the two writers read it.
    LatestSection.objects.filter(page=page).delete()
    both_have_read = threading.Barrier(2, timeout=20)
    bulk_update = LatestSection.objects.bulk_update

    def after_both_have_read(*args, **kwargs):
        both_have_read.wait()
        return bulk_update(*args, **kwargs)

    monkeypatch.setattr(LatestSection.objects, "bulk_update", after_both_have_read)
    failures = []

    def index() -> None:
        try:
            sync_latest_sections(ArticlePage.objects.get(pk=page.pk))
        except Exception as error:  # reported below, whatever it is
            failures.append(error)
        finally:
            connection.close()

    writers = [threading.Thread(target=index) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert failures == []
    assert LatestSection.objects.filter(page=page).count() == 2
