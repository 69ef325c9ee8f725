"""Checks that are right: they judge only what a translation claims to cover, accept correct
renderings of people, organisations and glossary terms and Chinese ways of writing numbers,
catch every misspelt form of a name in both languages, and speak Chinese in the Chinese admin."""

from django.utils import translation

import pytest

from articles.demo import content
from articles.review.engine.checks import (
    MISSING_NAME,
    MISSING_NUMBER,
    MISSPELT_NAME,
    GlossaryTerm,
    Organisation,
    PersonNames,
    check_misspellings,
    check_names,
    check_numbers,
    covered_english,
    run_checks,
)
from articles.review.engine.checks.coverage import paragraphs_named
from articles.richtext import html_to_lines

PEOPLE = [
    PersonNames(1, ["Ilya Sutskever"], ["伊利亚·苏茨克维"], ["IIya Sutskever"]),
    PersonNames(2, ["Yoshua Bengio"], ["约书亚·本吉奥", "本吉奥"]),
    PersonNames(3, ["Geoffrey Hinton", "Geoff Hinton"], ["杰弗里·辛顿", "辛顿"]),
]
ORGANISATIONS = [
    Organisation(["Massachusetts Institute of Technology", "MIT"], ["麻省理工学院", "麻省理工"]),
    Organisation(["New York University", "NYU"], ["纽约大学"]),
]

ENGLISH = [
    "In 1958 Rosenblatt built the perceptron at Cornell, and the newspapers wrote that the "
    "machine would one day walk, talk, see, write and be conscious of its existence.",
    "A personal aside: I first read the book in its expanded 1988 edition, in a university "
    "library in Glasgow, with a pencil in my hand and a growing sense of injustice. Rereading "
    "it now, I think my younger self was unfair, and Bengio agreed with me when we met in 2003. "
    "The book is rigorous and often witty, and its new epilogue defends its case.",
    "In 1969 Minsky at MIT published his critique, and funding agencies, already impatient, "
    "moved their money to symbolic systems for more than a decade.",
]
CHINESE = [
    "1958 年，罗森布拉特在康奈尔造出了感知机，报纸写道，这台机器有一天将能走路、说话、"
    "看、写，并意识到自己的存在。",
    "1969 年，麻省理工学院的明斯基发表了他的批评，本就失去耐心的资助机构在此后十多年里"
    "把钱转向了符号系统。",
]


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


# --- Coverage ------------------------------------------------------------------------------


def test_an_omitted_section_covers_nothing_and_gets_no_finding():
    covered = covered_english(ENGLISH, [], "omitted", "整节未译。")
    assert covered == []
    assert run_checks("\n".join(covered), "本节未译出。", people=PEOPLE) == []


def test_the_cut_paragraph_of_an_abridged_section_is_not_checked():
    note = "删去了作者的个人回忆（英文第 2 段）。"
    covered = covered_english(ENGLISH, CHINESE, "abridged", note)
    assert covered == [ENGLISH[0], ENGLISH[2]]
    findings = run_checks(
        "\n".join(covered), "\n".join(CHINESE), people=PEOPLE, organisations=ORGANISATIONS
    )
    assert findings == []


def test_the_same_texts_with_another_note_cover_other_english():
    # What an abridged section covers is kept for the same texts and note, and only for them.
    one_cut = covered_english(ENGLISH, CHINESE, "abridged", "删去了英文第 2 段。")
    assert one_cut == [ENGLISH[0], ENGLISH[2]]
    assert covered_english(ENGLISH, CHINESE, "abridged", "删去了英文第 1、2 段。") == [ENGLISH[2]]
    one_cut.append("调用方自己加的")
    assert covered_english(ENGLISH, CHINESE, "abridged", "删去了英文第 2 段。") == [
        ENGLISH[0],
        ENGLISH[2],
    ]
    assert covered_english(ENGLISH, CHINESE[:1], "abridged", "删去了英文第 2 段。") != one_cut


