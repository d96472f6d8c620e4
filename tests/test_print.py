"""Printed pages are clean handouts a patient can read: text at 11 pt or more and source notes at
8 pt or more (measured in Chromium's own PDF and in the print styles), and the five handouts fit
on two sheets of US Letter and of A4. /compare/ prints the options chosen in its address."""
from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from io import BytesIO

import pytest
import yaml
from bs4 import BeautifulSoup
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextLine

from conftest import in_ci
from site_pages import DOCS, config, content_urls, html_file

# /compare/ is a handout once options are chosen: every choice of three fits on two sheets (a choice
# of two has wider columns, so it is shorter still; the handouts list one).
OPTION_IDS = [o["id"] for o in yaml.safe_load((DOCS / "_data" / "options.yml").read_text(encoding="utf-8"))["options"]]
TRIPLES = [f"/compare/?options={','.join(three)}" for three in itertools.combinations(OPTION_IDS, 3)]
HANDOUTS = ["/compare/?options=infusion,spravato", "/choosing-a-provider/", "/safety/ketamine-mills/",
            "/what-to-expect/", "/get-help-now/"]
PAGES = [url.split("?")[0] for url in HANDOUTS]
MAX_SHEETS = 2
BODY_PT, NOTE_PT = 11, 8


def test_the_print_font_is_installed():
    """The print styles ask for Arial or Liberation Sans (the same widths). With a wider fallback font
    the handouts run longer, so the page counts below would measure the wrong font."""
    if not shutil.which("fc-list"):
        if in_ci():
            pytest.fail("CI runs on Debian, which has fontconfig: install it with the fonts (.ci/run)")
        pytest.skip("no fontconfig here (not Linux): the system's Arial is used")
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    assert re.search(r"\b(Arial|Liberation Sans)\b", families), (
        "Neither Arial nor Liberation Sans is installed, so printed pages would use a wider font. "
        "Install it: sudo apt-get install fonts-liberation")


