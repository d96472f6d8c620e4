"""Every registered rule (content_checks/registry.py): its failing example reports it at the file and line
it names, its passing example does not, every rule is reported by some check, and CONTRIBUTING's table of
messages is the one the registry makes."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from conftest import ROOT
from content_checks import checks, languages, search_index, site_checks
from content_checks.problems import Problem
from content_checks.registry import INDEX, PAGES, REFERENCES, REPORT, RULES, SPANISH, SPANISH_REPORT, report, table

TEMPLATE = ROOT / "templates" / "new-page.md"
TEMPLATE_ES = ROOT / "templates" / "new-page.es.md"  # its translation, as staff start a Spanish page
REFERENCE = """---
title: Studies
description: The studies this site cites, for the checks of a small example site.
last_reviewed: 2026-11-30
next_review: 2027-05-30
render_macros: true
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

{{ reference_list("studies") }}
"""


def example_site(tmp_path: Path, edits: dict) -> Path:
    """A small docs/ tree: the new-page template as the home page, and a reference list."""
    docs = tmp_path / "docs"
    (docs / "references").mkdir(parents=True)
    (docs / "index.md").write_text(TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "references" / "studies.md").write_text(REFERENCE, encoding="utf-8")
    (docs / "_data").mkdir()
    (docs / "_data" / "references.yml").write_text(REFERENCES, encoding="utf-8")
    apply_edits(docs, edits)
    return docs


def apply_edits(root: Path, edits: dict) -> None:
    """An example's edits under `root`: {path: new text or bytes}, or {path: (old, new)} to change a file."""
    for name, change in edits.items():
        path = root / name
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


def spanish_site(tmp_path: Path, edits: dict) -> Path:
    """The small site with its Spanish edition: docs-es/ holds the Spanish template (recording the English
    version of docs/index.md) and a Spanish reference list. Edits are {path inside the project: text}, or
    (old, new) to change a file."""
    docs = example_site(tmp_path, {})
    spanish = tmp_path / "docs-es"
    (spanish / "references").mkdir(parents=True)
    version = languages.english_version(spanish, "index.md")
    (spanish / "index.md").write_text(TEMPLATE_ES.read_text(encoding="utf-8").replace("0123456789ab", version),
                                      encoding="utf-8")
    reference = REFERENCE.replace("# Studies", '# Estudios\n\n{{ translation_note("references/studies.md") }}', 1)
    reference = reference.replace('!!! summary "In short"\n    These are the studies. Each has a link.',
                                  '!!! summary "En resumen"\n    Estos son los estudios. Cada uno tiene su enlace.')
    reference = reference.replace("search:", "translation:\n  english_version: "
                                  f"{languages.english_version(spanish, 'references/studies.md')}\n"
                                  "  translated: 2026-11-30\nsearch:")
    (spanish / "references" / "studies.md").write_text(reference, encoding="utf-8")
    apply_edits(tmp_path, edits)
    return spanish


def pattern(rule) -> re.Pattern:
    return re.compile(re.escape(rule.message).replace("…", ".*?"))


def page_problems(tmp_path: Path, edits: dict, macros: bool) -> list[Problem]:
    docs = example_site(tmp_path, edits)
    if macros:
        page = docs / "index.md"
        page.write_text(page.read_text(encoding="utf-8").replace("review_status:", "render_macros: true\n"
                                                                                 "review_status:", 1), encoding="utf-8")
    return checks.check_pages(docs)


def site_problems(tmp_path: Path, edits: dict) -> list[Problem]:
    docs = example_site(tmp_path, {})
    site = tmp_path / "site"
    site.mkdir()
    data = docs / "_data"
    files = {"index.html": '<h2 id="first-section">First</h2>',
             "published-urls.txt": "/\n", "published-anchors.txt": "/#first-section\n"}
    files.update(edits)
    for name, text in files.items():
        if text is None:
            continue  # the example leaves this file out
        target = data / name if name.endswith(".txt") else site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return site_checks.check_built_site(site, docs, "https://example.org/")


def index_problems(tmp_path: Path, edits: dict) -> list[Problem]:
    """A search index as Pagefind writes one, for the example site's one page, with the example's edits."""
    docs = example_site(tmp_path, {})
    site = tmp_path / "site"
    files = {"pagefind/pagefind-entry.json": "{}", "pagefind/pagefind.js": "//", "pagefind/pagefind-worker.js": "//",
             "pagefind/fragment/home.pf_fragment": 'pagefind_dcd{"url": "/"}'}
    files.update(edits)
    for name, text in files.items():
        if text is None:
            continue
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(gzip.compress(data) if name.endswith(".pf_fragment") and text.startswith("pagefind") else data)
    return search_index.check(site, docs)


