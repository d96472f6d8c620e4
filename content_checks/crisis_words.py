"""docs/assets/crisis-words.txt, checked the way crisis.js reads it: each entry well formed and listed
once, and none so broad that an ordinary search (the `ordinary:` list in tests/crisis_queries.yml)
would show the crisis box, as "help" would for "financial help" or "die*" for "diet"."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .problems import Problem
from .registry import report

WORDS = Path("assets") / "crisis-words.txt"
QUERIES = Path("tests") / "crisis_queries.yml"
ENTRY = re.compile(r"[a-z0-9]+( [a-z0-9]+)*\*?|[a-z0-9]+~")


def plain(text: str) -> str:
    """As crisis.js: lower case, no apostrophes, anything else that is not a letter or digit a space."""
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"['\u2019]", "", text.lower())).strip()


def one_typo(a: str, b: str) -> bool:
    """As crisis.js: a letter missing, extra or wrong, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return (a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]
            or (i + 1 < len(a) and i + 1 < len(b) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]))


def matches(entry: str, query: str) -> bool:
    """Does one entry of the list match a search, as crisis.js matches it?"""
    words = plain(query)
    fuzzy = entry.endswith("~")
    stem = entry.rstrip("~")
    phrase = re.escape(stem.rstrip("*")) + ("[a-z0-9]*" if stem.endswith("*") else "")
    if re.search(rf"(?:^| )(?:{phrase})(?= |$)", words):
        return True
    return fuzzy and any(len(word) > 3 and one_typo(word, stem) for word in words.split())


def check(docs_dir: Path) -> list[Problem]:
    words_file = docs_dir / WORDS
    if not words_file.exists():
        return []
    shown = f"{docs_dir.name}/{WORDS.as_posix()}"
    entries: dict[str, int] = {}
    problems = []
    for number, line in enumerate(words_file.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#")[0].strip()
        if not entry:
            continue
        if not ENTRY.fullmatch(entry):
            problems.append(report("crisis-word-malformed", shown, number, entry=entry))
        elif entry in entries:
            problems.append(report("crisis-word-twice", shown, number, entry=entry, first=entries[entry]))
        entries.setdefault(entry, number)
    queries_file = docs_dir.parent / QUERIES
    ordinary = (yaml.safe_load(queries_file.read_text(encoding="utf-8")) or {}).get("ordinary", []) \
        if queries_file.exists() else []
    for entry, number in entries.items():
        caught = [query for query in ordinary if ENTRY.fullmatch(entry) and matches(entry, query)]
        if caught:
            problems.append(report("crisis-word-too-broad", shown, number, entry=entry, query=caught[0],
                                   queries=QUERIES.as_posix()))
    return problems
