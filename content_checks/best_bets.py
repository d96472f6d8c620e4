"""docs/assets/search/best-bets.txt, checked the way search.js reads it: each entry well formed, under a
group, and listed once; each page group names a page that exists; no page's phrase is a crisis phrase
(it would push Get help now down); and no crisis word so broad that an ordinary search (the `ordinary:`
list in tests/crisis_queries.yml) would show the crisis box, as "help" would for "financial help"."""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import yaml

from . import languages
from .paths import pages
from .problems import Problem
from .registry import report

BEST_BETS = Path("assets") / "search" / "best-bets.txt"
QUERIES = Path("tests") / "crisis_queries.yml"
CRISIS = "crisis"
ENTRY = re.compile(r"[a-z0-9]+( [a-z0-9]+)*\*?|[a-z0-9]+~")
GROUP = re.compile(r"\[(.*)\]")


def plain(text: str) -> str:
    """As search.js: lower case, no accents or apostrophes, anything not a letter or digit a space."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"['\u2019]", "", text)).strip()


def one_typo(a: str, b: str) -> bool:
    """As search.js: a letter missing, extra or wrong, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return (a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]
            or (i + 1 < len(a) and i + 1 < len(b) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]))


def _pattern(entry: str) -> str:
    stem = entry.rstrip("~")
    return re.escape(stem.rstrip("*")) + ("[a-z0-9]*" if stem.endswith("*") else "")


def matches(entry: str, query: str) -> bool:
    """Does a crisis entry match a search, anywhere in it, as search.js matches it?"""
    words = plain(query)
    if re.search(rf"(?:^| )(?:{_pattern(entry)})(?= |$)", words):
        return True
    return entry.endswith("~") and any(len(word) > 3 and one_typo(word, entry[:-1]) for word in words.split())


def read(text: str) -> list[tuple[int, str | None, str]]:
    """(line number, group, entry) for each entry; group None for an entry before any group."""
    found, group = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#")[0].strip()
        heading = GROUP.fullmatch(entry)
        if heading:
            group = heading.group(1).strip()
            found.append((number, group, ""))
        elif entry:
            found.append((number, group, entry))
    return found


def files(docs_dir: Path) -> tuple[Path, Path]:
    """An edition's best bets and the test phrasings that keep its crisis words narrow: the English
    ones, or docs/assets/search/best-bets.es.txt and tests/crisis_queries_es.yml for the Spanish edition."""
    edition = languages.edition_of(docs_dir)
    if edition is languages.ENGLISH:
        return docs_dir / BEST_BETS, docs_dir.parent / QUERIES
    english = languages.data_dir(docs_dir).parent
    return (english / BEST_BETS.with_name(f"best-bets.{edition.code}.txt"),
            docs_dir.parent / QUERIES.with_name(f"crisis_queries_{edition.code}.yml"))


def check(docs_dir: Path) -> list[Problem]:
    bets_file, queries_file = files(docs_dir)
    if not bets_file.exists():
        return []
    shown = bets_file.relative_to(docs_dir.parent).as_posix()
    known = list(pages(docs_dir))
    problems, seen, crisis, phrases = [], {}, [], []
    for number, group, entry in read(bets_file.read_text(encoding="utf-8")):
        if not entry:  # a group's heading
            if group != CRISIS and group not in known:
                nearest = difflib.get_close_matches(group, known, n=1, cutoff=0.5)
                problems.append(report("best-bet-page-missing", shown, number, page=group,
                                       nearest=f"did you mean '[{nearest[0]}]'?" if nearest else
                                       "the page list is in mkdocs.yml, under nav:"))
            continue
        if group is None:
            problems.append(report("best-bet-no-group", shown, number, entry=entry))
        elif not ENTRY.fullmatch(entry):
            problems.append(report("best-bet-malformed", shown, number, entry=entry))
        elif entry in seen:
            problems.append(report("best-bet-twice", shown, number, entry=entry, first=seen[entry]))
        else:
            seen[entry] = number
            (crisis if group == CRISIS else phrases).append((number, group, entry))
    for number, group, entry in phrases:
        example = entry.rstrip("*~")
        hit = next((word for _, _, word in crisis if matches(word, example)), None)
        if hit:
            problems.append(report("best-bet-hides-crisis", shown, number, entry=entry, page=group, word=hit))
    ordinary = (yaml.safe_load(queries_file.read_text(encoding="utf-8")) or {}).get("ordinary", []) \
        if queries_file.exists() else []
    for number, _, entry in crisis:
        caught = [query for query in ordinary if matches(entry, str(query))]
        if caught:
            problems.append(report("crisis-word-too-broad", shown, number, entry=entry, query=caught[0],
                                   queries=queries_file.relative_to(docs_dir.parent).as_posix()))
    return problems
