"""A problem found in a page, worded for the person who will fix it (by its rule: registry.report)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # e.g. docs/treatments/esketamine.md
    line: int  # 1-based; 1 when the problem is about the whole page
    message: str  # what is wrong, in plain words
    fix: str  # what a correct version looks like
    warning_only: bool = False  # reported, but never fails a build or a test
    rule: str = ""  # the rule's id in content_checks/registry.py and CONTRIBUTING's table

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message} [{self.rule}]\n    How to fix: {self.fix}"
