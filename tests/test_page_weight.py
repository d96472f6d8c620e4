"""Byte budgets (sizes are deterministic; timings live in tests/benchmark.py). Each page's first visit
and the search index are held by the built-site checks, which stop the build (content_checks/budget.py,
proven by its rule examples in tests/test_rules.py); these tests cover what those checks do not."""
from __future__ import annotations

import random

from content_checks.budget import over_budget

IMAGE_BUDGET = 100 * 1024


def test_no_image_over_100_kb(site):
    images = [p for p in site.rglob("*") if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}]
    assert images, "expected at least the favicon"
    heavy = [f"{p.relative_to(site)}: {p.stat().st_size / 1024:.0f} KB" for p in images if p.stat().st_size > IMAGE_BUDGET]
    assert not heavy, f"images over 100 KB: {heavy}"


def test_an_over_budget_page_gets_a_plain_message(tmp_path):
    noise = random.Random(7)  # random bytes barely compress: a predictable, heavy page
    (tmp_path / "long").mkdir()
    (tmp_path / "site.css").write_bytes(noise.randbytes(70 * 1024))
    page = '<link rel="stylesheet" href="../site.css"><p>' + noise.randbytes(12 * 1024).hex() + "</p>"
    (tmp_path / "long" / "index.html").write_text(page)
    assert str(over_budget(tmp_path, "/long/", "docs/long.md")) == (
        "docs/long.md, line 1: A first visit to /long/ downloads 84.1 KB (gzip); the budget is 80 KB. [first-visit-over-budget]\n"
        "    How to fix: the page itself is 14.0 KB of that; the rest is the site's styles and scripts, the same "
        "on every page. Shorten the page by about 30% of its text, or move detail to a page it links to.")
    (tmp_path / "short").mkdir()
    (tmp_path / "short" / "index.html").write_text('<link rel="stylesheet" href="../site.css"><p>Short.</p>')
    assert over_budget(tmp_path, "/short/", "docs/short.md") is None
