"""People, their quotes and the glossary: snippets reused across articles.

Each is registered in the admin by ``people/wagtail_hooks.py``; the translatable fields
(``*_en`` and ``*_zh_hans`` columns) are declared in ``people/translation_options.py``.
"""

from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index


def split_lines(text: str) -> list[str]:
    """One value per line, blanks and surrounding spaces dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_url_lines(text: str) -> None:
    validate = URLValidator(schemes=["http", "https"])
    for line in split_lines(text):
        validate(line)


class Person(index.Indexed, models.Model):
    """Someone an article is by, about or quotes. One record serves every article that
    mentions them; its public page lists their quotes and those articles."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name as it is usually written in this language."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Used in the person's public address, e.g. /people/geoffrey-hinton/."),
    )
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other correct spellings and short forms, one per line (e.g. Geoff Hinton)."),
    )
    misspellings = models.TextField(
        _("known misspellings"),
        blank=True,
        help_text=_(
            "Wrong spellings seen in translations, one per line (e.g. IIya with a capital i). "
            "Review checks flag them."
        ),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    links = models.TextField(
        _("links"),
        blank=True,
        validators=[validate_url_lines],
        help_text=_("Web pages about this person, one http(s) address per line."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_zh_hans")]),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("aliases"), FieldPanel("misspellings")]),
            ],
            heading=_("Names"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("role_en"), FieldPanel("role_zh_hans")]),
                FieldRowPanel([FieldPanel("affiliation_en"), FieldPanel("affiliation_zh_hans")]),
                FieldRowPanel([FieldPanel("bio_en"), FieldPanel("bio_zh_hans")]),
            ],
            heading=_("About"),
        ),
        FieldPanel("photo"),
        FieldPanel("links"),
    ]

    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_zh_hans"),
        index.SearchField("aliases"),
        index.SearchField("misspellings"),
        index.AutocompleteField("name_en"),
        index.AutocompleteField("name_zh_hans"),
        index.FilterField("affiliation_en"),
    ]

    api_fields = [
        APIField("name_en"),
        APIField("name_zh_hans"),
        APIField("slug"),
        APIField("alias_list"),
        APIField("role_en"),
        APIField("role_zh_hans"),
        APIField("affiliation_en"),
        APIField("affiliation_zh_hans"),
        APIField("bio_en"),
        APIField("bio_zh_hans"),
        APIField("link_list"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name_en"]

    def __str__(self) -> str:
        if self.name_zh_hans and self.name_en and self.name_zh_hans != self.name_en:
            return f"{self.name_zh_hans} ({self.name_en})"
        return self.name_en or self.name_zh_hans or self.slug

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name_en or "") or None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:person", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return split_lines(self.aliases)

    @property
    def misspelling_list(self) -> list[str]:
        return split_lines(self.misspellings)

    @property
    def link_list(self) -> list[str]:
        return split_lines(self.links)


class Quote(index.Indexed, models.Model):
    """Words someone said, in the original English and in Chinese. Articles choose a quote
    into a section rather than copying it, so a correction here reaches every page."""

    text = models.TextField(_("quote"), help_text=_("The words as spoken or written."))
    speaker = models.ForeignKey(
        Person,
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    source_url = models.URLField(
        _("source address"), blank=True, help_text=_("Where the words were published.")
    )
    said_on = models.DateField(_("date said"), null=True, blank=True)
    context = models.CharField(
        _("context"),
        max_length=300,
        blank=True,
        help_text=_("Where and why it was said, e.g. 'Turing Award lecture, 2018'."),
    )

    panels = [
        FieldPanel("speaker"),
        FieldRowPanel([FieldPanel("text_en"), FieldPanel("text_zh_hans")]),
        FieldRowPanel([FieldPanel("context_en"), FieldPanel("context_zh_hans")]),
        FieldRowPanel([FieldPanel("source_url"), FieldPanel("said_on")]),
    ]

    search_fields = [
        index.SearchField("text_en"),
        index.SearchField("text_zh_hans"),
        index.RelatedFields("speaker", [index.SearchField("name_en")]),
        index.FilterField("speaker"),
    ]

    api_fields = [
        APIField("text_en"),
        APIField("text_zh_hans"),
        APIField("speaker_id"),
        APIField("speaker_slug"),
        APIField("source_url"),
        APIField("said_on"),
        APIField("context_en"),
        APIField("context_zh_hans"),
    ]

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["-said_on", "pk"]

    def __str__(self) -> str:
        words = self.text_zh_hans or self.text_en or ""
        return words if len(words) <= 60 else words[:59] + "…"

    def get_absolute_url(self) -> str:
        return reverse("people:quote", kwargs={"pk": self.pk})

    @property
    def speaker_slug(self) -> str:
        return self.speaker.slug


class Term(index.Indexed, models.Model):
    """A glossary entry: an English term and its approved Chinese rendering. AI drafts are
    told to use it and review checks flag other renderings."""

    term = models.CharField(_("term"), max_length=200)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Usage advice for translators."))
    case_sensitive = models.BooleanField(
        _("case sensitive"),
        default=False,
        help_text=_("Match the English exactly as written (e.g. 'Transformer' the model)."),
    )
    forbidden = models.TextField(
        _("forbidden renderings"),
        blank=True,
        help_text=_("Chinese renderings not to use, one per line. Review checks flag them."),
    )

    panels = [
        FieldRowPanel([FieldPanel("term_en"), FieldPanel("term_zh_hans")]),
        FieldPanel("case_sensitive"),
        FieldPanel("forbidden"),
        FieldPanel("notes"),
    ]

    search_fields = [
        index.SearchField("term_en"),
        index.SearchField("term_zh_hans"),
        index.AutocompleteField("term_en"),
        index.FilterField("case_sensitive"),
    ]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term_en"]
        constraints = [
            models.UniqueConstraint(fields=["term_en"], name="unique_glossary_term_en"),
        ]

    def __str__(self) -> str:
        return f"{self.term_en} → {self.term_zh_hans}"

    @property
    def forbidden_list(self) -> list[str]:
        return split_lines(self.forbidden)


class Organisation(index.Indexed, models.Model):
    """A university, company or lab, with its Chinese rendering. Review checks accept any of
    its names or renderings as the organisation named ("New York University" as 纽约大学)."""

    name = models.CharField(_("name"), max_length=200)
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_(
            "Other correct names and renderings, English or Chinese, one per line "
            "(e.g. MIT, 麻省理工)."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_zh_hans")]),
        FieldPanel("aliases"),
    ]

    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_zh_hans"),
        index.SearchField("aliases"),
        index.AutocompleteField("name_en"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(fields=["name_en"], name="unique_organisation_name_en"),
        ]

    def __str__(self) -> str:
        if self.name_zh_hans and self.name_en and self.name_zh_hans != self.name_en:
            return f"{self.name_zh_hans} ({self.name_en})"
        return self.name_en or self.name_zh_hans or ""

    @property
    def alias_list(self) -> list[str]:
        return split_lines(self.aliases)
