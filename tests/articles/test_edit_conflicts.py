"""Lost updates (SECURITY-TESTS G1): a save from a stale editor form is refused with a
conflict screen; keeping mine, taking theirs and merging each do what they say, and both
revisions stay in the history. Forms are read from the rendered HTML, as a browser does."""

import json

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

import pytest

from articles.models import ArticlePage, ArticleSection
from tests.conftest import user_in_group
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

EDIT_FORM = "form#page-edit-form"
CONFLICT_FORM = "form.conflict-form"


@pytest.fixture
def article(home_page):
    page = ArticlePageFactory(live=False)
    for number, (en, zh) in enumerate(
        [("The perceptron", "感知机"), ("Backpropagation", "反向传播"), ("Winter", "寒冬")]
    ):
        ArticleSectionFactory(
            page=page,
            sort_order=number,
            heading_en=en,
            heading_zh_hans=zh,
            body_en=f"<p>{en} in English.</p>",
            body_zh_hans=f"<p>{zh}的原译文。</p>",
        )
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    return page


@pytest.fixture
def editors(editor_user, django_user_model):
    first, second = Client(), Client()
    other = user_in_group(django_user_model, "ed2", "Editors")
    for client, user in ((first, editor_user), (second, other)):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"  # the screen's words, as the catalogue stands
        profile.save()
        client.force_login(user)
    return first, second


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def open_editor(client, page) -> RenderedForm:
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return RenderedForm(response.content, EDIT_FORM)


def set_body_zh(form: RenderedForm, index: int, text: str) -> None:
    form.set(f"sections-{index}-body_zh_hans", rich_text(text))


def draftail_text(value: str) -> str:
    return "".join(block["text"] for block in json.loads(value)["blocks"])


def save(client, page, form: RenderedForm, **action):
    return client.post(edit_url(page), form.data(**action))


def latest_sections(page) -> list:
    page = ArticlePage.objects.get(pk=page.pk)
    return list(page.get_latest_revision_as_object().sections.all())


def latest_texts(page) -> list[str]:
    return [section.text_zh for section in latest_sections(page)]


def conflict_of(response) -> RenderedForm:
    assert response.status_code == 409, response.status_code
    return RenderedForm(response.content, CONFLICT_FORM)


@pytest.fixture
def stale_conflict(article, editors):
    """Both editors open the article; the first changes section 1 and saves; the second
    changes section 2 in their (now stale) form and saves."""
    first, second = editors
    mine_first, mine_second = open_editor(first, article), open_editor(second, article)
    set_body_zh(mine_first, 0, "感知机的新译文。")
    assert save(first, article, mine_first).status_code == 302
    set_body_zh(mine_second, 1, "第二位编辑改过的反向传播。")
    revisions_before = article.revisions.count()
    response = save(second, article, mine_second)
    assert article.revisions.count() == revisions_before  # refused: nothing written
    return second, response


def test_a_save_from_a_stale_form_is_refused_with_what_changed(article, stale_conflict):
    second, response = stale_conflict
    html = response.content.decode()
    assert response.status_code == 409
    assert "第二位编辑改过的" in html  # and mine to section 2
    assert "Section 1 “感知机”" in html and "Section 2 “反向传播”" in html
    # Their change to section 1, character by character: only what changed is marked.
    assert "感知机的<del>原</del><ins>新</ins>译文" in html
    # Until the editor chooses, the first editor's text is what the article holds.
    assert latest_texts(article)[:2] == ["感知机的新译文。", "反向传播的原译文。"]


def test_merge_keeps_both_edits_as_a_new_revision(article, stale_conflict):
    second, response = stale_conflict
    screen = conflict_of(response)
    revisions = article.revisions.count()

    merged = second.post(edit_url(article), screen.data(**{"conflict-resolution": "merge"}))

    assert merged.status_code == 302
    assert latest_texts(article) == [
        "感知机的新译文。",
        "第二位编辑改过的反向传播。",
        "寒冬的原译文。",
    ]
    assert article.revisions.count() == revisions + 1  # on top; the first stays in history
    contents = [str(r.content) for r in article.revisions.order_by("pk")]
    assert any("感知机的新译文" in c and "反向传播的原译文" in c for c in contents)


