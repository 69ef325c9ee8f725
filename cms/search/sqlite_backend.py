"""The segmenting backend on SQLite (FTS5). Imported only on SQLite: Wagtail's SQLite module
needs the FTS table's model, which exists only there."""

from wagtail.search.backends.database.sqlite import query as sqlite_query
from wagtail.search.backends.database.sqlite import sqlite
from wagtail.search.query import Not, Phrase, PlainText

from cms.search.segmenting import (
    SegmentingCompiler,
    load_dictionary_first,
    segmenting_indexer,
    with_indexer,
)

# bm25 weights of the title column, and of a title-only bm25 added to it (see TitleWeightedBM25).
TITLE_WEIGHT = 10.0
TITLE_BONUS = 50.0


class SQLiteIndex(sqlite.SQLiteIndex):
    add_items = load_dictionary_first(
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


SearchBackend = SQLiteSearchBackend
