"""Every rule the content checks apply, registered once: its id, its message and fix (templates whose
{names} the check fills in), what it means, the CONTRIBUTING section that explains it, its stage, and a
failing example with where its problem is found (file, line).

Checks never write a message themselves: they call `report(rule_id, file, line, **values)`, so each
message exists here and nowhere else, and every problem carries its rule id, which staff see after the
message and in GitHub annotations. CONTRIBUTING's table of messages is generated from this list
(`python -m content_checks --rules-table`), and tests/test_rules.py runs every example.

Adding a check takes two edits: a Rule here (with its failing example), and the code that calls
report() with its id (see ENGINEERING.md, "How to add a check").

An example is a set of edits to a small site made from templates/new-page.md:
- for the "pages" and "review-due report" stages, {path inside docs/: new text} or {path: (old, new)};
- for the "built site" stage, {path inside the site folder: HTML}, checked with the contract lists;
- for the "search index" stage, {path inside the site folder: text} (a fragment's text is gzip'd, as Pagefind
  writes it), checked by content_checks/search_index.py;
- for the two Spanish stages, {path inside the project: new text} or (old, new), on a site whose docs-es/ holds
  templates/new-page.es.md, the translation of templates/new-page.md.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .problems import Problem

PAGES, SITE, REPORT, INDEX = "pages", "built site", "review-due report", "search index"
# The Spanish edition's checks (translations.py): examples edit a small site with docs/ and docs-es/.
SPANISH, SPANISH_REPORT = "Spanish pages", "Spanish review-due report"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    id: str
    message: str  # what is wrong; {name} is filled in by the check
    fix: str  # what to do, in the same way
    meaning: str  # for CONTRIBUTING's table
    section: str  # CONTRIBUTING.md section id
    bad: dict = field(default_factory=dict)
    at: tuple[str, int] = ("docs/index.md", 1)  # where the failing example's problem is reported
    good: dict = field(default_factory=dict)  # empty: the template itself passes
    stage: str = PAGES

    def fill(self, template: str, values: dict) -> str:
        missing = set(PLACEHOLDER.findall(template)) - set(values)
        if missing:
            raise KeyError(f"rule {self.id} needs {', '.join(sorted(missing))}")
        return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)


T = "index.md"  # the template page inside the example site
FACT = ('pill-share:\n  text: "When swallowed, about 20 in 100 parts of a dose reach the blood.[^daly2019]"\n'
        "  detect:\n    - '20 in 100 parts'\n")
GLOSSARY = 'rems:\n  term: "REMS"\n  definition: "An FDA safety program."\n  tooltips:\n    REMS: "An FDA safety program"\n'
OPTIONS = ('options:\n- id: "infusion"\n  label: "IV infusion"\n  about: "ketamine into a vein."\n'
           'questions:\n- id: "fda-status"\n  label: "Is it FDA-approved?"\n'
           'answers:\n  fda-status:\n    infusion:\n      short: "Off-label.[^daly2019]"\n')
OPTIONS_TWO = ('options:\n- id: "infusion"\n  label: "IV infusion"\n  about: "ketamine into a vein."\n'
               '- id: "kap"\n  label: "KAP"\n  about: "ketamine with therapy."\n'
               'questions:\n- id: "sessions"\n  label: "How many sessions?"\n'
               'answers:\n  sessions:\n    infusion:\n      short: "Often 6.[^daly2019]"\n'
               '    kap:\n      short: "It depends on the practice.[^daly2019]"\n')
ROUTES = ('questions:\n- id: "speed"\n  label: "How fast?"\nat_a_glance: "speed"\n'
          'routes:\n- id: "oral"\n  name: "Pill"\n  page: "index.md"\n  answers:\n    speed: "Slow.[^daly2019]"\n')
REFERENCES = ('daly2019:\n  list: studies\n  by: "Daly EJ, et al."\n  title: "Efficacy of esketamine nasal spray."\n'
              '  published: "*JAMA Psychiatry*. 2019."\n  link: "https://doi.org/10.1001/jamapsychiatry.2019.1189"\n'
              '  label: "doi:10.1001/jamapsychiatry.2019.1189"\n')
DATED_FACT = ('rule-end:\n  text: "A temporary rule lets doctors prescribe online.[^daly2019]"\n'
              '  check_by: 2099-01-01\n  check: "Has the rule been extended? See the Federal Register."\n')
PRICE_FACT = ('iv-price:\n  text: "In 2025, one clinic charged $400 a session.[^daly2019]"\n'
              '  check_by: 2099-01-01\n  check: "The clinic\'s price list."\n')
FACTS_FILE, OPTIONS_FILE = "docs/_data/facts.yml", "docs/_data/options.yml"
COSTS = ('options:\n  infusion:\n    unit: session\n    price:\n'
         '      low: {amount: 400, source: daly2019, kind: company, year: 2025}\n'
         '      typical: {amount: 600, source: daly2019, kind: company, year: 2025}\n'
         '      high: {amount: 800, source: daly2019, kind: company, year: 2025}\n'
         '      said: "one clinic"\n      check_by: 2099-01-01\n      check: "The clinic\'s price list."\n'
         '    course:\n      sessions: 6\n      text: "Up to 6 sessions.[^daly2019]"\n'
         '    coverage:\n      text: "Insurers usually refuse.[^daly2019]"\n'
         '    codes:\n    - code: G2082\n      says: "a visit"\n      source: daly2019\n')
COSTS_FILE = "docs/_data/costs.yml"

PAGE_FIX = ("open it in an editor and save it again with the encoding UTF-8 (in Notepad: Save as, Encoding: UTF-8). "
            "The GitHub web editor always saves UTF-8.")
SEE_ALSO_FACTS = "See CONTRIBUTING.md, section 'Facts shown on several pages'."

RULES = [
    # ---- front matter
    Rule("front-matter-missing-key", "The front matter has no '{key}'.", "{how}",
         "a required key is missing", "front-matter", at=("docs/index.md", 1),
         bad={T: ("description: One plain sentence of at most 160 characters saying what the page answers.\n", "")}),
    Rule("front-matter-unknown-key", "The front matter has an unknown key '{key}'.",
         "check the spelling; the keys are: {keys}.", "a key is misspelt or not used", "front-matter",
         at=("docs/index.md", 9), bad={T: ("tags:", "tag:")}),
    Rule("front-matter-not-a-date", "'{key}: {value}' is not a date in the form YYYY-MM-DD.", "{how}",
         "dates must look like 2026-11-30", "front-matter", at=("docs/index.md", 4),
         bad={T: ("last_reviewed: 2026-11-30", "last_reviewed: 30 Nov 2026")}),
    Rule("front-matter-wrong-value", "'{key}' is not right: {why}.", "{how}",
         "a value has the wrong form (for example a title that is too short)", "front-matter",
         at=("docs/index.md", 2), bad={T: ("title: Short page title", "title: A")}),
    Rule("front-matter-impossible-date", "The page cannot be read: '{day}' is not a real date ({why}).",
         "write a date that exists, as YYYY-MM-DD, like '2026-11-30'.",
         "the date does not exist, like 31 November", "front-matter", at=("docs/index.md", 4),
         bad={T: ("last_reviewed: 2026-11-30", "last_reviewed: 2026-11-31")}),
    Rule("front-matter-not-yaml", "The page cannot be read: the front matter is not valid YAML ({what}).", "{how}",
         "a colon, quote or indent that YAML cannot read", "front-matter", at=("docs/index.md", 2),
         bad={T: ("title: Short page title", "title: Spravato: the spray")}),
    Rule("front-matter-absent", "The page cannot be read: the page does not start with front matter (a block "
         "between two '---' lines).", "start the file with a front-matter block like this:\n{example}",
         "the '---' block is missing or does not start on the first line", "front-matter",
         at=("docs/index.md", 1), bad={T: ("---\ntitle:", "\n---\ntitle:")}),
    Rule("front-matter-not-key-values", "The page cannot be read: the front matter must be a list of 'key: value' "
         "lines.", "start the file with a front-matter block like this:\n{example}",
         "the block between the '---' lines is not 'key: value' lines", "front-matter", at=("docs/index.md", 1),
         bad={T: b"---\n- just a list\n---\n"}),
    Rule("not-utf8", "The page cannot be read: the file is not saved as UTF-8 text, so some letters would show as "
         "'\ufffd'.", PAGE_FIX, "an editor saved the page in another encoding", "front-matter",
         at=("docs/index.md", 1), bad={T: b"---\ntitle: Caf\xe9\n---\n"}),
    Rule("review-status", "'review_status: {value}' is not one of the allowed review statuses.", "{how}",
         "a typo or a new status", "front-matter", at=("docs/index.md", 6),
         bad={T: ("review_status: clinical-review-pending", "review_status: reviewed")}),
    Rule("reviewer-without-review", "A reviewer is named but review_status is not clinically-reviewed.", "{how}",
         "only a clinically reviewed page names its reviewer", "review-process", at=("docs/index.md", 7),
         bad={T: ("review_status: clinical-review-pending", "review_status: clinical-review-pending\nreviewer: A Name, MD")}),
    Rule("review-without-reviewer", "review_status says clinically-reviewed but no reviewer is named.", "{how}",
         "a clinical review names its reviewer", "review-process", at=("docs/index.md", 1),
         bad={T: ("review_status: clinical-review-pending", "review_status: clinically-reviewed")}),
    Rule("review-dates-order", "next_review must be after last_reviewed.", "{how}",
         "the next review is dated before the last", "front-matter", at=("docs/index.md", 5),
         bad={T: ("next_review: 2027-05-30", "next_review: 2026-01-01")}),
    Rule("review-date-in-future", "last_reviewed is {value}, a date that has not come yet.",
         "write the date the page was last reviewed (today or earlier), as YYYY-MM-DD.",
         "a review date in the future would tell readers the page was checked when it was not", "front-matter",
         at=("docs/index.md", 4), bad={T: ("last_reviewed: 2026-11-30\nnext_review: 2027-05-30", "last_reviewed: 2099-11-30\nnext_review: 2100-05-30")}),
    Rule("description-too-long", "The description is {length} characters long; the limit is {limit} (search "
         "engines cut the rest).", "{how}", "search engines cut long descriptions", "front-matter",
         at=("docs/index.md", 3),
         bad={T: ("saying what the page answers.", "saying what the page answers, " + "and more " * 20 + ".")}),
    Rule("source-not-identifier", "'sources' is not right: '{source}' is not a DOI, a PMID or an https:// address.",
         "{how}", "a source must be an identifier or a secure link", "front-matter", at=("docs/index.md", 7),
         bad={T: ("  - https://doi.org/10.1001/jamapsychiatry.2019.1189", "  - Daly 2019")}),
    # ---- structure and wording
    Rule("no-summary", "The page has no \"{title}\" summary before its first section.",
         "right after the '# Title' line, add:\n!!! summary \"{title}\"\n    Two or three short sentences that "
         "answer the page's question.", "every page opens with a 2–3 sentence summary", "new-page",
         at=("docs/index.md", 1),
         bad={T: ("!!! summary \"In short\"\n    Two or three short sentences answer the page's question. "
                  "They use plain words.\n", "")}),
    Rule("summary-length", "The \"{title}\" summary has {count} sentences.", "use two or three short sentences.",
         "the summary must be 2 or 3 sentences", "new-page", at=("docs/index.md", 15),
         bad={T: ("They use plain words.", "They use plain words. One more. And one more. And more.")}),
    Rule("reading-grade", "The reading grade is {grade}; this page's limit is {limit}.",
         "use shorter sentences and everyday words. The longest sentences are on lines {lines}.",
         "the page is harder to read than grade 8", "writing", at=("docs/index.md", 1),
         bad={T: ("Plain text goes here.", "Pharmacokinetic heterogeneity notwithstanding, "
                  "intersubject variability substantially complicates extrapolation. " * 3)}),
    Rule("summary-grade", "The \"In short\" summary reads at grade {grade}; the limit is {limit}.",
         "use very short sentences and everyday words, like 'It can help some people fast.'",
         "the summary is harder than grade 6", "writing", at=("docs/index.md", 16),
         bad={T: ("They use plain words.", "Pharmacological heterogeneity complicates comparative interpretation.")}),
    Rule("long-sentence", "This sentence has {words} words: \"{text}\"",
         "split it into sentences of fewer than {limit} words.", "sentences must be under 25 words", "writing",
         at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "Plain text goes here and " + "then it goes on " * 8 + "until it ends.")}),
    Rule("uncited-number", "This has a number but no citation: \"{text}\"",
         "add a footnote to the source at the end of the same sentence, like '...within 24 hours.[^murrough2013]', "
         "and define it at the end of the page: '[^murrough2013]: Murrough JW, et al. ... [PMID 23982301]"
         "(https://pubmed.ncbi.nlm.nih.gov/23982301/)'. If the number is a phone number or not a health claim, ask "
         "a maintainer to add it to NOT_CLAIMS in content_checks/rules.py.",
         "a figure without a source", "how-to-cite", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "It helps 7 in 10 people.")}),
    Rule("marketing-claim", "Marketing claim \"{words}\": {why}.", "say it plainly instead, like {better}",
         "words like cure, guaranteed, permanent, \"not addictive\", \"up to 80%\"", "writing",
         at=("docs/index.md", 22), bad={T: ("Plain text goes here.", "It is a cure.")}),
    Rule("suicide-wording", "Unsafe wording about suicide \"{words}\": {why}.", "say it plainly instead, like {better}",
         "for example \"committed suicide\", or a method", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "He committed suicide.")}),
    Rule("misspelling", "Possible misspelling \"{word}\".", "write \"{right}\". If \"{word}\" is right (a medical "
         "word), add it on its own line to content_checks/words.txt.", "codespell found a common misspelling",
         "writing", at=("docs/index.md", 22), bad={T: ("Plain text goes here.", "Plain text goes here, seperately.")}),
    Rule("tab-indent", "This line is indented with a tab, so it would show as code.",
         "indent with spaces instead: 4 spaces for each level of a list or a box.",
         "a tab makes Markdown show the line as code", "writing", at=("docs/index.md", 23),
         bad={T: ("Plain text goes here.", "- A point.\n\t- A sub-point.\n\nPlain text goes here.")}),
    Rule("box-syntax", "This box is not written the way boxes must be: \"{line}\".",
         "write the marker, one space, the kind of box, and the title in double quotes, like '!!! warning \"Not for "
         "a crisis\"'; put the box's text on the next lines, indented by 4 spaces.",
         "a box marker without its space or quotes", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "!!!warning Take care\n\nPlain text goes here.")}),
    Rule("box-collapsible", "This box is collapsible, so readers could miss it and it might not print.",
         "change '???' to '!!!' so the box is always open. Only the 'Sources for this page' box is closed.",
         "a ??? box hides its text until opened, and may not print", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "??? warning \"Stop\"\n    Call 988.\n\nPlain text goes here.")}),
    Rule("heading-without-id", "This section heading has no id, so links to it would break if the heading changed.",
         "end the heading with a short id in braces, like '## Cost and insurance { #cost }'. Use lowercase words "
         "and hyphens.", "links to the section would break if it changed", "section-links", at=("docs/index.md", 20),
         bad={T: ("## First section { #first-section }", "## First section")}),
    Rule("raw-html", "This line has raw HTML that could run code or load something from another site (\"{html}\").",
         "remove it. Pages are plain Markdown; a picture goes in docs/assets/ and is linked like '![What it shows]"
         "(../assets/picture.png)'. If the page really needs this, ask an engineer.",
         "a script, an embed, an outside picture or an inline style", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "<script>alert(1)</script>\n\nPlain text goes here.")}),
    Rule("list-needs-blank-line", "This list starts right after a line of text, so the site would show it as part of "
         "that paragraph, not as a list.", "leave an empty line before the list's first item.",
         "GitHub's preview shows a list without the empty line; the site does not", "writing",
         at=("docs/index.md", 23), bad={T: ("Plain text goes here.", "Plain text goes here:\n- one\n- two")}),
    Rule("list-indent-two-spaces", "This list item is indented by {spaces} spaces, so the site would not show it inside "
         "the item above.", "indent an item inside another by 4 spaces.",
         "GitHub's preview nests a list at 2 spaces; the site needs 4", "writing", at=("docs/index.md", 25),
         bad={T: ("Plain text goes here.", "Plain text goes here.\n\n- one\n  - inside\n- two")}),
    Rule("table-row-cells", "This table row has {found} cells, but the table has {wanted} columns, so an answer "
         "would show blank or be dropped.", "give the row one cell per column: one '|' between every two cells, like "
         "the heading row.", "a table row with a cell missing or one too many", "writing", at=("docs/index.md", 26),
         bad={T: ("Plain text goes here.", "Plain text goes here.\n\n| A | B |\n|---|---|\n| only one |\n\nMore text.")}),
    Rule("paragraph-too-long", "This paragraph has {words} words, a wall of text on a phone.",
         "split it into paragraphs of at most {limit} words, each about one thing (leave an empty line between them).",
         "a very long paragraph", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "Plain text goes here. " + "It is short. " * 70)}),
    Rule("image-without-alt", "The picture {image} has no description, so people who use screen readers would miss "
         "it.", "describe what it shows between the square brackets, like '![A nasal spray device](…)'.",
         "a picture without alt text", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "Plain text goes here. ![](picture.png)")}),
    Rule("image-missing", "The picture {image} is not in docs/ (check the name, its capitals and its folder), so "
         "the page would show a broken picture.", "write the picture's path from this page, like "
         "'![What it shows](../assets/picture.png)', with the same capitals as the file.",
         "a picture's file is missing or misspelt", "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "Plain text goes here. ![A chart](Chart.PNG)")}),
    Rule("image-too-large", "The picture {image} is {size} KB; a picture may be at most {limit} KB, because a page's "
         "whole first visit is at most 80 KB on a slow phone.", "make it smaller (fewer pixels, or saved as WebP or a "
         "compressed JPEG or PNG), or link to it instead of showing it.", "a picture too heavy for a slow phone",
         "writing", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "Plain text goes here. ![A chart](big.png)"), "big.png": b"\x89PNG" * 12000}),
    Rule("page-not-in-menu", "This page is not in the menu (nav in mkdocs.yml), so readers cannot reach it by browsing.",
         "add a line for it under 'nav:' in mkdocs.yml, in its section, like '- Short title: {page}'.",
         "a new page without its menu line", "new-page", at=("docs/other.md", 1),
         bad={"other.md": "---\ntitle: Other\n---\n\n# Other\n", "../mkdocs.yml": "nav:\n  - Home: index.md\n"}),
    Rule("best-bet-malformed", "The search entry '{entry}' cannot be read.", "write lower-case words only, "
         "with an optional * at the end (longer words too), or one word with ~ at the end (one typo too).",
         "an entry in docs/assets/search/best-bets.txt with capitals or punctuation", "best-bets",
         at=("docs/assets/search/best-bets.txt", 2), bad={"assets/search/best-bets.txt": "[crisis]\nSelf-Harm!\n"}),
    Rule("best-bet-no-group", "The search entry '{entry}' comes before any [group] line, so search does not "
         "know what it is for.", "put it under '[crisis]' for a crisis word, or under the line naming its page, "
         "like '[treatments/esketamine.md]'.", "an entry above the first [group] line", "best-bets",
         at=("docs/assets/search/best-bets.txt", 1), bad={"assets/search/best-bets.txt": "spravato\n"}),
    Rule("best-bet-twice", "The search entry '{entry}' is listed twice (also on line {first}).",
         "delete one of the two lines. One phrase leads to one page.", "a duplicate entry", "best-bets",
         at=("docs/assets/search/best-bets.txt", 3), bad={"assets/search/best-bets.txt": "[crisis]\nsuicid*\nsuicid*\n"}),
    Rule("best-bet-page-missing", "The best bets name the page '{page}', which does not exist, so search would "
         "send readers nowhere.", "write the page's file as it is inside docs/, in square brackets: {nearest}",
         "a best bet for a page that does not exist (moved or misspelled)", "best-bets",
         at=("docs/assets/search/best-bets.txt", 1), bad={"assets/search/best-bets.txt": "[inddex.md]\nhome\n"}, good={"assets/search/best-bets.txt": "[index.md]\nhome\n"}),
    Rule("best-bet-hides-crisis", "The phrase '{entry}' for the page '{page}' has the crisis word '{word}', so "
         "it would put that page above Get help now for a reader in crisis.", "delete the phrase: searches with "
         "crisis words always lead to Get help now first.", "a best bet that would push Get help now down",
         "best-bets", at=("docs/assets/search/best-bets.txt", 4), bad={"assets/search/best-bets.txt": "[crisis]\nsuicid*\n[index.md]\nsuicidal thoughts\n"}),
    Rule("crisis-word-too-broad", "The crisis word '{entry}' would also match the ordinary search '{query}', so the "
         "crisis box would show for it.", "use a longer word or a phrase (like 'want to die' instead of 'die*'). "
         "The ordinary searches are listed in {queries}.", "a crisis word so broad that everyday searches show the "
         "crisis box", "best-bets", at=("docs/assets/search/best-bets.txt", 2),
         bad={"assets/search/best-bets.txt": "[crisis]\ndie*\n", "../tests/crisis_queries.yml": "ordinary:\n- diet\n"},
         good={"assets/search/best-bets.txt": "[crisis]\nwant to die\n", "../tests/crisis_queries.yml": "ordinary:\n- diet\n"}),
    # ---- links and sources
    Rule("link-absolute", "The link \"{target}\" starts with '/'.",
         "link to the Markdown file relative to this one, like '../safety/index.md'.",
         "links between pages are relative", "section-links", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "See [help](/get-help-now/).")}),
    Rule("link-not-markdown", "The link \"{target}\" does not point to a .md file.",
         "link to the page's Markdown file, like '../treatments/esketamine.md'.", "links must name the page's file",
         "section-links", at=("docs/index.md", 22), bad={T: ("Plain text goes here.", "See [help](other/).")}),
    Rule("link-missing-page", "The link \"{target}\" points to a page that does not exist.",
         "check the spelling and the folder; from {here} the existing pages are listed in mkdocs.yml under 'nav:'.",
         "a broken link", "section-links", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "See [help](missing.md).")}),
    Rule("link-to-moved-page", "The link \"{target}\" points to a page that has moved to {new}.",
         "link to the new page instead: '{suggestion}'.", "a link to a page that moved (the redirect list in "
         "mkdocs.yml knows where it went)", "moving-pages", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "See [help](old.md)."),
              "../mkdocs.yml": "plugins:\n  - redirects:\n      redirect_maps:\n        old.md: index.md\n"}),
    Rule("link-missing-section", "The link \"{target}\" points to a section \"#{anchor}\" that does not exist in "
         "docs/{page}.", "use one of that page's section ids, written after its headings like '## Side effects "
         "{ #side-effects }'.", "a broken anchor", "section-links", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "See [this](#no-such-section).")}),
    Rule("section-links-missing-page", "section_links(\"{target}\") names a page that does not exist: {shown}.",
         "if the page moved, write its new file here; if it was deleted, delete this line.",
         "a page listed on /for-clinicians/ was moved or deleted", "moving-pages", at=("docs/index.md", 23),
         bad={T: ("Plain text goes here.", "Sections: {{ section_links(\"gone.md\") }}\n\nPlain text goes here.")}),
    Rule("footnote-undefined", "The source [^{name}] is cited here, but {file} has no source with that key, so it "
         "would print as '[^{name}]'.", "check the key's spelling against {file} (the keys are the names before "
         "the colons), or add the source there (CONTRIBUTING.md, 'How to cite').",
         "a source cited by a key the references file does not have", "how-to-cite", at=("docs/index.md", 22),
         bad={T: ("27 in 100 people.[^daly2019]", "27 in 100 people.[^daly2018]")}),
    Rule("footnote-typed-by-hand", "This line types the note of [^{name}] by hand; notes come from {file}.",
         "delete this line. If the source is not in {file} yet, add it there once (CONTRIBUTING.md, 'How to "
         "cite'); every page that cites [^{name}] then shows the same note.", "a note typed on a page could differ "
         "from the same source's note on other pages", "how-to-cite", at=("docs/index.md", 32),
         bad={T: ("    </div>\n", "    </div>\n\n[^daly2019]: Daly EJ, et al. [doi](https://doi.org/10.1001/x)\n")}),
    Rule("sources-box-missing", "This page's sources are not inside a \"Sources for this page\" box.",
         "at the end of the page, copy these lines from templates/new-page.md: '{title}', then (each after an "
         "empty line, with four spaces first) '<div markdown data-search-exclude>', '{marker}' and '</div>'.",
         "the box lines are missing or changed", "how-to-cite", at=("docs/index.md", 29),
         bad={T: ("    <div markdown data-search-exclude>\n\n", "")}),
    Rule("sources-box-empty", "This page has a \"Sources for this page\" box but cites no sources.",
         "delete the box (this line and the three lines under it), or cite a source with a footnote like [^daly2019].",
         "a box with nothing to hold", "how-to-cite", at=("docs/index.md", 24),
         bad={T: ("27 in 100 people.[^daly2019]", "many people.")}),
    Rule("source-unknown", "This text cites [^{name}], but {file} has no source with that key.",
         "check the key's spelling against {file}, or add the source there (CONTRIBUTING.md, 'How to cite').",
         "a data text cites a source the references file does not have", "how-to-cite", at=(FACTS_FILE, 2),
         bad={"_data/facts.yml": FACT.replace("daly2019", "rolan2014")}),
    Rule("source-uncited", "The source '{name}' is cited on no page.", "cite it where it supports a sentence, or "
         "delete its entry (a source no page cites would sit in the lists for nothing).",
         "an entry in the references file that no page cites", "how-to-cite", at=("docs/_data/references.yml", 8),
         bad={"_data/references.yml": REFERENCES + REFERENCES.replace("daly2019:", "other2020:")}),
    # ---- facts kept once (docs/_data/)
    Rule("fact-typed-by-hand", "This types by hand a figure kept in the facts: \"{typed}\" (fact \"{fact}\").",
         "replace the sentence with {{ fact(\"{fact}\") }}, which shows: \"{shows}\" (edit it in {file}, line "
         "{line}). The page needs 'render_macros: true' in its front matter. " + SEE_ALSO_FACTS,
         "a figure that docs/_data/facts.yml keeps was typed on a page", "facts", at=("docs/index.md", 22),
         bad={"_data/facts.yml": FACT,
              T: ("Plain text goes here.", "When swallowed, about 20 in 100 parts reach the blood.[^daly2019]")},
         good={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")}),
    Rule("answer-typed-fact", "This answer types by hand a figure kept in the facts: \"{typed}\" (fact \"{fact}\").",
         "show the fact instead, on its own: 'short: {fact: {fact}}' (it shows: \"{shows}\"; edit it in {file}, line "
         "{fact_line}). If the fact is too long for the grid, shorten it there, for every page.",
         "a grid or route answer keeps its own copy of a fact, which would not change with it", "facts",
         at=(OPTIONS_FILE, 11), bad={"_data/facts.yml": FACT, "_data/options.yml": OPTIONS.replace(
             "Off-label.[^daly2019]", "When swallowed, about 20 in 100 parts reach the blood.[^daly2019]")}),
    Rule("fact-unknown", "There is no fact \"{name}\" in {file}.",
         "check the spelling against {file}; the ids are the names before the colons at the start of its entries.",
         "a misspelt fact id", "facts", at=("docs/index.md", 23),
         bad={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-shares\") }}")}),
    Rule("term-unknown", "There is no term \"{name}\" in {file}.",
         "check the spelling against {file}; the ids are the names before the colons at the start of its entries.",
         "a misspelt glossary id", "glossary", at=("docs/index.md", 23),
         bad={"_data/glossary.yml": GLOSSARY, T: ("Plain text goes here.", "{{ define(\"remz\") }}")}),
    Rule("data-unknown-entry", "{macro}(\"{name}\") names no {kind} in the data.", "use one of: {ids}.",
         "route_facts or option_facts names an id that does not exist", "facts", at=("docs/index.md", 23),
         bad={T: ("Plain text goes here.", "{{ route_facts(\"nose\") }}\n\nPlain text goes here.")}),
    Rule("render-macros-missing", "This line has template braces ({{ or {%), but the page does not render macros, "
         "so they would print as typed.", "to show data here, add the line 'render_macros: true' to the front matter "
         "(between the '---' lines); to show the braces themselves, ask an engineer.",
         "render_macros: true is missing from the front matter", "facts", at=("docs/index.md", 22),
         bad={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")},
         good={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")}),
    Rule("macro-error", "This line's macro cannot be shown: {why}.", "check the macro's name, quotes and brackets "
         "against CONTRIBUTING.md ('Facts shown on several pages'). The macros are fact, define, glossary, "
         "routes_table, route_facts, option_grid, option_list, option_facts, qr_code, copy_link, section_links, "
         "cost, cost_table and cost_sheet.",
         "a misspelt macro name, or a quote or bracket missing", "facts", at=("docs/index.md", 23),
         bad={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fakt(\"pill-share\") }}")}),
    Rule("data-not-yaml", "This line is not valid YAML ({what}).", "{how}",
         "a data file has a colon, quote or indent YAML cannot read", "facts", at=(FACTS_FILE, 2),
         bad={"_data/facts.yml": "pill-share:\n  text: Swallowed: about 20.\n"}),
    Rule("data-not-utf8", "This file is not saved as UTF-8 text.",
         "save it again as UTF-8 (in most editors: Save as, Encoding: UTF-8).",
         "an editor saved a data file in another encoding", "facts", at=(FACTS_FILE, 1),
         bad={"_data/facts.yml": b"pill-share:\n  text: \"Caf\xe9\"\n"}),
    Rule("data-missing-key", "This entry has no '{key}'.", "add it, like the entries around it.",
         "a data entry lacks a required key", "facts", at=(FACTS_FILE, 1),
         bad={"_data/facts.yml": "pill-share:\n  detect: []\n"}),
    Rule("data-unknown-key", "'{key}' is not a key this entry can have{nearest}.", "{how}",
         "a key is misspelt or does not belong", "facts", at=(FACTS_FILE, 5),
         bad={"_data/facts.yml": FACT + "  colour: blue\n"}),
    Rule("data-wrong-value", "'{path}' is not right: {why}.", "{how}",
         "a value has the wrong form", "facts", at=(FACTS_FILE, 2),
         bad={"_data/facts.yml": "pill-share:\n  text: \"\"\n"}),
    Rule("data-text-cut-by-comment", "In this text without quotes, ' #' starts a note, so the site would show only "
         "\"{kept}\".", "put the whole text in double quotes, like {key}: \"… #1 choice …\".",
         "a '#' after a space cuts an unquoted YAML text short", "facts", at=(FACTS_FILE, 2),
         bad={"_data/facts.yml": "pill-share:\n  text: Many call it the #1 choice.[^daly2019]\n"}),
    Rule("data-duplicate-key", "'{key}' is written twice (also on line {first}); the later one would silently "
         "replace the earlier one.", "keep one of the two: delete or rename the other.",
         "a key or id appears twice in one place in a data file", "facts", at=(FACTS_FILE, 5),
         bad={"_data/facts.yml": FACT + FACT.replace("20 in 100", "30 in 100")}),
    Rule("data-unknown-question", "'{question}' is not one of the questions listed {where}.", "use one of: {ids}.",
         "an answer names a question that is not listed", "facts", at=(OPTIONS_FILE, 9),
         bad={"_data/options.yml": OPTIONS.replace("answers:\n  fda-status:", "answers:\n  fda-statu:")}),
    Rule("data-unknown-option", "'{option}' is not one of the options listed under 'options:'.",
         "use one of: {ids}.", "an answer names an option that is not listed", "facts", at=(OPTIONS_FILE, 10),
         bad={"_data/options.yml": OPTIONS.replace("    infusion:\n      short", "    infusions:\n      short")}),
    Rule("data-unknown-glance", "'at_a_glance: {value}' is not one of the questions' ids.", "use one of: {ids}.",
         "the routes table names a question that is not listed", "facts", at=("docs/_data/routes.yml", 4),
         bad={"_data/routes.yml": ROUTES.replace('at_a_glance: "speed"', 'at_a_glance: "sped"')}),
    Rule("grid-answer-missing", "The option '{option}' has no answer to the question '{question}', so its cell in the "
         "grid would be empty.", "add '{option}:' with a 'short:' answer under '{question}:'; if nothing is known, "
         "say so: 'Not known: no study has measured this.' with a source.", "every option answers every grid "
         "question", "facts", at=(OPTIONS_FILE, 11),
         bad={"_data/options.yml": OPTIONS.replace("questions:\n", 'questions:\n- id: "cost"\n  label: "Cost?"\n')
              .replace("answers:\n", "answers:\n  cost:\n    other:\n      short: \"Varies.[^daly2019]\"\n")}),
    Rule("grid-answer-too-long", "This grid answer ({question}, {option}) has {words} words; a grid answer has at "
         "most {limit}.", "keep one short plain sentence here, and move the rest to the 'detail:' line under it, "
         "which shows on the option's own page. Short answers keep the printed grid on two sheets.",
         "an answer in the Option Grid is longer than one short sentence", "facts", at=(OPTIONS_FILE, 11),
         bad={"_data/options.yml": OPTIONS.replace(
             "Off-label.[^daly2019]", "Off-label, which means the FDA has not approved ketamine for depression, though "
             "doctors may use it for that if they judge it right for you.[^daly2019]")},
         good={"_data/options.yml": OPTIONS}),
    Rule("grid-answer-uncited", "This grid answer ({question}, {option}) cites no source.",
         "add the footnote of its source at the end, like [^daly2019], the same footnote the pages use.",
         "an answer in the Option Grid has no footnote", "facts", at=(OPTIONS_FILE, 11),
         bad={"_data/options.yml": OPTIONS.replace("Off-label.[^daly2019]", "Off-label.")},
         good={"_data/options.yml": OPTIONS}),
    Rule("grid-figure-missing", "This grid answer ({question}, {option}) has no figure, but these options give one: "
         "{others}.", "give a figure with its measure and time point and its citation, or say why there is none "
         "(for example 'Not known: no trial has measured this.').",
         "equal detail: another option answers this question with a figure", "equal-detail", at=(OPTIONS_FILE, 16),
         bad={"_data/options.yml": OPTIONS_TWO},
         good={"_data/options.yml": OPTIONS_TWO.replace("It depends on the practice.", "No standard number.")}),
    # ---- dated facts
    Rule("dated-fact-past-due", "A dated fact is past its check-by date: {name} had to be checked again by {date}. "
         "Pages that show it: {pages}. What to check: {check}",
         "check it at its source; update the text and its citation if it changed; then set check_by to the next "
         "date it must be checked (CONTRIBUTING.md, 'Dated facts').",
         "a rule, price, case or guideline was due to be checked again", "dated-facts", at=(FACTS_FILE, 3),
         bad={"_data/facts.yml": DATED_FACT.replace("2099-01-01", "2020-01-01")}, good={"_data/facts.yml": DATED_FACT}),
    Rule("dated-fact-due-soon", "A dated fact is due soon: {name} must be checked again by {date} ({days} days). "
         "Pages that show it: {pages}. What to check: {check}",
         "check it at its source before that date, update it if it changed, and set the next check_by.",
         "make review-due lists dated facts due within 60 days (a report, not a failure)", "dated-facts",
         stage=REPORT, at=(FACTS_FILE, 3),
         bad={"_data/facts.yml": DATED_FACT.replace("2099-01-01", str(dt.date.today() + dt.timedelta(days=10)))},
         good={"_data/facts.yml": DATED_FACT}),
    Rule("page-review-due", "The review of this page was due on {date}.",
         "review the page against its sources, then update last_reviewed and next_review.",
         "make review-due lists pages whose next review date has passed (a report, not a failure)", "review-process",
         stage=REPORT, at=("docs/index.md", 5), bad={T: ("next_review: 2027-05-30", "next_review: 2026-12-01")}),
    Rule("dated-fact-no-check", "A dated fact has a check_by date but no 'check': {name}.",
         "add a line 'check: \"what to check, and where\"' under check_by.", "nobody would know what to check",
         "dated-facts", at=(FACTS_FILE, 1),
         bad={"_data/facts.yml": DATED_FACT.split("  check:")[0]}, good={"_data/facts.yml": DATED_FACT}),
    Rule("dated-fact-no-date", "A dated fact says what to check but has no check_by date: {name}.",
         "add 'check_by: YYYY-MM-DD', the date to check it by.", "the date is missing", "dated-facts",
         at=(FACTS_FILE, 1),
         bad={"_data/facts.yml": DATED_FACT.replace("  check_by: 2099-01-01\n", "")}, good={"_data/facts.yml": DATED_FACT}),
    Rule("price-not-dated", "A price has no check_by date: {name}.", "prices change: add 'check_by: YYYY-MM-DD' "
         "(about 6 months ahead) and 'check: \"…\"' saying where to check the price.",
         "prices change, so each one is dated", "dated-facts", at=(FACTS_FILE, 1),
         bad={"_data/facts.yml": PRICE_FACT.split("  check_by:")[0]}, good={"_data/facts.yml": PRICE_FACT}),
    Rule("price-without-year", "A price does not say its year: {name}.",
         "say when the price was quoted, like 'In 2025, one clinic charged …'.",
         "a reader cannot tell how old the price is", "dated-facts", at=(FACTS_FILE, 1),
         bad={"_data/facts.yml": PRICE_FACT.replace("In 2025, one", "One")}, good={"_data/facts.yml": PRICE_FACT}),
    Rule("price-typed-on-page", "This line types a price by hand, so nothing would notice when it goes out of date.",
         "write the price, with its year and source, in docs/_data/costs.yml with check_by and check, and show it "
         "here with {{ cost(\"the-option\") }} (CONTRIBUTING.md, 'Cost data').",
         "a price on a page would carry no check_by date", "dated-facts", at=("docs/index.md", 22),
         bad={T: ("Plain text goes here.", "Plain text goes here. It costs $400 in 2025.[^daly2019]")}),
    # ---- cost data (docs/_data/costs.yml)
    Rule("cost-price-missing", "A price is missing: '{option}' has no {part} figure in costs.yml.",
         "add it with its amount, source, kind and year, like the figures around it. If no source you have read "
         "gives one, delete the whole price and write 'no_price: \"We found no price …\"' instead.",
         "a price without one of its figures would show a half range", "cost-data", at=(COSTS_FILE, 4),
         bad={"_data/costs.yml": COSTS.replace("      typical: {amount: 600, source: daly2019, kind: company, year: 2025}\n", "")},
         good={"_data/costs.yml": COSTS}),
    Rule("cost-range-order", "In the {what} of '{option}', the {a} figure ({x}) is above the {b} figure ({y}).",
         "check each figure at its source: low, typical and high must go from smallest to largest.",
         "a low price above the high one is a typing mistake", "cost-data", at=(COSTS_FILE, 5),
         bad={"_data/costs.yml": COSTS.replace("amount: 400", "amount: 4000")}, good={"_data/costs.yml": COSTS}),
    Rule("cost-code-unsourced", "The billing code {code} ('{option}') has no source.",
         "add 'source: key', the key in references.yml of the official page where you read the code. If you cannot "
         "find one, delete the code and say in 'no_codes' to ask the clinic.",
         "a billing code nobody can check could send a reader to ask for the wrong thing", "cost-data",
         at=(COSTS_FILE, 17), bad={"_data/costs.yml": COSTS.replace("      source: daly2019\n", "")},
         good={"_data/costs.yml": COSTS}),
    # ---- the glossary's tooltips
    Rule("tooltip-differs", "The tooltip for \"{word}\" differs from {glossary}, line {line}.",
         "write this line instead: *[{word}]: {right}", "the tooltip line does not match the glossary", "facts",
         at=("docs/_includes/abbreviations.md", 1),
         bad={"_data/glossary.yml": GLOSSARY, "_includes/abbreviations.md": "*[REMS]: A program\n"},
         good={"_data/glossary.yml": GLOSSARY, "_includes/abbreviations.md": "*[REMS]: An FDA safety program\n"}),
    Rule("tooltip-not-in-glossary", "The tooltip word \"{word}\" is not in {glossary}.",
         "add it to the term it belongs to in {glossary}, under 'tooltips:', like '{word}: \"{text}\"', or delete "
         "this line.", "a tooltip for a word the glossary does not define", "facts",
         at=("docs/_includes/abbreviations.md", 2),
         bad={"_data/glossary.yml": GLOSSARY,
              "_includes/abbreviations.md": "*[REMS]: An FDA safety program\n*[KAP]: Ketamine with therapy\n"}),
    Rule("tooltip-missing", "The tooltip for \"{word}\" ({glossary}, line {line}) is missing here.",
         "add this line at the end: *[{word}]: {text}", "the glossary lists a tooltip that abbreviations.md lacks",
         "facts", at=("docs/_includes/abbreviations.md", 2),
         bad={"_data/glossary.yml": GLOSSARY, "_includes/abbreviations.md": "\n"}),
    # ---- the site's configuration (mkdocs.yml)
    Rule("config-not-yaml", "This line of mkdocs.yml is not valid YAML ({what}).", "{how}",
         "mkdocs.yml has an indent, colon or quote YAML cannot read", "new-page", at=("mkdocs.yml", 3),
         bad={"../mkdocs.yml": "nav:\n  - Home: index.md\n   - Other: other.md\n"}),
    Rule("nav-missing-page", "The menu (nav) lists {target}, but there is no page docs/{target}.",
         "check the spelling and the folder, or remove this line if the page was moved or deleted (and add a "
         "redirect, see CONTRIBUTING.md).", "a menu line names a page that does not exist", "moving-pages",
         at=("mkdocs.yml", 3), bad={"../mkdocs.yml": "nav:\n  - Home: index.md\n  - Gone: gone.md\n"},
         good={"../mkdocs.yml": "nav:\n  - Home: index.md\n"}),
    Rule("nav-not-a-list", "The menu (nav) is not a list.",
         "each menu line starts with '- ' and is indented by 2 more spaces than 'nav:'.",
         "the lines under nav: lost their '- '", "new-page", at=("mkdocs.yml", 2),
         bad={"../mkdocs.yml": "nav:\n  Home: index.md\n"}),
    # ---- the built site
    Rule("published-address-missing", "The published address {url} no longer exists in the built site.",
         "if the page moved, add a redirect in mkdocs.yml under 'redirect_maps:', like '{old}.md: new/place.md'. "
         "Never delete a published address.", "a page was moved or deleted", "moving-pages", stage=SITE,
         at=("docs/_data/published-urls.txt", 2), bad={"published-urls.txt": "/\n/gone/\n"}),
    Rule("page-not-published", "The page {url} is built but not in the list of published addresses.",
         "add a line '{url}' to {list}.", "a new page", "new-page", stage=SITE,
         at=("docs/_data/published-urls.txt", 1), bad={"new/index.html": "<p>new</p>"}),
    Rule("published-section-missing", "The published section link {entry} no longer leads to its section.",
         "keep the section's id: write '{ #{anchor} }' after its heading in the page's Markdown, even if you rename "
         "the heading. Never delete a published section link.", "a heading's { #id } changed or was removed",
         "section-links", stage=SITE, at=("docs/_data/published-anchors.txt", 2),
         bad={"published-anchors.txt": "/#first-section\n/#gone\n"}),
    Rule("published-section-moved", "The published section link {entry} no longer leads to its section: {url} now "
         "redirects to {final}, which has no section '#{anchor}'.", "a moved page keeps its section ids: in the page "
         "for {final}, write '{ #{anchor} }' after the heading of that section. Never delete a published section "
         "link.", "a moved page lost a published section id", "section-links", stage=SITE,
         at=("docs/_data/published-anchors.txt", 2),
         bad={"published-anchors.txt": "/#first-section\n/old/#gone\n",
              "old/index.html": '<meta http-equiv="refresh" content="0; url=../">'}),
    Rule("search-index-missing-page", "This page is missing from the search index, so readers cannot find it by "
         "searching.", "check that its front matter does not say 'search: exclude: true' by mistake; otherwise ask "
         "an engineer.", "the page is built but search cannot find it", "front-matter", stage=INDEX,
         at=("docs/index.md", 1), bad={"pagefind/fragment/home.pf_fragment": None}),
    Rule("other-origin", "This built page would load {address} from another site, which tells that site who reads us.",
         "find what adds it (a page's raw HTML, a template in overrides/, or a theme setting such as Google Fonts) "
         "and remove it. Serve the file from docs/assets/ instead. Ask an engineer if it came with a theme upgrade.",
         "a template, theme setting or raw HTML loads something from another site", "writing", stage=SITE,
         at=("site/index.html", 1),
         bad={"index.html": "<p id=\"first-section\">x</p><img src=\"https://example.com/a.png\">"}),
    Rule("other-origin-stylesheet", "This stylesheet would load {address} from another site.",
         "serve the file from docs/assets/ instead, and change the stylesheet.",
         "a stylesheet imports a font or file from another site", "writing", stage=SITE,
         at=("site/assets/extra.css", 1),
         bad={"assets/extra.css": "@import url(https://fonts.googleapis.com/css?family=Roboto);"}),
    Rule("linked-file-missing", "This built page links to {address}, which the build did not write, so the page "
         "loads without it.", "if a template in overrides/ names it, fix the name there (the minify plugin in "
         "mkdocs.yml renames site.js to site.min.js); otherwise ask an engineer.",
         "a template names a script, style or image that is not in the built site", "writing", stage=SITE,
         at=("site/index.html", 1),
         bad={"index.html": "<p id=\"first-section\">x</p><script src=\"assets/gone.js\"></script>"}),
    Rule("search-index-absent", "The built site has no search index, so search finds nothing.",
         "build with 'make build' (or 'make build-zensical'): it makes the index after the pages "
         "(python -m content_checks.search_index site).", "the site was built without its search index",
         "front-matter", stage=INDEX, at=("Makefile", 1), bad={"pagefind/pagefind-entry.json": None}),
    Rule("search-index-broken", "The search index is not valid ({why}).",
         "build again; if it stays broken, ask an engineer.", "the build wrote a broken search index", "front-matter",
         stage=INDEX, at=("site/pagefind/fragment", 1), bad={"pagefind/fragment/home.pf_fragment": "not gzip"}),
    Rule("first-visit-over-budget", "A first visit to {url} downloads {size} KB (gzip); the budget is 80 KB.",
         "the page itself is {page} KB of that; the rest is the site's styles and scripts, the same on every page. "
         "Shorten the page by about {cut}% of its text, or move detail to a page it links to.",
         "the page is too heavy for a slow phone", "writing", stage=SITE, at=("docs/index.md", 1),
         bad={"index.html": "<h2 id=\"first-section\">x</h2><p>" + "".join(
             f"{n * 7919 % 1000003:x}" for n in range(60000)) + "</p>"}),
    Rule("search-index-over-budget", "A reader's first search can download {size} KB (gzip); the budget is 300 KB.",
         "keep text out of search that readers do not search for (a page's notes and repeated lists already are), "
         "shorten docs/assets/search/best-bets.txt, or ask an engineer.", "too much to download for a first search",
         "writing", stage=INDEX, at=("site/pagefind", 1),
         bad={"search/words.json": "".join(f"{n * 7919 % 1000003}\n" for n in range(200000))}),
    Rule("published-list-missing", "The list of published addresses is missing.",
         "restore it from git: it must list every address ever published.", "docs/_data/published-urls.txt was "
         "deleted", "moving-pages", stage=SITE, at=("docs/_data/published-urls.txt", 1),
         bad={"published-urls.txt": None}),
    # ---- the Spanish edition (translations.py) -------------------------------------------------------
    Rule("spanish-page-missing", "The English page docs/{inside} has no Spanish page.",
         "create {spanish} with these lines; it tells Spanish readers the page is not translated yet and links the "
         "English page:\n{stub}", "every English page has a Spanish address", "spanish-edition", stage=SPANISH,
         at=("docs-es/other.md", 1), bad={"docs/other.md": "# Other\n\nAn English page.\n"}),
    Rule("spanish-page-extra", "This Spanish page has no English page docs/{inside}.",
         "give it the same path as its English page, or remove it: the language switch links the two.",
         "a Spanish page at a path the English edition does not have", "spanish-edition", stage=SPANISH,
         at=("docs-es/other.md", 1), bad={"docs-es/other.md": (
             '---\ntitle: Otra\ndescription: Esta página aún no está traducida al español. Puede leerla en inglés.\n'
             'untranslated: true\nrender_macros: true\n---\n\n# Otra\n\n{{ translation_note("other.md") }}\n')}),
    Rule("translation-note-missing", "This Spanish page does not show its translation status.",
         "add this line right after the '# Title' line:\n{{ translation_note(\"{inside}\") }}",
         "readers must see whether a page is translated and reviewed", "spanish-edition", stage=SPANISH,
         at=("docs-es/index.md", 18), bad={"docs-es/index.md": ('{{ translation_note("index.md") }}', "")}),
    Rule("translation-record-missing", "This translated page does not say which English version it comes from.",
         "add to its front matter:\ntranslation:\n  english_version: {version}\n  translated: YYYY-MM-DD (the date you "
         "finished)\n  reviewed_by: \"\"\nLeave reviewed_by empty until a qualified person has reviewed the "
         "translation; then write their role, like 'a bilingual psychiatrist'.",
         "a translation records its English version", "spanish-edition", stage=SPANISH, at=("docs-es/index.md", 1),
         bad={"docs-es/index.md": ("translation:", "translated_from:")}),
    Rule("spanish-sections-differ", "This page's sections differ from the English page {english}: missing {missing}; "
         "extra {extra}.", "translate every section of the English page, in the same order, each with the same id "
         "at the end of its heading, like '## Primera sección { #first-section }'. Ids are never translated: links "
         "and the language switch use them.", "a translation keeps the English sections and their ids",
         "spanish-edition", stage=SPANISH, at=("docs-es/index.md", 18),
         bad={"docs-es/index.md": ("{ #first-section }", "{ #primera-seccion }")}),
    Rule("reading-ease", "The reading ease (INFLESZ) is {score}; the minimum is {limit}.",
         "use shorter sentences and everyday words. The longest sentences are on lines {lines}.",
         "the Spanish page is harder to read than INFLESZ 55 (normal)", "spanish-edition", stage=SPANISH,
         at=("docs-es/index.md", 1),
         bad={"docs-es/index.md": ("Aquí va el texto sencillo.", "La heterogeneidad farmacocinética interindividual "
                                   "dificulta considerablemente la extrapolación terapéutica. " * 3)}),
    Rule("config-languages-differ", "mkdocs.es.yml differs from mkdocs.yml at '{where}'.",
         "make '{where}' the same in both files. Only the settings marked 'Spanish' in mkdocs.es.yml may differ, so "
         "a change to mkdocs.yml goes into both.", "a setting changed in one language's config only",
         "spanish-edition", stage=SPANISH, at=("mkdocs.es.yml", 1),
         bad={"mkdocs.yml": "strict: true\nsite_name: Guide\n", "mkdocs.es.yml": "strict: false\nsite_name: Guía\n"},
         good={"mkdocs.yml": "strict: true\nsite_name: Guide\n", "mkdocs.es.yml": "site_name: Guía\nstrict: true\n"}),
    Rule("nav-languages-differ", "The Spanish menu (nav) differs from the English one at page {position}: mkdocs.yml "
         "has {english} there.", "list the translated pages in the same order as mkdocs.yml, with Spanish titles; a "
         "page not translated yet goes under not_in_nav instead.", "the Spanish menu follows the English one", "spanish-edition", stage=SPANISH,
         at=("mkdocs.es.yml", 1),
         bad={"mkdocs.yml": "nav:\n  - Home: index.md\n  - Studies: references/studies.md\n",
              "mkdocs.es.yml": "nav:\n  - Estudios: references/studies.md\n  - Inicio: index.md\n"},
         good={"mkdocs.yml": "nav:\n  - Home: index.md\n", "mkdocs.es.yml": "nav:\n  - Inicio: index.md\n"}),
    Rule("translation-outdated", "The English page {english} changed after this page was translated.",
         "compare the two pages and update the Spanish; then set english_version: {version} and translated: the "
         "date. Until then the page tells readers that the English is newer, and links it.",
         "a translation older than its English page", "spanish-edition", stage=SPANISH_REPORT,
         at=("docs-es/index.md", 1), bad={"docs/index.md": ("Plain text goes here.", "Plain text changed here.")}),
    Rule("spanish-missing", "The Spanish edition shows this text in English: there is no Spanish at '{where}'.",
         "add the Spanish there, and beside it, in the entry's english: block, the English it translates:\n{english}",
         "a data text with no Spanish", "spanish-data", stage=SPANISH_REPORT, at=("docs/_data/es/facts.yml", 1),
         bad={"docs/_data/facts.yml": 'dose:\n  text: "A dose takes 40 minutes.[^daly2019]"\n'},
         good={"docs/_data/facts.yml": 'dose:\n  text: "A dose takes 40 minutes.[^daly2019]"\n',
               "docs/_data/es/facts.yml": 'dose:\n  text: "Una dosis dura 40 minutos.[^daly2019]"\n  english:\n'
                                          '    text: "A dose takes 40 minutes.[^daly2019]"\n'}),
    Rule("spanish-outdated", "The English text at '{where}' changed after its Spanish was written, so the Spanish "
         "edition shows the English.", "update the Spanish, then copy the English as it is now into the entry's "
         "english: block:\n{english}", "a data text whose Spanish is older than its English", "spanish-data",
         stage=SPANISH_REPORT, at=("docs/_data/es/facts.yml", 2),
         bad={"docs/_data/facts.yml": 'dose:\n  text: "A dose takes 45 minutes.[^daly2019]"\n',
              "docs/_data/es/facts.yml": 'dose:\n  text: "Una dosis dura 40 minutos.[^daly2019]"\n  english:\n'
                                         '    text: "A dose takes 40 minutes.[^daly2019]"\n'}),
]

BY_ID = {rule.id: rule for rule in RULES}
assert len(BY_ID) == len(RULES), "two rules share an id"


def report(rule_id: str, file: str, line: int, /, **values) -> Problem:
    """The problem a check found, worded by its rule: the one place each message is written."""
    rule = BY_ID[rule_id]
    return Problem(file, line, rule.fill(rule.message, values), rule.fill(rule.fix, values),
                   warning_only=rule.stage in (REPORT, SPANISH_REPORT), rule=rule.id)


def table() -> str:
    """CONTRIBUTING's table of messages, made from the rules."""
    rows = ["| message | what it means | how to fix | rule |", "| --- | --- | --- | --- |"]
    for rule in RULES:
        message = PLACEHOLDER.sub("…", rule.message).replace("|", "\\|").replace("\n", " ")
        fix = ("the message says what to change" if PLACEHOLDER.fullmatch(rule.fix) else
               re.sub(r"([*_\[\]|])", r"\\\1", PLACEHOLDER.sub("…", rule.fix)).replace("\n", " "))
        rows.append(f"| `{message}` | {rule.meaning} | {fix} ([more](#{rule.section})) | `{rule.id}` |")
    return "\n".join(rows)
