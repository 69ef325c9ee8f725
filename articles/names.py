"""People's names in running text: which known person a written name stands for, and which
unknown strings look like a person's name at all.

Pure values in and out (no models), so the importer and the review checks share one answer.
A known person is matched by a name, alias or Chinese rendering as written, by a recorded
misspelling, and by a near miss: a capital I for a lower-case l or the reverse ("IIya",
"lIya"), or, for a Latin name of five letters or more, one stray, missing or changed letter
that keeps the first letter ("Bengiol"); a Chinese rendering of five characters or more with
one character changed. Shorter names are matched only as written: "Li" and "Ng" are too
short for a guess to be safe.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from articles.cjk import HAN, has_han

# How a written name was matched.
EXACT = "exact"  # a name, alias or rendering as recorded
MISSPELLING = "misspelling"  # a recorded misspelling
NEAR = "near"  # an unrecorded near miss of a name
PART = "part"  # (internal) one part of a Chinese name: "辛顿" of "杰弗里·辛顿"

# Latin names shorter than this are never matched by edit distance.
MIN_FUZZY_LETTERS = 5
# Chinese renderings with fewer ideographs than this are never matched with a changed one.
MIN_FUZZY_HAN = 5
# A bare surname ("Hinton") stands for its person when at least this long and unambiguous.
MIN_SURNAME_LETTERS = 4

_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD = re.compile(rf"[{_LETTERS}]+(?:[-'’][{_LETTERS}]+)*")
_NAME_SEPARATORS = re.compile(r"[·•・‧.\s]+")
_SEPARATOR_CHARS = "·•・‧."


class Named(Protocol):
    """A person's names as plain values (``PersonNames`` of the review checks fits)."""

    @property
    def id(self) -> Hashable: ...
    @property
    def names_en(self) -> Sequence[str]: ...
    @property
    def names_zh(self) -> Sequence[str]: ...
    @property
    def misspellings(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class NameMatch:
    """A written name in a text and the person it stands for."""

    person_id: Hashable
    text: str
    start: int
    end: int
    # The recorded name, alias, rendering or misspelling it was matched against.
    form: str
    kind: str = EXACT

    @property
    def misspelt(self) -> bool:
        return self.kind != EXACT


def by_script(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Latin-script names, Chinese names) of ``names``, blanks dropped, order kept."""
    names = [n.strip() for n in names if n and n.strip()]
    return [n for n in names if not has_han(n)], [n for n in names if has_han(n)]


def fold(word: str) -> str:
    """The I/l-blind, case-blind form of a Latin word: "IIya", "lIya" and "Ilya" agree."""
    return word.replace("I", "l").casefold()


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one inserted, deleted or changed letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    if len(a) == len(b):
        return a[k + 1 :] == b[k + 1 :]
    return a[k:] == b[k + 1 :]


def near_word(written: str, recorded: str) -> bool:
    """Whether ``written`` may be a slip for the recorded Latin name word ``recorded``.

    I/l confusion alone at any length of three letters or more; one more slip only for
    names of ``MIN_FUZZY_LETTERS`` letters or more, and never in the first letter, where a
    difference is a different name ("During" is not "Turing").
    """
    return _near_folded(fold(written), fold(recorded))


def _near_folded(a: str, b: str) -> bool:
    """``near_word`` of two words already folded."""
    if len(b) < 3:
        return False
    if a == b:
        return True
    letters = sum(ch.isalpha() for ch in b)
    return letters >= MIN_FUZZY_LETTERS and a[:1] == b[:1] and within_one_edit(a, b)


@dataclass(frozen=True)
class _Form:
    person_id: Hashable
    text: str
    words: tuple[str, ...]
    kind: str


class NameIndex:
    """The names of a set of people, prepared once for matching many texts."""

    def __init__(self, people: Iterable[Named]):
        self.latin: list[_Form] = []
        self.chinese: list[_Form] = []
        surnames: dict[str, set[Hashable]] = {}
        taken_words: dict[str, set[Hashable]] = {}
        for person in people:
            latin, chinese = by_script([*person.names_en, *person.names_zh])
            for name in latin:
                self._add(person.id, name, EXACT)
                words = _WORD.findall(name)
                for word in words:
                    taken_words.setdefault(word.casefold(), set()).add(person.id)
                if len(words) > 1 and len(words[-1]) >= MIN_SURNAME_LETTERS:
                    surnames.setdefault(words[-1], set()).add(person.id)
            for name in chinese:
                self._add(person.id, name, EXACT)
                # "辛顿" alone stands for "杰弗里·辛顿".
                for part in _NAME_SEPARATORS.split(name):
                    if len(part) > 1 and part != name:
                        self._add(person.id, part, PART)
            for misspelling in person.misspellings:
                if misspelling and misspelling.strip():
                    self._add(person.id, misspelling.strip(), MISSPELLING)
        # A surname shared by two people, or also someone's first name, names nobody.
        for surname, owners in surnames.items():
            if len(owners) == 1 and taken_words[surname.casefold()] == owners:
                self._add(next(iter(owners)), surname, EXACT)
        # Longest first, so "Ilya Sutskever" is one match, not also "Ilya".
        self.latin.sort(key=lambda f: (-len(f.words), -len(f.text)))
        self.chinese.sort(key=lambda f: -len(f.text))
        self.max_words = max((len(f.words) for f in self.latin), default=0)
        self._by_size = _LatinForms.of(self.latin)
        self._whole = [f for f in self.chinese if f.kind != PART]
        self._parts = [f for f in self.chinese if f.kind == PART]
        self._fuzzy = [
            f for f in self._whole if f.kind == EXACT and _han_count(f.text) >= MIN_FUZZY_HAN
        ]

    def _add(self, person_id: Hashable, text: str, kind: str) -> None:
        if has_han(text):
            self.chinese.append(_Form(person_id, text, (), kind))
        else:
            words = tuple(_WORD.findall(text))
            if words:
                self.latin.append(_Form(person_id, text, words, kind))

    def find(self, text: str) -> list[NameMatch]:
        """Every known person named in ``text``, in reading order, spans not overlapping."""
        taken = [False] * len(text)
        found = self._chinese(text, taken) + self._latin(text, taken)
        return sorted(found, key=lambda m: m.start)

    # --- Chinese renderings --------------------------------------------------------------

    def _chinese(self, text: str, taken: list[bool]) -> list[NameMatch]:
        found: list[NameMatch] = []
        # Whole names as written, then with one ideograph changed, then their parts, so
        # "伊利亚·苏兹克维" is one near miss rather than "伊利亚" and an unknown rest.
        for form in self._whole:
            found += _as_written(text, form, taken)
        for form in self._fuzzy:
            for start in _one_changed(text, form.text):
                end = start + len(form.text)
                if not any(taken[start:end]):
                    _take(taken, start, end)
                    written = text[start:end]
                    found.append(NameMatch(form.person_id, written, start, end, form.text, NEAR))
        for form in self._parts:
            found += _as_written(text, form, taken)
        return found

    # --- Latin names ----------------------------------------------------------------------

    def _latin(self, text: str, taken: list[bool]) -> list[NameMatch]:
        if not self.latin:
            return []
        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        found: list[NameMatch] = []
        for size in range(self.max_words, 0, -1):
            forms = self._by_size.get(size)
            if forms is None:
                continue
            runs = [
                tokens[i : i + size]
                for i in range(len(tokens) - size + 1)
                if all(_joined(text, tokens[k], tokens[k + 1]) for k in range(i, i + size - 1))
            ]
            for near in (False, True):
                for run in runs:
                    start, end = run[0][1], run[-1][2]
                    if any(taken[start:end]):
                        continue
                    written = tuple(word for word, _, _ in run)
                    match = self._match_run(written, forms, near)
                    if match is not None:
                        form, kind = match
                        _take(taken, start, end)
                        found.append(
                            NameMatch(form.person_id, text[start:end], start, end, form.text, kind)
                        )
        return found

    def _match_run(
        self, written: tuple[str, ...], forms: _LatinForms, near: bool
    ) -> tuple[_Form, str] | None:
        if not near:
            return forms.as_written(written)
        # A guess is made only on a capitalised name (or one whose capital I became an l).
        if not all(_capitalised(word) for word in written):
            return None
        folded = tuple(fold(word) for word in written)
        guesses = {
            form.person_id: form
            for form, recorded in forms.exact_folded.get(_initials(folded), ())
            if all(_near_folded(w, r) for w, r in zip(folded, recorded, strict=True))
        }
        if len(guesses) != 1:  # None, or ambiguous between two people.
            return None
        return next(iter(guesses.values())), NEAR


@dataclass
class _LatinForms:
    """The Latin forms of one length in words, looked up by what is written: the first of
    them in matching order (longest first) that a run matches wins, as a scan would find."""

    # Recorded misspellings by their words as written; names by their case-folded words;
    # each with its place in matching order.
    misspelt: dict[tuple[str, ...], tuple[int, _Form]]
    exact: dict[tuple[str, ...], tuple[int, _Form]]
    # The names with their I/l- and case-blind words, for guesses, by those words' first
    # letters (a guess never changes a first letter).
    exact_folded: dict[tuple[str, ...], list[tuple[_Form, tuple[str, ...]]]]

    @classmethod
    def of(cls, forms: list[_Form]) -> dict[int, _LatinForms]:
        by_size: dict[int, _LatinForms] = {}
        for order, form in enumerate(forms):
            group = by_size.setdefault(len(form.words), cls({}, {}, {}))
            if form.kind == MISSPELLING:
                group.misspelt.setdefault(form.words, (order, form))
            elif form.kind == EXACT:
                group.exact.setdefault(_casefolded(form.words), (order, form))
                folded = tuple(fold(w) for w in form.words)
                group.exact_folded.setdefault(_initials(folded), []).append((form, folded))
        return by_size

    def as_written(self, written: tuple[str, ...]) -> tuple[_Form, str] | None:
        found = [
            (*hit, kind)
            for hit, kind in (
                (self.misspelt.get(written), MISSPELLING),
                (self.exact.get(_casefolded(written)), EXACT),
            )
            if hit is not None
        ]
        if not found:
            return None
        _order, form, kind = min(found, key=lambda hit: hit[0])
        return form, kind


def find_names(text: str, people: Iterable[Named] | NameIndex) -> list[NameMatch]:
    """Known people named in ``text`` (see the module docstring for what counts)."""
    index = people if isinstance(people, NameIndex) else NameIndex(people)
    return index.find(text)


def _as_written(text: str, form: _Form, taken: list[bool]) -> list[NameMatch]:
    found = []
    kind = EXACT if form.kind == PART else form.kind
    start = text.find(form.text)
    while start >= 0:
        end = start + len(form.text)
        if not any(taken[start:end]):
            _take(taken, start, end)
            found.append(NameMatch(form.person_id, form.text, start, end, form.text, kind))
        start = text.find(form.text, start + 1)
    return found


def _take(taken: list[bool], start: int, end: int) -> None:
    taken[start:end] = [True] * (end - start)


def _joined(text: str, left: tuple[str, int, int], right: tuple[str, int, int]) -> bool:
    """Two words are one name's when only spaces, a hyphen or a middle dot stand between."""
    gap = text[left[2] : right[1]]
    return 0 < len(gap) <= 2 and all(ch in " \u00a0·•・‧-" for ch in gap)


def _initials(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(word[:1] for word in words)


def _casefolded(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w.casefold() for w in words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1] == "l" and word[1:2].isupper())


def _han_count(text: str) -> int:
    return len(re.findall(f"[{HAN}]", text))


def _one_changed(text: str, form: str) -> Iterable[int]:
    """Starts of windows of ``text`` as long as ``form`` that differ from it in exactly one
    ideograph, separators in place. One half of the form is then found as written."""
    half = len(form) // 2
    starts: set[int] = set()
    for piece, offset in ((form[:half], 0), (form[half:], half)):
        position = text.find(piece)
        while position >= 0:
            start = position - offset
            if start >= 0 and start + len(form) <= len(text):
                starts.add(start)
            position = text.find(piece, position + 1)
    for start in sorted(starts):
        window = text[start : start + len(form)]
        differences = [(a, b) for a, b in zip(window, form, strict=True) if a != b]
        if len(differences) == 1 and all(
            re.match(f"[{HAN}]", ch) for pair in differences for ch in pair
        ):
            yield start


# --- Strings that look like a person's name ------------------------------------------------

# Lower-case words inside a Western name.
_PARTICLE_WORDS = "van von der den de del della di da das dos du la le bin ibn al ter ten y"
PARTICLES = frozenset(_PARTICLE_WORDS.split())
_INITIAL = re.compile(r"^[A-Z]\.$")
# A name word: capitalised, letters only; "McCarthy", "LeCun", "O'Neil" and "Fei-Fei" too.
_NAME_WORD = re.compile(
    r"^(?:Mc|Mac|O['’]|D['’]|Le|La|De|Di|Da|Van|Von)?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+"
    r"(?:-[A-Z\u00c0-\u00de]?[a-z\u00df-\u00ff]+)*$"
)
# Words that make a capitalised run a title, a role, an organisation, a product, a document,
# a place or a page's furniture rather than someone's name. General English vocabulary.
_NOT_NAME_LINES = """
    the a an and or of for to in on at by with from about into over under this that these
    those then when while after before yesterday today tomorrow however but so if as our their
    his her my we they he she it you your what why how where who last next every each some
    many most both all new old first second third final part chapter step
    mr mrs ms dr prof sir dame lord lady king queen prince princess saint st
    chief executive officer president vice director manager engineer engineering scientist
    researcher research professor doctor founder cofounder co-founder chairman chair head
    lead senior junior principal staff fellow editor author writer reporter minister
    secretary governor senator ambassador general captain analyst architect developer
    designer consultant intern assistant associate partner investor advisor adviser expert
    team department division office board
    inc corp corporation company co ltd llc group foundation institute university college
    school academy lab labs laboratory center centre society association council committee
    agency bureau ministry bank fund capital ventures partners holdings media news press
    times post journal review magazine daily weekly studio studios games systems
    technologies technology software hardware network networks cloud platform services
    solutions project
    app apps code docs protocol language languages model models server client kit edition
    version pro plus max mini ultra engine framework library toolkit browser store chat
    copilot paper papers book books guide handbook manual tutorial course calendar notes
    adventures patterns pattern summary introduction conclusion overview release update beta
    preview home page site web online mobile phone email mail account login sign share like
    follow subscribe download click read more previous contents index section appendix
    figure table learning intelligence data vision science computing programming search
    deep machine artificial neural generative open large small big smart remote live
    practical object oriented awesome
    san santa los las north south east west fort port mount lake river bay valley city
    county state states island islands street road avenue square park kingdom republic
    united
"""
_NOT_NAME_WORDS = frozenset(_NOT_NAME_LINES.split())
# Word endings of English common nouns and adjectives, seldom of surnames.
_COMMON_ENDING = re.compile(
    r"(?:tion|sion|ment|ness|ity|ism|ology|ics|ware|able|ible|ive|ous|ful|less|ship|hood"
    r"|ical|ional)s?$"
)


def looks_like_person_name(words: Sequence[str], common: Collection[str] = ()) -> bool:
    """Whether a run of Latin words can be a person's name: two to four capitalised name
    words (particles such as "van" between them, initials before the last), none of them a
    word of titles, roles, organisations, products or places, nor a word this text also
    writes in lower case (``common``: case-folded words seen in lower case)."""
    if not words or not _NAME_WORD.match(words[-1]):
        return False
    names = 0
    for position, word in enumerate(words):
        if word in PARTICLES and 0 < position < len(words) - 1:
            continue
        if _INITIAL.match(word) and position < len(words) - 1:
            continue
        folded = word.casefold()
        if (
            not _NAME_WORD.match(word)
            or folded in _NOT_NAME_WORDS
            or folded in common
            or _COMMON_ENDING.search(folded)
        ):
            return False
        names += 1
    initials = sum(bool(_INITIAL.match(word)) for word in words)
    return 1 <= names <= 4 and names + initials >= 2


_TOKEN = re.compile(rf"[{_LETTERS}]+(?:[-'’][{_LETTERS}]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:…。！？；：\n])[\s\"“‘'(\[「*•\-–—]*$")
# Titles of works: inside 《》, or a quoted run of Latin words with no ideograph in it.
_TITLES = re.compile(r"《[^》]*》|[“\"‘]([^“”\"‘’\n]{1,300})[”\"’]")


def latin_name_candidates(text: str, common: Collection[str] = ()) -> list[str]:
    """Runs of Latin words in ``text`` that look like a person's name, in order, each once.

    Words join a run across single spaces only (an initial's full stop too); a word touching
    a file extension, a path or a digit ends it. Titles of works (in 《》 or quoted Title
    Case) and Title Case lines (headings) give none; a capitalised word that opens the run
    only because it opens a sentence ("Meanwhile Sam Altman") is left out.
    """
    common = set(common) | {w.casefold() for w in _TOKEN.findall(text) if w.islower()}
    text = _TITLES.sub(lambda m: " " * len(m.group()) if _is_title(m) else m.group(), text)
    found: list[str] = []
    for line_match in re.finditer(r"[^\n]+", text):
        if _title_case_line(line_match.group()):
            continue
        for run, opens_sentence in _capitalised_runs(line_match.group()):
            while run and run[0].casefold() in _NOT_NAME_WORDS:
                run, opens_sentence = run[1:], False
            if opens_sentence and len(run) >= 3 and not _INITIAL.match(run[0]):
                run = run[1:]
            if looks_like_person_name(run, common):
                found.append(" ".join(run))
    return list(dict.fromkeys(found))


def lowercase_words(texts: Iterable[str]) -> frozenset[str]:
    """The Latin words ``texts`` write in lower case somewhere: common words, not names."""
    return frozenset(w.casefold() for text in texts for w in _TOKEN.findall(text) if w.islower())


def _is_title(match: re.Match) -> bool:
    inner = match.group(1)
    if inner is None:  # 《…》
        return True
    return not has_han(inner) and len(_TOKEN.findall(inner)) >= 2 and _title_case_line(inner)


def _title_case_line(line: str) -> bool:
    """A line of two to twelve words whose longer words are all capitalised, with no full
    stop at its end: a heading or a title, where every word is capitalised by position."""
    line = line.strip()
    words = _TOKEN.findall(line)
    long_words = [w for w in words if len(w) > 3]
    return (
        not has_han(line)
        and 2 <= len(words) <= 12
        and bool(long_words)
        and not line.endswith((".", "!", "?", ":", ";", ","))
        and all(w[0].isupper() for w in long_words)
    )


def _capitalised_runs(line: str) -> list[tuple[tuple[str, ...], bool]]:
    """Runs of capitalised words (particles and initials inside), and whether each opens a
    sentence."""
    runs: list[tuple[tuple[str, ...], bool]] = []
    current: list[str] = []
    opens = False
    previous_end = -1
    for match in _TOKEN.finditer(line):
        word, start, end = match.group(), match.start(), match.end()
        before, after = line[previous_end:start] if previous_end >= 0 else None, line[end : end + 2]
        touching = (
            after[:1].isdigit()
            or after[:1] in "_/@\\"
            or (after[:1] == "." and after[1:2].isalnum())
        ) or (start and (line[start - 1].isdigit() or line[start - 1] in "._/@\\-"))
        initial = len(word) == 1 and word.isupper() and after[:1] == "."
        token = word + "." if initial else word
        joined = before in (" ", ". ") if previous_end >= 0 and current else False
        if before == ". " and not (current and _INITIAL.match(current[-1])):
            joined = False
        nameish = word[:1].isupper() or (word in PARTICLES and bool(current))
        if nameish and joined and not touching:
            current.append(token)
        else:
            if current:
                runs.append((tuple(_strip_particles(current)), opens))
            current = [token] if word[:1].isupper() and not touching else []
            opens = bool(_SENTENCE_START.search(line[:start]))
        previous_end = end + (1 if initial else 0)
        if touching:
            if current:
                runs.append((tuple(_strip_particles(current)), opens))
            current = []
    if current:
        runs.append((tuple(_strip_particles(current)), opens))
    return [(run, opens) for run, opens in runs if run]


def _strip_particles(run: list[str]) -> list[str]:
    words = list(run)
    while words and words[-1] in PARTICLES:
        words.pop()
    return words


# Verbs of speech and opinion that follow a speaker's name in Chinese ("说" opening another
# word is no speech: 说明, 说服, 说法, 说不通).
SPEECH_VERBS_ZH = (
    r"说道|说过|说(?![不明服法话起成完])|表示|认为|指出|写道|称|坦言|强调|解释说|解释道|补充说|补充道|回忆说|"
    "回忆道|提到|问道|答道|回答|直言|感叹道|告诉"
)
# Adverbs and phrases that may stand between a speaker's name and the verb.
SPEECH_GAP_ZH = (
    r"(?:\s*(?:也|还|曾|曾经|则|就|又|更|却|便|都|再次|同样|随后|后来|当时|对此|甚至|一再|"
    r"公开|坦率地|在[^，。！？“”「」\s]{1,12}?(?:时|中|上|里))\s*)*"
)
# Ideographs that Chinese uses to write foreign names (the standard transliteration syllables).
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼宾波伯博布查达戴丹道德登迪蒂丁东杜多厄恩法凡范菲费芬丰夫弗"
    "福富盖甘戈哥格根古圭哈海汉豪赫黑亨胡华怀惠霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰"
    "朗劳勒雷蕾里利莉丽连林琳隆卢鲁路伦罗洛吕马迈麦曼梅门蒙米敏莫墨穆姆纳奈南内尼宁纽努诺欧帕派"
    "潘佩彭皮珀普齐奇乔切琴丘萨塞赛森沙莎尚舍史斯松苏索塔泰坦汤唐特提汀图托瓦万威韦维魏温沃乌西"
    "希锡夏谢辛休雅亚延扬耶伊因英尤约泽扎詹兹茨茹瑟顿尔妮娜丝黛琼露薇娅蒂娃洛克"
)
# The most common single-character Chinese surnames.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤"
)
_PRONOUN_WORDS = "他 她 它 我 你 他们 她们 我们 你们 大家 有人 别人 对方 作者 笔者 这 那 谁"
_PRONOUNS = frozenset(_PRONOUN_WORDS.split())
_SPEECH_VERB_ZH = re.compile(SPEECH_VERBS_ZH)
_GAP_AT_END = re.compile(rf"{SPEECH_GAP_ZH}$")


