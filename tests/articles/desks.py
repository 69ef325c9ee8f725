"""Two desks: two article indexes, each with its own editors, translators and reviewers.

The role groups (Editors, Translators, Reviewers) keep the role and its model permissions but
lose their page permissions; each desk has one group per role granted that role's page
permissions on its own index only, as a newsroom would narrow access. Each desk has one
unpublished article with a full section carrying an AI draft and an abridged section awaiting
sign-off, every text marked with the desk's name so a test can tell whether a response shows
anything of the other desk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page

from articles.editorial.roles import EDITORS, PAGE_PERMISSIONS, REVIEWERS, ROLE_NAMES, TRANSLATORS
from articles.models import ArticleIndexPage, ArticlePage, ArticleSection
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ArticleSectionFactory
from tests.site_data import ensure_site_data

ROLE_KEYS = {"editor": EDITORS, "translator": TRANSLATORS, "reviewer": REVIEWERS}


@dataclass
class Desk:
    name: str
    index: ArticleIndexPage
    article: ArticlePage
    users: dict = field(default_factory=dict)

    @property
    def marker(self) -> str:
        """Text found only in this desk's article (title, headings, bodies, notes)."""
        return f"机密{self.name}"

    @property
    def full_section(self) -> ArticleSection:
        return self.article.sections.get(status="full")

    @property
    def cut_section(self) -> ArticleSection:
        return self.article.sections.get(status="abridged")


def _grant(group: Group, page: Page, role: str) -> None:
    for codename in PAGE_PERMISSIONS[role]:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def _build_desk(name: str, owner) -> Desk:
    index = ArticleIndexPageFactory(title=f"Desk {name}", slug=f"desk-{name.lower()}")
    marker = f"机密{name}"
    article = ArticlePageFactory(
        parent=index,
        title=f"{marker}文章",
        headline_zh_hans=f"{marker}标题",
        live=False,
        owner=owner,
    )
    ArticleSectionFactory(
        page=article,
        heading_zh_hans=f"{marker}第一节",
        body_zh_hans=f"<p>{marker}正文。</p>",
        ai_draft=f"{marker}初稿。",
        ai_draft_model="desk-model",
        ai_drafted_at=timezone.now(),
    )
    ArticleSectionFactory(
        page=article,
        heading_zh_hans=f"{marker}第二节",
        body_zh_hans=f"<p>{marker}删节后的正文。</p>",
        status="abridged",
        note=f"{marker}删去了一段例子。",
    )
    article.save_revision(user=owner)
    return Desk(name=name, index=ArticleIndexPage.objects.get(pk=index.pk), article=article)


def build_desks() -> dict[str, Desk]:
    """Desks "A" and "B", each with an editor, translator and reviewer of its own."""
    ensure_site_data()
    GroupPagePermission.objects.filter(group__name__in=ROLE_NAMES).delete()
    User = get_user_model()
    desks = {}
    for name in ("A", "B"):
        users = {}
        for key, role in ROLE_KEYS.items():
            desk_group = Group.objects.create(name=f"Desk {name} {role}")
            user = User.objects.create_user(username=f"{key}_{name.lower()}", password="pw")
            user.groups.add(Group.objects.get(name=role), desk_group)
            users[key] = user
        desk = _build_desk(name, owner=users["editor"])
        for role in ROLE_KEYS.values():
            _grant(Group.objects.get(name=f"Desk {name} {role}"), desk.index, role)
        desk.users = users
        desk.article = ArticlePage.objects.get(pk=desk.article.pk)
        desks[name] = desk
    return desks
