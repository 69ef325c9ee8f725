from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from articles import signals
        from articles.editorial import workflow_names

        signals.connect_signals()
        workflow_names.install()
