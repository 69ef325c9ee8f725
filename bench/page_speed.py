"""Article page speed against the stack's floor, in one run (issue #14's benchmark).

Builds a fresh PostgreSQL database with the demo content and a 30-section article, serves it
with the production settings and Redis under gunicorn (2 sync workers) four ways: this tree
with its whole-page cache, this tree with the cache off (``DUIZHAO_PAGE_CACHE=0``), a
``git worktree`` of ``--base`` (cache off, as it was), and a bare Django view returning the
article page's bytes (the most this stack can do). wrk (8 connections) measures each in
alternating rounds; the medians and their ratios are printed against the goals. Last, wrk
(40 connections) loads the cached article while another process publishes it 20 times, and
after each publish returns the page is fetched to check that the new revision is served.

Run by hand, not in CI; the figures are noisy on a shared 2-core machine.

    .venv/bin/python bench/page_speed.py [--base 178eadc] [--rounds 3] [--seconds 10]

Needs PostgreSQL at 127.0.0.1 (user postgres; ``--database`` names the database, dropped and
created afresh), Redis at 127.0.0.1:6379 (``--redis-db`` and the one after it are emptied)
and wrk (``apt-get install wrk``).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_PATH = "/articles/before-the-spring-deep-learning-pioneers/"
LONG_PATH = "/articles/synthetic-1-30/"
MARKER = "PAGE-SPEED-REVISION-{}"
GOALS = {"cached": 0.6, "conditional": 0.8, "uncached": 1.4, "p99_ms": 50.0}


# --- The bare view: this module is also the WSGI application gunicorn serves for it. -------


def bare_application():
    """A Django project of one view returning the bytes in ``PAGE_SPEED_BODY``."""
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.http import HttpResponse
    from django.urls import path

    body = Path(os.environ["PAGE_SPEED_BODY"]).read_bytes()

    def page(request, anything: str):
        return HttpResponse(body, content_type="text/html; charset=utf-8")

    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.urandom(16).hex(),
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )
    globals()["urlpatterns"] = [path("<path:anything>", page)]
    return get_wsgi_application()


if os.environ.get("PAGE_SPEED_BODY") and __name__ != "__main__":
    application = bare_application()


# --- Set-up -------------------------------------------------------------------------------


def run(command: list[str], cwd: Path, env: dict) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")
    return result.stdout


def fresh_database(name: str) -> str:
    for command in (["dropdb", "--if-exists"], ["createdb"]):
        run([*command, "-h", "127.0.0.1", "-U", "postgres", name], ROOT, dict(os.environ))
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def empty_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def settings_env(database_url: str, redis_url: str, static_root: Path, **extra: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": "page-speed-only-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def base_worktree(rev: str, workdir: Path) -> Path:
    tree = workdir / "base"
    run(["git", "worktree", "add", "--detach", str(tree), rev], ROOT, dict(os.environ))
    return tree


# --- Serving and fetching -----------------------------------------------------------------


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen


def start(name: str, port: int, cwd: Path, env: dict, app: str = "cms.wsgi") -> Server:
    command = [
        sys.executable, "-m", "gunicorn", app, "--workers", "2",
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
        # Several servers run at once: none takes the user's one default control socket.
        "--no-control-socket",
    ]  # fmt: skip
    if app != "cms.wsgi":
        command += ["--pythonpath", str(ROOT / "bench")]
    return Server(name, port, subprocess.Popen(command, cwd=cwd, env=env))


def fetch(port: int, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def wait_for(server: Server, path: str, deadline: float) -> None:
    while time.time() < deadline:
        try:
            if fetch(server.port, path).status == 200:
                for _ in range(20):  # warm both workers
                    fetch(server.port, path)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{server.name} did not serve {path} in time")


def wrk_command(port: int, path: str, connections: int, seconds: int, headers: dict) -> list:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in {"Host": "localhost", **headers}.items():
        command += ["-H", f"{name}: {value}"]
    return [*command, f"http://127.0.0.1:{port}{path}"]


def requests_per_second(output: str) -> float:
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match is None:
        raise SystemExit("wrk printed no Requests/sec:\n" + output)
    if re.search(r"Non-2xx or 3xx responses:\s+\d+", output):
        raise SystemExit("wrk saw error responses:\n" + output)
    return float(match.group(1))


def p99_ms(output: str) -> float:
    match = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if match is None:
        raise SystemExit("wrk printed no 99% latency:\n" + output)
    return float(match.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[match.group(2)]


@dataclass
class Target:
    label: str
    port: int
    path: str
    headers: dict
    status: int = 200


def measure(targets: list[Target], rounds: int, seconds: int) -> dict[str, list[float]]:
    """Every target once per round, in the same order each round, so that a slow spell of
    the shared machine falls on all of them alike."""
    figures: dict[str, list[float]] = {target.label: [] for target in targets}
    for number in range(1, rounds + 1):
        for target in targets:
            command = wrk_command(target.port, target.path, 8, seconds, target.headers)
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            figures[target.label].append(requests_per_second(output))
        print(f"  round {number}/{rounds} done", flush=True)
    return figures


# --- Publishing under load ----------------------------------------------------------------


def publisher(count: int, port: int) -> None:
    """Run in its own process (``--publish``): publish the demo article ``count`` times and,
    after each publish returns, fetch it once; print JSON with the stale fetches."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from articles.models import ArticlePage

    stale, durations = 0, []
    for number in range(count):
        page = ArticlePage.objects.get(url_path__endswith=DEMO_PATH).get_latest_revision_as_object()
        page.summary_zh_hans = MARKER.format(number)
        started = time.perf_counter()
        page.save_revision().publish()
        durations.append(time.perf_counter() - started)
        if MARKER.format(number) not in fetch(port, DEMO_PATH).body.decode():
            stale += 1
    print(json.dumps({"stale": stale, "publish_s": statistics.median(durations)}))


