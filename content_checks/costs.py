"""What each option costs (docs/_data/costs.yml): the arithmetic, what the pages show, and the checks.

- `estimate()` is the reference arithmetic of the estimator on /cost-and-insurance/. cost.js does the same
  sums in the browser, and tests/test_cost.py holds the two to the same figures, so the table a reader
  sees without scripts (`table()`, made at build time from `estimate()`) and the estimator agree.
- `sentence()`, `table()` and `sheet()` are what the macros cost(), cost_table() and cost_sheet() show.
- `check()` refuses data a reader could be misled by: a price with a figure missing, a low figure above
  the high one, a billing code without a source, a source the references file lacks. Dates (check_by)
  are checked with every other dated fact in dated.py.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass

from .data import Figure, OptionCost, SiteData, UnknownEntry
from .problems import Problem
from .registry import report

YEAR_WEEKS = 52
MONTH_WEEKS = 4  # a first course with no length given is counted as the first month
# The words the cost macros add around the data, in each edition's language (languages.py). The Spanish
# "solo el primer ciclo" and "sigue con el tratamiento" are quoted on docs-es/cost-and-insurance.md.
WORDS = {
    "en": {"kinds": {"independent": "independent source", "company": "clinic or company", "vendor": "billing company",
                     "press": "news report"},
           "units": {"session": "session", "month": "month"}, "to": "to",
           "price": "{low} to {high} a {unit}, by {said}{when}.{cites}",
           "savings": "With private insurance, the maker's program can cut the medicine to as little as {pay} per "
                      "treatment (terms read in {year}).{cites}{most} {text}",
           "most": " It pays at most {cap} a year.{cites}", "code": "Ask about {code}: {says}.{cite}",
           "head": ("Option", "Price, with its source", "Typical first month", "Typical first year"),
           "labels": ("Price", "Typical first month", "Typical first year"), "low": "Low", "typical": "typical",
           "high": "high", "medicine": " The medicine alone, at its list price: {low} to {high} a session by dose, "
                                       "{kind}, {year}{cites}.",
           "unknown": "Not known", "first_course": "first course only", "keeps_going": "keeps going",
           "blanks": ("The clinic's written quote", "Prior authorization (date asked, answer, reference number)",
                      "Refund policy", "My deductible (and how much is left) and my coinsurance")},
    "es": {"kinds": {"independent": "fuente independiente", "company": "clínica o empresa",
                     "vendor": "empresa de facturación", "press": "noticia de prensa"},
           "units": {"session": "sesión", "month": "mes"}, "to": "a",
           "price": "De {low} a {high} por {unit}, según {said}{when}.{cites}",
           "savings": "Con seguro médico privado, el programa del fabricante puede bajar el costo del medicamento a "
                      "solo {pay} por tratamiento (condiciones leídas en {year}).{cites}{most} {text}",
           "most": " Paga como máximo {cap} al año.{cites}", "code": "Pregunte por el código {code}: {says}.{cite}",
           "head": ("Opción", "Precio, con su fuente", "Primer mes típico", "Primer año típico"),
           "labels": ("Precio", "Primer mes típico", "Primer año típico"), "low": "Mínimo", "typical": "típico",
           "high": "máximo", "medicine": " Solo el medicamento, a su precio de lista: de {low} a {high} por sesión, "
                                         "según la dosis, {kind}, {year}{cites}.",
           "unknown": "No se sabe", "first_course": "solo el primer ciclo", "keeps_going": "sigue con el tratamiento",
           "blanks": ("Presupuesto por escrito de la clínica",
                      "Autorización previa (fecha en que la pidió, respuesta, número de referencia)",
                      "Política de reembolso", "Mi deducible (y cuánto me falta) y mi coseguro")},
}
# cost.js's words, which the cost table carries (data-words).
WORDS["en"]["estimator"] = {
    "to": " to ", "choose": "Choose 1 to 3 options", "share": "Share your insurance pays (%)",
    "print": "Print for the billing office", "per": "Price per ", "units": {"month": "month", "session": "session"},
    "filled": "Filled in: the typical price. ", "noPrice": "No price we could check: enter your clinic's quote. ",
    "sources": "Sources: ", "schedule": " Sessions and schedule: ", "seeCourse": " (see the usual course below).",
    "sessions": "Sessions in the first course", "every": "After that, one session every how many weeks (0: none)",
    "savings": "Use the maker's savings program (private insurance only, not Medicare or Medicaid). It lowers the "
               "medicine's cost only, not the visits.",
    "heads": ["Option", "First month, before insurance", "First month, after insurance", "First year, before insurance",
              "First year, after insurance"],
    "enter": "Enter a price and sessions",
    "line": "{label}: first month {a} before insurance, {b} after; first year {c} before, {d} after.",
    "none": "{label}: no estimate until you enter a price and sessions.",
    "many": " More than 3 may not print on 2 pages.", "pick": "Choose an option to see an estimate."}
WORDS["es"]["estimator"] = {
    "to": " a ", "choose": "Elija de 1 a 3 opciones", "share": "Parte que paga su seguro médico (%)",
    "print": "Imprimir para la oficina de facturación", "per": "Precio por ", "units": {"month": "mes", "session": "sesión"},
    "filled": "Ya escrito: el precio típico. ",
    "noPrice": "No hay un precio que pudiéramos comprobar: escriba el presupuesto de su clínica. ",
    "sources": "Fuentes: ", "schedule": " Sesiones y horario: ", "seeCourse": " (vea el ciclo usual más abajo).",
    "sessions": "Sesiones en el primer ciclo", "every": "Después, una sesión cada cuántas semanas (0: ninguna)",
    "savings": "Usar el programa de ahorros del fabricante (solo con seguro médico privado, no con Medicare ni "
               "Medicaid). Solo baja el costo del medicamento, no el de las visitas.",
    "heads": ["Opción", "Primer mes, antes del seguro", "Primer mes, después del seguro", "Primer año, antes del seguro",
              "Primer año, después del seguro"],
    "enter": "Escriba un precio y las sesiones",
    "line": "{label}: primer mes {a} antes del seguro, {b} después; primer año {c} antes, {d} después.",
    "none": "{label}: no hay cálculo hasta que escriba un precio y las sesiones.",
    "many": " Con más de 3, puede que no quepa en 2 hojas al imprimir.", "pick": "Elija una opción para ver un cálculo."}


@dataclass
class Inputs:
    """What a reader can change. price None means the data's low to high figures."""

    price: float | None = None  # per session (or per month, for an option priced by the month)
    sessions: int | None = None  # in the first course
    every_weeks: int = 0  # after it, one session every so many weeks (0: none)
    insured: float = 0  # the share the insurer pays, 0 to 100
    savings: bool = False  # Spravato's savings program (private insurance only)


