"""The segmenter's dictionary follows the glossary and people's names.

Loaded from the database on first use in each process; a saved term or person adds its words
at once in this process, re-indexes what mentions them (text indexed before the word was
known was cut differently), and moves a version in the shared cache so that other processes
(web workers, the task worker) reload within ``RECHECK_SECONDS``.
"""

import logging
import time

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.db.models.signals import post_save

from wagtail.search.index import insert_or_update_object

from articles.models import ArticlePage
from cms.search import segment
from people.models import Person, Term, split_lines
from people.names import person_names

logger = logging.getLogger(__name__)

VERSION_KEY = "search:dictionary-version"
RECHECK_SECONDS = 30.0

_state = {"loaded_version": None, "checked_at": 0.0}


def dictionary_words() -> list[str]:
    """Every glossary term's Chinese and every person's names and aliases."""
    terms = Term.objects.exclude(term_zh_hans="").values_list("term_zh_hans", flat=True)
    return [*terms, *(name for record in person_names() for name in record.names)]


def ensure_loaded() -> None:
    """Load the dictionary if this process has not, or reload it when another process
    changed it (checked at most every ``RECHECK_SECONDS``)."""
    now = time.monotonic()
    if _state["loaded_version"] is not None and now - _state["checked_at"] < RECHECK_SECONDS:
        return
    _state["checked_at"] = now
    version = cache.get(VERSION_KEY, 0)
    if version == _state["loaded_version"]:
        return
    try:
        # A savepoint: before the people tables exist (migrations index the home page) the
        # failed query must not break the caller's transaction on PostgreSQL.
        with transaction.atomic():
            words = dictionary_words()
    except DatabaseError:
        logger.info("Search dictionary not loaded: the glossary tables are not ready.")
        return
    segment.add_words(words)
    _state["loaded_version"] = version


def _changed_names(instance) -> list[str]:
    if isinstance(instance, Term):
        return [instance.term_zh_hans or ""]
    return [instance.name_zh_hans or "", *split_lines(instance.aliases)]


def words_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """A term or person was saved: learn its words and re-index what mentions them."""
    if raw:
        return
    ensure_loaded()
    names = [name for name in _changed_names(instance) if segment.HAN_RUN.search(name)]
    if not segment.add_words(names):
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)
    _state["loaded_version"] = cache.get(VERSION_KEY)
    transaction.on_commit(lambda: reindex_mentioning(instance, names))


def reindex_mentioning(instance, names: list[str]) -> None:
    """Re-index ``instance`` and the articles whose Chinese mentions any of ``names``."""
    insert_or_update_object(instance)
    words = [word for name in names for word in segment.HAN_RUN.findall(name)]
    mentions = Q()
    for word in words:
        mentions |= (
            Q(title__contains=word)
            | Q(headline_zh_hans__contains=word)
            | Q(summary_zh_hans__contains=word)
            | Q(sections__body_zh_hans__contains=word)
        )
    if not words:
        return
    for page in ArticlePage.objects.filter(mentions).distinct():
        insert_or_update_object(page)


for model in (Term, Person):
    post_save.connect(words_changed, sender=model, dispatch_uid=f"search-words-{model.__name__}")
