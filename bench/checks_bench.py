"""Recall and false alarms of the review checks on known errors.

Sections: the development pairs (../shared/parallel-dev/*/en.txt and zh.txt, consecutive 1-1
paragraph pairs of the gold alignment grouped four to a section) and the demo article (as
approved: statuses and notes as loaded by ``manage.py load_demo``). Into copies of the Chinese
it injects one known error at a time: a number changed, a name or organisation dropped, a
glossary term rendered with a forbidden variant, a link altered, a person's name misspelt
(a capital I for an l, one stray letter, a recorded misspelling, one ideograph off). An
injection counts as caught when a finding of its kind appears that the untouched section does
not have. False alarms are the findings on the untouched sections.

    python bench/checks_bench.py [--data DIR] [--show]

Goals: recall >= 0.9; false alarms <= 1 per 20 sections.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from articles.demo import content  # noqa: E402
from articles.names import by_script  # noqa: E402
from articles.review.engine import checks  # noqa: E402
from articles.review.engine.checks import (  # noqa: E402
    GlossaryTerm,
    Organisation,
    PeopleIndex,
    PersonNames,
)
from articles.review.engine.checks.names import name_candidates  # noqa: E402
from articles.review.engine.checks.numbers import (  # noqa: E402
    number_mentions,
    number_values,
    urls,
)
from articles.richtext import html_to_lines  # noqa: E402
from people.seed_organisations import ORGANISATIONS  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "parallel-dev"
SECTION_PARAGRAPHS = 4
SEED = 12

# A small glossary for the development chapters (Git, Rust, the shell): approved renderings
# as the published translations use them, and variants a careless translation might use.
DEV_GLOSSARY = [
    GlossaryTerm("rebase", "变基", forbidden=("衍合", "重定基")),
    GlossaryTerm("commit", "提交", forbidden=("承诺",)),
    GlossaryTerm("thread", "线程", forbidden=("螺纹",)),
    GlossaryTerm("terminal", "终端", forbidden=("端子",)),
    GlossaryTerm("editor", "编辑器", forbidden=("编辑者",)),
]


class Section:
    def __init__(self, name, english, chinese, status="full", note="", heading=("", "")):
        self.name, self.english, self.chinese = name, list(english), list(chinese)
        self.status, self.note, self.heading = status, note, heading

    def covered(self) -> str:
        units = checks.covered_english(self.english, self.chinese, self.status, self.note)
        head = [self.heading[0]] if self.heading[0] and self.status != "omitted" else []
        return "\n".join([*head, *units])

    def translation(self, chinese=None) -> str:
        return "\n".join(p for p in [self.heading[1], *(chinese or self.chinese)] if p)


def dev_sections(data: Path) -> list[Section]:
    sections = []
    for pair in sorted(p for p in data.iterdir() if (p / "gold.json").exists()):
        en = [p for p in (pair / "en.txt").read_text().split("\n\n") if p.strip()]
        zh = [p for p in (pair / "zh.txt").read_text().split("\n\n") if p.strip()]
        groups = json.loads((pair / "gold.json").read_text())["groups"]
        pairs = [(en[e[0]], zh[z[0]]) for e, z in groups if len(e) == 1 and len(z) == 1]
        for start in range(0, len(pairs), SECTION_PARAGRAPHS):
            chunk = pairs[start : start + SECTION_PARAGRAPHS]
            sections.append(
                Section(f"{pair.name}#{start}", [e for e, _ in chunk], [z for _, z in chunk])
            )
    return sections


def demo_sections() -> list[Section]:
    sections = []
    for number, item in enumerate(content.ARTICLE["sections"], 1):
        english = html_to_lines(item.get("body_en", "")).splitlines()
        chinese = html_to_lines(item.get("body_zh", "")).splitlines()
        heading = (item.get("heading_en", ""), item.get("heading_zh", ""))
        sections.append(
            Section(
                f"demo§{number}", english, chinese, item["status"], item.get("note", ""), heading
            )
        )
    return sections


def demo_people() -> list[PersonNames]:
    people = []
    for number, item in enumerate(content.PEOPLE):
        names_en, names_zh = by_script([item["name_en"], item["name_zh"], *item.get("aliases", [])])
        people.append(PersonNames(number, names_en, names_zh, item.get("misspellings", [])))
    return people


def demo_glossary() -> list[GlossaryTerm]:
    return [
        GlossaryTerm(t["english"], t["chinese"], t.get("case_sensitive", False), t["forbidden"])
        for t in content.TERMS
    ]


def seed_organisations() -> list[Organisation]:
    found = []
    for name_en, name_zh, aliases in ORGANISATIONS:
        names_en, names_zh = by_script([name_en, name_zh, *aliases])
        found.append(Organisation(tuple(names_en), tuple(names_zh)))
    return found


# --- Injections: each returns (kind, mutated Chinese paragraphs) or None -----------------


def _replace_all(paragraphs, old, new):
    return [p.replace(old, new) for p in paragraphs]


def inject_number(section, rng, context):
    english = section.covered()
    present = number_values(section.translation())
    for mention in rng.sample(number_mentions(english), len(number_mentions(english))):
        digits = mention.text.split()[0].rstrip("%s")
        if not digits[:1].isdigit() or digits not in section.translation():
            continue
        changed = str(int(digits.replace(",", "").split(".")[0]) + 1)
        mutated = _replace_all(section.chinese, digits, changed)
        if not mention.values & number_values(section.translation(mutated)) and present:
            return "number", mutated, checks.MISSING_NUMBER
    return None


def inject_url(section, rng, context):
    for url in urls(section.covered()):
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("/")
        if bare in section.translation():
            return "link", _replace_all(section.chinese, bare, bare + "x"), checks.MISSING_URL
    return None


def inject_name_drop(section, rng, context):
    """Drop a person, an organisation, or a name kept in Latin script from the Chinese."""
    english, translation = section.covered(), section.translation()
    options = []
    for person in context["people"]:
        if any(n in english for n in person.names_en):
            forms = [*person.names_zh, *person.names_en]
            parts = [p for zh in person.names_zh for p in re.split(r"[·]", zh) if len(p) > 1]
            if any(f in translation for f in forms):
                options.append(("person", [*forms, *parts]))
    for organisation in context["organisations"]:
        if any(re.search(rf"\b{re.escape(n)}\b", english) for n in organisation.names_en):
            forms = [*organisation.names_zh, *organisation.names_en]
            if any(f in translation for f in forms):
                options.append(("organisation", forms))
    for words in name_candidates(english):
        name = " ".join(words)
        if any(ch.isupper() for ch in name[1:]) and name in translation and len(name) > 2:
            options.append(("latin name", [name]))
    if not options:
        return None
    kind, forms = rng.choice(options)
    mutated = section.chinese
    for form in sorted(set(forms), key=len, reverse=True):
        mutated = _replace_all(mutated, form, "")
    return f"{kind} dropped", mutated, checks.MISSING_NAME


def inject_forbidden(section, rng, context):
    english, translation = section.covered().casefold(), section.translation()
    for term in context["glossary"]:
        used = re.search(rf"\b{re.escape(term.english.casefold())}", english)
        if term.forbidden and used and term.chinese in translation:
            bad = rng.choice(list(term.forbidden))
            mutated = _replace_all(section.chinese, term.chinese, bad)
            return "forbidden rendering", mutated, checks.GLOSSARY_FORBIDDEN
    return None


def _near_miss(name: str, rng) -> str:
    if "l" in name and rng.random() < 0.5:
        return name.replace("l", "I", 1)
    word = max(name.split(), key=len)
    if len(word) < 5:
        return ""
    position = rng.randrange(2, len(word))
    return name.replace(word, word[:position] + rng.choice("aeiolnr") + word[position:], 1)


def inject_misspelling(section, rng, context):
    """Misspell a person's name, in the Chinese or (one time in four) the English."""
    translation = section.translation()
    for person in rng.sample(context["people"], len(context["people"])):
        for name in [*person.names_en, *person.names_zh]:
            if name not in translation:
                continue
            if person.misspellings and rng.random() < 0.3:
                wrong = rng.choice(list(person.misspellings))
            elif any("\u4e00" <= ch <= "\u9fff" for ch in name):
                if sum("\u4e00" <= ch <= "\u9fff" for ch in name) < 5:
                    continue
                wrong = name[:-1] + ("泽" if name[-1] != "泽" else "森")
            else:
                wrong = _near_miss(name, rng)
            if wrong and wrong != name:
                return (
                    "misspelt name",
                    _replace_all(section.chinese, name, wrong),
                    checks.MISSPELT_NAME,
                )
    return None


