"""Consistency checks: each catches its problem, none fires on a correct translation."""

from django.utils import translation

import pytest

from articles.review.engine.checks import (
    GLOSSARY_FORBIDDEN,
    GLOSSARY_MISSING,
    MISSING_NAME,
    MISSING_NUMBER,
    MISSING_URL,
    MISSPELT_NAME,
    SHORT_TRANSLATION,
    Finding,
    GlossaryTerm,
    PeopleIndex,
    PersonNames,
    article_ratio,
    check_glossary,
    check_length,
    check_misspellings,
    check_names,
    check_numbers,
    check_urls,
    run_checks,
)
from articles.review.engine.checks.names import name_candidates
from articles.review.engine.checks.numbers import chinese_numeral

PEOPLE = [
    PersonNames(1, ["Geoffrey Hinton", "Geoff Hinton"], ["杰弗里·辛顿"], ["Geoffery Hinton"]),
    PersonNames(2, ["Yoshua Bengio"], ["约书亚·本吉奥"]),
    PersonNames(3, ["Yann LeCun"], ["杨立昆"]),
    PersonNames(4, ["Ilya Sutskever"], ["伊利亚·苏茨克维"], ["IIya", "IIya Sutskever"]),
    PersonNames(5, ["Alex Krizhevsky"], ["亚历克斯·克里热夫斯基"]),
]
GLOSSARY = [
    GlossaryTerm("superalignment", "超级对齐", forbidden=["超对齐"]),
    GlossaryTerm("neural network", "神经网络"),
]


@pytest.fixture(autouse=True)
def english_messages():
    """Messages are compared in English; the Chinese ones are tested in test_checks_right."""
    with translation.override("en"):
        yield


CLEAN_PAIRS = [
    (
        "In 2012, AlexNet won the ImageNet challenge with a top-5 error of 15.3%.",
        "2012 年，AlexNet 以 15.3% 的 top-5 错误率赢得了 ImageNet 挑战赛。",
    ),
    (
        "Geoffrey Hinton, who shared the 2018 Turing Award with Yoshua Bengio and Yann LeCun, "
        "left Google in May 2023 so that he could speak freely about the risks of AI.",
        "杰弗里·辛顿与约书亚·本吉奥、杨立昆共同获得了 2018 年图灵奖。2023 年 5 月，他离开谷歌，"
        "以便能够自由地谈论 AI 的风险。",
    ),
    (
        "Hinton's student Ilya Sutskever later co-founded OpenAI, which raised $1 billion "
        "and now has more than 3,000 employees.",
        "辛顿的学生伊利亚·苏茨克维后来联合创立了 OpenAI，该公司融资 10 亿美元，"
        "如今员工超过 3000 人。",
    ),
    (
        "Researchers at the University of Toronto trained the neural network on two GPUs for "
        "six days. The paper is at https://www.cs.toronto.edu/~kriz/imagenet.pdf.",
        "多伦多大学的研究人员用两块 GPU 把这个神经网络训练了六天。"
        "论文见 https://www.cs.toronto.edu/~kriz/imagenet.pdf。",
    ),
    (
        "Superalignment, he wrote, is the problem of the decade: in the 1990s nobody trained "
        "30 million parameters, let alone 175B.",
        "他写道，超级对齐是这十年的难题：在 20 世纪 90 年代，没有人训练过 3000 万个参数，"
        "更不用说 1750 亿个了。",
    ),
    (
        "Three Lessons From AlexNet\nThe first lesson is about data: 3 of the 12 authors said so.",
        "AlexNet 的三个教训\n第一个教训与数据有关：12 位作者中有三位这样说。",
    ),
]


@pytest.mark.parametrize(("source", "translation"), CLEAN_PAIRS)
def test_no_check_fires_on_a_clean_translation(source, translation):
    assert run_checks(source, translation, people=PEOPLE, glossary=GLOSSARY) == []


@pytest.mark.parametrize(("source", "translation"), CLEAN_PAIRS)
def test_a_clean_pair_stays_clean_with_the_length_check_on(source, translation):
    padded = "\n\n".join([source] * 4), "\n\n".join([translation] * 4)
    ratio = article_ratio([padded])
    assert run_checks(*padded, people=PEOPLE, glossary=GLOSSARY, article_ratio=ratio) == []


