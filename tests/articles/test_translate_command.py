"""``manage.py translate_article`` against a real OpenAI-protocol server on 127.0.0.1."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

import pytest

from articles.management.commands.translate_article import Command, parse_numbers
from articles.models import ArticleSection, DraftState
from tests.articles.drafting_jobs import state
from tests.factories import ArticlePageFactory, ArticleSectionFactory
from tests.fake_ai_servers import FAKE_AI_KEY

pytestmark = pytest.mark.django_db

KEY = FAKE_AI_KEY


@pytest.fixture
def article():
    page = ArticlePageFactory()
    for index in range(3):
        ArticleSectionFactory(
            page=page,
            sort_order=index,
            body_en=f"<p>Yann LeCun wrote about {1990 + index} networks.</p>",
            body_zh_hans="",
            status="pending",
        )
    ArticleSectionFactory(page=page, sort_order=3, body_en="", status="added")
    return page


def sections(page):
    return list(ArticleSection.objects.filter(page=page).order_by("sort_order"))


def run(*args):
    out = StringIO()
    call_command("translate_article", *map(str, args), stdout=out)
    return out.getvalue()


def run_from_shell(capsys, *args):
    """As from the shell: exit status and output, with CommandError handled by Django."""
    try:
        Command().run_from_argv(["manage.py", "translate_article", *map(str, args)])
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_sync_drafts_every_section(server, article):
    out = run(article.pk, "--sync")

    assert "3 of 3 sections drafted" in out
    assert all(state(s) == DraftState.DONE for s in sections(article)[:3])
    assert len(server.requests) == 3


def test_queued_run_uses_the_task_backend(server, article):
    # The test settings use the immediate backend, so the task has run by the time it returns.
    out = run(article.pk)

    assert "Queued 3 section(s)" in out
    assert "3 of 3 sections drafted" in out


def test_only_the_chosen_sections(server, article):
    run(article.pk, "--sections", "1,3", "--sync")

    states = [state(s) for s in sections(article)]
    assert states == [DraftState.DONE, "", DraftState.DONE, ""]


def test_chosen_sections_are_drafted_again(server, article):
    run(article.pk, "--sync")
    run(article.pk, "--sections", "2", "--sync")

    assert len(server.requests) == 4


def test_a_second_run_without_sections_does_nothing(server, article):
    run(article.pk, "--sync")

    assert "nothing to do" in run(article.pk, "--sync")
    assert len(server.requests) == 3


def test_unknown_page_is_a_clear_error(capsys, server):
    code, out, err = run_from_shell(capsys, 999999, "--sync")

    assert code != 0
    assert "no article with page id 999999" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("sections_arg", "words"),
    [
        ("9", "no section 9; the article has 4 section(s)"),
        ("0", "not a valid section number"),
        ("one", "not a section number"),
        ("3-1", "not a valid section number or range"),
        ("4", "no English to translate"),
        (",", "no section numbers given"),
    ],
)
def test_bad_section_numbers_are_clear_errors(capsys, server, article, sections_arg, words):
    code, out, err = run_from_shell(capsys, article.pk, "--sections", sections_arg)

    assert code != 0
    assert words in err
    assert "Traceback" not in err
    assert server.requests == []


def test_missing_configuration_names_the_variables(capsys, article):
    with override_settings(TRANSLATION_BACKEND="", TRANSLATION_API_URL=""):
        code, out, err = run_from_shell(capsys, article.pk, "--sync")

    assert code != 0
    assert "TRANSLATION_BACKEND" in err and "TRANSLATION_API_URL" in err
    assert "Traceback" not in err


def test_failures_give_a_non_zero_exit_and_plain_reasons(capsys, server, article):
    server.behaviour = "error_500"

    code, out, err = run_from_shell(capsys, article.pk, "--sync")

    assert code != 0
    assert "Section 1: The translation service" in out
    assert "3 section(s) could not be drafted" in err
    assert KEY not in out + err


def test_parse_numbers_accepts_lists_and_ranges():
    assert parse_numbers("1,2,5") == [1, 2, 5]
    assert parse_numbers("2-4, 7, 3") == [2, 3, 4, 7]
    with pytest.raises(ValueError):
        parse_numbers("1;2")


def test_command_error_is_raised_for_call_command(server):
    with pytest.raises(CommandError):
        run(424242)
