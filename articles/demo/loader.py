"""Loads the demo content (``articles/demo/content.py``) and demo users into the database.

Idempotent: what exists already is left as it is, so a second run changes nothing."""

import secrets
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps as app_registry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from articles.content.cut_sentences import coverage_record
from articles.demo import content
from articles.editorial.roles import EDITORS, REVIEWERS, TRANSLATORS, apply_roles
from articles.editorial.section_rules import numbered
from articles.editorial.workflow import assign_translation_workflow, record_signoff
from articles.importing.engine.coverage import section_coverage
from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticleSection,
    DraftState,
    HomePage,
    LatestSection,
    Topic,
)
from articles.person_names import load_person_names
from articles.richtext import html_to_text
from cms.site_url import sync_default_site
from people.models import Person, Quote, Term

# Names as a Chinese desk writes them, whole in the first name (Django joins first and last
# with a space, in that order).
DEMO_USERS = (
    ("admin", None, "管理员", ""),
    ("editor", EDITORS, "陈静", ""),
    ("translator", TRANSLATORS, "李明远", ""),
    ("reviewer", REVIEWERS, "周蕾", ""),
)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    passwords: dict[str, str] = field(default_factory=dict)
    article: ArticlePage | None = None


def _lines(values: list[str]) -> str:
    return "\n".join(values)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_people(report: LoadReport) -> dict[str, Person]:
    people = {}
    for item in content.PEOPLE:
        person, created = Person.objects.get_or_create(
            slug=item["key"].replace("_", "-"),
            defaults={
                "name_en": item["name_en"],
                "name_zh_hans": item["name_zh"],
                "aliases": _lines(item.get("aliases", [])),
                "misspellings": _lines(item.get("misspellings", [])),
                "role_en": item.get("role_en", ""),
                "role_zh_hans": item.get("role_zh", ""),
                "affiliation_en": item.get("affiliation_en", ""),
                "affiliation_zh_hans": item.get("affiliation_zh", ""),
                "bio_en": item.get("bio_en", ""),
                "bio_zh_hans": item.get("bio_zh", ""),
                "links": _lines(item.get("links", [])),
            },
        )
        if created:
            report.created.append(f"person {person.name_en}")
        people[item["key"]] = person
    return people


def load_quotes(report: LoadReport, people: dict[str, Person]) -> dict[str, Quote]:
    quotes = {}
    for item in content.QUOTES:
        quote, created = Quote.objects.get_or_create(
            text_en=item["text_en"],
            speaker=people[item["speaker"]],
            defaults={
                "text_zh_hans": item["text_zh"],
                "source_url": item.get("source_url", ""),
                "said_on": _date(item.get("said_on")),
                "context_en": item.get("context_en", ""),
                "context_zh_hans": item.get("context_zh", ""),
            },
        )
        if created:
            report.created.append(f"quote by {quote.speaker.name_en}")
        quotes[item["key"]] = quote
    return quotes


def load_terms(report: LoadReport) -> None:
    for item in content.TERMS:
        _, created = Term.objects.get_or_create(
            term_en=item["english"],
            defaults={
                "term_zh_hans": item["chinese"],
                "notes": item.get("notes", ""),
                "case_sensitive": item.get("case_sensitive", False),
                "forbidden": _lines(item.get("forbidden", [])),
            },
        )
        if created:
            report.created.append(f"term {item['english']}")


def load_topics(report: LoadReport) -> dict[str, Topic]:
    topics = {}
    for item in content.TOPICS:
        topic, created = Topic.objects.get_or_create(
            slug=item["slug"],
            defaults={"name_en": item["name_en"], "name_zh_hans": item["name_zh"]},
        )
        if created:
            report.created.append(f"topic {topic.slug}")
        topics[item["slug"]] = topic
    return topics


@dataclass
class DemoLogin:
    username: str
    role: str
    exists: bool
    password: str = ""  # only when just set: passwords are stored hashed


def demo_logins(*, reset: bool = False) -> list[DemoLogin]:
    """The demo accounts and their roles; with ``reset``, each existing one gets a new random
    password, returned once (the old one stops working)."""
    User = get_user_model()
    logins = []
    for username, group_name, _first, _last in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        login = DemoLogin(username, group_name or "Administrator", exists=user is not None)
        if user is not None and reset:
            login.password = secrets.token_urlsafe(12)
            user.set_password(login.password)
            user.save(update_fields=["password"])
        logins.append(login)
    return logins


def load_users(report: LoadReport) -> dict:
    User = get_user_model()
    users = {}
    for username, group_name, first_name, last_name in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.com",
                password=password,
                first_name=first_name,
                last_name=last_name,
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            report.passwords[username] = password
            report.created.append(f"user {username}")
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