def test_a_missing_year_is_reported_in_plain_words():
    findings = check_numbers(
        "In 2012, AlexNet won the ImageNet challenge.", "AlexNet 赢得了 ImageNet 挑战赛。"
    )
    assert findings == [
        Finding(MISSING_NUMBER, "Year “2012” in the source is missing from the translation", "2012")
    ]


def test_a_changed_percentage_is_reported():
    findings = check_numbers("a top-5 error of 15.3%", "top-5 错误率为 16.3%")
    assert [(f.evidence, f.message) for f in findings] == [
        ("15.3%", "Percentage “15.3%” in the source is missing from the translation")
    ]


def test_a_mistyped_number_among_correct_ones_is_the_only_one_reported():
    findings = check_numbers(
        "It had 60 million parameters and 650,000 neurons.", "它有 6000 万个参数和 65000 个神经元。"
    )
    assert [f.evidence for f in findings] == ["650,000"]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("1,000 GPUs", "1000 块 GPU"),
        ("1,000 GPUs", "一千块 GPU"),
        ("in 2012", "２０１２年"),
        ("in 2012", "二〇一二年"),
        ("a 50% cut", "削减５０％"),
        ("a 50% cut", "削减百分之五十"),
        ("3 reasons", "三个原因"),
        ("12 authors", "十二位作者"),
        ("2 GPUs", "两块 GPU"),
        ("105 layers", "一百零五层"),
        ("$1.5 billion", "15 亿美元"),
        ("10,000 images", "1 万张图片"),
        ("1.2 trillion tokens", "1.2 万亿个词元"),
        ("a 7B model", "一个 7B 模型"),
        ("a 7B model", "一个 70 亿参数的模型"),
        ("the 1990s", "20 世纪 90 年代"),
        ("GPT-3.5", "GPT-3.5"),
    ],
)
def test_numbers_match_across_notations(source, translation):
    assert check_numbers(source, translation) == []


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三", 3),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("一亿五千万", 150_000_000),
        ("三万亿", 3 * 10**12),
        ("二〇一二", 2012),
    ],
)
def test_chinese_numerals_are_read(numeral, value):
    assert chinese_numeral(numeral) == value


def test_chinese_numeral_with_decimal_point():
    assert str(chinese_numeral("十五点三")) == "15.3"


def test_a_number_inside_a_model_name_is_not_a_number():
    assert check_numbers("trained on an H100", "在 H100 上训练") == []
    assert check_numbers("trained on an H100", "在 GPU 上训练") == []


def test_a_missing_link_is_reported_and_scheme_differences_are_not():
    source = "Read it at https://www.example.com/post/."
    assert check_urls(source, "原文见 http://example.com/post") == []
    assert check_urls(source, "原文见该网站。") == [
        Finding(
            MISSING_URL,
            "Link “https://www.example.com/post/” in the source is missing from the translation",
            "https://www.example.com/post/",
        )
    ]


def test_digits_of_a_link_are_not_checked_as_numbers():
    assert check_numbers("see https://arxiv.org/abs/1706.03762", "见论文") == []


def test_a_name_kept_in_latin_script_is_reported_when_missing():
    findings = check_names(
        "The talk was chaired by Demis Hassabis at DeepMind.", "这场演讲由哈萨比斯主持。"
    )
    assert findings == [
        Finding(
            MISSING_NAME,
            "Name “DeepMind” in the source is missing from the translation",
            "DeepMind",
        )
    ]


def test_a_known_person_missing_from_the_translation_is_reported():
    findings = check_names(
        "The talk was chaired by Alex Krizhevsky.", "这场演讲由他主持。", people=PEOPLE
    )
    assert [f.evidence for f in findings] == ["Alex Krizhevsky"]


def test_a_known_person_is_found_by_chinese_name_or_surname():
    source = "Later, Alex Krizhevsky and Hinton wrote the paper."
    full_names = "后来，亚历克斯·克里热夫斯基和辛顿写了这篇论文。"
    assert check_names(source, full_names, people=PEOPLE) == []
    assert check_names(source, "后来，亚历克斯和辛顿写了这篇论文。", people=PEOPLE) == []
    missing = check_names(source, "后来，他们写了这篇论文。", people=PEOPLE)
    assert [f.evidence for f in missing] == ["Alex Krizhevsky", "Hinton"]


