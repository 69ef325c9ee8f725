"""Replays the outside probe against a running production-settings server and prints figures.

Serves the project with gunicorn (2 workers, production settings, PostgreSQL and Redis on
127.0.0.1), with a database of its own built from the demo content plus a few probe
articles, then measures:

- leaks: every role against every public and admin URL of the project; a leak is a 200
  whose body holds text that role may not see (a hidden original, a draft, another desk);
- readers during publishes: wrk with 40 connections on the article while 20 publishes
  happen, plus a poller that records how long a reader still saw the old text after a
  publish had returned;
- lost edits: two editors save the same article from forms loaded at the same revision;
  an edit is lost when its save was acknowledged and its text is not in the latest revision;
- AI faults: a fake OpenAI-compatible server on 127.0.0.1 in each fault mode, a real task
  worker; a section is stuck when it is still queued or running after the run's deadline.

    .venv/bin/python bench/outside_probe.py [--rounds 20] [--publishes 20] [--faults all]

Goal: every count printed is 0.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = "duizhao_probe"
HOST = "localhost"
PASSWORD = "probe-password-not-secret"  # noqa: S105

HIDDEN_EN = "HIDDENORIGINALMARKER"
DRAFT_ONLY = "DRAFTONLYMARKER"
DESK_B = "DESKBMARKER"


def configure_environment(port: int, ai_url: str) -> dict[str, str]:
    workdir = Path(tempfile.mkdtemp(prefix="duizhao-probe-"))
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        "SECRET_KEY": "probe-only-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "SITE_BASE_URL": f"http://{HOST}:{port}",
        "TRANSLATION_BACKEND": "openai",
        "TRANSLATION_API_URL": ai_url,
        "TRANSLATION_API_KEY": "sk-probe-not-real",
        "TRANSLATION_MODEL": "probe-model",
        "TRANSLATION_TIMEOUT": "5",
        "TRANSLATION_ATTEMPTS": "2",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    return {**os.environ}


def fresh_database() -> None:
    for sql in (f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)", f"CREATE DATABASE {DB_NAME}"):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    subprocess.run(["redis-cli", "-n", "14", "FLUSHDB"], check=False, stdout=subprocess.DEVNULL)


# -- Fixtures, made in this process with the server's settings ---------------------------


def make_article(index, slug: str, english: str, chinese: str, publish: bool, **fields):
    """A three-section article under ``index``; empty ``chinese`` leaves sections pending."""
    from articles.models import ArticlePage, ArticleSection

    fields.setdefault("title", slug)
    page = ArticlePage(
        slug=slug,
        headline_zh_hans=f"探针文章 {slug}",
        headline_en=f"Probe article {slug}",
        original_url=f"https://example.com/{slug}",
        original_title=f"Probe original {slug}",
        live=publish,
        **fields,
    )
    for number in range(3):
        page.sections.add(
            ArticleSection(
                heading_en=f"Part {number}",
                heading_zh_hans=f"第 {number} 部分",
                body_en=f"<p>{english} paragraph {number} about neural networks.</p>",
                body_zh_hans=f"<p>{chinese} 第 {number} 段，关于神经网络。</p>" if chinese else "",
                status="full" if chinese else "pending",
            )
        )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def build_fixtures() -> dict:
    """Desk A (the demo index) and desk B, each with its own editorial groups; a published
    article whose licence hides the original; a draft; a desk B article."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command

    from wagtail.models import GroupPagePermission

    from articles.demo.loader import load_demo
    from articles.editorial.roles import EDITORS, REVIEWERS, TRANSLATORS
    from articles.models import ArticleIndexPage

    call_command("migrate", verbosity=0)
    demo = load_demo()
    desk_a = demo.article.get_parent().specific
    desk_b = ArticleIndexPage(title="Desk B", slug="desk-b")
    desk_a.get_parent().add_child(instance=desk_b)
    desk_b.save_revision().publish()

    hidden = make_article(desk_a, "hidden-original", HIDDEN_EN, "译文", True, show_original=False)
    draft = make_article(desk_a, "draft-only", DRAFT_ONLY, DRAFT_ONLY, False, title=DRAFT_ONLY)
    desk_b_article = make_article(desk_b, "desk-b-article", DESK_B, DESK_B, False, title=DESK_B)
    make_article(desk_b, "desk-b-live", "Desk B English", "乙部已发布", True)

    # Desks as a newsroom narrows access (docs/workflow.md): the role groups keep the role
    # and its model permissions but no page permissions; one group per role and desk holds
    # that role's page permissions on its own index only.
    User = get_user_model()
    users = {"anonymous": None}
    users["reader"] = User.objects.create_user("reader", password=PASSWORD)
    users["admin"] = User.objects.create_superuser("probe-admin", password=PASSWORD)
    for role in (EDITORS, TRANSLATORS, REVIEWERS):
        base = Group.objects.get(name=role)
        base_pages = GroupPagePermission.objects.filter(group=base)
        codenames = list(base_pages.values_list("permission__codename", flat=True))
        base_pages.delete()
        for desk_name, index in (("A", desk_a), ("B", desk_b)):
            desk_group = Group.objects.create(name=f"{role} desk {desk_name}")
            for codename in codenames:
                GroupPagePermission.objects.create(
                    group=desk_group,
                    page=index,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
            username = f"{role.lower()}-{desk_name.lower()}"
            user = User.objects.create_user(username, password=PASSWORD)
            user.groups.add(base, desk_group)
            users[f"{role.lower()[:-1]} desk {desk_name}"] = user
    return {
        "users": {name: (user.username if user else None) for name, user in users.items()},
        "hidden": hidden.pk,
        "draft": draft.pk,
        "desk_b": desk_b_article.pk,
        "desk_b_index": desk_b.pk,
        "desk_a_index": desk_a.pk,
        "demo": demo.article.pk,
        "demo_url": demo.article.url,
    }


# -- A small HTTP client: the production cookies are Secure, and we speak plain HTTP -------


class Client:
    def __init__(self, base: str) -> None:
        import requests

        self.base = base
        self.session = requests.Session()
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data=None, allow_redirects: bool = False):
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{HOST}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        response = self.session.request(
            method,
            self.base + path,
            data=data,
            headers=headers,
            allow_redirects=False,
            timeout=30,
        )
        self.session.cookies.clear()
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        if allow_redirects and response.status_code in (301, 302, 303):
            return self.request("GET", response.headers["Location"].replace(self.base, ""))
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def login(self, username: str) -> None:
        form = FormReader.read(self.get("/admin/login/").text, action_contains="login")
        form["username"] = username
        form["password"] = PASSWORD
        response = self.post("/admin/login/", form)
        if response.status_code != 302:
            raise SystemExit(f"login as {username} failed ({response.status_code})")


