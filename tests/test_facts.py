"""One fact, one place: the data in docs/_data/, its checks (each with a bad input and the exact
message staff see), and the build showing each fact's current text on every page that calls it."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from test_content_checks import GOOD_FRONT_MATTER
from content_checks import checks
from content_checks import data as site_data
from content_checks.page import plain
from content_checks.paths import built_file, url_of
from content_checks.paths import pages as docs_pages

FRONT = GOOD_FRONT_MATTER.replace("review_status:", "render_macros: true\nreview_status:").replace(
    "https://doi.org/10.1001/jamapsychiatry.2019.1189", "https://doi.org/10.1111/bcp.12264") + """
# A test page

!!! summary "In short"
    This page is fine. It has a short summary.

## What it is { #what-it-is }

"""
SOURCES = """
??? quote "Sources for this page"

    <div markdown data-search-exclude>

    ///Footnotes Go Here///

    </div>
"""
REFERENCES = """\
rolan2014:
  list: studies
  by: "Rolan P, et al."
  title: "The absolute bioavailability of racemic ketamine from a novel sublingual formulation."
  published: "*Br J Clin Pharmacol*. 2014."
  link: "https://doi.org/10.1111/bcp.12264"
  label: "doi:10.1111/bcp.12264"
"""
FACTS = """\
# Facts shown on more than one page.
sublingual-bioavailability:
  text: "Under the tongue, about 29 in 100 parts of a dose reach the blood.[^rolan2014]"
  detect:
    - '29 in 100 parts'
"""


def tree(tmp_path: Path, body: str, facts: str = FACTS, sources: str = SOURCES, **data_files: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "index.md").write_text(FRONT + body + sources, encoding="utf-8")
    (docs / "_data" / "facts.yml").write_text(facts, encoding="utf-8")
    (docs / "_data" / "references.yml").write_text(REFERENCES, encoding="utf-8")
    for name, text in data_files.items():
        (docs / "_data" / f"{name}.yml").write_text(text, encoding="utf-8")
    return docs


def messages(docs: Path) -> list[str]:
    return [str(p) for p in checks.check_pages(docs)]


def test_a_page_that_shows_a_fact_through_its_macro_passes(tmp_path):
    assert messages(tree(tmp_path, 'It soaks in slowly. {{ fact("sublingual-bioavailability") }}\n')) == []


def test_a_figure_typed_by_hand_that_the_facts_keep(tmp_path):
    body = "Under the tongue, about 29 in 100 parts of a dose reach the blood.[^rolan2014]\n"
    assert messages(tree(tmp_path, body)) == [
        "docs/index.md, line 19: This types by hand a figure kept in the facts: \"29 in 100 parts\" "
        "(fact \"sublingual-bioavailability\"). [fact-typed-by-hand]\n"
        "    How to fix: replace the sentence with {{ fact(\"sublingual-bioavailability\") }}, which shows: "
        "\"Under the tongue, about 29 in 100 parts of a dose reach the blood.[^rolan2014]\" (edit it in "
        "docs/_data/facts.yml, line 2). The page needs 'render_macros: true' in its front matter. "
        "See CONTRIBUTING.md, section 'Facts shown on several pages'."]


def test_a_figure_retyped_in_other_words_is_caught_by_its_figures(tmp_path):
    """Figures, not phrases: the fact's figure with its unit ("29 in 100" is "29%") near its subject words."""
    body = "Under the tongue, roughly 29% of the tablet gets into your blood.[^rolan2014]\n"
    assert messages(tree(tmp_path, body)) == [
        "docs/index.md, line 19: This types by hand a figure kept in the facts: \"29 in 100\" "
        "(fact \"sublingual-bioavailability\"). [fact-typed-by-hand]\n"
        "    How to fix: replace the sentence with {{ fact(\"sublingual-bioavailability\") }}, which shows: "
        "\"Under the tongue, about 29 in 100 parts of a dose reach the blood.[^rolan2014]\" (edit it in "
        "docs/_data/facts.yml, line 2). The page needs 'render_macros: true' in its front matter. "
        "See CONTRIBUTING.md, section 'Facts shown on several pages'."]


def test_a_different_figure_on_purpose_is_marked_and_passes(tmp_path):
    body = "Under the tongue, 29% of a tablet reached the blood in one small study.[^rolan2014]"
    assert [m.split(": ")[1] for m in messages(tree(tmp_path / "unmarked", body + "\n"))] == [
        "This types by hand a figure kept in the facts"]
    assert messages(tree(tmp_path / "marked", body + " <!-- own figure -->\n")) == []


def test_the_same_number_with_another_unit_is_not_the_fact(tmp_path):
    body = "Under the tongue, the dose took 29 minutes to reach the blood.[^rolan2014]\n"
    assert messages(tree(tmp_path, body)) == []


