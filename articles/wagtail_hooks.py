"""Admin registration for article topics."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name_zh_hans", "name_en", "slug"]
    search_fields = ["name_en", "name_zh_hans", "slug"]
    # Substring matching in the database: Chinese has no spaces for a full-text tokenizer.
    search_backend_name = None
    add_to_admin_menu = True
    menu_order = 300


register_snippet(TopicViewSet)
