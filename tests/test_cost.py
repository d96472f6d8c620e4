"""The cost estimator on /cost-and-insurance/ (issue 24): its arithmetic (content_checks/costs.py) against
the data; the same inputs in Chromium giving the same figures; nothing stored and no request; the table
shown without JavaScript; the printout for the billing office; bad cost data refused with a plain
message; the script's size and the page's budget; labels, keyboard, touch and axe-core."""
from __future__ import annotations

import itertools
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_tools import axe_violations, open_page
from content_checks import budget, costs
from content_checks import data as site_data
from content_checks.registry import BY_ID
from site_pages import DOCS, html_file
from test_print import pdf_pages, printed_text
from test_rules import problems_for

URL = "/cost-and-insurance/"
DATA = site_data.load(DOCS)
RAW = yaml.safe_load((DOCS / "_data" / "costs.yml").read_text(encoding="utf-8"))["options"]
OPTION_IDS = [o["id"] for o in yaml.safe_load((DOCS / "_data" / "options.yml").read_text(encoding="utf-8"))["options"]]
SCRIPT_BUDGET = 5 * 1024  # bytes, gzip


def cost(option: str):
    return DATA.costs.options[option]


# ---- the arithmetic, against the data ------------------------------------------------------------
def test_every_grid_option_has_cost_data():
    assert list(RAW) == OPTION_IDS


def test_defaults_are_the_datas_low_and_high_prices_times_the_sessions():
    for option, raw in RAW.items():
        found = costs.estimate(cost(option))
        if "price" not in raw:
            assert found is None, f"{option} has no price in the data, but an estimate"
            continue
        low, high = raw["price"]["low"]["amount"], raw["price"]["high"]["amount"]
        course = raw["course"]["sessions"]
        month = min(course, raw["course"].get("first_month", course))
        every = raw["course"].get("every_weeks", 0)
        weeks = raw["course"].get("weeks", 4)
        upkeep = (52 - weeks) // every if every else 0
        assert found["month"] == (costs.half_up(low * month), costs.half_up(high * month)), option
        assert found["year"] == (costs.half_up(low * course), costs.half_up(high * (course + upkeep))), option
        assert found["month_after"] == found["month"] and found["year_after"] == found["year"], "no insurance by default"


def test_spravato_follows_the_label_34_to_56_sessions_in_a_year():
    """Twice a week for 4 weeks, weekly for 4, then every 2 weeks (34 a year) or weekly (56)."""
    spravato = cost("spravato")
    every_two = costs.counts(spravato, costs.defaults(spravato))
    weekly = costs.counts(spravato, costs.Inputs(sessions=12, every_weeks=1))
    assert (every_two["month"], every_two["year_low"], every_two["year_high"]) == (8, 12, 34)
    assert weekly["year_high"] == 56


def test_insurance_pays_its_share():
    found = costs.estimate(cost("infusion"), costs.Inputs(sessions=6, insured=80))
    assert found["month"] == (2400, 4800)
    assert found["month_after"] == (480, 960)


def test_a_price_the_reader_types_replaces_the_datas_range():
    found = costs.estimate(cost("kap"), costs.Inputs(price=450, sessions=8, every_weeks=4))
    assert found["month"] == (3600, 3600)
    assert found["year"] == (3600, 3600 + 450 * 12)  # (52 - 4) // 4 = 12 more sessions


def test_the_savings_program_lowers_the_medicine_only_up_to_its_yearly_limit():
    spravato, raw = cost("spravato"), RAW["spravato"]
    drug_low, drug_high = raw["medicine"]["low"]["amount"], raw["medicine"]["high"]["amount"]
    pay = raw["savings"]["pay"]["amount"]
    cap = (raw["savings"].get("yearly_max") or {}).get("amount")  # the maker gives no amount today
    plain = costs.estimate(spravato, costs.Inputs(sessions=12, every_weeks=2, insured=80))
    saved = costs.estimate(spravato, costs.Inputs(sessions=12, every_weeks=2, insured=80, savings=True))
    share = 0.2
    low_before = raw["price"]["low"]["amount"] * 8
    assert saved["month_after"][0] == costs.half_up(low_before * share - 8 * (share * drug_low - pay))
    assert saved["month"] == plain["month"], "the program changes what you pay, not the price"
    # Without insurance, at the high end (34 sessions in the year): the saving on the medicine, up to
    # the yearly limit when the data gives one.
    uninsured = costs.estimate(spravato, costs.Inputs(sessions=12, every_weeks=2, savings=True))
    saving = 34 * (drug_high - pay)
    assert uninsured["year_after"][1] == costs.half_up(uninsured["year"][1] - (min(cap, saving) if cap else saving))
    # Only Spravato has the program.
    infusion = costs.estimate(cost("infusion"), costs.Inputs(sessions=6, savings=True))
    assert infusion["month_after"] == infusion["month"]


