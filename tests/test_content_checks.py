"""Each content check, proven with a bad input and the exact message staff will see."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build
from content_checks import checks, contract
from content_checks.registry import REFERENCES

GOOD_FRONT_MATTER = """\
---
title: A test page
description: A plain description of this test page for the checks.
last_reviewed: 2026-11-22
next_review: 2027-05-22
review_status: clinical-review-pending
sources:
  - https://doi.org/10.1001/jamapsychiatry.2019.1189
---
"""
GOOD_BODY = """\

# A test page

!!! summary "In short"
    This page is fine. It has a short summary.

## What it is { #what-it-is }

Some people feel better in a day.[^daly2019] You can read [the other page](other.md#details).

??? quote "Sources for this page"

    <div markdown data-search-exclude>

    ///Footnotes Go Here///

    </div>
"""
OTHER = GOOD_FRONT_MATTER + """\

# Other page

!!! summary "In short"
    This is the other page. It is short too.

## Details { #details }

Here are the details. They are plain.
"""


def docs_tree(tmp_path: Path, page: str) -> Path:
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "_data" / "references.yml").write_text(REFERENCES, encoding="utf-8")
    (docs / "index.md").write_text(page, encoding="utf-8")
    (docs / "other.md").write_text(OTHER, encoding="utf-8")
    return docs


def messages(docs: Path) -> list[str]:
    return [str(p) for p in checks.check_pages(docs)]


def test_a_good_page_has_no_problems(tmp_path):
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)) == []


def test_the_real_site_passes_every_content_check():
    problems = checks.check_pages(ROOT / "docs")
    assert problems == [], f"{len(problems)} content problem(s):\n" + "\n".join(map(str, problems))


def test_missing_description(tmp_path):
    page = GOOD_FRONT_MATTER.replace("description: A plain description of this test page for the checks.\n", "")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 1: The front matter has no 'description'. [front-matter-missing-key]\n"
        "    How to fix: add one plain sentence of at most 160 characters, like "
        "'description: What esketamine is, who it is for and its risks.'"]


def test_description_too_long(tmp_path):
    page = GOOD_FRONT_MATTER.replace("for the checks.", "for the checks." + " More words." * 20)
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 3: The description is 293 characters long; the limit is 160 (search engines cut the rest). [description-too-long]\n"
        "    How to fix: add one plain sentence of at most 160 characters, like "
        "'description: What esketamine is, who it is for and its risks.'"]


def test_bad_date(tmp_path):
    page = GOOD_FRONT_MATTER.replace("last_reviewed: 2026-11-22", "last_reviewed: 22/11/2026")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 4: 'last_reviewed: 22/11/2026' is not a date in the form YYYY-MM-DD. [front-matter-not-a-date]\n"
        "    How to fix: write the date of the last full review as YYYY-MM-DD, like 'last_reviewed: 2026-11-22'."]


def test_next_review_before_last_review(tmp_path):
    page = GOOD_FRONT_MATTER.replace("next_review: 2027-05-22", "next_review: 2026-01-01")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 5: next_review must be after last_reviewed. [review-dates-order]\n"
        "    How to fix: write the date the next review is due as YYYY-MM-DD, like 'next_review: 2027-05-22'."]


def test_unknown_review_status(tmp_path):
    page = GOOD_FRONT_MATTER.replace("review_status: clinical-review-pending", "review_status: approved")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 6: 'review_status: approved' is not one of the allowed review statuses. [review-status]\n"
        "    How to fix: use one of: draft, content-reviewed, clinical-review-pending, clinically-reviewed."]


def test_reviewer_without_clinical_review(tmp_path):
    page = GOOD_FRONT_MATTER.replace("sources:", "reviewer: Dr Example\nsources:")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 7: A reviewer is named but review_status is not clinically-reviewed. "
        "[reviewer-without-review]\n"
        "    How to fix: name the clinician only when 'review_status: clinically-reviewed', like "
        "'reviewer: Jane Doe, MD (psychiatry)'. Otherwise remove the 'reviewer' line."]


def test_source_that_is_not_an_identifier(tmp_path):
    page = GOOD_FRONT_MATTER.replace("  - https://doi.org/10.1001/jamapsychiatry.2019.1189", "  - a blog post")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 7: 'sources' is not right: 'a blog post' is not a DOI, a PMID or an https:// address. "
        "[source-not-identifier]\n"
        "    How to fix: list each source on its own line under 'sources:', as '- doi:10.xxxx/...', "
        "'- pmid:12345678' or '- https://...'."]


def test_number_without_citation(tmp_path):
    body = GOOD_BODY.replace("Here", "Here").replace(
        "You can read", "About 7 in 10 people responded. You can read")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: This has a number but no citation: \"About 7 in 10 people responded.\" [uncited-number]\n"
        "    How to fix: add a footnote to the source at the end of the same sentence, like "
        "'...within 24 hours.[^murrough2013]', and define it at the end of the page: "
        "'[^murrough2013]: Murrough JW, et al. ... [PMID 23982301](https://pubmed.ncbi.nlm.nih.gov/23982301/)'. "
        "If the number is a phone number or not a health claim, ask a maintainer to add it to "
        "NOT_CLAIMS in content_checks/rules.py."]


def test_marketing_claim(tmp_path):
    body = GOOD_BODY.replace("You can read", "Ketamine is a cure. You can read")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: Marketing claim \"cure\": ketamine does not cure depression; its benefits "
        "usually fade in days to weeks. [marketing-claim]\n"
        "    How to fix: say it plainly instead, like 'It can ease symptoms for a while in some people.'"]


def test_unsafe_suicide_wording(tmp_path):
    body = GOOD_BODY.replace("You can read", "Her friend committed suicide. You can read")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: Unsafe wording about suicide \"committed suicide\": 'committed suicide' "
        "suggests a crime or sin. [suicide-wording]\n"
        "    How to fix: say it plainly instead, like 'died by suicide' or 'took their own life'."]


def test_misspelling(tmp_path):
    body = GOOD_BODY.replace("You can read", "You recieve care. You can read")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: Possible misspelling \"recieve\". [misspelling]\n"
        "    How to fix: write \"receive\". If \"recieve\" is right (a medical word), add it on its own line "
        "to content_checks/words.txt."]


def test_reading_grade_too_high(tmp_path):
    hard = ("Pharmacokinetic considerations substantially complicate interindividual comparisons "
            "of bioavailability characteristics.[^daly2019]")
    body = GOOD_BODY.replace("Some people feel better in a day.[^daly2019]", hard)
    found = messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body))
    assert found[0].startswith("docs/index.md, line 1: The reading grade is ")
    assert found[0].endswith("this page's limit is 8. [reading-grade]\n    How to fix: use shorter sentences and "
                             "everyday words. The longest sentences are on lines 18, 14.")


def test_missing_summary(tmp_path):
    body = GOOD_BODY.replace('!!! summary "In short"\n    This page is fine. It has a short summary.\n', "")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 1: The page has no \"In short\" summary before its first section. [no-summary]\n"
        "    How to fix: right after the '# Title' line, add:\n"
        "!!! summary \"In short\"\n    Two or three short sentences that answer the page's question."]


def test_broken_link(tmp_path):
    body = GOOD_BODY.replace("(other.md#details)", "(othr.md)")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: The link \"othr.md\" points to a page that does not exist. [link-missing-page]\n"
        "    How to fix: check the spelling and the folder; from index.md the existing pages are listed in "
        "mkdocs.yml under 'nav:'."]


def test_broken_anchor(tmp_path):
    body = GOOD_BODY.replace("(other.md#details)", "(other.md#detail)")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: The link \"other.md#detail\" points to a section \"#detail\" that does not exist "
        "in docs/other.md. [link-missing-section]\n"
        "    How to fix: use one of that page's section ids, written after its headings like "
        "'## Side effects { #side-effects }'."]


def test_a_source_without_its_link(tmp_path):
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)
    references = docs / "_data" / "references.yml"
    references.write_text(re.sub(r"  link: .*\n", "", references.read_text(encoding="utf-8")), encoding="utf-8")
    assert messages(docs) == [
        "docs/_data/references.yml, line 1: This entry has no 'link'. [data-missing-key]\n"
        "    How to fix: add it, like the entries around it."]


def test_sources_outside_the_sources_box(tmp_path):
    body = GOOD_BODY.replace('??? quote "Sources for this page"\n\n    <div markdown data-search-exclude>\n\n'
                             '    ///Footnotes Go Here///\n\n    </div>\n', "")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 20: This page's sources are not inside a \"Sources for this page\" box. "
        "[sources-box-missing]\n"
        "    How to fix: at the end of the page, copy these lines from templates/new-page.md: "
        "'??? quote \"Sources for this page\"', then (each after an empty line, with four spaces first) "
        "'<div markdown data-search-exclude>', '///Footnotes Go Here///' and '</div>'."]


def test_sources_box_without_sources(tmp_path):
    body = GOOD_BODY.replace("[^daly2019]", "")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/_data/references.yml, line 1: The source 'daly2019' is cited on no page. [source-uncited]\n"
        "    How to fix: cite it where it supports a sentence, or delete its entry (a source no page cites would sit "
        "in the lists for nothing).",
        "docs/index.md, line 20: This page has a \"Sources for this page\" box but cites no sources. [sources-box-empty]\n"
        "    How to fix: delete the box (this line and the three lines under it), "
        "or cite a source with a footnote like [^daly2019]."]


def test_removed_published_url(tmp_path):
    site = tmp_path / "site"
    (site / "kept").mkdir(parents=True)
    (site / "kept" / "index.html").write_text("<p>kept</p>")
    listing = tmp_path / "published-urls.txt"
    listing.write_text("# published\n/kept/\n/removed/\n")
    assert [str(p) for p in contract.missing(site, listing)] == [
        "docs/_data/published-urls.txt, line 3: The published address /removed/ no longer exists in the built site. [published-address-missing]\n"
        "    How to fix: if the page moved, add a redirect in mkdocs.yml under 'redirect_maps:', like "
        "'removed.md: new/place.md'. Never delete a published address."]


def test_overdue_review_is_a_warning_not_a_failure(tmp_path):
    page = GOOD_FRONT_MATTER.replace("next_review: 2027-05-22", "next_review: 2027-01-01")
    docs = docs_tree(tmp_path, page + GOOD_BODY)
    import datetime as dt
    due = checks.review_due(docs, today=dt.date(2027, 2, 1))
    assert [str(p) for p in due] == [
        "docs/index.md, line 5: The review of this page was due on 2027-01-01. [page-review-due]\n"
        "    How to fix: review the page against its sources, then update last_reviewed and next_review."]
    assert all(p.warning_only for p in due)
    assert messages(docs) == []  # an overdue review never fails the checks


@pytest.fixture()
def fixture_project(tmp_path) -> Path:
    """A copy of the real project configuration around a two-page docs tree."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            plugin["redirects"]["redirect_maps"] = {}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name in ("overrides", "content_checks", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)
    (docs / "_includes").mkdir()
    (docs / "_includes" / "abbreviations.md").write_text("*[KAP]: Ketamine-assisted psychotherapy.\n")
    (docs / "_data").mkdir(exist_ok=True)
    (docs / "_data" / "published-urls.txt").write_text("/\n/other/\n")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    # The crisis words only: the best bets name pages this small site does not have.
    bets = docs / "assets" / "search" / "best-bets.txt"
    text = bets.read_text(encoding="utf-8")
    bets.write_text(text[:re.search(r"^\[(?!crisis\])", text, re.M).start()], encoding="utf-8")
    return tmp_path


def test_the_build_passes_on_good_pages(fixture_project, tmp_path):
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_the_build_stops_with_the_message_when_a_page_is_wrong(fixture_project, tmp_path):
    page = fixture_project / "docs" / "index.md"
    page.write_text(page.read_text().replace("You can read", "Ketamine is a cure. You can read"))
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/index.md, line 18: Marketing claim \"cure\"" in result.stderr


def test_the_build_stops_when_a_published_url_disappears(fixture_project, tmp_path):
    listing = fixture_project / "docs" / "_data" / "published-urls.txt"
    listing.write_text("/\n/other/\n/old-page/\n")
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/_data/published-urls.txt, line 3: The published address /old-page/ no longer exists" in result.stderr


def test_removed_section_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "compare").mkdir(parents=True)
    (site / "compare" / "index.html").write_text('<h2 id="driving">Can I drive?</h2>')
    listing = tmp_path / "published-anchors.txt"
    listing.write_text("/compare/#driving\n/compare/#cost\n")
    assert [str(p) for p in contract.missing_anchors(site, listing)] == [
        "docs/_data/published-anchors.txt, line 2: The published section link /compare/#cost no longer leads to "
        "its section. [published-section-missing]\n"
        "    How to fix: keep the section's id: write '{ #cost }' after its heading in the page's Markdown, even if "
        "you rename the heading. Never delete a published section link."]


