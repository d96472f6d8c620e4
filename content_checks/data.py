"""The site's single source of facts: the YAML files in docs/_data/ (facts, glossary, routes, the Option
Grid's options and answers, and every source), their models and their loading.

A figure, definition, answer or source that more than one page shows is written once here, with its
citation; render.py shows it on pages (through the macros and the Markdown extension), so two pages can
never disagree. Reading problems (YAML, schema, duplicate keys and ids, a text cut by a comment) name
the file, the line and the fix; data_checks.py holds the checks on the data as a whole.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from . import languages
from .problems import Problem
from .registry import report
from .yaml_errors import explain

ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FILES = ("facts.yml", "glossary.yml", "routes.yml", "options.yml", "references.yml", "costs.yml")
CITE = re.compile(r"\[\^([^\]]+)\]")


class UnknownEntry(KeyError):
    """A page or data entry names an id the data does not have: its rule (registry.py) and the values its
    message needs. Under the build it stops the page with the same plain message."""

    def __init__(self, rule: str, **values):
        super().__init__(rule)
        self.rule, self.values = rule, values

    def __str__(self) -> str:
        return report(self.rule, "", 0, **self.values).message


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FactRef(Strict):
    fact: str


class CostRef(Strict):
    cost: str  # an option id in costs.yml: its price, as one sentence with its year and source


Text = Union[str, FactRef, CostRef]  # Markdown on one line, {fact: id} (facts.yml) or {cost: option} (costs.yml)


class Dated(Strict):
    """A text that is true only until something changes: a rule with an end date, a price, a legal
    case, a guideline version, a "latest" trial. `check_by` is the date by which someone must check it
    again at its source; `check` says what to check. The build fails once the date has passed, and
    `make review-due` lists it 60 days before."""

    check_by: dt.date | None = None
    check: str | None = None


class Fact(Dated):
    text: str = Field(min_length=3)
    # Patterns (regular expressions, case-insensitive) that mean a page typed this fact by hand.
    detect: list[str] = []

    @field_validator("detect")
    @classmethod
    def patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"the pattern '{pattern}' is not a valid pattern ({error})") from None
        return patterns


class Term(Strict):
    term: str = Field(min_length=2)
    definition: str = Field(min_length=3)
    # Words that get a tooltip on every page, each with its short meaning (15 words or fewer, no
    # Markdown), like {TRD: "Treatment-resistant depression, ..."}. docs/_includes/abbreviations.md
    # must carry the same lines (a check says which line to write).
    tooltips: dict[str, str] = {}


class Question(Strict):
    id: str = Field(pattern=ID)
    label: str


class GridQuestion(Question):
    # False for questions answered in words (how it is given, who gives it); otherwise an option whose
    # answer has no figure must say why none exists, when another option has one (equal detail).
    figures: bool = True


class Route(Strict):
    id: str = Field(pattern=ID)
    name: str
    page: str = Field(pattern=r"^[\w/-]+\.md$")  # the route's own page, inside docs/
    answers: dict[str, Text]


class RoutesFile(Strict):
    questions: list[Question]
    at_a_glance: str  # the question whose answers make the "at a glance" table
    routes: list[Route]


class Answer(Dated):
    short: Text  # one short sentence with its citation: the part that prints
    detail: Text | None = None  # more, shown on screen


class Option(Strict):
    id: str = Field(pattern=ID)
    label: str  # the short column label, like "Spravato"
    page: str | None = Field(default=None, pattern=r"^[\w/-]+\.md$")  # the option's own page, inside docs/
    about: str  # one line: what it is
    aliases: list[str] = []  # older ids in published addresses that choose this option too (?options=no-ketamine)


class OptionsFile(Strict):
    options: list[Option]
    questions: list[GridQuestion]
    answers: dict[str, dict[str, Answer]]


class Source(Strict):
    """One source the site cites, written once: pages cite it by its key ([^daly2019]) and {{ source_notes() }}
    writes its note; the lists under /references/ are made from these entries."""

    list: Literal["studies", "official", "news-and-clinics"]  # the /references/ list it belongs in
    by: str | None = None  # authors ("Daly EJ, et al.") or the organisation
    title: str = Field(min_length=3)
    published: str | None = None  # the journal or publisher, and the date ("*JAMA Psychiatry*. 2019.")
    link: str = Field(pattern=r"^https://\S+$")  # the DOI, PubMed or official address
    label: str = Field(min_length=3)  # the link's text: "doi:10.1001/…", "PMID 23982301", "fda.gov"
    short: str | None = None  # a shorter note for /compare/, where 60 notes share one printed page


# ---- costs.yml: every price, course and billing code (content_checks/costs.py shows and checks them) ----
class Figure(Strict):
    """One cost figure in US dollars, with where it comes from and when it was quoted."""

    amount: float = Field(ge=0)
    source: str  # a key in references.yml
    kind: Literal["independent", "company", "vendor", "press"]
    year: int = Field(ge=2000, le=2100)
    note: str | None = None  # what the figure is, in a few plain words


class Price(Dated):
    low: Figure | None = None
    typical: Figure | None = None
    high: Figure | None = None
    said: str = Field(min_length=3)  # who gave the figures, in plain words ("one clinic's price guide")


class Medicine(Dated):
    low: Figure | None = None
    high: Figure | None = None


class Savings(Dated):
    pay: Figure  # what a reader pays for the medicine per treatment with the program
    yearly_max: Figure | None = None  # the most the program pays in a year (None: the maker does not say)
    text: str


class Course(Dated):
    sessions: int | None = Field(default=None, ge=1)  # sessions in the first course
    first_month: int | None = Field(default=None, ge=1)  # of those, in the first month (the whole course if not given)
    weeks: int | None = Field(default=None, ge=1)  # how long the first course lasts (4 if not given)
    every_weeks: int = Field(default=0, ge=0)  # after it, a session every so many weeks; 0 = no set schedule
    said: str | None = None  # where the numbers come from, with the year ("a 2013 trial"): shown by the estimator
    text: str


class Coverage(Dated):
    text: str


class Code(Dated):
    code: str = Field(pattern=r"^[A-Z0-9]{4,6}$")
    says: str = Field(min_length=3)
    source: str | None = None  # a key in references.yml; a check refuses a code without one


class OptionCost(Strict):
    unit: Literal["session", "month"]
    price: Price | None = None
    no_price: str | None = None  # why there is no price, when there is none
    medicine: Medicine | None = None  # the medicine's part of a session's price (Spravato's savings program)
    savings: Savings | None = None
    course: Course
    coverage: Coverage
    codes: list[Code] = []
    no_codes: str | None = None


class CostsFile(Strict):
    options: dict[str, OptionCost]


MODELS = {"facts.yml": dict[str, Fact], "glossary.yml": dict[str, Term], "routes.yml": RoutesFile,
          "options.yml": OptionsFile, "references.yml": dict[str, Source], "costs.yml": CostsFile}


@dataclass
class SiteData:
    """The loaded data files, the line of each entry, and the problems found in them."""

    docs_dir: Path
    facts: dict[str, Fact] = field(default_factory=dict)
    glossary: dict[str, Term] = field(default_factory=dict)
    routes: RoutesFile | None = None
    options: OptionsFile | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    costs: CostsFile | None = None
    lines: dict[tuple, int] = field(default_factory=dict)  # (file, key, key…) -> line
    problems: list[Problem] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # files that could not be read
    data_dir: Path | None = None  # docs/_data, for every edition (languages.py)
    language: str = "en"
    # Texts the Spanish edition shows in English (missing or outdated Spanish), by data file.
    gaps: dict[str, list[languages.Gap]] = field(default_factory=dict)

    # ---- where things are, for messages -------------------------------------------------
    def rel(self, name: str) -> str:
        folder = self.data_dir or self.docs_dir / "_data"
        return f"{folder.parent.name}/_data/{name}"

    def line(self, name: str, *path) -> int:
        for end in range(len(path), 0, -1):
            if (name, *path[:end]) in self.lines:
                return self.lines[(name, *path[:end])]
        return 1

    # ---- lookups: a missing id is an UnknownEntry, which the checks report by its rule ---------
    def fact(self, fact_id: str) -> str:
        if fact_id not in self.facts:
            raise UnknownEntry("fact-unknown", name=fact_id, file=self.rel("facts.yml"))
        return self.facts[fact_id].text.strip()

    def term(self, term_id: str) -> Term:
        if term_id not in self.glossary:
            raise UnknownEntry("term-unknown", name=term_id, file=self.rel("glossary.yml"))
        return self.glossary[term_id]

    def source(self, key: str) -> Source:
        if key not in self.sources:
            raise UnknownEntry("source-unknown", name=key, file=self.rel("references.yml"))
        return self.sources[key]

    def route(self, route_id: str) -> Route:
        routes = {r.id: r for r in self.routes.routes} if self.routes else {}
        if route_id not in routes:
            raise UnknownEntry("data-unknown-entry", macro="route_facts", name=route_id, kind="route",
                               ids=", ".join(sorted(routes)))
        return routes[route_id]

    def option(self, option_id: str) -> Option:
        options = {o.id: o for o in self.options.options} if self.options else {}
        if option_id not in options:
            raise UnknownEntry("data-unknown-entry", macro="option_facts", name=option_id, kind="option",
                               ids=", ".join(sorted(options)))
        return options[option_id]

    # ---- every Markdown text the data holds, with its line: for the content checks ----
    def texts(self) -> list[tuple[str, int, str]]:
        """(file shown to people, line, Markdown text) of every text a page can show."""
        found = []
        for fact_id, fact in self.facts.items():
            found.append((self.rel("facts.yml"), self.line("facts.yml", fact_id, "text"), fact.text))
        for term_id, term in self.glossary.items():
            found.append((self.rel("glossary.yml"), self.line("glossary.yml", term_id, "definition"), term.definition))
        if self.routes:
            for index, route in enumerate(self.routes.routes):
                for question, value in route.answers.items():
                    if isinstance(value, str):
                        found.append((self.rel("routes.yml"), self.line("routes.yml", "routes", index, "answers",
                                                                         question), value))
        if self.options:
            for index, option in enumerate(self.options.options):
                found.append((self.rel("options.yml"), self.line("options.yml", "options", index, "about"), option.about))
            for question, by_option in self.options.answers.items():
                for option, answer in by_option.items():
                    for part in ("short", "detail"):
                        value = getattr(answer, part)
                        if isinstance(value, str):
                            found.append((self.rel("options.yml"),
                                          self.line("options.yml", "answers", question, option, part), value))
        if self.costs:
            for option, cost in self.costs.options.items():
                for path, value in ((("course", "text"), cost.course.text), (("coverage", "text"), cost.coverage.text),
                                    (("savings", "text"), cost.savings.text if cost.savings else None),
                                    (("no_price",), cost.no_price), (("no_codes",), cost.no_codes)):
                    if value:
                        found.append((self.rel("costs.yml"), self.line("costs.yml", "options", option, *path), value))
        return found


# ---- loading ------------------------------------------------------------------------------
def _record_lines(node: yaml.Node, name: str, path: tuple, lines: dict) -> None:
    lines[(name, *path)] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _record_lines(value, name, (*path, key.value), lines)
            lines[(name, *path, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, name, (*path, index), lines)


FIELD_FIXES = {
    "missing": "add it, like the entries around it.",
    "string_pattern_mismatch": "use lowercase letters, digits and hyphens only, like 'at-home'.",
    "string_too_long": "shorten it.",
    "string_too_short": "write the text; it cannot be empty.",
    "string_type": "write it as text on one line; put it in double quotes if it has a colon.",
}
UNION_BRANCHES = ("str", "FactRef", "CostRef", "function-after[patterns_compile(), list[str]]")


def _known_keys() -> set[str]:
    """Every key a data entry can have, for 'did you mean …?'."""
    models = (Fact, Term, Question, GridQuestion, Route, RoutesFile, Answer, Option, OptionsFile, FactRef, Source,
              CostRef, Figure, Price, Medicine, Savings, Course, Coverage, Code, OptionCost, CostsFile)
    return {name for model in models for name in model.model_fields}


def _schema_problem(data: SiteData, name: str, detail: dict) -> Problem:
    # pydantic names the union branch it tried ('str', 'FactRef'); people need the YAML path only.
    path = tuple(p for p in detail["loc"] if p not in UNION_BRANCHES)
    kind = detail["type"]
    if kind == "missing":
        return report("data-missing-key", data.rel(name), data.line(name, *path[:-1]), key=path[-1])
    if kind == "extra_forbidden":
        key = str(path[-1])
        nearest = difflib.get_close_matches(key, sorted(_known_keys()), n=1, cutoff=0.6)
        how = (f"write '{nearest[0]}' if that is what you meant; otherwise remove the key." if nearest else
               "check the spelling; remove it if it does not belong here.")
        if name in ("routes.yml", "options.yml") and "answers" in path:
            how += " An answer has 'short' and optionally 'detail', each a text or '{fact: some-id}'."
        return report("data-unknown-key", data.rel(name), data.line(name, *path), key=key,
                      nearest=f" (did you mean '{nearest[0]}'?)" if nearest else "", how=how)
    return report("data-wrong-value", data.rel(name), data.line(name, *path), path=".".join(str(p) for p in path),
                  why=detail["msg"].removeprefix("Value error, "),
                  how=FIELD_FIXES.get(kind, "see CONTRIBUTING.md, section 'Facts shown on several pages'."))


def _duplicate_keys(node: yaml.Node, shown: str) -> list[Problem]:
    """A key written twice in one mapping: YAML would keep the later one silently."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in first:
                problems.append(report("data-duplicate-key", shown, line, key=key.value, first=first[key.value]))
            first.setdefault(key.value, line)
            problems += _duplicate_keys(value, shown)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, shown)
    return problems


