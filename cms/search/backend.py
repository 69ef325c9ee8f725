"""Wagtail's database search backend with Chinese segmented on the way in and out.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}``. On SQLite (FTS5)
and PostgreSQL the text each object is indexed with, and every query string the backend is
given (the public search, the API's ``?search=``, the admin's page and snippet search), pass
through ``cms.search.segment``; other databases get Wagtail's backend unchanged. Anything that
is not a letter, digit or Han character in a query separates words, so a reader's quotes,
asterisks or operators never reach the database's query syntax.
"""

from types import CodeType, FunctionType

from wagtail.search.backends import database
from wagtail.search.backends.database.postgres import postgres
from wagtail.search.backends.database.sqlite import query as sqlite_query
from wagtail.search.backends.database.sqlite import sqlite
from wagtail.search.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from cms.search import dictionary, segment

TITLE_WEIGHT = 10.0
TITLE_BONUS = 50.0


def segmented_query(query):
    """``query`` (a Wagtail search query tree) with each plain-text and phrase node cut into
    words: a term becomes all of its words (AND), terms keep the reader's operator. None when
    no word is left."""
    if isinstance(query, PlainText | Phrase):
        terms = segment.query_terms(query.query_string)
        if not terms:
            return None
        nodes = [PlainText(" ".join(words), operator="and") for words in terms]
        if len(nodes) == 1:
            return nodes[0]
        return Or(nodes) if getattr(query, "operator", "and").lower() == "or" else And(nodes)
    if isinstance(query, And | Or):
        kept = [node for node in map(segmented_query, query.subqueries) if node is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else type(query)(kept)
    if isinstance(query, Not):
        inner = segmented_query(query.subquery)
        return None if inner is None else Not(inner)
    if isinstance(query, Boost):
        inner = segmented_query(query.subquery)
        return None if inner is None else Boost(inner, query.boost)
    return query  # MatchAll, Fuzzy: as they are


class SegmentingCompiler:
    """Query compiler mixin: the query is segmented before the backend builds its SQL. The
    last word of each term also matches as a prefix (神经网 finds 神经网络, Hint finds
    Hinton)."""

    LAST_TERM_IS_PREFIX = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dictionary.ensure_loaded()
        self.query = segmented_query(self.query) or Not(MatchAll())


def segmenting_indexer(indexer_class: type) -> type:
    """An ObjectIndexer of the backend whose every indexed value is segmented."""

    class SegmentingIndexer(indexer_class):
        def prepare_value(self, value):
            return segment.index_text(super().prepare_value(value))

    return SegmentingIndexer


def _global_names(code: CodeType) -> set[str]:
    """Names a code object and those nested in it (comprehensions) look up."""
    nested = (const for const in code.co_consts if isinstance(const, CodeType))
    return set(code.co_names).union(*map(_global_names, nested))


def with_indexer(add_items: FunctionType, indexer_class: type) -> FunctionType:
    """``add_items`` of a Wagtail index class as it is, but building ``indexer_class``
    objects: the method names its module's ``ObjectIndexer`` directly, so this is the one
    place to swap it without copying the method."""
    if "ObjectIndexer" not in _global_names(add_items.__code__):
        raise RuntimeError("Wagtail's add_items no longer builds an ObjectIndexer")
    namespace = {**add_items.__globals__, "ObjectIndexer": indexer_class}
    function = FunctionType(
        add_items.__code__,
        namespace,
        add_items.__name__,
        add_items.__defaults__,
        add_items.__closure__,
    )
    function.__qualname__ = add_items.__qualname__
    return function


def _load_dictionary_first(add_items: FunctionType) -> FunctionType:
    def add_items_segmented(self, model, objs):
        dictionary.ensure_loaded()
        return add_items(self, model, objs)

    return add_items_segmented


class SQLiteIndex(sqlite.SQLiteIndex):
    add_items = _load_dictionary_first(
        with_indexer(sqlite.SQLiteIndex.add_items, segmenting_indexer(sqlite.ObjectIndexer))
    )


class TitleWeightedBM25(sqlite_query.BM25):
    """FTS5's bm25 with the title column weighted (Wagtail's weighs the columns alike)."""

    def as_sql(self, compiler, connection, function=None, template=None):
        table = sqlite_query.SQLiteFTSIndexEntry._meta.db_table
        # Columns in the order the FTS table declares them: autocomplete, body, title. bm25
        # normalises by the whole row's length, so a long article's title match counts for
        # little; the title-only term gives it back.
        return (
            f"(bm25({table}, 1.0, 1.0, {TITLE_WEIGHT})"
            f" + {TITLE_BONUS} * bm25({table}, 0.0, 0.0, 1.0))"
        ), []


class SQLiteQueryCompiler(SegmentingCompiler, sqlite.SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Phrase | PlainText | Not):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def _build_rank_expression(self, vectors, config):
        # One bm25 over the row, its title weighted in; Wagtail's adds the same bm25 twice,
        # once scaled by the title's shortness, which put articles with short titles first.
        return self.build_tsrank(None, self.query, config=config)


class SQLiteAutocompleteCompiler(SegmentingCompiler, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = SQLiteIndex
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler


class PostgresIndex(postgres.PostgresIndex):
    add_items = _load_dictionary_first(
        with_indexer(postgres.PostgresIndex.add_items, segmenting_indexer(postgres.ObjectIndexer))
    )


class PostgresQueryCompiler(SegmentingCompiler, postgres.PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteCompiler(SegmentingCompiler, postgres.PostgresAutocompleteQueryCompiler):
    pass


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = PostgresIndex
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteCompiler


SEGMENTING = {
    sqlite.SQLiteSearchBackend: SQLiteSearchBackend,
    postgres.PostgresSearchBackend: PostgresSearchBackend,
}


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The segmenting counterpart of the backend Wagtail's ``database`` backend picks for the
    default database (SQLite without FTS5 and MySQL keep Wagtail's own)."""
    chosen = database.SearchBackend(params)
    segmenting = SEGMENTING.get(type(chosen))
    return segmenting(params) if segmenting else chosen
