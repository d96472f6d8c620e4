"""Helpers for the real-Chromium tests: open a page while recording what it does; use the search box;
run axe-core."""
from __future__ import annotations

from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()
NOT_FOUND_MESSAGE = "Failed to load resource: the server responded with a status of 404"


def open_page(context, server: str, url: str):
    """Open a page, recording requests to other origins and console errors."""
    page = context.new_page()
    page.outside, page.errors = [], []
    page.on("request", lambda r: None if r.url.startswith((server, "data:", "blob:", "about:"))
            else page.outside.append(r.url))

    def console(message) -> None:
        # The 404 page's own status is expected; any other failed load is an error.
        if message.type == "error" and not (message.text.startswith(NOT_FOUND_MESSAGE)
                                            and message.location.get("url") == server + url):
            page.errors.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    response = page.goto(server + url, wait_until="networkidle")
    page.status = response.status if response else None
    return page


def search(page, query: str) -> list[str]:
    """Type into the search page's box (opening the search page first if needed); return the paths of the
    result pages, best first."""
    if "/search/" not in page.url:
        page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + "/search/", wait_until="networkidle")
    box = page.locator("#search-page-query")
    box.fill(str(query))
    page.wait_for_function("q => document.querySelector('.search-page__results').dataset.query === q", arg=str(query))
    hrefs = page.eval_on_selector_all(".search-page__results li > a", "els => els.map(e => e.href)")
    return [urlparse(h).path for h in hrefs]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is now, one line each."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"]]
