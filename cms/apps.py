from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CmsConfig(AppConfig):
    name = "cms"

    def ready(self) -> None:
        # Models are ready only now.
        from wagtail.models import PageViewRestriction, Site

        from cms import admin_sidebar
        from cms.sites import sites_changed
        from cms.view_restrictions import restrictions_changed

        for model, receiver in ((Site, sites_changed), (PageViewRestriction, restrictions_changed)):
            name = model.__name__
            post_save.connect(receiver, sender=model, dispatch_uid=f"duizhao-saved-{name}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"duizhao-deleted-{name}")
        admin_sidebar.install()
