"""The Option Grid on /compare/ in real Chromium: a choice of options in the address, on screen and on
paper, by keyboard, with a screen reader's structure, without JavaScript, and with no axe-core violations."""
from __future__ import annotations

import pytest
import yaml

from browser_tools import axe_violations, open_page
from site_pages import ROOT

OPTIONS = yaml.safe_load((ROOT / "docs" / "_data" / "options.yml").read_text(encoding="utf-8"))
LABELS = {option["id"]: option["label"] for option in OPTIONS["options"]}
QUESTIONS = [question["id"] for question in OPTIONS["questions"]]

SHOWN_COLUMNS = """() => [...document.querySelectorAll("table.option-grid thead th[data-option]")]
  .filter(th => th.checkVisibility()).map(th => th.dataset.option)"""
SHOWN_CELLS = """() => [...document.querySelectorAll("table.option-grid tbody tr")]
  .map(row => [...row.cells].slice(1).filter(cell => cell.checkVisibility()).length)"""


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def shown(page) -> list[str]:
    columns = page.evaluate(SHOWN_COLUMNS)
    assert set(page.evaluate(SHOWN_CELLS)) == {len(columns)}, "a row shows a different number of answers"
    return columns


@pytest.mark.parametrize("asked, expected", [
    ("infusion,spravato", ["infusion", "spravato"]),
    ("kap,at-home,brain-stimulation", ["kap", "at-home", "brain-stimulation"]),
    ("spravato,infusion", ["infusion", "spravato"]),
    # The published id of the column that was split in two chooses both halves.
    ("infusion,no-ketamine", ["infusion", "medicines-and-therapy", "brain-stimulation"]),
])
def test_the_address_chooses_the_options_shown(context, server, asked, expected):
    page = open_page(context, server, f"/compare/?options={asked}")
    try:
        assert page.errors == [], page.errors
        assert shown(page) == expected
        assert page.locator(".option-choice input:checked").evaluate_all("els => els.map(e => e.value)") == expected
        names = ", ".join(LABELS[option] for option in expected)
        assert page.locator(".option-choice [role=status]").inner_text() == (
            f"Showing {len(expected)} of {len(LABELS)} options: {names}.")
    finally:
        page.close()


def test_unknown_options_are_named_and_the_rest_still_shown(context, server):
    page = open_page(context, server, "/compare/?options=infusion,ketamine-cure")
    try:
        assert shown(page) == ["infusion"]
        status = page.locator(".option-choice [role=status]").inner_text()
        assert status.startswith("This address names options the grid does not have: ketamine-cure.")
    finally:
        page.close()


def test_without_a_choice_every_option_shows(context, server):
    page = open_page(context, server, "/compare/")
    try:
        assert shown(page) == list(LABELS)
        assert page.locator(".option-choice [role=status]").inner_text() == f"Showing all {len(LABELS)} options."
    finally:
        page.close()


def test_without_javascript_the_whole_grid_shows_with_every_anchor(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "/compare/?options=infusion,spravato")
        assert shown(page) == list(LABELS)
        assert page.locator(".option-choice").count() == 0, "the chooser shows although it cannot work"
        ids = page.locator("table.option-grid tbody tr").evaluate_all("rows => rows.map(r => r.id)")
        assert ids == QUESTIONS, "each question's row keeps its published anchor (/compare/#driving)"
    finally:
        context.close()


def test_a_keyboard_user_chooses_options_and_the_address_follows(context, server):
    page = open_page(context, server, "/compare/#driving")
    try:
        first = page.locator(".option-choice input").first
        first.focus()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # the third option
        assert shown(page) == ["infusion", "spravato"]
        assert page.url.endswith("/compare/?options=infusion,spravato#driving")
        page.locator(".option-choice button", has_text="Show all options").press("Enter")
        assert shown(page) == list(LABELS)
        assert page.url.endswith("/compare/#driving")
    finally:
        page.close()


def test_the_grid_is_a_table_screen_readers_can_walk(context, server):
    page = open_page(context, server, "/compare/")
    try:
        table = page.locator("table.option-grid")
        headers = table.locator("thead th[scope=col]").all_inner_texts()
        assert headers == ["Question"] + list(LABELS.values())
        assert table.locator("tbody th[scope=row]").count() == len(QUESTIONS)
        assert table.get_attribute("aria-labelledby") == "grid" and page.locator("h2#grid").count() == 1
        assert page.locator("fieldset.option-choice legend").inner_text() == "Choose the options to compare"
    finally:
        page.close()


