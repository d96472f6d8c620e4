"""MkDocs hook: a thin adapter that runs the content checks during every build and stops the
build itself when one fails (not through strict mode's count of warnings, which `-q` hides).
It only validates; it never changes a page (Zensical skips hooks, so the site must be the same
without it; `make build-zensical` runs the same checks after a Zensical build)."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from content_checks import site_checks  # noqa: E402
from content_checks.checks import check_pages, review_due  # noqa: E402

log = logging.getLogger("mkdocs.content_checks")
# Under `mkdocs serve` (make serve) problems are shown but the preview keeps running, so staff can
# look at the page while they fix it; `mkdocs build` stops.
previewing = False


def on_startup(command, **kwargs) -> None:
    global previewing
    previewing = command == "serve"


def _stop_on(problems, stage: str) -> None:
    for problem in problems:
        log.error("%s", problem)
    if problems and not previewing:
        raise Abort(f"{len(problems)} problem(s) found by the content checks ({stage}); each is listed above "
                    "with its file, line and fix.")


def on_pre_build(config, **kwargs) -> None:
    docs_dir = Path(config["docs_dir"])
    _stop_on(check_pages(docs_dir), "pages")
    for problem in review_due(docs_dir):
        log.info("%s", problem)  # overdue reviews are reported, never fatal


def on_post_build(config, **kwargs) -> None:
    _stop_on(site_checks.check_built_site(Path(config["site_dir"]), Path(config["docs_dir"]), config.get("site_url") or ""),
             "built site")
