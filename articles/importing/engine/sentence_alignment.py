"""Sentence alignment inside one aligned paragraph group, and the English sentences it left
without a Chinese counterpart.

The sentences of both sides (``articles.importing.engine.sentences``) are aligned by a
monotone dynamic programme over groups 1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 2-3, 3-2, 1-0 and 0-1,
costed like the paragraph aligner's (``articles.importing.engine.alignment``): a prior for the
shape, a length cost from this article's usual ratio (with the wider spread of short texts), a
bonus for the anchors both sides share (numbers, Latin-script tokens, URLs, names and glossary
terms, with ``articles.importing.engine.anchors``, and English words whose dictionary
renderings the Chinese holds, with ``articles.importing.engine.lexicon``) and a cost for each
anchor one side of a pair holds and the other lacks, and for each English word the dictionary
renders but the Chinese renders nowhere: the Chinese must account for the English it is said
to render, so an English sentence glued to a neighbour whose translation does not carry its
content costs more than leaving it out. Work is bounded: at most ``MAX_CELLS`` cells, else the
group is left unrefined.

An English sentence in a 1-0 group is *missing*. Whether that is a real cut rather than a free
rendering is decided on two pieces of evidence together: the Chinese is short of what the whole
English predicts, about by the missing sentences' share, and every alignment that keeps the
sentence (glued to a neighbour) costs clearly more (``margin``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.importing.engine.anchors import AnchorIndex, measure
from articles.importing.engine.lexicon import unrendered_words, word_tokens
from articles.importing.engine.sentences import Sentence, split_sentences

# Priors (negative log-odds) against a plain 1-1, from the shapes real translations take:
# Chinese often splits an English sentence at ；or joins two; leaving one out is rare.
SKIP_EN_COST = 3.5
SKIP_ZH_COST = 4.0
# A Chinese sentence that announces itself as a note ("译注：…") is cheap to leave unpaired.
NOTE_SKIP_COST = 0.5
_NOTE_MARK = re.compile(r"^[\s(（\[【]*(译注|译者注|译者按|编者按|编者注|编注)")
MERGE_COST = 2.0
MERGE3_COST = 4.0
ANCHOR_BONUS = 0.5
# Each anchor (number, name, dictionary word) that one side of a pair holds and the other
# does not: a Chinese sentence must account for the English sentences it is said to render.
UNACCOUNTED_COST = 1.0
# Each English content word that the dictionary renders but whose renderings the Chinese holds
# nowhere, in a pair that claims to translate it: weak evidence alone (a translator may choose
# another word), so a quarter of an unaccounted anchor's cost.
UNRENDERED_COST = 0.25
# Below SKIP_EN_COST + SKIP_ZH_COST: a badly shortened sentence is still its source's
# counterpart, never an English sentence left out beside a Chinese one added. The length cost
# is capped for every shape, and a 1-1 pair's whole cost (length and content) below that sum.
LENGTH_COST_CAP = 6.0
PAIR_COST_CAP = SKIP_EN_COST + SKIP_ZH_COST - 0.5
LENGTH_SMOOTHING = 8.0
# Spread of the log length ratio of one sentence pair: sqrt(BASE^2 + SHORT / (letters + 8)).
BASE_SPREAD = 0.12
SHORT_SPREAD = 1.5
# Dynamic-programme cells (English x Chinese sentences) above which a group is not refined.
MAX_CELLS = 40_000
# Never named missing: sentences this short (letters and digits), such as "(see Figure 1)".
MIN_MISSING_LETTERS = 12
FORBIDDEN = 1e6

_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3), (2, 2), (2, 3), (3, 2))
# The prior of each paired shape: a 2-2 or 2-3 group is two sentences whose boundary the
# translation moved (an English full stop rendered as "：", a "；" split), as rare as a 1-3.
_SHAPE_COST = {
    (1, 1): 0.0,
    (2, 1): MERGE_COST,
    (1, 2): MERGE_COST,
    (3, 1): MERGE3_COST,
    (1, 3): MERGE3_COST,
    (2, 2): MERGE3_COST,
    (2, 3): MERGE3_COST + MERGE_COST,
    (3, 2): MERGE3_COST + MERGE_COST,
}


@dataclass(slots=True)
class SentenceGroup:
    """English and Chinese sentence indexes (over the group's sentences) aligned together."""

    en: list[int]
    zh: list[int]


@dataclass(slots=True)
class SentenceAlignment:
    """The sentences of both sides (``paragraph`` says which of the group's paragraphs each
    comes from, counting from 0) and their groups, in order, covering every sentence once."""

    en: list[Sentence]
    zh: list[Sentence]
    en_paragraph: list[int]
    zh_paragraph: list[int]
    groups: list[SentenceGroup] = field(default_factory=list)
    cost: float = 0.0
    # How much more the best alignment that leaves no English sentence out costs.
    margin: float = 0.0
    refined: bool = True

    def missing(self) -> list[int]:
        """English sentence indexes with no Chinese counterpart."""
        return [i for g in self.groups if not g.zh for i in g.en]

    def cut_places(self) -> list[tuple[int, int]]:
        """Where the Chinese would have held each run of missing English sentences: (which of
        the group's Chinese paragraphs, counting from 0; how many of its sentences come
        before the place), in order, each place once."""
        places: list[tuple[int, int]] = []
        last = -1  # the last Chinese sentence placed so far
        for group in self.groups:
            if group.zh:
                last = group.zh[-1]
                continue
            if not group.en or not self.zh:
                continue
            if last < 0:
                place = (self.zh_paragraph[0], 0)
            else:
                paragraph = self.zh_paragraph[last]
                place = (paragraph, sum(1 for k in self.zh_paragraph[: last + 1] if k == paragraph))
            if place not in places:
                places.append(place)
        return places


def sentences_of(paragraphs: Sequence[str]) -> tuple[list[Sentence], list[int]]:
    """The sentences of several paragraphs, and the paragraph (0-based) of each."""
    sentences: list[Sentence] = []
    owners: list[int] = []
    for k, text in enumerate(paragraphs):
        found = split_sentences(text)
        sentences += found
        owners += [k] * len(found)
    return sentences, owners


def align_sentences(
    en: str | Sequence[str],
    zh: str | Sequence[str],
    *,
    ratio: float,
    anchors: Sequence[tuple[str, str]] = (),
) -> SentenceAlignment:
    """Align the sentences of English paragraph(s) ``en`` with Chinese paragraph(s) ``zh``.

    ``ratio`` is the article's Chinese characters per translated English letter
    (``Alignment.ratio``). ``anchors`` are (English, Chinese) pairs such as glossary terms and
    people's names.
    """
    en_paragraphs = [en] if isinstance(en, str) else list(en)
    zh_paragraphs = [zh] if isinstance(zh, str) else list(zh)
    en_sents, en_owner = sentences_of(en_paragraphs)
    zh_sents, zh_owner = sentences_of(zh_paragraphs)
    result = SentenceAlignment(en_sents, zh_sents, en_owner, zh_owner)
    n, m = len(en_sents), len(zh_sents)
    if not n or not m or (n + 1) * (m + 1) > MAX_CELLS:
        # Nothing to pair, or too large to refine: one group, as the paragraphs were paired.
        result.groups = [SentenceGroup(list(range(n)), list(range(m)))] if n or m else []
        result.refined = bool(n) != bool(m) or not (n or m)
        return result
    scorer = _Scorer(en_sents, zh_sents, ratio, anchors)
    path, cost = scorer.run(SKIP_EN_COST)
    result.groups = [SentenceGroup(list(e), list(z)) for e, z in path]
    result.cost = cost
    if result.missing():
        _, kept = scorer.run(FORBIDDEN)
        result.margin = round(kept - cost, 3)
    return result


class _Scorer:
    def __init__(self, en, zh, ratio: float, anchors):
        self.en_len = [measure(s.text).letters for s in en]
        sizes = [measure(s.text) for s in zh]
        self.zh_len = [s.cjk / ratio + s.latin for s in sizes]
        self.zh_skip = [NOTE_SKIP_COST if _NOTE_MARK.match(s.text) else SKIP_ZH_COST for s in zh]
        en_texts, zh_texts = [s.text for s in en], [s.text for s in zh]
        self.unrendered = unrendered_words(en_texts, zh_texts)
        self.index = AnchorIndex(en_texts, zh_texts, anchors, extra=word_tokens(en_texts, zh_texts))

    def cost(self, e0: int, e1: int, z0: int, z1: int) -> float:
        letters = sum(self.en_len[e0:e1])
        observed = sum(self.zh_len[z0:z1])
        x = math.log(observed + LENGTH_SMOOTHING) - math.log(letters + LENGTH_SMOOTHING)
        spread = math.sqrt(BASE_SPREAD**2 + SHORT_SPREAD / (letters + LENGTH_SMOOTHING))
        index = self.index
        mismatch = (
            min(0.5 * (x / spread) ** 2, LENGTH_COST_CAP)
            + UNACCOUNTED_COST * index.unaccounted(e0, e1, z0, z1)
            + UNRENDERED_COST * sum(self.unrendered[e0:e1])
        )
        if e1 - e0 == z1 - z0 == 1:
            mismatch = min(mismatch, PAIR_COST_CAP)
        return mismatch - ANCHOR_BONUS * index.shared(e0, e1, z0, z1)

    def run(self, skip_en: float) -> tuple[list[tuple[range, range]], float]:
        n, m = len(self.en_len), len(self.zh_len)
        inf = math.inf
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back = [[0] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                if not i and not j:
                    continue
                best, move = inf, 0
                for k, (di, dj) in enumerate(_MOVES, 1):
                    if di > i or dj > j or cost[i - di][j - dj] == inf:
                        continue
                    if not dj:
                        step = skip_en
                    elif not di:
                        step = self.zh_skip[j - 1]
                    else:
                        step = self.cost(i - di, i, j - dj, j)
                        step += _SHAPE_COST[di, dj]
                    c = cost[i - di][j - dj] + step
                    if c < best:
                        best, move = c, k
                cost[i][j], back[i][j] = best, move
        path, i, j = [], n, m
        while i or j:
            di, dj = _MOVES[back[i][j] - 1]
            path.append((range(i - di, i), range(j - dj, j)))
            i, j = i - di, j - dj
        path.reverse()
        return path, cost[n][m]
