"""The same mkdocs.yml builds with Zensical, Material's successor, publishes every page, passes the
same built-site checks, shows no console errors in a real browser, and searches as the MkDocs build
does: crisis words put help first, names their page, the reported half its share (the Zensical build and
its server are fixtures in conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_tools import open_page, search
from content_checks import site_checks
from search_checks import (CRISIS_QUERIES, REPORT, REPORT_FLOOR_ZENSICAL, crisis_misses, first_misses, ordinary_wrong,
                           phone_search_page, query_misses, share_message)
from site_pages import config, content_urls, html_file


def test_zensical_builds_every_page_with_crisis_strip_and_trust_footer(zensical_site):
    site = zensical_site
    missing = [url for url in content_urls() if not html_file(site, url).exists()]
    assert not missing, f"Zensical did not build: {missing}"
    for url in content_urls():
        soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one(".crisis-strip a[href='tel:988']"), f"{url}: no crisis strip under Zensical"
        assert soup.select_one("aside.trust-footer"), f"{url}: no trust footer under Zensical"
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp and "default-src 'self'" in csp["content"], f"{url}: no CSP under Zensical"
    redirects = next(p["redirects"]["redirect_maps"] for p in config()["plugins"] if isinstance(p, dict) and "redirects" in p)
    short_links = [old.removesuffix(".md") for old in redirects if "/" not in old]
    assert short_links, "mkdocs.yml lists no short links"
    for short_link in short_links:
        assert (site / short_link / "index.html").exists(), f"Zensical did not build the short link /{short_link}/"


def test_the_built_site_checks_pass_on_the_zensical_build(zensical_site):
    """The URL and anchor contract, the search index and the privacy check hold for Zensical too (not the
    byte budgets: Zensical's own bundle is heavier; the budgets hold for the published MkDocs build)."""
    problems = site_checks.check_built_site(zensical_site, Path(__file__).resolve().parent.parent / "docs", config()["site_url"],
                                 budgets=False)
    assert problems == [], "\n".join(map(str, problems))


def test_zensical_pages_have_no_console_errors(zensical_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        for url in ("/", "/compare/", "/get-help-now/", "/search/#q=spravato"):
            page = open_page(context, zensical_server, url)
            page.keyboard.press("/")  # to the header's search box
            page.wait_for_timeout(500)
            assert not page.errors, f"{url} under Zensical: {page.errors}"
            assert not page.outside, f"{url} under Zensical asked other sites for {page.outside}"
    finally:
        context.close()


@pytest.fixture()
def zensical_phone(browser, zensical_server):
    page = phone_search_page(browser, zensical_server)
    yield page
    page.close()


def test_crisis_searches_put_help_first_under_zensical(zensical_phone):
    misses = crisis_misses(zensical_phone)
    assert not misses, (f"Under Zensical, {len(misses)} of {len(CRISIS_QUERIES)} crisis searches at 360 px went "
                        "wrong:\n" + "\n".join(misses))
    wrong = ordinary_wrong(zensical_phone)
    assert not wrong, "Under Zensical, ordinary searches went wrong:\n" + "\n".join(wrong)


def test_best_bets_and_the_reported_half_work_under_zensical(zensical_phone):
    misses = first_misses(zensical_phone)
    assert not misses, "Under Zensical, a name did not put its page first:\n" + "\n".join(misses)
    misses = query_misses(zensical_phone, REPORT)
    assert 1 - len(misses) / len(REPORT) >= REPORT_FLOOR_ZENSICAL, share_message(
        "Under Zensical, the reported half", REPORT, misses, REPORT_FLOOR_ZENSICAL)


# ---- the Spanish edition, built by Zensical with mkdocs.es.yml into site/es (issue 25) ----------------
def test_zensical_builds_the_spanish_edition_and_its_checks_pass(zensical_site):
    root = Path(__file__).resolve().parent.parent
    spanish = zensical_site / "es"
    for url in content_urls():
        soup = BeautifulSoup(html_file(spanish, url).read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "es", f"/es{url}: <html lang> is {soup.html['lang']} under Zensical"
        assert soup.select_one(".crisis-strip a[href='sms:988?&body=AYUDA']"), f"/es{url}: no Spanish crisis strip"
        assert soup.select_one(".translation-note a[hreflang=en]"), f"/es{url}: no status line linking the English page"
    problems = site_checks.check_built_site(spanish, root / "docs-es", "https://ketamine-treatment-guide.github.io/es/",
                                            budgets=False)
    assert problems == [], "\n".join(map(str, problems))


def test_spanish_crisis_search_works_under_zensical(browser, zensical_server):
    from test_spanish import CRISIS, HELP_ES, box_problems

    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    try:
        page = open_page(context, zensical_server, "/es/search/")
        wrong = []
        for query in [str(q) for q in CRISIS["crisis"]]:
            results = search(page, query)
            problems = box_problems(page) + ([] if results[:1] == [HELP_ES] else [f"first {results[:1]}"])
            if problems:
                wrong.append(f"  {query!r}: " + "; ".join(problems))
        for query in [str(q) for q in CRISIS["ordinary"]][:10]:
            search(page, query)
            if page.locator(".search-page__crisis").is_visible():
                wrong.append(f"  {query!r} (ordinary) shows the crisis box")
        assert not wrong, "Under Zensical, Spanish searches went wrong:\n" + "\n".join(wrong)
        assert page.errors == [] and page.outside == []
    finally:
        context.close()
