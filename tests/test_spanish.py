"""The Spanish edition (/es/, issue 25): every page in both languages, linked to each other by a plain link;
<html lang>, hreflang and the sitemap; each Spanish page's translation status, and the notice when its
English page changed; Spanish data, never an English fact shown silently; the Spanish crisis strip;
crisis-first search and search in Spanish, typed in Chromium; Spanish handouts on paper.
(test_browser.py runs axe on the Spanish pages; test_zensical.py builds the Spanish edition with Zensical.)"""
from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_tools import open_page, search
from conftest import ROOT
from test_print import print_page  # noqa: F401 (the print tests' page, a fixture)
from content_checks import languages, translations
from content_checks import data as site_data
from content_checks.page import load
from content_checks.paths import built_file, pages, url_of

TESTS = ROOT / "tests"
DOCS, DOCS_ES = ROOT / "docs", ROOT / "docs-es"
ENGLISH_URLS = [url_of(inside) for inside in pages(DOCS)]
TRANSLATED = [inside for inside, path in pages(DOCS_ES).items()
              if isinstance(languages.front_matter(path).get("translation"), dict)]
NOT_TRANSLATED = [inside for inside, path in pages(DOCS_ES).items() if languages.front_matter(path).get("untranslated")]
# The pages issue 25 asks for first, translated and back-translated.
CORE = ["index.md", "get-help-now.md", "compare.md", "treatments/index.md", "treatments/esketamine.md",
        "treatments/ketamine-infusion.md", "safety/ketamine-mills.md", "safety/side-effects.md",
        "safety/who-should-avoid-ketamine.md", "choosing-a-provider.md", "what-to-expect/index.md",
        "cost-and-insurance.md"]
HELP_ES = "/es/get-help-now/"
CRISIS = yaml.safe_load((TESTS / "crisis_queries_es.yml").read_text(encoding="utf-8"))
QUERIES = yaml.safe_load((TESTS / "search_queries_es.yml").read_text(encoding="utf-8"))
# The Spanish queries were written before any tuning by someone who saw no rankings, tags or best bets.
# The held-out half, measured once before tuning: 43 of 50 (86%). The tuning half then went from 42 of 50
# to the share below. On 7 December the English tuning (the title counts once) made it 46 of 50 (92%),
# never tuned on; the floor holds that. Raise it only with a new held-out round (README, Search).
TUNE_SHARE, REPORT_FLOOR = 0.95, 0.92


def spanish(url: str) -> str:
    return "/es" + url


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(built_file(site, url).read_text(encoding="utf-8"), "html.parser")


def page_url(inside: str) -> str:
    return spanish(url_of(inside))


# ---- both editions, built -----------------------------------------------------------------------
def test_the_core_pages_are_translated_and_every_other_page_says_it_is_not():
    assert set(CORE) <= set(TRANSLATED), f"not translated: {sorted(set(CORE) - set(TRANSLATED))}"
    assert sorted(TRANSLATED + NOT_TRANSLATED) == sorted(pages(DOCS_ES))
    assert sorted(pages(DOCS_ES)) == sorted(pages(DOCS)), "every English page has a Spanish page at the same path"


@pytest.mark.parametrize("url", ENGLISH_URLS)
def test_each_page_links_the_same_page_in_the_other_language_without_scripts(site, url):
    for here, there, lang in ((url, spanish(url), "es"), (spanish(url), url, "en")):
        soup = soup_of(site, here)
        assert soup.html["lang"] == ("en" if lang == "es" else "es"), f"{here}: <html lang> is {soup.html['lang']}"
        # English pages: the banner's switch; Spanish pages: their status line under the title.
        switch = soup.select(".language-switch a" if lang == "es" else "article .translation-note a[hreflang=en]:not([lang])")
        assert len(switch) == 1, f"{here}: no link to the other language"
        link = switch[0]
        assert link["hreflang"] == lang and (link.get("lang") == lang or lang == "en")
        assert urlparse(urljoin("https://x.org" + here, link["href"])).path == there, f"{here} links {link['href']}"
        assert built_file(site, there).exists()


