"""AI drafting limits, through the "Draft with AI" screen and ``translate_article``:

- daily quotas per user and for the whole site (SECURITY-TESTS F6), counted in the database;
- a reply trickled one byte at a time fails at the timeout (F1), the translator's text
  untouched and the section retryable;
- a run left queued or drafting past its deadline shows as failed, ready to retry;
- a 429 whose Retry-After is longer than a worker should wait puts the section off.
"""

import threading
import time
from datetime import timedelta
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from django_tasks_db.models import DBTaskResult

from articles.models import ArticleSection, DraftingUsage, DraftState, LatestSection
from tests.articles.drafting_jobs import set_state, state
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.site_data import ensure_site_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]

TRANSLATORS_TEXT = "<p>译者自己的译文。</p>"
DRAFT_TWO = "Draft the 2 sections without a draft"
DRAFT_ONE = "Draft the 1 section without a draft"


def new_article(sections=2, chinese=""):
    page = ArticlePageFactory()
    for index in range(sections):
        ArticleSectionFactory(
            page=page,
            sort_order=index,
            body_en=f"<p>Geoffrey Hinton spoke in {2010 + index} about neural networks.</p>",
            body_zh_hans=chinese,
            status="pending",
        )
    return page


def rows(page):
    return list(ArticleSection.objects.filter(page=page).order_by("sort_order", "pk"))


def states(page):
    return [state(s) for s in rows(page)]


def drafts_url(page):
    return reverse("articles_drafts", args=[page.pk])


def logged_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def press(client: Client, page, button_text: str):
    """Open the drafts screen and submit the first form whose button says ``button_text``, with
    the fields (CSRF token, section) the page rendered; follow the redirect back."""
    soup = BeautifulSoup(client.get(drafts_url(page)).content, "html.parser")
    for form in soup.find_all("form", method="post"):
        button = form.find("button")
        if button and " ".join(button.get_text().split()) == button_text:
            data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
            return client.post(form["action"], data, follow=True)
    raise AssertionError(f"no {button_text!r} button on the drafts screen")


def messages_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(" ".join(li.get_text().split()) for li in soup.select(".messages li"))


def second_translator(django_user_model):
    user = django_user_model.objects.create_user(username="tr2", password="pw-tr2")
    user.groups.add(Group.objects.get(name="Translators"))
    return user


# Quotas (F6)


def test_each_translator_has_a_daily_quota_and_an_overrun_sends_nothing(
    settings, server, translator_user, django_user_model
):
    settings.TRANSLATION_USER_DAILY_SECTIONS = 3
    settings.TRANSLATION_DAILY_SECTIONS = 100
    first, second = new_article(), new_article()
    client = logged_in(translator_user)

    assert "2 sections sent for drafting" in messages_of(press(client, first, DRAFT_TWO))
    assert states(first) == [DraftState.DONE, DraftState.DONE]

    refused = press(client, second, DRAFT_TWO)

    message = messages_of(refused)
    assert "3 sections for AI drafting per day and have 1 left today" in message
    assert "Nothing was sent" in message
    assert states(second) == ["", ""]
    assert len(server.requests) == 2
    assert DraftingUsage.objects.count() == 2
    # The screen still offers to draft them; one section still fits today.
    assert DRAFT_TWO in refused.content.decode()
    one = press(client, second, "Draft")
    assert "1 section sent for drafting" in messages_of(one)

    # Another translator has a quota of their own.
    other = logged_in(second_translator(django_user_model))
    third = new_article()
    assert "2 sections sent for drafting" in messages_of(press(other, third, DRAFT_TWO))
    assert states(third) == [DraftState.DONE, DraftState.DONE]


def test_the_site_has_a_daily_total_across_users(
    settings, server, translator_user, editor_user, django_user_model
):
    settings.TRANSLATION_USER_DAILY_SECTIONS = 10
    settings.TRANSLATION_DAILY_SECTIONS = 5
    press(logged_in(translator_user), new_article(), DRAFT_TWO)
    press(logged_in(editor_user), new_article(), DRAFT_TWO)
    last = new_article()

    refused = press(
        logged_in(second_translator(django_user_model)),
        last,
        DRAFT_TWO,
    )

    message = messages_of(refused)
    assert "The site may send 5 sections for AI drafting per day and has 1 left today" in message
    assert "TRANSLATION_DAILY_SECTIONS" in message
    assert states(last) == ["", ""]
    assert len(server.requests) == 4


