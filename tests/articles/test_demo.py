from django.apps import apps
from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from articles.editorial.coverage_check import propose
from articles.editorial.roles import ROLE_NAMES
from articles.models import ArticlePage, ArticleSection
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

COUNTED = [
    "articles.ArticlePage",
    "articles.ArticleSection",
    "articles.Topic",
    "people.Person",
    "people.Quote",
    "people.Term",
    "auth.User",
    "auth.Group",
    "wagtailcore.Revision",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
]


def snapshot() -> dict[str, list]:
    """Every row of the demo's tables, as values, so a second load can be compared."""
    rows = {}
    for label in COUNTED:
        model = apps.get_model(label)
        rows[label] = sorted(map(repr, model.objects.values_list()))
    return rows


def test_load_demo_twice_changes_nothing(capsys, home_page):
    call_command("load_demo")
    first_output = capsys.readouterr().out
    before = snapshot()
    call_command("load_demo")
    second_output = capsys.readouterr().out
    assert snapshot() == before
    assert "admin" in first_output and "nothing changed" in second_output


def test_demo_article_meets_the_brief(demo_article):
    sections = list(demo_article.sections.all())
    statuses = [section.status for section in sections]
    assert len(sections) >= 12
    assert statuses.count("abridged") >= 2
    assert statuses.count("omitted") >= 1
    assert statuses.count("added") >= 1
    assert all(section.note for section in sections if section.status in {"abridged", "omitted"})
    assert demo_article.live
    assert sum(1 for section in sections if section.quote_id) >= 4
    assert demo_article.people_mentioned.count() >= 5
    assert demo_article.topics.count() >= 2


def test_demo_users_belong_to_their_roles(demo):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for username, group in [
        ("editor", "Editors"),
        ("translator", "Translators"),
        ("reviewer", "Reviewers"),
    ]:
        assert list(users.get(username=username).groups.values_list("name", flat=True)) == [group]
    assert set(demo.passwords) == {"admin", "editor", "translator", "reviewer"}
    assert len(set(demo.passwords.values())) == 4
    assert set(ROLE_NAMES) <= set(
        apps.get_model("auth.Group").objects.values_list("name", flat=True)
    )


@pytest.mark.parametrize("username", ["admin", "editor", "translator", "reviewer"])
def test_each_demo_login_reaches_the_admin(client, demo, username):
    assert client.login(username=username, password=demo.passwords[username])
    response = client.get("/admin/")
    assert response.status_code == 200


def test_load_demo_creates_synthetic_articles_for_benchmarks(home_page):
    call_command("load_demo", articles=2, sections=7)
    synthetic = ArticlePage.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 2
    assert ArticleSection.objects.filter(page__in=synthetic).count() == 14


def test_load_demo_rejects_nonsense_sizes(home_page, capsys):
    with pytest.raises(SystemExit):
        call_command("load_demo", sections=0)
    assert "--sections" in capsys.readouterr().err
    assert not ArticlePage.objects.exists()


def test_demo_ai_drafts_are_plain_text(demo_article):
    drafts = [s.ai_draft for s in demo_article.sections.all() if s.ai_draft]
    assert drafts
    assert not any("<p>" in draft or "</" in draft for draft in drafts)


def sign_in(client, username: str, password: str) -> bool:
    """Sign in through the admin's login form, as a person would; True if it worked."""
    form = RenderedForm(client.get("/admin/login/").content, "form:has(input[name=password])")
    form.set("username", username)
    form.set("password", password)
    response = client.post("/admin/login/", form.data())
    return response.status_code == 302


def test_demo_logins_are_listed_and_can_be_reset(capsys, client, home_page):
    call_command("demo_logins")
    assert "load_demo" in capsys.readouterr().out  # nothing to list yet

    call_command("load_demo")
    first = dict(
        line.split()[:2] for line in capsys.readouterr().out.splitlines() if line.startswith("  ")
    )
    call_command("demo_logins")
    listed = capsys.readouterr().out
    assert all(username in listed for username in ("admin", "editor", "translator", "reviewer"))
    assert first["editor"] not in listed  # a password is never shown again

    call_command("demo_logins", reset=True)
    reset = {
        line.split()[0]: line.split()[-1]
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("  ")
    }
    assert set(reset) == {"admin", "editor", "translator", "reviewer"}
    assert reset["editor"] != first["editor"]
    assert not sign_in(client, "editor", first["editor"])
    assert sign_in(client, "editor", reset["editor"])


def test_demo_cuts_are_stored_as_an_import_stores_them_and_shown_to_readers(client, demo_article):
    abridged = [s for s in demo_article.sections.all() if s.status == "abridged" and s.body_en]
    assert abridged
    for section in abridged:
        assert section.coverage and section.coverage["missing"], section.heading_en
    # Readers see the English sentences left out, marked, in the bilingual view.
    response = client.get(demo_article.url + "?view=bilingual")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    marked = [
        m.get_text(" ", strip=True) for m in soup.select(".pair--paragraph mark.cut-sentence")
    ]
    for section in abridged:
        assert section.coverage["missing"][0] in marked
    assert soup.select(".zh .cut-marker")


def test_rechecking_the_demo_article_proposes_no_change(demo_article):
    # Its statuses are the ones an editor approved: the aligner agrees with every one.
    assert propose(demo_article).changes == []
