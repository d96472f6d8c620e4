"""Crisis-first search: a search with crisis words (docs/assets/search/best-bets.txt, [crisis]) shows a box
above the results with 988, 911 and Get help now, and puts Get help now first. Typed into the real search
page in Chromium, on a 360 px phone with touch, as a reader would; ordinary searches show no box.
(test_zensical.py runs the same phrasings under Zensical.)"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import ROOT

from browser_tools import axe_violations, open_page, search
from search_checks import (CRISIS_QUERIES, HELP, box_problems, crisis_misses, ordinary_wrong,
                           phone_search_page)


@pytest.fixture()
def phone(browser, server):
    pages = []

    def open_phone(scheme: str = "light"):
        pages.append(phone_search_page(browser, server, scheme))
        return pages[-1]

    yield open_phone
    for page in pages:
        page.close()


def test_crisis_searches_show_the_box_and_put_get_help_now_first(phone):
    assert len(CRISIS_QUERIES) >= 60
    page = phone()
    misses = crisis_misses(page)
    assert not misses, (f"{len(misses)} of {len(CRISIS_QUERIES)} crisis searches at 360 px went wrong:\n"
                        + "\n".join(misses))
    assert page.errors == [], f"console errors: {page.errors}"
    assert page.outside == [], f"requests to other origins: {page.outside}"


def test_ordinary_searches_show_no_crisis_box(phone):
    page = phone()
    wrong = ordinary_wrong(page)
    search(page, "suicide")
    page.locator("#search-page-query").fill("")  # emptied: no results, and no crisis box
    page.wait_for_function("() => !document.querySelector('.search-page__results').children.length")
    if page.locator(".search-page__crisis").is_visible():
        wrong.append("  an emptied search box still shows the crisis box")
    assert not wrong, "Ordinary searches went wrong:\n" + "\n".join(wrong)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_crisis_box_has_no_axe_violations(phone, scheme):
    page = phone(scheme)
    results = search(page, "i want to die")
    assert results[:1] == [HELP] and box_problems(page) == [], "the crisis box is not showing as it should"
    violations = axe_violations(page)
    assert violations == [], f"axe-core found, with the crisis box showing ({scheme}):\n" + "\n".join(violations)


@pytest.mark.parametrize(("query", "opens"), [("suicde", HELP), ("side effects", "/safety/side-effects/")])
def test_the_first_result_is_one_tab_away(browser, server, query, opens):
    """From the search box, Tab reaches the crisis box's links or the first result first: nothing in between."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = open_page(context, server, "/search/")
        search(page, query)
        page.locator("#search-page-query").press("Tab")  # the Search button
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.href || ''")
        if query == "suicde":
            assert focused == "tel:988", f"after {query!r}, Tab reached {focused!r}, not the crisis box"
        else:
            assert urlparse(focused).path == opens, f"after {query!r}, Tab reached {focused!r}, not {opens}"
    finally:
        context.close()


def test_a_search_link_with_crisis_words_shows_the_box(browser, server):
    """A search address (#q=, as the header's form opens the search page, or a shared link)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = open_page(context, server, "/search/#q=suicde")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query === 'suicde'")
        results = page.eval_on_selector_all(".search-page__results li > a", "els => els.map(e => e.href)")
        assert [urlparse(h).path for h in results[:1]] == [HELP], f"first result: {results[:1]}"
        assert box_problems(page) == []
    finally:
        context.close()


def test_the_site_publishes_the_best_bets_where_search_js_looks(site):
    """The list itself is checked by the content checks (content_checks/best_bets.py)."""
    source = ROOT / "docs" / "assets" / "search" / "best-bets.txt"
    assert (site / "assets" / "search" / "best-bets.txt").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_crisis_help_shows_even_when_the_search_engine_cannot_start(browser, server):
    """search.js checks the crisis words apart from Pagefind: with the engine blocked, the box and Get help
    now still show, and the page says search could not start."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    context.route("**/pagefind/**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(server + "/search/#q=i%20want%20to%20die", wait_until="networkidle")
        page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query")
        assert box_problems(page) == []
        results = page.eval_on_selector_all(".search-page__results li > a", "els => els.map(e => e.href)")
        assert [urlparse(h).path for h in results] == [HELP], results
        assert page.locator(".search-page__status").inner_text().startswith("Search could not start")
    finally:
        context.close()