def test_the_aligner_finds_the_cut_paragraph_when_the_note_does_not_say():
    # The demo article's section 3, whose English paragraph 2 has no Chinese.
    section = content.ARTICLE["sections"][4]
    english = html_to_lines(section["body_en"]).splitlines()
    chinese = html_to_lines(section["body_zh"]).splitlines()
    covered = covered_english(english, chinese, "abridged", "")
    assert covered == [english[0], english[2], english[3]]


def test_coverage_is_pluggable_by_the_units_actually_covered():
    def first_sentences(english, chinese, note):
        return [paragraph.split(". ")[0] for paragraph in english]

    covered = covered_english(ENGLISH, CHINESE, "abridged", "", coverage=first_sentences)
    assert covered == [p.split(". ")[0] for p in ENGLISH]
    assert covered_english(ENGLISH, CHINESE, "full", "", coverage=first_sentences) == ENGLISH


def test_a_full_section_is_checked_whole():
    covered = covered_english(ENGLISH, CHINESE, "full")
    findings = run_checks("\n".join(covered), "\n".join(CHINESE), people=PEOPLE)
    assert {f.evidence for f in findings} >= {"1988", "2003", "Bengio"}


def test_a_number_in_the_kept_part_of_an_abridged_section_is_still_checked():
    wrong = [CHINESE[0].replace("1958", "1959"), CHINESE[1]]
    covered = covered_english(ENGLISH, wrong, "abridged", "删去了英文第 2 段。")
    findings = run_checks("\n".join(covered), "\n".join(wrong), organisations=ORGANISATIONS)
    assert [(f.code, f.evidence) for f in findings] == [(MISSING_NUMBER, "1958")]


@pytest.mark.parametrize(
    ("note", "indexes"),
    [
        ("删去了英文第 2 段。", {1}),
        ("删去英文第 2、3 段", {1, 2}),
        ("删去了第二至四段", {1, 2, 3}),
        ("Cut paragraphs 1 and 3.", {0, 2}),
        ("删去了一句。", set()),
    ],
)
def test_notes_name_the_cut_paragraphs(note, indexes):
    assert paragraphs_named(note) == indexes


# --- Renderings of names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "chinese"),
    [
        ("He worked at MIT.", "他在麻省理工学院工作。"),
        ("He worked at the Massachusetts Institute of Technology.", "他在麻省理工工作。"),
        ("He moved to New York University in 2003.", "2003 年，他转到纽约大学。"),
        ("He joined NYU.", "他加入了纽约大学。"),
        ("He joined NYU.", "他加入了 NYU。"),
    ],
)
def test_an_organisation_rendered_in_chinese_is_not_missing(source, chinese):
    assert check_names(source, chinese, organisations=ORGANISATIONS) == []


def test_a_dropped_organisation_is_reported_once_as_written():
    findings = check_names(
        "He left New York University for MIT.",
        "他离开了纽约大学，去了别处。",
        organisations=ORGANISATIONS,
    )
    assert [(f.code, f.evidence) for f in findings] == [(MISSING_NAME, "MIT")]


def test_a_person_is_found_by_rendering_alias_or_surname():
    source = "Geoffrey Hinton met Yoshua Bengio."
    assert check_names(source, "杰弗里·辛顿见到了本吉奥。", people=PEOPLE) == []
    assert check_names(source, "辛顿见到了约书亚·本吉奥。", people=PEOPLE) == []
    # "Geoffrey" opens the sentence, so the name judged is "Hinton".
    assert [f.evidence for f in check_names(source, "他见到了本吉奥。", people=PEOPLE)] == [
        "Hinton"
    ]


def test_a_glossary_term_counts_as_the_name():
    glossary = [GlossaryTerm("Google Brain", "谷歌大脑")]
    assert check_names("He joined Google Brain.", "他加入了谷歌大脑。", glossary=glossary) == []


