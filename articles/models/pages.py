import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from articles.content.ai_label import AILabel, ai_label_for
from articles.content.api_fields import AILabelField
from articles.content.disclosure import Disclosure, disclosure_for
from articles.content.disclosure_facts import effective_method, record_draft_efforts
from articles.content.licence import Licence, PublicSection, original_visible, public_sections
from articles.content.page_cache import content_version
from articles.editorial.permissions import EditorialPagePermissions
from articles.editorial.section_rules import numbered
from articles.forms import ArticlePageForm
from articles.models.atomic_publish import PublishInOneTransaction
from articles.models.read_only_panels import YesNoFieldPanel
from articles.models.revision_references import ReferencesCheckedTogether
from articles.models.section_formset import SectionsPanel
from articles.models.topics import Topic
from articles.models.view_restrictions import CachedViewRestrictions
from articles.page_forms import EditorialPageForm
from articles.review.engine.drift import record_translation_sources
from people.models import Person

ARTICLES_PER_PAGE = 12
# Said in the editor (a model help text would need a migration to change).
HEADLINE_HELP = _(
    "The title readers see in this language, and what the admin lists the article by; the "
    "internal title is used when both are empty."
)
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


class Platform(models.TextChoices):
    BLOG = "blog", _("Blog")
    LINKEDIN = "linkedin", _("LinkedIn")
    NEWS = "news", _("News site")
    PAPER = "paper", _("Paper")
    SOCIAL = "social", _("Other social media")
    OTHER = "other", _("Other")


class TranslationMethod(models.TextChoices):
    HUMAN = "human", _("Human translation")
    AI_ASSISTED = "ai_assisted", _("AI-assisted translation")
    MACHINE = "machine", _("Machine translation")


@dataclass
class ArticleDisplay:
    sections: list[PublicSection]
    disclosure: Disclosure
    cut_sections: list[PublicSection]
    people: list
    topics: list
    translator_names: list[str]


def slug_param(request, name: str) -> str:
    """A query-string slug, or "" when it is not one (a NUL byte would make PostgreSQL fail)."""
    value = request.GET.get(name, "")
    return value if SLUG.fullmatch(value) else ""


class DirectChildRouting:
    """Route to a child in one query: a page whose children are all one type fetches the
    specific child directly instead of the generic page and then its specific row."""

    child_model: str  # "app_label.ModelName" of the only child type

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        model = apps.get_model(self.child_model)
        try:
            child = model.objects.child_of(self).get(slug=path_components[0])
        except model.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


