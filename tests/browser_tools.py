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
    """Type into the real search box; return the paths of the result pages, best first."""
    box = page.locator("input.md-search__input")
    if not page.is_checked("#__search"):  # search is closed: open it as a reader would
        if page.viewport_size["width"] < 960:
            page.locator("label.md-header__button[for='__search']").first.click()  # the search icon
        else:
            box.click()
    box.fill("")
    box.press("End")  # Material listens for key presses, not only input events
    page.wait_for_function("() => !/\\d|No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
    # The whole query at once, then a key press: Material searches on key presses, so results
    # for half-typed words cannot be mistaken for the answer.
    box.fill(str(query))
    box.press("End")
    page.wait_for_function("() => /\\d+ matching|No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a:first-child", "els => els.map(e => e.href)")
    return [urlparse(h).path for h in hrefs]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is now, one line each."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in results.response["violations"]]
