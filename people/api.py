"""API v2 endpoints for the people and quote snippets (/api/v2/people/, /api/v2/quotes/)."""

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from people.models import Person, Quote


class PeopleAPIViewSet(BaseAPIViewSet):
    model = Person
    name = "people"
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    body_fields = [*BaseAPIViewSet.body_fields, "name_en", "name_zh_hans", "slug"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name_en",
        "name_zh_hans",
        "slug",
    ]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "name_en", "name_zh_hans"]


class QuotesAPIViewSet(BaseAPIViewSet):
    model = Quote
    name = "quotes"
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    body_fields = [*BaseAPIViewSet.body_fields, "text_en", "text_zh_hans", "speaker_id"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "text_en",
        "text_zh_hans",
        "speaker_id",
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("speaker")
