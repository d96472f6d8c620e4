"""Checks on the data in docs/_data/ as a whole: every id it names exists, every option answers every
grid question with equal detail, and its texts follow the page rules."""
from __future__ import annotations

import re

from . import rules
from .data import CITE, CostRef, FactRef, SiteData
from .page import FOOTNOTE_REF, Page, _units, plain
from .problems import Problem
from .registry import report
from .render import text

def references(data: SiteData) -> list[Problem]:
    """Every {fact: id} and every id an answer uses exists, and every option answers every grid question."""
    problems = []

    for shown, line, written in data.texts():
        for key in CITE.findall(written):
            if data.sources and key not in data.sources:
                problems.append(report("source-unknown", shown, line, name=key, file=data.rel("references.yml")))

    def check_ref(value, name, *path):
        if isinstance(value, FactRef) and value.fact not in data.facts:
            problems.append(report("fact-unknown", data.rel(name), data.line(name, *path), name=value.fact,
                                   file=data.rel("facts.yml")))
        costs = data.costs.options if data.costs else {}
        if isinstance(value, CostRef) and value.cost not in costs:
            problems.append(report("data-unknown-entry", data.rel(name), data.line(name, *path), macro="cost",
                                   name=value.cost, kind="option in costs.yml", ids=", ".join(sorted(costs))))

    if data.routes:
        ids = ", ".join(sorted(q.id for q in data.routes.questions))
        if data.routes.at_a_glance not in {q.id for q in data.routes.questions}:
            problems.append(report("data-unknown-glance", data.rel("routes.yml"), data.line("routes.yml", "at_a_glance"),
                                   value=data.routes.at_a_glance, ids=ids))
        for index, route in enumerate(data.routes.routes):
            for question, value in route.answers.items():
                if question not in {q.id for q in data.routes.questions}:
                    problems.append(report("data-unknown-question", data.rel("routes.yml"),
                                           data.line("routes.yml", "routes", index, "answers", question),
                                           question=question, where="at the top", ids=ids))
                check_ref(value, "routes.yml", "routes", index, "answers", question)
    if data.options:
        questions = [q.id for q in data.options.questions]
        options = [o.id for o in data.options.options]
        for question, by_option in data.options.answers.items():
            if question not in questions:
                problems.append(report("data-unknown-question", data.rel("options.yml"),
                                       data.line("options.yml", "answers", question), question=question,
                                       where="under 'questions:'", ids=", ".join(sorted(questions))))
            for option, answer in by_option.items():
                if option not in options:
                    problems.append(report("data-unknown-option", data.rel("options.yml"),
                                           data.line("options.yml", "answers", question, option), option=option,
                                           ids=", ".join(sorted(options))))
                check_ref(answer.short, "options.yml", "answers", question, option, "short")
                check_ref(answer.detail, "options.yml", "answers", question, option, "detail")
        for question in questions:
            for option in options:
                if option not in data.options.answers.get(question, {}):
                    where = ("answers", question) if question in data.options.answers else ("answers",)
                    problems.append(report("grid-answer-missing", data.rel("options.yml"),
                                           data.line("options.yml", *where), option=option, question=question))
    return problems


def answers_restate_facts(data: SiteData) -> list[Problem]:
    """A grid or route answer that types a fact's figure by hand: it would keep the old figure when the
    fact changes. The answer shows the fact instead: short: {fact: its-id}."""
    from .facts import _short, typed_fact

    problems = []
    for shown, line, written in data.texts():
        if shown.endswith(("options.yml", "routes.yml")):
            found = typed_fact(data, written)
            if found:
                fact_id, typed = found
                problems.append(report("answer-typed-fact", shown, line, typed=typed, fact=fact_id,
                                       shows=_short(data.fact(fact_id)), file=data.rel("facts.yml"),
                                       fact_line=data.line("facts.yml", fact_id)))
    return problems


def data_texts(data: SiteData) -> list[Problem]:
    """The texts in docs/_data/ follow the page rules: cited numbers, plain words, short sentences."""
    problems = []
    for shown, line, written in data.texts():
        page = Page(path=data.docs_dir, rel=shown, meta={}, meta_error=None, body=[(line, written)])
        page.units, _ = _units([(line, written)])
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
            line = data.line("options.yml", "answers", question, option, "short")
            if isinstance(answer.short, FactRef) and answer.short.fact not in data.facts:
                continue  # an unknown fact, reported by references()
            if isinstance(answer.short, CostRef) and answer.short.cost not in (data.costs.options if data.costs else {}):
                continue  # an unknown option, reported by references()
            shown = text(data, answer.short)  # a fact shown in the grid counts as the answer it is
            words = len(plain(shown).split())
            if words > GRID_ANSWER_WORDS:
                problems.append(report("grid-answer-too-long", data.rel("options.yml"), line, question=question,
                                       option=option, words=words, limit=GRID_ANSWER_WORDS))
            if not FOOTNOTE_REF.search(shown):
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
        shown = {option: CITE.sub("", text(data, answer.short)) for option, answer in by_option.items()}
        with_figure = [option for option, answer_text in shown.items() if FIGURE.search(answer_text)]
        if not with_figure:
            continue
        for option, answer_text in shown.items():
            if option in with_figure or NO_FIGURE_REASON.search(answer_text):
                continue
            problems.append(report("grid-figure-missing", data.rel("options.yml"),
                                   data.line("options.yml", "answers", question.id, option, "short"),
                                   question=question.id, option=option, others=", ".join(with_figure)))
    return problems


def sources_cited(data: SiteData, docs: dict[str, Page]) -> list[Problem]:
    """Every source in references.yml is cited on some page (else it would sit in the lists, cited nowhere)."""
    cited = {key for page in docs.values() for _, raw in page.body if not raw.startswith("[^")
             for key in CITE.findall(raw)}
    return [report("source-uncited", data.rel("references.yml"), data.line("references.yml", key), name=key)
            for key in data.sources if key not in cited]
