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

Notes. Every source is written once, in docs/_data/references.yml. A page cites it by its key
([^daly2019]), and this extension adds the note of each source the page cites (after the macros have
run, so the sources a fact brings are there too). A page with the line `<!-- short source notes`
uses each source's short form (/compare/, where 60 notes share a printed page).

Back links. Python-Markdown's footnotes give a note one back link for each time it is cited, so a
source cited 12 times had 12 arrows in its note. One is kept: the way back to its first citation.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

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
        for term in [e for e in root.iter("abbr") if "title" in e.attrib]:  # in reading order
            parent = parents[term]
            word = (term.text or "").strip().lower()
            definition = term.attrib.pop("title")
            if word in seen or _poor_place(term, parents):
                _unwrap(parent, term)
                continue
            seen.add(word)
            term.set("class", "term")
            term.set("tabindex", "0")
            meaning = etree.SubElement(term, "span", {"class": "term-def"})
            meaning.text = f" ({definition})"


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


class OneBackLink(Treeprocessor):
    def run(self, root: etree.Element) -> None:
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
        # After the footnotes' own clean-up (15) has added a back link per citation.
        md.treeprocessors.register(OneBackLink(md), "one_back_link", 14)


def makeExtension(**kwargs) -> PageMarkupExtension:  # noqa: N802 (Python-Markdown's name)
    return PageMarkupExtension(**kwargs)
