"""A reply trickled one byte at a time must not outlast TRANSLATION_TIMEOUT (SECURITY-TESTS F1).

The socket timeout only bounds each read; the deadline bounds the whole exchange: connect,
status line, headers and body.
"""

import time

import pytest

from articles.drafting.engine.base import RetryableError
from articles.drafting.engine.config import BackendConfig
from articles.drafting.engine.openai import OpenAIBackend

from .conftest import TEST_TIMEOUT


@pytest.mark.parametrize("backend", ["openai_backend", "deepl_backend"])
def test_a_trickled_reply_is_cut_off_at_the_timeout(request, backend, section):
    translator = request.getfixturevalue(backend)
    server = request.getfixturevalue(backend.replace("_backend", "_server"))
    server.behaviour = "trickle"
    server.trickle_seconds = 0.02  # each byte well inside the 0.6 s read timeout
    started = time.monotonic()

    with pytest.raises(RetryableError, match="did not answer within"):
        translator.translate(section)

    elapsed = time.monotonic() - started
    assert elapsed < TEST_TIMEOUT + 0.5
    assert server.requests  # it did reach the server and start answering


def test_a_prompt_trickle_that_finishes_in_time_is_accepted(openai_server, section):
    """Slow bytes are no fault in themselves: a whole reply inside the deadline is read.
    The deadline here is generous, so a busy machine cannot turn this into a timeout."""
    openai_server.behaviour = "trickle"
    openai_server.trickle_seconds = 0.0001
    config = BackendConfig.from_mapping(
        {**openai_server.settings_values(), "TRANSLATION_TIMEOUT": 10}
    )

    assert OpenAIBackend(config).translate(section).text_zh.startswith("【译】")
