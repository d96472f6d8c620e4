"""Reading grade (Flesch-Kincaid) of a page and of its "In short" summary."""
from __future__ import annotations

import textstat

from .page import Page, Unit

DEFAULT_PAGE_GRADE = 8.0
SUMMARY_GRADE = 6.0
LONG_SENTENCE_WORDS = 25


def grade(units: list[Unit]) -> float:
    text = " ".join(u.text if u.text.rstrip()[-1:] in ".!?:" else u.text + "." for u in units)
    if not text.strip():
        return 0.0
    return round(textstat.flesch_kincaid_grade(text), 1)


def page_budget(page: Page) -> float:
    return float(page.meta.get("reading_grade", DEFAULT_PAGE_GRADE))


def long_sentences(page: Page) -> list[Unit]:
    return [u for u in page.prose if len(u.text.split()) >= LONG_SENTENCE_WORDS]
