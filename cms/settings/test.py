"""Test settings: fast hashing, in-memory cache and email, plain static storage."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
# Reference and search index updates: run once per test and before searches, not once per
# save (tests/index_updates.py).
TASKS = {"default": {"BACKEND": "tests.index_updates.IndexUpdatesLaterBackend"}}

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Django's test client signs in without a request, which django-axes refuses outright; this
# backend lets those through unthrottled. Sign-ins over HTTP are throttled as in production.
AUTHENTICATION_BACKENDS = [
    "tests.auth_backends.ThrottleRequestsOnlyBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Mutation runs (`make mutants`) start pytest once per mutant: a test database kept in a
# file and reused (pytest --reuse-db) spares each run the migrations.
_test_db_file = os.environ.get("DUIZHAO_TEST_DB_FILE")
if _test_db_file and DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": _test_db_file}  # noqa: F405
