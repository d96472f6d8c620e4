"""The front matter every content page must have, validated with pydantic."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .page import Page
from .problems import Problem
from .registry import report

REVIEW_STATUSES = ("draft", "content-reviewed", "clinical-review-pending", "clinically-reviewed")
MAX_DESCRIPTION = 160
SOURCE = re.compile(r"^(doi:10\.\d{4,9}/\S+|pmid:\d{1,9}|https://\S+)$")

# The front matter staff copy: the one in templates/new-page.md (CONTRIBUTING points there too).
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "new-page.md"


def example() -> str:
    if not TEMPLATE.exists():
        return "---\ntitle: …\n---  (see templates/new-page.md)"
    return re.match(r"\A---\n.*?\n---", TEMPLATE.read_text(encoding="utf-8"), re.S).group(0)

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
    "translation": "write the record of the translation (a Spanish page), like\ntranslation:\n  english_version: "
                   "0a1b2c3d4e5f\n  translated: 2026-12-07\n  reviewed_by: \"\"",
    "untranslated": "write 'untranslated: true' on a Spanish page that is not translated yet, or remove the line.",
}


class Translation(BaseModel):
    """A Spanish page's record of its translation (docs-es/; languages.py shows it at the top of the page)."""
    model_config = ConfigDict(extra="forbid")

    english_version: str = Field(pattern=r"^[0-9a-f]{12}$")  # the English page it was translated from
    translated: dt.date
    # Who reviewed the translation, by role ("a bilingual psychiatrist"); empty until a qualified person has.
    reviewed_by: str | None = None


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
    translation: Translation | None = None  # a Spanish page only


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


class NotTranslated(BaseModel):
    """A Spanish page that says, in Spanish, that its English page is not translated yet."""
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=3)
    description: str = Field(min_length=20, max_length=MAX_DESCRIPTION)
    untranslated: Literal[True]
    render_macros: Literal[True]
    search: dict | None = None


def key_line(page: Page, key: str) -> int:
    """The line of a front-matter key, or 1 (the top of the file) when it is missing."""
    for number, text in enumerate(page.path.read_text(encoding="utf-8").split("\n"), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", text):
            return number
        if number > 1 and text.strip() == "---":
            break
    return 1


def check(page: Page, today: dt.date | None = None) -> list[Problem]:
    error = page.meta_error
    if error:
        return [report(error.rule, page.rel, error.line, example=example(), **error.values)]
    model = NotTranslated if page.meta.get("untranslated") is not None else FrontMatter
    try:
        meta = model.model_validate(page.meta)
    except ValidationError as error:
        return [_problem(page, detail, model) for detail in error.errors()]
    if model is NotTranslated:
        return []
    if meta.last_reviewed > (today or dt.date.today()):
        return [report("review-date-in-future", page.rel, key_line(page, "last_reviewed"), value=meta.last_reviewed)]
    return []


CROSS_KEY_RULES = {  # the model validator's words -> (rule, the key whose line to show)
    "next_review must be after last_reviewed": ("review-dates-order", "next_review"),
    "a reviewer is named but review_status is not clinically-reviewed": ("reviewer-without-review", "reviewer"),
    "review_status says clinically-reviewed but no reviewer is named": ("review-without-reviewer", "reviewer"),
}


def _problem(page: Page, detail: dict, model=FrontMatter) -> Problem:
    key = str(detail["loc"][0]) if detail["loc"] else ""
    kind = detail["type"]
    value = page.meta.get(key)
    why = detail["msg"].removeprefix("Value error, ")
    if not key:  # a rule across keys (dates, reviewer)
        rule, key = CROSS_KEY_RULES[why]
        return report(rule, page.rel, key_line(page, key), how=FIXES[key])
    line, how = key_line(page, key), FIXES.get(key, "see CONTRIBUTING.md.")
    if kind == "missing":
        return report("front-matter-missing-key", page.rel, line, key=key, how=how)
    if kind == "extra_forbidden":
        keys = [k for k in model.model_fields if k != "translation" or page.rel.startswith("docs-es/")]  # Spanish only
        return report("front-matter-unknown-key", page.rel, line, key=key, keys=", ".join(keys))
    if key == "description" and kind == "string_too_long":
        return report("description-too-long", page.rel, line, length=len(value), limit=MAX_DESCRIPTION, how=how)
    if key in ("last_reviewed", "next_review"):
        return report("front-matter-not-a-date", page.rel, line, key=key, value=value, how=how)
    if key == "review_status":
        return report("review-status", page.rel, line, value=value, how=how)
    if kind == "string_type" or (kind == "list_type" and key == "tags"):
        return report("front-matter-wrong-value", page.rel, line, key=key, why="a line is not plain text (a colon "
                      "followed by a space inside it makes YAML read a key)", how="put that line's text in double "
                      "quotes, like '- \"Spravato: driving rules\"'.")
    if key == "sources" and "is not a DOI" in why:
        return report("source-not-identifier", page.rel, line, source=why.split("'")[1], how=how)
    return report("front-matter-wrong-value", page.rel, line, key=key, why=why, how=how)
