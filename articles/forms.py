"""The article editor form: on submission for review, every section must be finished and the
English original attached (or an editor's reason recorded why there is none); a section body
that arrives unreadable is a form error (``articles.rich_text_input``); the original's address
is stored in its one written form (``articles.importing.engine.addresses``).

Services add rules of their own through the ``article_submission_checks`` hook (the models
import this form, so it imports no service): consistency-check findings of a kind editors set
to "block" refuse the submission until fixed or dismissed with a reason on the review screen
(``articles.review.checking.refuse_blocking_findings``).

Only editors see the "why there is no original" field (``Action.RECORD_NO_ORIGINAL``); for
anyone else it is not in the form, so a crafted POST carrying it changes nothing."""

from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.coreutils import find_available_slug

from articles.chosen_together import choose_together
from articles.content.licence import Licence
from articles.content.slugs import ascii_slug
from articles.editorial.permissions import Action, allows
from articles.editorial.section_rules import (
    FINAL_STATUSES,
    SectionStatus,
    SectionText,
    machine_note_error,
)
from articles.importing.engine.addresses import normalise_address
from articles.page_forms import EditorialPageForm
from articles.rich_text_input import guard_rich_text
from articles.richtext import html_to_text

# Each hook is called with the bound form on submission and adds errors to it.
SUBMISSION_CHECKS_HOOK = "article_submission_checks"


class ArticlePageForm(EditorialPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance if self.instance.pk else self.parent_page
        if (
            self.for_user is not None
            and page is not None
            and not allows(self.for_user, Action.RECORD_NO_ORIGINAL, page)
        ):
            self.fields.pop("no_original_reason", None)
        for formset in self.formsets.values():
            for form in formset.forms:
                guard_rich_text(form)
            choose_together(formset)

    def clean_original_url(self) -> str:
        # The same written form as an import stores, so duplicates are found either way.
        return normalise_address(self.cleaned_data.get("original_url") or "")

    def clean_slug(self) -> str:
        """An ASCII slug for an article not yet published: a Chinese one (what the title
        would give) is percent-encoded in every link, so it becomes the original's English
        title or the pinyin of the Chinese, unique under the parent."""
        slug = self.cleaned_data.get("slug") or ""
        published = self.instance.pk is not None and self.instance.live
        if (slug and slug.isascii()) or published:
            return slug
        data = self.cleaned_data
        base = (
            ascii_slug(
                data.get("original_title") or "",
                data.get("headline_en") or "",
                data.get("title") or "",
                slug,
            )
            or "article"
        )
        parent = self.parent_page or self.instance.get_parent()
        return find_available_slug(parent, base, ignore_page_id=self.instance.pk)

    def is_submission(self) -> bool:
        return "action-submit" in self.data

    def clean(self):
        cleaned_data = super().clean()
        if self.is_submission():
            self.check_credit_and_licence()
            self.check_original_attached()
            self.check_sections_finished()
            # Rules of the services above the models (blocking check findings) plug in here.
            for check in hooks.get_hooks(SUBMISSION_CHECKS_HOOK):
                check(self)
        return cleaned_data

    def no_original_reason(self) -> str:
        """The reason recorded: from this form when the user may set it, else as stored."""
        if "no_original_reason" in self.fields:
            return (self.cleaned_data.get("no_original_reason") or "").strip()
        return (self.instance.no_original_reason or "").strip()

    def translated_without_original(self) -> bool:
        """Translated sections may stay pending: the original is not attached and an editor
        has said why there will be none."""
        return not self.instance.original_attached and bool(self.no_original_reason())

    def check_credit_and_licence(self) -> None:
        """Readers are told who translated the article and on what terms it is shown."""
        data = self.cleaned_data
        if "translators" in self.fields:
            translators = list(data.get("translators") or [])
        else:
            translators = list(self.instance.translators.all()) if self.instance.pk else []
        if not translators:
            self.add_error(
                "translators" if "translators" in self.fields else None,
                _("Credit at least one translator before submitting the article for review."),
            )
        licence = data.get("licence") if "licence" in self.fields else self.instance.licence
        if licence == Licence.UNKNOWN:
            self.add_error(
                "licence" if "licence" in self.fields else None,
                _(
                    "The licence is “unknown”. Say on what terms the original may be "
                    "translated and shown before submitting the article for review."
                ),
            )

    def check_original_attached(self) -> None:
        if self.instance.original_attached or self.no_original_reason():
            return
        message = _(
            "The English original is not attached. Attach it (“Attach original” in the "
            "article's menu), or an editor records why there is none, before submitting."
        )
        field = "no_original_reason" if "no_original_reason" in self.fields else None
        self.add_error(field, message)

    def check_sections_finished(self) -> None:
        formset = self.formsets.get("sections")
        if formset is None:
            return
        alive = [
            form
            for form in formset.forms
            if not (form.is_valid() and form.cleaned_data.get("DELETE"))
        ]
        if not alive:
            self.add_error(None, _("Add the article's sections before submitting it for review."))
            return
        without_original = self.translated_without_original()
        for form in alive:
            if not form.is_valid():
                continue
            status = form.cleaned_data.get("status")
            if (
                without_original
                and status == SectionStatus.PENDING
                and html_to_text(form.cleaned_data.get("body_zh_hans") or "").strip()
            ):
                # Translated from the original that is not attached: it can be nothing else.
                continue
            note_error = machine_note_error(
                SectionText(status or "", form.cleaned_data.get("note") or "", "", "")
            )
            if note_error:
                form.add_error("note", note_error)
            if status not in FINAL_STATUSES:
                form.add_error(
                    "status",
                    _(
                        "Still pending: mark this section translated in full, abridged, "
                        "omitted or added before submitting the article."
                    ),
                )