def test_options_without_a_price_need_the_readers_own():
    for option in ("medicines-and-therapy", "brain-stimulation"):
        assert costs.estimate(cost(option)) is None
        assert cost(option).no_price, f"{option} must say why it has no price"
    found = costs.estimate(cost("medicines-and-therapy"), costs.Inputs(price=100))
    assert found["month"] == (100, 100) and found["year"] == (1200, 1200)


def test_halves_round_up_as_in_javascript():
    assert [costs.half_up(v) for v in (0.5, 1.5, 2.5, 7620.72)] == [1, 2, 3, 7621]


def test_every_price_shows_its_year_and_source():
    for option, raw in RAW.items():
        text = costs.sentence(DATA, option)
        if "price" in raw:
            assert re.search(r"\b20\d\d\b", text) and "[^" in text, f"{option}: {text}"
        for figure in ("low", "typical", "high"):
            entry = raw.get("price", {}).get(figure)
            if entry:
                assert {"amount", "source", "kind", "year"} <= set(entry), f"{option} {figure}"
                assert entry["source"] in DATA.sources


def test_every_code_has_a_source_and_every_dated_block_a_date():
    for option, raw in RAW.items():
        for code in raw.get("codes", []):
            assert code.get("source") in DATA.sources, f"{option} {code['code']}"
        for part in ("price", "medicine", "savings"):
            if part in raw:
                assert raw[part].get("check_by") and raw[part].get("check"), f"{option} {part}"


def test_every_price_on_the_site_comes_from_the_cost_data():
    """No other data file and no page types a price (a source's title in references.yml may quote one)."""
    typed = [f"{path.relative_to(DOCS)}:{number}" for path in sorted(DOCS.rglob("*"))
             if path.suffix in (".md", ".yml") and path.name not in ("costs.yml", "references.yml")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"(?<![\w$])\$\s?\d", line)]
    assert typed == [], f"prices typed outside docs/_data/costs.yml: {typed}"


# ---- bad data: each refused with its exact plain message -------------------------------------------
@pytest.mark.parametrize("rule_id, message, line", [
    ("cost-price-missing", "A price is missing: 'infusion' has no typical price figure in costs.yml.", 4),
    ("cost-range-order", "In the price of 'infusion', the low figure ($4,000) is above the typical figure ($600).", 5),
    ("cost-code-unsourced", "The billing code G2082 ('infusion') has no source.", 17),
])
def test_bad_cost_data_is_refused_with_a_plain_message(tmp_path, rule_id, message, line):
    rule = BY_ID[rule_id]
    found = [p for p in problems_for(tmp_path / "bad", rule, rule.bad) if p.rule == rule_id]
    assert [(p.file, p.line, p.message) for p in found] == [("docs/_data/costs.yml", line, message)]
    assert found[0].fix == rule.fix
    assert not [p for p in problems_for(tmp_path / "good", rule, rule.good) if p.rule == rule_id]


def test_a_code_naming_a_source_the_references_lack_is_refused(tmp_path):
    rule = BY_ID["cost-code-unsourced"]
    edits = {"_data/costs.yml": rule.good["_data/costs.yml"].replace("      source: daly2019\n", "      source: nobody2030\n")}
    found = [p for p in problems_for(tmp_path, rule, edits) if p.rule == "source-unknown"]
    assert [(p.line, p.message) for p in found] == [
        (19, "This text cites [^nobody2030], but docs/_data/references.yml has no source with that key.")]


def test_a_price_without_a_check_by_date_is_refused(tmp_path):
    rule = BY_ID["cost-code-unsourced"]
    edits = {"_data/costs.yml": rule.good["_data/costs.yml"].replace("      check_by: 2099-01-01\n", "")}
    found = [p for p in problems_for(tmp_path, rule, edits) if p.rule == "price-not-dated"]
    assert [p.message for p in found] == ["A price has no check_by date: the price of infusion in costs.yml."]


