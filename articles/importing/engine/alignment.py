"""Paragraph alignment of an English original with its Chinese translation.

A monotone dynamic programme over groups 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1, in the spirit of
Gale and Church: each group costs a prior for its shape, a length cost (how far the Chinese
length is from what this article's usual ratio predicts for the English) and a bonus for the
anchors both sides share (numbers, Latin-script words and code kept in the translation, URLs,
caller-supplied term and name pairs). The usual ratio is estimated per article, as a median
over a first alignment, so abridged or padded paragraphs barely move it.

Each group then gets a kind: ``full``, ``abridged`` (Chinese materially shorter than expected),
``omitted`` (English with no Chinese) or ``added`` (Chinese with no English, such as an
editor's lead or a translator's note), with a confidence in [0, 1].

Then each paired group is aligned sentence by sentence
(``articles.importing.engine.sentence_alignment``): a group that is not ``full`` names in
``missing`` the English sentences with no Chinese counterpart, and a ``full`` group whose
Chinese is short by about the length of an English sentence the sentence alignment clearly
left out becomes ``abridged`` (one sentence dropped from the middle of a paragraph).
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from articles.importing.engine.anchors import AnchorIndex, TextSize, measure
from articles.importing.engine.sentence_alignment import align_sentences
from articles.importing.engine.sentences import split_sentences

FULL, ABRIDGED, OMITTED, ADDED = "full", "abridged", "omitted", "added"

# Priors (negative log-odds) of each group shape against a plain 1-1.
SKIP_COST = 3.0
MERGE_COST = 3.0
MERGE_BOTH_COST = 5.0
# Chinese paragraphs that announce themselves as notes ("译注：…") are cheap to leave unmatched.
NOTE_SKIP_COST = 0.5
# Length costs are capped: a badly shortened paragraph is still the counterpart of its source,
# and must stay cheaper than dropping it and gluing its remains to a neighbour.
LENGTH_COST_CAP = 3.5
ANCHOR_BONUS = 0.5
# Smoothing (characters) so that very short paragraphs do not give extreme ratios.
LENGTH_SMOOTHING = 8.0
# Translation variability of long paragraphs (standard deviation of the log length ratio).
BASE_SPREAD = 0.1
# Abridged: below this share of the expected length, and this many deviations below it.
ABRIDGED_SHARE = 0.62
ABRIDGED_DEVIATIONS = 3.0
ABRIDGED_MIN_SOURCE = 60
DEFAULT_RATIO = 0.33
# Weight of the usual ratio, in English letters, when estimating a short article's own.
PRIOR_LETTERS = 500
RATIO_BOUNDS = (0.05, 3.0)
MIN_BAND = 25
TIE = 1e-9
# A sentence cut inside a translated paragraph: the Chinese is below this share of what the
# English predicts, the sentences left out explain the shortfall (what remains is within
# CUT_EXPLAINED of its expected length), they are at least CUT_MIN_SHARE of the English, and
# keeping them costs at least CUT_MARGIN more.
CUT_MAX_SHARE = 0.9
CUT_EXPLAINED = 0.3
CUT_MIN_SHARE = 0.08
CUT_MARGIN = 1.5
# A margin this large means no alignment can keep the sentences (too few Chinese ones).
MARGIN_CAP = 20.0

_NOTE_MARK = re.compile(
    r"^[\s(（\[【]*(译注|译者注|译者按|编者按|编者注|编注|导语|导读|"
    r"translator'?s note|editor'?s note)",
    re.IGNORECASE,
)
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


@dataclass(slots=True)
class Group:
    """English and Chinese paragraph indexes aligned together, with the kind and confidence."""

    en: list[int]
    zh: list[int]
    kind: str
    score: float
    # Observed Chinese length over the length expected from the English; None for 1-0 / 0-1.
    length_ratio: float | None = None
    # English sentences (text) with no Chinese counterpart; empty for ``full`` and ``added``.
    missing: list[str] = field(default_factory=list)
    # Where in the Chinese they would have stood: (Chinese paragraph index, how many of its
    # sentences come before the place); empty when the group has no Chinese.
    places: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Alignment:
    """Groups in order, covering every paragraph of both sides exactly once."""

    groups: list[Group]
    # Chinese characters per translated English letter or digit, estimated for this article.
    ratio: float

    def flagged(self, kind: str) -> list[int]:
        """English indexes flagged omitted/abridged, or Chinese indexes flagged added."""
        side = "zh" if kind == ADDED else "en"
        return [i for g in self.groups if g.kind == kind for i in getattr(g, side)]


def align(
    en: Sequence[str],
    zh: Sequence[str],
    anchors: Sequence[tuple[str, str]] = (),
    *,
    en_headings: Collection[int] = (),
    zh_headings: Collection[int] = (),
    sentences: bool = True,
) -> Alignment:
    """Align English paragraphs with Chinese paragraphs, monotonically.

    ``anchors`` are (English, Chinese) pairs known to correspond, such as glossary terms and
    people's names; a paragraph pair sharing one is more likely to belong together.
    ``en_headings``/``zh_headings`` are the indexes of headings, when the caller knows them:
    a heading is likely to pair with a heading. ``sentences=False`` skips the sentence pass
    (no ``missing``, no sentence cuts found).
    """
    en_sizes = [measure(p) for p in en]
    zh_sizes = [measure(p) for p in zh]
    index = AnchorIndex(en, zh, anchors, headings=(en_headings, zh_headings))
    ratio = _clamp(_total_ratio(en_sizes, zh_sizes))
    notes = [bool(_NOTE_MARK.match(p)) for p in zh]
    aligner = _Aligner(en_sizes, zh_sizes, index, notes)
    path = aligner.run(ratio)
    # Re-estimate the ratio from the paragraphs the first pass paired, then align again.
    estimate = _paired_ratio(path, en_sizes, zh_sizes)
    if estimate is not None and abs(math.log(estimate / ratio)) > 0.03:
        ratio = _clamp(estimate)
        path = aligner.run(ratio)
    groups = [aligner.describe(e, z, ratio) for e, z in path]
    if sentences:
        groups = name_missing(groups, en, zh, ratio, anchors)
    return Alignment(groups, ratio)


def name_missing(
    groups: Sequence[Group],
    en: Sequence[str],
    zh: Sequence[str],
    ratio: float,
    anchors: Sequence[tuple[str, str]] = (),
) -> list[Group]:
    """``groups`` with ``missing`` filled in and sentence cuts found (see the module
    docstring). A group that already names its missing sentences is kept as it is."""
    out = []
    for group in groups:
        if group.missing or group.kind == ADDED or not group.en:
            out.append(group)
        elif group.kind == OMITTED:
            out.append(_with_missing(group, omitted_sentences([en[i] for i in group.en])))
        else:
            out.append(_sentence_cut(group, en, zh, ratio, anchors))
    return out


def omitted_sentences(paragraphs: Sequence[str]) -> list[str]:
    """Every sentence of paragraphs left out whole."""
    return [s.text for text in paragraphs for s in split_sentences(text)]


def _with_missing(
    group: Group, missing: list[str], places: list[tuple[int, int]] | None = None
) -> Group:
    return Group(
        group.en, group.zh, group.kind, group.score, group.length_ratio, missing, places or []
    )


def _sentence_cut(group: Group, en, zh, ratio: float, anchors) -> Group:
    en_texts = [en[i] for i in group.en]
    letters = sum(measure(t).letters for t in en_texts)
    if letters < ABRIDGED_MIN_SOURCE:
        return group
    result = align_sentences(en_texts, [zh[j] for j in group.zh], ratio=ratio, anchors=anchors)
    missing = result.missing()
    if not missing:
        return group
    texts = [result.en[i].text for i in missing]
    places = [(group.zh[offset], before) for offset, before in result.cut_places()]
    if group.kind == ABRIDGED:
        return _with_missing(group, texts, places)
    cut = sum(measure(t).letters for t in texts)
    observed = sum(s.cjk / ratio + s.latin for s in (measure(zh[j]) for j in group.zh))
    share = observed / letters
    explained = observed / max(1, letters - cut)
    margin = min(result.margin, MARGIN_CAP)
    if (
        share < CUT_MAX_SHARE
        and cut >= CUT_MIN_SHARE * letters
        and abs(math.log(explained)) <= CUT_EXPLAINED
        and margin >= CUT_MARGIN
    ):
        score = round(min(1.0, 0.5 + margin / 10), 3)
        return Group(group.en, group.zh, ABRIDGED, score, round(share, 3), texts, places)
    return group


class _Aligner:
    """The dynamic programme, in a band around the diagonal that follows cumulative length."""

    def __init__(self, en: list[TextSize], zh: list[TextSize], index: AnchorIndex, notes):
        self.en, self.zh, self.index, self.notes = en, zh, index, notes
        self.en_len = [s.letters for s in en]
        self.zh_skip = [NOTE_SKIP_COST if note else SKIP_COST for note in notes]

    def _lengths(self, ratio: float) -> None:
        k = LENGTH_SMOOTHING
        self.zh_eff = [s.cjk / ratio + s.latin for s in self.zh]
        en_pairs = [a + b for a, b in zip(self.en_len, self.en_len[1:], strict=False)]
        zh_pairs = [a + b for a, b in zip(self.zh_eff, self.zh_eff[1:], strict=False)]
        self.en_log = [math.log(x + k) for x in self.en_len]
        self.en_log2 = [math.log(x + k) for x in en_pairs]
        self.en_inv = [1.0 / _spread(x) for x in self.en_len]
        self.en_inv2 = [1.0 / _spread(x) for x in en_pairs]
        self.zh_log = [math.log(x + k) for x in self.zh_eff]
        self.zh_log2 = [math.log(x + k) for x in zh_pairs]

    def run(self, ratio: float) -> list[tuple[range, range]]:
        self._lengths(ratio)
        n, m = len(self.en), len(self.zh)
        width = MIN_BAND + max(n, m) // 10
        while True:
            path, touched_edge = self._dp(width)
            if not touched_edge or width >= max(n, m):
                return path
            width *= 2

    def _band(self, width: int) -> tuple[list[int], list[int]]:
        """Per English row, the Chinese columns searched: around where the lengths agree."""
        n, m = len(self.en), len(self.zh)
        en_total, zh_total = sum(self.en_len) or 1, sum(self.zh_eff) or 1
        lows, highs, j, done = [], [], 0, 0.0
        for i in range(n + 1):
            share = sum(self.en_len[:i]) / en_total if i < n else 1.0
            while j < m and (done + self.zh_eff[j] / 2) / zh_total < share:
                done += self.zh_eff[j]
                j += 1
            lows.append(max(0, j - width))
            highs.append(min(m, j + width))
        lows[0], highs[n] = 0, m
        return lows, highs

    def _dp(self, width: int) -> tuple[list[tuple[range, range]], bool]:
        n, m = len(self.en), len(self.zh)
        inf, cap, bonus = math.inf, LENGTH_COST_CAP, ANCHOR_BONUS
        en_log, en_log2, en_inv, en_inv2 = self.en_log, self.en_log2, self.en_inv, self.en_inv2
        zh_log, zh_log2, zh_skip = self.zh_log, self.zh_log2, self.zh_skip
        shared = self.index.shared
        en_has = [bool(t) for t in self.index.en]
        zh_has = [bool(t) for t in self.index.zh]
        lows, highs = self._band(width)
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back = [[0] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        for i in range(n + 1):
            row, brow = cost[i], back[i]
            up = cost[i - 1] if i else None
            up2 = cost[i - 2] if i > 1 else None
            for j in range(lows[i], highs[i] + 1):
                best, move = row[j], 0
                if j and row[j - 1] + zh_skip[j - 1] < best:
                    best, move = row[j - 1] + zh_skip[j - 1], 3
                if up is None:
                    row[j], brow[j] = best, move
                    continue
                if up[j] + SKIP_COST < best:
                    best, move = up[j] + SKIP_COST, 2
                e, z = i - 1, j - 1
                if j and up[z] < inf:
                    x = (zh_log[z] - en_log[e]) * en_inv[e]
                    c = up[z] + min(0.5 * x * x, cap)
                    if en_has[e] and zh_has[z]:
                        c -= bonus * shared(e, i, z, j)
                    # On a tie, pair here and leave out earlier paragraphs: a heading then
                    # stays with the section it opens when the section before it was dropped.
                    if c < best + TIE:
                        best, move = c, 1
                if j > 1 and up[j - 2] < inf:
                    x = (zh_log2[j - 2] - en_log[e]) * en_inv[e]
                    c = up[j - 2] + MERGE_COST + min(0.5 * x * x, cap)
                    c -= bonus * shared(e, i, j - 2, j) if en_has[e] else 0.0
                    if c < best:
                        best, move = c, 5
                if up2 is None or not j:
                    row[j], brow[j] = best, move
                    continue
                if up2[z] < inf:
                    x = (zh_log[z] - en_log2[i - 2]) * en_inv2[i - 2]
                    c = up2[z] + MERGE_COST + min(0.5 * x * x, cap)
                    c -= bonus * shared(i - 2, i, z, j) if zh_has[z] else 0.0
                    if c < best:
                        best, move = c, 4
                if j > 1 and up2[j - 2] < inf:
                    x = (zh_log2[j - 2] - en_log2[i - 2]) * en_inv2[i - 2]
                    c = up2[j - 2] + MERGE_BOTH_COST + min(0.5 * x * x, cap)
                    c -= bonus * shared(i - 2, i, j - 2, j)
                    if c < best:
                        best, move = c, 6
                row[j], brow[j] = best, move
        if cost[n][m] == inf:
            return [], True
        path, i, j, edge = [], n, m, False
        while i or j:
            di, dj = _MOVES[back[i][j] - 1]
            path.append((range(i - di, i), range(j - dj, j)))
            i, j = i - di, j - dj
            edge = edge or (j == lows[i] > 0) or (j == highs[i] < m)
        path.reverse()
        return path, edge

    def group_cost(self, e0: int, e1: int, z0: int, z1: int) -> float:
        if e0 == e1:
            return self.zh_skip[z0]
        if z0 == z1:
            return SKIP_COST
        ne, nz = e1 - e0, z1 - z0
        prior = 0.0 if ne == nz == 1 else MERGE_BOTH_COST if ne == nz == 2 else MERGE_COST
        return (
            prior
            + self._length_cost(e0, e1, z0, z1)
            - ANCHOR_BONUS * self.index.shared(e0, e1, z0, z1)
        )

    def _deviation(self, e0: int, e1: int, z0: int, z1: int) -> tuple[float, float]:
        """Log length ratio (observed/expected) and its spread for this group."""
        letters = sum(self.en_len[e0:e1])
        observed = sum(self.zh_eff[z0:z1])
        x = math.log(observed + LENGTH_SMOOTHING) - math.log(letters + LENGTH_SMOOTHING)
        return x, _spread(letters)

    def _length_cost(self, e0: int, e1: int, z0: int, z1: int) -> float:
        x, spread = self._deviation(e0, e1, z0, z1)
        return min(0.5 * (x / spread) ** 2, LENGTH_COST_CAP)

    def describe(self, e: range, z: range, ratio: float) -> Group:
        if not z:
            return Group(list(e), [], OMITTED, self._skip_confidence(e.start, z.start, True))
        if not e:
            return Group([], list(z), ADDED, self._skip_confidence(e.start, z.start, False))
        x, spread = self._deviation(e.start, e.stop, z.start, z.stop)
        letters = sum(self.en_len[e.start : e.stop])
        share = math.exp(x)
        if (
            letters >= ABRIDGED_MIN_SOURCE
            and share < ABRIDGED_SHARE
            and x / spread < -ABRIDGED_DEVIATIONS
        ):
            # The further below the threshold, the surer.
            score = min(1.0, 0.5 + (math.log(ABRIDGED_SHARE) - x) / 0.8)
            return Group(list(e), list(z), ABRIDGED, round(score, 3), round(share, 3))
        fit = math.exp(-0.125 * (x / spread) ** 2)
        if self.index.shared(e.start, e.stop, z.start, z.stop) > 0:
            fit = 1.0 - (1.0 - fit) / 2
        return Group(list(e), list(z), FULL, round(fit, 3), round(share, 3))

    def _skip_confidence(self, i: int, j: int, english: bool) -> float:
        """How much worse pairing the lone paragraph with a neighbour would have been."""
        alternatives = []
        if english:
            for z in (j - 1, j):
                if 0 <= z < len(self.zh):
                    alternatives.append(self.group_cost(i, i + 1, z, z + 1))
        else:
            for e in (i - 1, i):
                if 0 <= e < len(self.en):
                    alternatives.append(self.group_cost(e, e + 1, j, j + 1))
        if not alternatives:
            return 1.0
        return round(1.0 - math.exp(-max(0.0, min(alternatives)) / 2), 3)


def _total_ratio(en: list[TextSize], zh: list[TextSize]) -> float:
    """Ratio over the whole text, pulled towards the usual one when the text is short."""
    cjk = sum(s.cjk for s in zh)
    translated = max(0, sum(s.letters for s in en) - sum(s.latin for s in zh))
    return (cjk + DEFAULT_RATIO * PRIOR_LETTERS) / (translated + PRIOR_LETTERS)


def _paired_ratio(path, en: list[TextSize], zh: list[TextSize]) -> float | None:
    """Median ratio over 1-1 pairs long enough to say something."""
    samples = []
    for e, z in path:
        if len(e) == 1 and len(z) == 1:
            source, target = en[e.start], zh[z.start]
            translated = source.letters - target.latin
            if translated >= 30 and target.cjk >= 10:
                samples.append(target.cjk / translated)
    return statistics.median(samples) if len(samples) >= 3 else None


def _spread(letters: float) -> float:
    """Expected spread of the log length ratio: wider for short paragraphs."""
    return math.sqrt(BASE_SPREAD**2 + 1.0 / (letters + LENGTH_SMOOTHING))


def _clamp(ratio: float) -> float:
    low, high = RATIO_BOUNDS
    return min(max(ratio, low), high)
