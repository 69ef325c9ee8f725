"""/sitemap.xml: every live, public page and every person's and quote's page, each in both
interface languages (Chinese at the root, English under /en/) with its hreflang alternates
and an x-default (the Chinese), all absolute on the Wagtail Site's root URL."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap

from cms.site_url import absolute, hreflang
from people.models import Person, Quote


class BilingualSitemap(Sitemap):
    """Wagtail's sitemap (its pages, its site lookup) with one entry per item and interface
    language. Subclasses may list other objects by overriding ``items`` and ``address``."""

    def address(self, item: Any) -> str:
        return item.get_full_url(self.request)

    def modified(self, item: Any) -> Any:
        return self.lastmod(item)

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict]:
        urls = []
        for item in self.paginator.page(page).object_list:
            addresses = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    addresses[code] = self.address(item)
            alternates = [
                {"lang_code": hreflang(code), "location": location}
                for code, location in addresses.items()
            ]
            alternates.append(
                {"lang_code": "x-default", "location": addresses[settings.LANGUAGE_CODE]}
            )
            lastmod = self.modified(item)
            for location in addresses.values():
                urls.append(
                    {
                        "item": item,
                        "location": location,
                        "lastmod": lastmod,
                        "alternates": alternates,
                    }
                )
        return urls


class ObjectSitemap(BilingualSitemap):
    """Objects with a ``get_absolute_url`` (reversed under the active language)."""

    queryset: Callable[[], Any]

    def items(self) -> Any:
        return self.queryset()

    def address(self, item: Any) -> str:
        return absolute(item.get_absolute_url(), self.request)

    def modified(self, item: Any) -> None:
        return None


class PeopleSitemap(ObjectSitemap):
    def queryset(self) -> Any:
        return Person.objects.exclude(slug__isnull=True).exclude(slug="").order_by("pk")


class QuotesSitemap(ObjectSitemap):
    def queryset(self) -> Any:
        return Quote.objects.order_by("pk")


SITEMAPS = {"pages": BilingualSitemap, "people": PeopleSitemap, "quotes": QuotesSitemap}
