"""Reading a rendered form the way a browser would submit it, for tests that post it back."""

from __future__ import annotations

from bs4 import BeautifulSoup


def _add(data: dict, name: str, value: str) -> None:
    if name in data:
        previous = data[name]
        data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
    else:
        data[name] = value


def form_data(html: str, containing: str) -> dict[str, str | list[str]]:
    """The fields of the first form in ``html`` that has a field named ``containing``:
    inputs, textareas and selects with their current values; checkboxes and radios only when
    checked; buttons left out (add the one you press). Repeated names become lists."""
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form"):
        if form.find(attrs={"name": containing}) is None:
            continue
        data: dict[str, str | list[str]] = {}
        for field in form.find_all(["input", "textarea", "select"]):
            name = field.get("name")
            if not name or field.has_attr("disabled"):
                continue
            if field.name == "textarea":
                # Browsers ignore a newline right after <textarea>; html.parser keeps it.
                text = field.string or ""
                _add(data, name, text[1:] if text.startswith("\n") else text)
            elif field.name == "select":
                chosen = field.find("option", selected=True) or field.find("option")
                _add(data, name, chosen.get("value", chosen.get_text()) if chosen else "")
            else:
                kind = field.get("type", "text").lower()
                if kind in ("submit", "button", "image", "reset", "file"):
                    continue
                if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                    continue
                _add(data, name, field.get("value", "on" if kind in ("checkbox", "radio") else ""))
        return data
    raise AssertionError(f"No form with a field named {containing!r}")
