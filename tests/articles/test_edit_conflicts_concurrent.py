"""Twenty rounds of two editors saving from the same loaded revision at the same moment,
through the real edit view (PostgreSQL: SQLite serialises writes anyway). Every round ends
with both edits present or one refused with the conflict screen: never a silent loss."""

import threading

from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

import pytest

from articles.models import ArticlePage
from tests.conftest import user_in_group
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.rendered_forms import RenderedForm

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]
ROUNDS = 20


def latest_texts(page) -> list[str]:
    latest = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return [section.text_zh for section in latest.sections.all()]


def test_twenty_simultaneous_rounds_lose_no_edit(home_page, django_user_model):
    page = ArticlePageFactory(live=False)
    for number in range(2):
        ArticleSectionFactory(page=page, sort_order=number, body_zh_hans="<p>原文。</p>")
    page = ArticlePage.objects.get(pk=page.pk)
    page.save_revision()
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    clients = []
    for name in ("ed-a", "ed-b"):
        client = Client()
        client.force_login(user_in_group(django_user_model, name, "Editors"))
        clients.append(client)

    lost = []
    for round_number in range(ROUNDS):
        forms = [RenderedForm(c.get(url).content, "form#page-edit-form") for c in clients]
        edits = [f"甲第{round_number}轮。", f"乙第{round_number}轮。"]
        for index, (form, text) in enumerate(zip(forms, edits, strict=True)):
            form.set(f"sections-{index}-body_zh_hans", rich_text(text))
        statuses = [None, None]
        start = threading.Barrier(2)

        def save(index, start=start, statuses=statuses, forms=forms):
            try:
                start.wait()
                statuses[index] = clients[index].post(url, forms[index].data()).status_code
            finally:
                connection.close()

        threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert sorted(statuses) in ([302, 302], [302, 409]), statuses
        texts = latest_texts(page)
        for index, status in enumerate(statuses):
            if status == 302 and texts[index] != edits[index]:
                lost.append((round_number, index))
    assert lost == []
