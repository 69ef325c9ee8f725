"""People and quotations an import offers: known people linked by Chinese name, rendering and
misspelling; only name-shaped strings offered as unknown names; quotations only where the text
attributes them, to the person it names beside them."""

import json
from io import StringIO

from django.core.management import call_command

import pytest

from articles.importing.adapter import plan_import
from articles.importing.engine.proposal import find_mentions
from articles.models import ArticlePage
from articles.names import (
    EXACT,
    MISSPELLING,
    NEAR,
    chinese_speaker_candidates,
    find_names,
    latin_name_candidates,
    looks_like_person_name,
    near_word,
)
from articles.review.engine.checks.values import PersonNames
from tests.factories import ArticleIndexPageFactory, PersonFactory

MUSK = PersonNames(1, ("Elon Musk",), ("埃隆·马斯克", "马斯克"))
NG = PersonNames(2, ("Andrew Ng",), ("吴恩达",))
BENGIO = PersonNames(3, ("Yoshua Bengio", "Bengio"), ("约书亚·本吉奥",), ("Joshua Bengio",))
ILYA = PersonNames(4, ("Ilya Sutskever", "Ilya"), ("伊利亚·苏茨克维",), ("IIya Sutskever",))
LI = PersonNames(5, ("Fei-Fei Li",), ("李飞飞",))
TURING = PersonNames(6, ("Alan Turing",), ("艾伦·图灵",))
PEOPLE = [MUSK, NG, BENGIO, ILYA, LI, TURING]


def linked(text: str, people=PEOPLE) -> list[tuple[int, str, str]]:
    return [(m.person_id, m.text, m.kind) for m in find_names(text, people)]


# --- Linking known people ---------------------------------------------------------------------


def test_people_are_linked_by_chinese_name_and_rendering():
    assert linked("马斯克和吴恩达都谈到了这件事，埃隆·马斯克后来又补充了几句。") == [
        (1, "马斯克", EXACT),
        (2, "吴恩达", EXACT),
        (1, "埃隆·马斯克", EXACT),
    ]


def test_a_part_of_a_chinese_name_stands_for_the_person():
    assert linked("图灵在 1950 年提出了这个问题。") == [(6, "图灵", EXACT)]


@pytest.mark.parametrize("written", ["IIya", "lIya"])  # capital i for l; l for capital I
def test_i_for_l_confusion_is_a_near_miss_even_in_a_short_name(written):
    assert linked(f"后来 {written} 离开了公司。") == [(4, written, NEAR)]


def test_one_stray_missing_or_changed_letter_in_a_long_name():
    text = "Bengiol、Bengo 和 Bengia 都写错了，Sutskevar 也是；Ilya Sutskiver 同样。"
    assert linked(text) == [
        (3, "Bengiol", NEAR),
        (3, "Bengo", NEAR),
        (3, "Bengia", NEAR),
        (4, "Sutskevar", NEAR),
        (4, "Ilya Sutskiver", NEAR),
    ]


def test_a_recorded_misspelling_is_matched_as_written():
    assert linked("Joshua Bengio and IIya Sutskever") == [
        (3, "Joshua Bengio", MISSPELLING),
        (4, "IIya Sutskever", MISSPELLING),
    ]


def test_a_chinese_rendering_with_one_character_changed():
    assert linked("伊利亚·苏兹克维和约书亚·本吉欧") == [
        (4, "伊利亚·苏兹克维", NEAR),
        (3, "约书亚·本吉欧", NEAR),
    ]


def test_short_names_are_never_guessed():
    # "Li" and "Ng" have two letters: "Lee", "Ny" and "Ing" are other people or words, and
    # a bare "Li" is too short to stand for Fei-Fei Li.
    assert linked("Lee, Ny and Ing met Li and Andrew Ng.") == [(2, "Andrew Ng", EXACT)]
    assert not near_word("Ilia", "Ilya")  # four letters: I/l only, no other slip
    assert not near_word("Muks", "Musk")
    assert not near_word("During", "Turing")  # the first letter is never the slip
    assert near_word("Turinq", "Turing")


def test_a_lower_case_word_is_not_taken_for_a_misspelt_name():
    assert linked("the bengiol value and the lilya field") == []


