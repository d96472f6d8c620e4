"""Crisis-first search: a search with crisis words (docs/assets/crisis-words.txt) shows a box above
the results with 988, 911 and Get help now, and puts Get help now first. Typed into the real search
box in Chromium, on a 360 px phone with touch, as a reader would; ordinary searches show no box."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
import yaml

from browser_tools import axe_violations, open_page, search

WORDS_FILE = Path(__file__).resolve().parent.parent / "docs" / "assets" / "crisis-words.txt"
HELP = "/get-help-now/"

# How distressed readers type, and ordinary searches that must show no box: a plain data file.
QUERIES = yaml.safe_load((Path(__file__).resolve().parent / "crisis_queries.yml").read_text(encoding="utf-8"))
CRISIS_QUERIES, ORDINARY_QUERIES = QUERIES["crisis"], QUERIES["ordinary"]
BOX_LINKS = {"tel:988": "Call 988", "sms:988": "Text 988", "tel:911": "Call 911"}


@pytest.fixture()
def phone(browser, server):
    """Opens /compare/ on a 360 x 740 touch phone and opens search with a tap on its icon."""
    contexts = []

    def open_phone(scheme: str = "light"):
        context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                      color_scheme=scheme, service_workers="block")
        contexts.append(context)
        page = open_page(context, server, "/compare/")
        page.locator("label.md-header__button[for='__search']").first.tap()
        page.wait_for_selector("input.md-search__input", state="visible")
        return page

    yield open_phone
    for context in contexts:
        context.close()


def box_problems(page) -> list[str]:
    """What is wrong with the crisis box now, if anything (an empty list when it shows as it should)."""
    box = page.locator(".md-search-result .crisis-search")
    if box.count() != 1 or not box.is_visible():
        return ["no crisis box"]
    problems = []
    for href, text in BOX_LINKS.items():
        link = box.locator(f"a[href='{href}']")
        if link.count() != 1 or link.inner_text().strip() != text:
            problems.append(f"no '{text}' link")
    links = box.locator("a").all()
    if not any(urlparse(a.evaluate("a => a.href")).path == HELP and a.inner_text().strip() == "Get help now"
               for a in links):
        problems.append("no 'Get help now' link")
    for link in links:
        target = link.bounding_box()
        if not target or target["width"] < 44 or target["height"] < 44:
            problems.append(f"'{link.inner_text()}' is smaller than 44 x 44 px: {target}")
    box_top = box.bounding_box()["y"]
    first = page.locator("li.md-search-result__item").first
    if first.count() and first.bounding_box()["y"] < box_top:
        problems.append("the box is not above the results")
    return problems


def test_crisis_searches_show_the_box_and_put_get_help_now_first(phone):
    assert len(CRISIS_QUERIES) >= 30
    page = phone()
    misses = []
    for query in CRISIS_QUERIES:
        results = search(page, query)
        problems = box_problems(page)
        if not results or results[0] != HELP:
            problems.append(f"first result {results[:1] or 'none'}, not {HELP}")
        if problems:
            misses.append(f"  {query!r}: " + "; ".join(problems))
    assert not misses, (f"{len(misses)} of {len(CRISIS_QUERIES)} crisis searches at 360 px went wrong:\n"
                        + "\n".join(misses))
    assert page.errors == [], f"console errors: {page.errors}"
    assert page.outside == [], f"requests to other origins: {page.outside}"


def line_problems(page) -> list[str]:
    """The short crisis line the open search panel always shows (it covers the strip on a phone)."""
    line = page.locator(".md-search-result .crisis-line")
    if line.count() != 1 or not line.is_visible():
        return ["no crisis line"]
    problems = []
    for href in ("tel:988", "sms:988"):
        target = line.locator(f"a[href='{href}']").bounding_box()
        if not target or target["width"] < 44 or target["height"] < 44:
            problems.append(f"the {href} link is missing or smaller than 44 x 44 px: {target}")
    if not any(urlparse(a.evaluate("a => a.href")).path == HELP for a in line.locator("a").all()):
        problems.append("no Get help now link")
    return problems


def test_ordinary_searches_show_no_crisis_box_but_keep_the_crisis_line(phone):
    page = phone()
    wrong = []
    for query in ORDINARY_QUERIES:
        search(page, "suicide")  # the box shows first, so each ordinary search must hide it
        if page.locator(".md-search-result .crisis-line").is_visible():
            wrong.append("  the crisis line shows beside the crisis box for 'suicide'")
        results = search(page, query)
        if page.locator(".crisis-search").is_visible():
            wrong.append(f"  {query!r} shows the crisis box (results: {results[:3]})")
        elif results and results[0] == HELP and "help" not in query.lower():  # "help" ranks the page by its title
            wrong.append(f"  {query!r} puts Get help now first")
        wrong += [f"  {query!r}: {problem}" for problem in line_problems(page)]
    search(page, "suicide")
    box = page.locator("input.md-search__input")  # emptied: no results, and no crisis box
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !/\\d|No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
    if page.locator(".crisis-search").is_visible():
        wrong.append("  an emptied search box still shows the crisis box")
    wrong += [f"  emptied search box: {problem}" for problem in line_problems(page)]
    assert not wrong, "Ordinary searches went wrong:\n" + "\n".join(wrong)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_crisis_box_has_no_axe_violations(phone, scheme):
    page = phone(scheme)
    results = search(page, "i want to die")
    assert results[:1] == [HELP] and box_problems(page) == [], "the crisis box is not showing as it should"
    violations = axe_violations(page)
    assert violations == [], f"axe-core found, with the crisis box showing ({scheme}):\n" + "\n".join(violations)
    search(page, "side effects")
    assert line_problems(page) == [], "the crisis line is not showing as it should"
    violations = axe_violations(page)
    assert violations == [], f"axe-core found, with the crisis line showing ({scheme}):\n" + "\n".join(violations)


@pytest.mark.parametrize(("query", "opens"), [("suicde", HELP), ("side effects", "/safety/side-effects/")])
def test_enter_opens_the_first_result(browser, server, query, opens):
    """Material's Enter key opens the best-scored result: Get help now for a crisis search, and the
    box's own links never take its place."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = open_page(context, server, "/")
        search(page, query)
        page.locator("input.md-search__input").press("Enter")
        try:
            page.wait_for_url(lambda url: urlparse(url).path == opens, timeout=5_000)
        except PlaywrightTimeout:  # only the wait running out means it did not open; a crash is its own error
            pytest.fail(f"Enter after {query!r} did not open {opens}; the page is {urlparse(page.url).path}")
    finally:
        context.close()


def test_a_search_link_with_crisis_words_shows_the_box(browser, server):
    """A search address (?q=, as in a shared link) loads search at once, in a different order."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = open_page(context, server, "/routes/?q=suicde")
        page.wait_for_function("() => /\\d+ matching|No matching/"
                               ".test(document.querySelector('.md-search-result__meta').textContent)")
        results = page.eval_on_selector_all("li.md-search-result__item > a:first-child", "els => els.map(e => e.href)")
        assert [urlparse(h).path for h in results[:1]] == [HELP], f"first result: {results[:1]}"
        assert box_problems(page) == []
    finally:
        context.close()


def test_the_site_publishes_the_crisis_words_where_crisis_js_looks(site):
    """The list itself is checked by the content checks (content_checks/crisis_words.py)."""
    assert (site / "assets" / "crisis-words.txt").read_text(encoding="utf-8") == WORDS_FILE.read_text(encoding="utf-8")
