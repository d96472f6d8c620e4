"""The site's Python-Markdown extension: glossary terms that work on touch screens, screen readers
and paper, and one back link per note. It changes pages through Markdown, not a hook, so MkDocs and
Zensical build the same pages.

Terms.

The `abbr` extension marks every use of every tooltip word (docs/_includes/abbreviations.md, the
same lines as docs/_data/glossary.yml) with a `title` tooltip, which touch screens never show and
most screen readers skip. This extension keeps only the first use of each term on a page and gives
it its definition as text:

    <abbr class="term" tabindex="0">TRD<span class="term-def"> (Treatment-resistant depression, …)</span></abbr>

CSS shows the definition when the term is tapped, clicked, focused or hovered, and prints it once,
in words; screen readers read it. Later uses are plain text. No script, no tooltip library.
A term is not glossed where its meaning would break the words: inside a hyphenated compound
("FDA-cleared" stays whole, the next use is glossed), or where the text already says what it is
("ketamine-assisted psychotherapy (KAP)", "TRD (treatment-resistant depression)": that use counts
as explained, so no later use repeats it).

The Option Grid on /compare/ shows only the columns a reader chooses, so a term first used in the
grid also gets its meaning at its first use in each other column and its first use outside the
grid, marked `term--again`: CSS hides those meanings, and compare.js gives the meaning to the first
use that shows (ENGINEERING.md).

Citation numbers side by side ("25" then "14") get a comma between them, inside the second number's
`<sup>`, so they read "25,14" on screen, on paper and to a screen reader, never "2514".

Checklists (`- [ ]`, pymdownx.tasklist) become real checkboxes: enabled, and the item's words go
inside the label, so a tap on the words ticks the box. Nothing is stored; on paper the boxes print empty.

Notes. Every source is written once, in docs/_data/references.yml. A page cites it by its key
([^daly2019]), and this extension adds the note of each source the page cites (after the macros have
run, so the sources a fact brings are there too). A page with the line `<!-- short source notes`
uses each source's short form (/compare/, where 60 notes share a printed page).

Back links. Python-Markdown's footnotes give a note one back link for each time it is cited, so a
source cited 12 times had 12 arrows in its note. One is kept: the way back to its first citation.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

SHORT_NOTES = "<!-- short source notes"


class SourceNotes(Preprocessor):
    """Adds the note of every source the page cites, from references.yml."""

    def __init__(self, md, docs_dir: str):
        super().__init__(md)
        self.docs_dir = Path(docs_dir)

    def run(self, lines: list[str]) -> list[str]:
        from . import data as site_data
        from . import render

        if not (self.docs_dir / "_data" / "references.yml").exists():
            return lines
        data = site_data.load_file(self.docs_dir, "references.yml")
        text = "\n".join(lines)
        keys = render.cited_keys(data, text, {})
        return lines + ["", render.notes(data, keys, short=SHORT_NOTES in text, strict=False), ""]


class FirstUseTerms(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        in_grid: dict[str, set[int]] = {}  # a term first glossed in the grid -> the grid columns that gloss it
        for term in [e for e in root.iter("abbr") if "title" in e.attrib]:  # in reading order
            parent = parents[term]
            word = (term.text or "").strip().lower()
            definition = term.attrib.pop("title")
            before, after = _text_before(parent, term), term.tail or ""
            if _poor_place(term, parents) or re.search(r"\w-$", before) or re.match(r"-\w", after):
                _unwrap(parent, term)  # a poor place, or part of a compound such as "FDA-cleared"
                continue
            column = _grid_column(term, parents)  # -1 outside the grid
            if word in seen:
                if word not in in_grid or column in in_grid[word]:
                    _unwrap(parent, term)
                    continue
                in_grid[word].add(column)  # compare.js glosses it here if the first use is hidden
                term.set("class", "term--again")
            else:
                seen.add(word)
                if before.endswith("(") or re.match(r"\s*\(", after):
                    _unwrap(parent, term)  # "psychotherapy (KAP)", "TRD (treatment-resistant …)": already said
                    continue
                if column >= 0:
                    in_grid[word] = {column}
                term.set("class", "term")
                term.set("tabindex", "0")
            meaning = etree.SubElement(term, "span", {"class": "term-def"})
            meaning.text = f" ({definition})"


def _text_before(parent: etree.Element, child: etree.Element) -> str:
    index = list(parent).index(child)
    return (parent.text or "") if index == 0 else (parent[index - 1].tail or "")


def _grid_column(element: etree.Element, parents: dict) -> int:
    """The column of the Option Grid cell an element is in, or -1 outside the grid."""
    cell = None
    while element in parents:
        element = parents[element]
        if element.tag == "td" and cell is None:
            cell = element
        if element.tag == "table":
            if cell is None or "option-grid" not in element.get("class", "").split():
                return -1
            return list(parents[cell]).index(cell)
    return -1


POOR_CLASSES = {"admonition-title", "footnote", "screen-only"}


def _poor_place(element: etree.Element, parents: dict) -> bool:
    """Headings, links, table headers and box titles are poor places for a definition: a heading's
    text also makes the table of contents, and a link cannot hold a focusable term. Nor are the
    notes (a source's title keeps its own words) or parts that do not print: the definition goes to
    the first use that shows on screen and on paper."""
    while element in parents:
        element = parents[element]
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "a", "th", "summary") or \
                POOR_CLASSES & set(element.get("class", "").split()):
            return True
    return False


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace <abbr>text</abbr> with its text, keeping what followed it."""
    index = list(parent).index(child)
    text = (child.text or "") + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class CitationCommas(Treeprocessor):
    """`<sup>25</sup><sup>14</sup>` reads "2514": a comma goes between citation numbers side by side."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            children = list(parent)
            for first, second in zip(children, children[1:]):
                if _is_citation(first) and _is_citation(second) and not (first.tail or "").strip():
                    first.tail = None
                    second.text = "," + (second.text or "")


def _is_citation(element: etree.Element) -> bool:
    return element.tag == "sup" and len(element) > 0 and "footnote-ref" in element[0].get("class", "").split()


class WorkingChecklists(Treeprocessor):
    """pymdownx.tasklist stores a disabled checkbox as raw HTML, with the item's words outside its
    label. Here it becomes a real checkbox whose label holds the words (a tap on them ticks it)."""

    BLOCKS = {"ul", "ol", "p", "div", "table", "blockquote", "pre", "dl"}

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash
        for item in [li for li in root.iter("li") if "task-list-item" in li.get("class", "").split()]:
            holder = item[0] if item.text is None and len(item) and item[0].tag == "p" else item
            found = HTML_PLACEHOLDER_RE.match(holder.text or "")
            if not found or "task-list-control" not in str(stash.rawHtmlBlocks[int(found.group(1))]):
                continue
            checked = " checked" in str(stash.rawHtmlBlocks[int(found.group(1))])
            label = etree.Element("label", {"class": "task-list-control"})
            box = etree.SubElement(label, "input", {"type": "checkbox", "autocomplete": "off"})
            if checked:
                box.set("checked", "checked")
            etree.SubElement(label, "span", {"class": "task-list-indicator"}).tail = \
                " " + (holder.text or "")[found.end():].lstrip()
            holder.text = None
            for child in list(holder):
                if child.tag in self.BLOCKS:
                    break  # a nested list stays outside the label
                holder.remove(child)
                label.append(child)
            holder.insert(0, label)


class OneBackLink(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # A note links back to its first citation only, so the later citations' ids (fnref2:…) lead nowhere:
        # they go too (bytes on a phone: /compare/ had 62 of them).
        for sup in root.iter("sup"):
            if re.match(r"^fnref\d+:", sup.get("id", "")):
                del sup.attrib["id"]
        parents = {child: parent for parent in root.iter() for child in parent}
        for link in [a for a in root.iter("a") if "footnote-backref" in a.get("class", "")]:
            if link.get("href", "").startswith("#fnref:"):
                continue  # the first citation's back link (later ones are #fnref2:, #fnref3:, …)
            parent = parents[link]
            index = list(parent).index(link)
            if index > 0:  # the space before it belonged to it
                previous = parent[index - 1]
                previous.tail = (previous.tail or "").rstrip(" \u00a0") + (link.tail or "")
            else:
                parent.text = (parent.text or "").rstrip(" \u00a0") + (link.tail or "")
            parent.remove(link)


class PageMarkupExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "the docs folder, where _data/references.yml is"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # Before the raw-HTML preprocessor (20) hides what is inside <div markdown> blocks from view.
        md.preprocessors.register(SourceNotes(md, self.getConfig("docs_dir")), "source_notes", 25)
        # After `abbr` (priority 7) marks the words, before the table of contents (5) reads headings.
        md.treeprocessors.register(FirstUseTerms(md), "first_use_terms", 6)
        # After the inline patterns (20) made the citation numbers and tasklist (25) the checkboxes.
        md.treeprocessors.register(CitationCommas(md), "citation_commas", 6.5)
        md.treeprocessors.register(WorkingChecklists(md), "working_checklists", 6.4)
        # After the footnotes' own clean-up (15) has added a back link per citation.
        md.treeprocessors.register(OneBackLink(md), "one_back_link", 14)


def makeExtension(**kwargs) -> PageMarkupExtension:  # noqa: N802 (Python-Markdown's name)
    return PageMarkupExtension(**kwargs)
