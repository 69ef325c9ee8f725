"""C helpers for the test processes, built by ``make venv`` (tests/native/build.py)."""