INJECTIONS = (inject_number, inject_url, inject_name_drop, inject_forbidden, inject_misspelling)


def findings(section, context, chinese=None):
    return checks.run_checks(
        section.covered() if chinese is None else section.covered_with(chinese),
        section.translation(chinese),
        people=context["people"],
        glossary=context["glossary"],
        organisations=context["organisations"],
        names=context["index"],
    )


def covered_with(self, chinese):
    units = checks.covered_english(self.english, chinese, self.status, self.note)
    head = [self.heading[0]] if self.heading[0] and self.status != "omitted" else []
    return "\n".join([*head, *units])


Section.covered_with = covered_with


def run(sections, context, rng, show):
    alarms, injected, caught = [], Counter(), Counter()
    missed = []
    for section in sections:
        base = findings(section, context)
        alarms += [(section.name, f) for f in base]
        base_keys = {f.key for f in base}
        if section.status == "omitted":
            continue
        for inject in INJECTIONS:
            result = inject(section, rng, context)
            if result is None:
                continue
            kind, mutated, code = result
            new = [f for f in findings(section, context, mutated) if f.key not in base_keys]
            injected[kind] += 1
            if any(f.code == code for f in new):
                caught[kind] += 1
            else:
                missed.append((section.name, kind))
    if show:
        for name, finding in alarms:
            print(f"  false alarm {name}: {finding.message}")
        for name, kind in missed:
            print(f"  missed {name}: {kind}")
    return alarms, injected, caught


