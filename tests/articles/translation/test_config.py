"""Settings mapping and backend registry."""

import pytest

from articles.drafting.engine.base import (
    BackendNotConfigured,
    TranslationBackend,
    TranslationResult,
)
from articles.drafting.engine.config import BackendConfig, get_backend
from articles.drafting.engine.deepl import DeepLBackend
from articles.drafting.engine.openai import OpenAIBackend


@pytest.fixture(autouse=True)
def english_messages(settings):
    """These tests read the messages in English (the default language is Chinese)."""
    settings.LANGUAGE_CODE = "en"


VALUES = {
    "TRANSLATION_BACKEND": "openai",
    "TRANSLATION_API_URL": "http://127.0.0.1:8001/v1/",
    "TRANSLATION_API_KEY": " sk-config-secret ",
    "TRANSLATION_MODEL": "qwen2.5-7b-instruct",
}


class EchoBackend(TranslationBackend):
    """A third backend, named by its dotted path."""

    name = "echo"

    def translate(self, request):
        return TranslationResult(text_zh="你好", backend=self.name, model="none")


def test_config_from_mapping_applies_defaults():
    config = BackendConfig.from_mapping(VALUES)

    assert config.api_url == "http://127.0.0.1:8001/v1"
    assert config.api_key == "sk-config-secret"
    assert (config.timeout, config.max_tokens) == (60.0, 4096)
    assert "sk-config-secret" not in repr(config)


def test_numbers_are_parsed():
    values = {**VALUES, "TRANSLATION_TIMEOUT": "12.5", "TRANSLATION_MAX_TOKENS": "800"}

    config = BackendConfig.from_mapping(values)

    assert (config.timeout, config.max_tokens) == (12.5, 800)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"TRANSLATION_BACKEND": ""}, "TRANSLATION_BACKEND is empty"),
        ({"TRANSLATION_API_URL": None}, "TRANSLATION_API_URL is empty"),
        ({"TRANSLATION_API_URL": "ftp://host"}, "http:// or https://"),
        ({"TRANSLATION_API_URL": "https://user:pw@host/v1"}, "credentials"),
        ({"TRANSLATION_TIMEOUT": "soon"}, "TRANSLATION_TIMEOUT must be a number"),
        ({"TRANSLATION_MAX_TOKENS": "0"}, "greater than zero"),
        ({"TRANSLATION_API_KEY": "a\nb"}, "line break"),
    ],
)
def test_unusable_settings_say_what_to_set(change, words):
    with pytest.raises(BackendNotConfigured, match=words) as caught:
        BackendConfig.from_mapping({**VALUES, **change})

    assert "TRANSLATION_API_KEY" in str(caught.value)


@pytest.mark.parametrize(("name", "cls"), [("openai", OpenAIBackend), ("DeepL", DeepLBackend)])
def test_builtin_backends_by_short_name(name, cls):
    config = BackendConfig.from_mapping({**VALUES, "TRANSLATION_BACKEND": name})

    assert isinstance(get_backend(config), cls)


def test_third_backend_by_dotted_path():
    path = f"{__name__}.EchoBackend"
    backend = get_backend(BackendConfig.from_mapping({**VALUES, "TRANSLATION_BACKEND": path}))

    assert isinstance(backend, EchoBackend)


@pytest.mark.parametrize(
    "name",
    [
        "google",
        "articles.drafting.engine.nowhere.Backend",
        "articles.drafting.engine.base.TranslationResult",
    ],
)
def test_unknown_backends_are_refused(name):
    config = BackendConfig.from_mapping({**VALUES, "TRANSLATION_BACKEND": name})

    with pytest.raises(BackendNotConfigured, match="TRANSLATION_BACKEND"):
        get_backend(config)


def test_chat_backend_needs_a_model():
    config = BackendConfig.from_mapping({**VALUES, "TRANSLATION_MODEL": ""})

    with pytest.raises(BackendNotConfigured, match="TRANSLATION_MODEL"):
        get_backend(config)