def test_names_with_no_record_and_no_latin_form_are_not_judged():
    # Transliterations cannot be predicted: a clean translation must not be flagged.
    assert (
        check_names("He met Alex Krizhevsky in Stockholm.", "他在斯德哥尔摩见到了克里热夫斯基。")
        == []
    )


def test_sentence_initial_and_heading_words_are_not_names():
    source = "Researchers Agree On Scale\nResearchers trained it. Afterwards, results improved."
    assert check_names(source, "研究人员的共识\n研究人员训练了它，结果随之提升。") == []


def test_a_word_capitalised_mid_sentence_elsewhere_counts_even_at_a_sentence_start():
    source = "Krizhevsky built it. The code came from Krizhevsky."
    found = check_names(source, "代码是他写的。", people=PEOPLE)
    assert [f.evidence for f in found] == ["Krizhevsky"]


def test_a_glossary_rendering_counts_as_the_name():
    glossary = [GlossaryTerm("DeepMind", "深度思维")]
    assert check_names("He joined DeepMind.", "他加入了深度思维。", glossary=glossary) == []


def test_a_missing_glossary_rendering_is_reported():
    term = GlossaryTerm("superalignment", "超级对齐")
    findings = check_glossary("Superalignment is hard.", "对齐超级智能很难。", [term])
    assert findings == [
        Finding(
            GLOSSARY_MISSING,
            "Term “superalignment” should be rendered as “超级对齐”, which is missing from the "
            "translation",
            "superalignment",
        )
    ]


def test_a_forbidden_rendering_is_reported_even_next_to_the_approved_one():
    findings = check_glossary("Superalignment matters.", "超对齐很重要，超级对齐更重要。", GLOSSARY)
    assert [(f.code, f.evidence) for f in findings] == [(GLOSSARY_FORBIDDEN, "超对齐")]


def test_a_forbidden_rendering_inside_the_approved_one_is_not_reported():
    term = GlossaryTerm("superalignment", "超级对齐", forbidden=["对齐"])
    assert check_glossary("Superalignment matters.", "超级对齐很重要。", [term]) == []


def test_glossary_terms_absent_from_the_source_are_not_checked():
    assert check_glossary("Alignment matters.", "超对齐很重要。", GLOSSARY) == []


def test_glossary_plural_and_case_sensitivity():
    plural = check_glossary("Neural networks learn.", "它们会学习。", GLOSSARY)
    assert [f.code for f in plural] == [GLOSSARY_MISSING]
    term = GlossaryTerm("Transformer", "Transformer", case_sensitive=True)
    assert check_glossary("a transformer in the grid", "电网中的变压器", [term]) == []
    assert [f.code for f in check_glossary("the Transformer model", "变换器模型", [term])] == [
        GLOSSARY_MISSING
    ]


def test_a_known_misspelling_in_the_translation_is_reported():
    findings = check_misspellings(
        "Ilya Sutskever joined in 2015.", "IIya Sutskever 于 2015 年加入。", PEOPLE
    )
    assert findings == [
        Finding(
            MISSPELT_NAME,
            "“IIya Sutskever” in the translation looks like a misspelling of “Ilya Sutskever”",
            "IIya Sutskever",
        )
    ]


def test_a_misspelling_is_reported_once_per_text_it_appears_in():
    findings = check_misspellings("IIya spoke.", "IIya 说道。", PEOPLE)
    assert [f.message for f in findings] == [
        "“IIya” in the source and the translation (2 times) looks like a misspelling of "
        "“Ilya Sutskever”"
    ]


def test_the_correct_spelling_is_not_a_misspelling():
    assert check_misspellings("Ilya spoke.", "Ilya Sutskever 说道。", PEOPLE) == []


def test_a_misspelt_name_is_not_also_reported_missing():
    findings = run_checks("Ilya Sutskever spoke.", "IIya Sutskever 说道。", people=PEOPLE)
    assert [f.code for f in findings] == [MISSPELT_NAME]


