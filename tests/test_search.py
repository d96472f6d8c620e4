"""Search understands readers' own words: each query of tests/search_queries.yml, typed into the
real search box in Chromium, must put an acceptable page in the top 3, for at least 95% of them."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from browser_tools import open_page, search

QUERIES = {str(q): pages for q, pages in
           yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8")).items()}
REQUIRED_SHARE = 0.95


def test_the_query_set_is_big_enough_and_names_real_pages(site):
    assert len(QUERIES) >= 50
    for query, pages in QUERIES.items():
        for url in pages:
            assert (site / url.strip("/") / "index.html").exists(), f"query {query!r} names a missing page {url}"


@pytest.mark.parametrize("width", [1280, 360])
def test_readers_words_find_the_right_page(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = open_page(context, server, "/")
    misses = []
    try:
        for query, acceptable in QUERIES.items():
            top = search(page, query)[:3]
            if not set(top) & set(acceptable):
                misses.append(f"  {query!r}: wanted one of {acceptable}, got {top}")
    finally:
        context.close()
    share = 1 - len(misses) / len(QUERIES)
    assert share >= REQUIRED_SHARE, (
        f"At {width} px, {len(QUERIES) - len(misses)} of {len(QUERIES)} queries ({share:.0%}) found a good page "
        f"in the top 3; {REQUIRED_SHARE:.0%} is needed. Misses:\n" + "\n".join(misses))
