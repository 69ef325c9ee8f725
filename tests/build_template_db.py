"""``python -m tests.build_template_db``: migrate the test databases' templates now, if they are
missing (tests/template_db.py), without running a test. CI builds PostgreSQL's while the SQLite
run uses the machine."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from tests import template_db  # noqa: E402  (needs the settings above)

template_db.build()
