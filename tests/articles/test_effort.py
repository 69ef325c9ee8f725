"""Post-editing effort: the share of the AI draft the translator changed."""

import pytest

from articles.review.engine.effort import article_effort, section_effort

DRAFT = "我们今天去公园散步。"  # 10 characters
ONE_CHARACTER_CHANGED = "我们明天去公园散步。"


def test_an_untouched_draft_is_zero_effort():
    assert section_effort(DRAFT, DRAFT) == 0.0


def test_surrounding_whitespace_is_not_an_edit():
    assert section_effort(DRAFT, f"  {DRAFT}\n") == 0.0


def test_a_fully_rewritten_draft_is_full_effort():
    assert section_effort("今天天气好", "明日风大") == 1.0


def test_a_stray_shared_character_does_not_count_as_kept_text():
    # "很" survives the rewrite by chance; the translator still replaced everything.
    assert section_effort("今天天气很好", "明日的风很大") == 1.0


def test_one_character_in_ten_is_a_tenth():
    assert section_effort(DRAFT, ONE_CHARACTER_CHANGED) == 0.1


def test_growth_counts_against_the_longer_text():
    # 8 characters inserted and 1 deleted in separate places: 9 edits over 15 characters.
    assert section_effort("辛顿离开了谷歌。", "辛顿在 2023 年离开谷歌。") == pytest.approx(9 / 15)


@pytest.mark.parametrize(("draft", "final"), [(None, DRAFT), ("", DRAFT), (" \n", DRAFT)])
def test_no_figure_without_a_draft(draft, final):
    assert section_effort(draft, final) is None


@pytest.mark.parametrize("final", [None, "", "  "])
def test_no_figure_without_a_translation(final):
    assert section_effort(DRAFT, final) is None


def test_article_effort_is_weighted_by_draft_length():
    long_draft = "深度学习" * 10  # 40 characters, fully rewritten
    sections = [
        (DRAFT, ONE_CHARACTER_CHANGED),  # 0.1 over 10 characters
        (long_draft, "神经网络" * 10),  # 1.0 over 40 characters
        (None, "编者按：没有英文原文。"),  # no draft: not counted
    ]
    assert article_effort(sections) == pytest.approx((0.1 * 10 + 1.0 * 40) / 50)


def test_article_effort_is_none_without_any_draft():
    assert article_effort([(None, "译文"), ("", "译文")]) is None
    assert article_effort([]) is None
