"""Signal receivers, connected once the app is ready (``ArticlesConfig.ready``).

Every saved revision of an article updates the editorial index and the audit log, whichever
path saved it (editor, import, AI drafts, revert). Saving or deleting anything an article
shows (a person, quote, topic or user) moves the version of cached article fragments
(``articles.content.page_cache``)."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save

from wagtail.models import Revision

from articles.content.page_cache import bump_content_version
from articles.editorial.workflow import log_section_changes, sync_latest_sections
from articles.models import ArticlePage, Topic, section_versions
from people.models import Person, Quote


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
    sync_latest_sections(page, instance)


def connect_signals() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="duizhao-revision-saved")
    for model in (Person, Quote, Topic, get_user_model()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"bump-d-{model}")