class FormReader(HTMLParser):
    """The fields a browser would submit from the first form whose action matches."""

    def __init__(self, action_contains: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action_contains = action_contains
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: str | None = None
        self.select_value: str | None = None
        self.first_option: str | None = None
        self.buffer: list[str] = []

    @classmethod
    def read(cls, html: str, action_contains: str = "") -> dict:
        reader = cls(action_contains)
        reader.feed(html)
        return dict(reader.fields)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and self.action_contains in (attrs.get("action") or ""):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file", "image"):
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea, self.buffer = name, []
        elif tag == "select" and name:
            self.select, self.select_value, self.first_option = name, None, None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attrs:
                self.select_value = value

    def handle_data(self, data):
        if self.textarea:
            self.buffer.append(data)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, "".join(self.buffer).lstrip("\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            self.fields.append((self.select, self.select_value or self.first_option or ""))
            self.select = None
        elif tag == "form":
            self.inside, self.done = False, True


# -- Leak matrix -------------------------------------------------------------------------


def project_admin_paths(fixtures: dict) -> list[str]:
    """Every admin URL our apps register, filled in for the desk B article (or index)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    paths: list[str] = []

    def walk(patterns, prefix: str, namespace: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                module = getattr(pattern.callback, "__module__", "")
                if not module.startswith(("articles", "people", "cms")):
                    continue
                route = prefix + str(pattern.pattern)
                if not route.startswith("admin/"):
                    continue
                route = re.sub(r"<int:(page_id|pk)>", str(fixtures["desk_b"]), route)
                if "<" in route:
                    continue  # needs an object this probe does not pick (a section id)
                paths.append("/" + route.lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "", "")
    page = fixtures["desk_b"]
    paths += [
        f"/admin/pages/{page}/edit/",
        f"/admin/pages/{page}/history/",
        f"/admin/pages/{page}/revisions/compare/earliest...latest/",
        f"/admin/pages/{page}/view_draft/",
        f"/admin/pages/{fixtures['desk_b_index']}/",
        "/admin/reports/abridgments/?export=csv",
        "/admin/reports/abridgments/?export=xlsx",
        "/admin/pages/search/?q=desk",
    ]
    return sorted(set(paths))


def public_paths(fixtures: dict) -> list[str]:
    hidden = fixtures["hidden"]
    return [
        "/",
        "/articles/",
        "/articles/hidden-original/",
        "/articles/hidden-original/?view=bilingual",
        "/en/articles/hidden-original/",
        "/articles/draft-only/",
        "/desk-b/desk-b-article/",
        "/sitemap.xml",
        "/search/?q=" + HIDDEN_EN,
        f"/api/v2/pages/{hidden}/",
        "/api/v2/pages/?type=articles.ArticlePage&fields=*",
        "/api/v2/pages/?type=articles.ArticlePage&fields=sections",
        "/api/v2/pages/?search=" + HIDDEN_EN,
        f"/api/v2/pages/{fixtures['draft']}/",
        f"/api/v2/pages/{fixtures['desk_b']}/",
    ]


def forbidden_markers(role: str) -> list[str]:
    if role == "admin":
        return []
    markers = [HIDDEN_EN, DRAFT_ONLY, DESK_B]
    if role.endswith("desk B"):
        markers.remove(DESK_B)
    if role.startswith(("editor", "translator", "reviewer")):
        markers.remove(DRAFT_ONLY)  # their own desk's draft (desk A); hidden English is theirs
        markers.remove(HIDDEN_EN)
        if role.endswith("desk B"):
            markers.append(DRAFT_ONLY)
    return markers


HIDDEN_PATH = "/articles/hidden-original/"


def _without_query_echo(body: str, path: str) -> str:
    """The search page repeats what was asked ("results for ..."): that is the reader's own
    query, not a leak. What it finds is judged by the results' links."""
    if not path.startswith("/search/?q="):
        return body
    return body.replace(path.removeprefix("/search/?q="), "")


def leak_matrix(base: str, fixtures: dict) -> tuple[int, int, list[str]]:
    admin_paths = project_admin_paths(fixtures)
    paths = public_paths(fixtures) + admin_paths
    requests_made = leaks = 0
    found: list[str] = []
    for role, username in fixtures["users"].items():
        client = Client(base)
        if username:
            client.login(username)
        markers = forbidden_markers(role)
        for path in paths:
            response = client.get(path)
            requests_made += 1
            body = response.text if response.status_code == 200 else ""
            leaked = [m for m in markers if m in _without_query_echo(body, path)]
            if path.startswith("/search/") and HIDDEN_EN in markers and HIDDEN_PATH in body:
                leaked.append("the article found by its hidden English")
            if leaked:
                leaks += 1
                found.append(f"{role} {path}: {', '.join(leaked)}")
            if response.status_code >= 500:
                found.append(f"{role} {path}: HTTP {response.status_code}")
                leaks += 1
    return requests_made, leaks, found


# -- Readers during publishes ------------------------------------------------------------


def readers_during_publishes(base: str, port: int, fixtures: dict, publishes: int) -> dict:
    from wagtail.models import Page

    page_path = fixtures["demo_url"]
    wrk = shutil.which("wrk")
    wrk_process = None
    if wrk:
        wrk_process = subprocess.Popen(
            [
                wrk,
                "-t2",
                "-c40",
                f"-d{max(20, publishes * 2)}s",
                "--latency",
                "--timeout",
                "10s",
                "-H",
                f"Host: {HOST}",
                f"http://127.0.0.1:{port}{page_path}",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
    published_at: list[tuple[float, str]] = []
    stale: list[float] = []
    errors: list[int] = []
    stop = threading.Event()

    def poll() -> None:
        client = Client(base)
        while not stop.is_set():
            started = time.monotonic()
            response = client.get(page_path)
            if response.status_code != 200:
                errors.append(response.status_code)
                continue
            done = [(t, number) for t, number in published_at if t <= started]
            shown = [int(n) for n in re.findall(r"第(\d+)次发布", response.text)]
            if done and (not shown or max(shown) < done[-1][1]):
                stale.append(time.monotonic() - done[-1][0])

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        page = Page.objects.get(pk=fixtures["demo"]).specific
        for number in range(publishes):
            marker = f"第{number}次发布"
            latest = page.get_latest_revision_as_object()
            latest.summary_zh_hans = f"{marker}：探针。"
            latest.save_revision().publish()
            published_at.append((time.monotonic(), number))
            time.sleep(0.7)
    finally:
        stop.set()
        poller.join()
    result = {
        "stale responses": len(stale),
        "longest stale (ms)": max(stale, default=0) * 1000,
        "poller non-2xx": len(errors),
    }
    if wrk_process:
        output, _ = wrk_process.communicate()
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        socket_errors = re.search(r"Socket errors: (.*)", output)
        p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
        p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
        result["wrk non-2xx"] = int(non_2xx.group(1)) if non_2xx else 0
        result["wrk socket errors"] = socket_errors.group(1) if socket_errors else "none"
        result["wrk p50"] = p50.group(1) if p50 else "?"
        result["wrk p99"] = p99.group(1) if p99 else "?"
    return result


# -- Two editors ---------------------------------------------------------------------------


def two_editor_rounds(base: str, fixtures: dict, rounds: int) -> dict:
    from wagtail.models import Page

    page_id = fixtures["demo"]
    edit = f"/admin/pages/{page_id}/edit/"
    first, second = Client(base), Client(base)
    first.login(fixtures["users"]["editor desk A"])
    second.login("probe-admin")
    lost = refused = both_kept = 0
    for number in range(rounds):
        forms = [FormReader.read(c.get(edit).text, action_contains="edit") for c in (first, second)]
        outcomes = []
        for client, form, field in zip(
            (first, second), forms, ("sections-0-note", "sections-1-note"), strict=True
        ):
            marker = f"round{number}-{field}"
            form[field] = marker
            response = client.post(edit, form)
            saved = response.status_code == 302
            outcomes.append((saved, marker))
        latest = Page.objects.get(pk=page_id).specific.get_latest_revision_as_object()
        notes = " ".join(section.note for section in latest.sections.all())
        for saved, marker in outcomes:
            if saved and marker not in notes:
                lost += 1
            if not saved:
                refused += 1
        if all(marker in notes for _saved, marker in outcomes):
            both_kept += 1
    return {
        "rounds": rounds,
        "lost edits": lost,
        "refused as conflicts": refused,
        "rounds with both edits": both_kept,
    }


# -- AI faults -----------------------------------------------------------------------------

FAULTS = [
    "normal",
    "slow",
    "trickle",
    "error_500",
    "error_502",
    "error_503",
    "reset",
    "rate_limited",
    "malformed_json",
    "oversized_body",
    "redirect",
    "empty",
    "echo",
    "oversized",
    "english",
    "injected_link",
    "markup",
    "missing_choices",
    "length",
    "truncated_json",
    "leaked_prompt",
]


#: Modes whose reply is a usable translation (slow and trickle may also time out).
USABLE = {"normal", "slow", "trickle", "rate_limited"}


def ai_faults(base: str, fixtures: dict, server, env: dict, faults: list[str]) -> dict:
    from articles.models import ArticleIndexPage, ArticleSection, LatestSection

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = Client(base)
    client.login(fixtures["users"]["translator desk A"])
    desk_a = ArticleIndexPage.objects.get(pk=fixtures["desk_a_index"])
    stuck = clean = corrupted = 0
    details = []
    try:
        for number, fault in enumerate(faults):
            server.behaviour = fault
            page = make_article(desk_a, f"ai-{fault.replace('_', '-')}", "Fault probe", "", False)
            drafts = f"/admin/articles/{page.pk}/drafts/"
            form = FormReader.read(client.get(drafts).text, action_contains="start")
            response = client.post(drafts + "start/", form)
            if response.status_code not in (200, 302):
                details.append(f"{fault}: start answered {response.status_code}")
            sections = ArticleSection.objects.filter(page_id=page.pk)
            jobs = LatestSection.objects.filter(page_id=page.pk)
            started = time.monotonic()
            # The first run also waits for the worker to start (slow on a busy machine).
            while time.monotonic() - started < (300 if number == 0 else 90):
                states = set(jobs.values_list("ai_draft_state", flat=True))
                if not states & {"queued", "running"}:
                    break
                time.sleep(0.5)
            settled = time.monotonic() - started
            client.get(drafts)  # the screen expires runs past their deadline
            state_of = dict(jobs.values_list("section_key", "ai_draft_state"))
            rows = [
                (state_of.get(key, ""), draft, body)
                for key, draft, body in sections.values_list("key", "ai_draft", "body_zh_hans")
            ]
            waiting = sum(1 for state, _d, _b in rows if state in ("queued", "running"))
            if fault == "rate_limited":
                waiting = 0  # put off until the Retry-After, by design
            stuck += waiting
            bad = 0
            if fault not in USABLE:
                bad = sum(1 for state, draft, body in rows if state == "done" or draft or body)
            corrupted += bad
            if not waiting and not bad:
                clean += 1
            states = sorted({state for state, _d, _b in rows})
            details.append(f"{fault}: {states}, settled in {settled:.1f} s")
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    return {
        "fault modes": len(faults),
        "ended cleanly": clean,
        "sections stuck": stuck,
        "drafts corrupted": corrupted,
        "details": details,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8941)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument("--faults", default="all", help="comma-separated fault modes, or all")
    args = parser.parse_args()

    from tests.fake_ai_servers import FakeOpenAIServer

    server = FakeOpenAIServer(api_key="sk-probe-not-real").start()
    env = configure_environment(args.port, server.base_url)
    fresh_database()
    # Before the fixtures: publishing them renders their pages for the cache, with the
    # production storage's manifest of static files.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    fixtures = build_fixtures()
    gunicorn = subprocess.Popen(
        [
            sys.executable,
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
        stderr=subprocess.DEVNULL,  # request logs; the figures below are what counts
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(60):
            try:
                if Client(base).get("/").status_code == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        print("machine: 2 cores; database: PostgreSQL; cache: Redis; gunicorn 2 workers")
        requests_made, leaks, found = leak_matrix(base, fixtures)
        roles = len(fixtures["users"])
        print(f"leak matrix: {roles} roles x {requests_made // roles} URLs, leaks: {leaks}")
        for line in found:
            print("  " + line)
        readers = readers_during_publishes(base, args.port, fixtures, args.publishes)
        print(f"readers during {args.publishes} publishes: {readers}")
        editors = two_editor_rounds(base, fixtures, args.rounds)
        print(f"two editors: {editors}")
        faults = FAULTS if args.faults == "all" else args.faults.split(",")
        ai = ai_faults(base, fixtures, server, env, faults)
        details = ai.pop("details")
        print(f"AI faults: {ai}")
        for line in details:
            print("  " + line)
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=10)
        server.stop()


if __name__ == "__main__":
    main()