def test_a_grid_answer_that_retypes_a_fact_is_caught(tmp_path):
    """The grid once kept its own copy of a fact's figure: changing the fact left the grid saying the old one."""
    options = ('options:\n- id: "kap"\n  label: "KAP"\n  about: "ketamine with therapy."\n'
               'questions:\n- id: "speed"\n  label: "How fast?"\n'
               'answers:\n  speed:\n    kap:\n      short: "Under the tongue, 29 in 100 parts of a dose reach the blood.'
               '[^rolan2014]"\n')
    found = [m for m in messages(tree(tmp_path, "Plain words here.[^rolan2014]\n", options=options))
             if "[answer-typed-fact]" in m]
    assert found == [
        "docs/_data/options.yml, line 11: This answer types by hand a figure kept in the facts: \"29 in 100 parts\" "
        "(fact \"sublingual-bioavailability\"). [answer-typed-fact]\n"
        "    How to fix: show the fact instead, on its own: 'short: {fact: sublingual-bioavailability}' (it shows: "
        "\"Under the tongue, about 29 in 100 parts of a dose reach the blood.[^rolan2014]\"; edit it in "
        "docs/_data/facts.yml, line 2). If the fact is too long for the grid, shorten it there, for every page."]


def test_an_unknown_fact(tmp_path):
    body = 'It soaks in. {{ fact("sublingual-bioavailabilty") }}[^rolan2014]\n'
    assert messages(tree(tmp_path, body)) == [
        "docs/index.md, line 19: There is no fact \"sublingual-bioavailabilty\" in docs/_data/facts.yml. [fact-unknown]\n"
        "    How to fix: check the spelling against docs/_data/facts.yml; the ids are the names before the colons "
        "at the start of its entries."]


def test_a_fact_that_cites_a_source_the_references_file_lacks(tmp_path):
    facts = FACTS.replace("[^rolan2014]", "[^rolan2041]")
    body = 'It soaks in slowly. {{ fact("sublingual-bioavailability") }}\n'
    found = messages(tree(tmp_path, body, facts=facts))
    assert found[0] == (
        "docs/_data/facts.yml, line 3: This text cites [^rolan2041], but docs/_data/references.yml has no source "
        "with that key. [source-unknown]\n"
        "    How to fix: check the key's spelling against docs/_data/references.yml, or add the source there "
        "(CONTRIBUTING.md, 'How to cite').")
    assert "line 19: The source [^rolan2041] is cited here" in found[-1]  # and where a page shows it


def test_a_page_with_facts_but_without_render_macros(tmp_path):
    docs = tree(tmp_path, 'It soaks in slowly. {{ fact("sublingual-bioavailability") }}\n')
    page = docs / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("render_macros: true\n", ""), encoding="utf-8")
    assert [m for m in messages(docs) if "[render-macros-missing]" in m] == [(
        "docs/index.md, line 18: This line has template braces ({{ or {%), but the page does not render macros, so "
        "they would print as typed. [render-macros-missing]\n"
        "    How to fix: to show data here, add the line 'render_macros: true' to the front matter (between the "
        "'---' lines); to show the braces themselves, ask an engineer.")]


def test_a_fact_with_a_number_but_no_citation(tmp_path):
    facts = FACTS.replace(".[^rolan2014]", ".")
    assert messages(tree(tmp_path, "Plain words here.[^rolan2014]\n", facts=facts)) == [
        "docs/_data/facts.yml, line 3: This has a number but no citation: \"Under the tongue, about 29 in 100 "
        "parts of a dose reach the blood.\" [uncited-number]\n"
        "    How to fix: add a footnote to the source at the end of the same sentence, like '...within 24 "
        "hours.[^murrough2013]', and define it at the end of the page: '[^murrough2013]: Murrough JW, et al. ... "
        "[PMID 23982301](https://pubmed.ncbi.nlm.nih.gov/23982301/)'. If the number is a phone number or not a "
        "health claim, ask a maintainer to add it to NOT_CLAIMS in content_checks/rules.py."]


def test_a_colon_inside_an_unquoted_text(tmp_path):
    facts = "spravato-monitoring:\n  text: Watched for 2 hours: by staff.[^rolan2014]\n"
    assert messages(tree(tmp_path, "Plain words here.[^rolan2014]\n", facts=facts)) == [
        "docs/_data/facts.yml, line 2: This line is not valid YAML (mapping values are not allowed here). [data-not-yaml]\n"
        "    How to fix: a colon (:) inside a text makes YAML read it as a new key. Put the whole text in double "
        "quotes, like 'text: \"Spravato: a nasal spray\"'."]


def test_a_tab_in_the_data(tmp_path):
    facts = "spravato-monitoring:\n\ttext: \"Watched.\"\n"
    assert messages(tree(tmp_path, "Plain words here.[^rolan2014]\n", facts=facts)) == [
        "docs/_data/facts.yml, line 2: This line is not valid YAML (while scanning for the next token found "
        "character '\\t' that cannot start any token). [data-not-yaml]\n"
        "    How to fix: YAML does not allow tabs. Indent with spaces only (2 spaces for each level)."]


