"""Wagtail's page view, with the Site and, for an article, the route found without walking
the page tree (``cms.sites``, ``articles.content.routing``). Everything after routing (view
restrictions, ``before_serve_page`` hooks, the page's own ``serve``) is Wagtail's."""

from django.http import HttpRequest, HttpResponse
from django.urls import re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views

from articles.content.routing import article_route
from cms.sites import match_site


def serve(request: HttpRequest, path: str) -> HttpResponse:
    match = match_site(request)
    if match is not None and not hasattr(request, "_wagtail_route_for_request"):
        route = article_route(match.root_path, path)
        if route is not None:
            page = route.page
            # What the template's page.full_url and Wagtail's view-restriction check would
            # otherwise each fetch again.
            page._wagtail_cached_site_root_paths = match.root_paths
            page.any_view_restrictions = match.any_view_restrictions
            # Where Page.route_for_request keeps its answer for the rest of the request.
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


# Wagtail's front-end URLs (password and login forms), with this view in place of its own.
urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
