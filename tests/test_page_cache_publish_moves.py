"""With fresh copies on publish (as in production), a publish moves the content version once,
at its commit, with the article's new pages already cached: readers are answered from the cache
throughout, with the old page until the commit and the new one from then on."""

from django.db import transaction
from django.test import Client

from wagtail.models import Site
from wagtail.signals import page_published

import pytest

from articles.content import page_cache as content_page_cache
from articles.models import ArticleIndexPage, ArticlePage, HomePage
from cms.page_cache import local as local_copies
from cms.page_cache import warm
from tests.page_cache_site import PATH, html, published_article

READER_URLS = (PATH, PATH + "?view=bilingual", "/en" + PATH, "/en" + PATH + "?view=bilingual")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("warm_on_publish")]


@pytest.fixture
def warm_on_publish(settings):
    settings.PAGE_CACHE_WARM_ON_PUBLISH = True


@pytest.fixture
def article(home_page, django_user_model) -> ArticlePage:
    return published_article(django_user_model)


def edited(article: ArticlePage, headline: str) -> ArticlePage:
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    page.headline_zh_hans = headline
    return page


def test_readers_are_answered_from_the_cache_before_and_after_the_commit(
    client, article, django_capture_on_commit_callbacks, django_assert_num_queries
):
    html(client, PATH)
    with django_capture_on_commit_callbacks(execute=True):
        edited(article, "灯与远海").save_revision().publish()
        # The page's own save and the publish have happened; the commit has not.
        with django_assert_num_queries(0):
            assert "灯与海" in html(client, PATH)
    with django_assert_num_queries(0):
        assert "灯与远海" in html(client, PATH)


def test_a_snippet_changed_with_the_publish_is_in_the_fresh_copy(
    client, article, django_capture_on_commit_callbacks
):
    html(client, PATH)
    with django_capture_on_commit_callbacks(execute=True):
        person = article.original_author
        person.name_zh_hans = "看灯的人"
        person.save()
        edited(article, "灯与远海").save_revision().publish()
    page = html(client, PATH)
    assert "灯与远海" in page and "看灯的人" in page


def test_a_rolled_back_publish_leaves_later_changes_moving_the_version(
    client, article, django_capture_on_commit_callbacks
):
    html(client, PATH)
    with pytest.raises(RuntimeError), transaction.atomic():
        edited(article, "不该出现").save_revision().publish()
        raise RuntimeError("the publish fails before its commit")
    assert "不该出现" not in html(client, PATH)
    with django_capture_on_commit_callbacks(execute=True):
        person = article.original_author
        person.name_zh_hans = "看灯的人"
        person.save()
    assert "看灯的人" in html(client, PATH)


def test_a_reader_during_the_publishs_lease_wait_gets_the_fresh_copy_at_once(
    client,
    article,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    """A worker whose lease has run out asks while the publish still waits out the others'
    leases: the fresh copy is already kept, so it is answered from the cache at once, not made to
    wait on the publish's render lock and then render the page itself."""
    settings.PAGE_CACHE_WAIT_SECONDS = 0.1  # a failure here costs little time
    html(client, PATH)
    answered = []

    def a_reader_meanwhile() -> None:
        local_copies.forget()  # a worker with no lease: it asks the shared cache
        with django_assert_num_queries(0):
            answered.append(html(client, PATH))

    monkeypatch.setattr(warm, "outlast_leases", a_reader_meanwhile)
    with django_capture_on_commit_callbacks(execute=True):
        edited(article, "灯与远海").save_revision().publish()
    assert len(answered) == 1 and "灯与远海" in answered[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("model", "page_path", "field"),
    [
        (ArticlePage, PATH, "headline_zh_hans"),
        (HomePage, "/", "intro_zh_hans"),
        (ArticleIndexPage, "/articles/", "intro_zh_hans"),
    ],
)
def test_a_publish_outside_any_transaction_moves_the_version_once_with_the_new_page_cached(
    client, article, model, page_path, field, monkeypatch, django_assert_num_queries
):
    """As scheduled publishing and scripts publish, with no transaction of the caller's: at
    every move of the version, a worker with no lease is answered from the cache, with the new
    page, without rendering it."""
    html(client, page_path)
    answered = []

    def a_reader_after_each_move() -> None:
        local_copies.forget()
        with django_assert_num_queries(0):
            answered.append(html(client, page_path))

    for module in (content_page_cache, warm):
        monkeypatch.setattr(module, "outlast_leases", a_reader_after_each_move)
    draft = model.objects.get().get_latest_revision_as_object()
    setattr(draft, field, "新的一句")
    draft.save_revision().publish()
    assert len(answered) == 1 and "新的一句" in answered[0]


def test_a_publish_that_fails_after_the_save_leaves_the_page_as_it_was(client, article):
    def fail(**kwargs):
        raise RuntimeError("a receiver of page_published fails")

    html(client, PATH)
    page_published.connect(fail, dispatch_uid="failing-receiver")
    try:
        with pytest.raises(RuntimeError):
            edited(article, "不该出现").save_revision().publish()
    finally:
        page_published.disconnect(dispatch_uid="failing-receiver")
    assert ArticlePage.objects.get(pk=article.pk).headline_zh_hans == "灯与海"
    assert "不该出现" not in html(client, PATH)


class CountedRenders:
    def __init__(self, monkeypatch):
        self.hosts: list[str] = []
        render = warm.render

        def counted(host, path, secure):
            self.hosts.append(host)
            return render(host, path, secure)

        monkeypatch.setattr(warm, "render", counted)


def reader(host: str) -> Client:
    return Client(HTTP_HOST=host)


def test_a_page_reads_the_same_whichever_host_name_of_its_site_it_is_asked_by(article, settings):
    """What lets one render answer every host name of a Site (cms/page_cache/warm.py)."""
    settings.PAGE_CACHE_ENABLED = False
    settings.ALLOWED_HOSTS = ["testserver", "lamps.example.com"]
    for url in (*READER_URLS, "/", "/articles/", "/feeds/articles/", "/people/keeper/"):
        first = reader("testserver").get(url)
        second = reader("lamps.example.com").get(url)
        assert first.status_code == second.status_code == 200, url
        assert first.content == second.content, url


def test_each_page_is_rendered_once_for_all_the_host_names_of_its_site(
    article, settings, monkeypatch, django_capture_on_commit_callbacks, django_assert_num_queries
):
    settings.ALLOWED_HOSTS = ["testserver", "lamps.example.com", "www.lamps.example.com"]
    for host in settings.ALLOWED_HOSTS:
        html(reader(host), PATH)
    renders = CountedRenders(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        edited(article, "灯与远海").save_revision().publish()
    assert len(renders.hosts) == len(READER_URLS)
    for host in settings.ALLOWED_HOSTS:
        with django_assert_num_queries(0):
            for url in READER_URLS:
                page = html(reader(host), url)
                assert "灯与远海" in page or "Lamps and the sea" in page, (host, url)
                assert "灯与海<" not in page


def test_a_host_name_of_another_site_gets_a_render_of_its_own(
    article, home_page, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.com"]
    Site.objects.create(hostname="mirror.example.com", port=80, root_page=home_page)
    renders = CountedRenders(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        edited(article, "灯与远海").save_revision().publish()
    assert sorted(set(renders.hosts)) == ["mirror.example.com", "testserver"]
    assert len(renders.hosts) == 2 * len(READER_URLS)
    cached = html(reader("mirror.example.com"), PATH)
    settings.PAGE_CACHE_ENABLED = False
    assert cached == html(reader("mirror.example.com"), PATH)
