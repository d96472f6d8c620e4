"""What the macros show, written once: the build (mkdocs-macros or Zensical, through macros.py) and the
content checks (Renderer, with Jinja as the build uses it) call the same functions, so the checks read
exactly what readers see. A page opts in with `render_macros: true`.

    {{ fact("esketamine-bioavailability") }}   one fact, a sentence (facts.yml)
    {{ define("trd") }}                        a glossary term and its definition (glossary.yml)
    {{ glossary() }}                           every term, A to Z (glossary.yml)
    {{ routes_table() }}                       the routes at a glance (routes.yml)
    {{ route_facts("oral") }}                  one route's key facts (routes.yml)
    {{ option_grid() }}                        the grid of options on /compare/ (options.yml)
    {{ option_list() }}                        the options, each with its page (options.yml)
    {{ option_facts("spravato") }}             one option's answers to the grid's questions (options.yml)
    {{ qr_code("/compare/") }}                 a printed page's QR code
    {{ copy_link("/kap/") }}                   a full address with a Copy button
    {{ section_links("treatments/esketamine.md") }}   links to each section of a page
    {{ reference_list("studies") }}            a list of sources, each with the pages that cite it
    {{ cost("infusion") }}                     one option's price, with its year and sources (costs.yml);
                                               cost("spravato", "savings"|"course"|"coverage"|"codes")
    {{ cost_table() }}                         every option's price, first month and first year (costs.yml)
    {{ cost_sheet() }}                         the printout's codes to ask about and lines to fill in
"""
from __future__ import annotations

import ast
import html
import json
import posixpath
import re
from pathlib import Path

import jinja2
import segno

from . import languages
from .data import CITE, CostRef, FactRef, Option, SiteData, Source, Text, UnknownEntry
from .problems import Problem
from .registry import report

