"""The English sentences a translation left out, named by the import: ``import_article
--json`` gives them per alignment group and section; the admin preview marks them."""

import json
import re
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticleIndexPageFactory
from tests.rendered_forms import form_data

from .test_sentence_alignment import CUT, EN, ZH

URL = "https://example.com/review-queue"
ORIGINAL = "The review queue\n\n" + "\n\n".join(EN)
TRANSLATION = "评审队列\n\n" + "\n\n".join(ZH) + f"\n\n原文链接：{URL}"


pytestmark = pytest.mark.usefixtures("english_admin")


@pytest.fixture
def index(db):
    return ArticleIndexPageFactory(slug="articles")


def test_json_names_the_missing_sentence_of_a_paragraph_with_a_dropped_sentence(index, tmp_path):
    original, translation = tmp_path / "original.txt", tmp_path / "translation.txt"
    original.write_text(ORIGINAL)
    translation.write_text(TRANSLATION)
    out = StringIO()
    call_command(
        "import_article",
        "--original",
        str(original),
        "--translation",
        str(translation),
        "--dry-run",
        "--json",
        stdout=out,
    )
    result = json.loads(out.getvalue())
    cut_groups = [g for g in result["alignment"] if g["kind"] != "full"]
    assert [g["kind"] for g in cut_groups] == ["abridged"]
    assert cut_groups[0]["missing"] == [CUT]
    assert all(g["missing"] == [] for g in result["alignment"] if g["kind"] == "full")
    assert [s["status"] for s in result["sections"]] == ["abridged"]


def test_preview_marks_the_missing_sentence_escaped(client, index, editor_user):
    client.force_login(editor_user)
    url = reverse("articles_import") + f"?parent={index.pk}"
    form = form_data(client.get(url).content.decode(), "translation_text")
    form.update(original_text=ORIGINAL, translation_text=TRANSLATION, format="text")
    response = client.post(reverse("articles_import"), form)
    assert response.status_code == 200
    html = response.content.decode()
    marks = BeautifulSoup(html, "html.parser").select("mark.cut-sentence")
    assert [m.get_text() for m in marks] == [CUT]
    # The sentence's own "<", ">" and "&" are text, never markup.
    assert "x &lt; y &amp;&amp; a &gt; b" in html
    # The aligner's note, in the editor's admin language (English here).
    assert re.search(r"1 sentence in paragraph \d+ of the original has no counterpart", html)
    # The preview's form still posts back as rendered.
    preview = form_data(html, "original_url")
    assert preview["status-0"] == "abridged"
