"""Run every content check over a docs/ folder. Used by the build hook, the tests and the CLI."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import data as site_data
from . import facts, links, rules, schema
from .page import Page, load
from .problems import Problem

NOT_PAGES = ("_includes/", "_data/")
# The reference lists are made of citations: their numbers need none, and titles set their reading level.
REFERENCES = "references/"
ABBREVIATIONS = "_includes/abbreviations.md"


def pages(docs_dir: Path, data: site_data.SiteData | None = None) -> dict[str, Page]:
    """Every content page, keyed by its path inside docs/ ('safety/index.md'), with its data macros rendered."""
    root = docs_dir.parent
    data = data or site_data.load(docs_dir)
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        inside = path.relative_to(docs_dir).as_posix()
        if not inside.startswith(NOT_PAGES):
            found[inside] = load(path, root, expand=lambda line: site_data.expand_line(data, line))
    return found


def check_page(inside: str, page: Page, docs: dict[str, Page], data: site_data.SiteData) -> list[Problem]:
    problems = schema.check(page)
    problems += rules.summary(page)
    if not inside.startswith(REFERENCES):
        problems += rules.reading_level(page)
        problems += rules.uncited_numbers(page)
    problems += rules.wording(page)
    problems += rules.footnote_links(page)
    problems += rules.sources_box(page)
    problems += links.check(page, docs)
    problems += facts.macros_known(page, data)
    problems += facts.footnotes_defined(page, docs)
    if not inside.startswith(REFERENCES):
        problems += facts.restated(page, data)
    return problems


def check_site(docs_dir: Path) -> list[Problem]:
    data = site_data.load(docs_dir)
    docs = pages(docs_dir, data)
    problems: list[Problem] = list(data.problems)
    problems += facts.data_texts(data)
    for inside, page in docs.items():
        problems += check_page(inside, page, docs, data)
    problems += rules.spelling(list(docs.values()))
    problems += glossary_matches_tooltips(docs_dir, docs)
    problems += references_complete(docs)
    return sorted(problems, key=lambda p: (p.file, p.line))


def glossary_matches_tooltips(docs_dir: Path, docs: dict[str, Page]) -> list[Problem]:
    """Each tooltip term (docs/_includes/abbreviations.md) is also explained on the glossary page."""
    tooltip_file = docs_dir / ABBREVIATIONS
    if not tooltip_file.exists() or "glossary.md" not in docs:
        return []
    glossary = docs["glossary.md"]
    lines = [raw for _, raw in glossary.body]
    terms = " | ".join(lines[i].strip().lower() for i in range(len(lines) - 1)
                       if lines[i].strip() and lines[i + 1].startswith(":"))
    problems = []
    rel = f"{docs_dir.name}/{ABBREVIATIONS}"
    for number, raw in enumerate(tooltip_file.read_text(encoding="utf-8").split("\n"), start=1):
        match = re.match(r"^\*\[([^\]]+)\]:", raw)
        if match and not re.search(rf"(?<![\w-]){re.escape(match.group(1).lower())}(?![\w-])", terms):
            problems.append(Problem(rel, number, f"The tooltip term \"{match.group(1)}\" is not in the glossary.",
                                    f"add it to {glossary.rel} as a term on its own line, with its definition on "
                                    "the next line starting with ':   '."))
    return problems


def references_complete(docs: dict[str, Page]) -> list[Problem]:
    """Every source a page cites is listed on one of the reference lists under /references/."""
    lists = {inside: page for inside, page in docs.items() if inside.startswith(REFERENCES)}
    if not lists:
        return []
    listed = "\n".join(raw for page in lists.values() for _, raw in page.body)  # the lists, not front matter
    where = ", ".join(page.rel for page in lists.values())
    problems = []
    for inside, page in docs.items():
        if inside in lists:
            continue
        for number, raw in page.body:
            if not raw.startswith("[^"):
                continue
            for url in re.findall(r"\]\((https://[^)\s]+)\)", raw):
                if url not in listed:
                    problems.append(Problem(page.rel, number, f"The source {url} is not listed in the references.",
                                            "add the same citation, with the same link, to the list it belongs in: "
                                            f"{where}."))
    return problems


def review_due(docs_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Pages whose next review date has passed: a report, never a failure."""
    today = today or dt.date.today()
    due = []
    for page in pages(docs_dir).values():
        next_review = page.meta.get("next_review")
        if isinstance(next_review, dt.date) and next_review <= today:
            due.append(Problem(page.rel, schema.key_line(page, "next_review"),
                               f"The review of this page was due on {next_review}.",
                               "review the page against its sources, then update last_reviewed and next_review.",
                               warning_only=True))
    return due