def test_live_preview_leaves_out_the_csp_so_live_reload_works(fixture_project, tmp_path):
    """`mkdocs serve` rewrites site_url to the local address and injects an inline reload script."""
    config = fixture_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("https://ketamine-treatment-guide.github.io/",
                                                 "http://127.0.0.1:8000/"))
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Content-Security-Policy" not in (tmp_path / "out" / "index.html").read_text()


def test_summary_with_too_many_sentences(tmp_path):
    body = GOOD_BODY.replace("This page is fine. It has a short summary.",
                             "This page is fine. It is short. It is calm. It is kind.")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 13: The \"In short\" summary has 4 sentences. [summary-length]\n"
        "    How to fix: use two or three short sentences."]


def test_sentence_of_25_words_or_more(tmp_path):
    long = "You can ask the clinic " + "and then you can ask again " * 4 + "before you start."
    body = GOOD_BODY.replace("You can read", long + " You can read")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: This sentence has 32 words: \"You can ask the clinic and then you can ask again and then you can ask again an…\" [long-sentence]\n"
        "    How to fix: split it into sentences of fewer than 25 words."]


def test_unknown_front_matter_key(tmp_path):
    page = GOOD_FRONT_MATTER.replace("sources:", "reviewd_by: me\nsources:")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 7: The front matter has an unknown key 'reviewd_by'. [front-matter-unknown-key]\n"
        "    How to fix: check the spelling; the keys are: title, description, last_reviewed, next_review, "
        "review_status, reviewer, sources, tags, reading_grade, search, hide, render_macros."]


