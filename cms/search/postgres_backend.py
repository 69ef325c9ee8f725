"""The segmenting backend on PostgreSQL."""

from wagtail.search.backends.database.postgres import postgres

from cms.search.segmenting import (
    SegmentingCompiler,
    load_dictionary_first,
    segmenting_indexer,
    with_indexer,
)


class PostgresIndex(postgres.PostgresIndex):
    add_items = load_dictionary_first(
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


SearchBackend = PostgresSearchBackend
