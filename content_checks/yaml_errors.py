"""YAML read for people: a parse error becomes the file, the line and the fix in plain words."""
from __future__ import annotations

import yaml

from .problems import Problem
from .registry import report

# PyYAML's wording of a problem -> what staff should do about it.
ADVICE = [
    ("mapping values are not allowed here",
     "a colon (:) inside a text makes YAML read it as a new key. Put the whole text in double quotes, like "
     "'text: \"Spravato: a nasal spray\"'."),
    ("found character '\\t'", "YAML does not allow tabs. Indent with spaces only (2 spaces for each level)."),
    ("found a tab character", "YAML does not allow tabs. Indent with spaces only (2 spaces for each level)."),
    ("could not find expected ':'",
     "a line is missing its colon, or a text runs onto the next line. Write 'key: value' on one line, "
     "and put long texts in double quotes."),
    ("expected <block end>",
     "this line is indented differently from the line above it. Items of one list start with '- ' at exactly "
     "the same column; an item inside a section is indented 4 spaces more than the section's '- '."),
    ("did not find expected key",
     "this line's indentation does not match the lines around it. Line it up with the other keys at the same level "
     "(spaces only)."),
    ("did not find expected '-' indicator",
     "a list item is not lined up with the other items. Start each item with '- ' at the same indentation."),
    ("found unexpected end of stream", "a quote is opened but never closed. Close it with the same quote mark."),
    ("found undefined alias", "a text starts with '*'. Put the whole text in double quotes."),
    ("expected alphabetic or numeric character", "a text starts with '*' or '&'. Put the whole text in double quotes."),
    ("found unknown escape character", "a backslash (\\) inside double quotes. Use single quotes around the text instead."),
    ("while scanning a quoted scalar", "a quote is opened but never closed. Close it with the same quote mark."),
    ("while scanning a simple key", "a line is missing its colon. Write 'key: value'."),
    ("found character that cannot start any token",
     "a text starts with a character YAML reserves (such as ` or @ or %). Put the whole text in double quotes."),
]
GENERIC = ("check this line and the one above it: each line is 'key: value' or '- item', indented with spaces, and "
           "texts with a colon, a quote or a leading * or # are wrapped in double quotes.")


def describe(error: yaml.YAMLError, first_line: int = 1) -> tuple[int, str, str]:
    """(line, what PyYAML says, the fix in plain words). `first_line`: the file line where the YAML starts."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = first_line + (mark.line if mark else 0)
    what = " ".join(str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
    return line, what or str(error), next((advice for words, advice in ADVICE if words in what), GENERIC)


def explain(error: yaml.YAMLError, shown: str, first_line: int = 1, rule: str = "data-not-yaml") -> Problem:
    """A Problem for a YAML error in a whole YAML file."""
    line, what, how = describe(error, first_line)
    return report(rule, shown, line, what=what, how=how)