def test_keep_mine_saves_my_version_on_top_explicitly(article, stale_conflict):
    second, response = stale_conflict
    screen = conflict_of(response)

    kept = second.post(edit_url(article), screen.data(**{"conflict-resolution": "mine"}))

    assert kept.status_code == 302
    # My version as I submitted it: section 1 as I loaded it, section 2 changed.
    assert latest_texts(article)[:2] == ["感知机的原译文。", "第二位编辑改过的反向传播。"]
    contents = [str(r.content) for r in article.revisions.all()]
    assert any("感知机的新译文" in c for c in contents)  # theirs still in history


def test_take_theirs_discards_mine_and_opens_the_latest(article, stale_conflict, editors):
    second, response = stale_conflict
    html = response.content.decode()
    revisions = article.revisions.count()
    assert f'href="{edit_url(article)}"' in html  # "take the newer version"

    latest_form = open_editor(second, article)

    assert article.revisions.count() == revisions  # nothing saved
    assert "感知机的新译文" in draftail_text(latest_form.get("sections-0-body_zh_hans"))
    assert "原译文" in draftail_text(latest_form.get("sections-1-body_zh_hans"))


def test_sections_changed_on_both_sides_need_a_choice(article, editors):
    first, second = editors
    mine_first, mine_second = open_editor(first, article), open_editor(second, article)
    set_body_zh(mine_first, 0, "甲的版本。")
    assert save(first, article, mine_first).status_code == 302
    set_body_zh(mine_second, 0, "乙的版本。")
    set_body_zh(mine_second, 2, "乙也改了寒冬。")
    screen = conflict_of(save(second, article, mine_second))

    unchosen = second.post(edit_url(article), screen.data(**{"conflict-resolution": "merge"}))
    assert unchosen.status_code == 409
    assert "Choose a version for every section changed on both sides." in (
        unchosen.content.decode()
    )
    assert latest_texts(article)[0] == "甲的版本。"

    key = str(latest_sections(article)[0].key)
    chosen = second.post(
        edit_url(article),
        screen.data(**{"conflict-resolution": "merge", f"conflict-choice-section:{key}": "mine"}),
    )
    assert chosen.status_code == 302
    assert latest_texts(article) == ["乙的版本。", "反向传播的原译文。", "乙也改了寒冬。"]


def test_page_fields_are_compared_too(article, editors):
    first, second = editors
    mine_first, mine_second = open_editor(first, article), open_editor(second, article)
    mine_first.set("headline_zh_hans", "甲改的标题")
    assert save(first, article, mine_first).status_code == 302
    mine_second.set("summary_zh_hans", "乙写的摘要。")
    response = save(second, article, mine_second)
    html = response.content.decode()
    assert response.status_code == 409
    assert "甲改的标题" in html and "乙写的摘要" in html

    second.post(edit_url(article), conflict_of(response).data(**{"conflict-resolution": "merge"}))
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert (latest.headline_zh_hans, latest.summary_zh_hans) == ("甲改的标题", "乙写的摘要。")


def test_a_save_from_a_fresh_form_still_works(article, editors):
    first, second = editors
    form = open_editor(first, article)
    set_body_zh(form, 1, "一次普通的保存。")
    assert save(first, article, form).status_code == 302
    # The second editor opens the editor after that save: no conflict.
    form = open_editor(second, article)
    set_body_zh(form, 2, "又一次普通的保存。")
    assert save(second, article, form).status_code == 302
    assert latest_texts(article)[1:] == ["一次普通的保存。", "又一次普通的保存。"]


def test_publishing_from_a_stale_form_is_refused(article, editors):
    first, second = editors
    mine_first, mine_second = open_editor(first, article), open_editor(second, article)
    set_body_zh(mine_first, 0, "甲先保存。")
    assert save(first, article, mine_first).status_code == 302
    set_body_zh(mine_second, 1, "乙想发布。")

    response = save(second, article, mine_second, **{"action-publish": "action-publish"})

    assert response.status_code == 409
    assert not ArticlePage.objects.get(pk=article.pk).live
    screen = conflict_of(response)
    published = second.post(edit_url(article), screen.data(**{"conflict-resolution": "merge"}))
    assert published.status_code == 302
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live
    assert [s.text_zh for s in live.sections.all()][:2] == ["甲先保存。", "乙想发布。"]


