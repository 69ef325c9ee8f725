"""Every page a reader or an editor reaches from the demo answers without a server error."""

from django.urls import reverse

import pytest

from people.models import Person, Quote

pytestmark = pytest.mark.django_db


def public_urls(article) -> list[str]:
    urls = ["/", "/articles/", article.url, article.url + "?view=bilingual", "/sitemap.xml"]
    urls += ["/people/", "/quotes/", "/api/v2/pages/", f"/api/v2/pages/{article.pk}/"]
    urls += ["/api/v2/people/", "/api/v2/quotes/"]
    urls += [person.get_absolute_url() for person in Person.objects.all()]
    urls += [quote.get_absolute_url() for quote in Quote.objects.all()]
    return urls + ["/en" + url for url in urls if not url.startswith(("/api", "/sitemap"))]


def test_public_pages_answer(client, demo_article):
    for url in public_urls(demo_article):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "query", ["page=-1", "page=abc", "topic=%00", "person=%E2%80%AE", "view=<script>"]
)
def test_odd_query_strings_do_not_break_the_article_list(client, demo_article, query):
    response = client.get(f"/articles/?{query}")
    if "%00" in query:  # refused on every database alike, before PostgreSQL could fail
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


@pytest.mark.parametrize("url", ["/api/v2/pages/?search=%00", "/api/v2/people/?search=a%00"])
def test_nul_in_an_api_search_is_a_clear_400(client, demo, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_admin_screens_answer_for_an_editor(client, demo_article, editor_user):
    client.force_login(editor_user)
    page_id = demo_article.pk
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=(page_id,)),
        reverse("wagtailadmin_pages:history", args=(page_id,)),
        reverse("articles_review:review", args=(page_id,)),
        reverse("articles_abridgment_review", args=(page_id,)),
        reverse("articles_drafts", args=(page_id,)),
        reverse("articles_abridgment_report"),
        reverse("articles_import") + f"?parent={demo_article.get_parent().pk}",
        reverse("wagtailsnippets_people_person:list"),
        reverse("wagtailsnippets_people_quote:list"),
        reverse("wagtailsnippets_people_term:list"),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
