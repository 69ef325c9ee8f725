"""A saved web page to a Document.

nh3 first: it sanitises (scripts, styles, forms and unsafe URLs go), repairs broken markup
and leaves a small, well-formed tag set that the standard library's event parser walks with
an explicit stack, so deep nesting cannot exhaust Python's recursion limit. Before either,
a linear scan refuses pages nested or sized far beyond any article, because tree builders
slow down quadratically with depth.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.utils.translation import gettext

import nh3

from articles.cjk import GAP_BETWEEN
from articles.importing.engine.boilerplate import (
    metadata_from_line,
    source_link_in,
    strip_furniture,
)
from articles.importing.engine.document import (
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Block,
    Document,
    Metadata,
)
from articles.importing.engine.errors import ImportInputError
from articles.importing.engine.html_head import head_metadata
from articles.importing.engine.limits import DEFAULT_LIMITS, Limits
from articles.importing.engine.preface import split_preface

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "ul", "ol", "li", "blockquote", "pre", "figure"}
    | {"figcaption", "table", "thead", "tbody", "tr", "dl", "dt", "dd", "hr", "header", "footer"}
    | set(_HEADINGS)
)
_INLINE_TAGS = frozenset({"a", "span", "strong", "b", "em", "i", "code", "br", "img", "td", "th"})
_CLEANED_AWAY = {"script", "style", "noscript", "template", "iframe", "form", "button", "select"}
_CLEANED_AWAY |= {"textarea", "svg", "math", "object", "embed", "canvas", "head", "title"}
_DROPPED_TAGS = frozenset({"nav", "aside", "menu"})
_DROPPED_ROLES = frozenset({"navigation", "complementary", "search", "dialog", "menu"})
# Class or id words of site furniture ("share-box", "qrcode", "ad-slot", "related_posts").
_FURNITURE_TEXT = """
    share sharing social qrcode qr advert advertisement ads ad sponsor sponsored promo
    promotion recommend recommended related subscribe newsletter comment comments breadcrumb
    breadcrumbs sidebar popup modal cookie toolbar follow reward donate nav navbar menu
    pagination
