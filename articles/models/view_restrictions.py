from django.db.models import QuerySet
from django.utils.functional import cached_property

from wagtail.models import PageViewRestriction

from cms.view_restrictions import restrictions_exist


class CachedViewRestrictions:
    """Pages whose view-restriction check costs no query while no page anywhere is
    restricted (``cms.view_restrictions``)."""

    @cached_property
    def any_view_restrictions(self) -> bool:
        """Whether any page is restricted; ``cms.serving`` sets it from the cache read it
        already made for the request."""
        return restrictions_exist()

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        if not self.any_view_restrictions:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
