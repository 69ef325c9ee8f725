"""The abridgment-review screen: every abridged or omitted section of the article as
submitted, with the English, the Chinese and the note, and a sign-off form for each."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.rich_text import expand_db_html

from articles.content.cut_sentences import mark_sentences
from articles.editorial.coverage_check import coverage_of, has_english, load_coverage_anchors
from articles.editorial.permissions import Action, allows, require
from articles.editorial.section_rules import SectionStatus, section_hash
from articles.editorial.workflow import record_signoff, section_label
from articles.models import AbridgmentReviewTask, ArticlePage, section_versions
from articles.models.workflow import (
    SignoffDecision,
    abridgment_review_url,
    approval_blockers,
    signoff_states,
)


class SignoffForm(forms.Form):
    section_key = forms.UUIDField(widget=forms.HiddenInput)
    # The section's content hash as the screen showed it: a sign-off approves what the
    # reviewer read, so a section changed since is refused rather than signed unseen.
    content_hash = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=SignoffDecision.choices, widget=forms.RadioSelect, label=gettext_lazy("Decision")
    )
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=gettext_lazy("Comment"),
        help_text=gettext_lazy("Required when you ask for changes; the translator sees it."),
    )


class TaskDecisionForm(forms.Form):
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AbridgmentReviewView(View):
    template_name = "articles/admin/abridgment_review.html"

    def dispatch(self, request, page_id: int):
        self.page = get_object_or_404(ArticlePage, pk=page_id)
        require(request.user, Action.VIEW_REVIEW, self.page)
        self.task_state = self.page.current_workflow_task_state
        if self.task_state and isinstance(self.task_state.task.specific, AbridgmentReviewTask):
            revision = self.task_state.revision
        else:
            self.task_state = None
            revision = self.page.get_latest_revision()
        self.sections = (
            section_versions.in_revision(self.page, revision)
            if revision
            else section_versions.live(self.page)
        )
        return super().dispatch(request, page_id)

    def get(self, request, page_id: int):
        if request.GET.get("blocked"):
            self.report_blockers()
        return self.render()

    def post(self, request, page_id: int):
        action = request.POST.get("action")
        deciding = action in {"approve_task", "reject_task"}
        require(request.user, Action.APPROVE_CUT_STEP if deciding else Action.SIGN_OFF, self.page)
        if deciding:
            return self.decide_task(action)
        form = SignoffForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose approve or request changes for the section."))
            return self.render(status=400)
        by_key = {section.key: section for section in self.sections}
        section = by_key.get(form.cleaned_data["section_key"])
        if section is None:
            messages.error(request, _("That section is not part of the article under review."))
            return self.render(status=400)
        seen = form.cleaned_data["content_hash"]
        if seen and seen != section_hash(section):
            messages.error(
                request,
                _(
                    "%s changed after you opened this screen; nothing was recorded. Read it "
                    "again below before you decide."
                )
                % section_label(section),
            )
            return self.render(status=409)
        try:
            record_signoff(
                self.page,
                section,
                request.user,
                form.cleaned_data["decision"],
                form.cleaned_data["comment"],
            )
        except (ValidationError, PermissionDenied) as error:
            message = error.messages[0] if isinstance(error, ValidationError) else str(error)
            messages.error(request, f"{section_label(section)}: {message}")
            return self.render(status=400)
        messages.success(request, _("Recorded your decision on %s.") % section_label(section))
        return redirect(abridgment_review_url(self.page) + f"#section-{section.position}")

    def decide_task(self, action: str):
        if self.task_state is None:
            messages.error(request=self.request, message=_("This article is not at this step."))
            return self.render(status=400)
        task = self.task_state.task.specific
        if not (self.request.user.is_superuser or task._user_in_groups(self.request.user)):
            raise PermissionDenied
        comment = TaskDecisionForm(self.request.POST).data.get("comment", "").strip()
        if action == "approve_task":
            if self.report_blockers():
                return self.render(status=400)
            task.on_action(self.task_state, self.request.user, "approve", comment=comment)
            messages.success(self.request, _("Abridgments approved; the article moves on."))
        else:
            if not comment:
                messages.error(self.request, _("Say what should change before sending it back."))
                return self.render(status=400)
            task.on_action(self.task_state, self.request.user, "reject", comment=comment)
            messages.success(self.request, _("Sent back to the translator with your comments."))
        return redirect("wagtailadmin_home")

    def report_blockers(self) -> bool:
        if self.task_state is None:
            return False
        missing = approval_blockers(self.task_state)
        if missing:
            messages.error(
                self.request,
                _("This step cannot be approved yet. Still waiting for a sign-off: %s.")
                % "; ".join(section_label(section) for section in missing),
            )
        return bool(missing)

    def render(self, status: int = 200):
        states = signoff_states(self.page, self.sections)
        anchors = load_coverage_anchors() if states else []
        for state in states:
            section = state.section
            section.content_hash = section_hash(section)
            # Which English sentences the abridged Chinese left out, marked in the English.
            section.missing = (
                coverage_of(section, anchors).missing
                if section.status == SectionStatus.ABRIDGED
                and has_english(section)
                and section.body_zh_hans
                else []
            )
            section.marked_en = mark_sentences(
                expand_db_html(section.body_en or ""), section.missing
            )
        can_sign = allows(self.request.user, Action.SIGN_OFF, self.page)
        context = {
            "page": self.page,
            "states": states,
            "task_state": self.task_state,
            "can_sign": can_sign,
            "can_decide": bool(
                self.task_state
                and allows(self.request.user, Action.APPROVE_CUT_STEP, self.page)
                and (
                    self.request.user.is_superuser
                    or self.task_state.task.specific._user_in_groups(self.request.user)
                )
            ),
            "all_signed": all(state.approved for state in states),
            # What keeps "Approve this step" disabled, named beside the button.
            "blockers": [
                section_label(section)
                for section in (approval_blockers(self.task_state) if self.task_state else [])
            ],
            "form": SignoffForm(),
            "show_original": True,
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)