def test_one_index_checks_many_sections_each_on_its_own_texts():
    """An article's sections are checked with one index of everyone's names: what it found
    in one section (a slip, a name) is never reported for another."""
    sections = [
        ("lIya spoke.", "lIya 说道。"),
        ("IIya Sutskever spoke.", "伊利亚·苏茨克维说道。"),
        ("Then Bengiol wrote.", "然后本吉奥写道。"),
        ("Yoshua Bengio wrote.", "Yoshua Bengio 写道。"),
    ] * 5  # more sections than one index keeps texts of
    index = PeopleIndex(PEOPLE)
    shared = [run_checks(en, zh, people=PEOPLE, names=index) for en, zh in sections]
    alone = [run_checks(en, zh, people=PEOPLE) for en, zh in sections]
    assert shared == alone
    assert [bool(found) for found in shared[:4]] == [True, True, True, False]


LONG_SOURCE = (
    "The network had eight layers, five convolutional and three fully connected, and it was "
    "trained on two graphics cards for almost a week. Nobody expected such a large margin. "
    "It changed how the whole field thought about data, compute and the value of scale."
)
FULL_TRANSLATION = (
    "该网络有八层，其中五层是卷积层，三层是全连接层，并在两块显卡上训练了将近一周。"
    "没有人想到差距会如此之大。它改变了整个领域对数据、算力和规模价值的看法。"
)


def test_article_ratio_is_the_median_of_sections_long_enough_to_judge():
    pairs = [
        (LONG_SOURCE, FULL_TRANSLATION),
        (LONG_SOURCE, FULL_TRANSLATION * 2),
        (LONG_SOURCE, FULL_TRANSLATION[:20]),
        ("Short.", "很短的一段，但长度比例很高很高很高。"),
        (LONG_SOURCE, "   "),
    ]
    usual = len(FULL_TRANSLATION) / len("".join(LONG_SOURCE.split()))
    assert article_ratio(pairs) == pytest.approx(usual)
    assert article_ratio([("Short.", "短。")]) is None


def test_a_much_shorter_translation_is_a_likely_abridgment():
    usual = article_ratio([(LONG_SOURCE, FULL_TRANSLATION)])
    findings = check_length(LONG_SOURCE, FULL_TRANSLATION[:30], usual)
    assert [(f.code, f.evidence) for f in findings] == [(SHORT_TRANSLATION, "")]
    assert "likely unmarked abridgment" in findings[0].message
    assert check_length(LONG_SOURCE, FULL_TRANSLATION, usual) == []


def test_length_is_not_judged_on_a_short_source_or_without_a_usual_ratio():
    assert check_length("Nobody expected it.", "没", 0.3) == []
    assert run_checks(LONG_SOURCE, FULL_TRANSLATION[:30], article_ratio=None) == []


def test_a_blank_translation_is_not_checked():
    assert run_checks("In 2012 Hinton spoke.", "  \n", people=PEOPLE) == []


def test_dismissal_by_code_and_by_code_with_evidence():
    source, translation = "In 2012 and 2015 it won 3 times.", "它赢了。"
    assert [f.evidence for f in run_checks(source, translation)] == ["2012", "2015", "3"]
    kept = run_checks(source, translation, dismissed_codes=[(MISSING_NUMBER, "2015")])
    assert [f.evidence for f in kept] == ["2012", "3"]
    assert run_checks(source, translation, dismissed_codes=[MISSING_NUMBER]) == []


def test_a_finding_key_is_what_a_dismissal_stores():
    [finding] = run_checks("In 2012 it won.", "它赢了。")
    assert run_checks("In 2012 it won.", "它赢了。", dismissed_codes=[finding.key]) == []


def test_repeated_evidence_is_reported_once():
    findings = run_checks("In 2012 it won; in 2012 it lost.", "它赢了，也输了。")
    assert [f.evidence for f in findings] == ["2012"]


def test_the_names_of_a_text_asked_for_again_are_a_list_of_their_own():
    text = "In 2012 Alex Krizhevsky trained AlexNet with Geoffrey Hinton."
    first = name_candidates(text)
    assert first == [("Alex", "Krizhevsky"), ("AlexNet",), ("Geoffrey", "Hinton")]
    first.append(("Stray",))
    assert name_candidates(text) == [("Alex", "Krizhevsky"), ("AlexNet",), ("Geoffrey", "Hinton")]