TEXT_KEYS = {"text", "short", "detail", "definition", "term", "label", "about", "name", "check"}


def _texts_cut_by_comments(node: yaml.Node, lines: list[str], shown: str) -> list[Problem]:
    """In a text without quotes, ' #' starts a YAML comment: the rest of the line silently disappears."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in TEXT_KEYS and isinstance(value, yaml.ScalarNode) and value.style is None:
                rest = lines[value.end_mark.line][value.end_mark.column:] if value.end_mark.line < len(lines) else ""
                if re.match(r"\s+#", rest):
                    problems.append(report("data-text-cut-by-comment", shown, value.start_mark.line + 1,
                                           key=key.value, kept=value.value))
            problems += _texts_cut_by_comments(value, lines, shown)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _texts_cut_by_comments(item, lines, shown)
    return problems


def _duplicate_ids(node: yaml.Node, shown: str) -> list[Problem]:
    """An id listed twice (options, questions, routes): the second would hide the first."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            if isinstance(value, yaml.SequenceNode):
                first: dict[str, int] = {}
                for item in value.value:
                    ids = [v for k, v in getattr(item, "value", []) if getattr(k, "value", None) == "id"]
                    if isinstance(item, yaml.MappingNode) and ids:
                        ident, line = ids[0].value, ids[0].start_mark.line + 1
                        if ident in first:
                            problems.append(report("data-duplicate-key", shown, line, key=f"id: {ident}",
                                                   first=first[ident]))
                        first.setdefault(ident, line)
    return problems


