"""The test processes keep the frame chunks Python 3.11 frees (tests/native/datastack_cache.c):
calls that keep crossing the end of a chunk, as template rendering does, touch no new memory.
Without the cache each crossing mapped a new chunk and faulted its pages in."""

import os
import resource
import sys

import pytest

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 13), reason="Python 3.13 keeps a freed chunk itself"
)


def _calls(depth: int) -> int:
    return 0 if depth == 0 else _calls(depth - 1)


def _native_cache():
    try:
        from tests.native import _datastack_cache
    except ImportError:
        message = "tests/native is not built (make venv, with a C compiler)"
        if os.environ.get("DUIZHAO_REQUIRE_NATIVE"):
            pytest.fail(message)
        pytest.skip(message)
    return _datastack_cache


def test_calls_that_keep_crossing_a_chunk_end_touch_no_new_memory():
    assert _native_cache().installed()  # by tests/conftest.py, in every test process
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    # Somewhere in these depths the calls cross a chunk's end, every time: 10,000 page faults
    # without the cache.
    for depth in range(400):
        for _ in range(10):
            _calls(depth)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    assert faults < 200
