"""The same mkdocs.yml builds with Zensical, Material's successor, and publishes every page."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from site_pages import content_urls, copy_project, html_file



def test_zensical_builds_every_page_with_crisis_strip_and_trust_footer(tmp_path):
    copy_project(tmp_path)
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "zensical build --strict failed:\n" + result.stdout[-4000:] + result.stderr[-4000:]
    site = tmp_path / "site"
    missing = [url for url in content_urls() if not html_file(site, url).exists()]
    assert not missing, f"Zensical did not build: {missing}"
    for url in content_urls():
        soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one(".crisis-strip a[href='tel:988']"), f"{url}: no crisis strip under Zensical"
        assert soup.select_one("aside.trust-footer"), f"{url}: no trust footer under Zensical"
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp and "default-src 'self'" in csp["content"], f"{url}: no CSP under Zensical"
    for short_link in ("kap", "infusion", "spravato", "mills", "questions", "help"):
        assert (site / short_link / "index.html").exists(), f"Zensical did not build the short link /{short_link}/"
