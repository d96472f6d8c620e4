"""Printed pages are clean handouts; the four handouts fit on two sheets of US Letter and of A4."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from site_pages import config, content_urls, html_file

HANDOUTS = ["/compare/", "/choosing-a-provider/", "/safety/ketamine-mills/", "/what-to-expect/"]
MAX_SHEETS = 2


@pytest.fixture(scope="module")
def print_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("url", HANDOUTS)
def test_handout_fits_on_two_sheets(print_page, server, url, paper):
    print_page.goto(server + url, wait_until="networkidle")
    pdf = print_page.pdf(format=paper, print_background=False)
    sheets = pdf_pages(pdf)
    assert 1 <= sheets <= MAX_SHEETS, f"{url} prints on {sheets} {paper} pages; the limit is {MAX_SHEETS}"


@pytest.mark.parametrize("url", HANDOUTS)
def test_handout_has_a_qr_code_of_its_permanent_address(site, url):
    soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one("figure.print-qr")
    address = config()["site_url"].rstrip("/") + url
    assert figure is not None and figure.svg is not None, f"{url}: no QR code"
    assert figure["aria-label"] == f"QR code linking to {address}"


@pytest.mark.parametrize("url", HANDOUTS)
def test_qr_code_shows_on_paper_only(print_page, server, url):
    print_page.goto(server + url)
    assert not print_page.locator("figure.print-qr").is_visible(), f"{url}: the QR code shows on screen; it is for paper"
    print_page.emulate_media(media="print")
    try:
        assert print_page.locator("figure.print-qr").is_visible(), f"{url}: the QR code is missing on paper"
    finally:
        print_page.emulate_media(media="screen")


# On paper each outside link shows its address after it. In the notes, a DOI or PubMed link
# already shows its identifier as its text, so it needs none; nor does a full address shown as text.
# The grid handout's notes name each source and its site; the full list is on /references/.
LINK_ADDRESSES = """() => {
  const identifier = /^https:\\/\\/(doi\\.org|pubmed\\.ncbi\\.nlm\\.nih\\.gov|pmc\\.ncbi\\.nlm\\.nih\\.gov)\\//;
  const missing = [];
  const links = [...document.querySelectorAll(".md-content a[href^='https://']")];
  for (const a of links) {
    if (a.closest(".footnote") && identifier.test(a.href)) continue;
    if (a.closest(".compare-grid ~ details .footnote")) continue;
    if (a.classList.contains("copy-link")) continue;  // its text is the address
    if (!getComputedStyle(a, "::after").content.includes(a.getAttribute("href"))) missing.push(a.href);
  }
  return [links.length, missing];
}"""


@pytest.mark.parametrize("url", ["/", "/compare/", "/safety/side-effects/"])
def test_print_shows_the_content_and_hides_the_site_furniture(print_page, server, url):
    print_page.goto(server + url, wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
            assert not print_page.locator(hidden).first.is_visible(), f"{url}: {hidden} shows on paper"
        for shown in (".crisis-strip", ".print-url", ".trust-footer", ".md-content h1", ".footnote li"):
            assert print_page.locator(shown).first.is_visible(), f"{url}: {shown} is missing on paper"
        assert print_page.locator(".print-url").inner_text().endswith(url)
        checked, missing = print_page.evaluate(LINK_ADDRESSES)
        assert checked > 0, f"{url}: no outside link to check"
        assert missing == [], f"{url}: these outside links print without their address: {missing}"
    finally:
        print_page.emulate_media(media="screen")


def is_sources_box(details) -> bool:
    """The closed "Sources for this page" box: print CSS opens it (checked above, as `.footnote li`)."""
    return "quote" in details.get("class", []) and details.find("div", class_="footnote") is not None


@pytest.mark.parametrize("url", content_urls())
def test_nothing_is_collapsed_so_safety_text_prints(site, url):
    soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
    closed = [d.summary.get_text(strip=True) if d.summary else "?" for d in soup.find_all("details")
              if not d.has_attr("open") and not is_sources_box(d)]
    assert not closed, f"{url}: collapsed blocks hide text on paper: {closed}"
