"""Requests per second for the demo article page under gunicorn (2 workers), as a reader
would fetch it. Builds its own SQLite database with the demo content, serves it with the
production settings, and fetches the page from several client threads on 127.0.0.1.

    .venv/bin/python bench/article_throughput.py [--requests 2000] [--clients 8]
"""

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/articles/before-the-spring-deep-learning-pioneers/"


def fetch_loop(port: int, count: int, timings: list[float], errors: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(count):
        started = time.perf_counter()
        connection.request("GET", PATH, headers={"Host": "localhost"})
        response = connection.getresponse()
        response.read()
        timings.append(time.perf_counter() - started)
        if response.status != 200:
            errors.append(response.status)


def wait_for(port: int, deadline: float) -> None:
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", PATH, headers={"Host": "localhost"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start serving the article in time")


def run_wrk(wrk: str, port: int, clients: int) -> None:
    """Load from wrk for 15 s and print its figures."""
    url = f"http://127.0.0.1:{port}{PATH}"
    result = subprocess.run(
        [wrk, "-t2", f"-c{clients}", "-d15s", "--latency", "-H", "Host: localhost", url],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"article page under wrk ({clients} connections, 15 s), gunicorn 2 workers")
    for line in result.stdout.splitlines():
        if line.strip().startswith(("Requests/sec", "50%", "99%", "Non-2xx", "Socket errors")):
            print(line.strip())


def redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=8931)
    parser.add_argument(
        "--client",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="wrk (Debian package; light on the shared CPUs) or Python threads",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="duizhao-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
    }
    if redis_available():
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    python = sys.executable
    for command in (["migrate", "-v0"], ["load_demo"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [python, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
            "--no-control-socket",  # a throwaway server: no socket in the user's home
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(args.port, time.time() + 30)
        fetch_loop(args.port, 50, [], [])  # warm both workers
        wrk = shutil.which("wrk") if args.client in ("auto", "wrk") else None
        if wrk:
            run_wrk(wrk, args.port, args.clients)
            return
        timings: list[float] = []
        errors: list[int] = []
        per_client = args.requests // args.clients
        threads = [
            threading.Thread(target=fetch_loop, args=(args.port, per_client, timings, errors))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    timings.sort()
    cache = "Redis" if "REDIS_URL" in env else "per-process memory"
    print(f"article page: {len(timings)} requests, {args.clients} clients, gunicorn 2 workers")
    print(f"database: SQLite; cache: {cache}")
    print(f"throughput: {len(timings) / elapsed:.1f} requests/s")
    print(
        f"latency p50 {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)] * 1000:.1f} ms"
    )
    print(f"non-200 responses: {len(errors)}")


if __name__ == "__main__":
    main()