def half_up(value: float) -> int:
    """Whole dollars, halves rounded up, as JavaScript's Math.round does (Python's round() would not)."""
    return int(math.floor(value + 0.5))


def defaults(cost: OptionCost) -> Inputs:
    return Inputs(price=None, sessions=cost.course.sessions, every_weeks=cost.course.every_weeks)


def counts(cost: OptionCost, inputs: Inputs) -> dict:
    """Sessions (or months) paid for: in the first month, and in the first year if the reader stops after
    the first course (low) or keeps going at the chosen interval (high)."""
    if cost.unit == "month":
        return {"month": 1, "year_low": 12, "year_high": 12}
    course = inputs.sessions or 0
    first_month = min(course, cost.course.first_month or course)
    weeks = cost.course.weeks or MONTH_WEEKS
    more = (YEAR_WEEKS - weeks) // inputs.every_weeks if inputs.every_weeks > 0 and weeks < YEAR_WEEKS else 0
    return {"month": first_month, "year_low": course, "year_high": course + more}


def estimate(cost: OptionCost, inputs: Inputs | None = None) -> dict | None:
    """Ranges in whole dollars: first month and first year, before and after insurance. None when there
    is no price to work with (no figure in the data and none entered) or no number of sessions."""
    inputs = inputs or defaults(cost)
    if inputs.price is not None:
        low = high = inputs.price
    elif cost.price and cost.price.low and cost.price.high:
        low, high = cost.price.low.amount, cost.price.high.amount
    else:
        return None
    if cost.unit == "session" and not inputs.sessions:
        return None
    n = counts(cost, inputs)
    share = 1 - min(max(inputs.insured, 0), 100) / 100
    saving = None
    if inputs.savings and cost.savings and cost.medicine and cost.medicine.low and cost.medicine.high:
        # With no yearly limit in the data (the maker gives none), no limit is applied: the page says so.
        pay = cost.savings.pay.amount
        cap = cost.savings.yearly_max.amount if cost.savings.yearly_max else math.inf
        saving = (max(0.0, share * cost.medicine.low.amount - pay), max(0.0, share * cost.medicine.high.amount - pay), cap)

    def after(before: float, sessions: int, end: int) -> float:
        paid = before * share
        if saving:
            paid -= min(saving[2], sessions * saving[end])
        return max(0.0, paid)

    result = {}
    for name, low_count, high_count in (("month", n["month"], n["month"]), ("year", n["year_low"], n["year_high"])):
        before = (low * low_count, high * high_count)
        result[name] = tuple(half_up(v) for v in before)
        result[name + "_after"] = tuple(half_up(v) for v in (after(before[0], low_count, 0), after(before[1], high_count, 1)))
    return result


