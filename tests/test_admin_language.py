"""One language per user: every admin screen of the project, rendered in Chinese for the role
that uses it, holds none of the project's own English messages.

The English to look for is the project's catalogue (``locale/zh_Hans/LC_MESSAGES/django.po``):
every message id whose source is a project file, cut at its placeholders into the runs of at
least two words a screen would show verbatim. A string that reaches a Chinese screen without
a translation (not marked for translation, marked but missing from the catalogue's Chinese, or
formatted before the language was chosen) shows up as one of those runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup, Comment

from articles.models import ArticlePage, DraftState, LatestSection
from tests.rendered_forms import RenderedForm

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
PROJECT_SOURCES = ("articles/", "cms/", "people/", "templates/")

# Placeholders of Python and template strings, and markup inside a message: a screen shows
# the text between them.
_PLACEHOLDER = re.compile(
    r"%\(\w+\)[sdfir]|%[sdfir]|\{\{.*?\}\}|\{%.*?%\}|\{\w*\}|<[^>]+>|&[a-z]+;"
)
# A word of English prose; a setting's name (TRANSLATION_BACKEND) or a code is not one.
_WORD = re.compile(r"^[(“\"']*[A-Za-z][A-Za-z'’-]*[)”\"'.,;:!?]*$")
# Text a page shows that is content, not interface: the English original and what people
# typed. Form fields hold what was saved; scripts and styles are not read.
_NOT_INTERFACE = ("script", "style", "textarea", "noscript")


# --- The catalogue --------------------------------------------------------------------------


def _po_string(lines: list[str]) -> str:
    text = "".join(re.match(r'^(?:msg\w+(?:\[\d\])?\s+)?"(.*)"$', line).group(1) for line in lines)
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def catalogue_entries(path: Path = CATALOGUE) -> list[dict]:
    """Each entry's references, msgid, plural and translations, as the po file holds them."""
    entries: list[dict] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line]
        references = [
            ref.rsplit(":", 1)[0]
            for line in lines
            if line.startswith("#:")
            for ref in line[2:].split()
        ]
        if any(line.startswith("#~") for line in lines):
            continue  # obsolete
        fields: dict[str, list[str]] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d\])?|msgctxt)\s", line)
            if match:
                current = match.group(1)
                fields[current] = [line]
            elif current:
                fields[current].append(line)
        if "msgid" not in fields:
            continue
        entry = {
            "references": references,
            "msgid": _po_string(fields["msgid"]),
            "plural": _po_string(fields["msgid_plural"]) if "msgid_plural" in fields else "",
            "msgstr": [_po_string(v) for k, v in fields.items() if k.startswith("msgstr")],
        }
        if entry["msgid"]:
            entries.append(entry)
    return entries


def english_runs(message: str) -> list[str]:
    """The runs of a message a screen shows verbatim: the text between placeholders and
    markup, whitespace collapsed, kept when it has two words or more."""
    runs = []
    for piece in _PLACEHOLDER.split(message):
        run = " ".join(piece.split()).strip(" .,:;!?()[]“”\"'—–-…/→")
        if sum(1 for token in run.split() if _WORD.match(token)) >= 2:
            runs.append(run)
    return runs


@cache
def project_english() -> frozenset[str]:
    """English runs of the project's own messages (not Wagtail's or Django's), leaving out a
    message the catalogue deliberately keeps in English (its translation is itself)."""
    runs: set[str] = set()
    for entry in catalogue_entries():
        if not any(ref.startswith(PROJECT_SOURCES) for ref in entry["references"]):
            continue
        for message in filter(None, (entry["msgid"], entry["plural"])):
            if message in entry["msgstr"]:
                continue
            runs.update(english_runs(message))
    return frozenset(runs)


# --- Reading a screen -----------------------------------------------------------------------


