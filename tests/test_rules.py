"""Every registered rule (content_checks/registry.py): its failing example gives its message, its
passing example gives none, and CONTRIBUTING's table of messages is the one the registry makes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from content_checks import checks, site_checks
from content_checks.registry import PAGES, REPORT, RULES, table

TEMPLATE = ROOT / "templates" / "new-page.md"
REFERENCE = """---
title: Studies
description: The studies this site cites, for the checks of a small example site.
last_reviewed: 2026-11-30
next_review: 2027-05-30
review_status: clinical-review-pending
sources:
  - https://doi.org/10.1001/jamapsychiatry.2019.1189
search:
  exclude: true
---

# Studies

!!! summary "In short"
    These are the studies. Each has a link.

## Studies { #studies }

- Daly EJ, et al. [doi:10.1001/jamapsychiatry.2019.1189](https://doi.org/10.1001/jamapsychiatry.2019.1189)
"""


def example_site(tmp_path: Path, edits: dict) -> Path:
    """A small docs/ tree: the new-page template as the home page, and a reference list."""
    docs = tmp_path / "docs"
    (docs / "references").mkdir(parents=True)
    (docs / "index.md").write_text(TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "references" / "studies.md").write_text(REFERENCE, encoding="utf-8")
    for name, change in edits.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(change, bytes):
            path.write_bytes(change)
        elif isinstance(change, tuple):
            old, new = change
            text = path.read_text(encoding="utf-8")
            assert old in text, f"the example edits {name}, but {old!r} is not in it"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        else:
            path.write_text(change, encoding="utf-8")
    return docs


def pattern(rule) -> re.Pattern:
    return re.compile(re.escape(rule.message).replace("…", ".*?"))


def page_messages(tmp_path: Path, edits: dict, macros: bool) -> list[str]:
    docs = example_site(tmp_path, edits)
    if macros:
        page = docs / "index.md"
        page.write_text(page.read_text(encoding="utf-8").replace("review_status:", "render_macros: true\n"
                                                                                 "review_status:", 1), encoding="utf-8")
    return [p.message for p in checks.check_site(docs)]


def site_messages(tmp_path: Path, edits: dict) -> list[str]:
    docs = example_site(tmp_path, {})
    site = tmp_path / "site"
    site.mkdir()
    data = docs / "_data"
    data.mkdir()
    files = {"index.html": '<h2 id="first-section">First</h2>',
             "search/search_index.json": '{"docs": [{"location": ""}]}',
             "published-urls.txt": "/\n", "published-anchors.txt": "/#first-section\n"}
    files.update(edits)
    for name, text in files.items():
        if text is None:
            continue  # the example leaves this file out
        target = data / name if name.endswith(".txt") else site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return [p.message for p in site_checks.check(site, docs, "https://example.org/")]


def messages_for(tmp_path: Path, rule, edits: dict) -> list[str]:
    if rule.stage == REPORT:
        return [p.message for p in checks.review_due(example_site(tmp_path, edits))]
    if rule.stage == PAGES:
        # A page that shows facts renders macros, except in the example that shows what happens without it.
        uses_macros = "{{" in str(edits)
        return page_messages(tmp_path, edits, macros=uses_macros and (rule.id != "render-macros-missing"
                                                                      or edits is rule.good))
    return site_messages(tmp_path, edits)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_refuses_its_failing_example(tmp_path, rule):
    found = messages_for(tmp_path, rule, rule.bad)
    assert any(pattern(rule).match(m) for m in found), f"{rule.id}: no message like {rule.message!r} in {found}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_accepts_its_passing_example(tmp_path, rule):
    found = messages_for(tmp_path, rule, rule.good)
    assert not any(pattern(rule).match(m) for m in found), f"{rule.id}: the passing example gave {found}"


def test_the_template_passes_every_check(tmp_path):
    assert checks.check_site(example_site(tmp_path, {})) == []


def test_contributing_has_the_registry_table():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("<!-- messages table -->") + len("<!-- messages table -->")
    end = text.index("<!-- end of messages table -->")
    assert text[start:end].strip() == table(), (
        "CONTRIBUTING.md's table of messages differs from content_checks/registry.py. Replace it with the output "
        "of: python -m content_checks --rules-table")


def test_every_rule_links_to_a_contributing_section():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    ids = set(re.findall(r"<a id=\"([\w-]+)\"></a>", text))
    missing = sorted({r.section for r in RULES} - ids)
    assert not missing, f"CONTRIBUTING.md has no section with these ids: {missing}"


def test_every_message_in_the_code_is_registered():
    """Each Problem message the checks can write matches a registered rule (… stands for what changes)."""
    unregistered = []
    for source in sorted((ROOT / "content_checks").glob("*.py")):
        for match in re.finditer(r"Problem\([^,]+,\s*[^,]+,\s*f?\"((?:[^\"\\]|\\.){12,})",
                                 source.read_text(encoding="utf-8")):
            literal = re.sub(r"\{[^{}]*\}", "…", match.group(1).replace('\\"', '"'))
            if len(literal.split("…")[0]) < 8:
                continue  # starts with a placeholder, like the marketing and suicide-wording labels
            as_pattern = re.compile(re.escape(literal).replace("…", ".*?"))
            if not any(as_pattern.match(r.message) or pattern(r).match(literal) for r in RULES):
                unregistered.append(f"{source.name}: {literal}")
    assert not unregistered, "messages with no rule in content_checks/registry.py:\n" + "\n".join(unregistered)