def article_index() -> ArticleIndexPage:
    index = ArticleIndexPage.objects.filter(slug="articles").first()
    if index is None:
        home = HomePage.objects.get()
        index = ArticleIndexPage(
            title="文章",
            slug="articles",
            intro_zh_hans="英文科技文章的中文编译，附原文对照。",
            intro_en="Chinese translations of English tech writing, beside the originals.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    assign_translation_workflow(index)
    return index


def section_from(item: dict, quotes: dict[str, Quote], model: str) -> ArticleSection:
    drafted = bool(item.get("ai_draft_zh"))
    return ArticleSection(
        ai_draft_backend="openai" if drafted else "",
        ai_draft_model=model if drafted else "",
        ai_drafted_at=timezone.now() if drafted else None,
        heading_en=item.get("heading_en", ""),
        heading_zh_hans=item.get("heading_zh", ""),
        body_en=item.get("body_en", ""),
        body_zh_hans=item.get("body_zh", ""),
        ai_draft=html_to_text(item.get("ai_draft_zh", "")),  # drafts are plain text
        status=item["status"],
        note=item.get("note", ""),
        quote=quotes.get(item["quote"]) if item.get("quote") else None,
    )


def coverage_anchors() -> list[tuple[str, str]]:
    """Glossary terms and people's names, as (English, Chinese) pairs, as an import uses them."""
    anchors = [
        (term_en, term_zh)
        for term_en, term_zh in Term.objects.values_list("term_en", "term_zh_hans")
        if term_en and term_zh
    ]
    for person in load_person_names():
        anchors += [(e, z) for e in person.names_en for z in person.names_zh]
    return anchors


def store_coverage(section: ArticleSection, anchors: list[tuple[str, str]]) -> None:
    """What an import stores: the section's sentence alignment, so that readers and reports
    see the English sentences a cut left out."""
    body_en, body_zh = section.body_en or "", section.body_zh_hans or ""
    if body_en and body_zh:
        found = section_coverage(body_en, body_zh, glossary=anchors)
        section.coverage = coverage_record(found, body_en, body_zh)


def load_article(report, index, people, quotes, topics, users) -> ArticlePage:
    data = content.ARTICLE
    existing = ArticlePage.objects.filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    author = people[data["original_author"]]
    page = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        headline_en=data["headline_en"],
        headline_zh_hans=data["headline_zh"],
        summary_en=data["summary_en"],
        summary_zh_hans=data["summary_zh"],
        seo_description_en=data.get("seo_description_en", ""),
        seo_description_zh_hans=data.get("seo_description_zh", ""),
        original_url=data["original_url"],
        original_title=data["original_title"],
        original_author_name=author.name_en,
        original_author=author,
        original_published=_date(data.get("original_published")),
        platform=data.get("platform", "blog"),
        licence=data.get("licence", "permission"),
        show_original=data.get("show_original", True),
        translation_method=data.get("translation_method", "ai_assisted"),
        ai_model=data.get("ai_model", ""),
        disclosure_zh_hans=data.get("disclosure_zh", ""),
        publisher_credit=data.get("publisher_credit", ""),
    )
    anchors = coverage_anchors()
    for position, item in enumerate(data["sections"]):
        section = section_from(item, quotes, data.get("ai_model", ""))
        section.sort_order = position
        store_coverage(section, anchors)
        page.sections.add(section)
    page.topics.set([topics[slug] for slug in data["topics"]])
    page.people_mentioned.set([people[key] for key in data["people_mentioned"]])
    page.translators.set([users["translator"]])
    index.add_child(instance=page)
    page.save_revision(user=users["editor"]).publish()
    # The drafting job of each drafted section is done (kept on the latest-revision index).
    drafted = [section.key for section in page.sections.all() if section.ai_draft]
    LatestSection.objects.filter(page=page, section_key__in=drafted).update(
        ai_draft_state=DraftState.DONE
    )
    for section in numbered(page.sections.all()):
        if section.is_cut:
            record_signoff(page, section, users["reviewer"], "approved", "示例：删减已核对。")
    report.created.append(f"article {page.slug}")
    return page


def load_synthetic(report: LoadReport, index: ArticleIndexPage, count: int, sections: int):
    """Plain filler articles for benchmarks: ``count`` articles of ``sections`` sections."""
    for number in range(1, count + 1):
        slug = f"synthetic-{number}-{sections}"
        if ArticlePage.objects.filter(slug=slug).exists():
            continue
        page = ArticlePage(
            title=f"基准测试文章 {number}",
            slug=slug,
            headline_zh_hans=f"基准测试文章 {number}（{sections} 节）",
            headline_en=f"Benchmark article {number} ({sections} sections)",
            original_url=f"https://example.com/benchmark/{number}",
            original_title=f"Benchmark article {number}",
            licence="permission",
            show_original=True,
        )
        for position in range(1, sections + 1):
            year, share = 1980 + position % 40, position % 90 + 5
            page.sections.add(
                ArticleSection(
                    sort_order=position,
                    heading_en=f"Part {position}",
                    heading_zh_hans=f"第 {position} 部分",
                    body_en=f"<p>Paragraph {position}: in {year} the field grew by {share}% "
                    "as networks got deeper.</p>",
                    body_zh_hans=f"<p>第 {position} 段：{year} 年，随着网络加深，"
                    f"这一领域增长了 {share}%。</p>",
                    status="full",
                )
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"article {slug}")


@transaction.atomic
def load_demo(*, articles: int = 0, sections: int = 12) -> LoadReport:
    report = LoadReport()
    sync_default_site()  # pages, feeds and the sitemap name SITE_BASE_URL, not localhost
    apply_roles(app_registry)
    users = load_users(report)
    people = load_people(report)
    quotes = load_quotes(report, people)
    load_terms(report)
    topics = load_topics(report)
    index = article_index()
    report.article = load_article(report, index, people, quotes, topics, users)
    if articles:
        load_synthetic(report, index, articles, sections)
    return report