def interface_text(html: str) -> str:
    """What a Chinese user reads on the page: the text and the labels of controls (titles,
    placeholders, accessible names, tooltips), not the content the page edits or quotes in
    English (``lang="en"``)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(_NOT_INTERFACE):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in soup.select('body [lang="en"], body [lang^="en-"]'):
        element.decompose()
    labels = [
        element.get(attribute, "")
        for attribute in ("title", "placeholder", "aria-label", "data-w-tooltip-content-value")
        for element in soup.select(f"[{attribute}]")
    ]
    labels += [
        element.get("value", "")
        for element in soup.select("input[type=submit], input[type=button], button[value]")
        if element.get("type") in ("submit", "button")
    ]
    return " ".join(" ".join([soup.get_text(" "), *labels]).split())


def untranslated(html: str, english: Iterable[str] | None = None) -> list[str]:
    """The project's English runs found on the page, longest first (a longer run explains
    the shorter ones inside it)."""
    text = interface_text(html)
    found = sorted(
        (run for run in (english or project_english()) if _contains(text, run)),
        key=len,
        reverse=True,
    )
    return [run for n, run in enumerate(found) if not any(run in longer for longer in found[:n])]


def _contains(text: str, run: str) -> bool:
    # Whole words: "Review abridgments" is not found inside "Preview abridgments". The plain
    # search first: most runs are not on the page at all, and a pattern per run is slow.
    if run not in text:
        return False
    return re.search(rf"(?<![A-Za-z]){re.escape(run)}(?![A-Za-z])", text) is not None


# --- The screens ----------------------------------------------------------------------------


@pytest.fixture
def article(demo) -> ArticlePage:
    """The demo article, submitted to the translation workflow by its translator, so the
    dashboard, the task lists and the workflow history have a step to show."""
    page = demo.article
    translator = get_user_model().objects.get(username="translator")
    workflow = page.get_workflow() or Workflow.objects.filter(active=True).first()
    page.save_revision(user=translator)
    workflow.start(page, translator)
    page.refresh_from_db()
    return page


def _user(username: str, language: str = "zh-hans"):
    """A demo user whose admin language is ``language`` (their Wagtail profile's choice)."""
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def article_screens(page: ArticlePage) -> dict[str, str]:
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=(page.get_parent().pk,)),
        "edit": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        "history": reverse("wagtailadmin_pages:history", args=(page.pk,)),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)),
        "review": reverse("articles_review:review", args=(page.pk,)),
        "revisions": reverse("articles_review:revisions", args=(page.pk,)),
        "abridgment review": reverse("articles_abridgment_review", args=(page.pk,)),
        "drafts": reverse("articles_drafts", args=(page.pk,)),
        "coverage": reverse("articles_coverage", args=(page.pk,)),
        "attach original": reverse("articles_attach_original", args=(page.pk,)),
        "import": reverse("articles_import") + f"?parent={page.get_parent().pk}",
        "abridgments report": reverse("articles_abridgment_report"),
        "effort report": reverse("articles_effort_report"),
        "workflows report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "translation errors report": reverse("articles_error_reports:index"),
    }


SETTINGS_SCREENS = {
    "check policy": ("wagtailsettings:edit", ("articles", "checkpolicy")),
    "people": ("wagtailsnippets_people_person:list", ()),
    "quotes": ("wagtailsnippets_people_quote:list", ()),
    "terms": ("wagtailsnippets_people_term:list", ()),
    "organisations": ("wagtailsnippets_people_organisation:list", ()),
    "topics": ("wagtailsnippets_articles_topic:list", ()),
    "lockouts": ("login_throttle_lockouts", ()),
    "workflows": ("wagtailadmin_workflows:index", ()),
    "tasks": ("wagtailadmin_workflows:task_index", ()),
}

ROLE_SCREENS = {
    "editor": [
        "dashboard", "explorer", "edit", "history", "workflow history", "review", "revisions",
        "abridgment review", "drafts", "coverage", "attach original", "import",
        "abridgments report", "effort report", "workflows report", "workflow tasks report",
        "translation errors report",
    ],
    "translator": ["dashboard", "explorer", "edit", "review", "revisions", "drafts"],
    "reviewer": [
        "dashboard", "review", "revisions", "abridgment review",
        "abridgments report", "effort report",
    ],
}  # fmt: skip


def _screen(client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200, (url, response.status_code)
    # A setting redirects to its site's form; a refusal would land on the dashboard.
    assert response.request["PATH_INFO"].startswith(url.split("?")[0]), response.redirect_chain
    html = response.content.decode()
    assert 'lang="zh-hans"' in html.lower(), f"{url} is not rendered in Chinese"
    return html


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{screen}: {runs}" for screen, runs in found.items() if runs)


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(ROLE_SCREENS))
def test_every_screen_of_a_role_is_in_chinese(client, article, role):
    client.force_login(_user(role))
    screens = article_screens(article)
    found = {name: untranslated(_screen(client, screens[name])) for name in ROLE_SCREENS[role]}
    assert not any(found.values()), "English on Chinese screens:\n" + _report(found)


