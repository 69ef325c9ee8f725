from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles.content.error_report_views import report_error, report_thanks
from articles.content.feeds import ArticleFeed, PersonFeed, TopicFeed
from articles.content.share_qr import article_qr
from cms import serving
from cms.api import api_router
from cms.robots import favicon, robots_txt
from cms.search import views as search_views
from cms.sitemap import SITEMAPS

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon),
    path("i18n/", include("django.conf.urls.i18n")),
    # The WeChat share QR code of an article (one per article, whatever the language).
    path("articles/<int:article_id>/qr.svg", article_qr, name="article_qr"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Chinese at the root, English under /en/; Wagtail serves pages for both.
urlpatterns += i18n_patterns(
    path("", include("people.urls")),
    path("search/", search_views.search, name="search"),
    path("feeds/articles/", ArticleFeed(), name="feed_articles"),
    path("feeds/topics/<slug:slug>/", TopicFeed(), name="feed_topic"),
    path("feeds/people/<slug:slug>/", PersonFeed(), name="feed_person"),
    # Readers report a translation error in a section, and are thanked in their language.
    path("articles/<int:article_id>/report-error/", report_error, name="article_report_error"),
    path(
        "articles/<int:article_id>/report-error/thanks/",
        report_thanks,
        name="article_report_thanks",
    ),
    # Wagtail's front-end URLs; its page view reaches an article in one query.
    path("", include(serving)),
    prefix_default_language=False,
)
