"""Glossary terms work on touch, for screen readers and on paper (content_checks/page_markup.py)."""
from __future__ import annotations

import re

import markdown
import pytest

from conftest import ROOT
from browser_tools import axe_violations, open_page

ABBREVIATIONS = "*[TRD]: Treatment-resistant depression\n*[ECT]: Electroconvulsive therapy\n"


def render(text: str) -> str:
    return markdown.markdown(text + "\n\n" + ABBREVIATIONS, extensions=["abbr", "attr_list", "footnotes", "content_checks.page_markup"])


def test_only_the_first_use_of_a_term_is_marked_with_its_meaning():
    html = render("## About TRD { #trd }\n\nTRD is common. ECT can help TRD.\n\nMore on ECT.")
    assert html.count('<abbr class="term" tabindex="0">') == 2
    assert '<abbr class="term" tabindex="0">TRD<span class="term-def"> (Treatment-resistant depression)</span></abbr> is common' in html
    assert '<abbr class="term" tabindex="0">ECT<span class="term-def"> (Electroconvulsive therapy)</span></abbr> can help TRD.' in html
    assert "title=" not in html
    assert "More on ECT." in html  # later uses are plain words


def test_a_term_in_a_heading_or_link_is_not_marked_there():
    html = render("## TRD { #trd }\n\nSee [ECT](ect.md). Then TRD again.")
    assert "<h2 id=\"trd\">TRD</h2>" in html
    assert '<a href="ect.md">ECT</a>' in html
    assert '<abbr class="term" tabindex="0">TRD<span' in html.split("Then", 1)[1]


def test_a_term_in_a_note_or_a_screen_only_part_is_not_marked_there():
    html = markdown.markdown('<div class="screen-only" markdown>\n\nAbout TRD.\n\n</div>\n\nTRD again.[^a]\n\n'
                             "[^a]: A trial of ECT.\n\n" + ABBREVIATIONS,
                             extensions=["abbr", "attr_list", "footnotes", "md_in_html", "content_checks.page_markup"])
    assert "<p>About TRD.</p>" in html, "a definition in a part that does not print is lost on paper"
    assert '<abbr class="term" tabindex="0">TRD<span' in html.split("again", 1)[0].split("About TRD.", 1)[1]
    assert "A trial of ECT." in html, "a source's title keeps its own words"


def test_one_back_link_per_note():
    html = markdown.markdown("A.[^x] B.[^x] C.[^x]\n\n[^x]: Source.", extensions=["footnotes", "content_checks.page_markup"])
    assert html.count('class="footnote-backref"') == 1
    assert 'href="#fnref:x"' in html and "#fnref2:x" not in html.split('<div class="footnote">')[1]


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    yield context
    context.close()


def test_tapping_a_term_shows_its_meaning_on_a_phone(phone, server):
    page = open_page(phone, server, "/compare/")
    term = page.locator("abbr.term").first
    meaning = term.locator(".term-def")
    term.scroll_into_view_if_needed()
    hidden = meaning.bounding_box()
    assert hidden is None or hidden["width"] <= 1, "the meaning shows before the term is tapped"
    # Tap the term's first word: a term that wraps onto two lines has a gap in its bounding box.
    first = term.evaluate("e => { const r = e.getClientRects()[0]; return [r.x + 3, r.y + r.height / 2]; }")
    page.touchscreen.tap(*first)
    box = meaning.bounding_box()
    assert box and box["width"] > 40 and box["height"] > 10, f"tapping the term did not show its meaning: {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"the meaning runs off a 360 px screen: {box}"
    assert not axe_violations(page), "axe found violations with a term's meaning showing"


