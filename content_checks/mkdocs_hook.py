"""MkDocs hook: runs the content checks during every build. It only validates and logs;
it never changes a page (Zensical skips hooks, so the site must be the same without it).
Under `strict: true` each problem logged as a warning stops the build, and `mkdocs serve`
shows it at once."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from content_checks.checks import check_site, review_due  # noqa: E402

log = logging.getLogger("mkdocs.content_checks")


def on_pre_build(config, **kwargs) -> None:
    docs_dir = Path(config["docs_dir"])
    for problem in check_site(docs_dir):
        log.warning("%s", problem)
    for problem in review_due(docs_dir):
        log.info("%s", problem)  # overdue reviews are reported, never fatal


def on_post_build(config, **kwargs) -> None:
    from content_checks import contract

    list_file = Path(config["docs_dir"]) / "_data" / "published-urls.txt"
    site_dir = Path(config["site_dir"])
    if not list_file.exists():
        log.warning("docs/_data/published-urls.txt is missing: it must list every published address.")
        return
    found = contract.missing(site_dir, list_file) + contract.unlisted(site_dir, list_file)
    anchors = list_file.with_name("published-anchors.txt")
    if anchors.exists():
        found += contract.missing_anchors(site_dir, anchors)
    for problem in found:
        log.warning("%s", problem)
