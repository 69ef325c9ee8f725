"""One original, one article: the same address written differently (host case, tracking
parameters, a fragment, a trailing slash, a default port) is found as the same original, by
the admin import and by ``manage.py import_article``, also for articles stored before
addresses were normalised."""

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.rendered_forms import form_data

from .test_import_admin import ORIGINAL, TRANSLATION

pytestmark = pytest.mark.django_db

IMPORT = reverse("articles_import")
SPELLINGS = [
    "https://example.com/x?utm_source=a",
    "https://example.com/x#top",
    "HTTPS://Example.COM:443/x/",
    "https://example.com/x?fbclid=abc&utm_medium=email",
]


@pytest.fixture(autouse=True)
def english_messages(settings):
    """These tests read the import screen's messages in English (the default is Chinese)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory()


def import_with_address(client, index, address: str):
    """The whole import as an editor does it, with ``address`` typed on the preview."""
    page = client.get(f"{IMPORT}?parent={index.pk}").content.decode()
    data = form_data(page, "translation_text")
    data.update(original_text=ORIGINAL, translation_text=TRANSLATION, format="markdown")
    preview = client.post(IMPORT, data)
    assert preview.status_code == 200
    data = form_data(preview.content.decode(), "original_url")
    data["original_url"] = address
    return client.post(IMPORT, data)


def test_the_same_original_written_differently_is_one_article(client, index, editor_user):
    client.force_login(editor_user)
    assert import_with_address(client, index, "https://EXAMPLE.com/x").status_code == 302
    page = ArticlePage.objects.get()
    assert page.original_url == "https://example.com/x"
    for address in SPELLINGS:
        response = import_with_address(client, index, address)
        assert response.status_code == 400, address
        assert "already imported" in response.content.decode()
    assert ArticlePage.objects.count() == 1


def test_an_address_is_stored_without_tracking_or_fragment(client, index, editor_user):
    client.force_login(editor_user)
    address = "https://Example.com/a/b/?id=7&utm_campaign=x#section-2"
    assert import_with_address(client, index, address).status_code == 302
    assert ArticlePage.objects.get().original_url == "https://example.com/a/b?id=7"


def test_an_article_stored_before_normalisation_is_found(client, index, editor_user):
    ArticlePageFactory(parent=index, original_url="https://Example.com/x/?utm_source=old")
    client.force_login(editor_user)
    preview_then_create = import_with_address(client, index, "https://example.com/x")
    assert preview_then_create.status_code == 400
    assert ArticlePage.objects.count() == 1


def test_the_preview_warns_of_the_duplicate(client, index, editor_user):
    existing = ArticlePageFactory(parent=index, original_url="https://example.com/superalignment")
    client.force_login(editor_user)
    page = client.get(f"{IMPORT}?parent={index.pk}").content.decode()
    data = form_data(page, "translation_text")
    # The translation names the original as https://example.com/superalignment; here with
    # the tracking a newsletter adds.
    data.update(
        original_text=ORIGINAL,
        translation_text=TRANSLATION.replace(
            "/superalignment", "/superalignment/?utm_source=newsletter#comments"
        ),
        format="markdown",
    )
    preview = client.post(IMPORT, data)
    assert preview.status_code == 200
    assert preview.context["duplicate"] == existing
    assert form_data(preview.content.decode(), "original_url")["original_url"] == (
        "https://example.com/superalignment"
    )


def test_the_command_finds_the_same_original(index, tmp_path):
    original = tmp_path / "en.md"
    original.write_text(ORIGINAL, encoding="utf-8")
    translation = tmp_path / "zh.md"
    translation.write_text(TRANSLATION, encoding="utf-8")
    files = ["--original", str(original), "--translation", str(translation)]
    call_command("import_article", *files, "--original-url", "https://EXAMPLE.com/x#top")
    assert ArticlePage.objects.get().original_url == "https://example.com/x"
    for address in SPELLINGS:
        with pytest.raises(CommandError, match="already imported"):
            call_command("import_article", *files, "--original-url", address)
    assert ArticlePage.objects.count() == 1