def test_a_misspelt_key_in_the_data(tmp_path):
    facts = FACTS.replace("  text:", "  txt:")
    result = messages(tree(tmp_path, "Plain words here.[^rolan2014]\n", facts=facts))
    assert result == [
        "docs/_data/facts.yml, line 2: This entry has no 'text'. [data-missing-key]\n"
        "    How to fix: add it, like the entries around it.",
        "docs/_data/facts.yml, line 3: 'txt' is not a key this entry can have (did you mean 'text'?). "
        "[data-unknown-key]\n"
        "    How to fix: write 'text' if that is what you meant; otherwise remove the key."]


def test_an_answer_that_names_a_fact_that_does_not_exist(tmp_path):
    routes = """\
questions:
  - id: absorbed
    label: How much reaches the blood?
at_a_glance: absorbed
routes:
  - id: sublingual
    name: Under the tongue
    page: routes/sublingual.md
    answers:
      absorbed: {fact: sublingual-bioavailibility}
"""
    assert messages(tree(tmp_path, "Plain words here.[^rolan2014]\n", routes=routes)) == [
        "docs/_data/routes.yml, line 10: There is no fact \"sublingual-bioavailibility\" in docs/_data/facts.yml. [fact-unknown]\n"
        "    How to fix: check the spelling against docs/_data/facts.yml; the ids are the names before the colons at "
        "the start of its entries."]


def test_a_note_typed_by_hand_and_a_source_with_no_entry(tmp_path):
    body = "It soaks in.[^rolan2014] It is slow.[^nobody]\n"
    sources = SOURCES + "\n[^rolan2014]: Again. [doi:10.1111/bcp.12264](https://doi.org/10.1111/bcp.12264)\n"
    assert messages(tree(tmp_path, body, sources=sources)) == [
        "docs/index.md, line 19: The source [^nobody] is cited here, but docs/_data/references.yml has no source with "
        "that key, so it would print as '[^nobody]'. [footnote-undefined]\n"
        "    How to fix: check the key's spelling against docs/_data/references.yml (the keys are the names before "
        "the colons), or add the source there (CONTRIBUTING.md, 'How to cite').",
        "docs/index.md, line 29: This line types the note of [^rolan2014] by hand; notes come from "
        "docs/_data/references.yml. [footnote-typed-by-hand]\n"
        "    How to fix: delete this line. If the source is not in docs/_data/references.yml yet, add it there once "
        "(CONTRIBUTING.md, 'How to cite'); every page that cites [^rolan2014] then shows the same note."]


def test_the_real_data_files_are_valid():
    data = site_data.load(ROOT / "docs")
    assert data.problems == [], "\n".join(map(str, data.problems))
    assert data.facts and data.glossary and data.routes and data.options


def visible_text(site: Path, url: str) -> str:
    """A built page's words, without the meanings a term shows on tap (page_markup.py)."""
    soup = BeautifulSoup(built_file(site, url).read_text(encoding="utf-8"), "html.parser")
    for meaning in soup.select(".term-def"):
        meaning.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" "))


def test_every_page_that_shows_a_fact_shows_its_current_text(site):
    """The build renders each {{ fact() }} from the data: the session build shows each fact's current text on
    every page that calls it (so changing the entry changes every page, with no second build)."""
    docs = ROOT / "docs"
    data = site_data.load(docs)
    missing = []
    for inside, path in docs_pages(docs).items():
        url = url_of(inside)
        for fact_id in sorted(set(re.findall(r"fact\(\s*[\"']([^\"']+)", path.read_text(encoding="utf-8")))):
            words = plain(data.fact(fact_id)).split()[:6]  # the opening words: terms later may gain a meaning
            if " ".join(words) not in visible_text(site, url):
                missing.append(f"{url} does not show fact {fact_id}: {' '.join(words)}")
    assert not missing, "\n".join(missing)


def test_every_note_is_written_from_the_references_file(site):
    """Each page's notes are the sources it cites, each with the text and link of its one entry in
    docs/_data/references.yml (the short form on /compare/), numbered in the order they are cited."""
    from content_checks.render import IDENTIFIER_LINKS, citation

    data = site_data.load(ROOT / "docs")
    wrong = []
    for inside in docs_pages(ROOT / "docs"):
        soup = BeautifulSoup(built_file(site, url_of(inside)).read_text(encoding="utf-8"), "html.parser")
        notes = soup.select(".footnote ol > li")
        cited = list(dict.fromkeys(a["href"].removeprefix("#fn:") for a in soup.select("a.footnote-ref")))
        if [li["id"].removeprefix("fn:") for li in notes] != cited:
            wrong.append(f"{url_of(inside)}: notes are not in the order they are cited")
        for li in notes:
            key = li["id"].removeprefix("fn:")
            source = data.sources[key]
            short = inside == "compare.md" and source.short
            on_references = inside == "compare.md" and not source.link.startswith(IDENTIFIER_LINKS)
            link = li.select_one(f'a[href$="references/{source.list}/#{key}"]' if on_references else
                                 f'a[href="{source.link}"]')
            expected = plain(citation(source, short=bool(short))).split(" [")[0].split()[:4]
            if not link or " ".join(expected) not in re.sub(r"\s+", " ", li.get_text(" ")):
                wrong.append(f"{url_of(inside)}: the note {li['id']} is not its references.yml entry")
    assert not wrong, "\n".join(wrong)
