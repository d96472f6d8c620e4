"""Links between pages: the target page exists and so does the #section it points to."""
from __future__ import annotations

import posixpath
import re

from markdown.extensions.toc import slugify

from .page import Page, outside_fences, plain
from .problems import Problem

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


def check(page: Page, docs: dict[str, Page]) -> list[Problem]:
    """`docs` maps each page's path inside docs/ (e.g. 'safety/index.md') to the page."""
    problems = []
    here = page.rel.split("docs/", 1)[-1]
    for number, raw in outside_code(page):
        for target in LINK.findall(raw):
            if re.match(r"^[a-z]+:", target):  # https:, tel:, sms:, mailto:
                continue
            path, _, anchor = target.partition("#")
            path = path.partition("?")[0]  # a query, like compare.md?options=kap,spravato, is the page's own
            if path.startswith("/"):
                problems.append(Problem(page.rel, number, f"The link \"{target}\" starts with '/'.",
                                        "link to the Markdown file relative to this one, like '../safety/index.md'."))
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
            if path and not path.endswith(".md"):
                problems.append(Problem(page.rel, number, f"The link \"{target}\" does not point to a .md file.",
                                        "link to the page's Markdown file, like '../treatments/esketamine.md'."))
                continue
            if resolved not in docs:
                problems.append(Problem(page.rel, number, f"The link \"{target}\" points to a page that does not exist.",
                                        f"check the spelling and the folder; from {here} the existing pages are "
                                        "listed in mkdocs.yml under 'nav:'."))
                continue
            if anchor and anchor not in anchors(docs[resolved]):
                problems.append(Problem(page.rel, number,
                                        f"The link \"{target}\" points to a section \"#{anchor}\" that does not exist "
                                        f"in docs/{resolved}.",
                                        "use one of that page's section ids, written after its headings like "
                                        "'## Side effects { #side-effects }'."))
    return problems
