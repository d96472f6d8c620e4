"""Bytes a first visit transfers, gzip'd: deterministic, so tests can hold the budgets."""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup


FIRST_VISIT_BUDGET = 80 * 1024  # gzip: what a slow phone downloads before the page is usable


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


@lru_cache(maxsize=None)
def gz_size(path: Path) -> int:
    return len(gz(path.read_bytes()))


def assets_of(site: Path, url: str) -> list[Path]:
    """The files a browser fetches on a first visit to `url` (found from the page itself).

    Search's worker and index are not among them: site.js holds both back until the
    reader reaches for search (tests/test_browser.py checks this list against Chromium's requests)."""
    page = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = [page]
    for element, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
        for tag in soup.find_all(element):
            address = tag.get(attribute)
            if not address or (element == "link" and not {"stylesheet", "icon"} & set(tag.get("rel", []))):
                continue
            found.append(site / urljoin(url, address).lstrip("/").split("?")[0].split("#")[0])
    return [p for p in found if p.is_file()]


def first_visit_bytes(site: Path, url: str) -> int:
    return sum(gz_size(path) for path in assets_of(site, url))


def over_budget(site: Path, url: str, source: str) -> str | None:
    """A plain message for an editor when a page's first visit is over budget; None when it fits."""
    size = first_visit_bytes(site, url)
    if size <= FIRST_VISIT_BUDGET:
        return None
    page = gz_size(assets_of(site, url)[0])
    cut = -(-(size - FIRST_VISIT_BUDGET) * 100 // page)  # rounded up
    return (f"{source}: a first visit to {url} downloads {size / 1024:.1f} KB (gzip); the budget is 80 KB.\n"
            f"    How to fix: the page itself is {page / 1024:.1f} KB of that; the rest is the site's styles and "
            f"scripts, the same on every page. Shorten the page by about {cut}% of its text, or move detail "
            "to a page it links to.")