def test_retrying_a_section_counts_against_the_quota(settings, server, translator_user):
    settings.TRANSLATION_USER_DAILY_SECTIONS = 2
    article = new_article(sections=1)
    client = logged_in(translator_user)
    press(client, article, DRAFT_ONE)

    again = press(client, article, "Draft again")
    assert "1 section sent for drafting" in messages_of(again)

    refused = press(client, article, "Draft again")
    assert "have 0 left today" in messages_of(refused)
    assert len(server.requests) == 2


def test_yesterdays_use_does_not_count_today(settings, server, translator_user):
    settings.TRANSLATION_USER_DAILY_SECTIONS = 2
    client = logged_in(translator_user)
    press(client, new_article(), DRAFT_TWO)
    DraftingUsage.objects.update(day=timezone.localdate() - timedelta(days=1))

    response = press(client, new_article(), DRAFT_TWO)

    assert "2 sections sent for drafting" in messages_of(response)


def test_the_command_stops_at_the_daily_total_with_nothing_queued(settings, server):
    settings.TRANSLATION_DAILY_SECTIONS = 3
    call_command("translate_article", new_article().pk, "--sync", stdout=StringIO())
    article = new_article()

    with pytest.raises(CommandError, match="has 1 left today; this needs 2. Nothing was sent"):
        call_command("translate_article", article.pk, "--sync", stdout=StringIO())

    assert states(article) == ["", ""]
    assert len(server.requests) == 2


# A reply trickled one byte at a time (F1)


def test_a_trickling_service_fails_at_the_timeout_and_keeps_the_translators_text(
    settings, server, translator_user
):
    settings.TRANSLATION_TIMEOUT = "0.5"
    settings.TRANSLATION_ATTEMPTS = 2
    settings.TRANSLATION_RETRY_MAX_DELAY = 0.01
    server.behaviour = "trickle"
    server.trickle_seconds = 0.05  # a full answer would take about 20 s
    article = new_article(sections=1, chinese=TRANSLATORS_TEXT)
    client = logged_in(translator_user)

    started = time.monotonic()
    response = press(client, article, DRAFT_ONE)
    elapsed = time.monotonic() - started

    assert elapsed < 2 * 0.5 + 1.5  # two attempts of half a second each, and the page
    assert len(server.requests) == 2
    section = rows(article)[0]
    assert state(section) == DraftState.FAILED
    assert "did not answer within 0.5 seconds" in response.content.decode()
    assert section.body_zh_hans == TRANSLATORS_TEXT
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().sections.get().body_zh_hans == (TRANSLATORS_TEXT)

    server.behaviour = "normal"
    retried = press(client, article, "Retry")
    assert "1 of 1 sections drafted" in retried.content.decode()
    section.refresh_from_db()
    assert section.ai_draft.startswith("【译】")
    assert section.body_zh_hans == TRANSLATORS_TEXT


# Runs past their deadline


def test_a_job_that_never_ran_shows_as_failed_after_its_deadline(settings, server, translator_user):
    # Queued for a worker that never comes (a database queue with no db_worker running).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSLATION_QUEUE_WAIT = 600
    article = new_article()
    client = logged_in(translator_user)
    press(client, article, DRAFT_TWO)
    assert states(article) == [DraftState.QUEUED, DraftState.QUEUED]
    assert (
        "2 sections are queued or being drafted" in client.get(drafts_url(article)).content.decode()
    )

    later(DraftingUsage.objects.all(), hours=2)
    page = client.get(drafts_url(article)).content.decode()

    assert states(article) == [DraftState.FAILED, DraftState.FAILED]
    assert "did not finish in time" in page
    assert "queued or being drafted" not in page
    retried = press(client, article, "Retry failed sections")
    assert "2 sections sent for drafting" in messages_of(retried)
    assert states(article) == [DraftState.QUEUED, DraftState.QUEUED]


