"""Run every content check over a docs/ folder. Used by the build hook, the tests and the CLI."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import data as site_data
from . import (best_bets, config_check, costs, page_markup, paths, data_checks, dated, facts, languages, links, markup,
               render, rules, schema, translations)
from .page import Page, load
from .problems import Problem
from .registry import report

# The reference lists are made of citations: their numbers need none, and titles set their reading level.
REFERENCES = "references/"
ABBREVIATIONS = "_includes/abbreviations.md"  # English; Spanish: _includes/abbreviations.es.md in docs/


def pages(docs_dir: Path, data: site_data.SiteData | None = None,
          renderer: render.Renderer | None = None) -> dict[str, Page]:
    """Every content page, keyed by its path inside docs/ ('safety/index.md'), with its macros rendered as
    the build renders them (a macro that cannot render is a problem in `renderer.problems`)."""
    root = docs_dir.parent
    renderer = renderer or render.Renderer(data or site_data.load(docs_dir), site_url(languages.config_file(docs_dir)))
    found = {}
    for inside, path in paths.pages(docs_dir).items():
        page = load(path, root, expand=renderer.expander(str(path.relative_to(root))))
        add_source_notes(page, renderer.data)
        found[inside] = page
    return found


def add_source_notes(page: Page, data: site_data.SiteData) -> None:
    """The notes the Markdown extension adds to the page (page_markup.SourceNotes), so the checks see them:
    reported on the page's last line."""
    shown = "\n".join(raw for _, raw in page.body)
    notes = render.notes(data, render.cited_keys(data, shown, {}), short=page_markup.SHORT_NOTES in shown,
                         strict=False)
    last = page.body[-1][0] if page.body else 1
    page.body += [(last, line) for line in ["", *notes.split("\n")] if notes]


def site_url(config_file: Path) -> str:
    """mkdocs.yml's site_url ('' when it cannot be read): the QR codes and copy links use it."""
    return config_check.setting(config_file, "site_url")


def check_page(inside: str, page: Page, docs: dict[str, Page], data: site_data.SiteData,
               moved: dict[str, str], today: dt.date) -> list[Problem]:
    problems = schema.check(page, today)
    problems += rules.summary(page)
    if not inside.startswith(REFERENCES):
        problems += rules.reading_level(page)
        problems += rules.uncited_numbers(page)
    problems += rules.wording(page)
    problems += rules.sources_box(page)
    problems += links.check(page, docs, moved)
    problems += markup.check(page)
    problems += facts.macros_rendered(page)
    problems += facts.footnotes_defined(page, data)
    if not inside.startswith(REFERENCES):
        problems += facts.restated(page, data)
        problems += dated.typed_prices(page)
    return problems


def check_translated_page(inside: str, page: Page, docs: dict[str, Page], data: site_data.SiteData,
                          moved: dict[str, str], today: dt.date) -> list[Problem]:
    """A page of the Spanish edition: the English page rules in Spanish (summary, sources box, wording, links,
    numbers, facts), INFLESZ for the reading grade, and its translation status (translations.py)."""
    problems = schema.check(page, today) + translations.check_page(inside, page, data.docs_dir)
    problems += links.check(page, docs, moved) + markup.check(page) + facts.macros_rendered(page)
    if page.meta.get("untranslated") is not None:
        return problems
    problems += rules.summary(page, data.language) + rules.sources_box(page, data.language)
    problems += rules.wording(page, data.language)
    problems += facts.footnotes_defined(page, data)
    if not inside.startswith(REFERENCES):
        problems += rules.uncited_numbers(page) + rules.long_sentences(page)
        problems += facts.restated(page, data) + dated.typed_prices(page)
    return problems


