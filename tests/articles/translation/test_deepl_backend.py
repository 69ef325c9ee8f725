"""The DeepL backend and its glossaries against a real local HTTP server."""

import dataclasses

import pytest

from articles.drafting.engine.base import (
    InvalidTranslation,
    PermanentError,
    RetryableError,
    TranslationRequest,
)
from articles.drafting.engine.deepl import DeepLBackend, glossary_tsv

from .conftest import SOURCE_EN, TEST_KEY


def test_translation_request_shape(deepl_backend, deepl_server):
    result = deepl_backend.translate(
        TranslationRequest(
            section_text_en=SOURCE_EN,
            article_title="The researcher who left",
            previous_section_en="Earlier that year.",
            next_section_en="Investors followed.",
        )
    )

    assert result.text_zh.startswith("【译】")
    assert (result.backend, result.model) == ("deepl", "deepl")
    assert result.prompt_tokens is None and result.completion_tokens is None
    (sent,) = deepl_server.requests
    assert (sent.method, sent.path) == ("POST", "/v2/translate")
    assert sent.headers["Authorization"] == f"DeepL-Auth-Key {TEST_KEY}"
    body = sent.json
    assert body["text"] == [SOURCE_EN]
    assert (body["source_lang"], body["target_lang"]) == ("EN", "ZH-HANS")
    assert "The researcher who left" in body["context"]
    assert "Earlier that year." in body["context"] and "Investors followed." in body["context"]
    assert "glossary_id" not in body


def test_glossary_and_people_become_a_deepl_glossary(deepl_backend, deepl_server, section):
    deepl_backend.translate(section)

    create, translate = deepl_server.requests
    assert (create.method, create.path) == ("POST", "/v2/glossaries")
    assert create.headers["Authorization"] == f"DeepL-Auth-Key {TEST_KEY}"
    assert create.json["source_lang"] == "en" and create.json["target_lang"] == "zh"
    assert create.json["entries_format"] == "tsv"
    assert create.json["entries"] == (
        "superintelligence\t超级智能\nIlya Sutskever\t伊利亚·苏茨克维"
    )
    assert translate.json["glossary_id"] in deepl_server.glossaries


def test_glossary_is_created_once_per_content(deepl_backend, deepl_server, section):
    deepl_backend.translate(section)
    deepl_backend.translate(section)
    other = dataclasses.replace(section, glossary=[("alignment", "对齐")])
    deepl_backend.translate(other)

    creations = [r for r in deepl_server.requests if r.path == "/v2/glossaries"]
    assert len(creations) == 2
    assert len(deepl_server.glossaries) == 2


def test_glossary_not_ready_is_polled_until_ready(deepl_backend, deepl_server, section):
    deepl_server.glossary_ready_after = 2

    deepl_backend.translate(section)

    polls = [r for r in deepl_server.requests if r.method == "GET"]
    assert len(polls) == 3


def test_glossary_never_ready_is_retryable(deepl_backend, deepl_server):
    deepl_server.glossary_ready_after = 100

    with pytest.raises(RetryableError, match="not ready"):
        deepl_backend.ensure_glossary([("alignment", "对齐")])


def test_glossary_tsv_cleans_entries():
    tsv = glossary_tsv(
        [("large\tlanguage\nmodel", "大语言\t模型"), ("large language model", "重复"), ("", "空")]
    )

    assert tsv == "large language model\t大语言 模型"


def test_no_entries_means_no_glossary(deepl_backend, deepl_server):
    assert deepl_backend.ensure_glossary([]) is None
    assert deepl_server.requests == []


def test_base_url_with_version_suffix_is_accepted(deepl_server, deepl_config, section):
    config = dataclasses.replace(deepl_config, api_url=deepl_server.url + "/v2/")
    DeepLBackend(config).translate(dataclasses.replace(section, glossary=(), people=()))

    assert deepl_server.requests[0].path == "/v2/translate"


@pytest.mark.parametrize(("model", "sent"), [("quality_optimized", True), ("gpt-4o", False)])
def test_model_type_is_sent_only_when_deepl_knows_it(deepl_server, deepl_config, model, sent):
    backend = DeepLBackend(dataclasses.replace(deepl_config, model=model))
    backend.translate(TranslationRequest(section_text_en=SOURCE_EN))

    assert ("model_type" in deepl_server.requests[0].json) is sent


@pytest.mark.parametrize(
    ("behaviour", "error", "words"),
    [
        ("quota", PermanentError, "quota"),
        ("error_503", RetryableError, "HTTP 503"),
        ("rate_limited", RetryableError, "rate limiting"),
        ("slow", RetryableError, "did not answer"),
        ("malformed_json", PermanentError, "not valid JSON"),
        ("empty", InvalidTranslation, "empty"),
        ("echo", InvalidTranslation, "repeats the English"),
        ("oversized", InvalidTranslation, "far more than"),
        ("injected_link", InvalidTranslation, "link"),
    ],
)
def test_each_fault_ends_in_the_right_error(deepl_backend, deepl_server, behaviour, error, words):
    deepl_server.behaviour = behaviour

    with pytest.raises(error, match=words):
        deepl_backend.translate(TranslationRequest(section_text_en=SOURCE_EN))


def test_refused_key_is_permanent(deepl_config):
    backend = DeepLBackend(dataclasses.replace(deepl_config, api_key="wrong-deepl-key"))

    with pytest.raises(PermanentError, match="TRANSLATION_API_KEY") as caught:
        backend.translate(TranslationRequest(section_text_en=SOURCE_EN))

    assert "wrong-deepl-key" not in str(caught.value)
