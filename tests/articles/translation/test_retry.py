"""Retries, backoff, Retry-After and the outbound concurrency cap."""

import threading

import pytest

from articles.drafting.engine import retry
from articles.drafting.engine.base import InvalidTranslation, PermanentError, RetryableError
from articles.drafting.engine.retry import (
    OutboundLimit,
    backoff_delay,
    set_outbound_limit,
    translate_with_retry,
)


class SleepRecorder:
    def __init__(self):
        self.waits = []

    def __call__(self, seconds):
        self.waits.append(seconds)


@pytest.fixture
def sleep():
    return SleepRecorder()


def run(backend, request, sleep, **options):
    return translate_with_retry(backend, request, sleep=sleep, base_delay=0.5, **options)


def test_timeouts_are_retried_then_fail_cleanly(openai_backend, openai_server, section, sleep):
    openai_server.behaviour = "slow"

    with pytest.raises(RetryableError, match="did not answer"):
        run(openai_backend, section, sleep)

    assert len(openai_server.requests) == 3
    assert len(sleep.waits) == 2


def test_server_errors_back_off_with_jitter(openai_backend, openai_server, section, sleep):
    openai_server.behaviour = "error_500"

    with pytest.raises(RetryableError, match="HTTP 500"):
        run(openai_backend, section, sleep, attempts=4)

    assert len(openai_server.requests) == 4
    first, second, third = sleep.waits
    assert 0.25 <= first <= 0.5
    assert 0.5 <= second <= 1.0
    assert 1.0 <= third <= 2.0


@pytest.mark.parametrize("fault", ["error_502", "error_503", "reset", "slow"])
def test_a_passing_fault_then_success(openai_backend, openai_server, section, sleep, fault):
    openai_server.queue(fault)

    result = run(openai_backend, section, sleep)

    assert result.text_zh.startswith("【译】")
    assert len(openai_server.requests) == 2


def test_rate_limit_then_success_honours_retry_after(openai_backend, openai_server, section, sleep):
    openai_server.retry_after = "2"
    openai_server.queue("rate_limited")

    result = run(openai_backend, section, sleep)

    assert result.text_zh.startswith("【译】")
    assert sleep.waits == [2.0]


def test_retry_after_beyond_the_cap_is_left_to_the_caller(
    openai_backend, openai_server, section, sleep
):
    openai_server.behaviour = "rate_limited"
    openai_server.retry_after = "120"

    with pytest.raises(RetryableError) as caught:
        run(openai_backend, section, sleep, max_delay=30)

    assert caught.value.retry_after == 120.0
    assert sleep.waits == []
    assert len(openai_server.requests) == 1


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [
        ("malformed_json", PermanentError),
        ("missing_choices", PermanentError),
        ("empty", InvalidTranslation),
        ("echo", InvalidTranslation),
        ("oversized", InvalidTranslation),
        ("length", InvalidTranslation),
        ("english", InvalidTranslation),
    ],
)
def test_permanent_faults_are_not_retried(
    openai_backend, openai_server, section, sleep, behaviour, error
):
    openai_server.behaviour = behaviour

    with pytest.raises(error):
        run(openai_backend, section, sleep)

    assert len(openai_server.requests) == 1
    assert sleep.waits == []


def test_deepl_faults_are_retried_the_same_way(deepl_backend, deepl_server, section, sleep):
    deepl_server.queue("error_503", "rate_limited")

    result = run(deepl_backend, section, sleep)

    assert result.backend == "deepl"
    assert len(sleep.waits) == 2


def test_fifty_jobs_never_exceed_the_cap(openai_backend, openai_server, section):
    openai_server.delay = 0.02
    limit = OutboundLimit(4)
    results, errors = [], []

    def job():
        try:
            results.append(translate_with_retry(openai_backend, section, limit=limit))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=job) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(results) == 50
    assert len(openai_server.requests) == 50
    assert 1 < openai_server.max_in_flight <= 4


def test_process_wide_limit_is_used_by_default(monkeypatch):
    monkeypatch.setattr(retry, "_process_limit", retry.OutboundLimit())

    limit = set_outbound_limit(2)

    assert retry.outbound_limit() is limit
    assert limit.size == 2
    assert set_outbound_limit(2) is limit


def test_backoff_is_capped():
    for attempt in range(1, 12):
        assert backoff_delay(attempt, 1.0, 30.0) <= 30.0
    assert backoff_delay(10, 1.0, 30.0) >= 15.0


@pytest.mark.parametrize("size", [0, -1])
def test_limit_needs_room_for_one(size):
    with pytest.raises(ValueError, match="at least one"):
        OutboundLimit(size)


def test_attempts_must_be_positive(openai_backend, section):
    with pytest.raises(ValueError, match="attempts"):
        translate_with_retry(openai_backend, section, attempts=0)
