"""Search finds what readers mean (README: Search). The query set (tests/search_queries.yml) is typed into the
real search page in Chromium, on a 360 px phone with touch. The tuning half must put a good page in the top 3
for 95% of queries; the reported half, never tuned on, must keep its measured share; names must put their
page first."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_tools import axe_violations, open_page, search
from content_checks import search_index
from content_checks.budget import gz_size
from search_checks import (FIRST, HELP, REPORT, REPORT_FLOOR, REQUIRED_SHARE, TUNE, first_misses, phone_search_page,
                           query_misses, share_message)


@pytest.fixture()
def phone(browser, server):
    page = phone_search_page(browser, server)
    yield page
    page.close()


def test_the_query_set_is_fair_and_names_real_pages(site):
    assert len(TUNE) + len(REPORT) >= 150 and len(REPORT) >= 75
    both = {q.lower() for q in TUNE} & {q.lower() for q in REPORT}
    assert not both, f"queries in both halves: {sorted(both)}"
    for query, pages in {**TUNE, **REPORT, **{q: [p] for q, p in FIRST.items()}}.items():
        for url in pages:
            assert (site / url.strip("/") / "index.html").exists(), f"query {query!r} names a missing page {url}"
    assert set(FIRST) <= set(TUNE) | set(REPORT), "every name in `first` is also in `tune` or `report`"


def test_the_reported_half_keeps_its_measured_share(phone):
    """Issue 23 asks 95%; the held-out half, measured once, reached 96.7% (search_checks.REPORT_FLOOR)."""
    misses = query_misses(phone, REPORT)
    assert 1 - len(misses) / len(REPORT) >= REPORT_FLOOR, share_message("The reported half", REPORT, misses,
                                                                         REPORT_FLOOR)


def test_the_tuning_half_still_finds_a_good_page(phone):
    misses = query_misses(phone, TUNE)
    assert 1 - len(misses) / len(TUNE) >= REQUIRED_SHARE, share_message("The tuning half", TUNE, misses)


def test_names_put_their_page_first(phone):
    misses = first_misses(phone)
    assert not misses, "A treatment, brand or drug name did not put its page first:\n" + "\n".join(misses)
    assert phone.errors == [] and phone.outside == [], (phone.errors, phone.outside)


def test_one_typo_is_corrected_and_said(phone):
    assert search(phone, "spravto")[:1] == ["/treatments/esketamine/"]
    assert "Showing results for \u201cspravato\u201d" in phone.locator(".search-page__status").inner_text()


def test_a_search_with_no_results_says_so_kindly_and_offers_the_ways_in(phone):
    assert search(phone, "xqzvy wkpl") == []
    status = phone.locator(".search-page__status").inner_text()
    assert status.startswith("No page matches \u201cxqzvy wkpl\u201d. Try fewer words"), status
    ways_in = phone.locator("#main-ways-in + ul a")
    assert ways_in.count() >= 6 and ways_in.first.is_visible()
    assert urlparse(ways_in.first.evaluate("a => a.href")).path == HELP


def test_results_show_a_title_and_an_excerpt_without_chips_or_missing_notes(phone):
    results = search(phone, "is ketamine safe?")
    assert results, "no results"
    items = phone.locator(".search-page__results li")
    for index in range(items.count()):
        item = items.nth(index)
        assert item.locator("a").count() == 1 and item.locator("a").inner_text().strip(), item.inner_html()
    assert items.locator("p").count() >= items.count() - 1, "results without an excerpt"
    text = phone.locator(".search-page").inner_text()
    assert "Missing" not in text and phone.locator(".search-page .md-tag").count() == 0


def test_a_result_found_by_its_tags_shows_the_page_words_not_the_tag_list(phone):
    """"Aetna" is only in the cost page's tags (index-only): its excerpt is the page's opening words."""
    assert search(phone, "aetna")[:1] == ["/cost-and-insurance/"]
    excerpt = phone.locator(".search-page__results li").first.locator("p").inner_text()
    assert excerpt.startswith("In short. Prices vary a lot.") and "Aetna" not in excerpt, excerpt


def test_search_js_knows_the_weight_the_index_gives_tags():
    script = (Path(__file__).resolve().parents[1] / "docs" / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8")
    assert f"var TAGS_WEIGHT = {search_index.TAGS_WEIGHT};" in script, "search.js TAGS_WEIGHT differs from search_index.py"


def test_the_header_panel_on_a_phone_shows_crisis_help_and_opens_the_search_page(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = open_page(context, server, "/safety/")
        page.locator("label.md-header__button[for='__search']").first.tap()
        panel = page.locator(".site-search")
        assert panel.is_visible() and page.evaluate("document.activeElement.id") == "site-search-query"
        for name in ("Call 988", "Text 988", "Get help now"):
            box = panel.get_by_role("link", name=name).bounding_box()
            assert box and box["height"] >= 44 and box["y"] + box["height"] <= 740, (name, box)
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        panel.locator("input").fill("spravato")
        panel.locator("input").press("Enter")
        page.wait_for_url("**/search/")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query === 'spravato'")
        first = page.locator(".search-page__results li a").first.evaluate("a => a.href")
        assert urlparse(first).path == "/treatments/esketamine/"
        assert page.errors == [] and page.outside == [], (page.errors, page.outside)
        # Nothing leaves the browser: no request carries the words, and the address keeps none of them.
        assert not [url for url in asked if "spravato" in url.lower()], asked
        assert page.url.endswith("/search/"), page.url
    finally:
        context.close()


def test_the_header_box_on_a_wide_screen_opens_the_search_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = open_page(context, server, "/no-such-page/")  # from the 404 page too
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "site-search-query"
        page.keyboard.type("bioavailability")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query")
        assert "/routes/" in search(page, "bioavailability")[:3]
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_page_has_no_axe_violations(browser, server, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, server, "/search/#q=i%20want%20to%20die")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query")
        assert page.locator(".search-page__crisis").is_visible()
        violations = axe_violations(page)
        assert violations == [], f"axe-core found on the search page ({width} px, {scheme}):\n" + "\n".join(violations)
        if width == 360:
            page.goto(server + "/", wait_until="networkidle")
            page.locator("label.md-header__button[for='__search']").first.click()
            violations = axe_violations(page)
            assert violations == [], f"axe-core found with the search panel open ({scheme}):\n" + "\n".join(violations)
    finally:
        context.close()



LAYOUT_SHIFTS = """window.shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(entry => window.shifts.push(
  entry.value.toFixed(4) + ": " + entry.sources.map(s => s.node ? s.node.nodeName + "." + s.node.className : "?").join(", ")
))).observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("url", ["/search/#q=side%20effects", "/es/search/#q=efectos"])
def test_opening_the_search_page_with_a_search_moves_nothing_on_screen(browser, server, url):
    """The header's box on another page opens the search page with the words in its address. The results
    come after the first paint (here search.min.js is held back, as on a slow line); the links under them
    must not jump down when they do (Lighthouse counts it as layout shift; it cost 10 points)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.route("**/search.min.js", lambda route: (time.sleep(0.4), route.continue_()))
    try:
        page.goto(server + url, wait_until="commit")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query")
        page.wait_for_timeout(300)
        assert page.locator(".search-page__results li").count() >= 3
        shifts = page.evaluate("window.shifts")
        assert shifts == [], f"{url}: parts of the page moved as the results came (layout shift): {shifts}"
    finally:
        context.close()


def test_a_first_search_fetches_no_more_than_its_budget_counts(browser, server, site):
    """content_checks/search_index.py counts what a first search can download (gzip); Chromium must fetch
    no search file beyond that, and nothing from another site."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda r: fetched.append(urlparse(r.url).path) if r.url.startswith(server) else None)
    try:
        page.goto(server + "/", wait_until="networkidle")
        before = set(fetched)
        page.goto(server + "/search/#q=side%20effects", wait_until="networkidle")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query")
        searching = sorted(set(fetched) - before - {"/search/"})
        size = sum(gz_size(site / path.lstrip("/")) for path in searching)
        assert searching and size <= search_index.first_search_bytes(site) <= search_index.FIRST_SEARCH_BUDGET, (
            f"a first search fetched {size / 1024:.1f} KB (gzip): {searching}")
    finally:
        context.close()
