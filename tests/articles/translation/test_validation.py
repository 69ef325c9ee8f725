"""Output invariants for machine drafts."""

import pytest

from articles.drafting.engine.base import InvalidTranslation
from articles.drafting.engine.prompts import SYSTEM_PROMPT
from articles.drafting.engine.validation import validate_translation

SOURCE = "Ilya Sutskever said OpenAI trained GPT-4 on 25,000 GPUs over 90 days in 2022."
GOOD = "Ilya Sutskever 表示,OpenAI 在 2022 年用 25,000 块 GPU 花了 90 天训练了 GPT-4。"


def test_good_translation_passes_unchanged():
    assert validate_translation(SOURCE, GOOD) == GOOD


@pytest.mark.parametrize(
    "wrapped",
    [
        f"\n  {GOOD}  \n",
        f'"{GOOD}"',
        f"“{GOOD}”",
        f"```\n{GOOD}\n```",
        f"```text\n{GOOD}\n```",
        f"\u200b{GOOD}\u202e",
    ],
)
def test_wrapping_is_stripped(wrapped):
    assert validate_translation(SOURCE, wrapped) == GOOD


@pytest.mark.parametrize(
    ("source", "reply"),
    [
        # Quotes stay when the source itself is a quote.
        (
            '"We will build safe superintelligence, and nothing else," he said.',
            "“我们将打造安全的超级智能,别的什么都不做”",
        ),
        # Names, terms and code kept in Latin script.
        (
            "Run `pip install torch` and load the Llama 3 model with PyTorch on CUDA.",
            "运行 `pip install torch`,然后用 PyTorch 在 CUDA 上加载 Llama 3 模型。",
        ),
        # A name alone may come back as it is.
        ("GPT-4o", "GPT-4o"),
        # URLs, markup and images from the source may stay.
        (
            'See <a href="https://openai.com/blog">the post</a> and ![chart](https://x.org/c.png).',
            '见<a href="https://openai.com/blog">这篇文章</a>和 ![图表](https://x.org/c.png)。',
        ),
        # A URL in the source licenses its host name.
        (
            "Read more at https://www.deeplearning.ai/the-batch/ every week, friends.",
            "每周都可以在 deeplearning.ai 上阅读更多内容。",
        ),
    ],
)
def test_faithful_replies_pass_unchanged(source, reply):
    assert validate_translation(source, reply) == reply


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        ("", "empty"),
        ("  \n ", "empty"),
        ('""', "empty"),
        (SOURCE, "repeats the English"),
        (f"【译】{SOURCE}", "repeats the English"),
        ("This is a sentence in English about something else entirely.", "not in Chinese"),
        ("好" * 400, "far more than"),
        (f"{GOOD} 详见 https://evil.example/x", "link"),
        (f"{GOOD} 详见 evil.example", "link"),
        (f"{GOOD}[点击](https://openai.com)", "adds a link"),
        (f"{GOOD}![图](https://evil.example/p.png)", "image"),
        (f"{GOOD}<img src=x onerror=alert(1)>", "HTML markup"),
        (f"{GOOD}<script>alert(1)</script>", "HTML markup"),
        (f"{GOOD} javascript:alert(1)", "script or data link"),
        (f"<<<SOURCE ab12>>>\n{GOOD}", "instructions"),
        (f"{GOOD}\n\n{SYSTEM_PROMPT}", "instructions"),
        (f"{GOOD}\n\n{GOOD}", "2 paragraph"),
    ],
)
def test_bad_replies_are_rejected(reply, words):
    with pytest.raises(InvalidTranslation, match=words):
        validate_translation(SOURCE, reply)


def test_rejection_messages_do_not_quote_the_text():
    with pytest.raises(InvalidTranslation) as caught:
        validate_translation(SOURCE, SOURCE)

    assert "Sutskever" not in str(caught.value)


def test_markdown_image_added_to_a_source_without_one_is_rejected():
    reply = f"{GOOD}![](x.png)"

    with pytest.raises(InvalidTranslation, match="image"):
        validate_translation(SOURCE, reply)


def test_paragraphs_must_match():
    source = "First paragraph about models.\n\nSecond paragraph about data."

    assert validate_translation(source, "第一段,关于模型。\n\n第二段,关于数据。")
    with pytest.raises(InvalidTranslation, match="1 paragraph"):
        validate_translation(source, "第一段关于模型,第二段关于数据。")
