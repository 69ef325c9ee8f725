"""Score the import of scraped Chinese re-publication pages on the development set.

Each ``page.txt`` under the set is imported as a translation-only article the way an editor
does it from the shell, ``manage.py import_article --translation page.txt``, into a throw-away
SQLite database, and the created draft is compared with ``expected.json``:

- title found: the article's title equals ``title``;
- address found: the article's original address equals ``url``;
- furniture removed: share of ``junk`` lines absent from every section;
- body kept: share of ``body`` paragraphs present word for word (whitespace ignored);
- headings: share of ``headings`` that are section headings;
- preface separated: the first section is ``added`` and holds the preface; no later one is;
- unknown names and quotes: how many name candidates and quotations the import offers (these
  chapters quote nobody and name few people: every offer is likely noise).

    python bench/import_scraped_dev.py [--data DIR] [--quiet]

DIR defaults to $DUIZHAO_SCRAPED_DEV, else ../shared/scraped-dev beside the repository.
Goals: 100%, 100%, >= 0.95, 1.00, >= 0.9, 100%.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "scraped-dev"
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


@dataclass
class Score:
    name: str
    title: bool = False
    address: bool = False
    junk_absent: int = 0
    junk: int = 0
    body_kept: int = 0
    body: int = 0
    headings_found: int = 0
    headings: int = 0
    preface: bool = False
    # Unknown-name candidates and quotations the import offers the editor.
    candidates: int = 0
    quotes: int = 0
    error: str = ""


def squash(text: str) -> str:
    return "".join(text.split())


def section_lines(html: str) -> list[str]:
    """The paragraphs, list items and headings of a section body, as plain text."""
    from articles.richtext import html_to_text

    return [line for piece in _BLOCK_END.split(html) if (line := html_to_text(piece).strip())]


def score_page(folder: Path, parent_id: int) -> Score:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from articles.importing.adapter import plan_import
    from articles.importing.engine.addresses import normalise_address
    from articles.models import ArticlePage

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    score = Score(folder.name)
    out = io.StringIO()
    try:
        call_command(
            "import_article",
            translation=str(folder / "page.txt"),
            parent=str(parent_id),
            json=True,
            stdout=out,
        )
    except CommandError as error:
        score.error = str(error)
        return score
    page = ArticlePage.objects.get(pk=json.loads(out.getvalue())["page_id"])
    plan = plan_import(None, (folder / "page.txt").read_bytes())
    score.candidates, score.quotes = len(plan.candidates), len(plan.quotes)
    sections = list(page.sections.order_by("sort_order"))
    score.title = page.title == expected["title"]
    score.address = page.original_url == normalise_address(expected["url"])

    texts = [
        ([s.heading_zh_hans] if s.heading_zh_hans else []) + section_lines(s.body_zh_hans)
        for s in sections
    ]
    lines = {squash(line) for section in texts for line in section}
    whole = squash("".join(line for section in texts for line in section))
    for junk in expected["junk"]:
        # A short line ("图片") counts when it stands alone; a longer one anywhere.
        key = squash(junk)
        present = key in lines or (len(key) > 8 and key in whole)
        score.junk += 1
        score.junk_absent += not present
    for paragraph in expected["body"]:
        score.body += 1
        score.body_kept += squash(paragraph) in whole
    headings = {squash(s.heading_zh_hans) for s in sections if s.heading_zh_hans}
    for heading in expected["headings"]:
        score.headings += 1
        score.headings_found += squash(heading) in headings
    if sections:
        first = squash("".join(texts[0]))
        score.preface = (
            sections[0].status == "added"
            and all(squash(p) in first for p in expected["preface"])
            and not any(s.status == "added" for s in sections[1:])
        )
    return score


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def report(scores: list[Score], quiet: bool) -> None:
    if not quiet:
        for s in scores:
            print(
                f"{s.name:<46} title={'yes' if s.title else 'NO '} "
                f"address={'yes' if s.address else 'NO '} "
                f"furniture={share(s.junk_absent, s.junk)} body={share(s.body_kept, s.body)} "
                f"headings={share(s.headings_found, s.headings)} "
                f"preface={'yes' if s.preface else 'NO'} "
                f"names={s.candidates} quotes={s.quotes}"
                + (f"  error: {s.error}" if s.error else "")
            )
    n = len(scores)
    print(f"title found        {share(sum(s.title for s in scores), n)}   goal 1.00")
    print(f"address found      {share(sum(s.address for s in scores), n)}   goal 1.00")
    junk = share(sum(s.junk_absent for s in scores), sum(s.junk for s in scores))
    print(f"furniture removed  {junk}   goal >= 0.95")
    body = share(sum(s.body_kept for s in scores), sum(s.body for s in scores))
    print(f"body kept          {body}   goal 1.00")
    heads = share(sum(s.headings_found for s in scores), sum(s.headings for s in scores))
    print(f"headings found     {heads}   goal >= 0.9")
    print(f"preface separated  {share(sum(s.preface for s in scores), n)}   goal 1.00")
    names, quotes = sum(s.candidates for s in scores), sum(s.quotes for s in scores)
    print(f"unknown names      {names / n:.1f} per page ({names}), quotes offered {quotes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--quiet", action="store_true", help="Only the overall figures.")
    args = parser.parse_args()
    data = args.data or Path(os.environ.get("DUIZHAO_SCRAPED_DEV", DEFAULT_DATA))
    folders = sorted(p.parent for p in data.glob("*/page.txt"))
    if not folders:
        raise SystemExit(f"No pages under {data}")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        from articles.models import ArticleIndexPage, HomePage

        index = ArticleIndexPage(title="文章", slug="scraped-bench")
        HomePage.objects.first().add_child(instance=index)
        report([score_page(folder, index.pk) for folder in folders], args.quiet)


if __name__ == "__main__":
    main()
