"""Markdown mistakes that would otherwise pass silently: they render wrongly, hide safety
information, or let a page load something from elsewhere."""
from __future__ import annotations

import re

from .page import Page, outside_fences
from .problems import Problem

SOURCES_BOX = '??? quote "Sources for this page"'
GOOD_BOX = re.compile(r'^(\s*)(!!!|\?\?\?\+?) [a-z]+(?: "[^"]*")?\s*$')
ANY_BOX = re.compile(r"^\s*(!!!|\?\?\?)")
HEADING_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}\s*$")
# Raw HTML that runs code, loads something or embeds another site. Pages never need it; it needs an engineer.
LOADS = re.compile(
    r"<\s*(script|iframe|frame|object|embed|link|style|meta|base|form|video|audio|source|track|svg)\b"
    r"|\bon[a-z]+\s*=\s*[\"']"
    r"|<\s*img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|\b(?:href|src)\s*=\s*[\"']?\s*javascript:"
    r"|\bstyle\s*=\s*[\"']", re.I)


def check(page: Page) -> list[Problem]:
    problems = []
    for number, raw in outside_fences(page.source or page.body):  # as typed
        stripped = raw.strip()
        if raw.startswith("\t") or re.match(r"^ +\t", raw):
            problems.append(Problem(page.rel, number, "This line is indented with a tab, so it would show as code.",
                                    "indent with spaces instead: 4 spaces for each level of a list or a box."))
        if ANY_BOX.match(raw) and not GOOD_BOX.match(raw):
            problems.append(Problem(page.rel, number, f"This box is not written the way boxes must be: \"{stripped}\".",
                                    "write the marker, one space, the kind of box, and the title in double quotes, "
                                    "like '!!! warning \"Not for a crisis\"'; put the box's text on the next lines, "
                                    "indented by 4 spaces."))
        elif stripped.startswith("???") and raw.rstrip() != SOURCES_BOX:
            problems.append(Problem(page.rel, number, "This box is collapsible, so readers could miss it and it "
                                    "might not print.",
                                    "change '???' to '!!!' so the box is always open. Only the 'Sources for this "
                                    "page' box is closed."))
        if stripped.startswith("## ") and not HEADING_ID.search(stripped):
            problems.append(Problem(page.rel, number, "This section heading has no id, so links to it would break "
                                    "if the heading changed.",
                                    "end the heading with a short id in braces, like "
                                    "'## Cost and insurance { #cost }'. Use lowercase words and hyphens."))
        match = LOADS.search(raw)
        if match:
            problems.append(Problem(page.rel, number, f"This line has raw HTML that could run code or load "
                                    f"something from another site (\"{match.group(0).strip()}\").",
                                    "remove it. Pages are plain Markdown; a picture goes in docs/assets/ and is "
                                    "linked like '![What it shows](../assets/picture.png)'. If the page really "
                                    "needs this, ask an engineer."))
    return problems
