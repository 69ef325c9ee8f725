"""The QR code readers scan in WeChat to open an article on their phone: an SVG made on this
server (no third-party script or image service), for live, public articles only."""

import hashlib
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_response_headers
from django.views.decorators.http import condition, require_safe

import segno

#: The address inside a QR code changes only when the site's address or the page's slug
#: does, so browsers and caches may keep it a day and revalidate by ETag.
MAX_AGE = 24 * 60 * 60


def qr_svg(data: str) -> bytes:
    """A standalone SVG QR code for ``data``; medium error correction survives a phone
    camera at an angle."""
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=2, dark="#111", light="#fff", svgclass=None
    )
    return buffer.getvalue()


def _live_article(article_id: int):
    from articles.models import ArticlePage

    page = ArticlePage.objects.live().public().filter(pk=article_id).first()
    if page is None:
        raise Http404
    return page


def _etag(request: HttpRequest, article_id: int) -> str:
    address = _live_article(article_id).get_full_url(request)
    return hashlib.sha256(address.encode("utf-8")).hexdigest()[:32]


@require_safe
@condition(etag_func=_etag)
def article_qr(request: HttpRequest, article_id: int) -> HttpResponse:
    page = _live_article(article_id)
    svg = qr_svg(page.get_full_url(request))
    response = HttpResponse(svg, content_type="image/svg+xml")
    patch_response_headers(response, cache_timeout=MAX_AGE)
    patch_cache_control(response, public=True)
    return response