def chinese_name_at_end(text: str) -> str:
    """The Chinese name that ``text`` ends with, if its ending has a name's shape: a
    transliteration ("马斯克", "约书亚·本吉奥") or a common surname with a one- or
    two-character given name after a clause boundary ("，吴恩达"); else ""."""
    match = re.search(rf"[{HAN}]{{1,8}}(?:[·•・‧][{HAN}]{{1,8}}){{0,3}}$", text)
    if not match:
        return ""
    written = match.group()
    before = text[: match.start()].rstrip()
    clause_start = not before or not has_han(before[-1])
    if any(sep in written for sep in _SEPARATOR_CHARS):
        parts = re.split(r"[·•・‧]", written)
        whole = clause_start and len(parts[0]) <= 4
        first = parts[0] if whole else _transliterated_suffix(parts[0])
        return "·".join([first, *parts[1:]]) if first and all(parts[1:]) else ""
    if clause_start and len(written) in (2, 3) and written[0] in SURNAMES:
        return written
    tail = _transliterated_suffix(written)
    return tail if tail not in _PRONOUNS else ""


def _transliterated_suffix(word: str) -> str:
    k = len(word)
    while k > 0 and word[k - 1] in TRANSLITERATION:
        k -= 1
    return word[k:] if len(word) - k >= 2 else ""


