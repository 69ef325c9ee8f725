"""The admin's sidebar is made once per user and language and kept (cms/admin_sidebar.py).
Whatever changes what it should show — what the user may do, who they are, the page tree,
the settings — shows on the user's very next screen, whichever way the change is made."""

import json
from collections.abc import Iterator

from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import set_script_prefix
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

import pytest
from selectolax.lexbor import LexborHTMLParser

from articles.models import HomePage
from cms import admin_sidebar
from tests.admin_users import in_english, logged_in
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

USERS = "/admin/users/"
LOCKOUTS = "/admin/sign-in-lockouts/"
IMAGES = "/admin/images/"
PAGES = "/admin/pages/"
ABRIDGMENTS = "/admin/reports/abridgments/"
ACCOUNT = "/admin/account/"


def _unpacked(value, seen: dict):
    """Telepath's JSON with its shared values (``_id``, ``_ref``) put back in place."""
    if isinstance(value, list):
        return [_unpacked(item, seen) for item in value]
    if not isinstance(value, dict):
        return value
    if "_ref" in value:
        return seen[value["_ref"]]
    if "_val" in value:
        seen[value["_id"]] = _unpacked(value["_val"], seen)
        return seen[value["_id"]]
    if "_dict" in value:
        value = value["_dict"]
    return {key: _unpacked(item, seen) for key, item in value.items()}


def _nodes(value) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)


