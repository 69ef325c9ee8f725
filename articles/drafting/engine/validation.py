"""Output invariants a machine draft must hold before anyone sees it.

A reply is untrusted: the model may have obeyed instructions hidden in the
source, repeated the English, answered in the wrong language or been cut off.
``validate_translation`` returns the cleaned Chinese text or raises
``InvalidTranslation`` saying which rule failed, without quoting the text.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_noop

from articles.cjk import han_count

from .base import InvalidTranslation
from .prompts import LEAK_MARKERS

# Share of CJK characters among CJK characters plus Latin letters that are
# not names, terms or code kept from the source.
MIN_CJK_SHARE = 0.5
# English prose below this many letters (a name, a version number, "GPT-4o")
# may legitimately come back unchanged.
MIN_PROSE_LETTERS = 12
# Chinese usually needs about half as many characters as the English; a reply
# over four times that is padding, repetition or injected content.
EXPECTED_LENGTH_RATIO = 0.5
MAX_LENGTH_FACTOR = 4
LENGTH_SLACK = 200
# Share of the source's ordinary English words found in the reply that makes it an echo.
ECHO_WORD_SHARE = 0.6

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*")
_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'()\[\]{}，。、；：！？）】》」』]+", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?<![A-Za-z0-9.@/-])(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9-])"
)
_SCHEME = re.compile(r"\b(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"(?<!!)\[[^\]]*\]\([^)]*\)")
_FENCE = re.compile(r"<<<\s*(?:END\s+)?(?:SOURCE|CONTEXT)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WRAPPING_FENCE = re.compile(r"^```[A-Za-z0-9_-]*\n(.*)\n```$", re.DOTALL)
_QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』"}
# Invisible characters a reply has no business adding (hidden text, bidi tricks).
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def validate_translation(source_en: str, reply: str) -> str:
    """Return the cleaned reply, or raise InvalidTranslation naming the broken rule."""
    text = clean_reply(source_en, reply)
    if not text:
        raise InvalidTranslation(gettext_noop("The reply was empty."))
    if _FENCE.search(text) or any(
        marker.lower() in text.lower() and marker.lower() not in source_en.lower()
        for marker in LEAK_MARKERS
    ):
        raise InvalidTranslation(gettext_noop("The reply contains the translation instructions."))
    _check_markup(source_en, text)
    _check_links(source_en, text)
    _check_length(source_en, text)
    _check_language(source_en, text)
    _check_paragraphs(source_en, text)
    return text


def clean_reply(source_en: str, reply: str) -> str:
    """Strip whitespace, invisible characters, and wrapping quotes or code fences."""
    text = _INVISIBLE.sub("", reply or "").strip()
    source = source_en.strip()
    match = _WRAPPING_FENCE.match(text)
    if match and not source.startswith("```"):
        text = match.group(1).strip()
    if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1] and source[:1] not in _QUOTE_PAIRS:
        text = text[1:-1].strip()
    return text


def _check_length(source_en: str, text: str) -> None:
    limit = len(source_en) * EXPECTED_LENGTH_RATIO * MAX_LENGTH_FACTOR + LENGTH_SLACK
    if len(text) > limit:
        raise InvalidTranslation(
            gettext_noop(
                "The reply is %(length)s characters long, far more than a translation of "
                "%(source_length)s characters of English should be."
            ),
            {"length": f"{len(text):,}", "source_length": f"{len(source_en):,}"},
        )


def _kept_words(source_en: str) -> set[str]:
    """Words a translation may keep as they are: names, acronyms, terms with digits."""
    return {
        word.lower()
        for word in _WORD.findall(_CODE.sub(" ", source_en))
        if any(c.isupper() or c.isdigit() for c in word)
    }


def _prose_words(text: str, kept: set[str]) -> list[str]:
    bare = _DOMAIN.sub(" ", _URL.sub(" ", _CODE.sub(" ", text)))
    return [w.lower() for w in _WORD.findall(bare) if w.lower() not in kept]


def _check_language(source_en: str, text: str) -> None:
    kept = _kept_words(source_en)
    source_prose = _prose_words(source_en, kept)
    if sum(len(w) for w in source_prose) < MIN_PROSE_LETTERS:
        return
    reply_prose = _prose_words(text, kept)
    reply_words = set(reply_prose)
    distinct_source = set(source_prose)
    if len(distinct_source & reply_words) >= ECHO_WORD_SHARE * len(distinct_source):
        raise InvalidTranslation(
            gettext_noop("The reply repeats the English source instead of translating it.")
        )
    cjk = han_count(text)
    foreign = sum(len(w) for w in reply_prose)
    if cjk == 0 or cjk / (cjk + foreign) < MIN_CJK_SHARE:
        raise InvalidTranslation(gettext_noop("The reply is not in Chinese."))


def _links(text: str) -> set[str]:
    found = {u.rstrip(".,;:!?").lower() for u in _URL.findall(text)}
    without_urls = _URL.sub(" ", text)
    found |= {d.lower().removeprefix("www.") for d in _DOMAIN.findall(without_urls)}
    # A URL in the source also licenses its bare host name in the reply.
    for url in list(found):
        host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split(":")[0]
        found.add(host.removeprefix("www."))
    return found


def _check_markup(source_en: str, text: str) -> None:
    source_tags = {t.lower() for t in _TAG.findall(source_en)}
    if {t.lower() for t in _TAG.findall(text)} - source_tags:
        raise InvalidTranslation(gettext_noop("The reply adds HTML markup not in the source."))
    if len(_MD_IMAGE.findall(text)) > len(_MD_IMAGE.findall(source_en)):
        raise InvalidTranslation(gettext_noop("The reply adds an image not in the source."))
    if len(_MD_LINK.findall(text)) > len(_MD_LINK.findall(source_en)):
        raise InvalidTranslation(gettext_noop("The reply adds a link not in the source."))
    if _SCHEME.search(text) and not _SCHEME.search(source_en):
        raise InvalidTranslation(
            gettext_noop("The reply adds a script or data link not in the source.")
        )


def _check_links(source_en: str, text: str) -> None:
    new_links = _links(text) - _links(source_en)
    if new_links:
        raise InvalidTranslation(
            gettext_noop("The reply adds %(count)d link(s) not in the source."),
            {"count": len(new_links)},
        )


def _paragraph_count(text: str) -> int:
    return len([p for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()])


def _check_paragraphs(source_en: str, text: str) -> None:
    expected, found = _paragraph_count(source_en), _paragraph_count(text)
    if expected != found:
        raise InvalidTranslation(
            gettext_noop("The reply has %(found)d paragraph(s) where the source has %(expected)d."),
            {"found": found, "expected": expected},
        )