# ---- what the pages show ----------------------------------------------------------------------
def money(amount: float) -> str:
    return f"${half_up(amount):,}"


def span(pair: tuple[int, int], language: str = "en") -> str:
    low, high = pair
    return money(low) if low == high else f"{money(low)} {WORDS[language]['to']} {money(high)}"


def cites(*figures: Figure | None) -> str:
    keys = []
    for figure in figures:
        if figure and figure.source not in keys:
            keys.append(figure.source)
    return "".join(f"[^{key}]" for key in keys)


def option_cost(data: SiteData, option_id: str) -> OptionCost:
    options = data.costs.options if data.costs else {}
    if option_id not in options:
        raise UnknownEntry("data-unknown-entry", macro="cost", name=option_id, kind="option in costs.yml",
                           ids=", ".join(sorted(options)))
    return options[option_id]


def sentence(data: SiteData, option_id: str, part: str = "price") -> str:
    """One option's price as a sentence with its years and sources; or its course, coverage, savings or codes."""
    cost = option_cost(data, option_id)
    words = WORDS[data.language]
    if part == "course":
        return cost.course.text
    if part == "coverage":
        return cost.coverage.text
    if part == "savings":
        if not cost.savings:
            return ""
        pay, cap = cost.savings.pay, cost.savings.yearly_max
        most = words["most"].format(cap=money(cap.amount), cites=cites(cap)) if cap else ""
        return words["savings"].format(pay=money(pay.amount), year=pay.year, cites=cites(pay), most=most,
                                       text=cost.savings.text)
    if part == "codes":
        listed = [words["code"].format(code=c.code, says=c.says, cite=f"[^{c.source}]" if c.source else "")
                  for c in cost.codes]
        return " ".join(listed + ([cost.no_codes] if cost.no_codes else []))
    if part != "price":
        raise UnknownEntry("data-unknown-entry", macro="cost", name=part, kind="part of an option's cost",
                           ids="price, course, coverage, savings, codes")
    if not cost.price:
        return cost.no_price or ""
    price = cost.price
    years = sorted({f.year for f in (price.low, price.high) if f})
    when = "" if any(ch.isdigit() for ch in price.said) else f" ({years[0]})" if len(years) == 1 else \
        f" ({years[0]} {words['to']} {years[-1]})"
    return words["price"].format(low=money(price.low.amount), high=money(price.high.amount),
                                 unit=words["units"][cost.unit], said=price.said, when=when,
                                 cites=cites(price.low, price.high))


