"""Tell the editors of an article's desk that a reader reported a translation error.

The recipients are the users the permission table lets resolve the report on that page
(``Action.RESOLVE_ERROR_REPORT``): editors whose groups hold a page permission on the
article's branch, so a desk's editors hear about their own desk only. Each gets the mail
in their admin language. A mail server that fails is logged, never shown to the reader:
the report is stored and listed either way.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.users.models import UserProfile

from articles.editorial.permissions import Action, allows
from articles.editorial.roles import EDITORS
from articles.models import ErrorReport
from cms.site_url import absolute

logger = logging.getLogger(__name__)


def recipients(report: ErrorReport) -> list:
    """Active editors with an e-mail address who may resolve ``report``."""
    candidates = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [user for user in candidates if allows(user, Action.RESOLVE_ERROR_REPORT, report.page)]


def _message(report: ErrorReport) -> tuple[str, str]:
    page = report.page
    listing = absolute(reverse("articles_error_reports:index") + "?" + urlencode({"page": page.pk}))
    subject = _("Translation error reported: %(article)s") % {
        "article": page.headline or page.title
    }
    lines = [
        _("A reader reported an error in a translation."),
        "",
        _("Article: %(article)s") % {"article": page.headline or page.title},
        _("Section %(number)d: %(heading)s")
        % {"number": report.section_position, "heading": report.section_heading or "—"},
        _("Public page: %(url)s") % {"url": f"{page.full_url}#section-{report.section_position}"},
        "",
        _("What is wrong:"),
        report.text,
        "",
        _("Reader's contact: %(contact)s") % {"contact": report.contact or _("none given")},
        "",
        _("Reports of this article: %(url)s") % {"url": listing},
    ]
    return subject, "\n".join(lines)


def notify_editors(report: ErrorReport) -> int:
    """E-mail each editor of the report's desk; the number of mails sent."""
    sent = 0
    for user in recipients(report):
        language = UserProfile.get_for_user(user).get_preferred_language()
        with translation.override(language):
            subject, body = _message(report)
        try:
            sent += send_mail(subject, body, None, [user.email])
        except Exception:  # any failure of the mail server: the report is kept regardless
            logger.exception("could not e-mail error report %s to user %s", report.pk, user.pk)
    return sent
