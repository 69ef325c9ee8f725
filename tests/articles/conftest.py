"""Fixtures for the article tests."""

import pytest

from tests.articles.desks import build_desks
from tests.fake_ai_servers import FAKE_AI_KEY, FakeOpenAIServer
from tests.seeded_db import seeded


@pytest.fixture
def server(settings):
    """A real OpenAI-protocol server on 127.0.0.1, with the settings pointing at it."""
    with FakeOpenAIServer(api_key=FAKE_AI_KEY) as server:
        server.point_settings(settings, TRANSLATION_RETRY_DELAY=0.001)
        yield server


@pytest.fixture
def desks(db):
    """Desks "A" and "B": two article indexes with groups granted on one each (desks.py)."""
    return seeded("desks", build_desks)
