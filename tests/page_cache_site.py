"""A published article with a person, quote, topic and translator, for the page-cache,
HTTP-caching and purge tests, and how readers and editors reach it. Built once per worker and
written back for each test after that (tests/seeded_db.py)."""

from django.test import Client
from django.urls import reverse

from articles.models import ArticlePage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ArticleSectionFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
)
from tests.rendered_forms import RenderedForm
from tests.seeded_db import seeded

PATH = "/articles/lamps/"


def published_article(django_user_model) -> ArticlePage:
    """Under an index at /articles/; call with the home page in place."""
    return seeded("page-cache-article", lambda: _build_article(django_user_model))


def _build_article(django_user_model) -> ArticlePage:
    index = ArticleIndexPageFactory(slug="articles", title="文章")
    person = PersonFactory(slug="keeper", name_zh_hans="守灯人", name_en="Lamp Keeper")
    translator = django_user_model.objects.create_user(
        username="yi", first_name="译者甲", password="pw-yi"
    )
    page = ArticlePageFactory(
        parent=index,
        slug="lamps",
        headline_zh_hans="灯与海",
        headline_en="Lamps and the sea",
        original_author=person,
    )
    page.people_mentioned.add(person)
    page.topics.add(TopicFactory(slug="light", name_zh_hans="光学", name_en="Optics"))
    page.translators.add(translator)
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        heading_zh_hans="灯塔",
        body_zh_hans="<p>灯塔照亮了海湾。</p>",
        body_en="<p>The lighthouse lit the bay.</p>",
        quote=QuoteFactory(speaker=person, text_zh_hans="光终会到来。", text_en="Light comes."),
    )
    page.save_revision().publish()
    return page


def html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def editor_client(user) -> Client:
    editor = Client()
    editor.force_login(user)
    return editor


def publish_headline_from_the_admin(editor: Client, page: ArticlePage, headline: str) -> None:
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = RenderedForm(html(editor, url), "#page-edit-form")
    form.set("headline_zh_hans", headline)
    response = editor.post(url, form.data(**{"action-publish": "action-publish"}))
    assert response.status_code == 302, response.content.decode()[:3000]