def test_a_price_past_its_check_by_date_fails(tmp_path):
    rule = BY_ID["cost-code-unsourced"]
    edits = {"_data/costs.yml": rule.good["_data/costs.yml"].replace("2099-01-01", "2020-01-01")}
    found = [p for p in problems_for(tmp_path, rule, edits) if p.rule == "dated-fact-past-due"]
    assert len(found) == 1 and found[0].message.startswith(
        "A dated fact is past its check-by date: the price of infusion in costs.yml had to be checked again by 2020-01-01.")


# ---- the built page --------------------------------------------------------------------------------
def test_the_script_is_at_most_5_kb_gzip(site):
    size = len(budget.gz((site / "assets" / "javascripts" / "cost.min.js").read_bytes()))
    assert size <= SCRIPT_BUDGET, f"cost.min.js is {size} bytes gzip; the limit is {SCRIPT_BUDGET}"


def test_the_page_stays_within_its_first_visit_budget(site):
    size = budget.first_visit_bytes(site, URL)
    assert size <= 80 * 1024, f"{URL} downloads {size / 1024:.1f} KB on a first visit"
    names = [p.name for p in budget.assets_of(site, URL)]
    assert "cost.min.js" in names and "cost.css" in names


def test_the_script_and_styles_load_on_that_page_only(site):
    for url in ("/", "/compare/", "/treatments/esketamine/"):
        text = html_file(site, url).read_text(encoding="utf-8")
        assert "cost.min.js" not in text and "cost.css" not in text, url


def test_the_short_link_leads_to_the_page(site):
    text = html_file(site, "/cost/").read_text(encoding="utf-8")
    assert "cost-and-insurance/" in text


def test_prices_on_pages_come_from_the_cost_data(site):
    """The grid's cost row and the option pages show the sentence costs.yml makes."""
    for url, option in (("/compare/", "infusion"), ("/treatments/ketamine-infusion/", "infusion"),
                        ("/treatments/ketamine-assisted-psychotherapy/", "kap"), ("/treatments/at-home-ketamine/", "at-home")):
        text = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser").get_text(" ")
        price = cost(option).price
        assert f"{costs.money(price.low.amount)} to {costs.money(price.high.amount)} a session" in text, url


RESULT = """() => [...document.querySelectorAll("table.cost-result tbody tr")].map(
  row => [...row.cells].map(cell => cell.textContent))"""


def expected_row(option: str, inputs: costs.Inputs) -> list[str]:
    found = costs.estimate(cost(option), inputs)
    label = next(o.label for o in DATA.options.options if o.id == option)
    return [label, costs.span(found["month"]), costs.span(found["month_after"]), costs.span(found["year"]),
            costs.span(found["year_after"])]


def fill(page, option: str, price=None, sessions=None, every=None, savings=None) -> None:
    box = page.locator(f"fieldset.cost-option:has(legend:text-is('{next(o.label for o in DATA.options.options if o.id == option)}'))")
    if price is not None:
        box.get_by_label(re.compile("^Price per")).fill(str(price))
    if sessions is not None:
        box.get_by_label("Sessions in the first course").fill(str(sessions))
    if every is not None:
        box.get_by_label(re.compile("^After that")).fill(str(every))
    if savings:
        box.get_by_label(re.compile("savings program")).check()


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


SCENARIOS = [
    ("infusion,spravato", 0, {}, {"infusion": costs.Inputs(sessions=6), "spravato": costs.Inputs(sessions=12, every_weeks=2)}),
    ("spravato", 80, {"spravato": dict(every=1, savings=True)},
     {"spravato": costs.Inputs(sessions=12, every_weeks=1, insured=80, savings=True)}),
    ("kap,at-home,medicines-and-therapy", 50,
     {"kap": dict(price=450, sessions=8, every=4), "medicines-and-therapy": dict(price=120)},
     {"kap": costs.Inputs(price=450, sessions=8, every_weeks=4, insured=50), "at-home": costs.Inputs(sessions=6, insured=50),
      "medicines-and-therapy": costs.Inputs(price=120, insured=50)}),
]


