"""Every built page: crisis strip first, meta tags, trust footer, and a policy that allows only its own
origin. (What a page would fetch from another origin is refused by the built-site checks, which stop the
build: content_checks/site_checks.py; tests/test_browser.py records every request in Chromium.)"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from site_pages import ROOT, config, content_urls, html_file

URLS = content_urls()
SITE_URL = config()["site_url"]
def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / "404.html" if url == "404" else html_file(site, url)
    assert path.exists(), f"{url} was not built (expected {path})"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_of_docs_was_found():
    assert len(URLS) >= 30 and "/" in URLS and "/get-help-now/" in URLS


@pytest.mark.parametrize("url", URLS + ["404"])
def test_crisis_strip_comes_first_after_the_skip_link(site, url):
    body = soup_of(site, url).body
    first = [el for el in body.find_all(recursive=False) if el.name not in ("input", "label")]
    assert first[0].get("data-md-component") == "skip", f"{url}: the skip link is not first"
    assert first[1].get("data-md-component") == "announce", f"{url}: the crisis strip is not right after the skip link"
    strip = first[1].select_one(".crisis-strip")
    assert strip is not None, f"{url}: no crisis strip"
    links = {a["href"] for a in strip.find_all("a")}
    assert {"tel:988", "sms:988", "tel:911"} <= links, f"{url}: crisis links missing, found {links}"
    page_url = "/" if url == "404" else url
    assert any(urljoin(page_url, h) == "/get-help-now/" for h in links if ":" not in h), f"{url}: no link to /get-help-now/"


@pytest.mark.parametrize("url", URLS)
def test_meta_title_lang_canonical_and_trust_footer(site, url):
    soup = soup_of(site, url)
    assert soup.html.get("lang") == "en", f"{url}: <html lang> is not 'en'"
    title = soup.title.get_text(strip=True) if soup.title else ""
    assert "Ketamine Treatment Guide" in title and len(title) > len("Ketamine Treatment Guide"), f"{url}: title {title!r}"
    description = soup.find("meta", attrs={"name": "description"})
    assert description and 20 <= len(description["content"]) <= 160, f"{url}: meta description {description}"
    canonical = soup.find("link", rel="canonical")
    assert canonical and canonical["href"] == SITE_URL.rstrip("/") + url, f"{url}: canonical {canonical}"
    footer = soup.select_one("aside.trust-footer")
    assert footer is not None, f"{url}: no trust footer"
    text = footer.get_text(" ", strip=True)
    for words in ("Last reviewed", "Next review due", "Review status", "General information, not medical advice"):
        assert words in text, f"{url}: the trust footer lacks {words!r}"
    assert re.search(r"Last reviewed \d{4}-\d{2}-\d{2}", text), f"{url}: no review date in {text!r}"


@pytest.mark.parametrize("url", URLS + ["404"])
def test_content_security_policy_allows_only_own_origin(site, url):
    soup = soup_of(site, url)
    first = soup.head.find(True)
    assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", \
        f"{url}: the CSP must be the first thing in <head>, so it covers every script"
    policy = first["content"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "http" not in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    for script in soup.find_all("script", src=False):
        if script.get("type") == "application/json":
            continue  # data, not code
        digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy, (
            f"{url}: an inline script is not allowed by the CSP; if a theme upgrade changed it, "
            f"add 'sha256-{digest}' to extra.content_security_policy in mkdocs.yml. Script: {script.string[:80]}")
    referrer = soup.find("meta", attrs={"name": "referrer"})
    assert referrer and referrer["content"] in ("no-referrer", "strict-origin-when-cross-origin", "same-origin")


def tooltip_terms() -> list[str]:
    text = (Path(__file__).parent.parent / "docs" / "_includes" / "abbreviations.md").read_text(encoding="utf-8")
    return re.findall(r"^\*\[([^\]]+)\]:", text, re.M)


def test_every_glossary_term_is_explained_somewhere_on_the_site(site):
    """Each term in docs/_includes/abbreviations.md is marked, with its meaning, on some page."""
    terms = tooltip_terms()
    assert len(terms) >= 30
    shown = set()
    for url in URLS:
        soup = soup_of(site, url)
        for term in soup.select("abbr.term"):
            meaning = term.select_one(".term-def")
            if meaning is not None and meaning.get_text(strip=True):
                shown.add(term.contents[0].strip())
        # Or the text says it in place, and so is not glossed: "Randomized controlled trial (RCT)",
        # "SSRI (selective serotonin reuptake inhibitor)" (content_checks/page_markup.py).
        text = " ".join(soup.select_one("article").get_text().split())
        shown.update(t for t in terms if re.search(rf"\(\s*{re.escape(t)}\)|\b{re.escape(t)} \(\w", text))
    missing = [t for t in terms if t not in shown]
    assert not missing, f"these glossary terms are never explained on a page, so readers never see them: {missing}"


@pytest.mark.parametrize("url", URLS)
def test_each_term_is_marked_once_per_page_and_never_with_a_title_tooltip(site, url):
    soup = soup_of(site, url)
    marked = [t.contents[0].strip().lower() for t in soup.select("abbr.term")]
    repeated = sorted({t for t in marked if marked.count(t) > 1})
    assert not repeated, f"{url}: these terms are marked more than once: {repeated}"
    titled = [a.get_text() for a in soup.find_all("abbr") if a.get("title")]
    assert not titled, f"{url}: tooltips that touch screens never show: {titled}"


def css_selectors(css: str) -> set[str]:
    """Each selector of a stylesheet, written one way (comments and blank space around combinators out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = set()
    for rule in re.findall(r"([^{};]+)\{", css):
        if not rule.strip().startswith("@"):
            for part in rule.split(","):
                found.add(re.sub(r"\s+", " ", re.sub(r"\s*([>+~])\s*", r"\1", part.strip())))
    return found


def test_the_minified_stylesheet_keeps_every_selector(site):
    """The minify plugin's CSS compressor once turned `.grid :is(th, td)` into `.grid:is(th, td)`, a
    different selector, silently. Write `.grid *:is(th, td)` instead; this test finds any other case."""
    source = css_selectors((ROOT / "docs" / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8"))
    built = css_selectors((site / "assets" / "stylesheets" / "extra.min.css").read_text(encoding="utf-8"))
    assert source - built == set(), f"the minified stylesheet lost or changed these selectors: {sorted(source - built)}"
