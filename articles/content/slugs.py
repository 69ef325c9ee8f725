"""ASCII slugs for articles: from the original's English title when known, else the pinyin of
the Chinese title. A Chinese slug is percent-encoded in every link readers share; the Chinese
stays in the title."""

from __future__ import annotations

from django.utils.text import slugify

from articles.cjk import has_han

MAX_SLUG_CHARS = 80


def ascii_slug(*titles: str, limit: int = MAX_SLUG_CHARS) -> str:
    """The first of ``titles`` (English first, then Chinese) that gives an ASCII slug:
    lower case, words joined by hyphens, cut at a hyphen within ``limit``; "" if none does."""
    for title in titles:
        slug = _cut(slugify(_romanised(title or "")), limit)
        if slug:
            return slug
    return ""


def _romanised(title: str) -> str:
    # Each Chinese character becomes a pinyin syllable, spaced like words; Latin runs stay.
    if not has_han(title):
        return title
    # Imported here: pypinyin reads its phrase dictionary (a quarter of a second) on import,
    # which every process would otherwise pay at start, each gunicorn and test worker.
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(title, errors="default"))


def _cut(slug: str, limit: int) -> str:
    if len(slug) <= limit:
        return slug.strip("-")
    cut = slug[:limit]
    if "-" in cut and slug[limit] != "-":
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")