def test_a_screen_reader_gets_the_meaning(phone, server):
    """The accessibility tree (what a screen reader reads) holds the term's meaning from the glossary, not
    just the term."""
    page = open_page(phone, server, "/compare/")
    term = page.locator("abbr.term").first
    word = term.evaluate("e => e.firstChild.textContent").strip()
    tooltips = dict(re.findall(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$",
                               (ROOT / "docs" / "_includes" / "abbreviations.md").read_text(encoding="utf-8"), re.M))
    assert word in tooltips, f"the first term on /compare/ ({word}) has no tooltip line"
    spoken = re.sub(r"\s+", " ", term.aria_snapshot())
    assert tooltips[word] in spoken, f"a screen reader gets {spoken!r}, not the meaning {tooltips[word]!r}"


def test_on_paper_each_meaning_prints_once_in_words(phone, server):
    page = open_page(phone, server, "/compare/")
    page.emulate_media(media="print")
    terms = page.locator("abbr.term")
    printed = [terms.nth(i) for i in range(terms.count()) if terms.nth(i).is_visible()]
    assert len(printed) >= 3
    # The grid's terms, and those the line of words above the grid explains, print their meanings once,
    # in that line ("FDA: Food and Drug Administration, …"; compare.js).
    words = page.locator(".md-content p.print-only:not(.print-url)").inner_text().lower()
    for term in printed:
        box = term.locator(".term-def").bounding_box()
        word = term.evaluate("e => e.firstChild.textContent").strip().lower()
        assert (box and box["width"] > 20) or f"{word}:" in words, \
            f"the meaning of {term.inner_text()!r} does not print"


def test_a_term_inside_a_hyphenated_compound_is_not_glossed_there():
    """"FDA (…)-cleared" broke the word: the meaning goes to the next use that stands alone."""
    html = render("TMS devices are TRD-cleared. Later TRD again.")
    assert "TRD-cleared" in html and "</abbr>-" not in html
    assert '<abbr class="term" tabindex="0">TRD<span class="term-def"> (Treatment-resistant depression)</span></abbr> again' in html


def test_a_term_the_text_already_explains_is_not_glossed():
    """"Ketamine-assisted psychotherapy (KAP (…))": the words before it already say what it is."""
    html = render("Treatment-resistant depression (TRD) is common. TRD again. ECT (electroconvulsive therapy) helps. ECT again.")
    assert "(TRD) is common" in html and "ECT (electroconvulsive therapy) helps" in html
    assert "term-def" not in html, "a term the text explains is glossed later anyway"


def test_adjacent_citation_numbers_get_a_comma():
    html = markdown.markdown("A.[^a][^b] B.[^a] and.[^b]\n\n[^a]: X.\n[^b]: Y.", extensions=["footnotes", "content_checks.page_markup"])
    assert '<a class="footnote-ref" href="#fn:a">1</a></sup><sup id="fnref:b">,<a class="footnote-ref"' in html
    assert "B.<sup><a" in html, "a single citation gets no comma (and a later citation keeps no id: no link leads to it)"


@pytest.mark.parametrize("url", ["/what-to-expect/", "/compare/", "/treatments/brain-stimulation/"])
def test_built_pages_never_break_a_word_or_repeat_a_term_in_its_meaning(site, url):
    from site_pages import html_file
    html = html_file(site, url).read_text(encoding="utf-8")
    assert not re.search(r"</span></abbr>-\w", html), f"{url}: a meaning splits a hyphenated word"
    assert not re.search(r"\(<abbr class=\"term\"", html), f"{url}: a term that opens brackets is glossed: KAP (KAP (…))"


def test_a_checklist_item_is_a_real_checkbox_labelled_by_its_words():
    html = markdown.markdown("- [ ] Says it is safe[^a]\n- [ ] Two\n\n[^a]: X.",
                             extensions=["footnotes", "pymdownx.tasklist", "content_checks.page_markup"],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    assert "disabled" not in html
    assert ('<label class="task-list-control"><input autocomplete="off" type="checkbox" />'
            '<span class="task-list-indicator"></span> Says it is safe<sup') in html
    assert html.count("</label></li>") == 2
