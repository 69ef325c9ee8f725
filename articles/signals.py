"""Signal receivers, connected once the app is ready (``ArticlesConfig.ready``).

Every saved revision of an article updates the editorial index and the audit log, whichever
path saved it (editor, import, AI drafts, revert). Publishing, unpublishing, moving or
deleting a page, changing who may view it, and saving or deleting anything pages show (a
person, quote, glossary term, organisation, topic, user or the Site) moves the content version
that cached pages and fragments are keyed on (``articles.content.page_cache``), and asks a
shared cache in front, if one is configured, to forget the addresses that show the page
(``articles.content.frontend_purge``)."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Revision, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from articles.content.frontend_purge import purge_page
from articles.content.page_cache import changes_what_pages_show
from articles.editorial.workflow import log_section_changes, sync_latest_sections
from articles.models import ArticlePage, Topic, section_versions
from cms.page_cache import commit_moves
from people.models import Organisation, Person, Quote, Term


def on_revision_saved(sender, instance: Revision, created: bool, **kwargs) -> None:
    if not created or instance.content_type_id != ContentType.objects.get_for_model(ArticlePage).pk:
        return
    page = ArticlePage.objects.filter(pk=instance.object_id).first()
    if page is None:
        return
    previous = (
        Revision.objects.filter(
            content_type_id=instance.content_type_id,
            object_id=instance.object_id,
            pk__lt=instance.pk,
        )
        .order_by("-pk")
        .first()
    )
    before = section_versions.in_revision(page, previous) if previous else []
    after = section_versions.in_revision(page, instance)
    log_section_changes(instance.user, page, before, after)
    sync_latest_sections(page, instance, after)


def on_page_changed(sender, instance: Page, **kwargs) -> None:
    """Published, unpublished, moved (before and after) or deleted: the page's own addresses
    and every list, feed and page that shows it change."""
    commit_moves.content_changed()
    purge_page(instance)


def on_page_published(sender, instance: Page, **kwargs) -> None:
    """As any change, except that the article's own pages are rendered afresh and cached
    before the publish returns, so its readers do not all miss at once."""
    commit_moves.page_published(instance)
    purge_page(instance)


def on_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A live page saved in full: a publish, or code writing a live page directly (the demo
    loader, a script). A draft's bookkeeping names its fields and changes nothing public."""
    if isinstance(instance, Page) and instance.live and update_fields is None:
        commit_moves.content_changed()


def on_page_deleted(sender, instance, **kwargs) -> None:
    # A deleted page sends this for its specific row and for its base row: act on one.
    if isinstance(instance, Page) and type(instance) is instance.specific_class:
        on_page_changed(sender, instance)


SHOWN_ON_PAGES = (Person, Quote, Term, Organisation, Topic, PageViewRestriction, Site)


def bump_content_version(**kwargs) -> None:
    """Saves and deletes of anything pages show."""
    if changes_what_pages_show(kwargs.get("update_fields")):
        commit_moves.content_changed()


def connect_signals() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="duizhao-revision-saved")
    for model in (*SHOWN_ON_PAGES, get_user_model()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bump-d-{model}")
    page_published.connect(on_page_published, dispatch_uid="page-cache-published")
    for signal in (page_unpublished, pre_page_move, post_page_move):
        signal.connect(on_page_changed, dispatch_uid=f"page-cache-{id(signal)}")
    # Deleting a page deletes its specific row and its base row; any page class will do.
    post_delete.connect(on_page_deleted, dispatch_uid="page-cache-deleted")
    post_save.connect(on_page_saved, dispatch_uid="page-cache-saved")
