"""What a shared link shows: Open Graph and Twitter card values and the JSON-LD ``Article``.

Every address is absolute and taken from the page's own full URL (the Wagtail Site's root),
never from the request's host. The JSON-LD names the English original by its address and
title only: it never carries the original's text, whatever the licence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

#: Shown by link previews for an article without an image of its own.
DEFAULT_IMAGE = "img/share-default.png"
#: Open Graph locales by interface language.
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}
#: In JSON inside <script>, these could end the element or start markup.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str
    image: str
    site_name: str
    locale: str
    alternate_locales: list[str]


def share_card(page: Any, language_code: str) -> ShareCard:
    """Open Graph / Twitter values for an article page in this interface language."""
    url = page.get_full_url()
    image = getattr(page, "share_image_url", None) or static(DEFAULT_IMAGE)
    locale = OG_LOCALES.get(language_code, OG_LOCALES["zh-hans"])
    return ShareCard(
        title=page.headline or page.title,
        description=page.seo_description or page.summary,
        url=url,
        image=urljoin(url, image),
        site_name=_("Duizhao"),
        locale=locale,
        alternate_locales=[other for other in OG_LOCALES.values() if other != locale],
    )


def article_json_ld(page: Any, translator_names: list[str], language_code: str) -> dict:
    """schema.org ``Article`` for a translation: by the original's author, translated by its
    translators, based on the original (address and title only), with the AI label."""
    card = share_card(page, language_code)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": card.title,
        "description": card.description,
        "url": card.url,
        "mainEntityOfPage": card.url,
        "image": card.image,
        "inLanguage": "zh-Hans",
        "publisher": {"@type": "Organization", "name": card.site_name},
        "translator": [{"@type": "Person", "name": name} for name in translator_names],
        "additionalProperty": page.ai_label.json_ld_properties(),
    }
    author = _author(page, card.url)
    if author:
        data["author"] = author
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.original_url:
        original: dict[str, Any] = {
            "@type": "Article",
            "url": page.original_url,
            "name": page.original_title,
            "inLanguage": "en",
        }
        if author:
            original["author"] = author
        if page.original_published:
            original["datePublished"] = page.original_published.isoformat()
        data["isBasedOn"] = original
        data["translationOfWork"] = original
    return data


def _author(page: Any, base_url: str) -> dict | None:
    person = page.original_author
    if person is not None:
        return {
            "@type": "Person",
            "name": person.name,
            "url": urljoin(base_url, person.get_absolute_url()),
        }
    if page.original_author_name:
        return {"@type": "Person", "name": page.original_author_name}
    return None


def json_ld_markup(data: dict) -> SafeString:
    """A ``<script type="application/ld+json">`` data block (not executed, so the strict
    script policy does not apply), escaped so no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
