"""Markdown mistakes that would otherwise pass silently: they render wrongly, hide safety
information, or let a page load something from elsewhere."""
from __future__ import annotations

import re

from .page import Page, outside_fences
from .problems import Problem
from .registry import report

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
            problems.append(report("tab-indent", page.rel, number))
        if ANY_BOX.match(raw) and not GOOD_BOX.match(raw):
            problems.append(report("box-syntax", page.rel, number, line=stripped))
        elif stripped.startswith("???") and raw.rstrip() != SOURCES_BOX:
            problems.append(report("box-collapsible", page.rel, number))
        if stripped.startswith("## ") and not HEADING_ID.search(stripped):
            problems.append(report("heading-without-id", page.rel, number))
        match = LOADS.search(raw)
        if match:
            problems.append(report("raw-html", page.rel, number, html=match.group(0).strip()))
    return problems
