"""``manage.py check_coverage PAGE_ID [--json]``: what the Chinese of each section leaves out
of the English, and the status each section would get (``articles.editorial.coverage_check``).
Nothing is saved: an editor accepts the proposals in the admin (Re-check coverage)."""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.editorial.coverage_check import propose
from articles.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Align every section of an article's latest revision that has English with its Chinese "
        "and print, per section, its status, the proposed status and the English sentences "
        "with no Chinese counterpart. Saves nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("page_id", type=int, help="The article's page id.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, page_id: int, **options) -> None:
        page = ArticlePage.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"There is no article with page id {page_id}.")
        check = propose(page)
        if options["json"]:
            self.stdout.write(json.dumps(check.as_json(), ensure_ascii=False, indent=2))
            return
        if not check.proposals:
            self.stdout.write("No section has English to check.")
            return
        for proposal in check.proposals:
            change = (
                f"{proposal.current} -> {proposal.proposed}"
                if proposal.changes
                else f"{proposal.current} (unchanged)"
            )
            self.stdout.write(f"§{proposal.position} {proposal.heading}: {change}")
            for sentence in proposal.missing:
                self.stdout.write(f"    missing: {sentence}")
        changed = len(check.changes)
        self.stdout.write(f"{changed} proposed change(s); accept them in the admin.")
