"""The public pages work in Chromium under their Content-Security-Policy: nothing a reader
sees is blocked, and the policy really is in force (an injected inline script is refused)."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# Runs before any page script, from the browser itself rather than as an inline script,
# so the policy under test does not apply to it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_public_pages_raise_no_policy_violation(live_server, page):
    from people.models import Person, Quote
    from tests.site_data import demo_content

    article = demo_content().article
    person = Person.objects.filter(slug__gt="").first()
    quote = Quote.objects.first()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    seen = {}
    for url in ["/", article.url, person.get_absolute_url(), quote.get_absolute_url()]:
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        seen[url] = violations(page)
        if url == article.url:
            page.click("[data-view=bilingual]")
            page.wait_for_url("**view=bilingual**")
            page.wait_for_load_state("load")
            assert page.locator(".article-section:has(.en)").count() == article.sections.count()
            seen[url + "?view=bilingual"] = violations(page)
            stylesheet_applied = page.evaluate(
                "getComputedStyle(document.querySelector('.pair')).display"
            )
            assert stylesheet_applied == "grid"

    assert all(not found for found in seen.values()), seen
    assert not [text for text in console if "Content Security Policy" in text], console

    # The policy is in force: a script written into the page is refused and reported.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__injected") is None
    assert any(found.startswith("script-src") for found in violations(page))
