"""Requests carrying a NUL character are refused before any view sees them: PostgreSQL
rejects NUL in text, so such a value would otherwise end in a server error on one
database and be stored on another."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from cms.text_files import normalise_text


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "The address contains a NUL character.", content_type="text/plain"
            )
        return self.get_response(request)


class CleanFormInputMiddleware:
    """One rule for every form the site handles, on every database, before any view runs.

    A NUL character in a posted field is refused with a 400 and a plain explanation: it cannot
    be stored on PostgreSQL (a server error there) and would be stored on SQLite, and no person
    types it on purpose. Everything else invisible that pasting leaves behind (other control
    characters, zero-width spaces, a BOM in mid-text, line and paragraph separators) is
    normalised the way imported text is (``cms.text_files.normalise_text``), so the page
    editor, snippets, sign-offs, review and import all store the same characters.

    Passwords are left as typed: they are compared exactly, and normalising them now would
    lock out whoever set one earlier.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            if _contains_nul(request.POST):
                return _refuse_nul(request)
            cleaned = _normalised(request.POST)
            if cleaned is not None:
                request.POST = cleaned
        return self.get_response(request)


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _contains_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


def _normalised(data: QueryDict) -> QueryDict | None:
    """A normalised copy of ``data``, or None when nothing needed changing."""
    changed = False
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        if "password" in key.lower():
            new_values = values
        else:
            new_values = [normalise_text(value) for value in values]
        changed = changed or new_values != values
        cleaned.setlist(normalise_text(key), new_values)
        changed = changed or normalise_text(key) != key
    if not changed:
        return None
    cleaned._mutable = False
    return cleaned


def _refuse_nul(request: HttpRequest) -> HttpResponse:
    with translation.override(_language(request)):
        return render(
            request,
            "cms/refused_input.html",
            {
                "title": _("The form was not sent"),
                "message": _(
                    "A field contains a NUL character (an invisible control character, "
                    "usually left by copying from a PDF or a binary file). Nothing was saved. "
                    "Go back, remove the character (retype the text if you cannot see it) "
                    "and send the form again."
                ),
            },
            status=400,
        )


def _language(request: HttpRequest) -> str:
    """The admin user's chosen language, else the one this request is served in."""
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    preferred = profile.get_preferred_language() if profile else ""
    return preferred or translation.get_language() or settings.LANGUAGE_CODE
