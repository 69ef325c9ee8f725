"""Wagtail's database search backend with Chinese segmented on the way in and out.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}``. On SQLite (FTS5)
and PostgreSQL the text each object is indexed with, and every query string the backend is
given (the public search, the API's ``?search=``, the admin's page and snippet search), pass
through ``cms.search.segment``; other databases get Wagtail's backend unchanged. Anything that
is not a letter, digit or Han character in a query separates words, so a reader's quotes,
asterisks or operators never reach the database's query syntax.
"""

from importlib import import_module

from wagtail.search.backends import database

# Wagtail's database backend class -> the module of its segmenting counterpart. Imported when
# chosen, as Wagtail's own backend does: each needs its database's models.
SEGMENTING = {
    "SQLiteSearchBackend": "cms.search.sqlite_backend",
    "PostgresSearchBackend": "cms.search.postgres_backend",
}


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The segmenting counterpart of the backend Wagtail's ``database`` backend picks for the
    default database (SQLite without FTS5 and MySQL keep Wagtail's own)."""
    chosen = database.SearchBackend(params)
    module = SEGMENTING.get(type(chosen).__name__)
    return import_module(module).SearchBackend(params) if module else chosen