def label(data: SiteData, option_id: str) -> str:
    for option in data.options.options if data.options else []:
        if option.id == option_id:
            return option.label
    return option_id


def figure_note(figure: Figure, language: str = "en") -> str:
    kind = WORDS[language]["kinds"][figure.kind]
    return f"{money(figure.amount)}: {figure.note + ', ' if figure.note else ''}{kind}, {figure.year}[^{figure.source}]"


def table(data: SiteData) -> str:
    """The table readers see without scripts: each option's price and its typical first month and first
    year, from estimate(). Each row carries the figures cost.js needs (data-*), so the estimator and the
    table read the same numbers."""
    words, language = WORDS[data.language], data.language
    head = "".join(f'<th scope="col">{name}</th>' for name in words["head"])
    script_words = html.escape(json.dumps(words["estimator"], ensure_ascii=False, separators=(",", ":")))
    rows = [f'<table class="cost-table" data-words="{script_words}" markdown>', f'<thead markdown><tr markdown>{head}</tr></thead>',
            '<tbody markdown>']
    for option_id, cost in (data.costs.options.items() if data.costs else []):
        attrs = {"option": option_id, "label": label(data, option_id), "unit": cost.unit,
                 "sessions": cost.course.sessions or 0, "first-month": cost.course.first_month or 0,
                 "weeks": cost.course.weeks or 0, "every": cost.course.every_weeks, "course": cost.course.said or ""}
        if cost.price and cost.price.low and cost.price.high:
            attrs.update({"low": cost.price.low.amount, "high": cost.price.high.amount,
                          "typical": cost.price.typical.amount if cost.price.typical else ""})
            notes = [f"{words['low']} {figure_note(cost.price.low, language)}"]
            if cost.price.typical:
                notes.append(f"{words['typical']} {figure_note(cost.price.typical, language)}")
            notes.append(f"{words['high']} {figure_note(cost.price.high, language)}")
            price_cell = "; ".join(notes) + "."
            medicine = cost.medicine
            if medicine and medicine.low and medicine.high:
                price_cell += words["medicine"].format(low=money(medicine.low.amount), high=money(medicine.high.amount),
                                                       kind=words["kinds"][medicine.high.kind], year=medicine.high.year,
                                                       cites=cites(medicine.low, medicine.high))
            typical = cost.price.typical.amount if cost.price.typical else None
            found = estimate(cost, Inputs(price=typical, sessions=cost.course.sessions,
                                          every_weeks=cost.course.every_weeks)) if typical is not None else None
        else:
            price_cell, found = f"{words['unknown']}. {cost.no_price or ''}", None
        if cost.medicine and cost.medicine.low and cost.medicine.high and cost.savings:
            attrs.update({"drug-low": cost.medicine.low.amount, "drug-high": cost.medicine.high.amount,
                          "pay": cost.savings.pay.amount})
            if cost.savings.yearly_max:
                attrs["cap"] = cost.savings.yearly_max.amount
        data_attrs = "".join(f' data-{k}="{html.escape(str(v))}"' for k, v in attrs.items())
        if found:
            month = span(found["month"], language)
            year = (f"{span(found['year'], language)} ({words['first_course']})" if found["year"][0] == found["year"][1]
                    else f"{money(found['year'][0])} ({words['first_course']}) {words['to']} "
                         f"{money(found['year'][1])} ({words['keeps_going']})")
        else:
            month = year = words["unknown"]
        price, first_month, first_year = words["labels"]
        rows.append(f'<tr{data_attrs} markdown><th scope="row">{label(data, option_id)}</th>'
                    f'<td data-label="{price}" markdown>{price_cell}</td><td data-label="{first_month}">{month}</td>'
                    f'<td data-label="{first_year}">{year}</td></tr>')
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def sheet(data: SiteData) -> str:
    """For the billing office: each option's usual course and the codes to ask about (on paper cost.js keeps
    only the chosen options'), then blank lines to fill in on paper. It prints without scripts too."""
    items = []
    for option_id, cost in (data.costs.options.items() if data.costs else []):
        items.append(f'<li data-option="{option_id}" markdown>**{label(data, option_id)}.** {cost.course.text} '
                     f'{sentence(data, option_id, "codes")}</li>')
    blanks = WORDS[data.language]["blanks"]
    lines = "".join(f"<p>{b}: <span class=\"cost-blank\"></span></p>" for b in blanks)
    return ('<ul class="cost-codes" markdown>\n' + "\n".join(items) +
            f'\n</ul>\n\n<div class="cost-sheet print-only">{lines}</div>')


