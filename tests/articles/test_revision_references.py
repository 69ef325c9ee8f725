"""An article loads from a revision as modelcluster would load it, but its references are
checked with one query per kind of target: opening the editor of a longer draft costs no more
queries. A reference to a row deleted since (a draft's quote) no longer breaks the editor."""

import copy

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from articles.models import ArticlePage
from articles.models.revision_references import ReferencesCheckedTogether
from people.models import Quote
from tests.conftest import user_in_group
from tests.factories import (
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

MISSING = 987654


def draft_article(
    parent, sections: int, *, cut_every: int = 2, quote_every: int | None = None
) -> ArticlePage:
    """A published article whose latest revision is an unsaved draft: the editor then loads
    the revision, not the live page. With ``quote_every``, every so many sections show a quote
    of their own."""
    page = ArticlePageFactory(parent=parent, slug=f"draft-{sections}")
    for position in range(sections):
        cut = position % cut_every == 0
        quoted = quote_every is not None and position % quote_every == 0
        ArticleSectionFactory(
            page=page,
            sort_order=position,
            status="abridged" if cut else "full",
            note="删去了一段。" if cut else "",
            quote=QuoteFactory() if quoted else None,
        )
    page.save_revision().publish()
    page = ArticlePage.objects.get(pk=page.pk)
    page.headline_zh_hans += "（草稿）"
    page.save_revision()
    return page


def as_modelcluster_loads(content: dict) -> ArticlePage:
    """The page as modelcluster itself builds it, checking each reference on its own."""
    return super(ReferencesCheckedTogether, ArticlePage).from_serializable_data(content)


def test_the_editor_of_a_longer_draft_costs_no_more_queries(client, home_page, editor_user):
    """Every other section shows a quote: the sections' quote choosers read their quotes
    together (articles/chosen_together.py), not with a query each."""
    client.force_login(editor_user)
    counts = {}
    for sections in (4, 24):
        page = draft_article(home_page, sections, quote_every=2)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        client.get(url)  # the first request of a test pays for what later ones find cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "（草稿）" in html  # the draft, loaded from its revision
        quotes = [s.quote for s in page.get_latest_revision_as_object().sections.all() if s.quote]
        assert len(quotes) == sections // 2
        for quote in quotes:  # each chooser names its quote
            assert f'value="{quote.pk}"' in html
            assert str(quote) in html
        counts[sections] = len(queries)
    assert counts[24] == counts[4]


def test_loading_a_revision_asks_once_per_kind_of_target(home_page):
    page = draft_article(home_page, 30)
    sections = list(page.sections.all())
    for section in sections[::3]:
        section.quote = QuoteFactory()
    page.sections = sections
    page.original_author = PersonFactory()
    revision = page.save_revision()

    with CaptureQueriesContext(connection) as ours:
        loaded = ArticlePage.objects.get(pk=page.pk).with_content_json(revision.content)
    with CaptureQueriesContext(connection) as theirs:
        as_modelcluster_loads(revision.content)

    assert [section.quote_id for section in loaded.sections.all()] == [
        section.quote_id for section in sections
    ]
    assert len(theirs) > 30  # one for each section's page and quote, and more
    assert len(ours) < 10


def test_dangling_references_are_dealt_with_as_modelcluster_does(home_page):
    page = draft_article(home_page, 3)
    quote = QuoteFactory()
    sections = list(page.sections.all())
    sections[1].quote = quote
    page.sections = sections
    page.original_author = PersonFactory()
    content = copy.deepcopy(page.save_revision().content)
    content["original_author"] = MISSING  # SET_NULL on the page: cleared
    content["sections"][0]["source_confirmed_by"] = MISSING  # SET_NULL on a child: cleared
    content["sections"][2]["page"] = MISSING  # CASCADE on a child: the child is dropped
    untouched = copy.deepcopy(content)

    ours = ArticlePage.from_serializable_data(content)

    assert content == untouched  # the revision's own content is left as it was
    assert ours.serializable_data() == as_modelcluster_loads(content).serializable_data()
    assert ours.original_author_id is None
    assert [section.source_confirmed_by_id for section in ours.sections.all()] == [None, None]
    assert [section.quote_id for section in ours.sections.all()] == [None, quote.pk]


def test_a_draft_whose_quote_was_deleted_still_opens(client, home_page, django_user_model):
    page = draft_article(home_page, 2)
    quote = QuoteFactory(text_zh_hans="只在草稿里的引语")
    sections = list(page.sections.all())
    sections[1].quote = quote
    page.sections = sections
    page.save_revision()
    # Only the draft names the quote, so nothing in the database keeps it from deletion.
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw-root")
    client.force_login(admin)
    delete_url = reverse("wagtailsnippets_people_quote:delete", args=[quote.pk])
    form = RenderedForm(client.get(delete_url).content, "main form")
    assert client.post(delete_url, form.data()).status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()

    client.force_login(user_in_group(django_user_model, "ed", "Editors"))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    review = client.get(reverse("articles_review:review", args=[page.pk]))

    assert editor.status_code == 200
    form = RenderedForm(editor.content, "form#page-edit-form")
    assert form.get("headline_zh_hans").endswith("（草稿）")
    assert form.get("sections-1-quote") == ""  # the section, without the quote that is gone
    assert review.status_code == 200
