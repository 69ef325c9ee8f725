"""Segmentation, query rewriting and excerpts as plain functions (no database)."""

from wagtail.search.query import And, MatchAll, Not, Or, Phrase, PlainText

from cms.search import segment
from cms.search.excerpts import excerpt, highlight_terms, mark, pattern_for
from cms.search.segmenting import segmented_query


def test_indexed_text_holds_words_and_the_words_inside_them():
    segment.add_words(["人工智能寒冬", "杰弗里·辛顿"])
    words = segment.index_text("熬过人工智能寒冬的杰弗里·辛顿（Geoffrey Hinton）").split()
    assert {"人工智能寒冬", "人工智能", "寒冬", "杰弗里", "辛顿", "Geoffrey", "Hinton"} <= set(
        words
    )
    assert "（" not in " ".join(words) and "·" not in " ".join(words)


def test_queries_are_cut_in_search_mode_and_lose_their_syntax():
    assert segment.query_terms('"神经网络" AND(Hinton*') == [
        ["神经", "网络", "神经网", "神经网络"],
        ["AND", "Hinton"],
    ]
    assert segment.query_terms("！！！ ***") == []


def test_a_query_tree_is_segmented_term_by_term():
    query = segmented_query(PlainText("神经网络 Hinton", operator="or"))
    assert isinstance(query, Or)
    assert [node.query_string for node in query.subqueries] == [
        "神经 网络 神经网 神经网络",
        "Hinton",
    ]
    assert segmented_query(PlainText("？？")) is None
    assert isinstance(segmented_query(Phrase("寒冬")), PlainText)
    nested = segmented_query(And([PlainText("寒冬"), Not(PlainText("……"))]))
    assert isinstance(nested, PlainText) and nested.query_string == "寒冬"
    assert isinstance(segmented_query(MatchAll()), MatchAll)


def test_excerpt_is_cut_around_the_first_match_and_escaped():
    text = "前文" * 100 + "<反向传播>的故事" + "后文" * 100
    html = excerpt(["无关", text], pattern_for(highlight_terms("反向传播")))
    assert html.startswith("…") and html.endswith("…")
    assert "&lt;<mark>反向传播</mark>&gt;" in html
    assert len(html) < 150


def test_english_excerpts_do_not_cut_words():
    text = "alpha " * 40 + "Geoffrey Hinton said so " + "omega " * 60
    html = excerpt([text], pattern_for(highlight_terms("hinton")))
    assert "<mark>Hinton</mark>" in html
    assert html.startswith("…alpha") and html.endswith("omega…")


def test_single_characters_cut_from_a_longer_term_are_not_marked():
    terms = highlight_terms("神经网络的历史")
    assert "的" not in terms and "神经网络" in terms
    assert str(mark("a<b", pattern_for(["b"]))) == "a&lt;<mark>b</mark>"
    assert excerpt(["神经网络"], None) is None


def test_a_word_learnt_after_a_text_was_indexed_is_found_when_it_is_indexed_again():
    text = "他参加了冬雪论坛大会"
    assert "冬雪论坛" not in segment.index_text(text).split()
    segment.add_words(["冬雪论坛"])
    assert "冬雪论坛" in segment.index_text(text).split()
