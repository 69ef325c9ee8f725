"""Server-side render time of the translator review view for a 200-section article, or of
its coverage re-check screen (``--screen coverage``).

Builds a throwaway in-memory test database, loads the demo content plus one synthetic
article (as ``load_demo --articles 1 --sections N`` does), gives each synthetic section an
AI draft, a recorded source and some findings, and renders the review view through Django's
test client as a logged-in editor. Prints the median and worst of the timed renders and the
SQL query count of one render: once as a reviewer sees an article the process has shown
before, and once as the first view of it, with the diffs, edit distances, coverages,
people's-name indexes and plain texts the process keeps emptied before each render.

    .venv/bin/python bench/review_view.py [--screen review|coverage] [--sections 200] [--renders 15]
"""

import argparse
import os
import statistics
import time
from pathlib import Path

from throwaway_db import in_test_database

ROOT = Path(__file__).resolve().parent.parent
# Render-time goal of each screen; the re-check screen has none of its own.
SCREENS = {
    "review": ("/admin/articles/{}/review/", 300),
    "coverage": ("/admin/articles/{}/coverage/", None),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screen", choices=SCREENS, default="review")
    parser.add_argument("--sections", type=int, default=200)
    parser.add_argument("--renders", type=int, default=15)
    args = parser.parse_args()

    in_test_database(lambda: run(args.screen, args.sections, args.renders))


def run(screen: str, sections: int, renders: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.demo.loader import load_demo
    from articles.importing.engine.coverage import forget_kept_coverages
    from articles.models import ArticlePage, ArticleSection
    from articles.review.engine import diffs
    from articles.review.engine.checks import coverage as covered
    from articles.review.engine.checks import names
    from articles.review.engine.drift import english_source
    from articles.richtext import _plain_text

    load_demo(articles=1, sections=sections)
    page = ArticlePage.objects.get(slug=f"synthetic-1-{sections}")
    # Give the filler realistic review work: drafts to diff, drift to show, numbers to check.
    for index, section in enumerate(ArticleSection.objects.filter(page=page)):
        section.ai_draft = section.text_zh.replace("网络", "网路") + "（初稿）"
        section.source_at_translation = english_source(section.heading_en, section.body_en)
        if index % 10 == 0:
            section.source_at_translation += " Earlier wording."
        if index % 7 == 0:
            section.body_zh_hans = section.body_zh_hans.replace("%", " 个百分点")
        section.save()
    page.save_revision().publish()

    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    address, goal_ms = SCREENS[screen]
    url = address.format(page.pk)

    response = client.get(url)  # warm caches and templates
    if response.status_code != 200:
        raise SystemExit(f"{screen} view answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Read now: each request start clears the connection's query log.
    query_count = len(queries)
    print(f"{screen} view, {sections} sections, {renders} renders each (test client, editor)")

    def forget_kept() -> None:
        diffs._diffed.cache_clear()
        diffs.edit_distance.cache_clear()
        forget_kept_coverages()
        covered._aligned_coverage.cache_clear()
        names._indexes.clear()
        _plain_text.cache_clear()

    for label, before_each in (("seen before", lambda: None), ("first view", forget_kept)):
        timings, cpu = [], []
        for _ in range(renders):
            before_each()
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        median = statistics.median(timings)
        goal = f" (goal < {goal_ms} ms)" if goal_ms else ""
        print(
            f"{label}: render time median {median:.0f} ms, worst {max(timings):.0f} ms{goal};"
            f" CPU time median {statistics.median(cpu):.0f} ms"
        )
    # CPU time is what the view costs; wall time also counts waiting on a busy machine.
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"SQL queries per render: {query_count}")
    print(f"response size: {len(response.content) // 1024} KiB")


if __name__ == "__main__":
    main()
