"""Every saved revision of an article updates the editorial index and the audit log,
whichever path saved it (editor, import, AI drafts, revert)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save

from wagtail.models import Revision


def on_revision_saved(sender, instance: Revision, created: bool, **kwargs) -> None:
    from articles.editorial.workflow import log_section_changes, numbered, sync_latest_sections
    from articles.models import ArticlePage

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
    before = numbered(previous.as_object().sections.all()) if previous else []
    after = numbered(instance.as_object().sections.all())
    log_section_changes(instance.user, page, before, after)
    sync_latest_sections(page, instance)


def connect_signals() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="duizhao-revision-saved")
