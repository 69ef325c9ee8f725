from django.core.management.base import BaseCommand

from articles.content.page_cache import move_content_version


class Command(BaseCommand):
    help = (
        "Make every cached public page and article fragment stale, so the next reader gets "
        "pages rendered from the database. Publishing and snippet edits do this by "
        "themselves; run it after changing content in the database directly (a script, a "
        "data fix, a data migration). Safe to run at any time."
    )

    def handle(self, *args, **options) -> None:
        move_content_version()
        self.stdout.write("Cached pages expired; readers get freshly rendered pages.")