def report(title, sections, alarms, injected, caught):
    total, hits = sum(injected.values()), sum(caught.values())
    per20 = 20 * len(alarms) / max(1, len(sections))
    print(f"{title}: {len(sections)} sections")
    print(f"  false alarms on untouched text: {len(alarms)} ({per20:.2f} per 20 sections)")
    for kind in sorted(injected):
        print(f"  {kind:<24} {caught[kind]:>3}/{injected[kind]:<3}")
    print(f"  recall {hits}/{total} = {hits / max(1, total):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("DUIZHAO_PARALLEL_DEV", DEFAULT_DATA))
    )
    parser.add_argument("--show", action="store_true", help="print each false alarm and miss")
    args = parser.parse_args()
    rng = random.Random(SEED)
    people = demo_people()
    organisations = seed_organisations()
    demo = {
        "people": people,
        "index": PeopleIndex(people),
        "glossary": demo_glossary(),
        "organisations": organisations,
    }
    dev = {**demo, "glossary": DEV_GLOSSARY}
    started = time.perf_counter()
    dev_sections_ = dev_sections(args.data)
    dev_result = run(dev_sections_, dev, rng, args.show)
    report("development pairs", dev_sections_, *dev_result)
    demo_sections_ = demo_sections()
    demo_result = run(demo_sections_, demo, rng, args.show)
    report("demo article (approved)", demo_sections_, *demo_result)
    alarms = len(dev_result[0]) + len(demo_result[0])
    sections = len(dev_sections_) + len(demo_sections_)
    injected = sum(dev_result[1].values()) + sum(demo_result[1].values())
    caught = sum(dev_result[2].values()) + sum(demo_result[2].values())
    print(
        f"all: recall {caught}/{injected} = {caught / max(1, injected):.3f} (goal >= 0.9); "
        f"false alarms {alarms} on {sections} sections = {20 * alarms / sections:.2f} per 20 "
        f"(goal <= 1); {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