def test_the_sitemap_lists_both_languages_with_their_hreflang(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    base = re.search(r"<loc>(https://[^<]+?/)</loc>", text).group(1)
    for url in ENGLISH_URLS:
        for loc in (base + url.lstrip("/"), base + "es/" + url.lstrip("/")):
            entry = re.search(rf"<url>\s*<loc>{re.escape(loc)}</loc>.*?</url>", text, re.S)
            assert entry, f"the sitemap lacks {loc}"
            assert f'hreflang="en" href="{base + url.lstrip("/")}"' in entry.group(0)
            assert f'hreflang="es" href="{base}es/{url.lstrip("/")}"' in entry.group(0)
    assert "<link rel=\"alternate\"" not in built_file(site, "/es/").read_text(encoding="utf-8"), \
        "hreflang belongs in the sitemap: Material's script fetches a sitemap for each <link rel=alternate>"


@pytest.mark.parametrize("inside", sorted(pages(DOCS_ES)))
def test_each_spanish_page_says_at_its_top_whether_it_is_translated_and_reviewed(site, inside):
    soup = soup_of(site, page_url(inside))
    article = soup.select_one("article")
    note = article.select_one(".translation-note")
    assert note is not None and note.find_previous("h1") is not None, f"{inside}: no status line under the title"
    text = note.get_text(" ", strip=True)
    english = note.select_one("a[hreflang=en]")
    assert english is not None and urlparse(urljoin("https://x.org" + page_url(inside), english["href"])).path \
        == url_of(inside), f"{inside}: the status line does not link the English page"
    record = languages.front_matter(DOCS_ES / inside).get("translation")
    if not isinstance(record, dict):
        assert "aún no está traducida" in text
        return
    assert "Traducida del inglés" in text
    if not record.get("reviewed_by"):
        assert "aún no la ha revisado una persona calificada" in text, f"{inside}: an unreviewed translation must say so"
    outdated = record["english_version"] != languages.english_version(DOCS_ES, inside)
    assert ("La página en inglés cambió" in text) == outdated


def test_when_the_english_page_changes_the_translation_says_so_and_review_due_lists_it(tmp_path):
    """A translation records the English version it came from; once the English differs, its status line
    says the English is newer (with a link) and `make review-due` lists it with the new version."""
    for folder in ("docs", "docs-es"):
        (tmp_path / folder).mkdir()
        shutil.copy(ROOT / folder / "get-help-now.md", tmp_path / folder / "get-help-now.md")
    spanish_docs = tmp_path / "docs-es"
    assert "cambió" not in languages.translation_note(spanish_docs, "get-help-now.md")
    english = tmp_path / "docs" / "get-help-now.md"
    # A new search tag is a word for the English index only: the translation is still current.
    english.write_text(english.read_text(encoding="utf-8").replace("tags:\n", "tags:\n  - a new search word\n", 1),
                       encoding="utf-8")
    assert "a new search word" in english.read_text(encoding="utf-8")
    assert "cambió" not in languages.translation_note(spanish_docs, "get-help-now.md")
    english.write_text(english.read_text(encoding="utf-8").replace("You are not alone", "You are never alone"),
                       encoding="utf-8")
    note = languages.translation_note(spanish_docs, "get-help-now.md")
    assert "La página en inglés cambió después de esta traducción" in note and 'href="../../get-help-now/"' in note
    listed = translations.outdated({"get-help-now.md": load(spanish_docs / "get-help-now.md", tmp_path)}, spanish_docs)
    assert [p.rule for p in listed] == ["translation-outdated"]
    assert languages.english_version(spanish_docs, "get-help-now.md") in listed[0].fix


def test_spanish_data_has_every_text_the_spanish_pages_show():
    """Facts, glossary, the grid and costs are all in Spanish, each translated from the English as it is now
    (routes.yml is not: no Spanish page shows a route table yet)."""
    data = site_data.load(DOCS_ES)
    assert data.problems == [] and data.broken == []
    for name in ("facts.yml", "glossary.yml", "options.yml", "costs.yml"):
        assert data.gaps[name] == [], f"{name}: shown in English: " + ", ".join(
            " > ".join(map(str, g.path)) for g in data.gaps[name][:5])
    for inside in TRANSLATED:
        assert not re.search(r"\{\{\s*route_(facts|table)", (DOCS_ES / inside).read_text(encoding="utf-8")), inside


def test_a_missing_or_outdated_spanish_text_shows_the_english_marked_as_english():
    english = {"a": {"text": "One in 10.", "page": "x.md"}, "b": {"text": "Two in 10."}, "c": {"text": "Now 3."},
               "d": {"fact": "a"}}
    spanish_words = {"a": {"text": "Uno de cada 10.", "english": {"text": "One in 10."}},
                     "c": {"text": "Ahora 2.", "english": {"text": "Now 2."}}}
    merged, gaps = languages.overlay(english, spanish_words)
    assert merged["a"] == {"text": "Uno de cada 10.", "page": "x.md"}
    assert merged["b"]["text"] == '<span lang="en">Two in 10.</span> <em>(en inglés: la traducción está pendiente)</em>'
    assert merged["c"]["text"].startswith('<span lang="en">Now 3.</span>')
    assert merged["d"] == {"fact": "a"}
    assert [(g.path, g.outdated) for g in gaps] == [(("b", "text"), False), (("c", "text"), True)]


@pytest.mark.parametrize("inside", ["index.md", "compare.md", "safety/index.md", "search.md"])
def test_the_spanish_crisis_strip_offers_988_in_spanish_911_and_ayuda_ahora(site, inside):
    strip = soup_of(site, page_url(inside)).select_one(".md-banner .crisis-strip")
    links = {a["href"]: a.get_text(strip=True) for a in strip.select("a")}
    assert links.get("tel:988") == "Llame al 988 y marque 2"
    assert links.get("sms:988?&body=AYUDA") == "Envíe AYUDA al 988"
    assert links.get("tel:911") == "Llame al 911"
    help_link = next(href for href, text in links.items() if text == "Ayuda ahora")
    assert urlparse(urljoin("https://x.org" + page_url(inside), help_link)).path == HELP_ES


def test_an_untranslated_page_links_each_english_section_at_its_own_id(site):
    soup = soup_of(site, "/es/safety/dependence-and-misuse/")
    english = soup_of(site, "/safety/dependence-and-misuse/")
    wanted = [h["id"] for h in english.select("article h2[id]")]
    items = soup.select(".translation-note li[id]")
    assert [li["id"] for li in items] == wanted
    for li in items:
        assert urlparse(urljoin("https://x.org/es/safety/dependence-and-misuse/", li.a["href"])).path == \
            "/safety/dependence-and-misuse/"


def test_spanish_handouts_print_their_qr_code_to_the_spanish_page(site):
    for url in ("/es/compare/", "/es/get-help-now/", "/es/safety/ketamine-mills/"):
        figure = soup_of(site, url).select_one("figure.print-qr")
        assert figure is not None and figure["aria-label"].startswith("Código QR que lleva a https://")
        assert figure["aria-label"].endswith(url), figure["aria-label"]


# ---- Spanish search, typed in Chromium -------------------------------------------------------------
@pytest.fixture(scope="module")
def search_page(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    page = open_page(context, server, "/es/search/")
    yield page
    context.close()


def wanted(pages_: list[str]) -> set[str]:
    return {page_url(p) for p in pages_}


def box_problems(page) -> list[str]:
    box = page.locator(".search-page__crisis")
    if box.count() != 1 or not box.is_visible():
        return ["no crisis box"]
    links = {a.get_attribute("href"): a.inner_text().strip() for a in box.locator("a").all()}
    problems = [f"no '{text}' link" for href, text in (("tel:988", "Llame al 988 y marque 2"),
                                                       ("sms:988?&body=AYUDA", "Envíe AYUDA al 988"),
                                                       ("tel:911", "Llame al 911")) if links.get(href) != text]
    if "Ayuda ahora" not in links.values():
        problems.append("no 'Ayuda ahora' link")
    return problems


def test_spanish_crisis_searches_show_the_spanish_box_and_put_ayuda_ahora_first(search_page):
    phrasings = [str(q) for q in CRISIS["crisis"]]
    assert len(phrasings) >= 30
    misses = []
    for query in phrasings:
        results = search(search_page, query)
        problems = box_problems(search_page)
        if results[:1] != [HELP_ES]:
            problems.append(f"first result {results[:1] or 'none'}")
        if problems:
            misses.append(f"  {query!r}: " + "; ".join(problems))
    assert not misses, f"{len(misses)} of {len(phrasings)} Spanish crisis searches went wrong:\n" + "\n".join(misses)
    assert search_page.errors == [] and search_page.outside == []


def test_ordinary_spanish_searches_show_no_crisis_box(search_page):
    wrong = []
    for query in [str(q) for q in CRISIS["ordinary"]]:
        search(search_page, "suicidio")  # the box shows first, so each ordinary search must hide it
        results = search(search_page, query)
        if search_page.locator(".search-page__crisis").is_visible():
            wrong.append(f"  {query!r} shows the crisis box (results: {results[:3]})")
    assert not wrong, "Ordinary Spanish searches went wrong:\n" + "\n".join(wrong)


def misses(page, queries: list[dict]) -> list[str]:
    found = []
    for item in queries:
        top = search(page, item["q"])[:3]
        if not set(top) & wanted(item["pages"]):
            found.append(f"  {item['q']!r}: wanted one of {item['pages']}, got {top}")
    return found


@pytest.mark.parametrize("half, needed", [("tune", TUNE_SHARE), ("report", REPORT_FLOOR)])
def test_spanish_searches_find_a_good_spanish_page_in_the_top_3(search_page, half, needed):
    """Accents folded ("depresion" finds "depresión"), Spanish stems, misspellings and Spanglish, in readers'
    words. The report half was held out: measured once, never tuned on."""
    queries = QUERIES[half]
    assert len(QUERIES["tune"]) + len(QUERIES["report"]) >= 60
    missed = misses(search_page, queries)
    share = 1 - len(missed) / len(queries)
    assert share >= needed, (f"{half}: {len(queries) - len(missed)} of {len(queries)} ({share:.0%}) found a good "
                             f"page in the top 3; {needed:.0%} is needed. Every miss:\n" + "\n".join(missed))


def test_spanish_names_put_their_page_first(search_page):
    wrong = [f"  {n['name']!r}: wanted {n['page']}, got {top[:3]}" for n in QUERIES["names"]
             if (top := search(search_page, n["name"]))[:1] != [page_url(n["page"])]]
    assert not wrong, "Names that did not come first:\n" + "\n".join(wrong)


def test_accents_and_stems_fold_in_spanish_search(search_page):
    assert "/es/safety/side-effects/" in search(search_page, "efectos secundarios")[:3]
    with_accent, without = search(search_page, "depresión resistente"), search(search_page, "depresion resistente")
    assert with_accent and with_accent[:3] == without[:3], "an accent changed the results"
    assert all(url.startswith("/es/") for url in with_accent + without), "a Spanish search found English pages"


# ---- Spanish handouts on paper ------------------------------------------------------------------
# Spanish runs about a fifth longer than English, yet every handout and every choice of 2 or 3 options on
# /es/compare/ prints on 2 sheets of both papers, as in English. On 2026-12-07 the fullest (infusion, KAP
# and brain stimulation on Letter) filled its second sheet to about 90%: a longer Spanish answer fails here first.
OPTION_IDS = [o["id"] for o in yaml.safe_load((DOCS / "_data" / "options.yml").read_text(encoding="utf-8"))["options"]]
HANDOUTS = ["/es/choosing-a-provider/", "/es/safety/ketamine-mills/", "/es/what-to-expect/", "/es/get-help-now/"]
CHOICES = [f"/es/compare/?options={','.join(chosen)}"
           for k in (2, 3) for chosen in itertools.combinations(OPTION_IDS, k)]


def sheets_and_sizes(print_page, server, url, paper):
    from test_print import BODY_PT, NOTE_PT, pdf_pages, print_pdf, printed_text

    pdf = print_pdf(print_page, server, url, paper)
    runs = printed_text(pdf)
    characters: dict[float, int] = {}
    for _, size, _, text in runs:
        characters[size] = characters.get(size, 0) + len(text)
    assert max(characters, key=characters.get) >= BODY_PT - 0.05, f"{url} ({paper}): body text under {BODY_PT} pt"
    tiny = [text[:40] for _, size, _, text in runs if size < NOTE_PT - 0.05]
    assert not tiny, f"{url} ({paper}) prints text under {NOTE_PT} pt: {tiny[:5]}"
    return pdf_pages(pdf)


@pytest.mark.parametrize("paper", ["Letter", "A4"])
@pytest.mark.parametrize("url", HANDOUTS + CHOICES)
def test_spanish_handout_fits_on_two_sheets_at_11_pt(print_page, server, url, paper):
    sheets = sheets_and_sizes(print_page, server, url, paper)
    assert 1 <= sheets <= 2, f"{url} prints on {sheets} {paper} pages; the limit is 2"


def test_the_spanish_grid_warns_about_paper_only_past_3_options(print_page, server):
    """Both editions fit 3 options on 2 sheets, so both say so only when more are chosen."""
    print_page.goto(server + "/es/compare/?options=infusion,kap,brain-stimulation", wait_until="networkidle")
    status = print_page.locator(".option-choice [role=status]").inner_text()
    assert "hojas" not in status, status
    print_page.goto(server + "/es/compare/?options=infusion,kap,spravato,brain-stimulation", wait_until="networkidle")
    status = print_page.locator(".option-choice [role=status]").inner_text()
    assert "Con más de 3, puede que no quepa en 2 hojas al imprimir." in status, status


def test_a_grid_label_still_to_translate_stays_plain_text_in_its_cells_attribute():
    """A Spanish grid heading shown in English is marked up (<span lang="en">…); the label each cell carries
    for a phone (data-label) must stay plain text, or the cell's HTML would break."""
    from content_checks import render

    data = site_data.load(DOCS_ES)
    data.options.options[0].label = languages.UNTRANSLATED.format(text='IV "drip"')
    cell = re.search(r'<td data-label="[^"]*"', render.option_grid(data)).group(0)
    assert cell == '<td data-label="IV &quot;drip&quot; (en inglés: la traducción está pendiente)"'
