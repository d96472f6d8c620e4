"""What the search tests look for, shared by the MkDocs build's tests (test_search.py,
test_crisis_search.py) and the Zensical build's (test_zensical.py): each returns a list of what went
wrong, one line each, so a failure names every miss and what came back instead."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import yaml

from browser_tools import open_page, search

TESTS = Path(__file__).resolve().parent
HELP = "/get-help-now/"
QUERIES = yaml.safe_load((TESTS / "search_queries.yml").read_text(encoding="utf-8"))
TUNE, REPORT, FIRST = ({str(q): p for q, p in QUERIES[half].items()} for half in ("tune", "report", "first"))
CRISIS = yaml.safe_load((TESTS / "crisis_queries.yml").read_text(encoding="utf-8"))
CRISIS_QUERIES, ORDINARY_QUERIES = [str(q) for q in CRISIS["crisis"]], [str(q) for q in CRISIS["ordinary"]]
BOX_LINKS = {"tel:988": "Call 988", "sms:988": "Text 988", "tel:911": "Call 911"}
REQUIRED_SHARE = 0.95  # the tuning half, and what issue 23 asks of the held-out half
# The held-out half: four rounds of queries that nobody tuned on found a good page in the top 3 for 82%,
# 85%, 85% and 79% while search wanted pages with every word. Since each word counts on its own
# (search.js, find): rounds 5 to 8, 93.2%, 94.7%, 86.5%, 86.9%. Helpers who saw no queries then wrote
# tags in readers' words for every page (round 9: 92.6%), and the title stopped counting twice (round 10,
# the half in the file now: 87 of 90, 96.7%, under both builders; 85 would fall under this floor).
# Never tune on this half; when a new round replaces it, measure that round once and set the floor then.
REPORT_FLOOR = REQUIRED_SHARE
REPORT_FLOOR_ZENSICAL = REQUIRED_SHARE  # measured 87 of 90 on the Zensical build too


def phone_search_page(browser, server: str, scheme: str = "light"):
    """The search page on a 360 x 740 touch phone, as a reader reaches it: a tap on the header's search
    button, a search typed in the panel and sent; returns the page (its context closes with it)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  color_scheme=scheme, service_workers="block")
    page = open_page(context, server, "/compare/")
    page.locator("label.md-header__button[for='__search']").first.tap()
    panel = page.locator(".site-search")
    panel.locator("input").fill("side effects")
    panel.locator("button[type=submit]").tap()
    page.wait_for_url("**/search/")
    page.wait_for_function("() => document.querySelector('.search-page__results')?.dataset.query === 'side effects'")
    page.on("close", lambda _: context.close())
    return page


def query_misses(page, queries: dict[str, list[str]]) -> list[str]:
    misses = []
    for query, acceptable in queries.items():
        top = search(page, query)[:3]
        if not set(top) & set(acceptable):
            misses.append(f"  {query!r}: wanted one of {acceptable}, got {top}")
    return misses


def share_message(name: str, queries: dict, misses: list[str], needed: float = REQUIRED_SHARE) -> str:
    share = 1 - len(misses) / len(queries)
    return (f"{name}: {len(queries) - len(misses)} of {len(queries)} queries ({share:.1%}) found a good page in the "
            f"top 3; {needed:.0%} is needed. Every miss, with what came back instead:\n" + "\n".join(misses))


def first_misses(page) -> list[str]:
    return [f"  {query!r}: wanted {wanted} first, got {top[:3]}" for query, wanted in FIRST.items()
            if (top := search(page, query))[:1] != [wanted]]


def box_problems(page) -> list[str]:
    """What is wrong with the crisis box now, if anything (an empty list when it shows as it should)."""
    box = page.locator(".search-page__crisis")
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
    first = page.locator(".search-page__results li").first
    if first.count() and first.bounding_box()["y"] < box.bounding_box()["y"]:
        problems.append("the box is not above the results")
    return problems


def crisis_misses(page) -> list[str]:
    misses = []
    for query in CRISIS_QUERIES:
        results = search(page, query)
        problems = box_problems(page)
        if not results or results[0] != HELP:
            problems.append(f"first result {results[:1] or 'none'}, not {HELP}")
        if problems:
            misses.append(f"  {query!r}: " + "; ".join(problems))
    return misses


def ordinary_wrong(page) -> list[str]:
    wrong = []
    for query in ORDINARY_QUERIES:
        search(page, "suicide")  # the box shows first, so each ordinary search must hide it
        results = search(page, query)
        if page.locator(".search-page__crisis").is_visible():
            wrong.append(f"  {query!r} shows the crisis box (results: {results[:3]})")
        elif results and results[0] == HELP and "help" not in query.lower():  # "help" ranks the page by its title
            wrong.append(f"  {query!r} puts Get help now first")
    return wrong
