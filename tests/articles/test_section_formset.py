"""Saving the article editor reads the sections its forms name in one query, so a longer
article costs no more queries to save; a section id that names no section is still refused
with the form's own error, and nothing is saved."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from articles.models import ArticlePage
from tests.articles.test_revision_references import draft_article
from tests.rendered_forms import RenderedForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_saving_a_longer_article_costs_no_more_queries(client, home_page, editor_user):
    client.force_login(editor_user)
    counts = {}
    for sections in (4, 24):
        page = draft_article(home_page, sections)
        form = RenderedForm(client.get(edit_url(page)).content, "form#page-edit-form")
        form.set("sections-1-note", "删去了两段。")
        with CaptureQueriesContext(connection) as queries:
            response = client.post(edit_url(page), form.data())
        assert response.status_code == 302
        assert (
            ArticlePage.objects.get(pk=page.pk)
            .get_latest_revision_as_object()
            .sections.all()[1]
            .note
            == "删去了两段。"
        )
        counts[sections] = len(queries)
    assert counts[24] == counts[4]


@pytest.mark.parametrize("posted", ["987654", "not-an-id"])
def test_a_section_id_that_names_no_section_is_refused(client, home_page, editor_user, posted):
    page = draft_article(home_page, 3)
    client.force_login(editor_user)
    form = RenderedForm(client.get(edit_url(page)).content, "form#page-edit-form")
    form.set("sections-1-id", posted)
    form.set("sections-2-note", "不该存下的说明。")
    revisions = page.revisions.count()

    response = client.post(edit_url(page), form.data())

    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.content.decode()
    assert page.revisions.count() == revisions
