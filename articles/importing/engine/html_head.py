"""Title, author and the page's own address from a page's head.

Read with regular expressions over the head alone, before any parser sees the page: bounded
work whatever the body holds. ``og:url``/canonical is the address of the page itself: for an
English original that is the original URL, for a Chinese repost it is the repost's.
"""

from __future__ import annotations

import html
import re

from articles.importing.engine.document import Metadata

_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)
_HEAD_LIMIT = 200_000
_TITLE = re.compile(r"<title[^>]*>([^<]{1,500})</title", re.IGNORECASE)
_TAG = re.compile(r"<(meta|link)\b([^<>]{1,2000})>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def head_metadata(page: str) -> Metadata:
    end = _HEAD_END.search(page, 0, _HEAD_LIMIT)
    head = page[: end.start() if end else _HEAD_LIMIT]
    found = Metadata()
    for match in _TAG.finditer(head):
        attrs = {
            m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTR.finditer(match.group(2))
        }
        key = (attrs.get("property") or attrs.get("name") or attrs.get("rel") or "").lower()
        value = " ".join((attrs.get("content") or attrs.get("href") or "").split())
        if not value:
            continue
        if key in ("og:title", "twitter:title"):
            found.merge(Metadata(title=value))
        elif key in ("author", "article:author") and not _URL.match(value):
            found.merge(Metadata(original_author=value))
        elif key in ("og:url", "canonical") and _URL.match(value):
            found.merge(Metadata(page_url=value))
        elif key in ("article:published_time", "datepublished", "date") and _DATE.match(value):
            found.merge(Metadata(published=value[:10]))
        elif key == "copyright":
            found.merge(Metadata(copyright_line=value))
    title = _TITLE.search(head)
    if title:
        found.merge(Metadata(title=" ".join(html.unescape(title.group(1)).split())))
    return found
