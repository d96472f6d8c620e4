"""Markdown mistakes that would otherwise pass silently: they render wrongly, hide safety
information, or let a page load something from elsewhere."""
from __future__ import annotations

import re

from .page import Page, outside_fences
from .problems import Problem
from .registry import report

SOURCES_BOX = '??? quote "Sources for this page"'
SOURCES_BOXES = (SOURCES_BOX, '??? quote "Fuentes de esta página"')  # English, Spanish
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


LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)]) \S")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)")
IMAGE_BYTES = 40_000  # a first visit's whole budget is 80 KB, pictures included
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def lists_and_tables(page: Page) -> list[Problem]:
    """Markdown that GitHub's preview accepts but the site renders flat: a list straight after a paragraph,
    a nested list indented by 2 spaces, a table row with a cell missing."""
    problems = []
    lines = list(outside_fences(page.source or page.body))
    columns = 0
    for index, (number, raw) in enumerate(lines):
        before = lines[index - 1][1] if index else ""
        item, previous_item = LIST_ITEM.match(raw), LIST_ITEM.match(before)
        if item and before.strip() and not previous_item and not before.startswith(" " * (len(item.group(1)) + 1)) \
                and not before.lstrip().startswith(("#", "|", "!!!", "???", "<", "[^", "===")) \
                and len(before) - len(before.lstrip()) == len(item.group(1)):
            problems.append(report("list-needs-blank-line", page.rel, number))
        if item and previous_item and 0 < len(item.group(1)) - len(previous_item.group(1)) < 4 \
                and len(item.group(1)) % 4:
            problems.append(report("list-indent-two-spaces", page.rel, number,
                                   spaces=len(item.group(1)) - len(previous_item.group(1))))
        if TABLE_RULE.match(raw) and TABLE_ROW.match(before):
            columns = cells(before)
        elif columns and TABLE_ROW.match(raw):
            if cells(raw) != columns:
                problems.append(report("table-row-cells", page.rel, number, found=cells(raw), wanted=columns))
        elif not TABLE_ROW.match(raw):
            columns = 0
    return problems


def images(page: Page) -> list[Problem]:
    """Every picture has alt text for screen readers, and is small enough for a slow phone."""
    problems = []
    for number, raw in outside_fences(page.source or page.body):
        for alt, target in IMAGE.findall(raw):
            if not alt.strip():
                problems.append(report("image-without-alt", page.rel, number, image=target))
            local = (page.path.parent / target.split("#")[0]) if not re.match(r"^[a-z]+:", target) else None
            if local and not local.is_file():
                problems.append(report("image-missing", page.rel, number, image=target))
            elif local and local.stat().st_size > IMAGE_BYTES:
                problems.append(report("image-too-large", page.rel, number, image=target,
                                       size=f"{local.stat().st_size / 1000:.0f}", limit=IMAGE_BYTES // 1000))
    return problems


PARAGRAPH_WORDS = 120  # a paragraph longer than this is a wall of text on a phone


def paragraphs(page: Page) -> list[Problem]:
    """Plain paragraphs (lines of text between blank lines) of more than PARAGRAPH_WORDS words."""
    problems, start, words = [], None, 0
    for number, raw in [*outside_fences(page.source or page.body), (0, "")]:
        prose = raw.strip() and not re.match(r"^\s*([-*+|#>]|\d+[.)]|!!!|\?\?\?|<|\[\^|\{\{|===)", raw)
        if prose:
            start = start or number
            words += len(raw.split())
            continue
        if start and words > PARAGRAPH_WORDS:
            problems.append(report("paragraph-too-long", page.rel, start, words=words, limit=PARAGRAPH_WORDS))
        start, words = None, 0
    return problems


def check(page: Page) -> list[Problem]:
    problems = lists_and_tables(page) + images(page) + paragraphs(page)
    for number, raw in outside_fences(page.source or page.body):  # as typed
        stripped = raw.strip()
        if raw.startswith("\t") or re.match(r"^ +\t", raw):
            problems.append(report("tab-indent", page.rel, number))
        if ANY_BOX.match(raw) and not GOOD_BOX.match(raw):
            problems.append(report("box-syntax", page.rel, number, line=stripped))
        elif stripped.startswith("???") and raw.rstrip() not in SOURCES_BOXES:
            problems.append(report("box-collapsible", page.rel, number))
        if stripped.startswith("## ") and not HEADING_ID.search(stripped):
            problems.append(report("heading-without-id", page.rel, number))
        match = LOADS.search(raw)
        if match:
            problems.append(report("raw-html", page.rel, number, html=match.group(0).strip()))
    return problems
