"""The URL contract: every address we ever published keeps working, as a page or a redirect,
and every published section anchor (/page/#section) still leads to its section.

docs/_data/published-urls.txt and published-anchors.txt list them. Clinicians print these on
handouts and paste them into patient messages, so a line is never removed: when a page moves, add
a redirect; when a section is renamed, keep its { #id }."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .paths import built_file, url_of_built
from .problems import Problem
from .registry import report

LIST = Path("docs/_data/published-urls.txt")
ANCHORS = Path("docs/_data/published-anchors.txt")


def published(list_file: Path) -> list[tuple[int, str]]:
    entries = []
    for number, raw in enumerate(list_file.read_text(encoding="utf-8").split("\n"), start=1):
        url = raw.strip()
        if url and not url.startswith("#"):  # a line starting with '#' is a comment
            entries.append((number, url))
    return entries


def missing(site_dir: Path, list_file: Path, shown: str = str(LIST)) -> list[Problem]:
    """Published URLs that the build did not produce."""
    problems = []
    for number, url in published(list_file):
        if not built_file(site_dir, url).exists():
            problems.append(report("published-address-missing", shown, number, url=url, old=url.strip("/") or "index"))
    return problems


def unlisted(site_dir: Path, list_file: Path, shown: str = str(LIST)) -> list[Problem]:
    """Built pages that are not yet in the list (so they are not yet protected)."""
    listed = {url for _, url in published(list_file)}
    problems = []
    for page in sorted(site_dir.rglob("index.html")):
        url = url_of_built(site_dir, page)
        # /es/ is the Spanish edition's own build, checked against the same list (site_checks.py).
        if url not in listed and not url.startswith(("/assets/", "/search/", "/es/")):
            problems.append(report("page-not-published", shown, 1, url=url, list=shown))
    return problems


REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', re.I)


def follow(site_dir: Path, url: str, hops: int = 5) -> tuple[str, str]:
    """(final address, its HTML) after the site's redirect pages, which keep the #section."""
    for _ in range(hops):
        page = built_file(site_dir, url)
        html = page.read_text(encoding="utf-8") if page.exists() else ""
        target = REFRESH.search(html[:3000])
        if not target:
            return url, html
        url = posixpath.normpath(posixpath.join(url, target.group(1).split("#")[0])) + "/"
        url = url.replace("//", "/")
    return url, html


def missing_anchors(site_dir: Path, list_file: Path, shown: str = str(ANCHORS)) -> list[Problem]:
    """Published section anchors (lines like /compare/#driving) that no longer exist. A moved page's
    anchors are looked for where its redirect leads, since the redirect keeps the #section."""
    problems = []
    for number, entry in published(list_file):
        url, _, anchor = entry.partition("#")
        final, html = follow(site_dir, url)
        if f'id="{anchor}"' in html:
            continue
        if final != url:
            problems.append(report("published-section-moved", shown, number, entry=entry, url=url, final=final,
                                   anchor=anchor))
        else:
            problems.append(report("published-section-missing", shown, number, entry=entry, anchor=anchor))
    return problems
