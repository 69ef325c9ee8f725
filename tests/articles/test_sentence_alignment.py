"""Sentence alignment inside aligned paragraphs, missing sentences named, and the coverage API
(articles.importing.engine.sentence_alignment, .alignment, .coverage). No database."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.importing.engine.alignment import ABRIDGED, FULL, OMITTED, align
from articles.importing.engine.coverage import Coverage, section_coverage
from articles.importing.engine.sentence_alignment import align_sentences

RATIO = 0.34

EN = [
    "The release of version 2.0 changed how the team ships software. Every change now goes "
    "through a review queue before it reaches the main branch.",
    "The review queue was designed by Maria Chen in 2021, after a bad outage had taken the "
    "payment service down for six hours. Each request is checked by two reviewers, and a "
    "request where x < y && a > b holds in the diff is held back until a third person has "
    "read it line by line. The queue also records in Grafana how long every review takes, "
    "so that slow reviews can be spotted early and shared among more people. Most teams "
    "adopted it within a month.",
    "Some engineers complained at first. They said the queue slowed them down, but the "
    "numbers showed fewer bugs reaching users.",
]
ZH = [
    "2.0 版的发布改变了团队交付软件的方式。现在每一项改动在进入主分支之前都要经过评审队列。",
    "评审队列由 Maria Chen 于 2021 年设计，起因是一次严重故障让支付服务中断了六个小时。"
    "评审队列还会在 Grafana 中记录每次评审花费的时间，"
    "以便及早发现缓慢的评审，并把它们分给更多的人。"
    "大多数团队在一个月内就采用了它。",
    "一些工程师起初有所抱怨。他们说评审队列拖慢了他们的速度，但数据显示到达用户手中的缺陷变少了。",
]
CUT = (
    "Each request is checked by two reviewers, and a request where x < y && a > b holds in "
    "the diff is held back until a third person has read it line by line."
)


def shapes(result) -> list[tuple[int, int]]:
    return [(len(g.en), len(g.zh)) for g in result.groups]


def test_one_to_one_and_one_to_two_and_two_to_one():
    en = (
        "The queue was designed in 2021 after a bad outage took the payment service down. "
        "Each request is checked by two reviewers, and the slow ones are flagged on Grafana "
        "every morning. It worked. Most teams adopted it within a month."
    )
    zh = (
        "评审队列于 2021 年设计，起因是一次严重故障让支付服务停了下来。"
        "每个请求都由两名评审者检查；"
        "缓慢的请求每天早上都会在 Grafana 上被标出来。"
        "它奏效了，大多数团队在一个月内就采用了它。"
    )
    result = align_sentences(en, zh, ratio=RATIO)
    assert shapes(result) == [(1, 1), (1, 2), (2, 1)]
    assert result.missing() == []


def test_a_dropped_middle_sentence_is_one_to_zero():
    result = align_sentences(EN[1], ZH[1], ratio=RATIO)
    assert shapes(result) == [(1, 1), (1, 0), (1, 1), (1, 1)]
    assert [result.en[i].text for i in result.missing()] == [CUT]
    assert result.margin > 1.5


def test_a_translators_sentence_is_zero_to_one():
    en = "Rebasing replays your commits on top of another branch. It keeps the history linear."
    zh = (
        "变基会把你的提交在另一个分支之上重放一遍。"
        "译注：“变基”即 rebase。"
        "这样历史就保持为一条直线。"
    )
    result = align_sentences(en, zh, ratio=RATIO)
    assert shapes(result) == [(1, 1), (0, 1), (1, 1)]


def test_paragraph_with_a_dropped_sentence_is_abridged_and_names_it():
    groups = align(EN, ZH).groups
    assert [g.kind for g in groups] == [FULL, ABRIDGED, FULL]
    assert groups[1].missing == [CUT]
    assert groups[0].missing == groups[2].missing == []


def test_the_place_of_a_cut_is_the_sentence_boundary_where_it_was():
    groups = align(EN, ZH).groups
    # Paragraph 1 of the Chinese, after its first sentence.
    assert groups[1].places == [(1, 1)]
    assert section_coverage("\n\n".join(EN), "\n\n".join(ZH)).paragraphs[1].places == [[1, 1]]


def test_a_sentence_whose_words_the_chinese_never_renders_is_named_missing():
    # No number or name tells the sentences apart: only what the words mean does.
    en = (
        "Rebasing rewrites the history of a branch so that it starts from the latest commit on "
        "the main line, which keeps the log of the project easy to read for every reviewer. "
        "The configuration file decides which editor opens during an interactive rebase. "
        "After the rebase, the branch can be merged without a merge commit."
    )
    zh = (
        "变基会改写一个分支的历史，使它从主线上最新的提交开始，这样项目的日志对每一位审阅者来说都很容易阅读。"
        "变基之后，这个分支可以直接合并，而不产生合并提交。"
    )
    [group] = align([en], [zh]).groups
    assert group.kind == ABRIDGED
    assert group.missing == [
        "The configuration file decides which editor opens during an interactive rebase."
    ]
    assert group.places == [(0, 1)]


def test_a_badly_shortened_sentence_is_still_its_sources_counterpart():
    # Most of its words have no rendering in the Chinese, yet it is one sentence shortened,
    # not an English sentence left out beside a Chinese one added.
    en = (
        "The founders moved the whole research group abroad in 2019, and the archive of early "
        "notebooks, drafts and correspondence was donated to a university library."
    )
    result = align_sentences(en, "2019 年，创始人离开了。", ratio=RATIO)
    assert shapes(result) == [(1, 1)]


def test_whole_translation_is_full_and_an_omitted_paragraph_lists_all_its_sentences():
    whole = (
        ZH[:1]
        + [
            ZH[1].replace(
                "评审队列还会",
                "每个请求都由两名评审者检查，差异中若有 x < y && a > b "
                "则要等第三个人逐行读过才放行。评审队列还会",
            )
        ]
        + ZH[2:]
    )
    assert [g.kind for g in align(EN, whole).groups] == [FULL, FULL, FULL]
    groups = align(EN, []).groups
    assert [g.kind for g in groups] == [OMITTED, OMITTED, OMITTED]
    assert groups[1].missing[1] == CUT and len(groups[1].missing) == 4
    assert groups[2].missing == [
        "Some engineers complained at first.",
        "They said the queue slowed them down, but the numbers showed fewer bugs reaching users.",
    ]


def test_sentences_false_keeps_the_paragraph_aligner_alone():
    groups = align(EN, ZH, sentences=False).groups
    assert [g.kind for g in groups] == [FULL, FULL, FULL]
    assert all(g.missing == [] for g in groups)


def test_section_coverage_from_html_round_trips_through_json():
    english = "".join(f"<p>{p.replace('<', '&lt;').replace('>', '&gt;')}</p>" for p in EN)
    chinese = "<p>" + "</p><p>".join(ZH) + "</p>"
    coverage = section_coverage(english, chinese, names=[("Maria Chen", "陈玛丽")])
    assert coverage.status == ABRIDGED
    assert coverage.missing == [CUT]
    assert [p.kind for p in coverage.paragraphs] == [FULL, ABRIDGED, FULL]
    assert coverage.paragraphs[1].en == [1] and coverage.paragraphs[1].missing == [CUT]
    data = json.loads(json.dumps(coverage.as_json()))
    assert Coverage.from_json(data) == coverage


def test_section_coverage_statuses():
    text = "\n\n".join(EN)
    assert section_coverage(text, "\n\n".join(ZH[:1] + [ZH[1] + CUT] + ZH[2:])).status in (
        FULL,
        ABRIDGED,
    )
    nothing = section_coverage(text, "")
    assert nothing.status == OMITTED and CUT in nothing.missing
    assert section_coverage("", "译者前言。").status == FULL


WORDS = st.sampled_from(
    [
        "The",
        "model",
        "was",
        "trained",
        "on",
        "2021",
        "data",
        "GPT-4",
        "e.g.",
        "U.S.",
        "3.14",
        "模型",
        "训练",
        "数据",
        "在",
        "。",
        "！",
        "？",
        "；",
        ".",
        "!",
        "?",
        ",",
        "，",
        "“",
        "”",
        "\n",
        "\n- ",
        "fn main() {}",
        "https://a.io/x.",
    ]
)
PARAGRAPH = st.lists(WORDS, max_size=40).map(" ".join)


@settings(max_examples=120, deadline=None)
@given(st.lists(PARAGRAPH, max_size=3), st.lists(PARAGRAPH, max_size=3))
def test_any_input_every_sentence_covered_once_in_order(en, zh):
    result = align_sentences(en, zh, ratio=RATIO)
    en_order = [i for g in result.groups for i in g.en]
    zh_order = [j for g in result.groups for j in g.zh]
    assert en_order == list(range(len(result.en)))
    assert zh_order == list(range(len(result.zh)))
    assert set(result.missing()) <= set(en_order)
    groups = align(en, zh).groups
    assert [i for g in groups for i in g.en] == list(range(len(en)))
    assert [j for g in groups for j in g.zh] == list(range(len(zh)))
    coverage = section_coverage("\n\n".join(en), "\n\n".join(zh))
    assert Coverage.from_json(json.loads(json.dumps(coverage.as_json()))) == coverage
