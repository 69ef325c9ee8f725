"""Admin registration for people, quotes, the glossary and organisations (one "People" menu),
and the glossary import screen's URL."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from people import glossary_admin
from people.glossary_admin import EXPORT_FIELDS, EXPORT_HEADINGS, GlossaryIndexView
from people.models import Organisation, Person, Quote, Term


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name_zh_hans", "name_en", "role_en", "affiliation_en"]
    list_filter = ["affiliation_en"]
    search_fields = ["name_en", "name_zh_hans", "aliases", "misspellings"]
    # Substring matching in the database: Chinese has no spaces for a full-text tokenizer.
    search_backend_name = None
    list_per_page = 50


class QuoteViewSet(SnippetViewSet):
    model = Quote
    icon = "openquote"
    menu_label = _("Quotes")
    list_display = ["__str__", "speaker", "said_on"]
    list_filter = ["speaker", "said_on"]
    search_fields = ["text_en", "text_zh_hans", "context_en"]
    # Substring matching in the database: Chinese has no spaces for a full-text tokenizer.
    search_backend_name = None
    list_per_page = 50


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "doc-full"
    menu_label = _("Glossary")
    list_display = ["term_en", "term_zh_hans", "case_sensitive"]
    list_filter = ["case_sensitive"]
    search_fields = ["term_en", "term_zh_hans", "notes"]
    # CSV/XLSX download in the format the glossary import reads (people/glossary_admin.py).
    index_view_class = GlossaryIndexView
    list_export = EXPORT_FIELDS
    export_headings = EXPORT_HEADINGS
    export_filename = "glossary"
    # Substring matching in the database: Chinese has no spaces for a full-text tokenizer.
    search_backend_name = None
    list_per_page = 100


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name_zh_hans", "name_en"]
    search_fields = ["name_en", "name_zh_hans", "aliases"]
    # Substring matching in the database: Chinese has no spaces for a full-text tokenizer.
    search_backend_name = None
    list_per_page = 100


class PeopleGroup(SnippetViewSetGroup):
    items = (PersonViewSet, QuoteViewSet, TermViewSet, OrganisationViewSet)
    menu_icon = "group"
    menu_label = _("People & glossary")
    menu_name = "people"


register_snippet(PeopleGroup)


@hooks.register("register_admin_urls")
def admin_urls():
    return glossary_admin.urlpatterns