def speaker_before(text: str) -> tuple[str, int] | None:
    """When ``text`` ends with a speech verb after a name-shaped speaker ("马斯克也说"),
    the speaker as written and where it ends; else None."""
    verbs = list(_SPEECH_VERB_ZH.finditer(text))
    verb = verbs[-1] if verbs else None
    if verb is None or text[verb.end() :].strip(" ：:，,道") != "":
        return None
    return _speaker_of(text, verb)


def _speaker_of(text: str, verb: re.Match) -> tuple[str, int] | None:
    end = name_end_before_verb(text[: verb.start()])
    name = chinese_name_at_end(text[:end])
    return (name, end) if name else None


def name_end_before_verb(before: str) -> int:
    """Where the speaker's name ends in ``before`` (the text up to a speech verb), past the
    adverbs and phrases that may stand between ("马斯克在采访中也" → after "马斯克")."""
    gap = _GAP_AT_END.search(before)
    return gap.start() if gap else len(before)


def chinese_speaker_candidates(text: str) -> list[str]:
    """Chinese names standing as the speaker in a "name + 说/表示/认为…" frame, or in
    "用 name 的话说", each once."""
    found = []
    for verb in _SPEECH_VERB_ZH.finditer(text):
        speaker = _speaker_of(text, verb)
        if speaker:
            found.append(speaker[0])
    for match in re.finditer(r"用\s*([^\s，。“”「」]{2,20}?)\s*的话(?:来)?说", text):
        name = chinese_name_at_end(match.group(1))
        if name:
            found.append(name)
    return list(dict.fromkeys(found))
