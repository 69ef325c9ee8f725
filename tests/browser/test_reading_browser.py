"""Reading the public site in headless Chromium: every public page type fits a 1366 px
screen and a 390 px phone without scrolling sideways, follows the system's dark mode, and
has no serious or critical accessibility violation (axe-core, from package.json), in both
interface languages and in the dark scheme. With DUIZHAO_SCREENSHOTS=1, full-page screenshots
of every page at both widths land in var/screenshots/ for a person to look at."""

import os
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def public_pages() -> dict[str, str]:
    """One address per public page type, on the demo content (Chinese interface)."""
    from django.utils import translation

    from tests.site_data import demo_content

    article = demo_content().article
    quote = article.sections.exclude(quote=None).first().quote
    with translation.override("zh-hans"):
        return {
            "home": "/",
            "list": "/articles/",
            "article": article.url,
            "bilingual": article.url + "?view=bilingual",
            "person": article.original_author.get_absolute_url(),
            "quote": quote.get_absolute_url(),
            "search": "/search/?q=辛顿",
        }


def both_languages(pages: dict[str, str]) -> list[tuple[str, str]]:
    return [(f"{name}-zh", url) for name, url in pages.items()] + [
        (f"{name}-en", "/en" + url) for name, url in pages.items()
    ]


def overflow(page) -> int:
    """How far the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("device", WIDTHS)
def test_public_pages_fit_the_screen_without_sideways_scrolling(
    live_server, browser, public_pages, device, keep_screenshot
):
    context = browser.new_context(viewport=WIDTHS[device], locale="zh-CN")
    page = context.new_page()
    too_wide = {}
    for name, url in both_languages(public_pages):
        page.goto(live_server.url + url)
        if overflow(page) > 0:
            too_wide[name] = overflow(page)
        keep_screenshot(page, f"{name}-{device}.png", full_page=True)
    context.close()
    assert too_wide == {}


def test_long_addresses_and_code_wrap_on_a_phone(live_server, browser, public_pages):
    """A 200-character address in the text and a long line of code stay inside a 390 px
    window: the address breaks, the code scrolls inside its own box."""
    from articles.models import ArticlePage, ArticleSection

    article = ArticlePage.objects.get(slug="before-the-spring-deep-learning-pioneers")
    address = "https://example.com/" + "very-long-path-segment-" * 8
    code = "print(" + "'a_long_argument', " * 12 + ")"
    section = ArticleSection.objects.filter(page=article).first()
    section.body_zh_hans += (
        f"<p>见 {address}，<em>务必</em>留意。</p><pre><code>{code}</code></pre>"
    )
    section.save()
    context = browser.new_context(viewport=WIDTHS["phone"], locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + public_pages["article"])
    assert page.locator("pre").count() == 1
    assert overflow(page) == 0
    scrolls = page.evaluate(
        "(() => { const pre = document.querySelector('pre');"
        " return [pre.scrollWidth > pre.clientWidth, getComputedStyle(pre).overflowX]; })()"
    )
    assert scrolls == [True, "auto"]
    # Chinese emphasis is upright with dots, never italic.
    emphasis = page.evaluate(
        "(() => { const style = getComputedStyle(document.querySelector('.zh em'));"
        " return [style.fontStyle, style.textEmphasisStyle]; })()"
    )
    assert emphasis == ["normal", "dot"]  # "filled dot", as Chromium serialises it
    context.close()


def test_dark_mode_follows_the_system(live_server, browser, public_pages, keep_screenshot):
    backgrounds = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=WIDTHS["desktop"], color_scheme=scheme)
        page = context.new_page()
        page.goto(live_server.url + public_pages["article"])
        backgrounds[scheme] = page.evaluate(
            "[getComputedStyle(document.documentElement).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        keep_screenshot(page, f"article-{scheme}.png")
        if scheme == "light":
            # Body text: 18 px, line height 1.8, lines of 35 to 40 ideographs.
            size, height, width = page.evaluate(
                "(() => { const p = document.querySelector('.article-section .zh p');"
                " const style = getComputedStyle(p);"
                " return [parseFloat(style.fontSize), parseFloat(style.lineHeight),"
                " p.getBoundingClientRect().width]; })()"
            )
            assert size == 18 and height == pytest.approx(1.8 * size)
            assert 35 <= width / size <= 40
        page.emulate_media(color_scheme="light" if scheme == "dark" else "dark")
        backgrounds[f"{scheme}-switched"] = page.evaluate(
            "getComputedStyle(document.documentElement).backgroundColor"
        )
        context.close()
    assert backgrounds["light"][0] == "rgb(255, 255, 255)"
    assert backgrounds["dark"][0] != backgrounds["light"][0]
    dark_red = int(backgrounds["dark"][0].split("(")[1].split(",")[0])
    text_red = int(backgrounds["dark"][1].split("(")[1].split(",")[0])
    assert dark_red < 64 < text_red  # dark paper, light ink
    assert backgrounds["light-switched"] == backgrounds["dark"][0]


def test_print_keeps_the_originals_of_the_bilingual_view(live_server, browser, public_pages):
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(live_server.url + public_pages["bilingual"])
    page.emulate_media(media="print")
    shown = page.evaluate(
        "(() => { const visible = (selector) => [...document.querySelectorAll(selector)]"
        ".some((element) => element.offsetParent !== null);"
        " return {english: visible('.pair .en[lang=en] p'), header: visible('.site-header'),"
        " share: visible('.share-row')}; })()"
    )
    context.close()
    assert shown == {"english": True, "header": False, "share": False}


def test_no_serious_accessibility_violations(live_server, browser, public_pages):
    if not AXE.exists():
        message = f"axe-core not installed at {AXE} (npm ci)"
        if os.environ.get("DUIZHAO_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    # The public CSP allows no inline script, and Playwright injects axe inline: the test's
    # browser lets it in; the pages' own policy is tested in test_content_security_policy.
    context = browser.new_context(viewport=WIDTHS["desktop"], bypass_csp=True)
    page = context.new_page()
    found = {}
    # Both languages in the light scheme, and the Chinese pages again in the dark one (its
    # colours must keep their contrast too).
    scans = [("light", name, url) for name, url in both_languages(public_pages)] + [
        ("dark", f"{name}-zh-dark", url) for name, url in public_pages.items()
    ]
    for scheme, name, url in scans:
        page.emulate_media(color_scheme=scheme)
        page.goto(live_server.url + url)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map((v) => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))"
        )
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            found[name] = blocking
    context.close()
    assert found == {}