def problems_for(tmp_path: Path, rule, edits: dict) -> list[Problem]:
    if rule.stage == SPANISH:
        return checks.check_pages(spanish_site(tmp_path, edits))
    if rule.stage == SPANISH_REPORT:
        return checks.review_due(spanish_site(tmp_path, edits))
    if rule.stage == REPORT:
        return checks.review_due(example_site(tmp_path, edits))
    if rule.stage == PAGES:
        # A page that shows facts renders macros, except in the example that shows what happens without it.
        uses_macros = "{{" in str(edits)
        return page_problems(tmp_path, edits, macros=uses_macros and (rule.id != "render-macros-missing"
                                                                      or edits is rule.good))
    if rule.stage == INDEX:
        return index_problems(tmp_path, edits)
    return site_problems(tmp_path, edits)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_refuses_its_failing_example(tmp_path, rule):
    found = problems_for(tmp_path, rule, rule.bad)
    assert (rule.id, *rule.at) in [(p.rule, p.file, p.line) for p in found], (
        f"{rule.id}: expected at {rule.at}; found:\n" + "\n".join(map(str, found)))


WITH_GOOD = [r for r in RULES if r.good]  # the others' passing example is the template itself (test below)


@pytest.mark.parametrize("rule", WITH_GOOD, ids=[r.id for r in WITH_GOOD])
def test_each_rule_accepts_its_passing_example(tmp_path, rule):
    found = problems_for(tmp_path, rule, rule.good)
    assert rule.id not in [p.rule for p in found], f"{rule.id}: the passing example gave {found}"


def test_the_template_passes_every_check(tmp_path):
    assert checks.check_pages(example_site(tmp_path, {})) == []


def test_the_spanish_template_passes_every_check(tmp_path):
    """templates/new-page.es.md, the translation of templates/new-page.md, passes the Spanish edition's checks
    and is not listed as behind its English page."""
    spanish = spanish_site(tmp_path, {})
    assert checks.check_pages(spanish) == []
    assert checks.review_due(spanish) == []


def test_contributing_has_the_registry_table():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("<!-- messages table -->") + len("<!-- messages table -->")
    end = text.index("<!-- end of messages table -->")
    assert text[start:end].strip() == table(), (
        "CONTRIBUTING.md's table of messages differs from content_checks/registry.py. Replace it with the output "
        "of: python -m content_checks --rules-table (it writes the table)")


def test_every_rule_links_to_a_contributing_section():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    ids = set(re.findall(r"<a id=\"([\w-]+)\"></a>", text))
    missing = sorted({r.section for r in RULES} - ids)
    assert not missing, f"CONTRIBUTING.md has no section with these ids: {missing}"


def test_every_rule_is_reported_by_the_code_and_every_report_names_a_rule():
    """Checks report through registry.report(rule_id, …): each id they name is registered, and each rule's
    id stands in the checks' code (a rule no code reports would be a promise the checks do not keep)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "content_checks").glob("*.py"))
                     if p.name != "registry.py")
    ids = {rule.id for rule in RULES}
    named = set(re.findall(r"(?:report|FrontMatterError)\(\s*\"([a-z0-9-]+)\"", code))
    assert named - ids == set(), f"reported but not registered: {sorted(named - ids)}"
    literals = set(re.findall(r"\"([a-z0-9]+(?:-[a-z0-9]+)*)\"", code))
    assert ids - literals == set(), f"registered but never reported: {sorted(ids - literals)}"


def test_no_message_is_written_outside_the_registry():
    """A Problem is made only by registry.report, so each message template exists in one place."""
    for source in sorted((ROOT / "content_checks").glob("*.py")):
        if source.name in ("registry.py", "problems.py"):
            continue
        assert "Problem(" not in source.read_text(encoding="utf-8"), f"{source.name} builds a Problem itself"


def test_golden_messages():
    """A few whole messages, as staff see them."""
    problem = report("uncited-number", "docs/x.md", 3, text="It helps 7 in 10.")
    assert str(problem) == (
        "docs/x.md, line 3: This has a number but no citation: \"It helps 7 in 10.\" [uncited-number]\n"
        "    How to fix: add a footnote to the source at the end of the same sentence, like '...within 24 hours."
        "[^murrough2013]', and define it at the end of the page: '[^murrough2013]: Murrough JW, et al. ... "
        "[PMID 23982301](https://pubmed.ncbi.nlm.nih.gov/23982301/)'. If the number is a phone number or not a "
        "health claim, ask a maintainer to add it to NOT_CLAIMS in content_checks/rules.py.")
    problem = report("grid-answer-missing", "docs/_data/options.yml", 9, option="kap", question="cost")
    assert str(problem) == (
        "docs/_data/options.yml, line 9: The option 'kap' has no answer to the question 'cost', so its cell in the "
        "grid would be empty. [grid-answer-missing]\n"
        "    How to fix: add 'kap:' with a 'short:' answer under 'cost:'; if nothing is known, say so: 'Not known: "
        "no study has measured this.' with a source.")
    with pytest.raises(KeyError):
        report("grid-answer-missing", "docs/_data/options.yml", 9, option="kap")  # a value the message needs
