"""Public pages for people and quotes."""

from django.db.models import Q
from django.views.generic import DetailView, ListView

from articles.models import ArticlePage
from people.models import Person, Quote


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
        context["articles"] = list(
            ArticlePage.objects.live()
            .public()
            .filter(Q(people_mentioned=person) | Q(original_author=person))
            .distinct()
            .order_by("-first_published_at")
        )
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
        context["articles"] = list(
            ArticlePage.objects.live()
            .public()
            .filter(sections__quote=self.object)
            .distinct()
            .order_by("-first_published_at")
        )
        return context
