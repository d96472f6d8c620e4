"""The front matter every content page must have, validated with pydantic."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .page import Page
from .problems import Problem

REVIEW_STATUSES = ("draft", "content-reviewed", "clinical-review-pending", "clinically-reviewed")
MAX_DESCRIPTION = 160
SOURCE = re.compile(r"^(doi:10\.\d{4,9}/\S+|pmid:\d{1,9}|https://\S+)$")

# The front matter staff copy: the one in templates/new-page.md (CONTRIBUTING points there too).
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "new-page.md"
EXAMPLE = (re.match(r"\A---\n.*?\n---", TEMPLATE.read_text(encoding="utf-8"), re.S).group(0) if TEMPLATE.exists()
           else "---\ntitle: …\n---  (see templates/new-page.md)")

FIXES = {
    "title": "add a line like 'title: Esketamine (Spravato) nasal spray'.",
    "description": f"add one plain sentence of at most {MAX_DESCRIPTION} characters, like "
                   "'description: What esketamine is, who it is for and its risks.'",
    "last_reviewed": "write the date of the last full review as YYYY-MM-DD, like 'last_reviewed: 2026-11-22'.",
    "next_review": "write the date the next review is due as YYYY-MM-DD, like 'next_review: 2027-05-22'.",
    "review_status": "use one of: " + ", ".join(REVIEW_STATUSES) + ".",
    "reviewer": "name the clinician only when 'review_status: clinically-reviewed', like "
                "'reviewer: Jane Doe, MD (psychiatry)'. Otherwise remove the 'reviewer' line.",
    "sources": "list each source on its own line under 'sources:', as '- doi:10.xxxx/...', "
               "'- pmid:12345678' or '- https://...'.",
    "tags": "list words readers search for, one per line under 'tags:', like '- nasal spray'.",
    "reading_grade": "use a number from 4 to 8, like 'reading_grade: 6', or remove the line.",
}


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3)
    description: str = Field(min_length=20, max_length=MAX_DESCRIPTION)
    last_reviewed: dt.date
    next_review: dt.date
    review_status: Literal[REVIEW_STATUSES]  # type: ignore[valid-type]
    reviewer: str | None = None
    sources: list[str] = Field(min_length=1)
    tags: list[str] = []
    reading_grade: float = Field(default=8, ge=4, le=8)
    # Keys that the theme and plugins read.
    search: dict | None = None
    hide: list[str] | None = None
    render_macros: bool | None = None

    @field_validator("sources")
    @classmethod
    def sources_are_identifiers(cls, sources: list[str]) -> list[str]:
        bad = [s for s in sources if not SOURCE.match(str(s))]
        if bad:
            raise ValueError(f"'{bad[0]}' is not a DOI, a PMID or an https:// address")
        return sources

    @model_validator(mode="after")
    def dates_and_reviewer_agree(self) -> "FrontMatter":
        if self.next_review <= self.last_reviewed:
            raise ValueError("next_review must be after last_reviewed")
        if self.review_status == "clinically-reviewed" and not self.reviewer:
            raise ValueError("review_status says clinically-reviewed but no reviewer is named")
        if self.reviewer and self.review_status != "clinically-reviewed":
            raise ValueError("a reviewer is named but review_status is not clinically-reviewed")
        return self


def key_line(page: Page, key: str) -> int:
    """The line of a front-matter key, or 1 (the top of the file) when it is missing."""
    for number, text in enumerate(page.path.read_text(encoding="utf-8").split("\n"), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", text):
            return number
        if number > 1 and text.strip() == "---":
            break
    return 1


def check(page: Page) -> list[Problem]:
    if page.meta_error:
        return [Problem(page.rel, getattr(page.meta_error, "line", 1), f"The page cannot be read: {page.meta_error}.",
                        getattr(page.meta_error, "fix", None)
                        or f"start the file with a front-matter block like this:\n{EXAMPLE}")]
    try:
        FrontMatter.model_validate(page.meta)
    except ValidationError as error:
        return [_problem(page, detail) for detail in error.errors()]
    return []


def _problem(page: Page, detail: dict) -> Problem:
    key = str(detail["loc"][0]) if detail["loc"] else ""
    kind = detail["type"]
    value = page.meta.get(key)
    if kind == "missing":
        message = f"The front matter has no '{key}'."
    elif kind == "extra_forbidden":
        return Problem(page.rel, key_line(page, key), f"The front matter has an unknown key '{key}'.",
                       "check the spelling; the keys are: " + ", ".join(FrontMatter.model_fields) + ".")
    elif key == "description" and kind == "string_too_long":
        message = (f"The description is {len(value)} characters long; "
                   f"the limit is {MAX_DESCRIPTION} (search engines cut the rest).")
    elif key in ("last_reviewed", "next_review"):
        message = f"'{key}: {value}' is not a date in the form YYYY-MM-DD."
    elif key == "review_status":
        message = f"'review_status: {value}' is not one of the allowed review statuses."
    elif not key:  # a rule across keys (dates, reviewer)
        message = detail["msg"].removeprefix("Value error, ") + "."
        key = "reviewer" if "reviewer" in message else "next_review"
    else:
        message = f"'{key}' is not right: {detail['msg'].removeprefix('Value error, ')}."
    return Problem(page.rel, key_line(page, key), message, FIXES.get(key, "see CONTRIBUTING.md."))
