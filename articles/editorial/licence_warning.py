"""An article published while its licence is "unknown" may show work it has no right to show:
the editor who publishes it is warned (submission for review is refused outright,
``articles.forms``; an editor who may publish directly is warned, not stopped)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from articles.models import ArticlePage, Licence


def warn_unknown_licence(request: HttpRequest, page) -> None:
    """``after_publish_page`` hook: a warning beside the published message, nothing else."""
    page = page.specific_deferred
    if isinstance(page, ArticlePage) and page.licence == Licence.UNKNOWN:
        messages.warning(
            request,
            _(
                "“%(title)s” was published with its licence “unknown”. Find out on what terms "
                "the original may be translated and shown, and record it in the article."
            )
            % {"title": page.get_admin_display_title()},
        )
