"""Command line: `python -m content_checks [--review-due] [DOCS_DIR]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import check_site, review_due


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m content_checks", description=__doc__)
    parser.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    parser.add_argument("--review-due", action="store_true", help="list pages whose review date has passed")
    args = parser.parse_args()
    if args.review_due:
        due = review_due(args.docs_dir)
        for problem in due:
            print(problem)
        print(f"{len(due)} page(s) due for review." if due else "No page is due for review.")
        return 0
    problems = check_site(args.docs_dir)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found." if problems else "All content checks passed.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