def test_a_section_left_drafting_by_a_killed_worker_can_be_retried(
    settings, server, translator_user
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = new_article(sections=1)
    client = logged_in(translator_user)
    press(client, article, DRAFT_ONE)
    # The worker took the section and died mid-request.
    set_state(rows(article), DraftState.RUNNING)
    assert "Draft again" not in client.get(drafts_url(article)).content.decode()

    later(DraftingUsage.objects.all(), hours=2)

    response = press(client, article, "Retry")
    assert "1 section sent for drafting" in messages_of(response)


def later(usage, hours: int) -> None:
    """As if ``hours`` had passed since these sections were sent."""
    shift = timedelta(hours=hours)
    for row in usage:
        DraftingUsage.objects.filter(pk=row.pk).update(
            requested_at=row.requested_at - shift, expires_at=row.expires_at - shift
        )


# A long Retry-After puts the section off


@pytest.fixture
def site(transactional_db):
    """The migrated baseline (roles, home page), emptied by earlier transactional tests."""
    ensure_site_data()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_long_retry_after_puts_the_section_off_instead_of_failing(
    site, settings, server, translator_user
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSLATION_RETRY_MAX_DELAY = 5
    server.behaviour = "rate_limited"
    server.retry_after = "600"
    article = new_article()
    client = logged_in(translator_user)
    press(client, article, DRAFT_TWO)

    run_worker()

    assert len(server.requests) == 1  # not hammered, not waited out
    assert states(article) == [DraftState.QUEUED, DraftState.QUEUED]
    jobs = DBTaskResult.objects.filter(task_path="articles.drafting.tasks.draft_sections")
    assert (jobs.count(), jobs.ready().count()) == (2, 0)  # the second waits for its time
    deferred = jobs.order_by("-enqueued_at").first()
    assert abs((deferred.run_after - timezone.now()).total_seconds() - 600) < 30
    page = client.get(drafts_url(article)).content.decode()
    assert page.count("it will be tried again after") == 2
    assert "Failed" not in page

    server.behaviour = "normal"
    DBTaskResult.objects.filter(pk=deferred.pk).update(run_after=timezone.now())  # time passes
    run_worker()

    assert states(article) == [DraftState.DONE, DraftState.DONE]
    assert "2 of 2 sections drafted" in client.get(drafts_url(article)).content.decode()
    assert DraftingUsage.objects.count() == 2  # put off, not counted twice


@pytest.mark.django_db(transaction=True)
def test_a_service_that_keeps_asking_to_wait_fails_in_the_end(
    site, settings, server, translator_user
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSLATION_RETRY_MAX_DELAY = 5
    settings.TRANSLATION_MAX_RESCHEDULES = 2
    server.behaviour = "rate_limited"
    server.retry_after = "600"
    article = new_article(sections=1)
    client = logged_in(translator_user)
    press(client, article, DRAFT_ONE)

    for _round in range(3):
        run_worker()
        DBTaskResult.objects.update(run_after=timezone.now())

    assert len(server.requests) == 3
    assert states(article) == [DraftState.FAILED]
    assert "asked to wait 600 s" in client.get(drafts_url(article)).content.decode()


def in_memory_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_cannot_pass_the_quota_together(site, settings, translator_user):
    """Six browsers of one translator press "Draft" on six articles at the same moment."""
    if in_memory_sqlite():
        pytest.skip(
            "threads on the shared-cache in-memory test database fail with 'table is locked' "
            "instead of waiting; run with DATABASE_URL set to PostgreSQL"
        )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TRANSLATION_BACKEND = "openai"
    settings.TRANSLATION_API_URL = "http://127.0.0.1:9/v1"  # never called: no worker runs
    settings.TRANSLATION_MODEL = "fake-model"
    settings.TRANSLATION_USER_DAILY_SECTIONS = 3
    articles = [new_article(sections=1) for _ in range(6)]
    clients = [logged_in(translator_user) for _ in articles]
    forms = []
    for client, article in zip(clients, articles, strict=True):
        soup = BeautifulSoup(client.get(drafts_url(article)).content, "html.parser")
        form = soup.find("form", action=reverse("articles_drafts_start", args=[article.pk]))
        forms.append((form["action"], {i["name"]: i["value"] for i in form.find_all("input")}))
    barrier = threading.Barrier(len(articles))
    errors = []

    def press_at_once(client, action, data):
        from django.db import connection

        try:
            barrier.wait()
            assert client.post(action, data).status_code == 302
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=press_at_once, args=(client, *form))
        for client, form in zip(clients, forms, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    queued = LatestSection.objects.filter(ai_draft_state=DraftState.QUEUED).count()
    assert (queued, DraftingUsage.objects.count()) == (3, 3)
    untouched = LatestSection.objects.filter(ai_draft_state="").count()
    assert untouched == 3
