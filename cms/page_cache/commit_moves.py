"""With fresh copies on publish, the content version moves once per transaction, at its commit.

Without them (``PAGE_CACHE_WARM_ON_PUBLISH`` off) every change moves the version at once and
again after the commit (``articles.content.page_cache.move_content_version``). With them, the
moves at once only make readers miss while the publishing transaction is still open, and the
move after the commit of the page's own save makes them miss again while the fresh copies are
rendered: the stall readers saw during publishes. Yet one move after the commit is enough: a
copy rendered before it was made under the version before it, whatever it read, and every
request that reads the version after it reads the committed data. So here all the changes of
one transaction wait for its commit, and there move the version once, with fresh copies of
every page published in it (``cms.page_cache.warm``) kept under the new version.

A rolled-back transaction runs no callback; the plan it left behind is recognised as dead (its
callback is no longer among the connection's pending ones) and the next change starts anew.
"""

import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from wagtail.models import Page

from articles.content.page_cache import move_content_version, move_now
from cms.page_cache import warm

_local = threading.local()


@dataclass(eq=False)
class _Plan:
    pages: list[Page] = field(default_factory=list)

    def run(self) -> None:
        if getattr(_local, "plan", None) is self:
            _local.plan = None
        if self.pages:
            warm.move_with_fresh_copies(self.pages)
        else:
            move_now()


def _warming() -> bool:
    return settings.PAGE_CACHE_ENABLED and getattr(settings, "PAGE_CACHE_WARM_ON_PUBLISH", False)


def _open_plan() -> _Plan:
    """This transaction's plan, registered to run at its commit."""
    plan = getattr(_local, "plan", None)
    pending = transaction.get_connection().run_on_commit
    # Equal, not identical: each ``plan.run`` is a new bound method.
    if plan is None or not any(callback == plan.run for _ids, callback, _robust in pending):
        plan = _local.plan = _Plan()
        transaction.on_commit(plan.run)
    return plan


def forget_plan() -> None:
    """Start the next change with a plan of its own, for a caller that runs only the commit
    callbacks registered from now on (a test's ``captureOnCommitCallbacks`` block)."""
    _local.plan = None


def content_changed() -> None:
    """Anything a reader sees changed: every cached page becomes stale."""
    if not _warming():
        move_content_version()
    elif not transaction.get_connection().in_atomic_block:
        move_now()
    else:
        _open_plan()


def page_published(page: Page) -> None:
    """As any change, except that the page's own addresses are rendered afresh and cached
    when the version moves, so its readers do not all miss at once."""
    if not _warming():
        move_content_version()
    elif not transaction.get_connection().in_atomic_block:
        warm.move_with_fresh_copies([page])
    else:
        plan = _open_plan()
        if all(kept.pk != page.pk for kept in plan.pages):
            plan.pages.append(page)