"""
_FURNITURE_WORDS = frozenset(_FURNITURE_TEXT.split())
_FOOTER_WORDS = frozenset({"footer", "copyright", "meta"})
_AUTHOR_WORDS = frozenset({"author", "byline", "writer"})
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "meta", "link", "area", "base", "col"})
_SELF_CLOSING = _VOID | {"p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody", "thead"}
_SELF_CLOSING |= {"html", "head", "body", "colgroup", "caption", "rb", "rt", "rp", "optgroup"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_HEADING_END = re.compile(r"[。！？：；，.!?:;,]$")
_SAFE_SRC = re.compile(r"^(https?://|/|\.{0,2}/?[\w-])", re.IGNORECASE)


def parse_html(text: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    _check_shape(text, limits)
    cleaned = nh3.clean(
        text,
        tags=set(_BLOCK_TAGS | _INLINE_TAGS | _DROPPED_TAGS),
        clean_content_tags=_CLEANED_AWAY,
        attributes={
            "*": {"class", "id", "role"},
            "a": {"href"},
            "img": {"src", "alt", "data-src", "data-original"},
        },
        url_schemes={"http", "https"},
        link_rel=None,
        strip_comments=True,
    )
    walker = _Walker(limits)
    walker.feed(cleaned)
    walker.close()
    walker.flush()
    # What the page says about itself in its byline and footer beats its head's meta tags.
    metadata = walker.metadata
    metadata.merge(head_metadata(text))
    blocks = strip_furniture(split_preface(walker.blocks, metadata), metadata)
    if not metadata.title:
        metadata.title = next((b.text for b in blocks if b.kind == HEADING and b.level == 1), "")
    return Document(blocks, metadata, "html")


def _check_shape(text: str, limits: Limits) -> None:
    depth = deepest = elements = 0
    for match in _TAG.finditer(text):
        tag = match.group(2).lower()
        if match.group(1):
            if tag not in _SELF_CLOSING:
                depth = max(0, depth - 1)
            continue
        elements += 1
        if tag not in _SELF_CLOSING:
            depth += 1
            deepest = max(deepest, depth)
    if elements > limits.max_html_elements:
        raise ImportInputError(
            gettext(
                "The page has more than %(limit)s HTML elements, far more than an article. "
                "Save only the article, or paste its text."
            )
            % {"limit": f"{limits.max_html_elements:,}"}
        )
    if deepest > limits.max_html_depth:
        raise ImportInputError(
            gettext(
                "The page's HTML is nested more than %(limit)s levels deep, which no article "
                "needs. Save only the article, or paste its text."
            )
            % {"limit": f"{limits.max_html_depth:,}"}
        )


class _Walker(HTMLParser):
    """Turns sanitised HTML into blocks; footers and bylines only feed metadata."""

    def __init__(self, limits: Limits):
        super().__init__(convert_charrefs=True)
        self.limits = limits
        self.blocks: list[Block] = []
        self.metadata = Metadata()
        # Per open element: (tag, dropped, zone), inherited downwards. The zone is "footer"
        # or "author" where text only feeds metadata.
        self.stack: list[tuple[str, bool, str]] = []
        self.parts: list[str] = []
        self.bold_parts: list[str] = []
        self.link = ""

    @property
    def dropped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def zone(self) -> str:
        return self.stack[-1][2] if self.stack else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _BLOCK_TAGS or tag in _DROPPED_TAGS:
            self.flush()
        if tag == "br":
            self.parts.append("\n")
            return
        if tag == "img":
            self._image(values)
            return
        if tag == "a" and not self.link and values.get("href"):
            self.link = values["href"]
        if tag in _VOID:
            return
        words = set(
            re.split(r"[\s_-]+", f"{values.get('class', '')} {values.get('id', '')}".lower())
        )
        role = values.get("role", "").lower()
        dropped = (
            self.dropped
            or tag in _DROPPED_TAGS
            or role in _DROPPED_ROLES
            or bool(words & _FURNITURE_WORDS)
        )
        zone = self.zone
        if words & _AUTHOR_WORDS:
            zone = "author"
        elif (
            not zone
            and (tag in ("footer", "header") or role in ("contentinfo", "banner"))
            or not zone
            and words & _FOOTER_WORDS
        ):
            zone = "footer"
        self.stack.append((tag, dropped, zone))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS or tag in _DROPPED_TAGS:
            self.flush()
        elif tag in ("td", "th"):
            self.parts.append(" ")
        # Sanitised markup is well formed, so the matching element is on top of the stack.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if self.dropped:
            return
        self.parts.append(data)
        if any(t in ("strong", "b") for t, _, _ in self.stack):
            self.bold_parts.append(data)

    def _image(self, values: dict[str, str]) -> None:
        if self.dropped or self.zone:
            return
        src = values.get("data-src") or values.get("data-original") or values.get("src", "")
        src = src.strip() if _SAFE_SRC.match(src.strip()) else ""
        self.flush()
        self._emit(Block(IMAGE, alt=" ".join(values.get("alt", "").split()), src=src))

    def flush(self) -> None:
        raw, bold = "".join(self.parts), "".join(self.bold_parts)
        self.parts, self.bold_parts, link = [], [], self.link
        self.link = ""
        kind, level = self._context()
        if kind == CODE:
            text = raw.strip("\n")
        else:
            lines = (" ".join(line.split()) for line in raw.split("\n"))
            text = GAP_BETWEEN.sub("", "\n".join(line for line in lines if line))
        if not text.strip() or self.dropped:
            return
        if self.zone:
            self._harvest(text, link, kind)
            return
        found = metadata_from_line(text, link)
        if found is not None:
            self.metadata.merge(found)
            return
        self.metadata.merge(Metadata(original_url=source_link_in(text, link)))
        if kind == PARAGRAPH and _looks_like_bold_heading(text, bold):
            kind, level = HEADING, 3
        self.limits.check_block(text)
        ordered = kind == LIST_ITEM and self._list_tag() == "ol"
        self._emit(Block(kind, text, level=level, ordered=ordered))

    def _harvest(self, text: str, link: str, kind: str) -> None:
        """Footer, header and byline text: facts about the article, not the article."""
        if kind == HEADING:
            self.metadata.merge(Metadata(title=text))
            return
        for line in text.split("\n"):
            found = metadata_from_line(line, link)
            if found is None and self.zone == "author" and len(line) <= 60:
                found = Metadata(original_author=line.strip())
            if found is not None:
                self.metadata.merge(found)

    def _emit(self, block: Block) -> None:
        self.blocks.append(block)
        self.limits.check_blocks(len(self.blocks))

    def _list_tag(self) -> str:
        """The list an item belongs to: "ol", "ul" or "" outside any list."""
        return next((tag for tag, _, _ in reversed(self.stack) if tag in ("ol", "ul")), "")

    def _context(self) -> tuple[str, int]:
        for tag, _, _ in reversed(self.stack):
            if tag in _HEADINGS:
                return HEADING, _HEADINGS[tag]
            if tag == "pre":
                return CODE, 0
            if tag == "li":
                return LIST_ITEM, 0
            if tag == "blockquote":
                return QUOTE, 0
        return PARAGRAPH, 0


def _looks_like_bold_heading(text: str, bold: str) -> bool:
    """Pages edited in WeChat-style editors mark section titles as short bold paragraphs."""
    return (
        "\n" not in text
        and len(text) <= 40
        and "".join(bold.split()) == "".join(text.split())
        and not _HEADING_END.search(text)
    )
