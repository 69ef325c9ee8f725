"""``manage.py translate_article PAGE_ID [--sections 1,2,5] [--sync]``: AI drafts from the
shell, the same work as the admin's "Draft with AI" page (see ``articles.drafting``)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from articles import drafting
from articles.drafting.engine import BackendNotConfigured
from articles.models import ArticlePage, section_versions


def parse_numbers(text: str) -> list[int]:
    """ "1,2,5" or "2-4,7" as numbers; ValueError in plain words otherwise."""
    numbers: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        first, dash, last = part.partition("-")
        if not (first.strip().isdigit() and (not dash or last.strip().isdigit())):
            raise ValueError(f"{part!r} is not a section number or a range such as 2-4")
        start, end = int(first), int(last) if dash else int(first)
        if start < 1 or end < start:
            raise ValueError(f"{part!r} is not a valid section number or range")
        numbers.extend(range(start, end + 1))
    if not numbers:
        raise ValueError("no section numbers given")
    return list(dict.fromkeys(numbers))


class Command(BaseCommand):
    help = (
        "Ask the configured AI backend for a Chinese draft of an article's sections. Without "
        "--sections, every section that has no draft yet; with it, those sections (numbered "
        "from 1, as in the admin), drafted again if they have a draft. The translator's "
        "Chinese is never overwritten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("page_id", type=int, help="The article's page id.")
        parser.add_argument(
            "--sections", default="", help="Section numbers from 1, e.g. 1,2,5 or 3-6."
        )
        parser.add_argument(
            "--sync",
            action="store_true",
            help="Draft now in this process instead of queueing a background task.",
        )

    def handle(self, *args, page_id: int, sections: str, sync: bool, **options) -> None:
        page = ArticlePage.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"There is no article with page id {page_id}.")
        section_keys = self.section_keys(page, sections) if sections else None
        try:
            started = drafting.start_drafting(
                page,
                section_keys=section_keys,
                run=drafting.run_drafting if sync else None,
            )
        except BackendNotConfigured as exc:
            raise CommandError(str(exc)) from None
        except drafting.QuotaExceeded as exc:
            raise CommandError(exc.message) from None
        if started.busy:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(started.busy)} section(s) are already being drafted; left alone."
                )
            )
        if not started.queued:
            if not started.busy:
                self.stdout.write("Every section already has a draft; nothing to do.")
            return
        if not sync:
            self.stdout.write(
                f"Queued {len(started.queued)} section(s) of “{page.title}” for drafting."
            )
        self.report(page, started.outcome if sync else None)

    def section_keys(self, page: ArticlePage, text: str) -> list[str]:
        """The keys of the sections numbered ``text`` in the latest revision."""
        try:
            numbers = parse_numbers(text)
        except ValueError as exc:
            raise CommandError(f"--sections: {exc}.") from None
        rows = section_versions.latest(page)
        wrong = [n for n in numbers if n > len(rows)]
        if wrong:
            listed = ", ".join(map(str, wrong))
            raise CommandError(
                f"--sections: no section {listed}; the article has {len(rows)} section(s)."
            )
        not_draftable = [n for n in numbers if not drafting.is_draftable(rows[n - 1])]
        if not_draftable:
            listed = ", ".join(map(str, not_draftable))
            raise CommandError(
                f"--sections: section(s) {listed} have no English to translate "
                "(empty, added or omitted)."
            )
        return [str(rows[n - 1].key) for n in numbers]

    def report(self, page: ArticlePage, run_report) -> None:
        # The command speaks English, whatever the site's language.
        with translation.override("en"):
            done, total, failed = drafting.drafting_progress(page)
        self.stdout.write(f"{done} of {total} sections drafted.")
        for position, _section, error in failed:
            self.stdout.write(self.style.ERROR(f"  Section {position}: {error}"))
        if isinstance(run_report, drafting.RunReport) and run_report.failed:
            raise CommandError(f"{len(run_report.failed)} section(s) could not be drafted.")
