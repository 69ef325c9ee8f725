"""The editor's quote choosers, read together (articles/chosen_together.py), show what each
section's form holds: the saved quote, a quote just chosen in a form sent back with an error,
and nothing, with the field's own error, for an id that names no quote or is no id at all."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory, ArticleSectionFactory, QuoteFactory
from tests.rendered_forms import RenderedForm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]

EDIT_FORM = "form#page-edit-form"


@pytest.fixture
def article(home_page):
    page = ArticlePageFactory(parent=home_page, slug="quoted")
    for position in range(3):
        ArticleSectionFactory(page=page, sort_order=position, quote=QuoteFactory())
    page.save_revision()
    return page


def chosen(html: str, position: int) -> str:
    """What the chooser of section ``position`` shows as chosen ("" for nothing)."""
    soup = BeautifulSoup(html, "html.parser")
    field = soup.select_one(f'input[name="sections-{position}-quote"]')
    chooser = field.find_parent(attrs={"data-chooser-url": True}) or field.parent
    title = chooser.select_one("[data-chooser-title]")
    return title.get_text(strip=True) if title else ""


def send_back(client, page, **changes):
    """The editor's form as rendered, with ``changes``, and a title left empty: the form comes
    back with its errors, showing what was sent."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = RenderedForm(client.get(url).content, EDIT_FORM)
    form.set("title", "")
    for name, value in changes.items():
        form.set(name, value)
    response = client.post(url, form.data())
    assert response.status_code == 200
    return response.content.decode()


def test_each_section_shows_its_own_quote(client, editor_user, article):
    client.force_login(editor_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    quotes = [section.quote for section in article.sections.all()]
    assert [chosen(html, n) for n in range(3)] == [str(quote) for quote in quotes]


def test_a_quote_just_chosen_shows_when_the_form_comes_back(client, editor_user, article):
    client.force_login(editor_user)
    other = QuoteFactory()
    html = send_back(client, article, **{"sections-1-quote": str(other.pk)})
    kept = [section.quote for section in article.sections.all()]
    assert [chosen(html, n) for n in range(3)] == [str(kept[0]), str(other), str(kept[2])]


@pytest.mark.parametrize("posted", ["987654", "not-an-id"])
def test_an_id_that_names_no_quote_shows_no_quote_and_the_fields_error(
    client, editor_user, article, posted
):
    client.force_login(editor_user)
    html = send_back(client, article, **{"sections-0-quote": posted})
    assert chosen(html, 0) == ""
    assert "Select a valid choice" in html
    assert chosen(html, 1) == str(article.sections.all()[1].quote)
