"""Byte budgets of a built site (sizes are deterministic; timings live in tests/benchmark.py).

Readers open these pages on old phones and weak connections, so each page's first visit (HTML,
CSS, JS and images, gzip'd) is at most 80 KB. (What a first search downloads has its own budget, in
search_index.py.)"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from . import languages
from .paths import built_file, pages, url_of
from .problems import Problem
from .registry import report

FIRST_VISIT_BUDGET = 80 * 1024  # gzip: what a slow phone downloads before the page is usable


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


@lru_cache(maxsize=None)
def _gz_size(path: Path, mtime_ns: int) -> int:
    return len(gz(path.read_bytes()))


def gz_size(path: Path) -> int:
    return _gz_size(path, path.stat().st_mtime_ns)


def local_files(html: str) -> list[str]:
    """The addresses of this site's files that a page fetches as it opens: styles, icons, scripts, images."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
        for tag in soup.find_all(element):
            address = tag.get(attribute)
            if not address or (element == "link" and not {"stylesheet", "icon"} & set(tag.get("rel", []))):
                continue
            if not urlparse(address).scheme and not address.startswith("//"):
                found.append(address)
    return found


def site_file(site: Path, url: str, address: str) -> Path:
    """The file in the built site that `address`, linked from the page at `url`, names. The Spanish edition
    is built into site/es and links the English build's styles and scripts, above its own root."""
    prefix = languages.site_prefix(site)
    full = urljoin(prefix + url, address).split("?")[0].split("#")[0]
    if prefix and not full.startswith(prefix + "/"):
        return site.parent / full.lstrip("/")
    return site / full[len(prefix):].lstrip("/")


def assets_of(site: Path, url: str) -> list[Path]:
    """The files a browser fetches on a first visit to `url` (found from the page itself).

    Search's script and index are not among them: they load on the search page only
    (tests/test_browser.py checks this list against Chromium's requests)."""
    page = built_file(site, url)
    found = [page] + [site_file(site, url, address) for address in local_files(page.read_text(encoding="utf-8"))]
    return [p for p in found if p.is_file()]


def first_visit_bytes(site: Path, url: str) -> int:
    return sum(gz_size(path) for path in assets_of(site, url))


def over_budget(site: Path, url: str, source: str) -> Problem | None:
    """A plain message for an editor when a page's first visit is over budget; None when it fits."""
    size = first_visit_bytes(site, url)
    if size <= FIRST_VISIT_BUDGET:
        return None
    page = gz_size(assets_of(site, url)[0])
    cut = -(-(size - FIRST_VISIT_BUDGET) * 100 // page)  # rounded up
    return report("first-visit-over-budget", source, 1, url=url, size=f"{size / 1024:.1f}", page=f"{page / 1024:.1f}",
                  cut=cut)


def check(site_dir: Path, docs_dir: Path) -> list[Problem]:
    problems = []
    for inside in pages(docs_dir):
        url = url_of(inside)
        if built_file(site_dir, url).exists():
            problem = over_budget(site_dir, url, f"{docs_dir.name}/{inside}")
            if problem:
                problems.append(problem)
    return problems
