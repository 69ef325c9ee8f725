"""Score the paragraph aligner on the EN/ZH parallel development set.

Prints precision and recall for omitted, abridged, either kind and added paragraphs, how many
untouched (``full``) variants get any flag, the alignment time over the set, and the time of a
synthetic 200 x 250 paragraph alignment. On the ``trimmed`` variant (one sentence cut from
inside a paragraph) it also prints paragraph-level precision and recall and how often the
English sentence that lost its translation is named in the group's ``missing`` (named when its
text overlaps a named sentence by at least 60% and that sentence is at most 2.5 times as long),
with the precision of the named sentences.

    python bench/align_parallel_dev.py [--data DIR] [--quiet]

DIR defaults to $DUIZHAO_PARALLEL_DEV, else ../shared/parallel-dev beside the repository. Its
scripts/score.py is the reference scorer and is loaded from there.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from articles.importing.engine.alignment import align  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "parallel-dev"


def load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location(
        "parallel_dev_score", data / "scripts" / "score.py"
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"No scorer at {data / 'scripts' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(pair: str, variant: str, en: list[str], zh: list[str]) -> list[dict]:
    alignment = align(en, zh)
    return [{"en": g.en, "zh": g.zh, "kind": g.kind} for g in alignment.groups]


def overlaps(truth: str, named: str) -> bool:
    """The README's rule: ``truth`` overlaps ``named`` by >= 60%, ``named`` <= 2.5x as long."""
    if not truth or len(named) > 2.5 * len(truth):
        return False
    matcher = difflib.SequenceMatcher(None, truth, named, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    return common >= 0.6 * len(truth)


def trimmed_report(data: Path, scorer) -> None:
    """Paragraph-level and sentence-level figures on the ``trimmed`` variant."""
    flagged_right = flagged = truth_total = 0
    named_right = named_total = cuts_named = 0
    for _pair, variant, en, zh, expected in scorer.cases(str(data)):
        if variant != "trimmed":
            continue
        cuts = {a["en"]: a for a in expected["affected"]}
        truth_total += len(cuts)
        for group in align(en, zh).groups:
            if group.kind not in ("abridged", "omitted") or not group.en:
                continue
            flagged += len(group.en)
            flagged_right += sum(1 for i in group.en if i in cuts)
            truths = [cuts[i]["missing_en_text"] for i in group.en if i in cuts]
            for named in group.missing:
                named_total += 1
                named_right += any(overlaps(t, named) for t in truths)
            cuts_named += sum(1 for t in truths if any(overlaps(t, n) for n in group.missing))
    ratio = lambda a, b: a / b if b else float("nan")  # noqa: E731
    print(
        f"trimmed paragraphs: precision={ratio(flagged_right, flagged):.3f} "
        f"({flagged_right}/{flagged})  recall={ratio(flagged_right, truth_total):.3f} "
        f"({flagged_right}/{truth_total})"
    )
    print(
        f"trimmed cuts named: recall={ratio(cuts_named, truth_total):.3f} "
        f"({cuts_named}/{truth_total})  precision={ratio(named_right, named_total):.3f} "
        f"({named_right}/{named_total})"
    )


def synthetic(n_en: int, n_zh: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """Paragraph lists of realistic lengths, with numbers and names to anchor on."""
    rng = random.Random(seed)
    words = [
        "model",
        "training",
        "data",
        "team",
        "release",
        "version",
        "paper",
        "result",
        "user",
        "system",
    ]
    en, zh = [], []
    for k in range(n_en):
        size = rng.randint(20, 90)
        en.append(" ".join(rng.choice(words) for _ in range(size)) + f" GPT-{k} {2000 + k}.")
        zh.append("模型" * int(size * 1.6) + f" GPT-{k} {2000 + k}。")
    for k in range(n_zh - n_en):
        zh.insert(rng.randrange(len(zh)), "编者按：" + "新闻" * rng.randint(10, 60) + f" {k}")
    return en, zh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("DUIZHAO_PARALLEL_DEV", DEFAULT_DATA))
    )
    parser.add_argument("--quiet", action="store_true", help="no per-variant lines")
    args = parser.parse_args()
    scorer = load_scorer(args.data)

    start = time.perf_counter()
    scorer.score(str(args.data), predict, verbose=not args.quiet)
    print(f"alignment time, whole set: {time.perf_counter() - start:.2f} s")
    trimmed_report(args.data, scorer)

    en, zh = synthetic(200, 250)
    start, cpu = time.perf_counter(), time.process_time()
    result = align(en, zh)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"synthetic 200 x 250: {elapsed:.3f} s wall, {cpu:.3f} s CPU ({len(result.groups)} groups)"
    )


if __name__ == "__main__":
    main()
