"""The same segmented search behind the admin's page search, snippet search and the API."""

import pytest

from cms.search import segment
from people.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, search_demo, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    return client


# Wagtail's admin page search matches titles (its autocomplete index): words inside the title
# 从感知机到 AlexNet：让神经网络熬过寒冬的那些人, which unsegmented was one "word" from 让 on.
@pytest.mark.parametrize("word", ["神经网络", "寒冬", "感知机", "神经网"])
def test_the_admin_page_search_finds_a_chinese_word(admin_client, search_demo, word):
    response = admin_client.get("/admin/pages/search/", {"q": word})
    assert response.status_code == 200
    assert f"/admin/pages/{search_demo.article.pk}/edit/" in response.content.decode()


def test_the_admin_snippet_search_finds_a_person_by_chinese_name(admin_client):
    response = admin_client.get("/admin/snippets/people/person/", {"q": "辛顿"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geoffrey Hinton" in html and "Yann LeCun" not in html


@pytest.mark.parametrize("word", ["神经网络", "反向传播", "Hinton", "杰弗里·辛顿"])
def test_the_api_search_finds_a_chinese_word(client, search_demo, word):
    response = client.get("/api/v2/pages/", {"search": word, "type": "articles.ArticlePage"})
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    assert search_demo.article.pk in ids


def test_a_new_glossary_term_joins_the_segmenter_dictionary(search_demo):
    assert "蒸馏训练法" not in segment.index_text("用蒸馏训练法压缩模型").split()
    Term.objects.create(term_en="distillation training", term_zh_hans="蒸馏训练法")
    assert "蒸馏训练法" in segment.index_text("用蒸馏训练法压缩模型").split()
