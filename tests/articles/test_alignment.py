"""Paragraph alignment: crafted edits of a faithful translation, and properties of any input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.importing.engine.alignment import ABRIDGED, ADDED, FULL, OMITTED, align
from articles.importing.engine.anchors import AnchorIndex

EN = [
    "Why Superalignment Matters",
    "In 2023, OpenAI announced that it would dedicate 20% of its compute to the problem of "
    "aligning systems much smarter than humans, a goal it called superalignment.",
    "The team was co-led by Ilya Sutskever and Jan Leike, who argued that current techniques "
    "such as RLHF rely on humans being able to supervise the model, which will not scale.",
    "Their plan had three parts: build a roughly human-level automated alignment researcher, "
    "validate it with adversarial testing, and then use vast amounts of compute to scale it.",
    "Critics replied that an automated researcher would itself need to be aligned first, so "
    "the plan simply moves the problem one level up instead of solving it.",
    "Less than a year later, in May 2024, both leaders left the company, and the team was "
    "dissolved; Leike wrote that safety culture had taken a back seat to shiny products.",
    "The episode still shapes the debate today, because every major lab now publishes some "
    "form of safety framework, and investors ask about alignment in due diligence.",
    "What comes next is uncertain, but the question of who supervises the supervisors is not "
    "going away, and it will only become more urgent as models improve.",
]
ZH = [
    "超级对齐为何重要",
    "2023 年，OpenAI 宣布将投入 20% 的算力，用于解决如何对齐远比人类聪明的系统这一问题，"
    "并把这个目标称为超级对齐。",
    "该团队由 Ilya Sutskever 和 Jan Leike 共同领导。他们认为，RLHF 等现有技术依赖人类能够"
    "监督模型，而这种做法无法扩展。",
    "他们的计划分为三部分：构建一个大致达到人类水平的自动化对齐研究员，用对抗测试验证它，"
    "然后投入海量算力将其规模化。",
    "批评者回应说，自动化研究员本身首先就需要被对齐，因此这个计划只是把问题往上推了一层，"
    "并没有真正解决它。",
    "不到一年后，在 2024 年 5 月，两位负责人相继离开公司，团队随之解散；Leike 写道，安全文化"
    "已经让位于光鲜的产品。",
    "这段经历至今仍在影响这场讨论：如今每家大型实验室都会发布某种形式的安全框架，投资人在"
    "尽职调查中也会询问对齐问题。",
    "接下来会怎样尚不确定，但“谁来监督监督者”这个问题不会消失，而且随着模型不断进步，"
    "它只会变得更加紧迫。",
]


def shape(alignment):
    return [(g.en, g.zh, g.kind) for g in alignment.groups]


def test_faithful_translation_is_one_to_one_and_full():
    result = align(EN, ZH)
    assert shape(result) == [([i], [i], FULL) for i in range(len(EN))]
    assert all(0.0 <= g.score <= 1.0 for g in result.groups)
    assert 0.25 < result.ratio < 0.5


def test_paragraph_split_in_two_is_one_to_two():
    first, second = ZH[3].split("，用对抗测试")
    zh = ZH[:3] + [first + "。", "用对抗测试" + second] + ZH[4:]
    groups = shape(align(EN, zh))
    assert ([3], [3, 4], FULL) in groups
    assert len(groups) == len(EN)


def test_paragraphs_merged_are_two_to_one():
    zh = ZH[:4] + [ZH[4] + ZH[5]] + ZH[6:]
    groups = shape(align(EN, zh))
    assert ([4, 5], [4], FULL) in groups
    assert all(kind == FULL for _, _, kind in groups)


def test_omitted_paragraph():
    zh = ZH[:4] + ZH[5:]
    result = align(EN, zh)
    assert ([4], [], OMITTED) in shape(result)
    assert result.flagged(OMITTED) == [4]
    assert result.flagged(ABRIDGED) == []


def test_shortened_paragraph_is_abridged():
    zh = list(ZH)
    zh[5] = "不到一年后，两位负责人相继离开公司。"
    result = align(EN, zh)
    assert result.flagged(ABRIDGED) == [5]
    assert result.flagged(OMITTED) == []
    group = next(g for g in result.groups if g.kind == ABRIDGED)
    assert group.length_ratio < 0.6


def test_editors_lead_is_added():
    lead = (
        "编者按：本周多位前 OpenAI 员工发表公开信，超级对齐再次成为热议话题。"
        "以下是一篇回顾文章的编译。"
    )
    result = align(EN, [lead, *ZH])
    assert shape(result)[0] == ([], [0], ADDED)
    assert result.flagged(ADDED) == [0]
    assert result.flagged(OMITTED) == []


def test_caller_anchors_decide_an_otherwise_even_choice():
    en = ["The first term is alpha.", "The other term is beta."]
    zh = ["这个术语是贝塔。"]
    without = align(en, zh, anchors=[("alpha", "阿尔法")])
    with_anchor = align(en, zh, anchors=[("beta", "贝塔")])
    assert with_anchor.flagged(OMITTED) == [0]
    assert shape(with_anchor) != shape(without) or without.flagged(OMITTED) == [0]


def test_a_caller_term_counts_in_each_paragraph_it_stands_in_as_a_whole_word():
    # At the end of one paragraph and the start of the next, and not inside "MAIN".
    en = ["Models use AI", "AI models learn", "The MAIN point"]
    zh = ["模型用人工智能", "人工智能模型学习", "要点"]
    index = AnchorIndex(en, zh, pairs=[("AI", "人工智能"), ("ideas", "想法")])
    assert [counts.get("@0", 0) for counts in index.en] == [1, 1, 0]
    assert [counts.get("@0", 0) for counts in index.zh] == [1, 1, 0]
    assert not any("@1" in counts for counts in (*index.en, *index.zh))


def test_chinese_chapter_numerals_anchor_to_digits():
    en = ["See Chapter 16 for threads.", "Chapter 17 covers async."]
    zh = ["第十七章介绍异步。"]
    assert align(en, zh).flagged(OMITTED) == [0]


def test_empty_sides():
    assert shape(align([], [])) == []
    assert shape(align(["a"], [])) == [([0], [], OMITTED)]
    assert shape(align([], ["甲"])) == [([], [0], ADDED)]


def test_two_hundred_by_two_hundred_fifty_finds_the_added_notes():
    # How fast this runs is measured by bench/align_parallel_dev.py, not asserted here.
    en = [f"Paragraph {k} about model release {2000 + k} and GPT-{k}. " * 3 for k in range(200)]
    zh = [f"第 {k} 段，关于 {2000 + k} 年的模型发布和 GPT-{k}。" * 3 for k in range(200)]
    for k in range(50):
        zh.insert(4 * k + 1, f"译注：补充说明 {k}。")
    result = align(en, zh)
    assert len(result.flagged(ADDED)) >= 45


paragraphs = st.lists(st.text(max_size=80), max_size=12)


@settings(max_examples=150, deadline=None)
@given(paragraphs, paragraphs)
def test_any_input_is_covered_once_in_order(en, zh):
    result = align(en, zh)
    assert [i for g in result.groups for i in g.en] == list(range(len(en)))
    assert [j for g in result.groups for j in g.zh] == list(range(len(zh)))
    for group in result.groups:
        assert group.en or group.zh
        assert len(group.en) <= 2 and len(group.zh) <= 2
        assert group.kind == (OMITTED if not group.zh else ADDED if not group.en else group.kind)
        assert group.kind in (FULL, ABRIDGED, OMITTED, ADDED)
        assert 0.0 <= group.score <= 1.0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(EN), min_size=1, max_size=8), st.data())
def test_real_paragraphs_with_random_edits_never_crash(en, data):
    zh = data.draw(st.lists(st.sampled_from(ZH), max_size=10))
    result = align(en, zh)
    assert sum(len(g.en) for g in result.groups) == len(en)
