"""The chat-completions backend against a real local HTTP server."""

import dataclasses
import logging
import socket
import time

import pytest

from articles.drafting.engine.base import (
    InvalidTranslation,
    PermanentError,
    RetryableError,
    TranslationRequest,
)
from articles.drafting.engine.config import BackendConfig
from articles.drafting.engine.openai import OpenAIBackend
from tests.fake_ai_servers import FakeOpenAIServer

from .conftest import SOURCE_EN, TEST_KEY


def test_translation_comes_back_validated_with_usage(openai_backend, section):
    result = openai_backend.translate(section)

    assert result.text_zh.startswith("【译】")
    assert "Ilya" in result.text_zh and "2024" in result.text_zh
    assert result.backend == "openai"
    assert result.model == "fake-model"
    assert result.finish_reason == "stop"
    assert isinstance(result.prompt_tokens, int)
    assert isinstance(result.completion_tokens, int)


def test_request_goes_to_chat_completions_with_bearer_key(openai_backend, openai_server, section):
    openai_backend.translate(section)

    (sent,) = openai_server.requests
    assert (sent.method, sent.path) == ("POST", "/v1/chat/completions")
    assert sent.headers["Authorization"] == f"Bearer {TEST_KEY}"
    body = sent.json
    assert body["model"] == "fake-model"
    assert body["max_tokens"] == openai_backend.config.max_tokens
    assert body["temperature"] <= 0.3
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert SOURCE_EN in body["messages"][1]["content"]


def test_base_url_with_trailing_slash_gives_single_slash(openai_server, openai_config, section):
    config = dataclasses.replace(openai_config, api_url=openai_server.base_url + "/")
    OpenAIBackend(config).translate(section)

    assert openai_server.requests[0].path == "/v1/chat/completions"


def test_empty_key_sends_no_authorization_header(section):
    with FakeOpenAIServer(api_key=None) as server:
        values = {**server.settings_values(), "TRANSLATION_API_KEY": ""}
        OpenAIBackend(BackendConfig.from_mapping(values)).translate(section)

    assert "Authorization" not in server.requests[0].headers


def test_refused_key_is_permanent_and_not_repeated_in_message(openai_config, section):
    config = dataclasses.replace(openai_config, api_key="sk-wrong-secret-value")

    with pytest.raises(PermanentError, match="TRANSLATION_API_KEY") as caught:
        OpenAIBackend(config).translate(section)

    assert "sk-wrong-secret-value" not in str(caught.value)


@pytest.mark.parametrize(
    ("behaviour", "error", "words"),
    [
        ("slow", RetryableError, "did not answer within"),
        ("error_500", RetryableError, "HTTP 500"),
        ("error_502", RetryableError, "HTTP 502"),
        ("error_503", RetryableError, "HTTP 503"),
        ("reset", RetryableError, "Could not reach"),
        ("rate_limited", RetryableError, "rate limiting"),
        ("malformed_json", PermanentError, "not valid JSON"),
        ("truncated_json", PermanentError, "not valid JSON"),
        ("oversized_body", PermanentError, "over 1,048,576 bytes"),
        ("missing_choices", PermanentError, "no choices"),
        ("redirect", PermanentError, "redirect"),
        ("length", InvalidTranslation, "cut off"),
        ("empty", InvalidTranslation, "empty"),
        ("echo", InvalidTranslation, "repeats the English"),
        ("english", InvalidTranslation, "not in Chinese"),
        ("oversized", InvalidTranslation, "far more than"),
    ],
)
def test_each_fault_ends_in_the_right_error(
    openai_backend, openai_server, section, behaviour, error, words
):
    openai_server.behaviour = behaviour

    with pytest.raises(error, match=words):
        openai_backend.translate(section)


def test_timeout_aborts_at_the_deadline(openai_backend, openai_server, section):
    openai_server.behaviour = "slow"
    started = time.monotonic()

    with pytest.raises(RetryableError):
        openai_backend.translate(section)

    assert time.monotonic() - started < openai_server.slow_seconds


def test_rate_limit_carries_retry_after(openai_backend, openai_server, section):
    openai_server.behaviour = "rate_limited"
    openai_server.retry_after = "7"

    with pytest.raises(RetryableError) as caught:
        openai_backend.translate(section)

    assert caught.value.retry_after == 7.0


def test_redirect_is_not_followed_to_another_host(openai_backend, openai_server, section):
    with FakeOpenAIServer(api_key=TEST_KEY) as elsewhere:
        openai_server.behaviour = "redirect"
        openai_server.redirect_to = elsewhere.base_url + "/chat/completions"

        with pytest.raises(PermanentError):
            openai_backend.translate(section)

    assert elsewhere.requests == []


def test_unreachable_service_is_retryable(openai_config, section):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = dataclasses.replace(openai_config, api_url=f"http://127.0.0.1:{port}/v1")

    with pytest.raises(RetryableError, match=f"127.0.0.1:{port}"):
        OpenAIBackend(config).translate(section)


def test_section_too_long_for_max_tokens_is_refused_before_sending(openai_server, openai_config):
    backend = OpenAIBackend(dataclasses.replace(openai_config, max_tokens=10))
    request = TranslationRequest(section_text_en="A long sentence about models. " * 10)

    with pytest.raises(PermanentError, match="TRANSLATION_MAX_TOKENS"):
        backend.translate(request)

    assert openai_server.requests == []


@pytest.mark.parametrize(
    "behaviour",
    ["error_500", "rate_limited", "malformed_json", "echo", "english", "length", "redirect"],
)
def test_logs_and_errors_hold_neither_key_nor_text(
    openai_backend, openai_server, section, caplog, behaviour
):
    openai_server.behaviour = behaviour
    caplog.set_level(logging.DEBUG, logger="articles.drafting.engine")

    with pytest.raises(Exception) as caught:
        openai_backend.translate(section)

    said = [str(caught.value), repr(openai_backend), *(r.getMessage() for r in caplog.records)]
    for text in said:
        assert TEST_KEY not in text
        assert "Superintelligence" not in text
        assert "【译】" not in text
