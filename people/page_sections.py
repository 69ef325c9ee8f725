"""Parts of a person's or a quote's public page that other apps provide.

``people`` knows nothing of the apps that use its people and quotes, so their parts of the
page come through Wagtail hooks: a function registered under ``PERSON_PAGE_SECTIONS`` is
called with the person, one under ``QUOTE_PAGE_SECTIONS`` with the quote, and returns a
``PageSection`` (the articles app lists the articles that mention the person or use the
quote). The page includes each section's template with the page's own context plus
``section``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

PERSON_PAGE_SECTIONS = "person_page_sections"
QUOTE_PAGE_SECTIONS = "quote_page_sections"


@dataclass(frozen=True)
class PageSection:
    template_name: str
    data: dict[str, Any] = field(default_factory=dict)


def sections_for(hook_name: str, obj: object) -> list[PageSection]:
    """What every function registered under ``hook_name`` adds for ``obj``, in hook order."""
    return [section_of(obj) for section_of in hooks.get_hooks(hook_name)]
