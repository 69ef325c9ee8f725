"""Fake AI services on 127.0.0.1 and backends pointed at them.

Timeouts are short (0.6 s) so the fault tests stay fast, yet long enough that a busy
machine does not turn a healthy answer into a timeout.
"""

import pytest

from articles.drafting.engine.base import TranslationRequest
from articles.drafting.engine.config import BackendConfig
from articles.drafting.engine.deepl import DeepLBackend
from articles.drafting.engine.openai import OpenAIBackend
from tests.fake_ai_servers import FakeDeepLServer, FakeOpenAIServer

TEST_KEY = "sk-test-7c1d5e0f-not-a-real-key"
TEST_TIMEOUT = 0.6


@pytest.fixture
def openai_server():
    with FakeOpenAIServer(api_key=TEST_KEY) as server:
        yield server


@pytest.fixture
def deepl_server():
    with FakeDeepLServer(api_key=TEST_KEY) as server:
        yield server


@pytest.fixture
def openai_config(openai_server):
    return BackendConfig.from_mapping(
        {**openai_server.settings_values(), "TRANSLATION_TIMEOUT": TEST_TIMEOUT}
    )


@pytest.fixture
def deepl_config(deepl_server):
    return BackendConfig.from_mapping(
        {**deepl_server.settings_values(), "TRANSLATION_TIMEOUT": TEST_TIMEOUT}
    )


@pytest.fixture
def openai_backend(openai_config):
    return OpenAIBackend(openai_config)


@pytest.fixture
def deepl_backend(deepl_config):
    # Glossary polling waits are recorded, not slept.
    return DeepLBackend(deepl_config, sleep=lambda seconds: None)


SOURCE_EN = (
    "Ilya Sutskever left OpenAI in May 2024 to start Safe Superintelligence.\n\n"
    "The company raised $1 billion at a $5 billion valuation, according to Reuters."
)


@pytest.fixture
def section():
    """A two-paragraph section with names, numbers, context, a glossary and people."""
    return TranslationRequest(
        section_text_en=SOURCE_EN,
        article_title="The researcher who left",
        previous_section_en="Earlier that year, the board had met in private.",
        next_section_en="Investors were quick to follow.",
        glossary=[("superintelligence", "超级智能")],
        people=[("Ilya Sutskever", "伊利亚·苏茨克维")],
    )
