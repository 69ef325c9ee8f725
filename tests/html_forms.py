"""Read a rendered HTML form back into POST data, as a browser would submit it unchanged."""

from __future__ import annotations

from html.parser import HTMLParser

SKIPPED_TYPES = {"submit", "button", "file", "image", "reset"}


class _FormFields(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.depth = 0  # >0 while inside the wanted form
        self.data: dict[str, list[str]] = {}
        self.names: set[str] = set()
        self._textarea: str | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._select_chosen = False

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if self.depth or attrs.get("id") == self.form_id:
                self.depth += 1
            return
        if not self.depth:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            self.names.add(name)
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_TYPES:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value") or "on")
                return
            self._add(name, attrs.get("value") or "")
        elif tag == "textarea" and name:
            self.names.add(name)
            self._textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self.names.add(name)
            self._select = name
            # A multiple select submits nothing when nothing is selected.
            self._select_chosen = "multiple" in attrs
            self._first_option = None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = attrs.get("value") or ""
            if "selected" in attrs:
                self._add(self._select, attrs.get("value") or "")
                self._select_chosen = True

    def handle_endtag(self, tag):
        if tag == "form" and self.depth:
            self.depth -= 1
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            # A browser submits a single select's first option when none is marked selected.
            if not self._select_chosen and self._first_option is not None:
                self._add(self._select, self._first_option)
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_fields(html: str, form_id: str) -> tuple[dict[str, list[str]], set[str]]:
    """The values the form with ``form_id`` would submit, and the names of all its fields.
    A textarea's first newline (dropped by browsers) is dropped too."""
    parser = _FormFields(form_id)
    parser.feed(html)
    data = {
        name: [value[1:] if value.startswith("\n") else value for value in values]
        for name, values in parser.data.items()
    }
    return data, parser.names