def test_an_ambiguous_near_miss_links_nobody():
    people = [PersonNames(1, ("Jan Leike",)), PersonNames(2, ("Jan Leiko",))]
    assert [m.person_id for m in find_names("Jan Leikx spoke.", people)] == []


def test_mentions_flag_near_misses_as_misspellings():
    found = find_mentions("吴恩达和 lIya 都在场。", PEOPLE)
    assert [(m.person_id, m.misspelling) for m in found.people] == [(2, False), (4, True)]
    assert found.candidates == []


# --- Candidates: only what looks like a person's name -------------------------------------


def test_acronyms_titles_products_files_and_template_words_are_not_candidates():
    text = (
        "PHONE：13800000000，CEO 和 APP 的 LIKENUM 都是模板字段。"
        "请打开 train_model.ipynb 和 AGENTS.md，安装 Claude Code 与 Google Docs。"
        "作者是 Chief Executive Officer，论文《Attention Is All You Need》"
        "和“Learning Representations by Back-Propagating Errors”都很有名。"
        "{{likeNum}} 阅读原文 GPT-4 OpenAI DeepMind"
    )
    assert find_mentions(text, PEOPLE).candidates == []


def test_real_names_are_kept():
    text = (
        "Erich Gamma、Richard Helm 与 Ludwig van Beethoven 不同；J. K. Rowling 和 "
        "John F. Kennedy 也被提到。"
    )
    assert find_mentions(text, PEOPLE).candidates == [
        "Erich Gamma",
        "Richard Helm",
        "Ludwig van Beethoven",
        "J. K. Rowling",
        "John F. Kennedy",
    ]


def test_english_candidates_leave_out_sentence_openers_and_common_words():
    text = "Yesterday Sam Altman met Greg Brockman in San Francisco. The deep learning team met."
    assert latin_name_candidates(text) == ["Sam Altman", "Greg Brockman"]
    # A word the document writes in lower case is nobody's name.
    assert latin_name_candidates("We met Claude Shannon.", common={"shannon"}) == []


def test_title_case_lines_give_no_candidates():
    assert latin_name_candidates("How Geoffrey Hinton Changed Everything") == []


@pytest.mark.parametrize(
    "words, expected",
    [
        (("Sam", "Altman"), True),
        (("Yann", "LeCun"), True),
        (("Fei-Fei", "Li"), True),
        (("Vincent", "van", "Gogh"), True),
        (("Altman",), False),  # one word alone says too little
        (("Vice", "President"), False),
        (("Machine", "Learning"), False),
        (("Reusable", "Software"), False),
        (("GitHub", "Copilot"), False),
        (("CEO", "Altman"), False),
        (("Sam", "Altman", "Greg", "Brockman", "Ilya"), False),  # five words: a title
    ],
)
def test_looks_like_person_name(words, expected):
    assert looks_like_person_name(words) is expected


def test_chinese_names_are_candidates_only_in_a_speech_frame():
    text = (
        "阿尔特曼说，模型还会更好。纳德拉也表示同意。用辛顿的话说，这是新的时代。"
        "王小明认为不必担心。他说这没问题。于是说到这里。这样根本说不通。"
        "后来美国认为，规则要改。"
    )
    assert chinese_speaker_candidates(text) == ["阿尔特曼", "纳德拉", "王小明", "辛顿"]


def test_known_people_are_not_candidates():
    found = find_mentions("马斯克说：“我们要去火星，而且要快。”", PEOPLE)
    assert found.candidates == []
    assert found.person_ids == [1]


# --- Quotations ------------------------------------------------------------------------------


def quotes(text: str, people=PEOPLE) -> list[tuple[str, object]]:
    return [(q.text, q.speaker_id) for q in find_mentions(text, people).quotes]


def test_speech_before_a_quotation_names_its_speaker():
    assert quotes("马斯克说：“我们会在十年之内登上火星。”") == [("我们会在十年之内登上火星。", 1)]
    assert quotes("吴恩达在接受采访时也表示：“数据比模型更加重要得多。”") == [
        ("数据比模型更加重要得多。", 2)
    ]


