"""Template tags for reading aids: reading time, contents and the language of a stored run."""

from collections.abc import Sequence
from typing import Any

from django import template
from django.utils.translation import get_language

from articles.content import reading

register = template.Library()


@register.simple_tag
def reading_minutes(sections: Sequence[Any]) -> int:
    """Minutes to read the Chinese of ``sections`` (the reader's sections of an article)."""
    return reading.reading_minutes(section.body_zh_hans for section in sections)


@register.simple_tag
def contents(sections: Sequence[Any]) -> list:
    """The headed sections of a long article, for its table of contents; empty for a short
    one (fewer than ``reading.TOC_MIN_SECTIONS`` headed sections)."""
    headed = [section for section in sections if section.heading_zh_hans or section.heading_en]
    return headed if len(headed) >= reading.TOC_MIN_SECTIONS else []


@register.filter
def text_lang(text: str) -> str:
    return reading.text_lang(str(text or ""))


@register.simple_tag
def ui_lang() -> str:
    """The ``lang`` of the interface's own words (labels, messages) on this request, for
    marking them where they sit inside a run of the other language."""
    return "en" if get_language() == "en" else "zh-Hans"