def test_a_form_corrected_after_errors_is_still_checked(article, editors):
    first, second = editors
    mine_first, mine_second = open_editor(first, article), open_editor(second, article)
    set_body_zh(mine_first, 0, "甲先保存。")
    assert save(first, article, mine_first).status_code == 302
    mine_second.set("title", "")  # an error: the form comes back
    mine_second.set("slug", "")
    invalid = save(second, article, mine_second)
    assert invalid.status_code == 200
    again = RenderedForm(invalid.content, EDIT_FORM)
    again.set("title", "改好的标题")
    again.set("slug", "fixed")

    assert save(second, article, again).status_code == 409
    assert latest_texts(article)[0] == "甲先保存。"


def test_a_conflict_on_a_live_article_with_a_draft_only_section(article, editors):
    """Sections added in an unpublished draft have no primary key: they are still
    matched by their key, not duplicated."""
    article.get_latest_revision().publish()
    first, second = editors
    form = open_editor(first, article)
    total = int(form.get("sections-TOTAL_FORMS"))
    prefix = f"sections-{total}-"
    for name, value in {
        "heading_en": "Spring",
        "heading_zh_hans": "春天",
        "body_en": rich_text("Spring came."),
        "body_zh_hans": rich_text("春天来了。"),
        "status": "full",
        "note": "",
        "quote": "",
        "id": "",
        "ORDER": str(total + 1),
        "DELETE": "",
    }.items():
        form.set(prefix + name, value)
    form.set("sections-TOTAL_FORMS", str(total + 1))
    form.fields = [(n, v) for n, v in form.fields if n != prefix + "DELETE"]
    assert save(first, article, form).status_code == 302
    assert len(latest_sections(article)) == 4

    mine_first, mine_second = open_editor(first, article), open_editor(second, article)
    set_body_zh(mine_first, 3, "甲改了春天。")
    assert save(first, article, mine_first).status_code == 302
    set_body_zh(mine_second, 0, "乙改了感知机。")
    screen = conflict_of(save(second, article, mine_second))
    assert (
        second.post(edit_url(article), screen.data(**{"conflict-resolution": "merge"})).status_code
        == 302
    )
    assert latest_texts(article) == [
        "乙改了感知机。",
        "反向传播的原译文。",
        "寒冬的原译文。",
        "甲改了春天。",
    ]


def test_a_save_that_does_not_say_its_version_is_refused(article, editors):
    """A crafted POST without the editor's ``loaded_revision_id`` may come from any version:
    it meets the conflict screen, and nothing is written until the editor chooses."""
    first, _second = editors
    form = open_editor(first, article)
    set_body_zh(form, 0, "没有注明版本的改动。")
    data = form.data()
    for name in ("loaded_revision_id", "loaded_revision_created_at"):
        assert data.pop(name)  # the rendered form carries both
    revisions = article.revisions.count()

    response = first.post(edit_url(article), data)

    assert response.status_code == 409
    assert article.revisions.count() == revisions
    assert latest_texts(article)[0] == "感知机的原译文。"
    assert "没有注明版本的改动" in response.content.decode()  # kept for the editor to choose


def test_an_editor_save_keeps_what_the_form_does_not_show_on_a_draft_only_section(article, editors):
    """A section added in an unpublished draft has no row: what the editor form does not
    carry (its key, its AI draft and the re-check record) is kept from the version the
    form was rendered from, as Wagtail keeps it for sections with a row."""
    article.get_latest_revision().publish()
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    sections = list(draft.sections.all())
    added = ArticleSection(
        sort_order=len(sections),
        heading_en="Spring",
        body_en="<p>Spring came.</p>",
        ai_draft="春天来了。",
        ai_draft_model="test-model",
        source_at_translation="Spring\nSpring came.",
    )
    draft.sections.set([*sections, added])
    draft.save_revision()

    first, _second = editors
    form = open_editor(first, article)
    set_body_zh(form, 3, "春天到了。")
    assert save(first, article, form).status_code == 302

    kept = latest_sections(article)[3]
    assert kept.pk is None and kept.key == added.key
    assert kept.text_zh == "春天到了。"
    assert (kept.ai_draft, kept.ai_draft_model) == ("春天来了。", "test-model")
    assert kept.source_at_translation == "Spring\nSpring came."
