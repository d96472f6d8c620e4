"""Byte budgets (sizes are deterministic; timings live in tests/benchmark.py)."""
from __future__ import annotations

import pytest

from site_pages import content_urls
from weights import gz, gz_size

SEARCH_INDEX_BUDGET = 100 * 1024  # gzip
IMAGE_BUDGET = 100 * 1024
HTML_BUDGET = 30 * 1024  # gzip, per page: navigation.prune keeps it small as the site grows


def test_search_index_is_under_100_kb_gzip(site):
    size = len(gz((site / "search" / "search_index.json").read_bytes()))
    assert size <= SEARCH_INDEX_BUDGET, f"the search index is {size / 1024:.1f} KB gzip; the budget is 100 KB"


def test_no_image_over_100_kb(site):
    images = [p for p in site.rglob("*") if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}]
    assert images, "expected at least the favicon"
    heavy = [f"{p.relative_to(site)}: {p.stat().st_size / 1024:.0f} KB" for p in images if p.stat().st_size > IMAGE_BUDGET]
    assert not heavy, f"images over 100 KB: {heavy}"


@pytest.mark.parametrize("url", content_urls())
def test_page_html_is_under_30_kb_gzip(site, url):
    page = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    size = gz_size(page)
    assert size <= HTML_BUDGET, f"{url} is {size / 1024:.1f} KB of HTML gzip; the budget is 30 KB"