def test_page_without_front_matter(tmp_path):
    found = messages(docs_tree(tmp_path, GOOD_BODY.lstrip("\n")))
    assert found[0].startswith(
        "docs/index.md, line 1: The page cannot be read: the page does not start with front matter "
        "(a block between two '---' lines). [front-matter-absent]\n"
        "    How to fix: start the file with a front-matter block like this:\n---\ntitle: ")


def test_tooltips_must_match_the_glossary_data(tmp_path):
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)
    (docs / "_data").mkdir(exist_ok=True)
    (docs / "_data" / "glossary.yml").write_text(
        'rems:\n  term: "REMS"\n  definition: "An FDA safety program."\n  tooltips:\n'
        '    REMS: "An FDA safety program"\n    TRD: "Depression not helped by two treatments"\n')
    (docs / "_includes").mkdir()
    (docs / "_includes" / "abbreviations.md").write_text("*[REMS]: An FDA program\n*[KAP]: Ketamine with therapy\n")
    assert messages(docs) == [
        "docs/_includes/abbreviations.md, line 1: The tooltip for \"REMS\" differs from docs/_data/glossary.yml, "
        "line 5. [tooltip-differs]\n"
        "    How to fix: write this line instead: *[REMS]: An FDA safety program",
        "docs/_includes/abbreviations.md, line 2: The tooltip word \"KAP\" is not in docs/_data/glossary.yml. [tooltip-not-in-glossary]\n"
        "    How to fix: add it to the term it belongs to in docs/_data/glossary.yml, under 'tooltips:', like "
        "'KAP: \"Ketamine with therapy\"', or delete this line.",
        "docs/_includes/abbreviations.md, line 3: The tooltip for \"TRD\" (docs/_data/glossary.yml, line 6) is "
        "missing here. [tooltip-missing]\n"
        "    How to fix: add this line at the end: *[TRD]: Depression not helped by two treatments"]


