"""Checks that keep one fact in one place (docs/_data/, see data.py)."""
from __future__ import annotations

import re

from . import rules
from .data import BLOCK, CITE, INLINE, SiteData, macro_arguments
from .page import FOOTNOTE_REF, Page, _units, outside_fences, plain
from .problems import Problem
from .registry import report

DEFINITION = re.compile(r"^\[\^([^\]]+)\]:")
SECTION_LINKS = re.compile(r"\{\{\s*section_links\(\s*[\"']([^\"']+)[\"']\s*\)\s*\}\}")


def restated(page: Page, data: SiteData) -> list[Problem]:
    """A page that types by hand a figure the data keeps: the two copies would drift apart."""
    patterns = [(fact_id, re.compile(pattern, re.I)) for fact_id, fact in data.facts.items() for pattern in fact.detect]
    if not patterns:
        return []
    problems = []
    for number, raw in outside_fences(page.source):
        if DEFINITION.match(raw.strip()) or raw.strip().startswith("<!--"):
            continue
        typed = INLINE.sub(" ", raw)  # a fact shown through its macro is the fact, not a copy
        if BLOCK.match(typed):
            continue
        for fact_id, pattern in patterns:
            match = pattern.search(typed)
            if match:
                problems.append(report("fact-typed-by-hand", page.rel, number, typed=match.group(0), fact=fact_id,
                                       shows=_short(data.fact(fact_id)), file=data.rel("facts.yml"),
                                       line=data.line("facts.yml", fact_id)))
                break
    return problems


def macros_known(page: Page, data: SiteData) -> list[Problem]:
    """Every data macro on the page names an entry that exists, and the page renders macros."""
    problems = []
    uses_data = False
    for number, raw in page.source:
        for kind, name in INLINE.findall(raw):
            uses_data = True
            known = data.facts if kind == "fact" else data.glossary
            if name not in known:
                rule, file = ("fact-unknown", "facts.yml") if kind == "fact" else ("term-unknown", "glossary.yml")
                problems.append(report(rule, page.rel, number, name=name, file=data.rel(file)))
        block = BLOCK.match(raw)
        if block:
            uses_data = True
            kind, args = block.groups()
            values = macro_arguments(args)
            name = str(values[0]) if values else ""
            known = {"route_facts": {r.id for r in data.routes.routes} if data.routes else set(),
                     "option_facts": {o.id for o in data.options.options} if data.options else set()}.get(kind)
            if known is not None and name not in known:
                problems.append(report("data-unknown-entry", page.rel, number, macro=kind, name=name,
                                       kind=kind.split("_")[0], ids=", ".join(sorted(known))))
        for target in SECTION_LINKS.findall(raw):
            uses_data = True
            if not (data.docs_dir / target).exists():
                problems.append(report("section-links-missing-page", page.rel, number, target=target,
                                       shown=f"{data.docs_dir.name}/{target}"))
    if uses_data and page.meta.get("render_macros") is not True and not page.meta_error:
        problems.append(report("render-macros-missing", page.rel, 1))
    return problems


def footnotes_defined(page: Page, all_pages: dict[str, Page]) -> list[Problem]:
    """Every [^note] the page shows (typed, or brought in by a fact) is defined once on the page."""
    definitions: dict[str, int] = {}
    problems = []
    for number, raw in page.body:
        match = DEFINITION.match(raw)
        if match:
            name = match.group(1)
            if name in definitions:
                problems.append(report("footnote-defined-twice", page.rel, number, name=name, first=definitions[name]))
            definitions.setdefault(name, number)
    typed = {number: raw for number, raw in page.source}
    used = {name for number, raw in page.body if not DEFINITION.match(raw) for name in CITE.findall(raw)}
    for name, number in definitions.items():
        if name not in used:
            problems.append(report("footnote-unused", page.rel, number, name=name))
    seen = set()
    for number, raw in page.body:
        if DEFINITION.match(raw):
            continue
        for name in CITE.findall(raw):
            if name in definitions or name in seen:
                continue
            seen.add(name)
            from_data = f"[^{name}]" not in typed.get(number, "")
            elsewhere = next((r for p in all_pages.values() for _, r in p.body if r.startswith(f"[^{name}]:")), None)
            how = f"add this line at the end of the page: {elsewhere}" if elsewhere else \
                f"define it at the end of the page, like '[^{name}]: Author A, et al. Title. *Journal*. Year. " \
                "[doi:10.…](https://doi.org/10.…)'."
            rule = "fact-source-undefined" if from_data else "footnote-undefined"
            problems.append(report(rule, page.rel, number, name=name, how=how))
    return problems


def data_texts(data: SiteData) -> list[Problem]:
    """The texts in docs/_data/ follow the page rules: cited numbers, plain words, short sentences."""
    problems = []
    for shown, line, text in data.texts():
        page = Page(path=data.docs_dir, rel=shown, meta={}, meta_error=None, body=[(line, text)])
        page.units, _ = _units([(line, text)])
        problems += rules.uncited_numbers(page)
        problems += rules.wording(page)
        problems += rules.long_sentences(page)
    return problems


GRID_ANSWER_WORDS = 20  # one short plain sentence: the chosen options then print on two sheets


def grid_answers(data: SiteData) -> list[Problem]:
    """Each short answer in the Option Grid (options.yml) is at most 20 words and cites its source."""
    problems = []
    if not data.options:
        return problems
    for question, by_option in data.options.answers.items():
        for option, answer in by_option.items():
            if not isinstance(answer.short, str):
                continue  # a fact from facts.yml, checked there
            line = data.line("options.yml", "answers", question, option, "short")
            words = len(plain(answer.short).split())
            if words > GRID_ANSWER_WORDS:
                problems.append(report("grid-answer-too-long", data.rel("options.yml"), line, question=question,
                                       option=option, words=words, limit=GRID_ANSWER_WORDS))
            if not FOOTNOTE_REF.search(answer.short):
                problems.append(report("grid-answer-uncited", data.rel("options.yml"), line, question=question,
                                       option=option))
    return problems


# Words an answer uses to say why it has no figure (any case).
NO_FIGURE_REASON = re.compile(r"\bnot (known|measured|well measured|studied|reported)\b|\bno (standard|figure|"
                              r"comparison group|trial|study|studies|data|fixed)\b|\bwe found no\b|\bunknown\b|"
                              r"\bvar(y|ies)\b", re.I)
FIGURE = re.compile(r"\d")


def grid_equal_detail(data: SiteData) -> list[Problem]:
    """Equal detail (IPDAS): where one option answers a grid question with a figure, every option gives a
    figure too, or says why none exists ("not known", "no standard number", "we found no figure")."""
    problems = []
    if not data.options:
        return problems
    for question in data.options.questions:
        if not question.figures:
            continue
        by_option = data.options.answers.get(question.id, {})
        shown = {option: CITE.sub("", data.text(answer.short)) for option, answer in by_option.items()}
        with_figure = [option for option, text in shown.items() if FIGURE.search(text)]
        if not with_figure:
            continue
        for option, text in shown.items():
            if option in with_figure or NO_FIGURE_REASON.search(text):
                continue
            problems.append(report("grid-figure-missing", data.rel("options.yml"),
                                   data.line("options.yml", "answers", question.id, option, "short"),
                                   question=question.id, option=option, others=", ".join(with_figure)))
    return problems


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
