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

Back links. Python-Markdown's footnotes give a note one back link for each time it is cited, so a
source cited 12 times had 12 arrows in its note. One is kept: the way back to its first citation.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


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
    def extendMarkdown(self, md) -> None:
        # After `abbr` (priority 7) marks the words, before the table of contents (5) reads headings.
        md.treeprocessors.register(FirstUseTerms(md), "first_use_terms", 6)
        # After the footnotes' own clean-up (15) has added a back link per citation.
        md.treeprocessors.register(OneBackLink(md), "one_back_link", 14)


def makeExtension(**kwargs) -> PageMarkupExtension:  # noqa: N802 (Python-Markdown's name)
    return PageMarkupExtension(**kwargs)
