"""Checks on the demo article data (``articles/demo/content.py``), without a database.

The demo article is what every newcomer sees first, so these tests hold it to the rules of
the content model: section statuses and their notes, references between records, glossary
consistency, years and percentages carried over, quotes introduced but not repeated.
"""

import ast
import datetime
import inspect
import re
import statistics
from html.parser import HTMLParser

import pytest

from articles.demo import content

ARTICLE = content.ARTICLE
SECTIONS = ARTICLE["sections"]
PEOPLE = {p["key"]: p for p in content.PEOPLE}
QUOTES = {q["key"]: q for q in content.QUOTES}
TOPICS = {t["slug"]: t for t in content.TOPICS}
STATUSES = {"full", "abridged", "omitted", "added"}

PERSON_KEYS = {
    "key", "name_en", "name_zh", "aliases", "misspellings", "role_en", "role_zh",
    "affiliation_en", "affiliation_zh", "bio_en", "bio_zh", "links",
}  # fmt: skip
QUOTE_KEYS = {
    "key", "speaker", "text_en", "text_zh", "source_url", "said_on", "context_en", "context_zh",
}  # fmt: skip
TERM_KEYS = {"english", "chinese", "notes", "case_sensitive", "forbidden"}
SECTION_KEYS = {
    "heading_en", "heading_zh", "body_en", "body_zh", "ai_draft_zh", "status", "note", "quote",
}  # fmt: skip
ARTICLE_KEYS = {
    "slug", "title", "headline_en", "headline_zh", "summary_en", "summary_zh",
    "seo_description_en", "seo_description_zh", "original_url", "original_title",
    "original_author", "original_published", "platform", "licence", "show_original",
    "translation_method", "ai_model", "disclosure_zh", "publisher_credit", "topics",
    "people_mentioned", "sections",
}  # fmt: skip

# A year standing alone ("1986", "2012 年"), not a decade ("1980s") nor part of a number.
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d,]|s\b)")
PERCENT = re.compile(r"\d+(?:\.\d+)?%")
HANZI = re.compile(r"[\u4e00-\u9fff]")
CHINESE_NUMERALS = "一二三四五六七八九十"


def text(html: str) -> str:
    """Visible text of a body: tags dropped, entities decoded, whitespace collapsed."""
    stripped = re.sub(r"<[^>]+>", " ", html)
    stripped = stripped.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"\s+", " ", stripped).strip()


def with_status(*statuses: str) -> list[dict]:
    return [s for s in SECTIONS if s["status"] in statuses]


