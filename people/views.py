"""Public pages for people and quotes; other apps add sections to them
(``people.page_sections``)."""

from django.views.generic import DetailView, ListView

from people.models import Person, Quote
from people.page_sections import PERSON_PAGE_SECTIONS, QUOTE_PAGE_SECTIONS, sections_for


class PersonListView(ListView):
    model = Person
    paginate_by = 30
    template_name = "people/person_list.html"
    context_object_name = "people"


class PersonDetailView(DetailView):
    model = Person
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["quotes"] = list(person.quotes.all())
        context["sections"] = sections_for(PERSON_PAGE_SECTIONS, person)
        return context


class QuoteListView(ListView):
    model = Quote
    paginate_by = 30
    template_name = "people/quote_list.html"
    context_object_name = "quotes"

    def get_queryset(self):
        return Quote.objects.select_related("speaker")


class QuoteDetailView(DetailView):
    model = Quote
    template_name = "people/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return Quote.objects.select_related("speaker")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections_for(QUOTE_PAGE_SECTIONS, self.object)
        return context
