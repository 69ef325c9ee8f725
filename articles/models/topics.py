from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A subject articles are filed under; readers browse the article list by topic.
    Registered as a snippet in ``articles/wagtail_hooks.py``."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        unique=True,
        help_text=_("Used in the article list's address, e.g. ?topic=deep-learning."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_zh_hans")]),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("name_en"), index.SearchField("name_zh_hans")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name_zh_hans or self.name_en or self.slug
