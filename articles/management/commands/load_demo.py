from django.core.management.base import BaseCommand, CommandParser

from articles.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo article, its people, quotes, glossary and topics, and one demo user "
        "per role. Safe to run again: existing content is left unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--articles", type=int, default=0, help="Also create N synthetic articles."
        )
        parser.add_argument(
            "--sections", type=int, default=12, help="Sections per synthetic article."
        )

    def handle(self, *args, articles: int, sections: int, **options) -> None:
        if articles < 0 or sections < 1 or sections > 2000:
            self.stderr.write("--articles must be 0 or more and --sections between 1 and 2000.")
            raise SystemExit(2)
        report = load_demo(articles=articles, sections=sections)
        if not report.created:
            self.stdout.write("Demo content is already loaded; nothing changed.")
        else:
            self.stdout.write(f"Created {len(report.created)} objects.")
        if report.passwords:
            self.stdout.write(self.style.WARNING("Demo logins (shown once, keep them):"))
            for username, password in report.passwords.items():
                self.stdout.write(f"  {username:<11} {password}")
        if report.article is not None:
            self.stdout.write(f"Demo article: {report.article.url}")
