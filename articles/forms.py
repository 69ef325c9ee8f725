"""The article editor form: on submission for review, every section must be finished; a
section body that arrives unreadable is a form error (``articles.rich_text_input``); the
original's address is stored in its one written form (``articles.importing.engine.addresses``)."""

from django.utils.translation import gettext as _

from articles.editorial.section_rules import FINAL_STATUSES
from articles.importing.engine.addresses import normalise_address
from articles.page_forms import EditorialPageForm
from articles.rich_text_input import guard_rich_text


class ArticlePageForm(EditorialPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for formset in self.formsets.values():
            for form in formset.forms:
                guard_rich_text(form)

    def clean_original_url(self) -> str:
        # The same written form as an import stores, so duplicates are found either way.
        return normalise_address(self.cleaned_data.get("original_url") or "")

    def is_submission(self) -> bool:
        return "action-submit" in self.data

    def clean(self):
        cleaned_data = super().clean()
        if self.is_submission():
            self.check_sections_finished()
        return cleaned_data

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
        for form in alive:
            if form.is_valid() and form.cleaned_data.get("status") not in FINAL_STATUSES:
                form.add_error(
                    "status",
                    _(
                        "Still pending: mark this section translated in full, abridged, "
                        "omitted or added before submitting the article."
                    ),
                )