def test_a_source_the_references_file_does_not_have(tmp_path):
    body = GOOD_BODY.replace("[^daly2019]", "[^daly2018]")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body))[1:] == [
        "docs/index.md, line 18: The source [^daly2018] is cited here, but docs/_data/references.yml has no source "
        "with that key, so it would print as '[^daly2018]'. [footnote-undefined]\n"
        "    How to fix: check the key's spelling against docs/_data/references.yml (the keys are the names before "
        "the colons), or add the source there (CONTRIBUTING.md, 'How to cite')."]


def test_a_note_typed_on_a_page_is_refused(tmp_path):
    body = GOOD_BODY + "\n[^daly2019]: Daly EJ, et al. A different title. [doi](https://doi.org/10.1001/x)\n"
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 28: This line types the note of [^daly2019] by hand; notes come from "
        "docs/_data/references.yml. [footnote-typed-by-hand]\n"
        "    How to fix: delete this line. If the source is not in docs/_data/references.yml yet, add it there once "
        "(CONTRIBUTING.md, 'How to cite'); every page that cites [^daly2019] then shows the same note."]


def test_new_page_missing_from_the_published_list(tmp_path):
    site = tmp_path / "site"
    for folder in ("", "new-page"):
        (site / folder).mkdir(parents=True, exist_ok=True)
        (site / folder / "index.html").write_text("<p>page</p>")
    listing = tmp_path / "published-urls.txt"
    listing.write_text("/\n")
    assert [str(p) for p in contract.unlisted(site, listing)] == [
        "docs/_data/published-urls.txt, line 1: The page /new-page/ is built but not in the list of published "
        "addresses. [page-not-published]\n"
        "    How to fix: add a line '/new-page/' to docs/_data/published-urls.txt."]


