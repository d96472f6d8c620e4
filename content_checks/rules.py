"""Content rules: each returns Problems worded for clinic staff."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from . import readability
from .page import FOOTNOTE_REF, SOURCES_MARKER, Page, _units, plain
from .problems import Problem
from .registry import report

HERE = Path(__file__).parent

# Numbers that are not clinical claims: crisis lines, standards and the site's own measures.
NOT_CLAIMS = [
    r"\b(?:tel|sms):[\d?&=a-zA-Z]+",
    r"\b1-800-273-8255\b", r"\b623-473-7433\b", r"\b62-FIRESIDE\b", r"\b0808 808 8000\b",
    r"\b116 123\b", r"\b13 11 14\b", r"\b9-8-8\b", r"\b988\b", r"\b911\b", r"\b999\b", r"\b112\b",
    r"\b111\b", r"\b000\b", r"\b741741\b", r"\b85258\b", r"\boption \d\b", r"\bpress \d\b", r"\b\d+ for\b",
    r"\b24/7\b", r"\bWCAG 2(?:\.\d)?\b", r"\bgrade \d+\b", r"\b\d+ ?px\b", r"\b\d+ by \d+\b",
    r"\b\d{4}-\d{2}-\d{2}\b", r"/[\w/-]*\d[\w/-]*/", r"\bstep \d+\b", r"\b(?:page|pages) \d+\b",
    r"\bPHQ-9\b", r"\bGAD-7\b", r"\bC-SSRS\b", r"\bDAST-10\b", r"\bCYP\w+\b", r"\bSchedule III\b",
    r"\bmarque \d\b", r"\bpaso \d+\b", r"\bopción \d\b",
    r"\bKARMA-Dep 2\b", r"\bTRANSFORM-\d\b", r"\bSUSTAIN-\d\b", r"\bASPIRE I+\b", r"\bCOVID-19\b",
]
NOT_CLAIMS_RE = re.compile("|".join(NOT_CLAIMS))
DIGIT = re.compile(r"\d")

# Marketing claims: (pattern, why it misleads, a better way to say it).
MARKETING = [
    (r"\bcure[sd]?\b", "ketamine does not cure depression; its benefits usually fade in days to weeks",
     "'It can ease symptoms for a while in some people.'"),
    (r"\bguarantee[sd]?\b", "no treatment works for everyone", "'Some people feel better; others do not.'"),
    (r"\bpermanent(ly)?\b", "benefits are usually temporary and relapse is common",
     "'For most people who respond, the effect lasts days to weeks.'"),
    (r"\bnot (?:addictive|habit[- ]forming)\b|\bnon-?addictive\b",
     "ketamine is a Schedule III controlled substance that can be misused",
     "'Ketamine can be misused. Supervised care lowers this risk.'"),
    (r"\bup to \d+ ?%", "'up to' hides the typical result and its source",
     "give the typical figure with its source, like 'about half of people in trials responded.[^murrough2013]'"),
    (r"\bmiracle\b|\bbreakthrough\b|\brevolutionary\b|\blife-?changing\b",
     "this is advertising language, not evidence", "describe what studies found, with a citation."),
    (r"\b(?:brain |one-(?:and|time)-done |)reset\b", "there is no evidence that ketamine 'resets' the brain",
     "'Researchers are still studying how ketamine works.'"),
    (r"\b(?:100|completely|totally|perfectly) ?%? safe\b|\bno side effects\b|\brisk-free\b",
     "every treatment has side effects", "name the common side effects and link to the side-effects page."),
]

# Unsafe ways of writing about suicide (safe-messaging guidance).
SUICIDE_WORDING = [
    (r"\bcommit(?:s|ted|ting)? suicide\b", "'committed suicide' suggests a crime or sin",
     "'died by suicide' or 'took their own life'."),
    (r"\b(?:successful|unsuccessful|failed|completed) suicide\b|\bfailed (?:suicide )?attempt\b",
     "suicide is never a success or a failure", "'died by suicide' or 'survived a suicide attempt'."),
    (r"\bsuicide (?:method|methods|means)\b|\bmethods? of suicide\b|\bhow to (?:kill|end) (?:yourself|your life)\b",
     "never describe or name methods of suicide", "remove the detail and add a link to Get help now."),
    (r"\bhang(?:ed|ing) (?:him|her|them|your)sel(?:f|ves)\b|\bjump(?:ed|ing)? (?:off|from) (?:a|the) (?:bridge|building)\b",
     "never describe methods of suicide", "remove the detail and add a link to Get help now."),
]


def _claim_text(text: str) -> str:
    return NOT_CLAIMS_RE.sub(" ", text)


def uncited_numbers(page: Page) -> list[Problem]:
    problems = []
    # The lines as typed: a number that a fact brings in is checked once, in docs/_data/.
    units = _units(page.source)[0] if page.source else page.units
    for unit in units:
        if unit.kind == "heading" or unit.cited:
            continue
        if DIGIT.search(_claim_text(unit.text)):
            problems.append(report("uncited-number", page.rel, unit.line, text=_short(unit.text)))
    return problems


# The same claims and unsafe wording in Spanish.
MARKETING_ES = [
    (r"\bcura(?:r|n)?\b|\bcuración\b", "ketamine does not cure depression; its benefits usually fade in days to weeks",
     "'Puede aliviar los síntomas por un tiempo en algunas personas.'"),
    (r"\bgarantiza(?:do|da|mos)?\b", "no treatment works for everyone", "'Algunas personas se sienten mejor; otras no.'"),
    (r"\bpermanente(?:s|mente)?\b", "benefits are usually temporary and relapse is common",
     "'En la mayoría de quienes responden, el efecto dura de días a semanas.'"),
    (r"\bno (?:es |son )?adictiv[oa]s?\b|\bno crea (?:adicción|hábito)\b",
     "ketamine is a Schedule III controlled substance that can be misused",
     "'La ketamina se puede usar mal. La atención supervisada baja este riesgo.'"),
    (r"\bhasta (?:un |el )?\d+ ?%", "'hasta' hides the typical result and its source", "give the typical figure with its source."),
    (r"\bmilagro(?:so|sa)?\b|\brevolucionari[oa]\b", "this is advertising language, not evidence",
     "describe what studies found, with a citation."),
    (r"\b(?:100 ?%|totalmente|completamente) segur[oa]\b|\bsin efectos secundarios\b|\bsin riesgos?\b",
     "every treatment has side effects", "name the common side effects and link to the side-effects page."),
]
SUICIDE_WORDING_ES = [
    (r"\bcometi(?:ó|eron|er) (?:un )?suicidio\b", "'cometió suicidio' suggests a crime or sin",
     "'murió por suicidio' or 'se quitó la vida'."),
    (r"\bsuicidio (?:exitoso|fallido|consumado)\b|\bintento fallido\b", "suicide is never a success or a failure",
     "'murió por suicidio' or 'sobrevivió a un intento de suicidio'."),
    (r"\bmétodos? (?:de|para) suicid", "never describe or name methods of suicide",
     "remove the detail and add a link to Ayuda ahora."),
]


def wording(page: Page, language: str = "en") -> list[Problem]:
    problems = []
    marketing, suicide = (MARKETING_ES, SUICIDE_WORDING_ES) if language == "es" else (MARKETING, SUICIDE_WORDING)
    for number, raw in page.source or page.body:  # as typed: data texts are checked in docs/_data/
        text = plain(raw)
        for rules, rule_id in ((marketing, "marketing-claim"), (suicide, "suicide-wording")):
            for pattern, why, better in rules:
                match = re.search(pattern, text, re.I)
                if match:
                    problems.append(report(rule_id, page.rel, number, words=match.group(0), why=why, better=better))
    return problems


def summary(page: Page, language: str = "en") -> list[Problem]:
    title = WORDS[language]["summary"]
    heading = next((n for n, raw in page.body if raw.startswith("## ")), None)
    summary_line = next((n for n, raw in page.body if re.match(rf'^!!!\s*summary\s+"{title}"', raw)), None)
    if summary_line is None or (heading is not None and summary_line > heading):
        return [report("no-summary", page.rel, summary_line or 1, title=title)]
    if not 2 <= len(page.summary) <= 3:
        return [report("summary-length", page.rel, summary_line, count=len(page.summary), title=title)]
    return []


def reading_level(page: Page) -> list[Problem]:
    problems = []
    budget = readability.page_budget(page)
    page_grade = readability.grade(page.prose)
    if page_grade > budget:
        hardest = sorted(page.prose, key=lambda u: -len(u.text.split()))[:3]
        lines = list(dict.fromkeys(u.line for u in hardest))  # a line with two long sentences is named once
        problems.append(report("reading-grade", page.rel, 1, grade=page_grade, limit=f"{budget:g}",
                               lines=", ".join(map(str, lines))))
    summary_grade = readability.grade(page.summary)
    if page.summary and summary_grade > readability.SUMMARY_GRADE:
        problems.append(report("summary-grade", page.rel, page.summary[0].line, grade=summary_grade,
                               limit=f"{readability.SUMMARY_GRADE:g}"))
    return problems + long_sentences(page)


def long_sentences(page: Page) -> list[Problem]:
    return [report("long-sentence", page.rel, unit.line, words=len(unit.text.split()), text=_short(unit.text),
                   limit=readability.sentence_limit(page))
            for unit in readability.long_sentences(page)]


SOURCES_TITLE = '??? quote "Sources for this page"'
# The titles a page's boxes have in each language (languages.py).
WORDS = {"en": {"summary": "In short", "sources": SOURCES_TITLE},
         "es": {"summary": "En resumen", "sources": '??? quote "Fuentes de esta página"'}}
# The box's lines after its title: the notes go where the marker is, inside a block that keeps
# them out of the search index (they would match readers' words and fill the index's byte budget).
SOURCES_LINES = ["    <div markdown data-search-exclude>", "    " + SOURCES_MARKER, "    </div>"]


def sources_box(page: Page, language: str = "en") -> list[Problem]:
    """A page's numbered sources go in the closed "Sources for this page" box at its end: on a phone
    a long list of sources adds screens of scrolling, and a closed box is not laid out until opened."""
    body = [raw for _, raw in page.body]
    definitions = [number for number, raw in page.body if re.match(r"^\[\^[^\]]+\]:", raw)]
    cites = any(FOOTNOTE_REF.search(raw) for _, raw in page.body if not re.match(r"^\[\^[^\]]+\]:", raw))
    title = WORDS[language]["sources"]
    boxes = [index for index, raw in enumerate(body) if raw.rstrip() == title]

    def box_lines(index: int) -> list[str]:
        return [raw.rstrip() for raw in body[index + 1:] if raw.strip()][:len(SOURCES_LINES)]

    boxed = any(box_lines(index) == SOURCES_LINES for index in boxes)
    if definitions and not boxed:
        return [report("sources-box-missing", page.rel, definitions[0], title=title, marker=SOURCES_MARKER)]
    if boxed and not cites:
        line = page.body[boxes[0]][0]
        return [report("sources-box-empty", page.rel, line)]
    return []


def spelling(pages: list[Page]) -> list[Problem]:
    """codespell over the Markdown, with the project's own word list of medical terms."""
    if not pages:
        return []
    command = [sys.executable, "-m", "codespell_lib", "--ignore-words", str(HERE / "words.txt"),
               "--disable-colors", *[str(p.path) for p in pages]]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    by_path = {str(p.path): p for p in pages}
    problems = []
    for line in result.stdout.splitlines():
        match = re.match(r"^(.*):(\d+): (\S+) ==> (.+)$", line)
        if match and match.group(1) in by_path:
            problems.append(report("misspelling", by_path[match.group(1)].rel, int(match.group(2)),
                                   word=match.group(3), right=match.group(4)))
    return problems


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
