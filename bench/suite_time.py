"""How long the whole suite takes, and how much of the machine it keeps busy.

Runs ``pytest -n auto --dist worksteal`` (as ``make test`` does; DATABASE_URL is passed
through) and prints the wall time next to the CPU time the whole machine spent while it ran
(Chromium's and PostgreSQL's processes included, which the test processes' own times leave
out). Dividing that CPU time by the cores gives the wall time the same work needs with every
core busy all along: when the run is already close to it, only less work makes the suite
faster, not better scheduling.

    .venv/bin/python bench/suite_time.py [--goal 90] [-- extra pytest arguments]
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def busy_and_total_ticks() -> tuple[int, int]:
    """Ticks all cores spent busy, and in all, since boot (the first line of /proc/stat)."""
    user, nice, system, idle, iowait, irq, softirq, steal = (
        int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]
    )
    busy = user + nice + system + irq + softirq
    return busy, busy + idle + iowait + steal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goal", type=float, default=90.0, help="wall-time goal in seconds")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed on to pytest")
    options = parser.parse_args()

    cores = os.cpu_count() or 1
    command = [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "worksteal", "-q"]
    command += options.pytest_args
    busy_before, total_before = busy_and_total_ticks()
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    busy_after, total_after = busy_and_total_ticks()
    children = os.times()

    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    machine_cpu = (busy_after - busy_before) / TICKS_PER_SECOND
    share = (busy_after - busy_before) / max(1, total_after - total_before)
    floor = machine_cpu / cores
    print(f"pytest: {summary or result.stderr.strip()[-200:]}")
    print(f"wall time                          {wall:7.1f} s")
    print(
        f"CPU time, test processes           {children.children_user:7.1f} s user"
        f" + {children.children_system:.1f} s system"
    )
    print(
        f"CPU time, whole machine            {machine_cpu:7.1f} s on {cores} cores"
        f" ({share:.0%} of them busy)"
    )
    print(f"wall time with every core busy     {floor:7.1f} s")
    verdict = "met" if wall <= options.goal else "not met"
    print(f"goal                               {options.goal:7.1f} s: {verdict}")
    if floor > options.goal:
        print(
            f"  the same work in {options.goal:.0f} s needs {machine_cpu / options.goal:.1f}"
            f" busy cores, or {1 - options.goal / floor:.0%} less CPU time on these"
        )
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