# ---- Mistakes staff plausibly make: each is refused with its file, line and fix, never a traceback.

def test_a_page_not_saved_as_utf8(tmp_path):
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)
    (docs / "index.md").write_bytes((GOOD_FRONT_MATTER + GOOD_BODY.replace("plain", "café")).encode("cp1252")
                                    + "\n# Caf\u00e9\n".encode("cp1252"))
    assert messages(docs)[0] == (
        "docs/index.md, line 1: The page cannot be read: the file is not saved as UTF-8 text, so some letters would "
        "show as '�'. [not-utf8]\n"
        "    How to fix: open it in an editor and save it again with the encoding UTF-8 (in Notepad: Save as, "
        "Encoding: UTF-8). The GitHub web editor always saves UTF-8.")


def test_a_date_that_does_not_exist(tmp_path):
    page = GOOD_FRONT_MATTER.replace("last_reviewed: 2026-11-22", "last_reviewed: 2026-11-31")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 4: The page cannot be read: '2026-11-31' is not a real date (day is out of range for "
        "month). [front-matter-impossible-date]\n"
        "    How to fix: write a date that exists, as YYYY-MM-DD, like '2026-11-30'."]


def test_a_colon_in_an_unquoted_title(tmp_path):
    page = GOOD_FRONT_MATTER.replace("title: A test page", "title: Spravato: a test page")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 2: The page cannot be read: the front matter is not valid YAML (mapping values are not "
        "allowed here). [front-matter-not-yaml]\n"
        "    How to fix: a colon (:) inside a text makes YAML read it as a new key. Put the whole text in double "
        "quotes, like 'text: \"Spravato: a nasal spray\"'."]


