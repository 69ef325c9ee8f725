"""What the segmenting search backends share: queries cut into words before the backend
builds its SQL, and indexed values cut into words (``cms.search.segment``)."""

from types import CodeType, FunctionType

from wagtail.search.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from cms.search import dictionary, segment


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


def load_dictionary_first(add_items: FunctionType) -> FunctionType:
    def add_items_segmented(self, model, objs):
        dictionary.ensure_loaded()
        return add_items(self, model, objs)

    return add_items_segmented
