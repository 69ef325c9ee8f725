"""Wagtail's reference index, brought up to date once per test instead of once per save.

Wagtail enqueues an index update on every save of a page and of each of its sections, and each
update re-reads the whole page with every section. Production runs those updates later in the
task worker; the immediate backend of the tests ran each one inside the save, so a page of n
sections cost n whole-page updates when created and again when published. Here they are kept
until the test has run (or a seeded load is recorded, tests/seeded_db.py) and then run once
for each page or snippet they are about: the same index, the same Wagtail code. Every other
task still runs at once, as ``make run`` runs it.
"""

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import OperationalError
from django.utils import timezone

from modelcluster.fields import ParentalKey

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

_pending: dict[tuple[str, str, str], None] = {}  # ordered set of (app label, model, pk)
_lock = threading.Lock()  # live_server threads save too
# By name: wagtail.tasks builds its tasks with this backend, so it cannot be imported first.
UPDATE_TASK = "wagtail.tasks.update_reference_index_task"
LOCKED_WAIT_SECONDS = 5
T = TypeVar("T")


class ReferenceIndexLaterBackend(ImmediateBackend):
    """The immediate backend, except that reference index updates wait for ``run_pending``."""

    def enqueue(self, task, args, kwargs):
        if task.module_path == UPDATE_TASK:
            with _lock:
                _pending[tuple(args)] = None
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


def _indexed_object(app_label: str, model_name: str, pk: str):
    """The object whose index an update of this row rewrites: a section's page (as Wagtail's
    task walks up parental keys), or None when the row is gone."""
    try:
        instance = apps.get_model(app_label, model_name).objects.get(pk=pk)
        while keys := [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]:
            instance = getattr(instance, keys[0].name)
            if instance is None:
                return None
    except ObjectDoesNotExist:
        return None  # deleted since: its delete removed its references already
    return instance


def run_pending() -> None:
    """Run the waiting updates, one per indexed object, through Wagtail's own task."""
    from django.db import connection

    from wagtail.tasks import update_reference_index_task

    with _lock:
        waiting = list(_pending)
        _pending.clear()
    if connection.connection is not None and not connection.is_usable():
        return  # the test's code closed its connection, and its writes went with it
    done: set[tuple[str, str, str]] = set()
    for key in waiting:
        instance = _when_unlocked(lambda key=key: _indexed_object(*key))
        if instance is None:
            continue
        target = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        if target not in done:
            done.add(target)
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
        _pending.clear()