def test_a_box_written_without_its_space_and_quotes(tmp_path):
    body = GOOD_BODY.replace("Some people feel better", "!!!warning Take care\n\nSome people feel better")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: This box is not written the way boxes must be: \"!!!warning Take care\". [box-syntax]\n"
        "    How to fix: write the marker, one space, the kind of box, and the title in double quotes, like "
        "'!!! warning \"Not for a crisis\"'; put the box's text on the next lines, indented by 4 spaces."]


def test_a_collapsible_safety_box(tmp_path):
    body = GOOD_BODY.replace("Some people feel better", '??? warning "Not for a crisis"\n    Call 988.\n\nSome people feel better')
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 18: This box is collapsible, so readers could miss it and it might not print. [box-collapsible]\n"
        "    How to fix: change '???' to '!!!' so the box is always open. Only the 'Sources for this page' box is "
        "closed."]


def test_a_list_indented_with_a_tab(tmp_path):
    body = GOOD_BODY.replace("Some people feel better", "- A point.\n\t- A sub-point.\n\nSome people feel better")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 19: This line is indented with a tab, so it would show as code. [tab-indent]\n"
        "    How to fix: indent with spaces instead: 4 spaces for each level of a list or a box."]


def test_a_section_heading_without_an_id(tmp_path):
    body = GOOD_BODY.replace("## What it is { #what-it-is }", "## What it is")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        "docs/index.md, line 16: This section heading has no id, so links to it would break if the heading "
        "changed. [heading-without-id]\n"
        "    How to fix: end the heading with a short id in braces, like '## Cost and insurance { #cost }'. Use "
        "lowercase words and hyphens."]


RAW_HTML_FIX = ("    How to fix: remove it. Pages are plain Markdown; a picture goes in docs/assets/ and is linked like "
                "'![What it shows](../assets/picture.png)'. If the page really needs this, ask an engineer.")


@pytest.mark.parametrize("html, shown", [
    ("<script>alert(1)</script>", "<script"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "<iframe"),
    ('<img src="https://example.com/chart.png" alt="A chart">', '<img src="https://'),
    ('<a href="#" onclick="go()">Go</a>', 'onclick="'),
])
def test_raw_html_that_runs_or_loads_something(tmp_path, html, shown):
    body = GOOD_BODY.replace("Some people feel better", f"{html}\n\nSome people feel better")
    assert messages(docs_tree(tmp_path, GOOD_FRONT_MATTER + body)) == [
        f"docs/index.md, line 18: This line has raw HTML that could run code or load something from another site "
        f"(\"{shown}\"). [raw-html]\n" + RAW_HTML_FIX]


def test_a_section_list_for_a_page_that_was_deleted(tmp_path):
    page = GOOD_FRONT_MATTER.replace("review_status:", "render_macros: true\nreview_status:")
    body = GOOD_BODY.replace("Some people feel better", 'Sections: {{ section_links("gone.md") }}\n\nSome people feel better')
    assert messages(docs_tree(tmp_path, page + body)) == [
        "docs/index.md, line 19: section_links(\"gone.md\") names a page that does not exist: docs/gone.md. [section-links-missing-page]\n"
        "    How to fix: if the page moved, write its new file here; if it was deleted, delete this line."]