@pytest.mark.django_db
def test_settings_snippets_and_workflow_screens_are_in_chinese(client, article):
    client.force_login(_user("admin"))
    found = {
        name: untranslated(_screen(client, reverse(view, args=args)))
        for name, (view, args) in SETTINGS_SCREENS.items()
    }
    assert not any(found.values()), "English on Chinese screens:\n" + _report(found)


@pytest.mark.django_db
def test_the_login_page_is_in_chinese_and_branded(client):
    html = _screen(client, reverse("wagtailadmin_login"))
    assert untranslated(html) == []
    heading = BeautifulSoup(html, "html.parser").select_one("main h1").get_text(" ", strip=True)
    assert "对照" in heading
    assert "Wagtail" not in heading
    assert "对照" in BeautifulSoup(html, "html.parser").title.get_text()


IMPORT_ORIGINAL = "\n\n".join(
    [
        "# Superalignment, a year on",
        "In 2023, OpenAI said it would give 20% of its compute to aligning systems much "
        "smarter than humans, a goal it called superalignment.",
        "## Aftermath",
        "Less than a year later both leaders left the company and the team was dissolved.",
        "## What comes next",
        "Nobody knows yet who will supervise the supervisors, and the question grows.",
    ]
)
IMPORT_TRANSLATION = "\n\n".join(
    [
        "# 超级对齐一年后",
        "2023 年，OpenAI 表示将投入 20% 的算力，用于对齐远比人类聪明的系统，并称之为超级对齐。",
        "## 余波",
        "不到一年，两位负责人相继离开公司，团队随之解散。",
    ]
)


@pytest.mark.django_db
def test_the_import_preview_and_its_warnings_are_in_chinese(client, article):
    """A proposal with statuses, an uncertain section and no address of the original: the
    statuses and the warnings read in Chinese."""
    client.force_login(_user("editor"))
    page = _screen(client, article_screens(article)["import"])
    form = RenderedForm(page, 'form:has([name="original_text"])')
    form.set("original_text", IMPORT_ORIGINAL)
    form.set("translation_text", IMPORT_TRANSLATION)
    form.set("format", "markdown")
    response = client.post(form.action or reverse("articles_import"), form.data())
    assert response.status_code == 200
    html = response.content.decode()
    assert "原文地址" in html or "原文链接" in html  # the missing address is warned about
    assert untranslated(html) == []
    for code in ("FULL", "OMITTED", "ADDED", "full", "omitted", "added"):
        assert not re.search(rf"[：:]\s*{code}\b", interface_text(html)), code


@pytest.mark.django_db
def test_the_attach_preview_is_in_chinese(client, demo):
    client.force_login(_user("editor"))
    page = demo.article
    url = reverse("articles_attach_original", args=(page.pk,))
    form = RenderedForm(_screen(client, url), "#attach-form")
    form.set("original_text", IMPORT_ORIGINAL)
    form.set("format", "markdown")
    response = client.post(form.action or url, form.data())
    assert response.status_code == 200
    assert untranslated(response.content.decode()) == []


# --- The test can fail ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_screens_in_english_are_reported(client, article):
    """What the Chinese tests look for is there to be found: rendered in English, the review
    screen and the abridgments report show the project's messages."""
    client.force_login(_user("editor", language="en"))
    screens = article_screens(article)
    for name in ("review", "abridgments report", "abridgment review"):
        html = client.get(screens[name]).content.decode()
        assert len(untranslated(html)) >= 3, name


def test_a_planted_english_message_is_found():
    runs = english_runs("The proposal is uncertain for section %(sections)s: check them.")
    assert runs == ["The proposal is uncertain for section", "check them"]
    page = (
        "<html lang='zh-hans'><body><p>建议：完整翻译</p><p>The proposal is uncertain for "
        "section 4: check them.</p><textarea>check them</textarea>"
        "<div lang='en'>The proposal is uncertain for section</div></body></html>"
    )
    assert untranslated(page, runs) == ["The proposal is uncertain for section", "check them"]
    assert untranslated(page.replace("The proposal", "该提议"), runs) == ["check them"]


