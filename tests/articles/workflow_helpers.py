"""Building blocks for walking an article through the admin like its users do."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from articles.models import ArticlePage

SECTIONS = [
    {
        "heading_en": "The perceptron",
        "heading_zh_hans": "感知机",
        "body_en": "In 1958 Rosenblatt showed the perceptron.",
        "body_zh_hans": "1958 年，罗森布拉特展示了感知机。",
        "status": "full",
        "note": "",
    },
    {
        "heading_en": "A memory of Glasgow",
        "heading_zh_hans": "格拉斯哥往事",
        "body_en": "I first read the book in Glasgow. It was raining. I was young.",
        "body_zh_hans": "作者在格拉斯哥初读此书。",
        "status": "abridged",
        "note": "删去了作者的个人回忆。",
    },
    {
        "heading_en": "Further reading",
        "heading_zh_hans": "延伸阅读",
        "body_en": "Twenty papers worth reading.",
        "body_zh_hans": "",
        "status": "omitted",
        "note": "论文清单未译出。",
    },
]


def article_data(sections, **overrides) -> dict:
    rows = []
    for section in sections:
        row = dict(section)
        row["body_en"] = rich_text(row["body_en"])
        row["body_zh_hans"] = rich_text(row["body_zh_hans"])
        row.setdefault("quote", "")
        rows.append(row)
    data = {
        "title": "感知机往事",
        "slug": "perceptron",
        "headline_en": "Perceptron days",
        "headline_zh_hans": "感知机往事",
        "summary_en": "",
        "summary_zh_hans": "",
        "original_url": "https://example.com/perceptron",
        "original_title": "Perceptron days",
        "original_author_name": "",
        "original_author": "",
        "original_published": "",
        "platform": "blog",
        "licence": "permission",
        "show_original": "on",
        "translation_method": "ai_assisted",
        "ai_model": "",
        "disclosure_en": "",
        "disclosure_zh_hans": "",
        "publisher_credit": "",
        # Submission needs a credited translator (and a known licence, above).
        "translators": str(credited_translator().pk),
        # Rows carrying an id edit existing sections; Django expects them first.
        "sections": inline_formset(rows, initial=sum(1 for row in rows if row.get("id"))),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def credited_translator():
    """The translator an article credits: the desk's first translator, or one made for it."""
    users = get_user_model().objects
    user = users.filter(groups__name="Translators").order_by("pk").first()
    if user is None:
        user = users.create_user(username="credited-translator", first_name="Wang")
        user.groups.add(Group.objects.get(name="Translators"))
    return user


def existing_sections(page: ArticlePage) -> list[dict]:
    """The sections of the latest revision as editor form rows, ids included."""
    rows = []
    page.refresh_from_db()
    for section in page.get_latest_revision_as_object().sections.all():
        rows.append(
            {
                "id": section.pk,
                "heading_en": section.heading_en,
                "heading_zh_hans": section.heading_zh_hans,
                "body_en": section.text_en,
                "body_zh_hans": section.text_zh,
                "status": section.status,
                "note": section.note,
            }
        )
    return rows


def create_and_submit(client, index, sections=SECTIONS):
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    return client.post(url, {**article_data(sections), "action-submit": "Submit"})


def loaded_from(page) -> dict:
    """What an editor form opened now says it was loaded from (the server refuses a save
    that does not say)."""
    page.refresh_from_db()
    latest = page.latest_revision
    if latest is None:
        return {}
    return {
        "loaded_revision_id": str(latest.pk),
        "loaded_revision_created_at": latest.created_at.isoformat(),
    }


def edit(client, page, sections, submit=False):
    data = {**article_data(sections), **loaded_from(page)}
    if submit:
        data["action-submit"] = "Submit"
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def workflow_action(client, page, action: str, comment: str = ""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment} if comment else {})


def review_url(page) -> str:
    return reverse("articles_abridgment_review", args=(page.pk,))


def current_task_name(page) -> str | None:
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return task_state.task.name if task_state else None