@pytest.mark.parametrize(
    ("source", "chinese"),
    [
        ("the Cornell Aeronautical Laboratory in Buffalo", "布法罗的康奈尔航空实验室"),
        ("the US Office of Naval Research", "美国海军研究办公室"),
        ("the ImageNet Large Scale Visual Recognition Challenge", "ImageNet 大规模视觉识别挑战赛"),
        ("one English and one Italian family", "一个英国家族和一个意大利家族"),
        ("an AI-powered editor", "AI 驱动的编辑器"),
    ],
)
def test_names_whose_words_cannot_be_predicted_are_judged_by_the_words_that_can(source, chinese):
    assert check_names(source, chinese) == []


# --- Numbers as Chinese writes them -------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "chinese"),
    [
        ("60 million parameters", "6000 万个参数"),
        ("60 million parameters", "6,000万个参数"),
        ("60 million parameters", "六千万个参数"),
        ("20 layers", "二十层"),
        ("3,500 images", "三千五百张图片"),
        ("120 million users", "1.2 亿用户"),
        ("in 2012", "２０１２年"),
        ("30% of the time", "百分之三十的时间"),
        ("30 per cent of the time", "30% 的时间"),
        ("in the 1980s", "20 世纪 80 年代"),
        ("in the 1980s", "八十年代"),
        ("in the 1900s", "20 世纪"),
        ("Chapter 16", "第十六章"),
    ],
)
def test_numbers_written_the_chinese_way_are_found(source, chinese):
    assert check_numbers(source, chinese) == []


def test_a_changed_number_is_still_reported():
    assert [f.evidence for f in check_numbers("60 million parameters", "7000 万个参数")] == [
        "60 million"
    ]


# --- Misspellings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("IIya spoke first.", "IIya"),
        ("lIya spoke first.", "lIya"),
        ("Then Bengiol spoke.", "Bengiol"),
        ("IIya Sutskever spoke.", "IIya Sutskever"),
    ],
)
def test_each_misspelt_form_is_caught_in_english_and_in_chinese(text, written):
    in_source = check_misspellings(text, "他发言了。", PEOPLE)
    assert [(f.code, f.evidence) for f in in_source] == [(MISSPELT_NAME, written)]
    in_translation = check_misspellings("He spoke.", f"随后，{text}", PEOPLE)
    assert [(f.code, f.evidence) for f in in_translation] == [(MISSPELT_NAME, written)]


def test_a_chinese_rendering_one_ideograph_off_is_caught():
    findings = check_misspellings("Ilya Sutskever spoke.", "伊利亚·苏茨克泽发言了。", PEOPLE)
    assert [f.evidence for f in findings] == ["伊利亚·苏茨克泽"]


def test_every_occurrence_is_counted_and_the_correct_name_is_not_flagged():
    text = "IIya said so. Later IIya wrote it, and lIya agreed; Ilya Sutskever signed."
    findings = check_misspellings(text, "", PEOPLE)
    assert sorted(f.evidence for f in findings) == ["IIya", "lIya"]
    assert "(2 times)" in str(next(f.message for f in findings if f.evidence == "IIya"))


def test_a_misspelt_name_is_not_also_reported_missing():
    findings = run_checks("Ilya Sutskever spoke.", "lIya Sutskever 发言了。", people=PEOPLE)
    assert [f.code for f in findings] == [MISSPELT_NAME]


# --- Messages in the admin's language ------------------------------------------------------


def test_messages_quote_the_english_and_follow_the_active_language():
    [finding] = check_numbers("In 1998 it began.", "它开始了。")
    assert str(finding.message) == "Year “1998” in the source is missing from the translation"
    with translation.override("zh-hans"):
        rendered = str(finding.message)
    assert "1998" in rendered
    # Until the catalogue is compiled the Chinese admin falls back to the English msgid;
    # either way the message is one language with the English term quoted, never mixed.
    assert rendered.count("“1998”") == 1