def test_paper_shows_only_the_chosen_options_and_their_sources(context, server):
    page = open_page(context, server, "/compare/?options=infusion,spravato")
    try:
        page.emulate_media(media="print")
        page.evaluate("() => dispatchEvent(new Event('beforeprint'))")
        assert shown(page) == ["infusion", "spravato"]
        assert not page.locator(".option-choice").is_visible(), "the chooser prints"
        cited = set(page.evaluate("""() => [...document.querySelectorAll("table.option-grid a.footnote-ref")]
            .filter(a => a.checkVisibility()).map(a => a.getAttribute("href").slice(1))"""))
        printed = page.evaluate("""() => [...document.querySelectorAll(".footnote li[id]")]
            .filter(li => li.checkVisibility()).map(li => li.id)""")
        assert cited and cited <= set(printed), "a source cited in the chosen columns does not print"
        numbers = page.evaluate("""() => [...document.querySelectorAll(".footnote li[id]")]
            .map(li => li.value)""")
        assert numbers == list(range(1, len(numbers) + 1)), "notes lost their numbers when some were left out"
        kap_only = page.evaluate("""() => [...document.querySelectorAll(".footnote li[id]")]
            .filter(li => !li.checkVisibility()).length""")
        assert kap_only > 0, "no note was left out, although most options are not chosen"
    finally:
        page.emulate_media(media="screen")
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_a_chosen_grid_has_no_axe_violations(browser, server, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, server, "/compare/?options=kap,spravato,medicines-and-therapy#cost")
        assert page.errors == [], page.errors
        violations = axe_violations(page)
        assert violations == [], f"/compare/?options=… ({scheme}, {width} px): axe-core found:\n" + "\n".join(violations)
    finally:
        context.close()


@pytest.mark.parametrize("address", ["/compare/", "/compare/?options=kap,spravato"])
def test_on_a_phone_each_answer_sits_under_its_question_with_its_option(browser, server, address):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = open_page(context, server, address)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, f"{address} is {width} px wide on a 360 px phone: it scrolls sideways"
        label = page.locator("table.option-grid td:not([hidden])").first.evaluate(
            "td => getComputedStyle(td, '::before').content")
        assert label.strip('"').endswith(": ") and label.strip('"')[:-2] in LABELS.values()
    finally:
        context.close()


SITE_URL = "https://ketamine-treatment-guide.github.io/"


def test_a_printed_choice_shows_its_own_address_and_no_qr_code_of_the_whole_grid(context, server):
    """The QR code is made at build time for /compare/ (all options), so a printed choice shows its own
    address as text and leaves the QR code out; without a choice the QR code prints (ENGINEERING.md)."""
    page = open_page(context, server, "/compare/?options=infusion,spravato")
    try:
        page.emulate_media(media="print")
        assert page.locator(".print-url").inner_text() == SITE_URL + "compare/?options=infusion,spravato"
        assert not page.locator("figure.print-qr").is_visible(), "the QR code of the whole grid prints for a choice"
        page.emulate_media(media="screen")
        page.locator(".option-choice button", has_text="Show all options").click()
        page.emulate_media(media="print")
        assert page.locator(".print-url").inner_text() == SITE_URL + "compare/"
        assert page.locator("figure.print-qr").is_visible(), "the QR code is missing for the whole grid"
    finally:
        page.emulate_media(media="screen")
        page.close()


GLOSSARY = [line[2:].split("]: ", 1) for line in
            (ROOT / "docs" / "_includes" / "abbreviations.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("*[")]

# The terms used in the printed grid and lists, and whether their meaning prints: in words after a
# term, or in the line of words above the grid ("Word: …").
PRINTED_MEANINGS = """(glossary) => {
  const escape = s => s.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
  const visible = sel => [...document.querySelectorAll(sel)].filter(e => e.checkVisibility());
  const used = visible("table.option-grid td, .print-compact li").map(e => e.innerText).join("\\n");
  const printed = document.querySelector(".md-content article").innerText.replace(/\\s+/g, " ");
  const words = visible(".md-content p.print-only:not(.print-url)").map(p => p.innerText.toLowerCase()).join(" ");
  return glossary.filter(([word, meaning]) => new RegExp(`\\\\b${escape(word)}\\\\b`).test(used))
    .filter(([word, meaning]) => !printed.includes(meaning.trim()) && !words.includes(word.toLowerCase() + ":"))
    .map(([word]) => word);
}"""


@pytest.mark.parametrize("asked", ["infusion,spravato", "infusion,spravato,at-home", "medicines-and-therapy,brain-stimulation"])
def test_each_term_in_a_printed_choice_prints_its_meaning(context, server, asked):
    """A term first used in a column that is not chosen printed without its meaning."""
    page = open_page(context, server, f"/compare/?options={asked}")
    try:
        page.emulate_media(media="print")
        page.evaluate("() => dispatchEvent(new Event('beforeprint'))")
        missing = page.evaluate(PRINTED_MEANINGS, GLOSSARY)
        assert missing == [], f"/compare/?options={asked}: these terms print without their meaning: {missing}"
    finally:
        page.emulate_media(media="screen")
        page.close()


def test_on_screen_a_chosen_grid_gives_each_term_its_meaning_once(context, server):
    page = open_page(context, server, "/compare/?options=infusion,spravato")
    try:
        terms = page.evaluate("""() => [...document.querySelectorAll("table.option-grid abbr.term")]
            .filter(t => t.checkVisibility()).map(t => t.firstChild.textContent.toLowerCase())""")
        hidden = page.evaluate("""() => [...document.querySelectorAll("abbr.term")]
            .filter(t => t.closest("[hidden]")).length""")
        assert terms and len(terms) == len(set(terms)), f"a term is glossed twice, or none is: {terms}"
        assert hidden == 0, "a term's meaning stays in a column that is not shown"
    finally:
        page.close()
