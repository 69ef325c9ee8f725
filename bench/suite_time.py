"""How long the whole suite takes, and how much of the machine it keeps busy.

Runs ``pytest -n auto --dist worksteal`` (as ``make test`` does; DATABASE_URL is passed
through) and prints the wall time next to the CPU time the whole machine spent while it ran
(Chromium's and PostgreSQL's processes included, which the test processes' own times leave
out). Dividing that CPU time by the cores gives the wall time the same work needs with every
core busy all along: when the run is already close to it, only less work makes the suite
faster, not better scheduling. The machine's CPU time is then split by who spent it: the test
processes, Chromium (browser tests), PostgreSQL's server processes, and the rest of the machine
(its other services, and processes too short-lived to be seen).

    .venv/bin/python bench/suite_time.py [--goal 90] [-- extra pytest arguments]
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
SAMPLE_SECONDS = 0.25
# Who spent the machine's CPU time.
TESTS = "test processes (Python)"
BROWSER = "Chromium (browser tests)"
DATABASE = "PostgreSQL server"


def busy_and_total_ticks() -> tuple[int, int]:
    """Ticks all cores spent busy, and in all, since boot (the first line of /proc/stat)."""
    user, nice, system, idle, iowait, irq, softirq, steal = (
        int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]
    )
    busy = user + nice + system + irq + softirq
    return busy, busy + idle + iowait + steal


def _process_ticks() -> dict[int, tuple[int, str]]:
    """Each running process's CPU ticks so far (user + system) and its command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended in the meantime
            continue
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry.name)] = (int(fields[11]) + int(fields[12]), command.strip())
    return found


def _kind(command: str) -> str | None:
    """Who a process works for, by its command line."""
    program = Path(command.split(" ", 1)[0]).name
    if command.startswith("postgres:") or program == "postgres":
        return DATABASE
    if program.startswith(("chromium", "chrome")):
        return BROWSER
    if program.startswith("python"):
        return TESTS
    return None


class ProcessSampler(threading.Thread):
    """Samples every process's CPU ticks while the suite runs. A process is charged what it
    spent after the run began (its ticks at its last sample, less those it had before)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.before = {pid: ticks for pid, (ticks, _) in _process_ticks().items()}
        self.last: dict[int, tuple[int, str]] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            for pid, (ticks, command) in _process_ticks().items():
                if pid == os.getpid():  # this sampler's own time is not the suite's
                    continue
                known = self.last.get(pid)
                self.last[pid] = (ticks, known[1] if known and known[1] else command)

    def seconds_by_kind(self) -> Counter:
        spent: Counter = Counter()
        for pid, (ticks, command) in self.last.items():
            kind = _kind(command)
            if kind:
                spent[kind] += (ticks - self.before.get(pid, 0)) / TICKS_PER_SECOND
        return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goal", type=float, default=90.0, help="wall-time goal in seconds")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed on to pytest")
    options = parser.parse_args()

    cores = os.cpu_count() or 1
    command = [sys.executable, "-m", "pytest", "-n", "auto", "--dist", "worksteal", "-q"]
    command += options.pytest_args
    sampler = ProcessSampler()
    busy_before, total_before = busy_and_total_ticks()
    sampler.start()
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    sampler.done.set()
    sampler.join()
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
    spent = sampler.seconds_by_kind()
    for kind in (TESTS, BROWSER, DATABASE):
        print(f"  {kind:<33}{spent[kind]:7.1f} s ({spent[kind] / machine_cpu:.0%})")
    rest = machine_cpu - sum(spent.values())
    print(f"  {'the rest of the machine':<33}{rest:7.1f} s ({rest / machine_cpu:.0%})")
    print(f"wall time with every core busy     {floor:7.1f} s")
    if result.returncode != 0:  # a run that failed, or ran nothing, met no goal
        verdict = f"not met (pytest exited with {result.returncode})"
    else:
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
