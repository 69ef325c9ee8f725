from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.site_url import sync_default_site


class Command(BaseCommand):
    help = (
        "Point the default Wagtail Site (hostname and port) at SITE_BASE_URL, so canonical "
        "links, feeds, the sitemap and the API name the public address. Run after deploying "
        "or changing SITE_BASE_URL; safe to run again."
    )

    def handle(self, *args, **options) -> None:
        try:
            changed = sync_default_site()
        except ValueError as error:
            raise CommandError(str(error)) from error
        state = "now" if changed else "already"
        self.stdout.write(f"The default site is {state} {settings.SITE_BASE_URL}.")
