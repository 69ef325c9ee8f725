"""Wagtail's reference index and search index, brought up to date once per test instead of
once per save.

Wagtail enqueues a reference index update on every save of a page and of each of its sections,
and each update re-reads the whole page with every section; the search index is rewritten on
every save of a page (its Chinese cut into words again). Production runs those updates later
in the task worker; the immediate backend of the tests ran each one inside the save, so a page
of n sections cost n whole-page updates when created and again when published, and a page
saved five times in a test was indexed five times. Here they are kept and then run once for
each page or snippet they are about, through the same Wagtail tasks: when the test has run (or
a seeded load is recorded, tests/seeded_db.py), and before any search, which is the one place
the search index is read. Every other task still runs at once, as ``make run`` runs it.
"""

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.db import OperationalError, models
from django.utils import timezone

from modelcluster.fields import ParentalKey

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

Key = tuple[str, str, str]  # app label, model name, primary key
# Ordered sets of the rows saved since the last run, by the task that updates their index.
# By name: wagtail.tasks builds its tasks with this backend, so they cannot be imported first.
REFERENCE_TASK = "wagtail.tasks.update_reference_index_task"
SEARCH_TASK = "modelsearch.tasks.insert_or_update_object_task"
_pending: dict[str, dict[Key, None]] = {REFERENCE_TASK: {}, SEARCH_TASK: {}}
_lock = threading.Lock()  # live_server threads save and search too
LOCKED_WAIT_SECONDS = 5
T = TypeVar("T")


class IndexUpdatesLaterBackend(ImmediateBackend):
    """The immediate backend, except that index updates wait for ``run_pending``."""

    def enqueue(self, task, args, kwargs):
        if task.module_path in _pending:
            with _lock:
                _pending[task.module_path][tuple(args)] = None
            return TaskResult(
                task=task,
                id=get_random_id(),
                status=TaskResultStatus.READY,
                enqueued_at=timezone.now(),
                started_at=None,
                last_attempted_at=None,
                finished_at=None,
                args=args,
                kwargs=kwargs,
                backend=self.alias,
                errors=[],
                worker_ids=[],
            )
        return super().enqueue(task, args, kwargs)


def _by_model(keys: list[Key]) -> dict[type[models.Model], list[str]]:
    by_model: dict[type[models.Model], list[str]] = {}
    for app_label, model_name, pk in keys:
        by_model.setdefault(apps.get_model(app_label, model_name), []).append(pk)
    return by_model


def _pks_there(model: type[models.Model], pks: list[str]) -> list[str]:
    """Those of ``pks`` whose rows are still there, in one query."""
    there = model._default_manager.filter(pk__in=pks).values_list("pk", flat=True)
    return [str(pk) for pk in there]


def _existing(model: type[models.Model], pks: list[str]) -> list[tuple[type[models.Model], str]]:
    """The rows still there among ``pks``, each walked up its parental keys to the object whose
    references are indexed (a section's page), as Wagtail's task walks them: one query per
    model instead of two per row."""
    key = next((f for f in model._meta.get_fields() if isinstance(f, ParentalKey)), None)
    if key is None:
        return [(model, pk) for pk in _pks_there(model, pks)]
    rows = model._default_manager.filter(pk__in=pks)
    parents = [pk for pk in rows.values_list(key.attname, flat=True) if pk is not None]
    return _existing(key.related_model, parents) if parents else []


def _reference_targets(keys: list[Key]) -> list[Key]:
    """The pages and snippets whose references these rows' updates rewrite, each once. Rows
    deleted since are left out: their delete removed their references already."""
    targets: dict[Key, None] = {}
    for model, pks in _by_model(keys).items():
        for target, pk in _existing(model, pks):
            targets[(target._meta.app_label, target._meta.model_name, pk)] = None
    return list(targets)


def _search_targets(keys: list[Key]) -> list[Key]:
    """The saved rows still there: a deleted one was taken out of the search index by its
    delete, and its update must not bring it back."""
    return [
        (model._meta.app_label, model._meta.model_name, pk)
        for model, pks in _by_model(keys).items()
        for pk in _pks_there(model, pks)
    ]


def _take(task: str) -> list[Key]:
    with _lock:
        waiting = list(_pending[task])
        _pending[task].clear()
    return waiting


def _usable_connection() -> bool:
    from django.db import connection

    # A test's code that closed its connection took its uncommitted writes with it.
    return connection.connection is None or connection.is_usable()


def run_pending_search() -> None:
    """Bring the search index up to date: each saved row still there, indexed once."""
    from modelsearch.tasks import insert_or_update_object_task

    waiting = _take(SEARCH_TASK)
    if not waiting or not _usable_connection():
        return
    for key in _when_unlocked(lambda: _search_targets(waiting)):
        _when_unlocked(lambda key=key: insert_or_update_object_task.call(*key))


def run_pending() -> None:
    """Run the waiting updates, one per indexed object, through Wagtail's own tasks."""
    from wagtail.tasks import update_reference_index_task

    run_pending_search()
    waiting = _take(REFERENCE_TASK)
    if not waiting or not _usable_connection():
        return
    for target in _when_unlocked(lambda: _reference_targets(waiting)):
        _when_unlocked(lambda target=target: update_reference_index_task.call(*target))


def _when_unlocked(step: Callable[[], T]) -> T:
    """``step()``, tried again while SQLite says a table is locked. A browser test can end
    while the live server's thread still answers a request the page sent (the editor's
    editing-session release, sent as its tab closes), and in the shared in-memory test
    database that thread's write makes other connections fail at once instead of waiting."""
    deadline = time.monotonic() + LOCKED_WAIT_SECONDS
    while True:
        try:
            return step()
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def forget_pending() -> None:
    """Drop updates for rows a rolled-back test wrote."""
    with _lock:
        for waiting in _pending.values():
            waiting.clear()


def search_after_pending_updates() -> None:
    """Every search, from any view or thread, first runs the search index updates waiting:
    what a test saved is found, as it is once production's task worker has run them."""
    from modelsearch.backends.base import BaseSearchBackend

    search = BaseSearchBackend._search
    if getattr(search, "runs_pending_updates", False):
        return

    def _search(self, *args, **kwargs):
        run_pending_search()
        return search(self, *args, **kwargs)

    _search.runs_pending_updates = True
    BaseSearchBackend._search = _search
