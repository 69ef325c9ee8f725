"""API v2 serializer field that applies the licence rule (``articles.content.licence``) to a
section's English: ``null`` when the article may not show its original, in the detail, the
listing (``fields=*``) and nested field selections alike, since they all serialize sections
with these fields."""

from typing import Any

from rest_framework import serializers

from articles.content.licence import original_visible


class OriginalField(serializers.Field):
    """A section's English field, serialized as Wagtail's API would serialize it (rich text
    in the requested ``rich_text_format``), or ``null`` unless the section's article may
    show its original."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    shown: serializers.Field | None = None

    def bind(self, field_name: str, parent: Any) -> None:
        super().bind(field_name, parent)
        # The field Wagtail's serializer builds for this model field does the formatting;
        # it is made here because Wagtail's API serializers cannot be imported while the
        # models load. Wagtail's schema generator binds without a parent: plain value.
        if parent is None:
            return
        model_field = parent.Meta.model._meta.get_field(field_name)
        field_class, field_kwargs = parent.build_standard_field(field_name, model_field)
        self.shown = field_class(**field_kwargs)
        self.shown.bind(field_name, parent)

    def get_attribute(self, instance: Any) -> Any:
        if not original_visible(instance.page):
            return None
        return super().get_attribute(instance)

    def to_representation(self, value: Any) -> str:
        if self.shown is None:
            return str(value)
        return self.shown.to_representation(value)


class AILabelField(serializers.Field):
    """The article's AI label (``ArticlePage.ai_label``) as a JSON object: the same facts as
    the visible disclosure and the page head's ``ai-*`` meta tags."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> dict[str, Any]:
        return value.as_dict()