_FILE_CACHE: dict[tuple, object] = {}


def load_file(docs_dir: Path, name: str) -> SiteData:
    """One data file alone (the Markdown extension needs only references.yml, for every page), read once
    while it is unchanged."""
    path = languages.data_dir(docs_dir) / name
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _FILE_CACHE:
        _FILE_CACHE[key] = load(docs_dir, only=(name,))
    return _FILE_CACHE[key]


def _in_language(data: SiteData, name: str, raw, edition: languages.Edition):
    """The English data of one file with the Spanish texts of docs/_data/es/<name> laid over it."""
    path = data.data_dir / edition.code / name
    words = {}
    if path.exists():
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"))
            words = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            _record_lines(node, f"{edition.code}/{name}", (), data.lines)
        except yaml.YAMLError as error:
            data.problems.append(explain(error, data.rel(f"{edition.code}/{name}")))
            data.broken.append(f"{edition.code}/{name}")
    merged, data.gaps[name] = languages.overlay(raw, words)
    return merged


def load(docs_dir: Path, only: tuple[str, ...] = FILES) -> SiteData:
    """Read docs/_data/*.yml. A missing file is fine (a site may not use it); a broken one is a problem,
    and `broken` names it, so the page checks do not report what follows from it."""
    edition = languages.edition_of(docs_dir)
    data = SiteData(docs_dir=docs_dir, data_dir=languages.data_dir(docs_dir), language=edition.code)
    for name in only:
        path = data.data_dir / name
        if not path.exists():
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            data.problems.append(report("data-not-utf8", data.rel(name), 1))
            data.broken.append(name)
            continue
        try:
            node = yaml.compose(source)
            raw = yaml.safe_load(source)
        except yaml.YAMLError as error:
            data.problems.append(explain(error, data.rel(name)))
            data.broken.append(name)
            continue
        if node is None:
            continue
        if edition is not languages.ENGLISH and name != "references.yml":  # sources keep their own language
            raw = _in_language(data, name, raw, edition)
        _record_lines(node, name, (), data.lines)
        data.problems += _duplicate_keys(node, data.rel(name)) + _duplicate_ids(node, data.rel(name))
        data.problems += _texts_cut_by_comments(node, source.split("\n"), data.rel(name))
        try:
            value = TypeAdapter(MODELS[name]).validate_python(raw)
        except ValidationError as error:
            data.problems += [_schema_problem(data, name, detail) for detail in error.errors()]
            data.broken.append(name)
            continue
        if name == "facts.yml":
            data.facts = value
        elif name == "glossary.yml":
            data.glossary = value
        elif name == "routes.yml":
            data.routes = value
        elif name == "options.yml":
            data.options = value
        elif name == "costs.yml":
            data.costs = value
        else:
            data.sources = value
    return data
