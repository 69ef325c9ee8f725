"""``manage.py import_article``: JSON shape, dry runs, bad input and double imports."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from articles.models import ArticlePage, ArticleSection
from tests.factories import ArticleIndexPageFactory

from .test_alignment import EN, ZH

REPO = Path(__file__).resolve().parents[2]
URL = "https://example.com/superalignment"


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory(slug="articles")


@pytest.fixture
def files(tmp_path):
    original = tmp_path / "original.md"
    original.write_text(
        "# Superalignment, a year on\n\n" + "\n\n".join(EN[1:4] + ["## Aftermath"] + EN[4:])
    )
    translation = tmp_path / "translation.md"
    translation.write_text(
        "# 超级对齐一年后\n\n"
        + "\n\n".join(ZH[1:4] + ["## 余波"] + ZH[5:])
        + f"\n\n原文链接：{URL}",
        encoding="gb18030",
    )
    return original, translation


def run(*args) -> dict:
    out = StringIO()
    call_command("import_article", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_json_shape(index, files):
    original, translation = files
    result = run("--original", str(original), "--translation", str(translation))
    assert set(result) == {
        "page_id",
        "title",
        "original_url",
        "original_attached",
        "sections",
        "alignment",
        "people",
        "warnings",
    }
    page = ArticlePage.objects.get()
    assert result["page_id"] == page.pk
    assert not page.live
    for section in result["sections"]:
        assert set(section) == {"heading", "status", "confidence", "role", "original_attached"}
        assert isinstance(section["heading"], str)
        assert section["status"] in {"full", "abridged", "omitted", "added", "pending"}
        assert 0.0 <= section["confidence"] <= 1.0
    assert [s["status"] for s in result["sections"]] == ["full", "abridged"]
    assert [s["heading"] for s in result["sections"]] == ["", "余波"]
    for group in result["alignment"]:
        assert set(group) == {"en", "zh", "kind", "score", "missing"}
        # The English sentences with no Chinese counterpart: none in a full group.
        if group["kind"] in ("full", "added"):
            assert group["missing"] == []
        assert group["kind"] in {"full", "abridged", "omitted", "added"}
        assert all(isinstance(i, int) for i in group["en"] + group["zh"])
        assert 0.0 <= group["score"] <= 1.0
    # 0 title, 1-3 paragraphs, 4 heading, 5 the paragraph left untranslated.
    omitted = next(g for g in result["alignment"] if g["en"] == [5])
    assert (omitted["zh"], omitted["kind"]) == ([], "omitted")
    assert omitted["missing"] == [EN[4]]
    en_indexes = [i for g in result["alignment"] for i in g["en"]]
    assert en_indexes == list(range(len(EN) + 1))  # title + paragraphs + one heading
    assert result["people"] == []
    assert isinstance(result["warnings"], list)


def test_dry_run_saves_nothing(index, files):
    original, translation = files
    result = run("--original", str(original), "--translation", str(translation), "--dry-run")
    assert result["page_id"] is None
    assert result["sections"]
    assert not ArticlePage.objects.exists()
    assert not ArticleSection.objects.exists()


def test_human_readable_report(index, files):
    original, translation = files
    out = StringIO()
    call_command("import_article", "--original", str(original), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "pending" in text and "Dry run: nothing was saved" in text
    assert "No translation was given" in text


def test_parent_by_address(index, files):
    other = ArticleIndexPageFactory(slug="news")
    original, translation = files
    args = ["--original", str(original), "--translation", str(translation)]
    page_id = run(*args, "--parent", "/news/")["page_id"]
    assert ArticlePage.objects.get(pk=page_id).get_parent().pk == other.pk
    with pytest.raises(CommandError, match="not the address of an article index"):
        run(*args, "--parent", "/nowhere/")


def test_translation_only_needs_no_original_file(index, files):
    _original, translation = files
    result = run("--translation", str(translation))
    assert {s["status"] for s in result["sections"]} == {"pending"}
    assert result["original_attached"] is False
    assert ArticlePage.objects.get().original_url == URL


def test_double_import_creates_no_duplicate(index, files):
    original, translation = files
    first = run("--original", str(original), "--translation", str(translation))["page_id"]
    with pytest.raises(CommandError, match=f"already imported .*page id {first}"):
        run("--original", str(original), "--translation", str(translation))
    assert ArticlePage.objects.count() == 1


def bad(tmp_path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"PK\x03\x04\x00\x00" + bytes(range(256)) * 8, "binary"),
        ("deep.html", b"<div>" * 10_000 + b"x" + b"</div>" * 10_000, "nested"),
        ("furniture.html", "<nav>首页</nav><p>关注我们</p>".encode(), "No article text"),
    ],
)
def test_bad_translation_is_refused_and_nothing_created(
    index, files, tmp_path, name, content, words
):
    original, _translation = files
    with pytest.raises(CommandError, match=words):
        run("--original", str(original), "--translation", bad(tmp_path, name, content))
    assert not ArticlePage.objects.exists()


def test_fifty_megabytes_refused_before_reading(index, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError, match="too large"):
        run("--original", str(path))
    assert not ArticlePage.objects.exists()


def test_both_sides_english(index, files):
    original, _translation = files
    with pytest.raises(CommandError, match="almost no Chinese"):
        run("--original", str(original), "--translation", str(original))
    assert not ArticlePage.objects.exists()


def test_no_input_and_missing_file(index, tmp_path):
    with pytest.raises(CommandError, match="Give --original"):
        run()
    with pytest.raises(CommandError, match="There is no file"):
        run("--original", str(tmp_path / "missing.md"))


def test_unknown_original_address_is_a_clear_error(index, tmp_path):
    original = bad(tmp_path, "en.txt", "\n\n".join(EN).encode())
    translation = bad(tmp_path, "zh.txt", "\n\n".join(ZH).encode())
    with pytest.raises(CommandError, match="address of the original is unknown"):
        run("--original", original, "--translation", translation)
    result = run("--original", original, "--translation", translation, "--original-url", URL)
    assert ArticlePage.objects.get(pk=result["page_id"]).original_url == URL


def test_shell_exit_code_without_traceback(tmp_path):
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_article", "--original", str(tmp_path / "no.md")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"},
    )
    assert completed.returncode != 0
    assert "There is no file" in completed.stderr
    assert "Traceback" not in completed.stderr
