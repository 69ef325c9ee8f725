"""An article's address to the article in one query.

Wagtail finds a page by walking the tree from the Site's home page, one query per level and
one more for the specific page. Every page type here routes as Wagtail does, one child slug
at a time (``DirectChildRouting`` only fetches the child's specific row directly), so the
page that walk would reach is the one whose ``url_path`` is the home page's path followed by
the request's path. When that page is a live article, it is the answer; anything else
(another page type, a draft, no such page) is left to Wagtail's own routing, which gives
the same result it always did.
"""

from wagtail.url_routing import RouteResult

from articles.models import ArticlePage


def article_route(root_path: str, path: str) -> RouteResult | None:
    """The route to the live article at ``path`` under the home page at ``root_path``."""
    components = [component for component in path.split("/") if component]
    if not components:
        return None
    url_path = root_path + "/".join(components) + "/"
    # Filtering on the slug too lets the database use the slug's index.
    page = ArticlePage.objects.filter(slug=components[-1], url_path=url_path, live=True).first()
    return RouteResult(page) if page is not None else None
