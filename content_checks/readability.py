"""Reading grade (Flesch-Kincaid) of an English page and of its "In short" summary; reading ease (INFLESZ,
the Szigriszt-Pazos scale) of a Spanish page."""
from __future__ import annotations

import textstat

from .page import Page, Unit

DEFAULT_PAGE_GRADE = 8.0
SUMMARY_GRADE = 6.0
LONG_SENTENCE_WORDS = 25
# Spanish says the same in about a fifth more words (articles, "de", "que"), so its limit is a fifth higher.
LONG_SENTENCE_WORDS_ES = 30
# INFLESZ 55 and up is "normal" or easier on its scale (55-65 normal, 65-80 fairly easy, 80+ very easy).
MIN_INFLESZ = 55


def grade(units: list[Unit]) -> float:
    text = " ".join(u.text if u.text.rstrip()[-1:] in ".!?:" else u.text + "." for u in units)
    if not text.strip():
        return 0.0
    return round(textstat.flesch_kincaid_grade(text), 1)


def page_budget(page: Page) -> float:
    return float(page.meta.get("reading_grade", DEFAULT_PAGE_GRADE))


def sentence_limit(page: Page) -> int:
    return LONG_SENTENCE_WORDS_ES if page.rel.startswith("docs-es/") else LONG_SENTENCE_WORDS


def long_sentences(page: Page) -> list[Unit]:
    return [u for u in page.prose if len(u.text.split()) >= sentence_limit(page)]


def inflesz(units: list[Unit]) -> float:
    """Szigriszt-Pazos reading ease of Spanish text. textstat's language is global: it is set back to English."""
    text = " ".join(u.text if u.text.rstrip()[-1:] in ".!?:" else u.text + "." for u in units)
    if not text.strip():
        return 100.0
    textstat.set_lang("es")
    try:
        return round(textstat.szigriszt_pazos(text), 1)
    finally:
        textstat.set_lang("en_US")