@pytest.fixture(scope="module")
def print_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def printed_text(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """Each run of text in the PDF at one size: (sheet, size in pt, height of the line's bottom above
    the sheet's bottom as a share of the sheet, text). Sizes are as printed, after any scaling."""
    runs = []
    for sheet, layout in enumerate(extract_pages(BytesIO(pdf)), start=1):
        lines = []

        def walk(item):
            if isinstance(item, LTTextLine):
                lines.append(item)
            elif hasattr(item, "__iter__"):
                for child in item:
                    walk(child)
        walk(layout)
        for line in lines:
            chars = [c for c in line if isinstance(c, LTChar)]
            for size, group in itertools.groupby(chars, key=lambda c: round(c.size, 1)):
                text = "".join(c.get_text() for c in group).strip()
                if text:
                    runs.append((sheet, size, line.y0 / layout.height, text))
    return runs


def print_pdf(page, server: str, url: str, paper: str) -> bytes:
    page.goto(server + url, wait_until="networkidle")
    return page.pdf(format=paper, print_background=False)


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("url", HANDOUTS + TRIPLES)
def test_handout_fits_on_two_sheets(print_page, server, url, paper):
    sheets = pdf_pages(print_pdf(print_page, server, url, paper))
    assert 1 <= sheets <= MAX_SHEETS, f"{url} prints on {sheets} {paper} pages; the limit is {MAX_SHEETS}"


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("url", HANDOUTS)
def test_handout_prints_at_readable_sizes_and_leaves_no_sheet_mostly_blank(print_page, server, url, paper):
    """Measured in the PDF Chromium prints: a page scaled down to fit would fail here."""
    runs = printed_text(print_pdf(print_page, server, url, paper))
    assert runs, f"{url}: the PDF has no text"
    tiny = [f"{size} pt on sheet {sheet}: {text[:40]!r}" for sheet, size, _, text in runs if size < NOTE_PT - 0.05]
    assert not tiny, f"{url} ({paper}) prints text under {NOTE_PT} pt:\n" + "\n".join(tiny[:10])
    # A link hidden on paper must take its sentence's full stop with it ("care. ." in the footer).
    stray = [text for _, _, _, text in runs if re.search(r"\.\s+\.(\s|$)", text)]
    assert not stray, f"{url} ({paper}) prints a full stop left behind by a hidden link: {stray[:3]}"
    characters = {}
    for _, size, _, text in runs:
        characters[size] = characters.get(size, 0) + len(text)
    usual = max(characters, key=characters.get)
    assert usual >= BODY_PT - 0.05, f"{url} ({paper}): most text prints at {usual} pt; the floor is {BODY_PT} pt"
    last = max(sheet for sheet, *_ in runs)
    for sheet in range(1, last):
        lowest = min(bottom for s, _, bottom, _ in runs if s == sheet)
        assert lowest < 0.4, (f"{url} ({paper}): sheet {sheet} of {last} stops {1 - lowest:.0%} of the way down, "
                              "so a box that cannot be split was pushed to the next sheet")


# Every visible piece of text under print styles: 11 pt or more, or 8 pt or more for source notes
# and the citation numbers that point to them. 1 CSS px = 0.75 pt on paper.
SMALL_PRINT = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const element = node.parentElement;
    if (!text || !element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const pt = parseFloat(getComputedStyle(element).fontSize) * 0.75;
    const floor = element.closest(".footnote, sup") ? %d : %d;
    if (pt < floor - 0.01) small.push(`${pt.toFixed(1)} pt (floor ${floor}): "${text.slice(0, 40)}" in <${element.tagName.toLowerCase()} class="${element.className}">`);
  }
  return small;
}""" % (NOTE_PT, BODY_PT)

# On paper nothing scrolls: Chromium's own print draws a scroll bar beside a box that can scroll
# (headless Chromium hides scroll bars, so the PDF cannot show it).
SCROLLING = """() => [...document.querySelectorAll(".md-banner *, .md-content *")]
  .filter(e => e.checkVisibility() && /auto|scroll/.test(getComputedStyle(e).overflowX + getComputedStyle(e).overflowY))
  .map(e => `<${e.tagName.toLowerCase()} class="${e.className}">`)"""


@pytest.mark.parametrize("url", content_urls())
def test_every_page_prints_at_readable_sizes_with_nothing_scrolling(print_page, server, url):
    print_page.goto(server + url, wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        small = print_page.evaluate(SMALL_PRINT)
        assert small == [], f"{url}: text prints too small:\n" + "\n".join(small[:10])
        scrolling = print_page.evaluate(SCROLLING)
        assert scrolling == [], f"{url}: on paper these boxes would print with a scroll bar: {scrolling[:5]}"
    finally:
        print_page.emulate_media(media="screen")


@pytest.mark.parametrize("url", PAGES)
def test_handout_has_a_qr_code_of_its_permanent_address(site, url):
    soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one("figure.print-qr")
    address = config()["site_url"].rstrip("/") + url
    assert figure is not None and figure.svg is not None, f"{url}: no QR code"
    assert figure["aria-label"] == f"QR code linking to {address}"


@pytest.mark.parametrize("url", PAGES)
def test_qr_code_shows_on_paper_only(print_page, server, url):
    print_page.goto(server + url)
    assert not print_page.locator("figure.print-qr").is_visible(), f"{url}: the QR code shows on screen; it is for paper"
    print_page.emulate_media(media="print")
    try:
        assert print_page.locator("figure.print-qr").is_visible(), f"{url}: the QR code is missing on paper"
    finally:
        print_page.emulate_media(media="screen")


# On paper each outside link in the text shows its address after it; nor does a full address shown
# as text. Notes name their source and its site or identifier (the page online has the addresses).
LINK_ADDRESSES = """() => {
  const identifier = /^https:\\/\\/(doi\\.org|pubmed\\.ncbi\\.nlm\\.nih\\.gov|pmc\\.ncbi\\.nlm\\.nih\\.gov)\\//;
  const missing = [];
  const links = [...document.querySelectorAll(".md-content a[href^='https://']")];
  for (const a of links) {
    if (a.closest(".footnote")) continue;  // notes name their source; the page online has the address
    if (a.classList.contains("copy-link")) continue;  // its text is the address
    if (!getComputedStyle(a, "::after").content.includes(a.getAttribute("href"))) missing.push(a.href);
  }
  return [links.length, missing];
}"""


@pytest.mark.parametrize("url", ["/", "/compare/", "/safety/side-effects/", "/safety/ketamine-mills/"])
def test_print_shows_the_content_and_hides_the_site_furniture(print_page, server, url):
    print_page.goto(server + url, wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
                       ".md-path"):
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


# The review footer reads "Last reviewed 2026-11-30 Next review due …", never "Last reviewed2026-11-30":
# the minified HTML kept no space between the term and its date.
REVIEW_LINE = re.compile(r"Last reviewed \d{4}-\d\d-\d\d\s+Next review due \d{4}-\d\d-\d\d\s+Review status \w")


@pytest.mark.parametrize("url", PAGES)
def test_review_footer_keeps_its_spaces_in_text_and_on_paper(site, print_page, server, url):
    soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
    text = soup.select_one(".trust-footer").get_text()
    assert REVIEW_LINE.search(" ".join(text.split())), f"{url}: the footer's text runs together: {' '.join(text.split())[:90]!r}"
    print_page.goto(server + url, wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        printed = print_page.locator(".trust-footer").inner_text()
        assert REVIEW_LINE.search(printed), f"{url}: on paper the footer reads {printed[:90]!r}"
    finally:
        print_page.emulate_media(media="screen")


@pytest.mark.parametrize("url", content_urls())
def test_citation_numbers_side_by_side_are_separated(site, url):
    """Notes 25 and 14 cited together read "25,14", not "2514" (on screen, on paper, to a screen reader)."""
    html = html_file(site, url).read_text(encoding="utf-8")
    run_together = re.findall(r'>(\d+)</a></sup><sup(?: id="fnref\d*:[^"]+")?><a class="footnote-ref"[^>]*>(\d+)<', html)
    assert not run_together, f"{url}: citation numbers run together: {run_together[:5]}"


# Each printed note's number fits beside it: the first column cut "10." to "0.". An outside list marker
# sits in the item's left margin (plus the list's padding), so that space must hold the widest number.
NOTE_NUMBERS = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const cut = [];
  for (const li of document.querySelectorAll(".footnote li")) {
    if (!li.checkVisibility()) continue;
    const style = getComputedStyle(li);
    const list = getComputedStyle(li.parentElement);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const needed = canvas.measureText(`${li.value}. `).width;
    const room = parseFloat(style.marginLeft) + parseFloat(list.paddingLeft) + parseFloat(list.marginLeft);
    if (needed > room + 0.5) cut.push(`${li.value} needs ${needed.toFixed(1)} px, has ${room.toFixed(1)} px`);
  }
  return cut;
}"""


@pytest.mark.parametrize("url", ["/compare/?options=infusion,spravato", "/compare/"])
def test_two_digit_note_numbers_print_whole(print_page, server, url):
    print_page.goto(server + url, wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        print_page.evaluate("() => dispatchEvent(new Event('beforeprint'))")
        cut = print_page.evaluate(NOTE_NUMBERS)
        assert cut == [], f"{url}: note numbers are cut on paper: {cut[:5]}"
    finally:
        print_page.emulate_media(media="screen")


def test_compare_prints_the_questions_to_bring(print_page, server):
    """The page says to print it and bring it: the questions to ask print (in full, run on as a
    paragraph). The "What matters most to you?" checklist stays on screen: with it, several
    three-option printouts need a third sheet (ENGINEERING.md)."""
    print_page.goto(server + "/compare/?options=infusion,spravato", wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        assert print_page.locator("h2#questions").is_visible(), "the questions' heading does not print"
        questions = print_page.locator("h2#questions ~ ul > li")
        assert questions.count() >= 8
        hidden = [q for q in questions.all_inner_texts() if not q]
        assert all(questions.nth(i).is_visible() for i in range(questions.count())), "a question does not print"
        assert not hidden
    finally:
        print_page.emulate_media(media="screen")
