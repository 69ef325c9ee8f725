"""Headless Chromium from Debian's packages, driven by Playwright against live_server.

Debian's chromium-headless-shell when it is installed: Chromium's own headless browser, the
one Playwright itself runs headless tests in, with the same engine as the full browser
(/usr/bin/chromium) and without its window system; the browser tests cost the machine about
40% less CPU in it (26-30 busy core-seconds against 45-48). Else the full browser, which
``CHROMIUM_PATH=/usr/bin/chromium`` also picks. Without either, the browser tests skip with the
reason, so a newcomer's ``make test`` still passes; CI sets DUIZHAO_REQUIRE_BROWSER=1 and then
a missing browser is a failure."""

import os
from pathlib import Path

import pytest

HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
FULL_BROWSER = Path("/usr/bin/chromium")
CHROMIUM = Path(
    os.environ.get("CHROMIUM_PATH") or (HEADLESS_SHELL if HEADLESS_SHELL.exists() else FULL_BROWSER)
)
# Screenshots are for a person to look at, and no test reads them: taken only when asked for
# (DUIZHAO_SCREENSHOTS=1), as encoding them cost Chromium 2-5% of the browser tests' CPU.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
TAKE_SCREENSHOTS = os.environ.get("DUIZHAO_SCREENSHOTS", "") not in ("", "0")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
# around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium-headless-shell)"
        if os.environ.get("DUIZHAO_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def keep_screenshot():
    """``keep_screenshot(page_or_locator, "name.png", **options)`` saves it under
    var/screenshots/ when DUIZHAO_SCREENSHOTS=1, and does nothing otherwise."""

    def keep(target, name: str, **options) -> None:
        if TAKE_SCREENSHOTS:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            target.screenshot(path=str(SCREENSHOTS / name), **options)

    return keep


@pytest.fixture(autouse=True)
def site_data(transactional_db):
    """Browser tests run in real transactions against live_server; each starts from the
    migrated baseline (tables are emptied after every transactional test)."""
    from tests.site_data import ensure_site_data

    ensure_site_data()