def publishing_under_load(server: Server, env: dict, count: int) -> tuple[float, dict]:
    command = wrk_command(server.port, DEMO_PATH, 40, 600, {})
    load = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    time.sleep(2)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, __file__, "--publish", str(count), "--port", str(server.port)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - started
    load.send_signal(signal.SIGINT)  # wrk prints its figures when interrupted
    output, _ = load.communicate(timeout=30)
    if result.returncode != 0:
        raise SystemExit("publishing failed:\n" + result.stderr)
    published = json.loads(result.stdout.strip().splitlines()[-1])
    # The same load as long again with nobody publishing: what the machine itself allows now.
    quiet = wrk_command(server.port, DEMO_PATH, 40, max(5, round(seconds)), {})
    quiet_output = subprocess.run(quiet, capture_output=True, text=True, check=True).stdout
    published["quiet_p99_ms"] = p99_ms(quiet_output)
    return p99_ms(output), published


# --- Report -------------------------------------------------------------------------------


def median(values: list[float] | None) -> float | None:
    return statistics.median(values) if values else None


def ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def show(value: float | None, unit: str = "") -> str:
    return "not available" if value is None else f"{value:,.2f}{unit}"


def verdict(value: float | None, goal: float, below: bool = False) -> str:
    if value is None:
        return "not available"
    return "MET" if (value < goal if below else value >= goal) else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base", default="178eadc", help="commit to compare the uncached page with"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10, help="length of one wrk round")
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument("--database", default="duizhao_speed")
    parser.add_argument("--redis-db", type=int, default=7)
    parser.add_argument("--port", type=int, default=8941, help="first of four ports")
    parser.add_argument("--publish", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publish is not None:
        publisher(args.publish, args.port)
        return
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="duizhao-page-speed-"))
    database_url = fresh_database(args.database)
    redis_urls = [f"redis://127.0.0.1:6379/{args.redis_db + offset}" for offset in (0, 1)]
    for url in redis_urls:
        empty_redis(url)
    env = settings_env(database_url, redis_urls[0], workdir / "static")
    print(f"database {args.database} (PostgreSQL), cache Redis {redis_urls[0]}", flush=True)
    for command in (["migrate", "-v0"], ["load_demo", "--articles", "1", "--sections", "30"]):
        run([sys.executable, "manage.py", *command], ROOT, env)
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], ROOT, env)

    tree = base_worktree(args.base, workdir)
    base_env = settings_env(database_url, redis_urls[1], workdir / "base-static")
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], tree, base_env)
    page_cache_built = "PAGE_CACHE_ENABLED" in (ROOT / "cms/settings/production.py").read_text()

    servers: list[Server] = []
    try:
        cached = start("this tree", args.port, ROOT, env)
        uncached = start("cache off", args.port + 1, ROOT, {**env, "DUIZHAO_PAGE_CACHE": "0"})
        base = start(
            f"base {args.base}", args.port + 2, tree, {**base_env, "DUIZHAO_PAGE_CACHE": "0"}
        )
        servers += [cached, uncached, base]
        deadline = time.time() + 120
        for server in servers:
            for path in (DEMO_PATH, LONG_PATH):
                wait_for(server, path, deadline)
        body = workdir / "article.html"
        body.write_bytes(fetch(uncached.port, DEMO_PATH).body)
        bare_env = {**env, "PAGE_SPEED_BODY": str(body)}
        bare_env.pop("DJANGO_SETTINGS_MODULE")
        bare = start("bare view", args.port + 3, ROOT, bare_env, "page_speed:application")
        servers.append(bare)
        wait_for(bare, DEMO_PATH, time.time() + 60)

        etag = fetch(cached.port, DEMO_PATH).getheader("ETag")
        conditional = (
            etag is not None
            and fetch(cached.port, DEMO_PATH, {"If-None-Match": etag}).status == 304
        )
        targets = [Target("bare", bare.port, DEMO_PATH, {})]
        if page_cache_built:
            targets += [
                Target("cached", cached.port, DEMO_PATH, {}),
                Target("cached 30", cached.port, LONG_PATH, {}),
            ]
        if conditional:
            targets.append(Target("304", cached.port, DEMO_PATH, {"If-None-Match": etag}))
        targets += [
            Target("uncached", uncached.port, DEMO_PATH, {}),
            Target("uncached 30", uncached.port, LONG_PATH, {}),
            Target("base uncached", base.port, DEMO_PATH, {}),
            Target("base uncached 30", base.port, LONG_PATH, {}),
        ]
        print(
            f"wrk: 8 connections, {args.seconds} s rounds, {args.rounds} rounds, alternating",
            flush=True,
        )
        figures = measure(targets, args.rounds, args.seconds)
        print(
            f"publishing the demo article {args.publishes} times under 40 connections", flush=True
        )
        if page_cache_built:
            p99, published = publishing_under_load(cached, env, args.publishes)
        else:
            p99, published = None, None
    finally:
        for server in servers:
            server.process.terminate()
        for server in servers:
            server.process.wait(timeout=30)
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(f"{'requests/s (median of ' + str(args.rounds) + ')':<34}{'rounds':>30}{'median':>12}")
    for label, values in figures.items():
        rounds = " ".join(f"{value:,.0f}" for value in values)
        print(f"{label:<34}{rounds:>30}{median(values):>12,.1f}")
    medians = {label: median(values) for label, values in figures.items()}
    rows = [
        (
            "cached article / bare view",
            ratio(medians.get("cached"), medians["bare"]),
            GOALS["cached"],
            False,
            "",
        ),
        (
            "30-section cached / bare view",
            ratio(medians.get("cached 30"), medians["bare"]),
            GOALS["cached"],
            False,
            "",
        ),
        (
            "304 answer / bare view",
            ratio(medians.get("304"), medians["bare"]),
            GOALS["conditional"],
            False,
            "",
        ),
        (
            "uncached article / base's",
            ratio(medians["uncached"], medians["base uncached"]),
            GOALS["uncached"],
            False,
            "",
        ),
        (
            "30-section uncached / base's",
            ratio(medians["uncached 30"], medians["base uncached 30"]),
            GOALS["uncached"],
            False,
            "",
        ),
        ("p99 during publishes (40 conn.)", p99, GOALS["p99_ms"], True, " ms"),
        (
            "stale pages after a publish",
            None if published is None else float(published["stale"]),
            1.0,
            True,
            "",
        ),
    ]
    print()
    print(f"{'goal':<34}{'measured':>16}{'target':>12}  result")
    for name, value, goal, below, unit in rows:
        target = (
            f"{'<' if below else '>='} {goal:g}{unit}"
            if name != "stale pages after a publish"
            else "0"
        )
        print(f"{name:<34}{show(value, unit):>16}{target:>12}  {verdict(value, goal, below)}")
    if published is not None:
        print(f"\nmedian publish: {published['publish_s'] * 1000:.0f} ms; base commit {args.base}")
        print(
            f"p99 under the same 40 connections with nobody publishing: "
            f"{published['quiet_p99_ms']:.1f} ms (the machine's own share)"
        )


if __name__ == "__main__":
    main()
