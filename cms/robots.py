"""The files crawlers and browsers ask for at the root: /robots.txt (crawl the public site,
not the admin; the sitemap on the Site's root URL, ``cms.site_url``) and /favicon.ico."""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from cms.site_url import absolute


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute(reverse('sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers that ignore the page's icon links ask for /favicon.ico."""
    return HttpResponsePermanentRedirect(static("icons/favicon.png"))
