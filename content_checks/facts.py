"""Page checks about the data a page shows: a figure typed by hand that the data keeps, template braces on a
page that does not render them, and the footnotes a page and its facts cite."""
from __future__ import annotations

import re

from .data import CITE, SiteData
from .page import Page, outside_fences, plain
from .problems import Problem
from .registry import report
from .render import CALL

DEFINITION = re.compile(r"^\[\^([^\]]+)\]:")


# A figure with its unit: "40 minutes", "29 to 30%", "64 in 100" (ranges give both ends the unit).
FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?:\s*(?:to|-|–)\s*(\d+(?:[.,]\d+)?))?\s*"
                    r"(%|percent\b|(?:in|out of|of every) 100\b|[a-z]+)", re.I)
WORD = re.compile(r"[a-z]{5,}")
OWN_FIGURE = "<!-- own figure -->"  # marks a line whose figure is meant to differ from the fact's (CONTRIBUTING)
COMMON_WORDS = {"about", "after", "their", "there", "which", "people", "other", "study", "studies", "found",
                "would", "could", "those", "these", "every", "being", "while", "where", "before", "again", "least"}


def figures(text: str) -> set[tuple[str, str]]:
    """The figures a text states, each with its unit: {("40", "minute"), ("4", "hour")}; "%" and "in 100"
    are one unit, and years are not figures."""
    found = set()
    for low, high, unit in FIGURE.findall(plain(text)):
        unit = unit.lower()
        unit = "in 100" if unit in ("%", "percent") or unit.endswith("100") else unit.rstrip("s")
        for number in filter(None, (low, high)):
            if re.fullmatch(r"(19|20)\d\d", number) or (number == "100" and unit == "in 100"):
                continue  # a year, or "all of it": not a figure that could drift
            if unit not in ("and", "to", "or", "of", "in"):
                found.add((number, unit))
    return found


def subject_words(text: str) -> set[str]:
    return set(WORD.findall(plain(text).lower())) - COMMON_WORDS


def typed_fact(data: SiteData, typed: str, skip: str = "") -> tuple[str, str] | None:
    """(fact id, what was typed) when `typed` states a fact's figure by hand: a `detect` pattern, or the
    fact's figures with their units near its subject words."""
    for fact_id, fact in data.facts.items():
        for pattern in fact.detect:
            match = re.search(pattern, typed, re.I)
            if match and fact_id != skip:
                return fact_id, match.group(0)
    shown, words = figures(typed), subject_words(typed)
    for fact_id, fact in data.facts.items():
        stated = figures(fact.text)
        if fact_id != skip and stated and stated <= shown and len(stated) + len(subject_words(fact.text) & words) >= 3:
            return fact_id, ", ".join(f"{n} {unit}" for n, unit in sorted(stated))
    return None


def restated(page: Page, data: SiteData) -> list[Problem]:
    """A page that types by hand a figure the data keeps, in the fact's words (`detect`) or in others: the same
    figures near the same subject words. The two copies would drift apart."""
    problems = []
    for number, raw in outside_fences(page.source):
        if DEFINITION.match(raw.strip()) or raw.strip().startswith("<!--") or OWN_FIGURE in raw:
            continue
        found = typed_fact(data, CALL.sub(" ", raw))  # a fact shown through its macro is the fact, not a copy
        if found:
            fact_id, shown = found
            problems.append(report("fact-typed-by-hand", page.rel, number, typed=shown, fact=fact_id,
                                   shows=_short(data.fact(fact_id)), file=data.rel("facts.yml"),
                                   line=data.line("facts.yml", fact_id)))
    return problems


def macros_rendered(page: Page) -> list[Problem]:
    """Template braces on a page that does not render macros would print as typed. (On a page that does,
    the renderer reports a macro that cannot be shown: render.Renderer.)"""
    if page.meta.get("render_macros") is True or page.meta_error:
        return []
    for number, raw in outside_fences(page.source):
        if "{{" in raw or "{%" in raw:
            return [report("render-macros-missing", page.rel, number)]
    return []


def footnotes_defined(page: Page, data: SiteData) -> list[Problem]:
    """Notes come from docs/_data/references.yml: a note typed on a page is refused (two texts for one source
    would drift apart), and every source the page shows is in the file."""
    problems = [report("footnote-typed-by-hand", page.rel, number, name=DEFINITION.match(raw).group(1),
                       file=data.rel("references.yml"))
                for number, raw in outside_fences(page.source) if DEFINITION.match(raw)]
    defined = {DEFINITION.match(raw).group(1) for _, raw in page.body if DEFINITION.match(raw)}
    seen = set()
    for number, raw in page.body:
        if DEFINITION.match(raw):
            continue
        for name in CITE.findall(raw):
            if name not in defined and name not in seen:
                seen.add(name)
                problems.append(report("footnote-undefined", page.rel, number, name=name,
                                       file=data.rel("references.yml")))
    return problems


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