@pytest.mark.parametrize("chosen, insured, typed, inputs", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_the_same_inputs_in_chromium_give_the_same_figures(context, server, chosen, insured, typed, inputs):
    page = open_page(context, server, f"{URL}?options={chosen}")
    try:
        assert page.errors == [], page.errors
        page.get_by_label("Share your insurance pays (%)").fill(str(insured))
        for option, values in typed.items():
            fill(page, option, **values)
        assert page.evaluate(RESULT) == [expected_row(option, inputs[option]) for option in chosen.split(",")]
        status = page.locator(".cost-estimator [role=status]").inner_text()
        first = expected_row(chosen.split(",")[0], inputs[chosen.split(",")[0]])
        assert status.startswith(f"{first[0]}: first month {first[1]} before insurance, {first[2]} after;")
    finally:
        page.close()


def test_an_option_without_a_price_waits_for_the_readers_own(context, server):
    page = open_page(context, server, f"{URL}?options=brain-stimulation")
    try:
        assert page.evaluate(RESULT) == [["Brain stimulation (TMS, ECT)", "Enter a price and sessions", "", "", ""]]
        fill(page, "brain-stimulation", price=300, sessions=30)
        assert page.evaluate(RESULT) == [expected_row("brain-stimulation", costs.Inputs(price=300, sessions=30))]
    finally:
        page.close()


def test_each_default_shows_its_source_and_year(context, server):
    page = open_page(context, server, f"{URL}?options=infusion")
    try:
        note = page.locator("fieldset.cost-option:visible .cost-source").inner_text()
        assert "2025" in note and "clinic or company" in note
    finally:
        page.close()


# Material keeps its own settings in localStorage as the page loads; the estimator adds nothing.
STORED = """async () => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie,
  indexedDB.databases ? (await indexedDB.databases()).length : 0])"""


def test_nothing_is_stored_sent_or_put_in_the_address(browser, server):
    context = browser.new_context()
    try:
        page = open_page(context, server, URL)
        stored_before = page.evaluate(STORED)
        requests = []
        # The browser asks for the site's icon on its own, sometimes after the page has loaded; it is part of
        # the first visit (content_checks/budget.py counts it), not of anything the estimator does.
        page.on("request", lambda r: None if r.url.endswith("/assets/favicon.svg") else requests.append(r.url))
        page.get_by_label("Spravato", exact=True).check()
        page.get_by_label("Share your insurance pays (%)").fill("70")
        fill(page, "spravato", price=999, sessions=10, every=3, savings=True)
        page.wait_for_timeout(300)
        assert requests == [], f"the estimator made requests after the page loaded: {requests}"
        stored = page.evaluate(STORED)
        assert stored == stored_before, f"the estimator stored something: {stored}"
        assert "999" not in stored and "70" not in stored
        assert context.cookies() == []
        assert page.url.endswith(f"{URL}?options=spravato"), page.url
        assert not re.search(r"999|70|savings", page.url)
    finally:
        context.close()


def test_without_javascript_a_table_shows_every_options_typical_costs(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + URL)
        assert page.locator(".cost-choice").count() == 0, "the estimator shows although it cannot work"
        rows = page.evaluate("""() => [...document.querySelectorAll("table.cost-table tbody tr")].map(
            row => [row.dataset.option, row.cells[2].textContent, row.cells[3].textContent])""")
        assert [r[0] for r in rows] == OPTION_IDS
        for option, month, year in rows:
            price = cost(option).price
            if price is None:
                assert month == year == "Not known", option
                continue
            found = costs.estimate(cost(option), costs.Inputs(price=price.typical.amount, sessions=cost(option).course.sessions,
                                                              every_weeks=cost(option).course.every_weeks))
            assert month == costs.span(found["month"]), option
            assert year.startswith(costs.money(found["year"][0])), option
    finally:
        context.close()


# ---- the printout -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def print_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def printed(page, server, url: str, paper: str) -> bytes:
    page.goto(server + url, wait_until="networkidle")
    page.evaluate("() => dispatchEvent(new Event('beforeprint'))")
    return page.pdf(format=paper, print_background=False)


# Nothing chosen, each option alone, every pair, and every three.
CHOICES = [",".join(c) for n in (0, 1, 2, 3) for c in itertools.combinations(OPTION_IDS, n)]


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("chosen", CHOICES, ids=lambda c: c or "nothing-chosen")
def test_a_choice_prints_on_at_most_two_sheets(print_page, server, chosen, paper):
    address = f"{URL}?options={chosen}" if chosen else URL
    sheets = pdf_pages(printed(print_page, server, address, paper))
    assert 1 <= sheets <= 2, f"{address} prints on {sheets} {paper} sheets; the limit is 2"


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_printout_is_readable_and_holds_the_billing_office_sheet(print_page, server, paper):
    runs = printed_text(printed(print_page, server, f"{URL}?options=infusion,spravato", paper))
    characters = {}
    for _, size, _, text in runs:
        characters[size] = characters.get(size, 0) + len(text)
    assert max(characters, key=characters.get) >= 11 - 0.05, "most text prints under 11 pt"
    sheet_text = " ".join(text for _, size, _, text in runs if size >= 11 - 0.05)
    for wanted in ("G2082", "G2083", "The clinic's written quote", "Prior authorization", "Refund policy",
                   "deductible", "coinsurance", expected_row("spravato", costs.Inputs(sessions=12, every_weeks=2))[1]):
        assert wanted in sheet_text, f"the printout lacks {wanted!r}"
    for left_out in ("At-home ketamine.", "TMS is usually"):
        assert left_out not in sheet_text, f"an option not chosen prints: {left_out!r}"


def test_on_paper_the_controls_stay_on_screen(print_page, server):
    print_page.goto(server + f"{URL}?options=kap", wait_until="networkidle")
    print_page.emulate_media(media="print")
    try:
        for hidden in (".cost-choice", ".cost-forms", ".cost-estimator button", "table.cost-table tr[data-option=infusion]"):
            assert not print_page.locator(hidden).first.is_visible(), f"{hidden} prints"
        for shown in ("table.cost-result", ".cost-sheet", "table.cost-table tr[data-option=kap]", ".cost-codes li[data-option=kap]"):
            assert print_page.locator(shown).first.is_visible(), f"{shown} is missing on paper"
    finally:
        print_page.emulate_media(media="screen")


# ---- works for everyone ---------------------------------------------------------------------------------
def test_every_field_has_a_label_and_the_result_is_announced(context, server):
    page = open_page(context, server, f"{URL}?options=spravato")
    try:
        unlabelled = page.evaluate("""() => [...document.querySelectorAll(".cost-estimator input")]
            .filter(i => !i.labels.length || !i.labels[0].textContent.trim()).length""")
        assert unlabelled == 0
        status = page.locator(".cost-estimator [role=status]")
        assert status.count() == 1
        before = status.inner_text()
        page.get_by_label("Share your insurance pays (%)").fill("50")
        assert status.inner_text() != before and "after" in status.inner_text()
    finally:
        page.close()


def test_a_keyboard_user_chooses_an_option_and_edits_it(context, server):
    page = open_page(context, server, URL)
    try:
        page.locator(".cost-choice input").first.focus()
        page.keyboard.press("Space")
        assert page.evaluate("() => location.pathname + location.search") == f"{URL}?options=infusion"
        page.locator(".cost-estimator input[type=number]").first.focus()  # the insurance share
        page.keyboard.press("Tab")  # the price
        page.keyboard.press("Control+A")
        page.keyboard.type("500")
        assert page.evaluate(RESULT) == [expected_row("infusion", costs.Inputs(price=500, sessions=6))]
    finally:
        page.close()


def test_it_works_with_touch_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = open_page(context, server, URL)
        page.locator(".cost-choice label", has_text="KAP").tap()
        assert page.evaluate(RESULT)[0][0] == "KAP"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, f"{URL} is {width} px wide on a 360 px phone"
        small = page.evaluate("""() => [...document.querySelectorAll(".cost-estimator label, .cost-estimator input[type=number], .cost-estimator button")]
            .filter(e => e.checkVisibility() && e.getBoundingClientRect().height < 44).length""")
        assert small == 0, "a control is smaller than 44 px to touch"
    finally:
        context.close()


@pytest.mark.parametrize("address", ["", "?options=infusion,spravato,medicines-and-therapy"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations(browser, server, scheme, width, address):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = open_page(context, server, f"{URL}{address}#estimator")
        assert page.errors == [], page.errors
        violations = axe_violations(page)
        assert violations == [], f"{URL} ({scheme}, {width} px): axe-core found:\n" + "\n".join(violations)
    finally:
        context.close()
