"""Cold render time of the public article page: what the first reader after a publish waits.

Builds a throwaway in-memory test database with the demo content and a 30-section article
made of the demo's sections in turn (each with its AI draft, as the demo has them), publishes
both, and renders each article page through Django's test client with every cache emptied
before each render. Prints the median and worst render time, the share of it spent in
character diffs (``change_ratio``) and the SQL query count of one cold render.

    .venv/bin/python bench/cold_render.py [--renders 15]
"""

import argparse
import os
import statistics
import time
from pathlib import Path

from throwaway_db import in_test_database

ROOT = Path(__file__).resolve().parent.parent
LONG_SECTIONS = 30


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=15)
    args = parser.parse_args()

    in_test_database(lambda: run(args.renders))


class DiffClock:
    """Wraps ``change_ratio`` where the disclosure reaches it and adds up its time."""

    def __init__(self) -> None:
        from articles.review.engine import diffs, effort

        self.seconds, self.calls = 0.0, 0
        original = diffs.change_ratio

        def timed(a: str, b: str) -> float:
            started = time.perf_counter()
            try:
                return original(a, b)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1

        diffs.change_ratio = effort.change_ratio = timed

    def reset(self) -> None:
        self.seconds, self.calls = 0.0, 0


def long_article():
    """A published article of 30 sections cycling through the demo's, drafts included."""
    from articles.models import ArticleIndexPage, ArticlePage, ArticleSection

    demo = ArticlePage.objects.get(slug="before-the-spring-deep-learning-pioneers")
    sources = list(demo.sections.all())
    copied = ("heading_en", "heading_zh_hans", "body_en", "body_zh_hans", "ai_draft")
    copied += ("ai_draft_backend", "ai_draft_model", "ai_drafted_at", "status", "note")
    page = ArticlePage(
        title="冷渲染基准",
        slug=f"cold-render-{LONG_SECTIONS}",
        headline_zh_hans=f"冷渲染基准（{LONG_SECTIONS} 节）",
        headline_en=f"Cold render benchmark ({LONG_SECTIONS} sections)",
        original_url="https://example.com/benchmark/cold-render",
        original_title="Cold render benchmark",
        licence="permission",
        show_original=True,
        translation_method="ai_assisted",
        ai_model=demo.ai_model,
    )
    for position in range(LONG_SECTIONS):
        source = sources[position % len(sources)]
        section = ArticleSection(sort_order=position)
        for name in copied:
            setattr(section, name, getattr(source, name))
        page.sections.add(section)
    ArticleIndexPage.objects.first().add_child(instance=page)
    page.save_revision().publish()
    return page


def run(renders: int) -> None:
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.demo.loader import load_demo

    demo = load_demo().article
    pages = [("demo article", demo), (f"{LONG_SECTIONS}-section article", long_article())]
    clock = DiffClock()
    client = Client()

    def cold_get(url: str):
        for cache in caches.all():
            cache.clear()
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        return response

    print(f"public article page, cold (every cache emptied), {renders} renders each")
    for label, page in pages:
        url = page.url
        cold_get(url)  # templates, translations and module state loaded once
        with CaptureQueriesContext(connection) as queries:
            cold_get(url)
        query_count = len(queries)
        timings, diff_ms, calls = [], [], 0
        for _ in range(renders):
            clock.reset()
            started = time.perf_counter()
            cold_get(url)
            timings.append((time.perf_counter() - started) * 1000)
            diff_ms.append(clock.seconds * 1000)
            calls = clock.calls
        median, diff_median = statistics.median(timings), statistics.median(diff_ms)
        print(
            f"{label:<26} median {median:7.0f} ms  worst {max(timings):7.0f} ms  "
            f"change_ratio {diff_median:6.0f} ms ({diff_median / median:4.0%}, {calls} calls)  "
            f"{query_count} queries"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