# --- Workflow and step names ----------------------------------------------------------------


def _action_menu(client, page) -> str:
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    menu = BeautifulSoup(html, "html.parser").select_one("footer, .footer, form#page-edit-form")
    return " ".join(menu.get_text(" ").split())


@pytest.mark.django_db
def test_the_workflow_is_named_in_each_users_language(client, demo):
    """The translator submits "to 译文审校" in Chinese and "to Translation review" in English;
    the database keeps the one English name."""
    page = demo.article
    client.force_login(_user("translator"))
    assert "提交给译文审校" in _action_menu(client, page)
    client.force_login(_user("translator", language="en"))
    menu = _action_menu(client, page)
    assert "Submit to Translation review" in menu
    assert "译文审校" not in menu
    stored = set(Workflow.objects.values_list("name", flat=True))
    assert "Translation review" in stored
    assert "译文审校" not in stored


@pytest.mark.django_db
def test_saving_a_step_shown_in_chinese_keeps_its_english_name(client, article):
    """An administrator saves the abridgment step from its edit form in Chinese: the name the
    form showed (删减审核) is stored as the English name, so English users still read theirs."""
    task = Task.objects.get(name="Abridgment review")
    client.force_login(_user("admin"))
    url = reverse("wagtailadmin_workflows:edit_task", args=(task.pk,))
    html = _screen(client, url)
    # Wagtail shows a step's name but does not let it be renamed; the form saves it anyway.
    assert BeautifulSoup(html, "html.parser").select_one('[name="name"]')["value"] == "删减审核"
    form = RenderedForm(html, 'form:has([name="name"])')
    response = client.post(form.action or url, form.data())
    assert response.status_code == 302
    assert Task.objects.filter(pk=task.pk).values_list("name", flat=True).get() == (
        "Abridgment review"
    )


@pytest.mark.django_db
def test_the_page_history_names_the_steps_in_chinese(client, article):
    client.force_login(_user("editor"))
    html = _screen(client, reverse("wagtailadmin_pages:history", args=(article.pk,)))
    text = interface_text(html)
    assert "译文审校" in text
    assert "Translation review" not in text


@pytest.mark.django_db
def test_workflow_emails_name_the_step_in_the_readers_language(demo, mailoutbox):
    """Wagtail writes each notification in its recipient's language: the Chinese reviewer
    reads 译文审校, the English editor reads Translation review."""
    _user("reviewer")
    _user("editor", language="en")
    review_step = Task.objects.get(name="Translation review").specific
    review_step.groups.add(*_user("editor", language="en").groups.all())
    page = demo.article
    translator = _user("translator")
    page.save_revision(user=translator)
    page.get_workflow().start(page, translator)
    by_recipient = {address: message for message in mailoutbox for address in message.to}
    to_reviewer = by_recipient["reviewer@example.com"]
    assert "译文审校" in to_reviewer.body
    assert "Translation review" not in to_reviewer.body + to_reviewer.subject
    assert "Translation review" in by_recipient["editor@example.com"].body


@pytest.mark.django_db
def test_the_effort_report_counts_articles_in_the_users_language(client, demo):
    client.force_login(_user("editor", language="en"))
    url = reverse("articles_effort_report")
    text = interface_text(client.get(url).content.decode())
    assert "1 article" in text
    assert "1 item" not in text
    client.force_login(_user("editor"))
    text = interface_text(_screen(client, url))
    assert "1 篇文章" in text
    assert "item" not in text


@pytest.mark.django_db
def test_a_failed_draft_reads_in_the_users_language(client, demo):
    """A drafting job's failure is stored once (in English) and read by each user in theirs."""
    page = demo.article
    LatestSection.objects.filter(page=page).update(
        ai_draft_state=DraftState.FAILED,
        ai_draft_error="The drafting job was interrupted; retry this section.",
    )
    url = reverse("articles_drafts", args=(page.pk,))
    client.force_login(_user("translator", language="en"))
    assert "The drafting job was interrupted" in interface_text(client.get(url).content.decode())
    client.force_login(_user("translator"))
    html = _screen(client, url)
    assert "初稿任务被中断" in interface_text(html)
    assert untranslated(html) == []
