"""A failed AI draft reads in each translator's admin language.

The failure's words are translated for the reader; what the service itself said (its host,
the HTTP status and error code, the seconds it asked to wait) is shown as it came; the API
key never shows. Drafting is started from the drafts screen's own form against a real
OpenAI-protocol server, and the screen is read by a Chinese-admin and an English-admin
translator.
"""

from __future__ import annotations

import re

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from articles import drafting
from articles.drafting.engine import PermanentError
from articles.drafting.errors import MAX_VALUE_CHARS, draft_error
from articles.models import DraftState, LatestSection, section_versions
from tests.admin_users import in_english, logged_in
from tests.conftest import user_in_group
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.fake_ai_servers import FAKE_AI_KEY
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_attempt(settings):
    """Fail on the first fault, so a test does not wait out retries."""
    settings.TRANSLATION_ATTEMPTS = 1


@pytest.fixture
def article():
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        sort_order=0,
        body_en="<p>Geoffrey Hinton spoke in 2012 about neural networks and their future.</p>",
        body_zh_hans="",
        status="pending",
    )
    return page


@pytest.fixture
def chinese_translator(translator_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(translator_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return translator_user


@pytest.fixture
def english_translator(django_user_model):
    user = user_in_group(django_user_model, "tr-en", "Translators")
    in_english(user)
    return user


def drafts_url(page) -> str:
    return reverse("articles_drafts", args=[page.pk])


def draft_from_the_screen(user, page) -> None:
    """Press "Draft the sections without a draft" as the screen renders it."""
    client = logged_in(user)
    screen = client.get(drafts_url(page))
    start_url = reverse("articles_drafts_start", args=[page.pk])
    form = RenderedForm(screen.content, f'form[action="{start_url}"]')
    response = client.post(form.action, form.data(), follow=True)
    assert response.status_code == 200


def error_shown_to(user, page) -> str:
    response = logged_in(user).get(drafts_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert FAKE_AI_KEY not in html
    errors = BeautifulSoup(html, "html.parser").select(".error-message")
    assert len(errors) == 1, html
    return " ".join(errors[0].get_text(" ").split())


def latin_words(text: str, verbatim: list[str]) -> list[str]:
    """English words left in ``text`` once the service's own details are taken out."""
    for value in verbatim:
        text = text.replace(value, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


FAULTS = {
    # behaviour: (English, Chinese, what the service said, shown verbatim in both)
    "error_500": (
        "The translation service at {where} had a temporary failure (HTTP 500, server). "
        "The service may be busy; retry in a while.",
        "{where} 的翻译服务暂时出现故障（HTTP 500, server）。服务可能正忙，请稍后重试。",
        ["HTTP 500, server"],
    ),
    "rate_limited": (
        "The translation service at {where} is rate limiting requests "
        "(HTTP 429, rate_limit_exceeded; asked to wait 1 s). "
        "The service may be busy; retry in a while.",
        "{where} 的翻译服务正在限制请求频率（HTTP 429, rate_limit_exceeded；要求等待 1 秒）。"
        "服务可能正忙，请稍后重试。",
        ["HTTP 429, rate_limit_exceeded"],
    ),
    "slow": (
        "The translation service at {where} did not answer within 0.3 seconds. "
        "The service may be busy; retry in a while.",
        "{where} 的翻译服务在 0.3 秒内没有答复。服务可能正忙，请稍后重试。",
        ["0.3"],
    ),
    # A normal answer sent a byte at a time: the whole exchange has the same deadline.
    "trickle": (
        "The translation service at {where} did not answer within 0.3 seconds. "
        "The service may be busy; retry in a while.",
        "{where} 的翻译服务在 0.3 秒内没有答复。服务可能正忙，请稍后重试。",
        ["0.3"],
    ),
    "malformed_json": (
        "The translation service at {where} sent a reply that is not valid JSON (25 bytes).",
        "{where} 的翻译服务返回的回复不是有效的 JSON（25 字节）。",
        ["JSON"],
    ),
    "english": (
        "The reply is not in Chinese.",
        "回复不是中文。",
        [],
    ),
}


@pytest.mark.parametrize("behaviour", sorted(FAULTS))
def test_a_failure_reads_in_each_translators_language(
    server, article, chinese_translator, english_translator, behaviour
):
    server.behaviour = behaviour
    where = server.url.removeprefix("http://")
    english, chinese, verbatim = FAULTS[behaviour]

    draft_from_the_screen(chinese_translator, article)

    assert LatestSection.objects.get(page=article).ai_draft_state == DraftState.FAILED
    shown_in_chinese = error_shown_to(chinese_translator, article)
    assert shown_in_chinese == chinese.format(where=where)
    assert latin_words(shown_in_chinese, [where, *verbatim]) == []
    assert error_shown_to(english_translator, article) == english.format(where=where)


def test_a_failure_stored_while_one_language_is_active_reads_in_the_other(
    server, article, chinese_translator, english_translator
):
    """The English translator starts the run; the Chinese one still reads Chinese."""
    server.behaviour = "error_503"

    draft_from_the_screen(english_translator, article)

    assert "暂时出现故障（HTTP 503, server）" in error_shown_to(chinese_translator, article)
    assert "had a temporary failure (HTTP 503, server)" in error_shown_to(
        english_translator, article
    )


class _ServerEchoingTheKey:
    """Makes the fake server answer 500 with the caller's API key as its error code."""

    def __init__(self, server):
        self.server = server
        self.original = server.transport_fault

    def __call__(self, handler, behaviour):
        if behaviour == "echo_key":
            error = {"error": {"message": f"bad key {FAKE_AI_KEY}", "code": FAKE_AI_KEY}}
            handler.send_json(500, error)
            return True
        return self.original(handler, behaviour)


def test_the_key_never_shows_even_when_the_service_repeats_it(
    server, article, chinese_translator, english_translator
):
    server.transport_fault = _ServerEchoingTheKey(server)
    server.behaviour = "echo_key"

    draft_from_the_screen(chinese_translator, article)

    job = LatestSection.objects.get(page=article)
    assert FAKE_AI_KEY not in job.ai_draft_error + str(job.ai_draft_error_params)
    assert "（HTTP 500, [key]）" in error_shown_to(chinese_translator, article)
    assert "(HTTP 500, [key])" in error_shown_to(english_translator, article)


def test_the_services_own_words_are_bounded():
    long_detail = "x" * 5000
    error = draft_error(
        PermanentError("The service said %(detail)s.", {"detail": long_detail}), "sk-secret"
    )

    assert len(error.params["detail"]) == MAX_VALUE_CHARS
    assert len(str(error)) < len(long_detail)


# Rows stored before failures carried their values apart, and rows that do not add up.


def fail_with(page, message: str, params=None) -> None:
    LatestSection.objects.filter(page=page).update(
        ai_draft_state=DraftState.FAILED,
        ai_draft_error=message,
        ai_draft_error_params=params if params is not None else {},
    )


@pytest.fixture
def indexed_article(article):
    """The article with its sections' drafting jobs, as the drafts screen first shows it."""
    drafting.job_states(article, section_versions.latest(article))
    return article


def test_an_older_english_failure_still_shows_with_its_retry_hint_translated(
    indexed_article, chinese_translator, english_translator
):
    stored = (
        "The translation service at 127.0.0.1:8001 had a temporary failure (HTTP 500, server). "
        "The service may be busy; retry in a while."
    )
    fail_with(indexed_article, stored)

    shown = error_shown_to(chinese_translator, indexed_article)
    assert shown.startswith("The translation service at 127.0.0.1:8001 had a temporary failure")
    assert shown.endswith("服务可能正忙，请稍后重试。")
    assert error_shown_to(english_translator, indexed_article) == stored


def test_an_older_fixed_failure_is_translated(indexed_article, chinese_translator):
    fail_with(indexed_article, "The drafting job was interrupted; retry this section.")

    assert "初稿任务被中断" in error_shown_to(chinese_translator, indexed_article)


@pytest.mark.parametrize("params", [{}, {"other": 1}, {"detail": None}, ["not", "a", "dict"]])
def test_values_that_do_not_fit_the_message_show_the_message_not_an_error_page(
    indexed_article, chinese_translator, english_translator, params
):
    template = "The translation service at %(where)s rejected the request (%(detail)s)."
    fail_with(indexed_article, template, params)

    assert error_shown_to(english_translator, indexed_article) == template
    assert "%(where)s" in error_shown_to(chinese_translator, indexed_article)


def test_a_backend_unset_before_the_run_reads_in_each_language(
    indexed_article, chinese_translator, english_translator, settings
):
    """The section was claimed, then the configuration went away before a worker ran it."""
    keys = [str(row.section_key) for row in LatestSection.objects.filter(page=indexed_article)]
    LatestSection.objects.filter(page=indexed_article).update(ai_draft_state=DraftState.QUEUED)
    settings.TRANSLATION_BACKEND = ""

    drafting.run_drafting(indexed_article.pk, keys)

    assert error_shown_to(english_translator, indexed_article) == (
        "Machine translation was not set up when this section was to be drafted; retry once it is."
    )
    assert error_shown_to(chinese_translator, indexed_article) == (
        "轮到该段落起草时，机器翻译尚未配置；配置好后请重试。"
    )
