"""The same mkdocs.yml builds with Zensical, Material's successor, publishes every page, passes the
same built-site checks, and shows no console errors in a real browser."""
from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_tools import open_page
from conftest import SiteHandler
from content_checks import site_checks
from site_pages import config, content_urls, copy_project, html_file


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict"], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "zensical build --strict failed:\n" + result.stdout[-4000:] + result.stderr[-4000:]
    return project / "site"



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


def test_zensical_pages_have_no_console_errors(zensical_site, browser):
    handler = functools.partial(SiteHandler, directory=str(zensical_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        for url in ("/", "/compare/", "/get-help-now/"):
            page = open_page(context, server, url)
            page.keyboard.press("/")  # open Zensical's search panel, which adds its own styles
            page.wait_for_timeout(500)
            assert not page.errors, f"{url} under Zensical: {page.errors}"
            assert not page.outside, f"{url} under Zensical asked other sites for {page.outside}"
    finally:
        context.close()
        httpd.shutdown()
