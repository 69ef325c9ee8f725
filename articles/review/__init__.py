"""Translator review: the side-by-side review screen, its diffs, checks and source drift.

``drift`` holds the source-drift rules (what counts as stale, recording and re-checking the
English a translation was made from), ``rows`` builds the review rows for one article in a
fixed number of queries, ``revisions`` compares two revisions section by section,
``permissions`` says who may review, and ``views`` serves the admin screens registered in
``articles/review/admin_urls.py``.
"""