class Sidebar:
    """The sidebar as its script receives it, read from the screen."""

    def __init__(self, client: Client, address: str = "/admin/"):
        response = client.get(address)
        assert response.status_code == 200
        self._read(response.content.decode())

    @classmethod
    def from_html(cls, html: str) -> "Sidebar":
        sidebar = cls.__new__(cls)
        sidebar._read(html)
        return sidebar

    def _read(self, html: str) -> None:
        script = LexborHTMLParser(html).css_first("#wagtail-sidebar-props")
        self.props = _unpacked(json.loads(script.text()), {})
        self.items = [node for node in _nodes(self.props) if "label" in node]

    @property
    def links(self) -> set[str]:
        return {item["url"] for item in self.items if "url" in item}

    @property
    def labels(self) -> set[str]:
        return {item["label"] for item in self.items}

    def _args(self, kind: str) -> list[list]:
        """The arguments of each component of this kind (``MainMenuModule``, say)."""
        return [
            node["_args"] for node in _nodes(self.props) if node.get("_type", "").endswith(kind)
        ]

    @property
    def user_name(self) -> str:
        return self._args("MainMenuModule")[0][2]["name"]

    @property
    def avatar(self) -> str:
        return self._args("MainMenuModule")[0][2]["avatarUrl"]

    @property
    def explorer_start(self) -> int | None:
        found = self._args(".PageExplorerMenuItem")
        return found[0][1] if found else None

    def dismissed(self, name: str) -> bool:
        item = next(item for item in self.items if item.get("name") == name)
        return item["attrs"].get("data-w-dismissible-dismissed-value") == "true"


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Each sidebar Wagtail builds, by the user it was built for."""
    made: list[int] = []
    wagtails = admin_sidebar._wagtails_sidebar_props

    def counted(context):
        made.append(context["request"].user.pk)
        return wagtails(context)

    monkeypatch.setattr(admin_sidebar, "_wagtails_sidebar_props", counted)
    return made


@pytest.fixture
def visitors(home_page) -> Group:
    """A group that may reach the admin and do nothing in it."""
    group = Group.objects.create(name="Visitors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


@pytest.fixture
def visitor(visitors, django_user_model):
    user = django_user_model.objects.create_user(username="vi", password="pw-vi", first_name="Vi")
    user.groups.add(visitors)
    return user


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def test_a_users_sidebar_is_built_once_and_read_on_the_next_screens(builds, translator_user):
    client = logged_in(translator_user)
    first = Sidebar(client)
    assert Sidebar(client, ABRIDGMENTS).props == first.props
    assert Sidebar(client).props == first.props
    assert builds == [translator_user.pk]


def test_each_user_sees_their_own_sidebar(builds, translator_user, admin_user):
    admins = Sidebar(logged_in(admin_user))
    translators = Sidebar(logged_in(translator_user))
    assert USERS in admins.links
    assert USERS not in translators.links
    assert translators.user_name == translator_user.username
    assert builds == [admin_user.pk, translator_user.pk]


def test_signing_in_leaves_the_kept_sidebars_alone(builds, translator_user, editor_user):
    translators = logged_in(translator_user)
    Sidebar(translators)
    assert Client().login(username=editor_user.username, password="pw-ed")  # saves last_login
    Sidebar(translators)
    assert builds == [translator_user.pk]


def _page_permission(visitors: Group) -> GroupPagePermission:
    return GroupPagePermission(
        group=visitors,
        page=HomePage.objects.get(),
        permission=_permission("wagtailcore.change_page"),
    )


def _collection_permission(visitors: Group) -> GroupCollectionPermission:
    return GroupCollectionPermission(
        group=visitors,
        collection=Collection.get_first_root_node(),
        permission=_permission("wagtailimages.add_image"),
    )


# What each grant opens, how it is given and how it is taken back.
GRANTS = {
    "membership of a group": (
        ABRIDGMENTS,
        lambda user, _group: user.groups.add(Group.objects.get(name="Translators")),
        lambda user, _group: Group.objects.get(name="Translators").user_set.remove(user),
    ),
    "a group's permission": (
        LOCKOUTS,
        lambda _user, group: group.permissions.add(_permission("axes.delete_accessattempt")),
        lambda _user, group: group.permissions.remove(_permission("axes.delete_accessattempt")),
    ),
    "the user's own permission": (
        LOCKOUTS,
        lambda user, _group: user.user_permissions.add(_permission("axes.delete_accessattempt")),
        lambda user, _group: user.user_permissions.clear(),
    ),
    "a page permission": (
        PAGES,
        lambda _user, group: _page_permission(group).save(),
        lambda _user, group: GroupPagePermission.objects.get(group=group).delete(),
    ),
    "a collection permission": (
        IMAGES,
        lambda _user, group: _collection_permission(group).save(),
        lambda _user, group: GroupCollectionPermission.objects.get(group=group).delete(),
    ),
}


@pytest.mark.parametrize("grant", GRANTS)
def test_a_grant_and_its_withdrawal_show_at_once(visitor, visitors, grant):
    link, give, take = GRANTS[grant]
    client = logged_in(visitor)
    assert link not in Sidebar(client).links
    give(visitor, visitors)
    assert link in Sidebar(client).links
    take(visitor, visitors)
    assert link not in Sidebar(client).links


def test_a_renamed_group_takes_its_role_with_it(translator_user):
    client = logged_in(translator_user)
    assert ABRIDGMENTS in Sidebar(client).links
    group = Group.objects.get(name="Translators")
    group.name = "Former translators"
    group.save()
    assert ABRIDGMENTS not in Sidebar(client).links


def test_a_deleted_group_takes_its_permissions_with_it(visitor, visitors):
    client = logged_in(visitor)
    visitors.permissions.add(_permission("axes.delete_accessattempt"))
    assert LOCKOUTS in Sidebar(client).links
    second = Group.objects.create(name="Second visitors")
    second.permissions.add(_permission("wagtailadmin.access_admin"))
    visitor.groups.add(second)
    assert LOCKOUTS in Sidebar(client).links
    visitors.delete()
    assert LOCKOUTS not in Sidebar(client).links


def test_a_deleted_or_renamed_permission_is_gone_at_once(visitor, visitors):
    client = logged_in(visitor)
    unlock = _permission("axes.delete_accessattempt")
    visitors.permissions.add(unlock)
    assert LOCKOUTS in Sidebar(client).links
    unlock.codename = "former_delete_accessattempt"
    unlock.save()
    assert LOCKOUTS not in Sidebar(client).links
    unlock.codename = "delete_accessattempt"
    unlock.save()
    assert LOCKOUTS in Sidebar(client).links
    unlock.delete()
    assert LOCKOUTS not in Sidebar(client).links


def test_becoming_a_superuser_shows_at_once(visitor):
    client = logged_in(visitor)
    assert USERS not in Sidebar(client).links
    visitor.is_superuser = True
    visitor.save()
    assert USERS in Sidebar(client).links


def test_page_permissions_given_in_the_group_editor_show_at_once(visitor, visitors, admin_user):
    """Wagtail's group editor writes page permissions in bulk, without a signal per row."""
    client = logged_in(visitor)
    assert PAGES not in Sidebar(client).links
    home = HomePage.objects.get()
    address = f"/admin/groups/edit/{visitors.pk}/"
    admin = logged_in(admin_user)
    form = RenderedForm(admin.get(address).content, 'form:has([name="name"])')
    count = int(form.get("page_permissions-TOTAL_FORMS"))
    form.set("page_permissions-TOTAL_FORMS", str(count + 1))
    form.set(f"page_permissions-{count}-page", str(home.pk))
    data = form.data()
    data[f"page_permissions-{count}-permissions"] = ["change_page"]  # the box the admin ticks
    response = admin.post(address, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert GroupPagePermission.objects.filter(group=visitors, page=home).exists()
    sidebar = Sidebar(client)
    assert PAGES in sidebar.links
    assert sidebar.explorer_start == home.pk
    GroupPagePermission.objects.filter(group=visitors).delete()
    assert PAGES not in Sidebar(client).links


def test_a_moved_page_moves_the_explorers_start(visitor, visitors, home_page):
    first = home_page.add_child(instance=Page(title="First desk", slug="first-desk"))
    second = home_page.add_child(instance=Page(title="Second desk", slug="second-desk"))
    change = _permission("wagtailcore.change_page")
    for page in (first, second):
        GroupPagePermission.objects.create(group=visitors, page=page, permission=change)
    client = logged_in(visitor)
    assert Sidebar(client).explorer_start == home_page.pk
    second.move(first, pos="last-child")
    assert Sidebar(client).explorer_start == first.pk


def test_a_new_name_shows_at_once(visitor):
    client = logged_in(visitor)
    assert Sidebar(client).user_name == "Vi"
    visitor.first_name = "Violet"
    visitor.save()
    assert Sidebar(client).user_name == "Violet"


def test_a_dismissed_badge_stays_dismissed(translator_user):
    client = logged_in(translator_user)
    sidebar = Sidebar(client)
    badge = next(item["name"] for item in sidebar.items if item["name"].startswith("whats-new"))
    assert not sidebar.dismissed(badge)
    response = client.patch(
        "/admin/dismissibles/", json.dumps({badge: True}), content_type="application/json"
    )
    assert response.status_code == 200
    assert Sidebar(client).dismissed(badge)


def test_the_sidebar_speaks_the_users_new_language(translator_user):
    client = logged_in(translator_user)
    assert "报告" in Sidebar(client).labels
    in_english(translator_user)
    labels = Sidebar(client).labels
    assert "Reports" in labels
    assert "报告" not in labels


def test_changed_settings_show_at_once(visitor, settings):
    client = logged_in(visitor)
    visitor.email = "vi@example.com"
    visitor.save()
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    assert "gravatar" not in Sidebar(client).avatar
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "https://avatars.example.com/avatar"
    assert Sidebar(client).avatar.startswith("https://avatars.example.com/avatar/")


def test_a_new_account_with_a_deleted_accounts_number_gets_its_own(
    admin_user, visitor, django_user_model
):
    number = admin_user.pk
    assert USERS in Sidebar(logged_in(admin_user)).links
    admin_user.delete()
    newcomer = django_user_model.objects.create_user(pk=number, username="new", password="pw")
    newcomer.groups.add(Group.objects.get(name="Visitors"))
    assert USERS not in Sidebar(logged_in(newcomer)).links


def _rendered_tag(user) -> Sidebar:
    """``{% sidebar_props %}`` rendered in whatever language and address prefix are active."""
    request = RequestFactory().get("/admin/")
    request.user = user
    html = Template("{% load wagtailadmin_tags %}{% sidebar_props %}").render(
        Context({"request": request})
    )
    return Sidebar.from_html(html)


def test_the_sidebar_is_in_the_language_it_is_rendered_in(translator_user):
    with translation.override("zh-hans"):
        assert "报告" in _rendered_tag(translator_user).labels
    with translation.override("en"):
        assert "Reports" in _rendered_tag(translator_user).labels


def test_the_sidebar_links_under_the_address_prefix_it_is_rendered_under(translator_user):
    assert ACCOUNT in _rendered_tag(translator_user).links
    set_script_prefix("/cms/")
    try:
        assert f"/cms{ACCOUNT}" in _rendered_tag(translator_user).links
    finally:
        set_script_prefix("/")


def test_a_deleted_profile_takes_its_dismissed_badges_with_it(translator_user):
    client = logged_in(translator_user)
    client.patch("/admin/dismissibles/", json.dumps({"editor-guide": True}), "application/json")
    assert Sidebar(client).dismissed("editor-guide")
    translator_user.wagtail_userprofile.delete()
    assert not Sidebar(client).dismissed("editor-guide")


def test_with_a_cache_that_keeps_nothing_every_screen_builds_its_own(visitor, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client = logged_in(visitor)
    assert LOCKOUTS not in Sidebar(client).links
    visitor.user_permissions.add(_permission("axes.delete_accessattempt"))
    assert LOCKOUTS in Sidebar(client).links


def test_a_change_made_without_signals_shows_within_the_kept_time(visitor, visitors, monkeypatch):
    clock = [1_000_000 * admin_sidebar.KEPT_SECONDS]
    monkeypatch.setattr(admin_sidebar, "_clock", lambda: clock[0])
    client = logged_in(visitor)
    assert IMAGES not in Sidebar(client).links
    GroupCollectionPermission.objects.bulk_create([_collection_permission(visitors)])
    clock[0] += admin_sidebar.KEPT_SECONDS - 1
    assert IMAGES not in Sidebar(client).links  # kept: nothing said it changed
    clock[0] += 1
    assert IMAGES in Sidebar(client).links
