"""Links between pages: the target page exists and so does the #section it points to."""
from __future__ import annotations

import posixpath
import re

from markdown.extensions.toc import slugify

from .page import Page, outside_fences, plain
from .problems import Problem
from .registry import report

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}|\bid=\"([\w:-]+)\"")


def outside_code(page: Page):
    """(line number, line) of the page's body, skipping fenced code blocks."""
    return outside_fences(page.body)


def anchors(page: Page) -> set[str]:
    """Section ids a link can point to: explicit { #ids } and headings' generated ids."""
    found: set[str] = set()
    for _, raw in outside_code(page):
        ids = [a or b for a, b in EXPLICIT_ID.findall(raw)]
        found.update(ids)
        if raw.startswith("#") and not ids:
            found.add(slugify(plain(raw.lstrip("#")), "-"))
    return found


def check(page: Page, docs: dict[str, Page], moved: dict[str, str] | None = None) -> list[Problem]:
    """`docs` maps each page's path inside docs/ (e.g. 'safety/index.md') to the page; `moved` maps an old
    path to its new one (mkdocs.yml's redirect_maps), so a link left by a move names the new page."""
    moved = moved or {}
    problems = []
    here = page.rel.split("/", 1)[-1]  # inside docs/ or docs-es/
    for number, raw in outside_code(page):
        for target in LINK.findall(raw):
            if re.match(r"^[a-z]+:", target):  # https:, tel:, sms:, mailto:
                continue
            path, _, anchor = target.partition("#")
            path = path.partition("?")[0]  # a query, like compare.md?options=kap,spravato, is the page's own
            if path.startswith("/"):
                problems.append(report("link-absolute", page.rel, number, target=target))
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
            if path and not path.endswith(".md"):
                problems.append(report("link-not-markdown", page.rel, number, target=target))
                continue
            if resolved not in docs and moved.get(resolved) in docs:
                new = moved[resolved]
                relative = posixpath.relpath(new, posixpath.dirname(here) or ".")
                problems.append(report("link-to-moved-page", page.rel, number, target=target, new=f"docs/{new}",
                                       suggestion=relative + (f"#{anchor}" if anchor else "")))
                continue
            if resolved not in docs:
                problems.append(report("link-missing-page", page.rel, number, target=target, here=here))
                continue
            if anchor and anchor not in anchors(docs[resolved]):
                problems.append(report("link-missing-section", page.rel, number, target=target, anchor=anchor,
                                       page=resolved))
    return problems
