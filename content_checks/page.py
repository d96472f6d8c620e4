"""Read a Markdown page into front matter, body lines and plain prose."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .yaml_errors import describe

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)


@dataclass
class Unit:
    """A piece of prose (a sentence, list item or table cell) and where it is."""

    line: int
    text: str  # plain text, Markdown removed
    cited: bool  # carries a footnote reference such as [^fda2023]
    kind: str = "sentence"  # sentence | heading | cell


@dataclass
class Page:
    path: Path
    rel: str  # path shown to people, e.g. docs/treatments/esketamine.md
    meta: dict
    meta_error: FrontMatterError | None
    body: list[tuple[int, str]]  # (line number in the file, line), with data macros rendered (data.py)
    source: list[tuple[int, str]] = field(default_factory=list)  # the lines as typed, macros unrendered
    units: list[Unit] = field(default_factory=list)
    summary: list[Unit] = field(default_factory=list)

    @property
    def prose(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "sentence"]


FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
ATTR = re.compile(r"\{\s*[#.:][^}]*\}")
HTML_TAG = re.compile(r"<[^>]+>")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
# What section_links() and copy_link() show: addresses and headings to tap, not sentences.
NAVIGATION = re.compile(r"<span data-search-exclude>.*?</span>|\[[^\]]*\]\([^)]*\)\{\s*\.copy-link\s*\}")
# A sentence ends at . ! or ? before a capital (Spanish ones too, and ¿ ¡); "EE. UU." (the US) is not two.
SENTENCE_END = re.compile(r"(?<!\bEE)[.!?][\"”’)]?(?:\[\^[^\]]+\])*\s+(?=[A-Z0-9ÁÉÍÓÚÑ¿¡\"“(\[*_])")
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"([^"]*)")?\s*$')
TAB = re.compile(r'^\s*===\+?\s*"([^"]*)"\s*$')
# Python-Markdown's footnotes extension puts a page's numbered sources where this line is.
SOURCES_MARKER = "///Footnotes Go Here///"


def outside_fences(lines):
    """(line number, line) of `lines` that are not inside fenced code blocks (nor the fences)."""
    in_fence = False
    for number, raw in lines:
        if raw.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, raw


def plain(text: str) -> str:
    """Markdown inline syntax removed, leaving the words a reader sees (link lists for navigation, which
    are not prose, removed too)."""
    text = MACRO.sub(" ", text)
    text = NAVIGATION.sub(" ", text)
    text = FOOTNOTE_REF.sub("", text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = ATTR.sub("", text)
    text = HTML_TAG.sub(" ", text)
    text = re.sub(r"[*_`]+", "", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class FrontMatterError:
    """Why a page's front matter cannot be read: its rule (registry.py), the line, and the values its
    message needs."""

    rule: str
    line: int = 1
    values: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.rule


# The summary box's title in each language ("En resumen" on a Spanish page).
SUMMARY_TITLES = ("in short", "en resumen")


def split_front_matter(source: str) -> tuple[dict, FrontMatterError | None, int]:
    """Return (front matter, error, number of lines it used)."""
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, FrontMatterError("front-matter-absent"), 0
    lines_used = match.group(0).count("\n")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        line, what, how = describe(error, first_line=2)
        return {}, FrontMatterError("front-matter-not-yaml", line, {"what": what, "how": how}), lines_used
    except ValueError as error:  # a date that does not exist, like 2026-11-31
        day = re.search(r"\b\d{4}-\d{2}-\d{2}\b", match.group(1))
        where = next((n for n, text in enumerate(match.group(1).split("\n"), start=2)
                      if day and day.group(0) in text), 1)
        return {}, FrontMatterError("front-matter-impossible-date", where,
                                    {"day": day.group(0) if day else "?", "why": error}), lines_used
    if not isinstance(meta, dict):
        return {}, FrontMatterError("front-matter-not-key-values"), lines_used
    return meta, None, lines_used


def load(path: Path, root: Path | None = None, expand=None) -> Page:
    """Read a page. On a page with `render_macros: true`, `expand(number, line) -> lines` renders its macros
    (render.Renderer), so the checks read what readers see; each rendered line keeps the number of the
    line with the macro."""
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        source = path.read_bytes().decode("utf-8", errors="replace")
        meta, error, used = {}, FrontMatterError("not-utf8"), 0
    else:
        meta, error, used = split_front_matter(source)
    lines = source.split("\n")
    typed = [(number, text) for number, text in enumerate(lines, start=1) if number > used]
    if not (expand and meta.get("render_macros") is True):
        expand = None
    body = [(number, shown) for number, text in typed for shown in (expand(number, text) if expand else [text])]
    rel = str(path.relative_to(root)) if root else str(path)
    page = Page(path=path, rel=rel, meta=meta, meta_error=error, body=body, source=typed)
    page.units, page.summary = _units(body)
    return page


def _units(body: list[tuple[int, str]]) -> tuple[list[Unit], list[Unit]]:
    """Split the body into sentences, headings and table cells, with line numbers."""
    units: list[Unit] = []
    summary: list[Unit] = []
    paragraph: list[tuple[int, str]] = []
    in_fence = False
    in_footnote = False
    in_summary = False
    in_html_comment = False

    def flush() -> None:
        if not paragraph:
            return
        start = paragraph[0][0]
        joined = " ".join(text.strip() for _, text in paragraph)
        offsets = []  # where each source line starts within `joined`
        position = 0
        for number, text in paragraph:
            offsets.append((position, number))
            position += len(text.strip()) + 1
        pieces, begin = [], 0
        for end in SENTENCE_END.finditer(joined):
            pieces.append((begin, joined[begin:end.end()]))
            begin = end.end()
        pieces.append((begin, joined[begin:]))
        for index, raw in pieces:
            line = start
            for offset, number in offsets:
                if offset <= index:
                    line = number
            text = plain(raw)
            if re.search(r"\w", text):
                unit = Unit(line=line, text=text, cited=bool(FOOTNOTE_REF.search(raw)))
                units.append(unit)
                if in_summary:
                    summary.append(unit)
        paragraph.clear()

    for number, raw in body:
        stripped = raw.strip()
        if in_html_comment:
            if "-->" in stripped:
                in_html_comment = False
            continue
        if stripped.startswith("<!--"):
            if "-->" not in stripped:
                in_html_comment = True
            continue
        if stripped.startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if re.match(r"^\[\^[^\]]+\]:", stripped):
            flush()
            in_footnote = True
            continue
        if in_footnote:
            if stripped and not raw.startswith((" ", "\t")):
                in_footnote = False
            else:
                continue
        if not stripped or stripped == SOURCES_MARKER:
            flush()
            continue
        if re.match(r"^\*\[[^\]]+\]:", stripped) or re.match(r"^\[[^\]]+\]:\s", stripped):
            flush()
            continue
        if stripped.startswith("#"):
            flush()
            in_summary = False
            text = plain(stripped.lstrip("#"))
            units.append(Unit(line=number, text=text, cited=bool(FOOTNOTE_REF.search(stripped)), kind="heading"))
            continue
        admonition = ADMONITION.match(raw)
        if admonition:
            flush()
            in_summary = (admonition.group(1) or "").strip().lower() in SUMMARY_TITLES
            continue
        if TAB.match(raw):
            flush()
            continue
        if in_summary and not raw.startswith((" ", "\t")):
            flush()
            in_summary = False
        if stripped.startswith(("<tr", "<thead")):  # a row of an HTML table, like the Option Grid's
            flush()
            for cell in re.split(r"</t[hd]>", stripped):
                text = plain(cell)
                if re.search(r"\w", text):
                    units.append(Unit(line=number, text=text, cited=bool(FOOTNOTE_REF.search(cell)), kind="cell"))
            continue
        if stripped.startswith("|"):
            flush()
            if re.fullmatch(r"\|?[\s:|-]+\|?", stripped):
                continue  # the |---|---| line under a table header
            for cell in stripped.strip("|").split("|"):
                text = plain(cell)
                if re.search(r"\w", text):
                    units.append(Unit(line=number, text=text, cited=bool(FOOTNOTE_REF.search(cell)), kind="cell"))
            continue
        if stripped.startswith("<") and not stripped.startswith(("<abbr", "<span", "<a ", "<strong", "<em")):
            flush()
            inner = plain(stripped)
            if inner and re.search(r"[.!?]$", inner):
                paragraph.append((number, stripped))
                flush()
            continue
        if LIST_MARK.match(raw) and not raw.startswith("    " * 2):
            flush()
            item = LIST_MARK.sub("", raw)
            if not re.search(r"[.!?:]\s*(\[\^[^\]]+\])*\s*$", item.strip()):
                item = item.rstrip() + "."
            paragraph.append((number, item))
            continue
        if stripped.startswith(":") and not stripped.startswith(":::"):
            stripped = stripped.lstrip(": ")  # a definition list's definition
        paragraph.append((number, stripped if not stripped.startswith(">") else stripped.lstrip("> ")))
    flush()
    return units, summary