# ---- the checks -------------------------------------------------------------------------------------
def check(data: SiteData) -> list[Problem]:
    """Bad cost data, refused with a plain message naming the file, the line and the fix."""
    problems: list[Problem] = []
    if not data.costs:
        return problems
    shown = data.rel("costs.yml")

    def line(*path) -> int:
        return data.line("costs.yml", "options", *path)

    def source(figure_source: str | None, *path) -> None:
        if figure_source and data.sources and figure_source not in data.sources:
            problems.append(report("source-unknown", shown, line(*path), name=figure_source,
                                   file=data.rel("references.yml")))

    for option_id, cost in data.costs.options.items():
        if cost.price is None and not cost.no_price:
            problems.append(report("cost-price-missing", shown, line(option_id), option=option_id, part="price"))
        for block_name, block, parts in (("price", cost.price, ("low", "typical", "high")),
                                         ("medicine", cost.medicine, ("low", "high"))):
            if block is None:
                continue
            for part in parts:
                figure = getattr(block, part)
                if figure is None:
                    problems.append(report("cost-price-missing", shown, line(option_id, block_name), option=option_id,
                                           part=f"{part} {block_name}"))
                else:
                    source(figure.source, option_id, block_name, part)
            figures = [(part, getattr(block, part)) for part in parts if getattr(block, part)]
            for (name_a, a), (name_b, b) in zip(figures, figures[1:]):
                if a.amount > b.amount:
                    problems.append(report("cost-range-order", shown, line(option_id, block_name, name_a),
                                           option=option_id, what=block_name, a=name_a, x=money(a.amount),
                                           b=name_b, y=money(b.amount)))
        if cost.savings:
            source(cost.savings.pay.source, option_id, "savings", "pay")
            if cost.savings.yearly_max:
                source(cost.savings.yearly_max.source, option_id, "savings", "yearly_max")
        for index, code in enumerate(cost.codes):
            if not code.source:
                problems.append(report("cost-code-unsourced", shown, line(option_id, "codes", index), code=code.code,
                                       option=option_id))
            source(code.source, option_id, "codes", index, "source")
    return problems


def dated(data: SiteData) -> list[tuple[str, tuple, object]]:
    """Every dated block in costs.yml: (its name for people, its YAML path, the block)."""
    found = []
    for option_id, cost in (data.costs.options.items() if data.costs else []):
        for part in ("price", "medicine", "savings", "course", "coverage"):
            block = getattr(cost, part)
            if block is not None:
                found.append((f"the {part} of {option_id} in costs.yml", ("options", option_id, part), block))
        for index, code in enumerate(cost.codes):
            found.append((f"the billing code {code.code} ({option_id}) in costs.yml", ("options", option_id, "codes", index), code))
    return found


def priced(block) -> bool:
    """A block that holds a price: it must be dated."""
    return any(isinstance(getattr(block, name, None), Figure) for name in ("low", "typical", "high", "pay", "yearly_max"))

