"""Forms as a browser would submit them, read from the rendered HTML.

``RenderedForm`` holds the fields of one ``<form>`` in document order with their rendered
values (checked boxes and radios only, selected options), so a test changes only what a
user would change and posts the rest as the page gave it.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser, LexborNode

SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}


class RenderedForm:
    def __init__(self, html: str | bytes, selector: str = "form"):
        if isinstance(html, bytes):
            html = html.decode()
        # Lexbor parses as a browser does: a <template>'s fields are not the form's, and a
        # textarea loses the newline that follows its opening tag.
        form = LexborHTMLParser(html).css_first(selector)
        if form is None:
            raise AssertionError(f"no form matches {selector!r}")
        self.action = form.attributes.get("action") or ""
        self.buttons = {
            button.attributes["name"]: button.attributes.get("value") or ""
            for button in form.css("button[name], input[type=submit][name]")
        }
        self.fields: list[tuple[str, str]] = []
        for element in form.css("input, textarea, select"):
            attributes = element.attributes
            name = attributes.get("name")
            if not name or "disabled" in attributes:
                continue
            if element.tag == "input":
                kind = (attributes.get("type") or "text").lower()
                if kind in SKIPPED_INPUTS:
                    continue
                if kind in {"checkbox", "radio"} and "checked" not in attributes:
                    continue
                default = "on" if kind in {"checkbox", "radio"} else ""
                value = attributes.get("value")
                self.fields.append((name, default if value is None else value))
            elif element.tag == "textarea":
                self.fields.append((name, element.text()))
            else:
                options = element.css("option")
                chosen = [o for o in options if "selected" in o.attributes]
                if not chosen and options and "multiple" not in attributes:
                    chosen = options[:1]
                self.fields.extend((name, _option_value(o)) for o in chosen)

    def get(self, name: str) -> str:
        return next(value for field, value in self.fields if field == name)

    def names(self) -> list[str]:
        return [name for name, _value in self.fields]

    def set(self, name: str, value: str) -> None:
        """Replace a field's value (the first, for a repeated name); add it if absent."""
        for index, (field, _old) in enumerate(self.fields):
            if field == name:
                self.fields[index] = (name, value)
                return
        self.fields.append((name, value))

    def data(self, **extra: str) -> dict[str, list[str]]:
        """The POST body: every field, repeated names as lists, plus ``extra`` (a clicked
        button, say)."""
        data: dict[str, list[str]] = {}
        for name, value in self.fields:
            data.setdefault(name, []).append(value)
        for name, value in extra.items():
            data[name] = [value]
        return data


def _option_value(option: LexborNode) -> str:
    value = option.attributes.get("value")
    return option.text() if value is None else value


def form_data(html: str | bytes, containing: str) -> dict[str, str | list[str]]:
    """The POST body of the first form with a field named ``containing``; a name given once
    maps to its value, a repeated name to the list of its values."""
    form = RenderedForm(html, f'form:has([name="{containing}"])')
    data = form.data()
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def form_fields(html: str | bytes, form_id: str) -> tuple[dict[str, list[str]], set[str]]:
    """The POST body of the form with ``form_id``, and the names of every field it renders
    (disabled ones included: a field the page shows, even if not yet submitted)."""
    selector = f"form#{form_id}"
    rendered = BeautifulSoup(html, "html.parser").select_one(selector)
    # find_all, not select: soupsieve does not look inside <template> (Wagtail's dialogs).
    fields = rendered.find_all(["input", "textarea", "select"])
    names = {field.get("name") for field in fields} - {None}
    return RenderedForm(html, selector).data(), names