class HomePage(
    EditorialPagePermissions,
    PublishInOneTransaction,
    CachedViewRestrictions,
    DirectChildRouting,
    Page,
):
    """The site's front page: an introduction and the latest articles."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("intro_en"), FieldPanel("intro_zh_hans")]),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticleIndexPage"]
    child_model = "articles.ArticleIndexPage"
    max_count = 1
    base_form_class = EditorialPageForm
    template = "articles/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            ArticlePage.objects.live().public().order_by("-first_published_at")[:10]
        )
        return context


class ArticleIndexPage(
    EditorialPagePermissions,
    PublishInOneTransaction,
    CachedViewRestrictions,
    DirectChildRouting,
    Page,
):
    """Lists its articles, newest first, filterable by topic and by person."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("intro_en"), FieldPanel("intro_zh_hans")]),
    ]

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    child_model = "articles.ArticlePage"
    template = "articles/article_index_page.html"
    base_form_class = EditorialPageForm

    class Meta:
        verbose_name = _("article index")

    def get_articles(self, topic: str | None = None, person: str | None = None):
        articles = ArticlePage.objects.live().public().child_of(self)
        if topic:
            articles = articles.filter(topics__slug=topic)
        if person:
            articles = articles.filter(
                models.Q(people_mentioned__slug=person) | models.Q(original_author__slug=person)
            )
        return articles.distinct().order_by("-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topic = Topic.objects.filter(slug=slug_param(request, "topic")).first()
        person = Person.objects.filter(slug=slug_param(request, "person")).first()
        articles = self.get_articles(
            topic=topic.slug if topic else None, person=person.slug if person else None
        ).prefetch_related("topics")
        context["articles"] = Paginator(articles, ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["topic"] = topic
        context["person"] = person
        context["topics"] = Topic.objects.all()
        return context


def shared_count(through: type[models.Model], target: str, article_id: int) -> models.Func:
    """How many of ``article_id``'s topics (or people) the outer article shares, through the
    many-to-many table ``through`` whose other column is ``target``."""
    own = through.objects.filter(articlepage_id=article_id).values(target)
    shared = (
        through.objects.filter(articlepage_id=models.OuterRef("pk"), **{f"{target}__in": own})
        .order_by()
        .values("articlepage_id")
        .annotate(n=models.Count("*"))
        .values("n")
    )
    return models.functions.Coalesce(models.Subquery(shared), 0)


class ArticlePage(
    EditorialPagePermissions,
    PublishInOneTransaction,
    CachedViewRestrictions,
    ReferencesCheckedTogether,
    Page,
):
    """A Chinese translation of an English article, held section by section beside the
    original. Sections are edited inline (``ArticleSection``); people, quotes and topics are
    snippets chosen from the admin."""

    headline = models.CharField(
        _("headline"),
        max_length=300,
        blank=True,
        help_text=_("Shown above the article; the page title is used when empty."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    seo_description = models.CharField(
        _("search engine description"),
        max_length=300,
        blank=True,
        help_text=_("Shown by search engines and link previews; the summary is used when empty."),
    )

    original_url = models.URLField(
        _("original address"), max_length=500, help_text=_("Where the English article lives.")
    )
    original_title = models.CharField(
        _("original title"),
        max_length=300,
        blank=True,
        help_text=_("As the English original gives it; empty until the original is attached."),
    )
    original_author_name = models.CharField(
        _("original author (as credited)"),
        max_length=200,
        blank=True,
        help_text=_("The byline as the original gives it. Choose the person below if known."),
    )
    original_author = models.ForeignKey(
        "people.Person",
        verbose_name=_("original author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_authored",
    )
    original_published = models.DateField(_("original publication date"), null=True, blank=True)
    platform = models.CharField(
        _("platform"), max_length=20, choices=Platform.choices, default=Platform.BLOG
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.UNKNOWN,
        help_text=_("On what terms the original may be translated and shown."),
    )
    show_original = models.BooleanField(
        _("readers may see the original"),
        default=False,
        help_text=_(
            "Show the full English original beside the translation. Leave off unless the "
            "licence allows it."
        ),
    )
    # A translation imported without its English: readers are told the original is not
    # attached, and the article is not submitted until it is or an editor says why not.
    original_attached = models.BooleanField(
        _("original attached"),
        default=True,
        help_text=_(
            "Off while the English original of a translation imported on its own is missing; "
            "attach it with “Attach original”."
        ),
    )
    no_original_reason = models.TextField(
        _("why there is no original"),
        blank=True,
        help_text=_(
            "Editors only: why this translation goes ahead without its English original. "
            "Needed to submit an article whose original is not attached."
        ),
    )

    translators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translators"),
        blank=True,
        related_name="translated_articles",
        limit_choices_to={"groups__name": "Translators"},
    )
    translation_method = models.CharField(
        _("translation method"),
        max_length=20,
        choices=TranslationMethod.choices,
        default=TranslationMethod.AI_ASSISTED,
    )
    ai_model = models.CharField(
        _("AI model"),
        max_length=100,
        blank=True,
        help_text=_("The model that drafted the translation, named in the disclosure."),
    )
    disclosure = models.TextField(
        _("translator's disclosure"),
        blank=True,
        help_text=_("Optional words of your own shown with the automatic disclosure."),
    )
    publisher_credit = models.CharField(
        _("publisher credit"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Compiled by the Duizhao desk'."),
    )

    topics = ParentalManyToManyField("articles.Topic", verbose_name=_("topics"), blank=True)
    people_mentioned = ParentalManyToManyField(
        "people.Person",
        verbose_name=_("people mentioned"),
        blank=True,
        related_name="articles_mentioning",
    )

    content_panels = [
        # Wagtail's title names the page in its page tree, history and address (the slug);
        # readers and the admin's lists see the headline.
        TitleFieldPanel(
            "title",
            heading=_("Internal title"),
            help_text=_(
                "For the desk only: the address is made from it. Readers see the headline below."
            ),
            placeholder=False,
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("headline_en", help_text=HEADLINE_HELP),
                        FieldPanel("headline_zh_hans", help_text=HEADLINE_HELP),
                    ]
                ),
                FieldRowPanel([FieldPanel("summary_en"), FieldPanel("summary_zh_hans")]),
            ],
            heading=_("Headline and summary"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("original_url"),
                FieldRowPanel([FieldPanel("original_title"), FieldPanel("platform")]),
                FieldRowPanel(
                    [
                        FieldPanel("original_author_name"),
                        FieldPanel("original_author"),
                        FieldPanel("original_published"),
                    ]
                ),
                FieldRowPanel([FieldPanel("licence"), FieldPanel("show_original")]),
                FieldRowPanel(
                    [
                        YesNoFieldPanel("original_attached", read_only=True),
                        FieldPanel("no_original_reason"),
                    ]
                ),
            ],
            heading=_("Original"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("translation_method"), FieldPanel("ai_model")]),
                FieldPanel("translators"),
                FieldRowPanel([FieldPanel("disclosure_en"), FieldPanel("disclosure_zh_hans")]),
                FieldPanel("publisher_credit"),
            ],
            heading=_("Translation"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("people_mentioned")],
            heading=_("Topics and people"),
        ),
        SectionsPanel("sections", heading=_("Sections"), label=_("Section")),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldRowPanel([FieldPanel("seo_description_en"), FieldPanel("seo_description_zh_hans")]),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("headline_zh_hans"),
        index.SearchField("headline_en"),
        index.SearchField("summary_zh_hans"),
        index.SearchField("original_title"),
        # The English is indexed only where the licence lets readers see it.
        index.RelatedFields(
            "sections", [index.SearchField("body_zh_hans"), index.SearchField("public_text_en")]
        ),
        index.FilterField("translation_method"),
    ]

    api_fields = [
        APIField("headline_en"),
        APIField("headline_zh_hans"),
        APIField("summary_en"),
        APIField("summary_zh_hans"),
        APIField("original_url"),
        APIField("original_title"),
        APIField("original_author_name"),
        APIField("original_author_id"),
        APIField("original_published"),
        APIField("platform"),
        APIField("licence"),
        APIField("show_original"),
        APIField("translation_method"),
        APIField("ai_model"),
        # The AI label's facts, as the page head and the visible disclosure carry them.
        APIField("ai_label", serializer=AILabelField()),
        APIField("publisher_credit"),
        APIField("sections"),
    ]

    base_form_class = ArticlePageForm
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types: list[str] = []
    template = "articles/article_page.html"

    class Meta:
        verbose_name = _("article")

    def get_admin_display_title(self) -> str:
        """What the admin lists and names the article by: the headline readers see in the
        user's language (the other language's when it has none), as the article page does."""
        return self.headline or super().get_admin_display_title()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "sections" in update_fields:
            self.record_section_facts()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.record_section_facts()
        return super().save_revision(*args, **kwargs)

    def get_indexed_instance(self):
        """The page as the search index reads it, its sections read once: the index's title,
        body and autocomplete texts would each read them again."""
        page = super().get_indexed_instance()
        if page is not None and page.pk is not None:
            models.prefetch_related_objects([page], "sections")
        return page

    def record_section_facts(self) -> None:
        """Facts kept on the sections as they are saved. Source drift: the English each
        section was first translated against (``articles.review.engine.drift``). The
        disclosure: how much of its AI draft each section kept, worked out only for sections
        whose draft or Chinese changed (``articles.content.disclosure_facts``). Works on the
        in-memory sections, so a draft's revision carries the record and publishing writes it
        to the rows."""
        sections = list(self.sections.all())
        sources = record_translation_sources(sections)
        if record_draft_efforts(sections) or sources:
            self.sections.set(sections)

    def section_list(self) -> list:
        """Sections in order, numbered from 1 (``position``, used in ``#section-N`` links),
        with their quotes and speakers loaded in the same query."""
        return numbered(self.sections.all().select_related("quote__speaker"))

    def get_disclosure(self, sections: list | None = None) -> Disclosure:
        sections = self.section_list() if sections is None else sections
        method, model = effective_method(self.translation_method, self.ai_model, sections)
        return disclosure_for(
            method=method,
            model=model,
            statuses=[section.status for section in sections],
            original_attached=self.original_attached,
        )

    @cached_property
    def ai_label(self) -> AILabel:
        """The AI label's facts, from the disclosure readers see (``articles.content.ai_label``)."""
        return ai_label_for(self.display.disclosure, self.last_published_at)

    @cached_property
    def signoff_decisions(self) -> dict:
        """Latest reviewer decision per (section key, content hash), in one query."""
        return self.signoffs.latest_decisions()

    @cached_property
    def display(self) -> ArticleDisplay:
        """Everything the article body shows, loaded on first use: inside a cached
        fragment none of these queries run. Sections are the reader's view of them, without
        the English when the licence keeps the original back."""
        sections = self.section_list()
        shown = public_sections(self, sections)
        return ArticleDisplay(
            sections=shown,
            disclosure=self.get_disclosure(sections),
            cut_sections=[section for section in shown if section.is_cut],
            people=list(self.people_mentioned.all()),
            topics=list(self.topics.all()),
            translator_names=[
                user.get_full_name() or user.get_username() for user in self.translators.all()
            ],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["original_visible"] = original_visible(self)
        context["bilingual"] = (
            context["original_visible"] and request.GET.get("view") == "bilingual"
        )
        context["content_version"] = content_version()
        return context

    @cached_property
    def neighbours(self) -> dict:
        """The articles just before and after this one in its index (by first publication)
        and up to three related ones, those sharing most topics and people first. Read inside
        the cached article fragment, so a warm visit runs none of these queries; a cold one
        runs the same few however many sections the article has."""
        readable = ArticlePage.objects.live().public().exclude(pk=self.pk)
        same_author = models.Q(original_author_id=self.original_author_id or -1)
        # Counted in correlated subqueries rather than by joining both many-to-many tables,
        # whose rows would multiply (topics x people per article) and make one query slow.
        related = (
            readable.annotate(
                shared=shared_count(ArticlePage.topics.through, "topic_id", self.pk)
                + shared_count(ArticlePage.people_mentioned.through, "person_id", self.pk)
                + models.Case(models.When(same_author, then=1), default=0)
            )
            .filter(shared__gt=0)
            .order_by("-shared", "-first_published_at", "-pk")
        )
        siblings = readable.sibling_of(self, inclusive=False)
        published = self.first_published_at
        if published is None:  # a preview of a page never published has no place in order
            previous, following = siblings.none(), siblings.none()
        else:
            previous = siblings.filter(first_published_at__lt=published).order_by(
                "-first_published_at", "-pk"
            )
            following = siblings.filter(first_published_at__gt=published).order_by(
                "first_published_at", "pk"
            )
        return {
            "previous_article": previous[:1],
            "next_article": following[:1],
            "related_articles": related[:3],
        }
