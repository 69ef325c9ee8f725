"""The side-by-side review view: rows, filter, findings and dismissals, effort, permissions,
links from the page editor and listing, and a query count that does not grow with sections."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from articles.models import ArticlePage, CheckDismissal
from articles.review.engine.effort import article_effort, section_effort
from people.models import Person
from tests.admin_refusal import refused
from tests.factories import ArticlePageFactory, ArticleSectionFactory

pytestmark = pytest.mark.django_db

SECRET_EN = "An unmistakable sentence about perceptrons."
SECRET_ZH = "独一无二的中文句子关于感知机。"


def publish(page) -> ArticlePage:
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def article(home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_en="Clean",
        heading_zh_hans="干净",
        body_en=f"<p>{SECRET_EN}</p>",
        body_zh_hans=f"<p>{SECRET_ZH}</p>",
        ai_draft="甲乙丙丁",
        status="full",
    )
    ArticleSectionFactory(
        page=page,
        heading_en="Numbers",
        heading_zh_hans="数字",
        body_en="<p>In 1998 the network read 10 digits.</p>",
        body_zh_hans="<p>那一年，网络识别了数字。</p>",
        ai_draft="甲乙丙丁",
        status="full",
    )
    ArticleSectionFactory(
        page=page,
        heading_en="Cut",
        heading_zh_hans="删节",
        body_en="<p>A long aside.</p>",
        body_zh_hans="",
        status="omitted",
        note="与主线无关，略去。",
    )
    return publish(page)


def url(page, **params) -> str:
    base = reverse("articles_review:review", args=(page.pk,))
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def get_review(client, page, **params):
    response = client.get(url(page, **params))
    assert response.status_code == 200
    return response, response.context["review"]


def test_one_row_per_section_with_both_languages_and_deep_link_ids(client, editor_user, article):
    client.force_login(editor_user)
    response, review = get_review(client, article)
    html = response.content.decode()
    assert [row.position for row in review.rows] == [1, 2, 3]
    for n in (1, 2, 3):
        assert f'id="section-{n}"' in html
    assert SECRET_EN in html and SECRET_ZH in html
    assert html.index(SECRET_EN) < html.index(SECRET_ZH)  # English left, Chinese right
    assert "review-badge--omitted" in html and "与主线无关，略去。" in html
    assert review.awaiting_signoff_count == 1
    assert "review-row__signoff--pending" in html


def test_signed_off_cut_shows_who_signed(client, editor_user, reviewer_user, article):
    from articles.editorial.workflow import record_signoff

    section = article.sections.get(status="omitted")
    record_signoff(article, section, reviewer_user, "approved", "同意删去")
    client.force_login(editor_user)
    response, review = get_review(client, article)
    row = review.rows[2]
    assert row.signoff_decision == "approved"
    assert row.signed_off_by == reviewer_user.get_username()
    assert not row.awaiting_signoff and review.awaiting_signoff_count == 0
    assert "同意删去" in response.content.decode()


def test_a_sign_off_of_other_content_does_not_count(client, editor_user, reviewer_user, article):
    from articles.editorial.workflow import record_signoff

    section = article.sections.get(status="omitted")
    record_signoff(article, section, reviewer_user, "approved")
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    sections = list(draft.sections.all())
    sections[2].note = "改写后的删节说明。"
    draft.sections.set(sections)
    draft.save_revision(user=editor_user)
    client.force_login(editor_user)
    _, review = get_review(client, article)
    assert review.rows[2].awaiting_signoff


def test_findings_are_shown_on_the_section_and_summed(client, editor_user, article):
    client.force_login(editor_user)
    response, review = get_review(client, article)
    clean, numbers, _cut = review.rows
    assert clean.findings == []
    assert {f.evidence for f in numbers.findings} >= {"1998", "10"}
    assert review.finding_count == len(numbers.findings)
    html = response.content.decode()
    assert f"data-review-finding-count>{review.finding_count}<" in html
    assert "1998" in numbers.findings[0].message or any(
        "1998" in f.message for f in numbers.findings
    )


def test_problem_filter_keeps_only_sections_with_problems(client, editor_user, article):
    client.force_login(editor_user)
    response, review = get_review(client, article, problems=1)
    # Section 2 has findings; section 3 is omitted and awaits sign-off; section 1 is clean.
    assert [row.position for row in review.visible_rows] == [2, 3]
    html = response.content.decode()
    assert 'id="section-1"' not in html and 'id="section-2"' in html
    assert SECRET_EN not in html


def test_dismissing_a_finding_with_a_reason(client, reviewer_user, article):
    client.force_login(reviewer_user)
    _, review = get_review(client, article)
    numbers = review.rows[1]
    year = next(f for f in numbers.findings if f.evidence == "1998")
    dismiss_url = reverse("articles_review:dismiss", args=(article.pk, numbers.section.key))

    response = client.post(
        dismiss_url,
        {
            "code": year.code,
            "evidence": "1998",
            "reason": "原文年份有误，已与作者确认",
            "position": 2,
        },
    )
    assert response.status_code == 302 and response.url.endswith("#section-2")
    dismissal = CheckDismissal.objects.get()
    assert (dismissal.code, dismissal.evidence, dismissal.dismissed_by) == (
        year.code,
        "1998",
        reviewer_user,
    )

    response, after = get_review(client, article)
    row = after.rows[1]
    assert year.key not in {f.key for f in row.findings}
    assert [d.finding.key for d in row.dismissed] == [year.key]
    assert after.finding_count == review.finding_count - 1
    assert "原文年份有误，已与作者确认" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"code": "missing_number", "evidence": "1998", "reason": "  "}, "no reason"),
        ({"code": "made_up", "evidence": "1998", "reason": "x"}, "unknown check"),
        ({"code": "missing_number", "evidence": "x" * 301, "reason": "x"}, "evidence too long"),
    ],
)
def test_a_dismissal_needs_a_known_check_and_a_reason(client, editor_user, article, data, why):
    client.force_login(editor_user)
    section = article.sections.all()[1]
    client.post(reverse("articles_review:dismiss", args=(article.pk, section.key)), data)
    assert not CheckDismissal.objects.exists(), why


def test_effort_figures_on_known_inputs(client, editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(page=page, ai_draft="甲乙丙丁", body_zh_hans="<p>甲乙丙戊</p>")
    ArticleSectionFactory(
        page=page,
        ai_draft="深度学习改变了世界的面貌",
        body_zh_hans="<p>深度学习改变了世界的面貌</p>",
    )
    ArticleSectionFactory(page=page, ai_draft="", body_zh_hans="<p>没有初稿</p>")
    page = publish(page)
    client.force_login(editor_user)
    response, review = get_review(client, page)
    assert [row.effort for row in review.rows] == [pytest.approx(0.25), 0.0, None]
    assert review.rows[0].effort == pytest.approx(section_effort("甲乙丙丁", "甲乙丙戊"))
    # Weighted by draft length: 0.25 × 4 / (4 + 12).
    assert review.effort == pytest.approx(0.0625)
    assert review.effort == pytest.approx(
        article_effort(
            [("甲乙丙丁", "甲乙丙戊"), ("深度学习改变了世界的面貌",) * 2, ("", "没有初稿")]
        )
    )
    html = response.content.decode()
    assert "data-review-article-effort>6%<" in html
    assert "25%" in html
    # The AI draft diff is character level: only 丁 → 戊 changed.
    assert review.rows[0].ai_old == "甲乙丙<del>丁</del>"
    assert review.rows[0].ai_new == "甲乙丙<ins>戊</ins>"


def test_ai_draft_and_headings_are_escaped(client, editor_user, home_page):
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_en='<script>alert("h")</script>',
        ai_draft="<img src=x onerror=alert(1)>初稿",
        body_zh_hans="<p>终稿</p>",
    )
    page = publish(page)
    client.force_login(editor_user)
    html = client.get(url(page)).content.decode()
    assert '<script>alert("h")' not in html
    assert "<img src=x onerror" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_people_misspellings_are_flagged(client, editor_user, home_page):
    Person.objects.create(
        name_en="Ilya Sutskever", name_zh_hans="伊利亚·苏茨克维", slug="ilya", misspellings="IIya"
    )
    page = ArticlePageFactory()
    ArticleSectionFactory(
        page=page,
        heading_en="",
        heading_zh_hans="",
        body_en="<p>Ilya Sutskever wrote the code.</p>",
        body_zh_hans="<p>IIya Sutskever 写了代码。</p>",
    )
    page = publish(page)
    client.force_login(editor_user)
    _, review = get_review(client, page)
    assert "misspelt_name" in {f.code for f in review.rows[0].findings}


@pytest.mark.parametrize("role", ["editor_user", "translator_user", "reviewer_user"])
def test_the_three_roles_may_review(client, request, article, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url(article)).status_code == 200


def test_superusers_may_review(client, django_user_model, article):
    client.force_login(django_user_model.objects.create_superuser("root", password="pw"))
    assert client.get(url(article)).status_code == 200


def test_anonymous_users_are_sent_to_log_in(client, article):
    response = client.get(url(article))
    assert response.status_code == 302 and "login" in response.url
    assert SECRET_EN not in response.content.decode()


def admin_user_without_role(django_user_model):
    user = django_user_model.objects.create_user("outsider", password="pw")
    group = Group.objects.create(name="Guests")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_admin_users_outside_the_roles_are_refused_without_the_text(
    client, django_user_model, article, home_page
):
    user = admin_user_without_role(django_user_model)
    GroupPagePermission.objects.create(
        group=user.groups.get(),
        page=home_page,
        permission=Permission.objects.get(codename="view_page"),
    )
    client.force_login(user)
    response = client.get(url(article))
    assert refused(response)
    body = response.content.decode()
    assert SECRET_EN not in body and SECRET_ZH not in body


def test_users_without_admin_access_are_refused(client, django_user_model, article):
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    response = client.get(url(article))
    assert response.status_code in (302, 403)
    assert SECRET_EN not in response.content.decode()


def test_a_role_without_permission_on_the_page_is_refused(client, reviewer_user, article):
    GroupPagePermission.objects.filter(group__name="Reviewers").delete()
    client.force_login(reviewer_user)
    response = client.get(url(article))
    assert refused(response)
    assert SECRET_ZH not in response.content.decode()


def test_dismissing_is_refused_outside_the_roles(client, django_user_model, article):
    client.force_login(admin_user_without_role(django_user_model))
    section = article.sections.all()[1]
    response = client.post(
        reverse("articles_review:dismiss", args=(article.pk, section.key)),
        {"code": "missing_number", "evidence": "1998", "reason": "x"},
    )
    assert refused(response)
    assert not CheckDismissal.objects.exists()


def test_review_is_linked_from_the_editor_and_the_listing(client, editor_user, article):
    client.force_login(editor_user)
    review_url = url(article)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert review_url in editor.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=(article.get_parent().pk,)))
    assert review_url in listing.content.decode()


def test_unknown_article_is_not_found(client, editor_user, home_page):
    client.force_login(editor_user)
    assert client.get(reverse("articles_review:review", args=(home_page.pk,))).status_code == 404


def article_with(sections: int) -> ArticlePage:
    page = ArticlePageFactory()
    for n in range(sections):
        ArticleSectionFactory(page=page, ai_draft=f"第 {n} 段初稿", note="注" if n % 5 else "")
    return publish(page)


def count_queries(client, page) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(page)).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_sections(client, editor_user, reviewer_user, home_page):
    small, large = article_with(20), article_with(60)  # 40 more: any per-row query shows
    # The same kinds of data on both: dismissals, sign-offs and re-checks name users.
    for page in (small, large):
        for n, section in enumerate(page.sections.all()[:10]):
            CheckDismissal.objects.create(
                page=page,
                section_key=section.key,
                code="missing_number",
                evidence=str(n),
                reason="r",
                dismissed_by=reviewer_user,
            )
            section.source_confirmed_by = editor_user
            section.save()
    small, large = publish(small), publish(large)
    client.force_login(editor_user)
    count_queries(client, small)  # warm per-process caches (content types, permissions)
    assert count_queries(client, large) == count_queries(client, small)


def test_the_demo_article_shows_rows_and_effort_and_no_false_finding(client, demo_article):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="reviewer"))
    _, review = get_review(client, demo_article)
    assert len(review.rows) == demo_article.sections.count()
    # The approved article: omitted and cut parts unchecked, renderings accepted.
    assert review.finding_count == 0
    assert review.effort is not None
    assert any(row.effort is not None for row in review.rows)