def chinese_number(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    if n < 20:
        return "十" + CHINESE_NUMERALS[n - 11]
    raise ValueError(n)


def term_pattern(term: dict) -> re.Pattern:
    flags = 0 if term["case_sensitive"] else re.IGNORECASE
    return re.compile(r"(?<![A-Za-z])" + re.escape(term["english"]), flags)


# ---------------------------------------------------------------- shape


def test_module_imports_nothing_but_datetime():
    tree = ast.parse(inspect.getsource(content))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert [a.name for a in node.names] == ["datetime"]
        elif isinstance(node, ast.ImportFrom):
            assert node.module == "datetime"


def _plain(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, str | bool | datetime.date)


@pytest.mark.parametrize("name", ["TOPICS", "PEOPLE", "QUOTES", "TERMS", "ARTICLE"])
def test_values_are_plain_data(name):
    assert _plain(getattr(content, name))


def test_records_have_exactly_the_documented_fields():
    for topic in content.TOPICS:
        assert set(topic) == {"slug", "name_en", "name_zh"}
    for person in content.PEOPLE:
        assert set(person) == PERSON_KEYS, person["key"]
        for field in ("aliases", "misspellings", "links"):
            assert isinstance(person[field], list), (person["key"], field)
    for quote in content.QUOTES:
        assert set(quote) == QUOTE_KEYS, quote["key"]
    for term in content.TERMS:
        assert set(term) == TERM_KEYS, term["english"]
        assert isinstance(term["case_sensitive"], bool)
        assert isinstance(term["forbidden"], list)
    assert set(ARTICLE) == ARTICLE_KEYS
    for number, section in enumerate(SECTIONS, 1):
        assert set(section) == SECTION_KEYS, number
        assert section["status"] in STATUSES, number


def test_enough_of_everything():
    assert len(content.TOPICS) >= 2
    assert len(content.PEOPLE) >= 6
    assert len(content.QUOTES) >= 4
    assert len(content.TERMS) >= 5
    assert len(SECTIONS) >= 14


def test_keys_are_unique():
    for records, key in (
        (content.TOPICS, "slug"),
        (content.PEOPLE, "key"),
        (content.QUOTES, "key"),
        (content.TERMS, "english"),
    ):
        values = [r[key] for r in records]
        assert len(values) == len(set(values)), key


# ---------------------------------------------------------------- references


def test_every_reference_resolves():
    assert ARTICLE["original_author"] in PEOPLE
    assert ARTICLE["topics"] and set(ARTICLE["topics"]) <= set(TOPICS)
    assert ARTICLE["people_mentioned"] and set(ARTICLE["people_mentioned"]) <= set(PEOPLE)
    for quote in content.QUOTES:
        assert quote["speaker"] in PEOPLE, quote["key"]
    for number, section in enumerate(SECTIONS, 1):
        assert section["quote"] is None or section["quote"] in QUOTES, number


def test_people_mentioned_really_are_mentioned_by_their_record_names():
    english = " ".join(text(s["body_en"]) for s in SECTIONS)
    chinese = " ".join(text(s["body_zh"]) for s in SECTIONS)
    for key in ARTICLE["people_mentioned"]:
        assert PEOPLE[key]["name_en"] in english, key
        assert PEOPLE[key]["name_zh"] in chinese, key
    assert ARTICLE["original_author"] not in ARTICLE["people_mentioned"]


def test_misspellings_are_distinct_from_correct_names_and_absent_from_the_text():
    published = " ".join(
        text(s[field]) for s in SECTIONS for field in ("body_en", "body_zh", "heading_zh")
    )
    for person in content.PEOPLE:
        correct = [person["name_en"], person["name_zh"], *person["aliases"]]
        assert person["misspellings"], person["key"]
        for wrong in person["misspellings"]:
            # A misspelling inside a correct name would flag every correct mention.
            assert not any(wrong in name for name in correct), (person["key"], wrong)
            assert wrong not in published, (person["key"], wrong)


def test_the_author_is_not_a_real_person_on_a_real_domain():
    author = PEOPLE[ARTICLE["original_author"]]
    assert all(".example.com/" in link for link in author["links"])
    assert re.match(r"^https://([a-z0-9-]+\.)*example\.com/", ARTICLE["original_url"])


# ---------------------------------------------------------------- quotes


def test_quotes_have_sources_and_dates():
    for quote in content.QUOTES:
        assert quote["text_en"] and quote["text_zh"], quote["key"]
        assert quote["source_url"].startswith("https://"), quote["key"]
        assert quote["context_en"] and quote["context_zh"], quote["key"]
        if quote["said_on"] is not None:
            datetime.date.fromisoformat(quote["said_on"])


def test_quotes_are_introduced_in_their_sections_and_not_repeated():
    placed = [s for s in SECTIONS if s["quote"]]
    assert len(placed) >= 4
    assert {s["quote"] for s in placed} == set(QUOTES)  # every quote is used
    for section in placed:
        quote = QUOTES[section["quote"]]
        assert quote["text_en"] not in text(section["body_en"])
        assert quote["text_zh"] not in text(section["body_zh"])
        # The body leads into the quote: "He said:" / "他说："
        if section["status"] != "added":
            assert text(section["body_en"]).endswith(":"), section["heading_en"]
        assert text(section["body_zh"]).endswith("："), section["heading_zh"]


def test_real_people_are_quoted_only_with_a_real_source():
    fictional = ARTICLE["original_author"]
    for quote in content.QUOTES:
        on_example_domain = ".example.com/" in quote["source_url"]
        assert on_example_domain == (quote["speaker"] == fictional), quote["key"]


# ---------------------------------------------------------------- statuses


def test_editors_lead_and_translators_note_come_first():
    lead, note = SECTIONS[0], SECTIONS[1]
    for section in (lead, note):
        assert section["status"] == "added"
        assert section["body_en"] == "" and section["heading_en"] == ""
        assert section["body_zh"] and section["heading_zh"]
    assert ARTICLE["original_url"] in note["body_zh"]
    assert "AI" in note["body_zh"] and "删减" in note["body_zh"]


def test_added_sections_have_no_english_source():
    added = with_status("added")
    assert added
    for section in added:
        assert section["body_en"] == "" and section["body_zh"]
        assert section["ai_draft_zh"] == ""


def test_abridged_sections_explain_the_cut():
    abridged = with_status("abridged")
    assert len(abridged) >= 2
    for section in abridged:
        assert section["body_en"] and section["body_zh"]
        assert re.search(r"[\u4e00-\u9fff]", section["note"]), section["heading_en"]
        assert "删" in section["note"], section["heading_en"]


def test_omitted_sections_keep_the_english_and_say_why():
    omitted = with_status("omitted")
    assert len(omitted) >= 1
    for section in omitted:
        assert section["body_en"]
        assert section["body_zh"] == ""
        assert section["ai_draft_zh"] == ""
        assert re.search(r"[\u4e00-\u9fff]", section["note"])


def test_full_sections_are_translated_whole():
    full = with_status("full")
    assert full
    for section in full:
        assert section["body_en"] and section["body_zh"], section["heading_en"]
        assert section["note"] == "", section["heading_en"]


def _ratio(section: dict, field: str = "body_zh") -> float:
    """Chinese characters per English word: Latin names kept in brackets do not count."""
    return len(HANZI.findall(section[field])) / len(text(section["body_en"]).split())


def test_abridged_chinese_is_shorter_than_the_usual_ratio():
    usual = statistics.median(_ratio(s) for s in with_status("full"))
    for section in with_status("abridged"):
        assert _ratio(section) < usual, section["heading_en"]


def test_disclosure_counts_the_cuts():
    abridged, omitted = len(with_status("abridged")), len(with_status("omitted"))
    assert f"删节 {abridged} 处" in ARTICLE["disclosure_zh"]
    assert f"略去 {omitted} 节" in ARTICLE["disclosure_zh"]


# ---------------------------------------------------------------- headings


def test_parts_are_numbered_in_both_languages():
    parts = [s for s in SECTIONS if s["status"] != "added" and s["heading_en"][:1].isdigit()]
    assert len(parts) >= 12
    for number, section in enumerate(parts, 1):
        assert section["heading_en"].startswith(f"{number}. "), section["heading_en"]
        assert section["heading_zh"].startswith(chinese_number(number) + "、"), section[
            "heading_zh"
        ]
    for section in SECTIONS:
        if section["status"] != "added":
            assert section["heading_en"] and section["heading_zh"]


# ---------------------------------------------------------------- numbers and glossary


def test_years_and_percentages_of_full_sections_survive_translation():
    for section in with_status("full"):
        english, chinese = text(section["body_en"]), text(section["body_zh"])
        for year in YEAR.findall(english):
            assert year in chinese, (section["heading_en"], year)
        for percent in PERCENT.findall(english):
            assert percent in chinese, (section["heading_en"], percent)


def test_glossary_terms_are_rendered_consistently():
    checked = 0
    for term in content.TERMS:
        pattern = term_pattern(term)
        for section in with_status("full"):
            if not pattern.search(text(section["body_en"])):
                continue
            checked += 1
            chinese = text(section["body_zh"])
            assert term["chinese"] in chinese, (section["heading_en"], term["english"])
            for wrong in term["forbidden"]:
                assert wrong not in chinese, (section["heading_en"], wrong)
    assert checked >= 10  # the glossary is actually exercised by the article


def test_no_forbidden_rendering_anywhere_in_the_published_chinese():
    published = " ".join(s["body_zh"] + s["heading_zh"] for s in SECTIONS)
    published += ARTICLE["title"] + ARTICLE["headline_zh"] + ARTICLE["summary_zh"]
    for term in content.TERMS:
        for wrong in term["forbidden"]:
            assert wrong not in published, wrong


# ---------------------------------------------------------------- AI drafts


def test_ai_drafts_exist_where_a_machine_had_something_to_translate():
    for section in SECTIONS:
        if section["status"] in ("full", "abridged"):
            assert section["ai_draft_zh"], section["heading_en"]
        else:
            assert section["ai_draft_zh"] == "", section["heading_zh"]


def test_ai_drafts_were_edited_but_not_always():
    drafted = with_status("full", "abridged")
    same = [s for s in drafted if s["ai_draft_zh"] == s["body_zh"]]
    assert len(same) >= 2
    assert len(drafted) - len(same) >= len(drafted) // 2


def test_machine_drafts_of_abridged_sections_still_hold_the_cut_text():
    usual = statistics.median(_ratio(s) for s in with_status("full"))
    for section in with_status("abridged"):
        # The machine translated everything; the translator made the cut.
        assert _ratio(section, "ai_draft_zh") > _ratio(section) * 1.15, section["heading_en"]
        assert _ratio(section, "ai_draft_zh") > usual * 0.9, section["heading_en"]


def test_a_forbidden_rendering_in_a_draft_was_fixed_by_the_translator():
    fixed = [
        (term["english"], wrong)
        for term in content.TERMS
        for wrong in term["forbidden"]
        for section in with_status("full", "abridged")
        if wrong in section["ai_draft_zh"] and wrong not in section["body_zh"]
    ]
    assert fixed


# ---------------------------------------------------------------- HTML and metadata


class _TagChecker(HTMLParser):
    ALLOWED = {"p", "ul", "li", "em", "strong", "a"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.ALLOWED:
            self.bad.append(tag)
        if tag == "a" and not dict(attrs).get("href", "").startswith("https://"):
            self.bad.append("a without https href")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.bad.append("/" + tag)


@pytest.mark.parametrize("field", ["body_en", "body_zh", "ai_draft_zh"])
def test_bodies_are_simple_balanced_html_paragraphs(field):
    for number, section in enumerate(SECTIONS, 1):
        html = section[field]
        if not html:
            continue
        checker = _TagChecker()
        checker.feed(html)
        checker.close()
        assert not checker.bad and not checker.stack, (number, field, checker.bad)
        assert html.startswith(("<p>", "<ul>")), (number, field)
        assert html.count("<p>") <= 4, (number, field)


def test_english_sections_are_of_long_form_length():
    for section in SECTIONS:
        if section["body_en"]:
            words = len(text(section["body_en"]).split())
            assert 120 <= words <= 400, (section["heading_en"], words)


def test_article_metadata():
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ARTICLE["slug"])
    datetime.date.fromisoformat(ARTICLE["original_published"])
    assert ARTICLE["platform"] == "blog"
    assert ARTICLE["licence"] == "permission"
    assert ARTICLE["show_original"] is True
    assert ARTICLE["translation_method"] == "ai_assisted"
    assert ARTICLE["ai_model"]
    assert ARTICLE["original_title"] == ARTICLE["headline_en"]
    for field in ("title", "headline_zh", "summary_zh", "seo_description_zh", "disclosure_zh"):
        assert re.search(r"[\u4e00-\u9fff]", ARTICLE[field]), field
    for field in ("seo_description_en", "seo_description_zh"):
        assert len(ARTICLE[field]) <= 160, field
