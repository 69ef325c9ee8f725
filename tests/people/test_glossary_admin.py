"""The glossary import screen (``/admin/glossary/import/``): who may use it, preview then
confirm, all-or-nothing writes, CSRF, escaping, and the button on the Term listing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

# Imported to patch ``log``.
import people.glossary_admin
from people.models import Term
from tests.admin_refusal import refused
from tests.factories import TermFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_admin")]


URL = "/admin/glossary/import/"
LISTING = "/admin/snippets/people/term/"
HEADER = "english,chinese,notes,case_sensitive,forbidden\n"
XSS = "<script>alert(1)</script>"


def upload(text: str, name: str = "glossary.csv", encoding: str = "utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def preview(client, text: str, **kwargs):
    return client.post(URL, {"action": "preview", "file": upload(text, **kwargs)})


def confirm(client, text: str):
    return client.post(URL, {"action": "confirm", "glossary_text": text})


@pytest.fixture
def glossary(db):
    """An existing glossary: one term the file changes, one it leaves alone."""
    TermFactory(term_en="Transformer", term_zh_hans="变换器", notes="旧说明", case_sensitive=True)
    TermFactory(term_en="token", term_zh_hans="词元", notes="", forbidden="令牌")


CSV = (
    HEADER
    + "transformer,Transformer 模型,指模型架构,true,变形金刚|变压器\n"
    + "token,词元,,false,令牌\n"
    + "agent,智能体,,no,代理人\n"
)


def snapshot():
    return list(Term.objects.order_by("pk").values())


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ["editor_user", "translator_user"])
def test_editors_and_translators_may_import(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_reviewers_may_not_import_by_url_or_crafted_post(client, reviewer_user, glossary):
    before = snapshot()
    client.force_login(reviewer_user)
    assert refused(client.get(URL))
    assert refused(preview(client, CSV))
    response = confirm(client, CSV)
    assert refused(response)
    assert "智能体" not in response.content.decode()
    assert snapshot() == before


def test_preview_shows_what_would_change_and_saves_nothing(client, editor_user, glossary):
    before = snapshot()
    client.force_login(editor_user)
    response = preview(client, CSV)
    assert response.status_code == 200
    assert response.context["counts"] == {"create": 1, "update": 1, "unchanged": 1}
    (updated,) = response.context["updated"]
    assert updated.term.term_en == "Transformer"  # matched ignoring case
    assert {change.column for change in updated.changes} == {
        "english",
        "chinese",
        "notes",
        "forbidden",
    }
    html = response.content.decode()
    assert "1 new, 1 updated, 1 unchanged." in html
    assert "变形金刚 | 变压器" in html
    assert snapshot() == before


def test_confirm_applies_everything_and_redirects_to_the_listing(client, editor_user, glossary):
    client.force_login(editor_user)
    text = preview(client, CSV).context["text"]
    response = confirm(client, text)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_people_term:list")

    transformer = Term.objects.get(term_en="transformer")
    assert transformer.term_zh_hans == "Transformer 模型"
    assert transformer.notes == "指模型架构"
    assert transformer.forbidden_list == ["变形金刚", "变压器"]
    agent = Term.objects.get(term_en="agent")
    assert (agent.term_zh_hans, agent.case_sensitive, agent.forbidden_list) == (
        "智能体",
        False,
        ["代理人"],
    )
    assert Term.objects.count() == 3
    assert ModelLogEntry.objects.filter(action="wagtail.create", user=editor_user).count() == 1
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=editor_user).count() == 1

    listing = client.get(response["Location"]).content.decode()
    assert "Glossary imported: 1 new, 1 updated, 1 unchanged." in listing


def test_a_column_left_out_keeps_existing_values(client, translator_user, glossary):
    client.force_login(translator_user)
    response = confirm(client, "english,chinese\nTransformer,变换模型\n")
    assert response.status_code == 302
    term = Term.objects.get(term_en="Transformer")
    assert (term.term_zh_hans, term.notes, term.case_sensitive) == ("变换模型", "旧说明", True)


def test_a_gb18030_upload_is_read(client, editor_user):
    client.force_login(editor_user)
    response = preview(client, "english,chinese\nembedding,嵌入\n", encoding="gb18030")
    assert response.status_code == 200
    assert response.context["counts"]["create"] == 1


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "Choose a CSV file"),
        (b"\x00\x01\x02\x03binary\x00", "not text"),
        (b"term,translation\na,b\n", "missing: english, chinese"),
        (HEADER.encode() + "a,甲,,,\nA,乙,,,\n".encode(), "already on row 2"),
        (b"english,chinese\n" + b"x" * (1024 * 1024), "the limit is 1 MB"),
    ],
)
def test_bad_files_get_a_plain_message_and_change_nothing(
    client, editor_user, glossary, data, expected
):
    before = snapshot()
    client.force_login(editor_user)
    file = SimpleUploadedFile("bad.csv", data, content_type="text/csv")
    response = client.post(URL, {"action": "preview", "file": file})
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert snapshot() == before


def test_a_bad_confirm_changes_nothing(client, editor_user, glossary):
    before = snapshot()
    client.force_login(editor_user)
    response = confirm(client, HEADER + "agent,智能体,,perhaps,\n")
    assert response.status_code == 400
    assert "Row 2: case_sensitive is “perhaps”" in response.content.decode()
    assert snapshot() == before


def test_a_failure_midway_leaves_the_glossary_as_it_was(client, editor_user, glossary, monkeypatch):
    """All or nothing: the second write fails, so the first is rolled back too."""
    calls = []

    def failing_log(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise IntegrityError("simulated")

    monkeypatch.setattr(people.glossary_admin, "log", failing_log)
    before = snapshot()
    client.force_login(editor_user)
    response = confirm(client, CSV)
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert snapshot() == before


def test_importing_twice_creates_no_duplicates(client, editor_user, glossary):
    client.force_login(editor_user)
    confirm(client, CSV)
    after_first = snapshot()
    assert confirm(client, CSV).status_code == 302
    assert snapshot() == after_first


@pytest.mark.parametrize("action", ["preview", "confirm"])
def test_posts_without_a_csrf_token_are_refused(editor_user, glossary, action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)
    before = snapshot()
    data = {"action": action, "glossary_text": CSV, "file": upload(CSV)}
    response = client.post(URL, data)
    assert response.status_code == 403
    assert snapshot() == before


def test_the_form_carries_a_csrf_token(editor_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)
    page = client.get(URL)
    token = page.cookies["csrftoken"].value
    response = client.post(
        URL, {"action": "confirm", "glossary_text": CSV, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Term.objects.count() == 3


def test_markup_in_a_term_is_shown_as_text(client, editor_user):
    client.force_login(editor_user)
    text = (
        HEADER
        + f'"{XSS}","<img src=x onerror=alert(1)>","</textarea><svg onload=alert(1)>",'
        + "true,{{7*7}}|<b>x</b>\n"
    )
    response = preview(client, text)
    assert response.status_code == 200
    html = response.content.decode()
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert "</textarea><svg" not in html
    assert "{{7*7}}" in html  # not a template: shown as typed

    # Stored as text; the listing escapes it too.
    confirm(client, response.context["text"])
    assert Term.objects.get().term_en == XSS
    listing = client.get(LISTING).content.decode()
    assert XSS not in listing
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing


def test_the_term_listing_links_to_the_import_for_those_who_may_import(
    client, editor_user, reviewer_user
):
    client.force_login(editor_user)
    assert f'href="{URL}"' in client.get(LISTING).content.decode()
    client.force_login(reviewer_user)
    listing = client.get(LISTING)
    assert listing.status_code == 200
    assert f'href="{URL}"' not in listing.content.decode()
