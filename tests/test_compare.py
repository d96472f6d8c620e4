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
