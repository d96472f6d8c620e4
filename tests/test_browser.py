"""Real Chromium on every page: light and dark, phone and desktop. No outside requests, no console
errors, no axe-core violations (WCAG 2.0/2.1/2.2 A and AA), and the crisis strip usable on a phone."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser_tools import axe_violations, open_page
from conftest import ROOT
from site_pages import content_urls
from content_checks.budget import assets_of

# The Spanish edition's translated pages, its search page and two pages not translated yet (issue 25).
SPANISH_URLS = ["/es/", "/es/get-help-now/", "/es/compare/", "/es/treatments/", "/es/treatments/esketamine/",
                "/es/treatments/ketamine-infusion/", "/es/safety/ketamine-mills/", "/es/safety/side-effects/",
                "/es/safety/who-should-avoid-ketamine/", "/es/choosing-a-provider/", "/es/what-to-expect/",
                "/es/cost-and-insurance/", "/es/search/", "/es/safety/", "/es/routes/oral/"]
NOT_TRANSLATED = ["/es/safety/", "/es/routes/oral/"]  # no "En resumen": a line saying so, and links to the English
URLS = content_urls() + SPANISH_URLS
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = {"phone": (360, 740), "desktop": (1280, 800)}


@pytest.fixture(scope="module")
def contexts(browser):
    made = {}

    def get(scheme: str, width: str):
        if (scheme, width) not in made:
            w, h = WIDTHS[width]
            made[scheme, width] = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme,
                                                      service_workers="block")
        return made[scheme, width]

    yield get
    for context in made.values():
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", URLS + ["/no-such-page/"])
def test_page_in_chromium(contexts, server, url, scheme, width):
    page = open_page(contexts(scheme, width), server, url)
    try:
        assert page.status == (404 if url == "/no-such-page/" else 200)
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], "the palette did not follow the system"
        assert page.outside == [], f"{url}: requests to other origins: {page.outside}"
        assert page.errors == [], f"{url}: console errors: {page.errors}"
        if width == "phone" and url not in ["/no-such-page/", *NOT_TRANSLATED]:
            summary = page.locator(".md-content .admonition.summary").first.bounding_box()
            assert summary and summary["y"] + summary["height"] <= WIDTHS["phone"][1], \
                f"{url}: the 'In short' summary does not fit on a phone screen without scrolling: {summary}"
        violations = axe_violations(page)
        assert violations == [], f"{url} ({scheme}, {width}): axe-core found:\n" + "\n".join(violations)
    finally:
        page.close()


@pytest.mark.parametrize("url", ["/", "/compare/", "/get-help-now/"])
def test_crisis_strip_fits_a_phone_screen_with_big_tap_targets(contexts, server, url):
    page = open_page(contexts("light", "phone"), server, url)
    try:
        strip = page.locator(".crisis-strip")
        box = strip.bounding_box()
        assert box and box["y"] + box["height"] <= 740, f"{url}: the crisis strip is not fully visible without scrolling: {box}"
        for link in strip.locator("a").all():
            target = link.bounding_box()
            assert target["width"] >= 44 and target["height"] >= 44, f"{url}: tap target too small: {link.inner_text()} {target}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{url}: the page scrolls sideways at 360 px"
    finally:
        page.close()


def test_copy_link_button_copies_the_full_address(browser, server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = open_page(context, server, "/for-clinicians/")
    try:
        buttons = page.locator("button.copy-link__button")
        source = (ROOT / "docs" / "for-clinicians.md").read_text(encoding="utf-8")
        assert buttons.count() == source.count("{{ copy_link("), "expected a copy button for each copy_link() line"
        buttons.first.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("a.copy-link").first.get_attribute("href")
        assert copied.endswith("/kap/")
        assert page.locator(".copy-link__status").first.inner_text() == "Copied"
    finally:
        context.close()


@pytest.mark.parametrize("url", ["/", "/compare/", "/routes/intravenous/"])
def test_a_first_visit_fetches_only_what_the_byte_budget_counts(browser, server, site, url):
    """content_checks/budget.py works out a first visit from the HTML; Chromium must fetch exactly that.
    No search code or index loads, even when the reader uses the header's search box: search runs on
    the search page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path) if r.url.startswith(server) else None)
    try:
        page.goto(server + url, wait_until="networkidle")
        counted = {url} | {"/" + p.relative_to(site).as_posix() for p in assets_of(site, url)[1:]}
        assert set(fetched) == counted, (f"{url}: Chromium fetched {sorted(set(fetched) - counted)} that the budget "
                                         f"does not count, and not {sorted(counted - set(fetched))}")
        page.locator("#site-search-query").focus()
        page.keyboard.type("side effects")
        page.wait_for_timeout(500)
        searching = [path for path in fetched if "/pagefind/" in path or "search" in path.rsplit("/", 1)[-1]]
        assert searching == [], f"{url}: search files loaded before the search page: {searching}"
    finally:
        context.close()


@pytest.mark.parametrize("scripts", [True, False], ids=["with-scripts", "without-scripts"])
def test_a_citation_number_opens_the_sources_box_at_its_note(browser, server, scripts):
    """Each page's sources wait in a closed box at its end. Tapping a citation number opens the box at
    that note, even with scripts off: the browser opens a closed box that holds the link's target."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=scripts)
    page = context.new_page()
    try:
        page.goto(server + "/compare/")
        assert not page.locator(".footnote li").first.is_visible(), "the sources box should start closed"
        number = page.locator("a.footnote-ref").nth(3)
        note = page.locator(f"[id='{number.get_attribute('href')[1:]}']")
        number.click()
        assert note.is_visible(), "the note did not show after its number was tapped"
        assert note.bounding_box()["y"] < 740, "the note is not on screen after its number was tapped"
    finally:
        context.close()


def test_the_red_flag_checklist_ticks_by_tap_and_keyboard_stores_nothing_and_prints_empty(browser, server):
    """The checklist on /safety/ketamine-mills/ looked tappable but its boxes were disabled."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = open_page(context, server, "/safety/ketamine-mills/")
    try:
        boxes = page.get_by_role("checkbox")
        items = page.locator("li.task-list-item")
        assert boxes.count() == items.count() >= 5, "each item needs its own checkbox"
        first = items.first
        name = " ".join(first.inner_text().split())
        assert page.get_by_role("checkbox", name=name).count() == 1, f"the first box is not labelled by its words: {name!r}"
        requests_before = len(page.outside)
        storage = "() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])"
        stored_before = page.evaluate(storage)  # Material keeps its own settings there; a tick adds nothing
        first.locator("label").tap()
        assert boxes.first.is_checked(), "tapping the item's words did not tick it"
        second = boxes.nth(1)
        second.focus()
        page.keyboard.press("Space")
        assert second.is_checked(), "the Space key did not tick the focused box"
        page.keyboard.press("Space")
        assert not second.is_checked()
        page.keyboard.press("Space")
        assert page.evaluate(storage) == stored_before and context.cookies() == [], "ticking a box stored something"
        assert len(page.outside) == requests_before and page.errors == []
        violations = axe_violations(page)
        assert violations == [], "axe-core found, with boxes ticked:\n" + "\n".join(violations)
        page.emulate_media(media="print")
        drawn = boxes.first.evaluate("""box => { const s = getComputedStyle(box.nextElementSibling, "::before");
            return [s.content, s.backgroundColor, s.borderTopStyle]; }""")
        assert drawn == ['""', "rgba(0, 0, 0, 0)", "solid"], f"a ticked box does not print empty: {drawn}"
    finally:
        context.close()