def test_speech_after_a_quotation_names_its_speaker():
    assert quotes("“人工智能就是新的电力，它会改变一切。”吴恩达说。") == [
        ("人工智能就是新的电力，它会改变一切。", 2)
    ]
    english = '"We will reach Mars within ten years," Elon Musk said.'
    assert quotes(english) == [("We will reach Mars within ten years,", 1)]
    english = '"Data matters more than the model," said Andrew Ng.'
    assert quotes(english) == [("Data matters more than the model,", 2)]


def test_in_the_words_of():
    assert quotes("用吴恩达的话说，人工智能就是新的电力。马斯克不同意。") == [
        ("人工智能就是新的电力。", 2)
    ]


def test_an_unknown_named_speaker_still_makes_an_offer_without_a_person():
    assert quotes("阿尔特曼说：“明年的模型会好得多，大家拭目以待。”") == [
        ("明年的模型会好得多，大家拭目以待。", None)
    ]


def test_titles_and_unattributed_quotations_are_not_offered():
    text = (
        "吴恩达推荐了论文《Attention Is All You Need》。"
        "Bengio 在论文“A Neural Probabilistic Language Model”中提出了这个方法。"
        "他说：“这个方法会改变整个领域的研究。”"
        "大家都把它叫作“深度学习的三巨头之一”。"
    )
    assert quotes(text) == []


def test_the_speaker_is_the_person_named_beside_the_quotation():
    text = "马斯克在会上提到了吴恩达。Bengio 说：“对齐问题远比我们想象的更难。”"
    assert quotes(text) == [("对齐问题远比我们想象的更难。", 3)]
    # A quotation after a second name goes to that name, not the first one.
    text = "谈到马斯克时，吴恩达说：“他总是比别人更早看到机会。”"
    assert quotes(text) == [("他总是比别人更早看到机会。", 2)]


# --- Through the command ------------------------------------------------------------------------

PAGE = """\
【编译】深度学习的下一步

最近读到一篇谈深度学习前景的文章，借助 AI 做了编译，原文链接：https://example.com/next-step

以下为译文。

过去一年里，马斯克和吴恩达对人工智能的看法分歧越来越大。马斯克说：“我们必须放慢脚步，先想清楚风险。”

Bengiol 和 IIya 都在论文“Learning Deep Architectures for AI”的讨论里被提到，lIya 还补充了一句。

“数据比模型更重要，这一点不会变。”吴恩达说。CEO 和 PHONE 这些字段与 x.ipynb 一样，都不是人名。
"""


@pytest.mark.django_db
def test_import_links_people_by_chinese_name_and_misspelling(tmp_path):
    index = ArticleIndexPageFactory(slug="articles")
    musk = PersonFactory(
        name_en="Elon Musk", name_zh_hans="埃隆·马斯克", aliases="马斯克", slug="musk"
    )
    ng = PersonFactory(name_en="Andrew Ng", name_zh_hans="吴恩达", slug="andrew-ng")
    bengio = PersonFactory(
        name_en="Yoshua Bengio", name_zh_hans="约书亚·本吉奥", aliases="Bengio", slug="bengio"
    )
    ilya = PersonFactory(
        name_en="Ilya Sutskever", name_zh_hans="伊利亚·苏茨克维", aliases="Ilya", slug="ilya"
    )
    PersonFactory(name_en="Alan Turing", name_zh_hans="艾伦·图灵", slug="turing")
    page_file = tmp_path / "page.txt"
    page_file.write_text(PAGE, encoding="utf-8")
    out = StringIO()
    call_command(
        "import_article",
        "--translation",
        str(page_file),
        "--parent",
        str(index.pk),
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert sorted(result["people"]) == sorted([musk.pk, ng.pk, bengio.pk, ilya.pk])
    page = ArticlePage.objects.get(pk=result["page_id"])
    assert set(page.people_mentioned.all()) == {musk, ng, bengio, ilya}

    plan = plan_import(None, PAGE)
    assert plan.candidates == []
    assert [(q.text_zh, q.speaker_id) for q in plan.quotes] == [
        ("我们必须放慢脚步，先想清楚风险。", musk.pk),
        ("数据比模型更重要，这一点不会变。", ng.pk),
    ]