LOCAL_LINK = re.compile(r"\]\((?![a-z]+:|#|/)([^)\s]+\.md(?:#[^)\s]*)?)\)")
SECTION = re.compile(r"^## (.+?)\s*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.M)
CALL = re.compile(r"\{\{\s*([a-z_]+)\(([^{}]*?)\)\s*\}\}")

# The few words the macros add around the data, in each edition's language (languages.py).
WORDS = {
    "en": {"question": "Question", "answer": "Answer", "route": "Route", "cited_on": "Cited on",
           "qr_label": "QR code linking to {url}",
           # compare.js's words, which the grid carries (data-words)
           "grid": {"legend": "Choose the options to compare", "pick": "Pick 2 or 3. The grid, its sources, the "
                    "printout and this page's address then show only those.", "all": "Show all options",
                    "print": "Print this grid", "unknown": "This address names options the grid does not have: ",
                    "every": "Showing all {n} options.", "some": "Showing {k} of {n} options: ",
                    "many": " More than 3 may not print on 2 pages.", "limit": 3}},
    "es": {"question": "Pregunta", "answer": "Respuesta", "route": "Vía", "cited_on": "Citada en",
           "qr_label": "Código QR que lleva a {url}",
           "grid": {"legend": "Elija las opciones que quiere comparar", "pick": "Elija 2 o 3: la tabla, sus fuentes, "
                    "la versión impresa y la dirección de la página mostrarán solo esas.",
                    "all": "Mostrar todas las opciones", "print": "Imprimir esta tabla",
                    "unknown": "Esta dirección nombra opciones que la tabla no tiene: ",
                    "every": "Se muestran las {n} opciones.", "some": "Se muestran {k} de {n} opciones: ",
                    "many": " Con más de 3, puede que no quepa en 2 hojas al imprimir.", "limit": 3}},
}


def calls(line: str) -> list[tuple[str, tuple]]:
    """The macros a line calls, with their arguments: '{{ fact("x") }}' -> [("fact", ("x",))]."""
    found = []
    for name, args in CALL.findall(line):
        try:
            found.append((name, ast.literal_eval(f"({args},)") if args.strip() else ()))
        except (ValueError, SyntaxError):
            found.append((name, ()))
    return found


# ---- what each data macro shows --------------------------------------------------------------
def text(data: SiteData, value: Text | None, root: str = "") -> str:
    """A data text for a page `root` away from docs/ (like "../"): links in the data are written from
    docs/ ("get-help-now.md"), so they are rebased for the page that shows them."""
    if value is None:
        return ""
    if isinstance(value, CostRef):
        from .costs import sentence
        shown = sentence(data, value.cost)
    else:
        shown = data.fact(value.fact) if isinstance(value, FactRef) else value
    return LOCAL_LINK.sub(lambda m: f"]({root}{m.group(1)})", shown) if root else shown


def define(data: SiteData, term_id: str) -> str:
    term = data.term(term_id)
    return f"**{term.term}:** {term.definition.strip()}"


def glossary(data: SiteData) -> str:
    terms = sorted(data.glossary.values(), key=lambda t: t.term.lower())
    return "\n\n".join(f"{t.term}\n:   {t.definition.strip()}" for t in terms)


def routes_table(data: SiteData, root: str = "") -> str:
    question = next(q for q in data.routes.questions if q.id == data.routes.at_a_glance)
    rows = [f"| {WORDS[data.language]['route']} | {question.label} |", "|---|---|"]
    for route in data.routes.routes:
        rows.append(f"| [{route.name}]({root}{route.page}) | {text(data, route.answers.get(question.id), root)} |")
    return "\n".join(rows)


def route_facts(data: SiteData, route_id: str, root: str = "../") -> str:
    route = data.route(route_id)
    words = WORDS[data.language]
    rows = [f"| {words['question']} | {words['answer']} |", "|---|---|"]
    for question in data.routes.questions:
        if question.id in route.answers:
            rows.append(f"| {question.label} | {text(data, route.answers[question.id], root)} |")
    return "\n".join(rows)


def answer(data: SiteData, question_id: str, option_id: str, with_detail: bool = True, root: str = "") -> str:
    given = data.options.answers.get(question_id, {}).get(option_id)
    if given is None:
        return ""
    short = text(data, given.short, root)
    if with_detail and given.detail is not None:
        return f"**{short}** {text(data, given.detail, root)}"
    return short


def option_grid(data: SiteData) -> str:
    """The Option Grid: one table, a row per question and a column per option, short answers only (each
    option's own page, linked from its column heading, has the details). Each row keeps its published
    anchor (/compare/#driving). Cells carry their option's label, so a phone can show them stacked, and
    compare.js can show only the options a reader chooses (/compare/?options=…)."""
    options = data.options.options

    def heading(o: Option) -> str:
        aliases = f' data-aliases="{" ".join(o.aliases)}"' if o.aliases else ""
        label = f"[{o.label}]({o.page})" if o.page else o.label
        return f'<th scope="col" data-option="{o.id}"{aliases} markdown>{label}</th>'

    head = "".join(heading(o) for o in options)
    words = html.escape(json.dumps(WORDS[data.language]["grid"], ensure_ascii=False, separators=(",", ":")))
    rows = [f'<table class="option-grid" aria-labelledby="grid" data-words="{words}" markdown>',
            f'<thead markdown><tr markdown><th scope="col">{WORDS[data.language]["question"]}</th>{head}</tr></thead>',
            '<tbody markdown>']
    for question in data.options.questions:
        # The label as plain text: a Spanish label still to translate is marked up (languages.UNTRANSLATED).
        cells = "".join(f'<td data-label="{html.escape(re.sub(r"<[^>]+>", "", o.label))}" markdown>'
                        f'{answer(data, question.id, o.id, with_detail=False)}</td>' for o in options)
        rows.append(f'<tr id="{question.id}" markdown><th scope="row">{question.label}</th>{cells}</tr>')
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def option_list(data: SiteData, root: str = "") -> str:
    """The options, each with its own page and one line on what it is."""
    return "\n".join(f"- **[{o.label}]({root}{o.page})**: {o.about}" if o.page else f"- **{o.label}**: {o.about}"
                     for o in data.options.options)


def option_facts(data: SiteData, option_id: str, root: str = "../") -> str:
    """One option's answers to each grid question, with details, each question linking to its row on
    /compare/."""
    data.option(option_id)
    words = WORDS[data.language]
    rows = [f"| {words['question']} | {words['answer']} |", "|---|---|"]
    for question in data.options.questions:
        cell = answer(data, question.id, option_id, root=root)
        if cell:
            rows.append(f"| [{question.label}]({root}compare.md#{question.id}) | {cell} |")
    # Kept out of the search index: the grid on /compare/ is indexed once, and the index has a byte
    # budget (content_checks/budget.py).
    return '<div markdown data-search-exclude>\n\n' + "\n".join(rows) + "\n\n</div>"


# ---- the other macros ------------------------------------------------------------------------
def qr_code_svg(url: str, language: str = "en") -> str:
    """An inline SVG QR code of `url`, for printed handouts. Made here, never by an outside service."""
    code = segno.make(url, error="m", micro=False)
    # No <title> and no background: the figure's label names it, and paper is white (bytes on a phone).
    svg = code.svg_inline(scale=3, border=2, dark="#000", light=None)
    # No caption: on paper the page's address is already printed at the top.
    label = WORDS[language]["qr_label"].format(url=url)
    return f'<figure class="print-qr" role="img" aria-label="{label}">{svg}</figure>'


def sections(docs_dir: Path, page: str) -> list[tuple[str, str]]:
    """(title, id) of the `##` sections of a page, in order: the anchors clinicians can link to."""
    path = docs_dir / page
    if not path.exists():
        raise UnknownEntry("section-links-missing-page", target=page, shown=f"{docs_dir.name}/{page}")
    return [(title.strip(), anchor) for title, anchor in SECTION.findall(path.read_text(encoding="utf-8"))]


# ---- sources, written once in references.yml ----------------------------------------------
IDENTIFIER_LINKS = ("https://doi.org/", "https://pubmed.ncbi.nlm.nih.gov/")


def citation(source: Source, short: bool = False, key: str = "") -> str:
    """A source's note as readers see it: who, what, where and when, then its link. The short form (on
    /compare/, a page at the top of docs/, where 60 notes share one first visit's bytes) links a source
    without a DOI or PubMed number to its entry on /references/, which links on to it; on paper those
    links do not print anyway (extra.css)."""
    words = source.short if short and source.short else " ".join(
        part for part in (source.by, source.title, source.published) if part)
    link = source.link
    if short and key and not link.startswith(IDENTIFIER_LINKS):
        link = f"references/{source.list}.md#{key}"
    return f"{words} [{source.label}]({link})"


NOT_CITING = ("reference_list", "qr_code", "copy_link", "section_links")
FOOTNOTE_LINE = re.compile(r"^\[\^[^\]]+\]:")


def cited_keys(data: SiteData, page_text: str, shown: dict) -> list[str]:
    """The sources a page cites, in order: the notes typed on it and those its data macros bring."""
    keys: list[str] = []
    in_fence = False
    for line in page_text.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or FOOTNOTE_LINE.match(line):
            continue
        found = CITE.findall(CALL.sub(" ", line))
        for name, args in calls(line):
            if name in shown and name not in NOT_CITING:
                try:
                    found += CITE.findall(shown[name](*args))
                except (UnknownEntry, TypeError, KeyError, ValueError):
                    pass  # the renderer reports a macro that cannot be shown
        for key in found:
            if key not in keys:
                keys.append(key)
    return keys


def notes(data: SiteData, keys: list[str], short: bool = False, strict: bool = True) -> str:
    """The footnote definitions for `keys`, from references.yml. Strict stops at a key it lacks; otherwise
    that key is left out, and the checks report the note as undefined where it is cited."""
    lines = []
    for key in keys:
        if key not in data.sources and not strict:
            continue
        lines.append(f"[^{key}]: {citation(data.source(key), short, key)}")
    return "\n\n".join(lines)


def macros(data: SiteData, site_url: str = "") -> dict:
    from . import costs
    """Every macro a page can call, by name: the build registers these, and the checks render with them."""

    def address(path: str) -> str:
        path = path.strip("/")
        return f"{site_url.rstrip('/')}/{path}/" if path else f"{site_url.rstrip('/')}/"

    def qr_code(path: str) -> str:
        """`{{ qr_code("/compare/") }}`: the QR code of a page's permanent address."""
        return qr_code_svg(address(path), data.language)

    def copy_link(path: str) -> str:
        """`{{ copy_link("/kap/") }}`: the full address as a link; a script adds a Copy button."""
        url = address(path)
        return f"[{url}]({url}){{ .copy-link }}"

    def section_links(page: str) -> str:
        """`{{ section_links("treatments/esketamine.md") }}`: links to each section of a page. They repeat
        other pages' headings, so they stay out of the search index (it has a byte budget)."""
        links = " · ".join(f"[{title}]({page}#{anchor})" for title, anchor in sections(data.docs_dir, page))
        return f"<span data-search-exclude>{links}</span>"

    def page_keys(inside: str) -> list[str]:
        return cited_keys(data, (data.docs_dir / inside).read_text(encoding="utf-8"), shown)

    def reference_list(name: str) -> str:
        """`{{ reference_list("studies") }}`: one list's sources, A to Z, each with the pages that cite it."""
        pages = {}
        for path in sorted(data.docs_dir.rglob("*.md")):
            inside = path.relative_to(data.docs_dir).as_posix()
            if not inside.startswith(("_includes/", "_data/", "references/")):
                pages[inside] = (page_title(path), page_keys(inside))
        here = "references/"
        entries = []
        for key, source in sorted(data.sources.items(), key=lambda item: citation(item[1]).lower()):
            if source.list != name:
                continue
            citing = sorted((title, inside) for inside, (title, keys) in pages.items() if key in keys)
            cited_on = ", ".join(f"[{title}]({posixpath.relpath(inside, here)})" for title, inside in citing)
            entry = f"- {citation(source)}  \n  {WORDS[data.language]['cited_on']}: {cited_on}." if citing else f"- {citation(source)}"
            entries.append(f"{entry}\n{{: #{key} }}\n")  # the entry's anchor, which /compare/'s notes link to
        return "\n".join(entries)

    shown = {
        "fact": data.fact, "define": lambda term_id: define(data, term_id), "glossary": lambda: glossary(data),
        "routes_table": lambda root="": routes_table(data, root),
        "route_facts": lambda route_id, root="../": route_facts(data, route_id, root),
        "option_grid": lambda: option_grid(data), "option_list": lambda root="": option_list(data, root),
        "option_facts": lambda option_id, root="../": option_facts(data, option_id, root),
        "qr_code": qr_code, "copy_link": copy_link, "section_links": section_links,
        "reference_list": reference_list,
        # A Spanish page's status line (languages.py): `{{ translation_note("safety/side-effects.md") }}`.
        "translation_note": lambda inside: languages.translation_note(data.docs_dir, inside),
        "cost": lambda option_id, part="price": costs.sentence(data, option_id, part),
        "cost_table": lambda: costs.table(data), "cost_sheet": lambda: costs.sheet(data),
    }
    return shown


def page_title(path: Path) -> str:
    """A page's title from its front matter (its file name when it has none)."""
    match = re.match(r"\A---\s*\n(.*?\n)---", path.read_text(encoding="utf-8"), re.S)
    title = re.search(r"^title:\s*(.+?)\s*$", match.group(1), re.M) if match else None
    return title.group(1).strip("\"'") if title else path.stem


class Renderer:
    """Renders a page's lines for the checks as the build does (Jinja, the same macros, undefined names an
    error), keeping each rendered line's source line number; a line that cannot render becomes a
    problem with the file and line, never a skipped line or a traceback."""

    def __init__(self, data: SiteData, site_url: str = ""):
        self.env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
        self.env.globals.update(macros(data, site_url))
        self.data = data
        self.problems: list[Problem] = []

    def expander(self, shown: str):
        def expand(number: int, line: str) -> list[str]:
            if "{{" not in line and "{%" not in line:
                return [line]
            try:
                return self.env.from_string(line).render().split("\n")
            except UnknownEntry as error:
                self.problems.append(report(error.rule, shown, number, **error.values))
            except (jinja2.TemplateError, TypeError, ValueError, KeyError, AttributeError) as error:
                why = getattr(error, "message", None) or str(error) or type(error).__name__
                self.problems.append(report("macro-error", shown, number, why=why))
            return [line]

        return expand
