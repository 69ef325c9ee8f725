"""Explicit fixtures shared by the whole suite. Browser fixtures live in tests/browser/."""

import gc
import sys
from contextlib import contextmanager

from django.conf import UserSettingsHolder, settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.test import TransactionTestCase
from django.test.utils import setup_databases, teardown_databases
from django.urls import clear_url_caches
from django.utils import translation

import pytest
from pytest_django.fixtures import _disable_migrations
from pytest_django.plugin import blocking_manager_key

from articles.models import HomePage
from cms.page_cache import commit_moves
from cms.page_cache import local as local_copies
from cms.search import dictionary
from tests import index_updates, seeded_db, template_db, template_renders
from tests.site_data import demo_content, ensure_site_data


@pytest.fixture(autouse=True, scope="session")
def django_test_environment(django_test_environment):
    """pytest-django's, recording only the outermost template of each render
    (tests/template_renders.py), and with the search index brought up to date before each
    search (tests/index_updates.py)."""
    template_renders.install()
    index_updates.search_after_pending_updates()
    return django_test_environment


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """Each worker's test database is a copy of one migrated template (tests/template_db.py),
    instead of pytest-django's migration from nothing in every worker. A database kept
    between runs (--reuse-db) or built without migrations is left to pytest-django."""
    verbosity = request.config.option.verbose
    keepdb = django_db_keepdb and not django_db_createdb
    with django_db_blocker.unblock():
        if django_db_use_migrations and not keepdb and template_db.supported():
            tear_down = template_db.set_up(verbosity)
        else:
            if not django_db_use_migrations:
                _disable_migrations()
            config = setup_databases(verbosity=verbosity, interactive=False, keepdb=keepdb)

            def tear_down() -> None:
                if not django_db_keepdb:
                    teardown_databases(config, verbosity=verbosity)

        seeded_db.record_baseline()
    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = _write_back_the_baseline
    yield
    TransactionTestCase._fixture_teardown = flush
    with django_db_blocker.unblock():
        tear_down()


def _write_back_the_baseline(test_case: TransactionTestCase) -> None:
    """The end of a test that committed (transactional_db, live_server): instead of Django's
    flush, which empties every table and runs post_migrate to make its rows again, only the
    tables the test changed get their baseline rows back, so the next test starts from the
    migrated database as it would in a database of its own. On PostgreSQL the flush alone
    took about half a second a test."""
    seeded_db.restore_baseline()


def pytest_sessionstart(session: pytest.Session) -> None:
    """What each worker has loaded by now (Django, Wagtail, the project) lives as long as it
    does: frozen, the garbage collector no longer walks it at every full collection. Rendering
    admin screens makes containers by the million, and at Python's default thresholds the
    collector ran every 700 of them: collected less often, the suite spends about 8% less
    CPU. Reference cycles are still collected, only in bigger batches."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    _keep_freed_frame_chunks()


def _keep_freed_frame_chunks() -> None:
    """Python 3.11 maps and unmaps a 16 KiB chunk for frames each time a call crosses a
    chunk's end, which template rendering does at nearly every tag (tests/native/
    datastack_cache.c keeps them, as Python 3.13 does). Built by ``make venv`` where there is
    a C compiler; without it the suite runs as it is, only slower."""
    if sys.version_info >= (3, 13):
        return
    try:
        from tests.native import _datastack_cache
    except ImportError:
        return
    _datastack_cache.install()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests first: each takes seconds of waiting for Chromium, and a test already
    started is the one thing an idle worker cannot take over (``make test`` runs with
    ``--dist worksteal``). Run early, they overlap the other worker's tests instead of holding
    the end of the run."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is None)


# Tests that commit: their teardown writes the baseline back.
COMMITTING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _commits(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(COMMITTING_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    result = yield
    if nextitem is not None:  # after the last, the database is gone
        with item.config.stash[blocking_manager_key].unblock():
            if _commits(item) and (changed := seeded_db.changed_tables()):
                pytest.fail(f"{item.nodeid} committed and left these tables changed: {changed}")
            seeded_db.note_clean()
    _no_settings_left_overridden(item)
    return result


def _no_settings_left_overridden(item: pytest.Item) -> None:
    """Every override is undone once a test's fixtures are torn down. One that is not (an
    override_settings block ended before changes made on top of it, which then put it back)
    would hold for every later test in the worker."""
    left = []
    while isinstance(settings._wrapped, UserSettingsHolder):
        left += [name for name in vars(settings._wrapped) if name.isupper()]
        settings._wrapped = settings._wrapped.default_settings
    if left:
        pytest.fail(f"{item.nodeid} left settings overridden: {', '.join(sorted(left))}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    index_updates.forget_pending()  # rows of the previous test, rolled back since
    seeded_db.rolled_back_test = not _commits(item)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Once the test has passed, the index updates it held back run (tests/index_updates.py)."""
    result = yield
    index_updates.run_pending()
    return result


@receiver(setting_changed)
def _forget_reversed_language_prefixes(*, setting: str, **kwargs) -> None:
    """Django's resolver keeps each language's reversed ``i18n_patterns`` prefix, worked out
    from LANGUAGE_CODE, for the life of the process and does not forget it when a test
    changes LANGUAGE_CODE: every later test would then get English addresses without
    their /en/ (or Chinese ones with a /zh-hans/)."""
    if setting in {"LANGUAGE_CODE", "LANGUAGES"}:
        clear_url_caches()


@pytest.fixture(autouse=True)
def _empty_cache():
    """The in-memory cache outlives each test's rolled-back database: start every test with
    none of another test's pages, fragments or counters. The search dictionary's version
    this process loaded was the emptied cache's: forgotten too, or its first recheck (every
    30 s) would reload the dictionary in the middle of whichever test runs then."""
    cache.clear()
    dictionary._state.update(loaded_version=None, checked_at=0.0)  # as in a new process
    local_copies.forget()
    yield
    cache.clear()
    local_copies.forget()


@pytest.fixture(autouse=True)
def _default_language():
    """A request through LocaleMiddleware leaves its language active in the thread: start
    every test in the site's default language, as a new request would, so that addresses
    built outside a request (``page.url``) do not depend on the previous test's last page."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def django_capture_on_commit_callbacks(django_capture_on_commit_callbacks):
    """pytest-django's, with each block run as a transaction of its own: the page cache's
    commit plan opened by writes before the block (a fixture's, never committed) would
    otherwise take the block's changes and never run."""

    @contextmanager
    def capture(**kwargs):
        commit_moves.forget_plan()
        with django_capture_on_commit_callbacks(**kwargs) as callbacks:
            yield callbacks

    return capture


@pytest.fixture
def english_admin(settings):
    """For tests that read the admin's messages in English (the default admin is Chinese):
    ``pytestmark = pytest.mark.usefixtures("english_admin")``."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def home_page(db) -> HomePage:
    """The HomePage the initial migration creates as the site root."""
    ensure_site_data()
    return HomePage.objects.get()


@pytest.fixture
def demo(db):
    """The demo content and demo users, loaded as ``make run`` loads them."""
    return demo_content()


@pytest.fixture
def demo_article(demo):
    return demo.article


def user_in_group(django_user_model, username: str, group_name: str):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=username, password="pw-" + username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor_user(db, django_user_model):
    return user_in_group(django_user_model, "ed", "Editors")


@pytest.fixture
def translator_user(db, django_user_model):
    return user_in_group(django_user_model, "tr", "Translators")


@pytest.fixture
def reviewer_user(db, django_user_model):
    return user_in_group(django_user_model, "rv", "Reviewers")
