"""Editorial roles as data: the groups and exactly the permissions each one has.

Applied by a data migration (so every database has them) and re-applied by ``load_demo``.
Translators write but cannot publish; reviewers read and sign off but cannot edit page
content; editors can do both. Functions take an app registry so migrations can pass their
historical one.
"""

EDITORS = "Editors"
TRANSLATORS = "Translators"
REVIEWERS = "Reviewers"

#: Page permissions granted on the home page, and so on every article below it.
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITORS: (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "delete_page",
        "view_page",
    ),
    TRANSLATORS: ("add_page", "change_page", "view_page"),
    REVIEWERS: ("view_page",),
}

#: Model permissions as "app_label.codename".
MODEL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITORS: (
        "wagtailadmin.access_admin",
        *(
            f"people.{action}_{model}"
            for model in ("person", "quote", "term", "organisation")
            for action in ("add", "change", "delete", "view")
        ),
        *(f"articles.{action}_topic" for action in ("add", "change", "delete", "view")),
        # Settings → check severities: which findings block submission.
        "articles.change_checkpolicy",
    ),
    TRANSLATORS: (
        "wagtailadmin.access_admin",
        *(
            f"people.{action}_{model}"
            for model in ("person", "quote", "term", "organisation")
            for action in ("add", "change", "view")
        ),
        "articles.view_topic",
    ),
    REVIEWERS: (
        "wagtailadmin.access_admin",
        "people.view_person",
        "people.view_quote",
        "people.view_term",
        "people.view_organisation",
        "articles.view_topic",
    ),
}

#: Image and document permissions granted on the root collection.
COLLECTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITORS: (
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ),
    TRANSLATORS: (
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
    ),
    REVIEWERS: (),
}

ROLE_NAMES = (EDITORS, TRANSLATORS, REVIEWERS)


def _permission(apps, dotted: str):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    model = codename.split("_", 1)[1]
    if codename == "access_admin":
        model = "admin"
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def apply_roles(apps) -> None:
    """Create the three groups and set their permissions to exactly the lists above."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    home = Page.objects.filter(depth=2).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name in ROLE_NAMES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(apps, p) for p in MODEL_PERMISSIONS[name]])
        if home is not None:
            wanted = [_permission(apps, f"wagtailcore.{c}") for c in PAGE_PERMISSIONS[name]]
            _sync(GroupPagePermission, group, "page", home, wanted)
        if root_collection is not None:
            wanted = [_permission(apps, dotted) for dotted in COLLECTION_PERMISSIONS[name]]
            _sync(GroupCollectionPermission, group, "collection", root_collection, wanted)


def _sync(model, group, target_field: str, target, wanted: list) -> None:
    """Make the group's permissions on ``target`` exactly ``wanted``, touching only changes."""
    existing = model.objects.filter(group=group)
    existing.exclude(**{target_field: target}).delete()
    existing.exclude(permission__in=wanted).delete()
    have = set(existing.values_list("permission_id", flat=True))
    for permission in wanted:
        if permission.pk not in have:
            model.objects.create(group=group, permission=permission, **{target_field: target})


def has_role(user, *roles: str) -> bool:
    """Whether ``user`` is active and in one of ``roles`` (superusers are in every role).
    The user's group names are read once and kept on the user object: page listings ask
    once per row."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_duizhao_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._duizhao_group_names = names
    return bool(names.intersection(roles))
