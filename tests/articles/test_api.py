import pytest

pytestmark = pytest.mark.django_db


def test_articles_are_listed_with_source_metadata(client, demo_article):
    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "fields": "*"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [demo_article.pk]
    item = items[0]
    assert item["original_url"] == demo_article.original_url
    assert item["translation_method"] == "ai_assisted"
    assert item["headline_zh_hans"] == demo_article.headline_zh_hans


def test_article_detail_includes_sections_with_status_and_notes(client, demo_article):
    data = client.get(f"/api/v2/pages/{demo_article.pk}/").json()
    sections = data["sections"]
    assert len(sections) == demo_article.sections.count()
    abridged = [section for section in sections if section["status"] == "abridged"]
    assert abridged and all(section["note"] for section in abridged)
    assert {"body_en", "body_zh_hans", "heading_en", "heading_zh_hans"} <= set(sections[0])


def test_drafts_are_not_in_the_api(client, demo_article):
    demo_article.unpublish()
    assert client.get(f"/api/v2/pages/{demo_article.pk}/").status_code == 404
    listing = client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}).json()
    assert listing["items"] == []


def test_people_and_quotes_endpoints(client, demo):
    people = client.get("/api/v2/people/").json()
    assert people["meta"]["total_count"] >= 5
    person = people["items"][0]
    assert {"name_en", "name_zh_hans", "slug"} <= set(person)
    quotes = client.get("/api/v2/quotes/", {"fields": "*"}).json()
    assert quotes["meta"]["total_count"] >= 4
    quote = quotes["items"][0]
    assert quote["text_en"] and quote["text_zh_hans"] and quote["speaker_id"]


def test_api_rejects_unknown_fields_with_a_clear_400(client, demo):
    response = client.get("/api/v2/people/", {"fields": "password"})
    assert response.status_code == 400
    assert "password" in response.json()["message"]


def test_api_shows_signoff_state_without_reviewer_names(client, demo_article):
    sections = client.get(f"/api/v2/pages/{demo_article.pk}/").json()["sections"]
    cut = [section for section in sections if section["status"] in {"abridged", "omitted"}]
    assert cut and all(section["signoff_state"] == "approved" for section in cut)
    assert all(
        section["signoff_state"] is None
        for section in sections
        if section["status"] not in {"abridged", "omitted"}
    )
    assert "reviewer" not in str(sections)
