"""Command line for the content checks.

    python -m content_checks [DOCS_DIR]              check the pages and data (no build needed)
    python -m content_checks --site SITE [DOCS_DIR]  check a built site folder (MkDocs or Zensical;
                                                     add --without-budgets for Zensical's heavier bundle)
    python -m content_checks --review-due [DOCS]     list pages whose review date has passed
    python -m content_checks --rules-table           write CONTRIBUTING's table of messages (from registry.py)
    add --github to also print each problem as a GitHub annotation on its file and line (the default
    inside GitHub Actions, so the workflows can run the same `make check` as everyone else)
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


from . import languages, config_check, site_checks
from .checks import check_pages, review_due
from .problems import Problem


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: the pull request shows the message on the file's line."""
    kind = "warning" if problem.warning_only else "error"
    text = f"{problem.message} How to fix: {problem.fix} (rule {problem.rule})"
    # Workflow commands end at a newline; '%', '\r' and '\n' must be escaped (GitHub's documented encoding).
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    file = problem.file.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::{kind} file={file},line={problem.line},title={problem.rule}::{text}"


TABLE_START, TABLE_END = "<!-- messages table -->", "<!-- end of messages table -->"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m content_checks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    parser.add_argument("--review-due", action="store_true", help="list pages whose review date has passed")
    parser.add_argument("--site", type=Path, help="check this built site folder instead of the pages")
    parser.add_argument("--github", action="store_true", help="also print GitHub annotations")
    parser.add_argument("--without-budgets", action="store_true",
                        help="with --site: skip the byte budgets (for a Zensical build, whose own bundle is heavier)")
    parser.add_argument("--rules-table", action="store_true",
                        help="write CONTRIBUTING.md's table of messages from the registry")
    args = parser.parse_args(argv)
    args.github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    if args.rules_table:
        from .registry import table

        contributing = args.docs_dir.parent / "CONTRIBUTING.md"
        text = contributing.read_text(encoding="utf-8")
        start = text.index(TABLE_START) + len(TABLE_START)
        contributing.write_text(text[:start] + "\n" + table() + "\n" + text[text.index(TABLE_END):], encoding="utf-8")
        print(f"Wrote the table of messages in {contributing}.")
        return 0
    if args.review_due:
        due = review_due(args.docs_dir)
        for problem in due:
            print(problem)
        print(f"{len(due)} page(s) or dated fact(s) due for review." if due else "No page or dated fact is due for review.")
        return 0
    if args.site:
        problems = site_checks.check_built_site(args.site, args.docs_dir, config_check.setting(languages.config_file(args.docs_dir), "site_url"),
                                     budgets=not args.without_budgets)
    else:
        problems = check_pages(args.docs_dir)
    for problem in problems:
        print(problem)
        if args.github:
            print(annotation(problem))
    where = f"the built site in {args.site}" if args.site else "the pages"
    print(f"{len(problems)} problem(s) found in {where}." if problems else f"All content checks passed ({where}).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