def check_pages(docs_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """The page stage: mkdocs.yml, the data files and every page, before anything is built."""
    today = today or dt.date.today()
    config_file = languages.config_file(docs_dir)
    problems: list[Problem] = config_check.check(config_file, docs_dir)
    data = site_data.load(docs_dir)
    problems += data.problems
    if data.broken:  # what follows from an unreadable data file would only bury its message
        return sorted(problems, key=lambda p: (p.file, p.line))
    renderer = render.Renderer(data, site_url(config_file))
    docs = pages(docs_dir, data, renderer)
    problems += renderer.problems
    moved = config_check.redirects(config_file)
    if data.language != languages.ENGLISH.code:  # the data itself is checked with the English edition
        problems += translations.config_differs(docs_dir) + translations.pages_match(docs_dir)
        for inside, page in docs.items():
            problems += check_translated_page(inside, page, docs, data, moved, today)
        problems += tooltips_match_glossary(docs_dir, data) + best_bets.check(docs_dir)
        return sorted(problems, key=lambda p: (p.file, p.line))
    problems += data_checks.references(data)
    problems += data_checks.data_texts(data)
    problems += data_checks.answers_restate_facts(data)
    problems += data_checks.grid_answers(data)
    problems += data_checks.grid_equal_detail(data)
    problems += costs.check(data)
    problems += dated.incomplete(data)
    problems += dated.expired(data, docs, today)
    for inside, page in docs.items():
        problems += check_page(inside, page, docs, data, moved, today)
    problems += rules.spelling(list(docs.values()))
    problems += tooltips_match_glossary(docs_dir, data)
    problems += best_bets.check(docs_dir)
    problems += data_checks.sources_cited(data, docs)
    return sorted(problems, key=lambda p: (p.file, p.line))


def tooltips_match_glossary(docs_dir: Path, data: site_data.SiteData) -> list[Problem]:
    """docs/_includes/abbreviations.md (the tooltips Material shows) carries exactly the tooltips of
    docs/_data/glossary.yml, where each term is defined once."""
    english = data.language == languages.ENGLISH.code
    tooltip_file = docs_dir / ABBREVIATIONS if english else languages.data_dir(docs_dir).parent / \
        ABBREVIATIONS.replace(".md", f".{data.language}.md")
    if not tooltip_file.exists() or not data.glossary:
        return []
    wanted = {word: (term_id, text) for term_id, term in data.glossary.items() for word, text in term.tooltips.items()}
    rel = tooltip_file.relative_to(docs_dir.parent).as_posix()
    glossary = data.rel("glossary.yml" if english else f"{data.language}/glossary.yml")
    problems, seen = [], set()
    lines = tooltip_file.read_text(encoding="utf-8").split("\n")
    for number, raw in enumerate(lines, start=1):
        match = re.match(r"^\*\[([^\]]+)\]:\s*(.*?)\s*$", raw)
        if not match:
            continue
        word, text = match.groups()
        seen.add(word)
        if word not in wanted:
            problems.append(report("tooltip-not-in-glossary", rel, number, word=word, glossary=glossary, text=text))
        elif text != wanted[word][1]:
            term_id, right = wanted[word]
            problems.append(report("tooltip-differs", rel, number, word=word, glossary=glossary, right=right,
                                   line=data.line("glossary.yml", term_id, "tooltips", word)))
    for word, (term_id, text) in wanted.items():
        if word not in seen:
            problems.append(report("tooltip-missing", rel, len(lines), word=word, glossary=glossary, text=text,
                                   line=data.line("glossary.yml", term_id, "tooltips", word)))
    return problems


def review_due(docs_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Pages whose next review date has passed, and dated facts due within 60 days: a report, never a
    failure (a dated fact past its date fails the page checks)."""
    today = today or dt.date.today()
    data = site_data.load(docs_dir)
    docs = pages(docs_dir, data)
    if data.language == languages.ENGLISH.code:
        due = dated.due_soon(data, docs, today)
    else:  # dated facts are listed once, with the English edition
        due = translations.outdated(docs, docs_dir) + translations.data_gaps(data)
    for page in docs.values():
        next_review = page.meta.get("next_review")
        if isinstance(next_review, dt.date) and next_review <= today:
            due.append(report("page-review-due", page.rel, schema.key_line(page, "next_review"), date=next_review))
    return due
