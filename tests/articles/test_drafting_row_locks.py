"""Writers of an article's section rows (``LatestSection``) lock them in id order, so two of
them at once wait for each other instead of deadlocking (PostgreSQL's row locks; SQLite
writes one transaction at a time).

Here a drafting request claims the sections of an article whose order is the reverse of
their rows' ids, while another transaction, as an index update does, holds the first row and
then takes the second. A claim that locked in the sections' order held the second row while
waiting for the first, and PostgreSQL failed one of the two ("deadlock detected", a 500)."""

import threading
import time

from django.db import connection, connections, transaction
from django.test import override_settings

import pytest

from articles.drafting.runs import start_drafting
from articles.editorial.workflow import sync_latest_sections
from articles.models import ArticlePage, ArticleSection, LatestSection
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.fake_ai_servers import FAKE_AI_KEY, FakeOpenAIServer

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_SECONDS = 10


def someone_waits_for_a_row_lock() -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.02)
    return False


@pytest.fixture
def reordered_article():
    """Three sections, indexed in order, then moved so the last indexed comes first."""
    page = ArticlePageFactory()
    sections = [
        ArticleSectionFactory(page=page, sort_order=n, body_en=f"<p>Part {n}.</p>", body_zh_hans="")
        for n in range(3)
    ]
    sync_latest_sections(page)
    for section, order in zip(sections, (2, 1, 0), strict=True):
        ArticleSection.objects.filter(pk=section.pk).update(sort_order=order)
    return ArticlePage.objects.get(pk=page.pk)


def test_a_drafting_claim_and_an_index_update_of_one_article_both_finish(reordered_article):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite writes one transaction at a time")
    page = reordered_article
    first, second, _third = LatestSection.objects.filter(page=page).order_by("pk")
    holding_first = threading.Event()
    claimant_waits = threading.Event()
    outcome: dict[str, object] = {}

    def index_update() -> None:
        try:
            with transaction.atomic():
                LatestSection.objects.filter(pk=first.pk).select_for_update().get()
                holding_first.set()
                claimant_waits.wait(WAIT_SECONDS)
                LatestSection.objects.filter(pk=second.pk).select_for_update().get()
            outcome["index update"] = "done"
        except Exception as error:
            outcome["index update"] = error
        finally:
            connections.close_all()

    def claim() -> None:
        try:
            started = start_drafting(page, run=lambda *args, **kwargs: None)
            outcome["claim"] = sorted(started.queued)
        except Exception as error:
            outcome["claim"] = error
        finally:
            connections.close_all()

    with (
        FakeOpenAIServer(api_key=FAKE_AI_KEY) as server,
        override_settings(**server.settings_values()),
    ):
        updater = threading.Thread(target=index_update)
        updater.start()
        assert holding_first.wait(WAIT_SECONDS)
        claimant = threading.Thread(target=claim)
        claimant.start()
        assert someone_waits_for_a_row_lock()
        claimant_waits.set()
        updater.join(WAIT_SECONDS * 2)
        claimant.join(WAIT_SECONDS * 2)

    keys = sorted(str(row.section_key) for row in LatestSection.objects.filter(page=page))
    assert outcome == {"index update": "done", "claim": keys}
