"""The public end of "report a translation error": the form on each section of an article
posts here, and the reader is thanked in their language and sent back to the section.

The article page is cached whole for anonymous readers, so its forms carry no CSRF token
and this endpoint is ``csrf_exempt``. What stands in for the token is in
``error_report_guard``: a same-origin check on ``Origin``/``Referer`` (a foreign site cannot
post on its visitors' behalf), a rate limit per client address and per article counted in
the shared cache, the honeypot and the content limits of the form. A robot that fills the
honeypot is thanked like a person and nothing is stored.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from articles.content.error_report_form import ErrorReportForm
from articles.content.error_report_guard import same_origin, take_allowance
from articles.editorial.error_report_mail import notify_editors
from articles.editorial.section_rules import numbered
from articles.models import ArticlePage, ErrorReport


def _article(article_id: int) -> ArticlePage:
    return get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)


def _section_url(request: HttpRequest, article: ArticlePage, position: int | None) -> str:
    url = article.get_url(request) or "/"
    return f"{url}#section-{position}" if position else url


def _refuse(
    request: HttpRequest,
    article: ArticlePage,
    sections: list,
    form: ErrorReportForm | None,
    message: str,
    status: int,
) -> HttpResponse:
    """The reader's own text back in a fresh form (it is theirs; autoescaped, never run as
    HTML), with what went wrong."""
    key = form.data.get("section") if form is not None else None
    section = next((s for s in sections if str(s.key) == key), None)
    return render(
        request,
        "articles/error_report_refused.html",
        {
            "article": article,
            "section": section,
            "form": form,
            "message": message,
            "back_url": _section_url(request, article, section.position if section else None),
        },
        status=status,
    )


@csrf_exempt  # the cached page cannot carry a token; see the module docstring
@never_cache
@require_POST
def report_error(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article(article_id)
    sections = numbered(article.sections.all())
    if not same_origin(request):
        return _refuse(
            request,
            article,
            sections,
            None,
            _(
                "The report was not accepted because it did not come from this site's "
                "article page. Open the article and send the report from there."
            ),
            status=403,
        )
    form = ErrorReportForm(request.POST, section_keys={s.key for s in sections})
    if not form.is_spam and not form.is_valid():
        return _refuse(
            request,
            article,
            sections,
            form,
            _("The report was not sent. Please correct what is marked below."),
            status=400,
        )
    if not take_allowance(request, article.pk):
        return _refuse(
            request,
            article,
            sections,
            form,
            _(
                "You have sent many reports in a short time, so this one was not accepted. "
                "Please try again in an hour. Thank you for your help."
            ),
            status=429,
        )
    # A robot is answered as a person would be, down to the section it named.
    key = form.data.get("section") if form.is_spam else str(form.cleaned_data["section"])
    section = next((s for s in sections if str(s.key) == key), None)
    if not form.is_spam:
        report = ErrorReport.objects.create(
            page=article,
            section_key=section.key,
            section_heading=section.heading_zh_hans or section.heading_en or "",
            section_position=section.position,
            text=form.cleaned_data["text"],
            contact=form.cleaned_data["contact"],
            language=get_language() or "",
        )
        notify_editors(report)
    thanks = reverse("article_report_thanks", args=(article.pk,))
    if section is not None:
        thanks += "?" + urlencode({"section": section.position})
    return HttpResponseRedirect(thanks)


@never_cache
@require_GET
def report_thanks(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article(article_id)
    section = request.GET.get("section", "")
    position = int(section) if section.isdigit() and int(section) > 0 else None
    return render(
        request,
        "articles/error_report_thanks.html",
        {"article": article, "back_url": _section_url(request, article, position)},
    )
