"""Dated facts: texts in docs/_data/ that are true only until something changes (a rule with an end
date, a price, a legal case, a guideline version, a "latest" trial). Each carries `check_by`, the date by
which someone must check it again at its source, and `check`, what to check.

- `make review-due` lists those due within REVIEW_WINDOW days, with the pages that show them.
- Once the date has passed, the page checks (and so the build) fail, naming the fact, its pages and what
  to check.
- A price is always dated: a data text with a price needs `check_by` and its year, and a page may not type a
  price by hand (it shows one from the data, so the date travels with it).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import costs
from .data import CostRef, FactRef, SiteData
from .page import Page, outside_fences
from .paths import url_of
from .problems import Problem
from .registry import report
from .render import CALL, calls

REVIEW_WINDOW = dt.timedelta(days=60)
PRICE = re.compile(r"(?<![\w$])\$\s?\d")
YEAR = re.compile(r"\b20\d\d\b")


@dataclass
class Dated:
    """One dated text in the data: where it is, what it says, and the pages that show it."""

    name: str  # how people call it: the fact "telehealth-rule" / the grid answer (cost, kap)
    file: str
    line: int
    check_by: dt.date
    check: str
    urls: list[str]


def _shown_by(data: SiteData, docs: dict[str, Page]) -> dict[tuple, set[str]]:
    """For each data entry, ('fact', id) or ('answer', question, option), the pages that show it."""
    shown: dict[tuple, set[str]] = {}

    def add(key: tuple, url: str) -> None:
        shown.setdefault(key, set()).add(url)
        if key[0] == "answer" and data.options:  # an answer can show a fact
            answer = data.options.answers.get(key[1], {}).get(key[2])
            for part in (answer.short, answer.detail) if answer else ():
                if isinstance(part, FactRef):
                    add(("fact", part.fact), url)
                if isinstance(part, CostRef):
                    add(("cost", part.cost), url)

    for inside, page in docs.items():
        url = url_of(inside)
        for _, raw in outside_fences(page.source):
            for name, args in calls(raw):
                if name == "fact" and args:
                    add(("fact", args[0]), url)
                if name == "cost" and args:
                    add(("cost", args[0]), url)
                if name in ("cost_table", "cost_sheet") and data.costs:
                    for option in data.costs.options:
                        add(("cost", option), url)
                if name in ("option_grid", "option_facts") and data.options:
                    chosen = [o.id for o in data.options.options] if name == "option_grid" else list(args[:1])
                    for question, by_option in data.options.answers.items():
                        for option in by_option:
                            if option in chosen:
                                add(("answer", question, option), url)
                if name in ("routes_table", "route_facts") and data.routes:
                    for route in data.routes.routes:
                        if name == "route_facts" and args[:1] != (route.id,):
                            continue
                        for value in route.answers.values():
                            if isinstance(value, FactRef):
                                add(("fact", value.fact), url)
    return shown


def entries(data: SiteData, docs: dict[str, Page]) -> list[Dated]:
    shown = _shown_by(data, docs)
    found = []
    for fact_id, fact in data.facts.items():
        if fact.check_by:
            found.append(Dated(f'the fact "{fact_id}"', data.rel("facts.yml"),
                               data.line("facts.yml", fact_id, "check_by"), fact.check_by, fact.check or "",
                               sorted(shown.get(("fact", fact_id), ()))))
    if data.options:
        for question, by_option in data.options.answers.items():
            for option, answer in by_option.items():
                if answer.check_by:
                    found.append(Dated(f"the grid answer ({question}, {option})", data.rel("options.yml"),
                                       data.line("options.yml", "answers", question, option, "check_by"),
                                       answer.check_by, answer.check or "",
                                       sorted(shown.get(("answer", question, option), ()))))
    for name, path, block in costs.dated(data):
        if block.check_by:
            found.append(Dated(name, data.rel("costs.yml"), data.line("costs.yml", *path, "check_by"), block.check_by,
                               block.check or "", sorted(shown.get(("cost", path[1]), ()))))
    return found


def _pages(urls: list[str]) -> str:
    return ", ".join(urls) if urls else "no page yet"


def expired(data: SiteData, docs: dict[str, Page], today: dt.date) -> list[Problem]:
    """Dated facts whose check_by has passed: the build fails until someone checks them."""
    return [report("dated-fact-past-due", entry.file, entry.line, name=entry.name, date=entry.check_by,
                   pages=_pages(entry.urls), check=entry.check)
            for entry in entries(data, docs) if entry.check_by < today]


def due_soon(data: SiteData, docs: dict[str, Page], today: dt.date) -> list[Problem]:
    """Dated facts due within REVIEW_WINDOW days: a report for `make review-due`, never a failure."""
    return [report("dated-fact-due-soon", entry.file, entry.line, name=entry.name, date=entry.check_by,
                   days=(entry.check_by - today).days, pages=_pages(entry.urls), check=entry.check)
            for entry in entries(data, docs) if today <= entry.check_by <= today + REVIEW_WINDOW]


def incomplete(data: SiteData) -> list[Problem]:
    """check_by and check come together; a price is always dated and shows its year."""
    problems = []

    def one(name: str, file: str, line: int, item, texts: list) -> None:
        if item.check_by and not (item.check or "").strip():
            problems.append(report("dated-fact-no-check", file, line, name=name))
        if item.check and not item.check_by:
            problems.append(report("dated-fact-no-date", file, line, name=name))
        priced = [t for t in texts if isinstance(t, str) and PRICE.search(t)]
        if priced and not item.check_by:
            problems.append(report("price-not-dated", file, line, name=name))
        if any(not YEAR.search(t) for t in priced):
            problems.append(report("price-without-year", file, line, name=name))

    for fact_id, fact in data.facts.items():
        one(f'the fact "{fact_id}"', data.rel("facts.yml"), data.line("facts.yml", fact_id), fact, [fact.text])
    if data.options:
        for question, by_option in data.options.answers.items():
            for option, answer in by_option.items():
                one(f"the grid answer ({question}, {option})", data.rel("options.yml"),
                    data.line("options.yml", "answers", question, option), answer, [answer.short, answer.detail])
    for name, path, block in costs.dated(data):
        line = data.line("costs.yml", *path)
        if costs.priced(block) and not block.check_by:
            problems.append(report("price-not-dated", data.rel("costs.yml"), line, name=name))
        one(name, data.rel("costs.yml"), line, block, [getattr(block, "text", None)])
    return problems


def typed_prices(page: Page) -> list[Problem]:
    """A price typed on a page would carry no check_by date: prices live in the data."""
    problems = []
    for number, raw in outside_fences(page.source):
        if raw.startswith("[^"):
            continue  # a source's title may quote a price
        if PRICE.search(CALL.sub("", raw)):
            problems.append(report("price-typed-on-page", page.rel, number))
    return problems