def test_a_strict_quiet_build_still_stops_on_a_problem(fixture_project, tmp_path):
    page = fixture_project / "docs" / "index.md"
    page.write_text(page.read_text().replace("You can read", "Ketamine is a cure. You can read"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir",
                             str(tmp_path / "out")], cwd=fixture_project, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "docs/index.md, line 18: Marketing claim \"cure\"" in result.stderr
    assert "Traceback" not in result.stderr


def add_redirect(project: Path, old: str, new: str) -> None:
    """The line CONTRIBUTING asks for when a page moves: old: new under redirect_maps in mkdocs.yml."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            plugin["redirects"]["redirect_maps"][old] = new
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))


def test_a_page_moved_as_contributing_says_builds_green(fixture_project, tmp_path):
    """Move other.md to guides/other.md and add the redirect: its published address and section link still work."""
    docs = fixture_project / "docs"
    (docs / "guides").mkdir()
    (docs / "other.md").rename(docs / "guides" / "other.md")
    (docs / "index.md").write_text((docs / "index.md").read_text().replace("(other.md#details)",
                                                                           "(guides/other.md#details)"))
    (docs / "_data" / "published-urls.txt").write_text("/\n/other/\n/guides/other/\n")
    (docs / "_data" / "published-anchors.txt").write_text("/other/#details\n")
    add_redirect(fixture_project, "other.md", "guides/other.md")
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_moved_page_that_lost_a_published_section(fixture_project, tmp_path):
    docs = fixture_project / "docs"
    (docs / "guides").mkdir()
    moved = (docs / "other.md").read_text().replace("{ #details }", "{ #more }")
    (docs / "other.md").unlink()
    (docs / "guides" / "other.md").write_text(moved)
    (docs / "index.md").write_text((docs / "index.md").read_text().replace("(other.md#details)", "(guides/other.md)"))
    (docs / "_data" / "published-urls.txt").write_text("/\n/other/\n/guides/other/\n")
    (docs / "_data" / "published-anchors.txt").write_text("/other/#details\n")
    add_redirect(fixture_project, "other.md", "guides/other.md")
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert ("docs/_data/published-anchors.txt, line 1: The published section link /other/#details no longer leads "
            "to its section: /other/ now redirects to /guides/other/, which has no section '#details'. [published-section-moved]\n"
            "    How to fix: a moved page keeps its section ids: in the page for /guides/other/, write "
            "'{ #details }' after the heading of that section. Never delete a published section link.") in result.stderr


def test_navigation_indented_wrongly_in_mkdocs_yml(tmp_path):
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nnav:\n  - Home: index.md\n   - Other: other.md\n")
    assert messages(docs) == [
        "mkdocs.yml, line 4: This line of mkdocs.yml is not valid YAML (while parsing a block collection expected "
        "<block end>, but found '<block sequence start>'). [config-not-yaml]\n"
        "    How to fix: this line is indented differently from the line above it. Items of one list start with "
        "'- ' at exactly the same column; an item inside a section is indented 4 spaces more than the section's "
        "'- '."]


def test_navigation_that_lists_a_missing_page(tmp_path):
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + GOOD_BODY)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nnav:\n  - Home: index.md\n  - Other: othr.md\n")
    assert messages(docs) == [
        # The misspelt line leaves the real page out of the menu: the two messages together show the slip.
        "docs/other.md, line 1: This page is not in the menu (nav in mkdocs.yml), so readers cannot reach it by "
        "browsing. [page-not-in-menu]\n"
        "    How to fix: add a line for it under 'nav:' in mkdocs.yml, in its section, like '- Short title: "
        "other.md'.",
        "mkdocs.yml, line 4: The menu (nav) lists othr.md, but there is no page docs/othr.md. [nav-missing-page]\n"
        "    How to fix: check the spelling and the folder, or remove this line if the page was moved or deleted "
        "(and add a redirect, see CONTRIBUTING.md)."]


def test_the_pull_request_check_prints_an_annotation_on_the_line(tmp_path, capsys):
    from content_checks.__main__ import main

    body = GOOD_BODY.replace("You can read", "It helps 7 in 10 people. You can read")
    docs = docs_tree(tmp_path, GOOD_FRONT_MATTER + body)
    assert main([str(docs), "--github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    annotation = next(line for line in lines if line.startswith("::"))
    assert annotation == (
        "::error file=docs/index.md,line=18,title=uncited-number::This has a number but no citation: \"It helps 7 "
        "in 10 people.\" How to fix: add a footnote to the source at the end of the same sentence, like '...within "
        "24 hours.[^murrough2013]', and define it at the end of the page: '[^murrough2013]: Murrough JW, et al. ... "
        "[PMID 23982301](https://pubmed.ncbi.nlm.nih.gov/23982301/)'. If the number is a phone number or not a "
        "health claim, ask a maintainer to add it to NOT_CLAIMS in content_checks/rules.py. (rule uncited-number)")
    assert lines[-1] == "1 problem(s) found in the pages."


DATED = ('telehealth-rule:\n  text: "A temporary rule lets doctors prescribe online.[^daly2019]"\n'
         '  check_by: {date}\n  check: "Has the rule been extended? See the Federal Register."\n')


def show_dated_fact(project: Path, check_by: str) -> None:
    """The home page shows a dated fact from facts.yml, as a page shows the telehealth rule."""
    page = project / "docs" / "index.md"
    page.write_text(page.read_text().replace("review_status:", "render_macros: true\nreview_status:", 1)
                    .replace("You can read", '{{ fact("telehealth-rule") }} You can read'))
    (project / "docs" / "_data" / "facts.yml").write_text(DATED.format(date=check_by))


def test_a_dated_fact_past_its_check_by_date_stops_the_build(fixture_project, tmp_path):
    show_dated_fact(fixture_project, "2026-01-31")
    result = build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert ("docs/_data/facts.yml, line 3: A dated fact is past its check-by date: the fact \"telehealth-rule\" had "
            "to be checked again by 2026-01-31. Pages that show it: /. What to check: Has the rule been extended? "
            "See the Federal Register. [dated-fact-past-due]\n"
            "    How to fix: check it at its source; update the text and its citation if it changed; then set "
            "check_by to the next date it must be checked (CONTRIBUTING.md, 'Dated facts').") in result.stderr


def test_review_due_lists_a_dated_fact_due_within_60_days(fixture_project, capsys):
    import datetime as dt

    from content_checks.__main__ import main

    soon = dt.date.today() + dt.timedelta(days=20)
    show_dated_fact(fixture_project, soon.isoformat())
    assert main([str(fixture_project / "docs"), "--review-due"]) == 0
    assert capsys.readouterr().out == (
        f"docs/_data/facts.yml, line 3: A dated fact is due soon: the fact \"telehealth-rule\" must be checked again "
        f"by {soon} (20 days). Pages that show it: /. What to check: Has the rule been extended? See the Federal "
        "Register. [dated-fact-due-soon]\n"
        "    How to fix: check it at its source before that date, update it if it changed, and set the next "
        "check_by.\n1 page(s) or dated fact(s) due for review.\n")
    # Due soon is a report: it never fails the checks.
    assert [p.message for p in checks.check_pages(fixture_project / "docs") if "dated fact" in p.message] == []


def test_a_colon_in_a_tag(tmp_path):
    page = GOOD_FRONT_MATTER.replace("sources:", "tags:\n  - Spravato: driving rules\nsources:")
    assert messages(docs_tree(tmp_path, page + GOOD_BODY)) == [
        "docs/index.md, line 7: 'tags' is not right: a line is not plain text (a colon followed by a space inside it "
        "makes YAML read a key). [front-matter-wrong-value]\n"
        "    How to fix: put that line's text in double quotes, like '- \"Spravato: driving rules\"'."]
