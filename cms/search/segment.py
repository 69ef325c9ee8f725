"""Chinese word segmentation for the search index and for queries (jieba), no models.

Databases' full-text search splits words at spaces and punctuation, so a run of Chinese is
one long "word" and 神经网络 inside it is never found. Indexed text has each run of Han
replaced by its words, and every dictionary word inside a longer word after them (a superset
of jieba's search mode, which stops at three characters: 人工智能寒冬 also yields 人工智能 and
寒冬). Queries are cut in jieba's search mode, so each word is found whether the text holds it
alone or inside a longer one. Everything else (English, numbers) is left as it is.

Every save of a page indexes all of its text again, several fields hold the same text, and
cutting is most of what indexing costs (most of a publish's time). So cut texts are kept,
under the dictionary's generation: a word learnt later makes new cuts, not stale ones.
"""

import logging
import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

import jieba

from articles.cjk import HAN

HAN_RUN = re.compile(f"[{HAN}]+")
# A query token: letters, digits and Han; everything else (quotes, operators, punctuation)
# separates tokens, so nothing a reader types reaches the database's query syntax.
WORD = re.compile(r"[^\W_]+")
# Punctuation outside ASCII (，。：（）“”·—): a space in the index. PostgreSQL's parser under
# the C locale counts every non-ASCII character as a letter, and would glue （Hinton） into
# one word.
WIDE_PUNCTUATION = re.compile(r"[^\w\s\x00-\x7f]+")
MIN_DICTIONARY_WORD = 2

jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG to stderr
_tokenizer = jieba.Tokenizer()
_lock = threading.Lock()
_added: set[str] = set()
_generation = 0  # moves whenever the dictionary learns a word


def _han_words(run: str) -> Iterator[str]:
    """The words of one run of Han, each followed by the dictionary words inside it."""
    freq = _tokenizer.FREQ
    for word in _tokenizer.cut(run):
        yield word
        for size in range(len(word) - 1, MIN_DICTIONARY_WORD - 1, -1):
            for start in range(len(word) - size + 1):
                part = word[start : start + size]
                if freq.get(part):
                    yield part


@lru_cache(maxsize=50_000)
def _cut_run(run: str, generation: int) -> str:
    return f" {' '.join(_han_words(run))} "


@lru_cache(maxsize=512)  # a few pages' fields; each run stays in the other
def _cut_text(text: str, generation: int) -> str:
    text = WIDE_PUNCTUATION.sub(" ", text)
    return HAN_RUN.sub(lambda match: _cut_run(match.group(), generation), text)


def index_text(text: str) -> str:
    """``text`` with every run of Han replaced by its words, separated by spaces."""
    if not text:
        return ""
    return _cut_text(text, _generation)


def query_words(term: str) -> list[str]:
    """The tokens one query term (no spaces) stands for: Han cut in search mode, the rest
    split into runs of letters and digits."""
    words: list[str] = []
    position = 0
    for match in HAN_RUN.finditer(term):
        words += WORD.findall(term[position : match.start()])
        words += [word for word in _tokenizer.cut_for_search(match.group()) if word.strip()]
        position = match.end()
    words += WORD.findall(term[position:])
    return list(dict.fromkeys(words))


def query_terms(query: str) -> list[list[str]]:
    """Each whitespace-separated term of ``query`` as its tokens; terms with none dropped."""
    return [words for words in (query_words(term) for term in query.split()) if words]


def add_words(names: Iterable[str]) -> int:
    """Teach the segmenter these words (glossary terms, people's names). Only the Han parts
    count: jieba splits at "·" and spaces anyway, so 杰弗里·辛顿 adds 杰弗里 and 辛顿.
    Returns how many were new."""
    new = {
        part
        for name in names
        for part in HAN_RUN.findall(name or "")
        if len(part) >= MIN_DICTIONARY_WORD and part not in _added
    }
    if not new:
        return 0
    global _generation
    with _lock:
        for word in sorted(new):
            _tokenizer.add_word(word)
        _added.update(new)
        _generation += 1
    return len(new)
