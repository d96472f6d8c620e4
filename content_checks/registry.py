"""Every rule the content checks apply, registered once: its id, how its message starts, what it
means, how to fix it, the CONTRIBUTING section that explains it, and a failing and a passing example.

CONTRIBUTING's table of messages is generated from this list (`python -m content_checks --rules-table`)
and a test keeps the two the same; another test runs every example (tests/test_rules.py). When you
add a check, add its rule here: the test fails until its example does what the rule says.

An example is a set of edits to a small site made from templates/new-page.md:
- for the "pages" stage, {path inside docs/: new text} or {path: (old, new)} to change the template;
- for the "built site" stage, {path inside the site folder: HTML}, checked with the contract lists.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PAGES, SITE, REPORT = "pages", "built site", "review-due report"


@dataclass(frozen=True)
class Rule:
    id: str
    message: str  # how the message starts; … stands for the part that changes
    meaning: str
    fix: str
    section: str  # CONTRIBUTING.md section id
    bad: dict = field(default_factory=dict)
    good: dict = field(default_factory=dict)  # empty: the template itself passes
    stage: str = PAGES


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
DATED_FACT = ('rule-end:\n  text: "A temporary rule lets doctors prescribe online.[^daly2019]"\n'
              '  check_by: 2099-01-01\n  check: "Has the rule been extended? See the Federal Register."\n')
PRICE_FACT = ('iv-price:\n  text: "In 2025, one clinic charged $400 a session.[^daly2019]"\n'
              '  check_by: 2099-01-01\n  check: "The clinic\'s price list."\n')

RULES = [
    # ---- front matter
    Rule("front-matter-missing-key", "The front matter has no '…'", "a required key is missing",
         "add it; see the table above", "front-matter",
         bad={T: ("description: One plain sentence of at most 160 characters saying what the page answers.\n", "")}),
    Rule("front-matter-unknown-key", "The front matter has an unknown key '…'", "a key is misspelt or not used",
         "check the spelling against the table above", "front-matter",
         bad={T: ("tags:", "tag:")}),
    Rule("front-matter-not-a-date", "'…' is not a date in the form YYYY-MM-DD", "dates must look like 2026-11-30",
         "rewrite the date", "front-matter", bad={T: ("last_reviewed: 2026-11-30", "last_reviewed: 30 Nov 2026")}),
    Rule("front-matter-impossible-date", "The page cannot be read: '…' is not a real date",
         "the date does not exist, like 31 November", "write a date that exists", "front-matter",
         bad={T: ("last_reviewed: 2026-11-30", "last_reviewed: 2026-11-31")}),
    Rule("front-matter-not-yaml", "The page cannot be read: the front matter is not valid YAML",
         "a colon, quote or indent that YAML cannot read", "the message says what to change (often: put the text in "
         "double quotes)", "front-matter", bad={T: ("title: Short page title", "title: Spravato: the spray")}),
    Rule("front-matter-absent", "The page cannot be read: the page does not start with front matter",
         "the '---' block is missing or does not start on the first line", "copy it from templates/new-page.md",
         "front-matter", bad={T: ("---\ntitle:", "\n---\ntitle:")}),
    Rule("not-utf8", "The page cannot be read: the file is not saved as UTF-8 text",
         "an editor saved the page in another encoding", "save it again as UTF-8", "front-matter",
         bad={T: b"---\ntitle: Caf\xe9\n---\n"}),
    Rule("review-status", "'review_status: …' is not one of the allowed review statuses",
         "a typo or a new status", "use one of the four statuses", "front-matter",
         bad={T: ("review_status: clinical-review-pending", "review_status: reviewed")}),
    Rule("reviewer-without-review", "a reviewer is named but review_status is not clinically-reviewed",
         "only a clinically reviewed page names its reviewer", "remove reviewer, or record the clinical review",
         "review-process", bad={T: ("review_status: clinical-review-pending",
                                    "review_status: clinical-review-pending\nreviewer: A Name, MD")}),
    Rule("review-dates-order", "next_review must be after last_reviewed", "the next review is dated before the last",
         "put the next review about 6 months after the last", "front-matter",
         bad={T: ("next_review: 2027-05-30", "next_review: 2026-01-01")}),
    Rule("description-too-long", "The description is … characters long", "search engines cut long descriptions",
         "shorten it to 160 characters or fewer", "front-matter",
         bad={T: ("saying what the page answers.", "saying what the page answers, " + "and more " * 20 + ".")}),
    Rule("source-not-identifier", "'sources' is not right: '…' is not a DOI, a PMID or an https:// address",
         "a source must be an identifier or a secure link", "write doi:…, pmid:… or https://…", "front-matter",
         bad={T: ("  - https://doi.org/10.1001/jamapsychiatry.2019.1189", "  - Daly 2019")}),
    # ---- structure and wording
    Rule("no-summary", "The page has no \"In short\" summary", "every page opens with a 2–3 sentence summary",
         "add the !!! summary \"In short\" box", "new-page",
         bad={T: ("!!! summary \"In short\"\n    Two or three short sentences answer the page's question. "
                  "They use plain words.\n", "")}),
    Rule("summary-length", "The \"In short\" summary has … sentences", "the summary must be 2 or 3 sentences",
         "use two or three short sentences", "new-page",
         bad={T: ("They use plain words.", "They use plain words. One more. And one more. And more.")}),
    Rule("reading-grade", "The reading grade is …", "the page is harder to read than grade 8",
         "shorter sentences, everyday words", "writing",
         bad={T: ("Plain text goes here.", "Pharmacokinetic heterogeneity notwithstanding, "
                  "intersubject variability substantially complicates extrapolation. " * 3)}),
    Rule("summary-grade", "The \"In short\" summary reads at grade …", "the summary is harder than grade 6",
         "very short sentences and everyday words", "writing",
         bad={T: ("They use plain words.", "Pharmacological heterogeneity complicates comparative interpretation.")}),
    Rule("long-sentence", "This sentence has … words", "sentences must be under 25 words", "split it", "writing",
         bad={T: ("Plain text goes here.", "Plain text goes here and " + "then it goes on " * 8 + "until it ends.")}),
    Rule("uncited-number", "This has a number but no citation", "a figure without a source",
         "add a footnote, or remove the figure", "how-to-cite",
         bad={T: ("Plain text goes here.", "It helps 7 in 10 people.")}),
    Rule("marketing-claim", "Marketing claim \"…\"", "words like cure, guaranteed, permanent, \"not addictive\", "
         "\"up to 80%\"", "say what the evidence shows, with a citation", "writing",
         bad={T: ("Plain text goes here.", "It is a cure.")}),
    Rule("suicide-wording", "Unsafe wording about suicide", "for example \"committed suicide\", or a method",
         "\"died by suicide\"; never describe methods", "writing",
         bad={T: ("Plain text goes here.", "He committed suicide.")}),
    Rule("misspelling", "Possible misspelling \"…\"", "codespell found a common misspelling",
         "fix it, or add a correct medical word to content_checks/words.txt", "writing",
         bad={T: ("Plain text goes here.", "Plain text goes here, seperately.")}),
    Rule("tab-indent", "This line is indented with a tab", "a tab makes Markdown show the line as code",
         "indent with spaces: 4 for each level", "writing",
         bad={T: ("Plain text goes here.", "- A point.\n\t- A sub-point.\n\nPlain text goes here.")}),
    Rule("box-syntax", "This box is not written the way boxes must be", "a box marker without its space or quotes",
         "write !!! warning \"Title\", then the text indented by 4 spaces", "writing",
         bad={T: ("Plain text goes here.", "!!!warning Take care\n\nPlain text goes here.")}),
    Rule("box-collapsible", "This box is collapsible", "a ??? box hides its text until opened, and may not print",
         "use !!! instead; only the Sources box is closed", "writing",
         bad={T: ("Plain text goes here.", "??? warning \"Stop\"\n    Call 988.\n\nPlain text goes here.")}),
    Rule("heading-without-id", "This section heading has no id", "links to the section would break if it changed",
         "end the heading with { #short-id }", "section-links",
         bad={T: ("## First section { #first-section }", "## First section")}),
    Rule("raw-html", "This line has raw HTML that could run code or load something from another site",
         "a script, an embed, an outside picture or an inline style", "remove it; ask an engineer if it is needed",
         "writing", bad={T: ("Plain text goes here.", "<script>alert(1)</script>\n\nPlain text goes here.")}),
    # ---- links and sources
    Rule("link-absolute", "The link \"…\" starts with '/'", "links between pages are relative",
         "link to the .md file relative to this page", "section-links",
         bad={T: ("Plain text goes here.", "See [help](/get-help-now/).")}),
    Rule("link-not-markdown", "The link \"…\" does not point to a .md file", "links must name the page's file",
         "link to the .md file, like ../safety/index.md", "section-links",
         bad={T: ("Plain text goes here.", "See [help](other/).")}),
    Rule("link-missing-page", "The link \"…\" points to a page that does not exist", "a broken link",
         "link to the .md file relative to this page", "section-links",
         bad={T: ("Plain text goes here.", "See [help](missing.md).")}),
    Rule("link-missing-section", "The link \"…\" points to a section \"#…\" that does not exist", "a broken anchor",
         "use an id written after a heading, like { #side-effects }", "section-links",
         bad={T: ("Plain text goes here.", "See [this](#no-such-section).")}),
    Rule("section-links-missing-page", "section_links(\"…\") names a page that does not exist",
         "a page listed on /for-clinicians/ was moved or deleted", "write its new file, or delete the line",
         "moving-pages", bad={T: ("Plain text goes here.", "Sections: {{ section_links(\"gone.md\") }}\n\nPlain text "
                                  "goes here.")}),
    Rule("footnote-without-link", "The footnote [^…] has no link to its source", "a citation without a link",
         "add the DOI, PubMed or official link", "how-to-cite",
         bad={T: (" [doi:10.1001/jamapsychiatry.2019.1189](https://doi.org/10.1001/jamapsychiatry.2019.1189)", "")}),
    Rule("footnote-undefined", "The footnote [^…] is used but never defined", "it would print as [^…]",
         "define it at the end of the page", "how-to-cite",
         bad={T: ("27 in 100 people.[^daly2019]", "27 in 100 people.[^daly2018]")}),
    Rule("footnote-unused", "The footnote [^…] is defined but never cited on this page",
         "a source is listed but nothing on the page cites it", "delete the line, or cite it", "how-to-cite",
         bad={T: ("\n[^daly2019]: Daly", "\n[^unused2020]: Someone. [doi](https://doi.org/10.1001/x)\n[^daly2019]: Daly")}),
    Rule("footnote-defined-twice", "The footnote [^…] is defined twice", "the page would show only the last one",
         "delete one of the two lines", "how-to-cite",
         bad={T: ("\n[^daly2019]: Daly", "\n[^daly2019]: Again. [doi](https://doi.org/10.1001/x)\n[^daly2019]: Daly")}),
    Rule("sources-box-missing", "This page's sources are not inside a \"Sources for this page\" box",
         "the box lines are missing or changed", "copy the three lines from templates/new-page.md", "how-to-cite",
         bad={T: ("    <div markdown data-search-exclude>\n\n", "")}),
    Rule("sources-box-empty", "This page has a \"Sources for this page\" box but cites no sources",
         "a box with nothing to hold", "delete the box, or cite a source", "how-to-cite",
         bad={T: ("[^daly2019]: Daly EJ", "Daly EJ")}),
    Rule("source-not-in-references", "The source … is not listed in the references",
         "the lists under /references/ must have every source", "add it to the right list in docs/references/",
         "how-to-cite", bad={"references/studies.md": ("(https://doi.org/10.1001/jamapsychiatry.2019.1189)",
                                                      "(https://doi.org/10.1001/other)")}),
    # ---- facts kept once (docs/_data/)
    Rule("fact-typed-by-hand", "This types by hand a figure kept in the facts",
         "a figure that docs/_data/facts.yml keeps was typed on a page", "use the {{ fact(\"…\") }} the message names",
         "facts", bad={"_data/facts.yml": FACT, T: ("Plain text goes here.",
                                                    "When swallowed, about 20 in 100 parts reach the blood.[^daly2019]")},
         good={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")}),
    Rule("fact-unknown", "There is no fact \"…\" in docs/_data/facts.yml", "a misspelt fact id",
         "check the id against docs/_data/facts.yml", "facts",
         bad={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-shares\") }}[^daly2019]")}),
    Rule("fact-source-undefined", "The fact shown on this line cites [^…], which this page does not define",
         "a fact brings a footnote the page lacks", "copy the footnote line the message gives", "facts",
         bad={"_data/facts.yml": FACT.replace("daly2019", "rolan2014"),
              T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")}),
    Rule("render-macros-missing", "This page shows facts from docs/_data/ but does not render them",
         "render_macros: true is missing from the front matter", "add it", "facts",
         bad={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")},
         good={"_data/facts.yml": FACT, T: ("Plain text goes here.", "{{ fact(\"pill-share\") }}")}),
    Rule("data-not-yaml", "This line is not valid YAML", "a data file has a colon, quote or indent YAML cannot read",
         "the message says what to change (often: put the text in double quotes)", "facts",
         bad={"_data/facts.yml": "pill-share:\n  text: Swallowed: about 20.\n"}),
    Rule("data-not-utf8", "This file is not saved as UTF-8 text", "an editor saved a data file in another encoding",
         "save it again as UTF-8", "facts", bad={"_data/facts.yml": b"pill-share:\n  text: \"Caf\xe9\"\n"}),
    Rule("data-missing-key", "This entry has no '…'", "a data entry lacks a required key",
         "add it, like the entries around it", "facts", bad={"_data/facts.yml": "pill-share:\n  detect: []\n"}),
    Rule("data-wrong-value", "'…' is not right: …", "a key is misspelt or a value has the wrong form",
         "the message says what is expected", "facts", bad={"_data/facts.yml": FACT + "  colour: blue\n"}),
    Rule("data-unknown-entry", "… names no … in the data", "route_facts or option_facts names an id that does not "
         "exist", "use one of the ids the message lists", "facts",
         bad={T: ("Plain text goes here.", "{{ route_facts(\"nose\") }}\n\nPlain text goes here.")}),
    Rule("grid-answer-too-long", "This grid answer (…, …) has … words; a grid answer has at most 20",
         "an answer in the Option Grid is longer than one short sentence", "keep one short sentence; move the rest to "
         "its 'detail:' line", "facts", bad={"_data/options.yml": OPTIONS.replace(
             "Off-label.[^daly2019]", "Off-label, which means the FDA has not approved ketamine for depression, though "
             "doctors may use it for that if they judge it right for you.[^daly2019]")},
         good={"_data/options.yml": OPTIONS}),
    Rule("grid-answer-uncited", "This grid answer (…, …) cites no source", "an answer in the Option Grid has no "
         "footnote", "add the footnote of its source", "facts",
         bad={"_data/options.yml": OPTIONS.replace("Off-label.[^daly2019]", "Off-label.")},
         good={"_data/options.yml": OPTIONS}),
    Rule("grid-figure-missing", "This grid answer (…, …) has no figure, but these options give one: …",
         "equal detail: another option answers this question with a figure", "give a figure with its measure, time "
         "point and citation, or say why there is none ('Not known: …')", "equal-detail",
         bad={"_data/options.yml": OPTIONS_TWO},
         good={"_data/options.yml": OPTIONS_TWO.replace("Often 6.[^daly2019]", "No standard number.[^daly2019]")}),
    Rule("dated-fact-past-due", "A dated fact is past its check-by date: … had to be checked again by …",
         "a rule, price, case or guideline was due to be checked again", "check it at its source, update it, and set "
         "a new check_by", "dated-facts",
         bad={"_data/facts.yml": DATED_FACT.replace("2099-01-01", "2020-01-01")},
         good={"_data/facts.yml": DATED_FACT}),
    Rule("dated-fact-due-soon", "A dated fact is due soon: … must be checked again by …", "make review-due lists "
         "dated facts due within 60 days (a report, not a failure)", "check it at its source before the date",
         "dated-facts", stage=REPORT,
         bad={"_data/facts.yml": DATED_FACT.replace("2099-01-01", str(dt.date.today() + dt.timedelta(days=10)))},
         good={"_data/facts.yml": DATED_FACT}),
    Rule("dated-fact-no-check", "A dated fact has a check_by date but no 'check'", "nobody would know what to check",
         "add check: \"what to check, and where\"", "dated-facts",
         bad={"_data/facts.yml": DATED_FACT.split("  check:")[0]}, good={"_data/facts.yml": DATED_FACT}),
    Rule("dated-fact-no-date", "A dated fact says what to check but has no check_by date", "the date is missing",
         "add check_by: YYYY-MM-DD", "dated-facts",
         bad={"_data/facts.yml": DATED_FACT.replace("  check_by: 2099-01-01\n", "")}, good={"_data/facts.yml": DATED_FACT}),
    Rule("price-not-dated", "A price has no check_by date", "prices change, so each one is dated",
         "add check_by and check", "dated-facts",
         bad={"_data/facts.yml": PRICE_FACT.split("  check_by:")[0]}, good={"_data/facts.yml": PRICE_FACT}),
    Rule("price-without-year", "A price does not say its year", "a reader cannot tell how old the price is",
         "say when it was quoted, like 'In 2025, …'", "dated-facts",
         bad={"_data/facts.yml": PRICE_FACT.replace("In 2025, one", "One")}, good={"_data/facts.yml": PRICE_FACT}),
    Rule("price-typed-on-page", "This line types a price by hand", "a price on a page would carry no check_by date",
         "put it in facts.yml with check_by and show it with {{ fact() }}", "dated-facts",
         bad={T: ("Plain text goes here.", "Plain text goes here. It costs $400 in 2025.[^daly2019]")}),
    Rule("tooltip-differs", "The tooltip for \"…\" differs from docs/_data/glossary.yml, line …",
         "the tooltip line does not match the glossary", "write the line the message gives", "facts",
         bad={"_data/glossary.yml": GLOSSARY, "_includes/abbreviations.md": "*[REMS]: A program\n"},
         good={"_data/glossary.yml": GLOSSARY, "_includes/abbreviations.md": "*[REMS]: An FDA safety program\n"}),
    Rule("tooltip-not-in-glossary", "The tooltip word \"…\" is not in docs/_data/glossary.yml",
         "a tooltip for a word the glossary does not define", "add it to the glossary, or delete the line", "facts",
         bad={"_data/glossary.yml": GLOSSARY,
              "_includes/abbreviations.md": "*[REMS]: An FDA safety program\n*[KAP]: Ketamine with therapy\n"}),
    Rule("tooltip-missing", "The tooltip for \"…\" (docs/_data/glossary.yml, line …) is missing here",
         "the glossary lists a tooltip that abbreviations.md lacks", "add the line the message gives", "facts",
         bad={"_data/glossary.yml": GLOSSARY, "_includes/abbreviations.md": "\n"}),
    # ---- the site's configuration (mkdocs.yml)
    Rule("config-not-yaml", "This line is not valid YAML (…)", "mkdocs.yml has an indent, colon or quote YAML "
         "cannot read", "the message says what to change; in nav:, each line starts with '- ' under the one above",
         "new-page", bad={"../mkdocs.yml": "nav:\n  - Home: index.md\n   - Other: other.md\n"}),
    Rule("nav-missing-page", "The menu (nav) lists …, but there is no page …", "a menu line names a page that "
         "does not exist", "fix the file name, or remove the line and add a redirect", "moving-pages",
         bad={"../mkdocs.yml": "nav:\n  - Home: index.md\n  - Gone: gone.md\n"},
         good={"../mkdocs.yml": "nav:\n  - Home: index.md\n"}),
    Rule("nav-not-a-list", "The menu (nav) is not a list", "the lines under nav: lost their '- '",
         "start each menu line with '- ', indented 2 spaces more than nav:", "new-page",
         bad={"../mkdocs.yml": "nav:\n  Home: index.md\n"}),
    # ---- the built site
    Rule("published-address-missing", "The published address … no longer exists",
         "a page was moved or deleted", "add a redirect in mkdocs.yml (redirect_maps); never delete an address",
         "moving-pages", stage=SITE, bad={"published-urls.txt": "/\n/gone/\n"}),
    Rule("page-not-published", "The page … is built but not in the list of published addresses", "a new page",
         "add its address to docs/_data/published-urls.txt", "new-page", stage=SITE,
         bad={"new/index.html": "<p>new</p>"}),
    Rule("published-section-missing", "The published section link … no longer leads to its section",
         "a heading's { #id } changed or was removed", "put the old id back after the heading", "section-links",
         stage=SITE, bad={"published-anchors.txt": "/#first-section\n/#gone\n"}),
    Rule("search-index-missing-page", "This page is missing from the search index",
         "the page is built but search cannot find it", "check that it does not say search: exclude: true",
         "front-matter", stage=SITE, bad={"search/search_index.json": "{\"docs\": []}"}),
    Rule("other-origin", "This built page would load … from another site",
         "a template, theme setting or raw HTML loads something from another site", "serve it from docs/assets/, "
         "or ask an engineer", "writing", stage=SITE,
         bad={"index.html": "<p id=\"first-section\">x</p><img src=\"https://example.com/a.png\">"}),
    Rule("other-origin-stylesheet", "This stylesheet would load … from another site",
         "a stylesheet imports a font or file from another site", "serve it from docs/assets/", "writing",
         stage=SITE, bad={"assets/extra.css": "@import url(https://fonts.googleapis.com/css?family=Roboto);"}),
    Rule("linked-file-missing", "This built page links to …, which the build did not write",
         "a template names a script, style or image that is not in the built site", "fix the name in overrides/, "
         "or ask an engineer", "writing", stage=SITE,
         bad={"index.html": "<p id=\"first-section\">x</p><script src=\"assets/gone.js\"></script>"}),
    Rule("search-index-absent", "The built site has no search index", "the search plugin is off",
         "keep the search plugin in mkdocs.yml", "front-matter", stage=SITE, bad={"search/search_index.json": None}),
    Rule("search-index-broken", "The search index is not valid", "the build wrote a broken search index",
         "build again; ask an engineer if it stays broken", "front-matter", stage=SITE,
         bad={"search/search_index.json": "{"}),
    Rule("first-visit-over-budget", "A first visit to … downloads … KB (gzip); the budget is 80 KB",
         "the page is too heavy for a slow phone", "shorten it by the share the message gives, or move detail to a "
         "page it links to", "writing", stage=SITE, bad={"index.html": "<h2 id=\"first-section\">x</h2>" + "".join(
             f"<p>{n * 7919 % 1000003}</p>" for n in range(40000))}),
    Rule("search-index-over-budget", "The search index is … KB (gzip); the budget is 100 KB",
         "too much text in search", "keep text readers do not search for out of search, or ask an engineer",
         "writing", stage=SITE, bad={"search/search_index.json": "{\"docs\": [{\"location\": \"\", \"text\": \""
                                     + "".join(f"{n * 7919 % 1000003} " for n in range(90000)) + "\"}]}"}),
    Rule("published-list-missing", "The list of published addresses is missing",
         "docs/_data/published-urls.txt was deleted", "restore it from git", "moving-pages", stage=SITE,
         bad={"published-urls.txt": None}),
]

BY_ID = {rule.id: rule for rule in RULES}
assert len(BY_ID) == len(RULES), "two rules share an id"


def table() -> str:
    """CONTRIBUTING's table of messages, made from the rules."""
    rows = ["| message starts with | what it means | how to fix | rule |", "| --- | --- | --- | --- |"]
    for rule in RULES:
        message = rule.message.replace("|", "\\|")
        rows.append(f"| `{message}` | {rule.meaning} | {rule.fix} ([more](#{rule.section})) | `{rule.id}` |")
    return "\n".join(rows)
