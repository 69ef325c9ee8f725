"""Source drift: sections whose English changed since translation are stale until re-checked."""

import re

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from articles.models import ArticlePage, ArticleSection
from articles.review.engine.drift import (
    english_source,
    is_stale,
    record_translation_sources,
)
from articles.richtext import words_of
from tests.admin_refusal import refused
from tests.factories import ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

OLD_EN = "<p>In 2012 AlexNet won ImageNet.</p>"
NEW_EN = "<p>In 2012 AlexNet won the ImageNet challenge.</p>"


@pytest.fixture
def article(home_page):
    """A published article whose one section was translated from OLD_EN; its English now
    reads NEW_EN."""
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_en="Breakthrough",
        body_en=NEW_EN,
        body_zh_hans="<p>2012 年，AlexNet 赢得了 ImageNet。</p>",
        source_at_translation=english_source("Breakthrough", OLD_EN),
    )
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def review(client, page):
    return client.get(reverse("articles_review:review", args=(page.pk,)))


def recheck_url(page, section):
    return reverse("articles_review:recheck", args=(page.pk, section.key))


def test_plain_text_decodes_entities_and_separates_paragraphs():
    assert words_of("<p>Tom &amp; Jerry</p><p>ran.</p>") == "Tom & Jerry ran."


def test_whitespace_and_markup_changes_are_not_drift():
    recorded = english_source("Title", "<p>Deep   networks</p>")
    assert not is_stale(recorded, english_source(" Title ", "<p><b>Deep</b> networks</p>"))


def test_a_changed_word_is_drift():
    recorded = english_source("Title", OLD_EN)
    assert is_stale(recorded, english_source("Title", NEW_EN))


def test_nothing_recorded_is_not_stale():
    assert not is_stale("", english_source("Title", NEW_EN))


def test_recording_fills_only_translated_sections_without_a_record():
    translated = ArticleSection(heading_en="A", body_en="<p>One.</p>", body_zh_hans="<p>一。</p>")
    untranslated = ArticleSection(heading_en="B", body_en="<p>Two.</p>", body_zh_hans="")
    kept = ArticleSection(body_en="<p>Now.</p>", body_zh_hans="<p>三。</p>")
    kept.source_at_translation = "Then."
    assert record_translation_sources([translated, untranslated, kept])
    assert translated.source_at_translation == "A\nOne."
    assert untranslated.source_at_translation == ""
    assert kept.source_at_translation == "Then."
    assert not record_translation_sources([translated, untranslated, kept])


def test_a_section_is_stale_after_its_english_changes(client, editor_user, article):
    client.force_login(editor_user)
    response = review(client, article)
    row = response.context["review"].rows[0]
    assert row.stale
    assert response.context["review"].stale_count == 1
    html = response.content.decode()
    assert "review-badge--stale" in html
    # The source diff shows the words added since translation.
    assert re.search(r"<ins>[^<]*challenge[^<]*</ins>", row.drift_new)
    assert "<ins>" not in row.drift_old and "<del>" not in row.drift_new


def test_a_section_never_recorded_is_not_stale(client, editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, source_at_translation="")
    page.save_revision().publish()
    client.force_login(editor_user)
    assert not review(client, page).context["review"].rows[0].stale


def test_english_changed_in_an_unpublished_draft_shows_as_stale(client, editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page, body_en=OLD_EN, source_at_translation=english_source("Part", OLD_EN)
    )
    ArticleSection.objects.filter(page=page).update(heading_en="Part")
    page.save_revision().publish()
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    sections = list(draft.sections.all())
    sections[0].body_en = NEW_EN
    draft.sections.set(sections)
    draft.save_revision(user=editor_user)

    client.force_login(editor_user)
    assert review(client, page).context["review"].rows[0].stale


def test_rechecked_clears_stale_and_records_who(client, translator_user, article):
    section = article.sections.get()
    client.force_login(translator_user)
    response = client.post(recheck_url(article, section))
    assert response.status_code == 302
    assert response.url.endswith("#section-1")

    section.refresh_from_db()
    assert section.source_at_translation == english_source("Breakthrough", NEW_EN)
    assert section.source_confirmed_by == translator_user
    assert section.source_confirmed_at is not None
    row = review(client, article).context["review"].rows[0]
    assert not row.stale
    assert row.confirmed_by == translator_user.get_username()


def test_rechecked_survives_the_next_publish(client, reviewer_user, editor_user, article):
    section = article.sections.get()
    client.force_login(reviewer_user)
    client.post(recheck_url(article, section))

    # The latest revision carries the confirmation, so publishing it keeps it...
    article.refresh_from_db()
    entry = article.latest_revision.content["sections"][0]
    assert entry["source_at_translation"] == english_source("Breakthrough", NEW_EN)
    assert entry["source_confirmed_by"] == reviewer_user.pk
    article.latest_revision.publish()
    section.refresh_from_db()
    assert section.source_at_translation == english_source("Breakthrough", NEW_EN)
    assert section.source_confirmed_by == reviewer_user

    # ...and so does a later draft edited from it in the page editor, once published.
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    draft.title = "改过的标题"
    draft.save_revision(user=editor_user).publish()
    section.refresh_from_db()
    assert section.source_at_translation == english_source("Breakthrough", NEW_EN)
    client.force_login(editor_user)
    assert not review(client, article).context["review"].rows[0].stale


def test_rechecked_needs_a_post(client, editor_user, article):
    client.force_login(editor_user)
    assert client.get(recheck_url(article, article.sections.get())).status_code == 405


def test_rechecked_checks_csrf(editor_user, article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)
    section = article.sections.get()
    assert client.post(recheck_url(article, section)).status_code == 403
    section.refresh_from_db()
    assert section.source_confirmed_by is None


def test_rechecked_is_refused_to_anonymous_and_other_users(client, django_user_model, article):
    section = article.sections.get()
    response = client.post(recheck_url(article, section))
    assert response.status_code == 302 and "login" in response.url

    outsider = django_user_model.objects.create_user("outsider", password="pw")
    group = Group.objects.create(name="Guests")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider.groups.add(group)
    client.force_login(outsider)
    assert refused(client.post(recheck_url(article, section)))
    section.refresh_from_db()
    assert section.source_confirmed_by is None


def test_rechecked_on_another_articles_section_is_not_found(client, editor_user, article):
    other = ArticleSectionFactory(page=ArticlePageFactory())
    client.force_login(editor_user)
    assert client.post(recheck_url(article, other)).status_code == 404


@pytest.mark.skipif(
    not hasattr(ArticlePage, "record_section_facts"),
    reason="ArticlePage does not yet record the English on a translation's first save",
)
def test_the_first_translated_save_records_the_english(editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, heading_en="Part", body_en=OLD_EN)
    ArticleSectionFactory(page=page, body_zh_hans="", status="pending")
    revision = page.save_revision(user=editor_user)
    recorded = [entry["source_at_translation"] for entry in revision.content["sections"]]
    assert recorded == [english_source("Part", OLD_EN), ""]
    revision.publish()
    assert page.sections.first().source_at_translation == english_source("Part", OLD_EN)
