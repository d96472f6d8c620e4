"""The site's search index, made from the built pages by Pagefind, whichever tool built them (MkDocs or
Zensical), and checked. `make build`, `make check`, `make build-zensical` and `make serve` run it after
the build:

    python -m content_checks.search_index SITE_DIR [DOCS_DIR]

Each language has its own index: the English pages' in SITE_DIR/pagefind/, and, when the Spanish edition
is built (SITE_DIR/es/), the Spanish pages' in SITE_DIR/es/pagefind/, so a Spanish search loads only
Spanish pieces and Pagefind stems and folds accents the Spanish way (<html lang="es">).
It writes SITE_DIR/pagefind/ (Pagefind's index, split into small pieces a browser loads as needed) and
SITE_DIR/search/words.json (the pages' words, most used first, for search.js to correct one typo,
and each page's title). Only the pages of
docs/ are indexed, not redirects, the 404 page or the search page (front matter `search: exclude: true`).
With both editions built, it also writes one sitemap for both, with each page's two language versions
(languages.write_sitemaps). It is a build step, not a hook: Zensical skips hooks, and the index must be
the same under both."""
from __future__ import annotations

import asyncio
import gzip
import json
import re
import shutil
import sys
from collections import Counter
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup

from . import languages
from .budget import gz_size
from .paths import built_file, pages, url_of
from .problems import Problem
from .registry import report

# What a reader's search looks through: the article, without what is not the page's own words. The
# notes are left out by their class too: Zensical drops the data-search-exclude attribute.
ROOT = "article.md-content__inner"
NOT_SEARCHED = ["[data-search-exclude]", ".footnote", ".headerlink", ".print-only", ".trust-footer", ".md-source-file",
                "nav", "script", "style"]
BUNDLE = "pagefind"
WORDS = Path("search") / "words.json"
# What a first search downloads at most (gzip; Pagefind's own files are compressed already): Pagefind's
# script, worker and WebAssembly, the index's entry and metadata, every piece of the index (a search
# of several words can need each), the 8 largest page excerpts (search.js shows 8 results), the words
# for typo correction, search.js and the best bets. tests/test_search.py checks that Chromium fetches
# no more than this. A two-word search measured about 200 KB; Material's search, whose whole index
# loaded at once, about 100 KB (ENGINEERING.md, Search).
FIRST_SEARCH_BUDGET = 300 * 1024
RESULTS_SHOWN = 8  # as search.js
WORD = re.compile(r"[a-záéíóúüñ]{4,}")


def excluded(path: Path) -> bool:
    """Front matter `search: exclude: true` (Material's convention) keeps a page out of search."""
    return bool(re.search(r"^search:\s*\n\s+exclude:\s*true", path.read_text(encoding="utf-8", errors="replace"), re.M))


def searched_pages(site_dir: Path, docs_dir: Path) -> dict[str, Path]:
    """Each searchable page's address and its built file."""
    found = {}
    for inside, path in pages(docs_dir).items():
        url = url_of(inside)
        if not excluded(path) and built_file(site_dir, url).exists():
            found[url] = built_file(site_dir, url)
    return found


def page_text(html: str) -> tuple[str, list[str]]:
    """A built page's title and the words search looks through."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one(ROOT) or soup.body or soup
    for element in root.select(", ".join(NOT_SEARCHED)):
        element.decompose()
    heading = root.find("h1")
    text = re.sub(r"['\u2019]", "", root.get_text(" ").lower())  # as search.js reads a search: "won't" is "wont"
    return (heading.get_text(" ", strip=True) if heading else ""), WORD.findall(text)


# Index-only weights (Pagefind's body text weighs 1, an h2 6): the page's own description of itself and
# its "In short" box name its subject, so they count three times (measured: ENGINEERING.md, Search).
ABOUT_WEIGHT = 3
# Tags weigh most. search.js (TAGS_WEIGHT) reads this number to tell an excerpt taken from the tags.
TAGS_WEIGHT = 10
SUMMARY = re.compile(r'<div class="admonition summary"')


def as_indexed(html: str, tags: list[str], description: str = "") -> str:
    """A page as Pagefind indexes it: with the words readers use for it (front matter `tags`) added to its
    article, weighted like a heading, and its front matter `description` and "In short" box weighted
    above its body. They are given to the index, not written into the page, so no reader downloads them."""
    if description:
        html = html.replace("</article>", f'<p hidden data-pagefind-weight="{ABOUT_WEIGHT}">{escape(description)}</p>'
                                          "</article>", 1)
    html = SUMMARY.sub(f'<div data-pagefind-weight="{ABOUT_WEIGHT}" class="admonition summary"', html, 1)
    if not tags:
        return html
    words = ", ".join(escape(str(tag)) for tag in tags)
    return html.replace("</article>", f'<p hidden data-pagefind-weight="{TAGS_WEIGHT}">{words}</p></article>', 1)


async def _index(site_dir: Path, found: dict[str, Path], about: dict[str, tuple[list[str], str]]) -> int:
    from pagefind.index import PagefindIndex  # the pinned `pagefind[bin]` package runs Pagefind's own binary

    config = {"root_selector": ROOT, "exclude_selectors": NOT_SEARCHED, "output_path": str(site_dir / BUNDLE)}
    async with PagefindIndex(config=config) as index:
        for url, file in found.items():
            await index.add_html_file(content=as_indexed(file.read_text(encoding="utf-8"), *about.get(url, ([], ""))),
                                      url=url)
    return len(found)


def page_about(docs_dir: Path) -> dict[str, tuple[list[str], str]]:
    """Each page's address, its front matter `tags` and its `description`."""
    found = {}
    for inside, path in pages(docs_dir).items():
        meta = languages.front_matter(path)
        tags = meta.get("tags")
        found[url_of(inside)] = ([str(tag) for tag in tags] if isinstance(tags, list) else [],
                                 str(meta.get("description") or ""))
    return found


def build(site_dir: Path, docs_dir: Path) -> int:
    """Write the index and the word list; return how many pages were indexed."""
    found = searched_pages(site_dir, docs_dir)
    about = page_about(docs_dir)
    # Pagefind's Python API stops its writer as soon as it answers "written"; on a busy machine that has
    # cut files short (an empty pagefind-entry.json). So the bundle is checked, and made again if cut.
    for _ in range(3):
        shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
        count = asyncio.run(_index(site_dir, found, about))
        if not incomplete(site_dir, count):
            break
    words, titles = Counter(), {}
    for url, file in found.items():
        titles[url], text = page_text(as_indexed(file.read_text(encoding="utf-8"), *about.get(url, ([], ""))))
        words.update(text)
    (site_dir / WORDS).parent.mkdir(parents=True, exist_ok=True)
    ranked = sorted(words, key=lambda word: (-words[word], word))
    (site_dir / WORDS).write_text(json.dumps({"words": ranked, "pages": titles}, ensure_ascii=False, separators=(",", ":")),
                                  encoding="utf-8")
    return count


def incomplete(site_dir: Path, pages_indexed: int | None = None) -> str:
    """What is missing or cut short in a Pagefind bundle ('' when it is whole)."""
    bundle = site_dir / BUNDLE
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return f"pagefind-entry.json: {error}"
    needed = [bundle / "pagefind.js", bundle / "pagefind-worker.js"]
    for language, about in entry.get("languages", {}).items():
        needed += [bundle / f"pagefind.{about['hash']}.pf_meta", bundle / f"wasm.{about['wasm']}.pagefind"]
    empty = [file.name for file in needed if not file.is_file() or file.stat().st_size == 0]
    if empty:
        return "empty or missing: " + ", ".join(empty)
    fragments = len(list((bundle / "fragment").glob("*.pf_fragment")))
    if pages_indexed is not None and fragments != pages_indexed:
        return f"{fragments} page fragments for {pages_indexed} pages"
    return ""


def indexed_urls(site_dir: Path) -> set[str]:
    """The addresses in a built Pagefind index (its fragments are gzip'd JSON, one a page)."""
    urls = set()
    for fragment in (site_dir / BUNDLE / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[data.index(b"{"):])["url"])
    return urls


def first_search_files(site_dir: Path) -> list[Path]:
    """What a first search in this edition can download. The script, the style sheet and the best bets are
    the English build's, which the Spanish edition links (overrides/main.html)."""
    bundle = site_dir / BUNDLE
    spanish = site_dir.name == languages.SPANISH.code.strip("/") and (site_dir.parent / "assets").exists()
    root, bets = (site_dir.parent, "best-bets.es.txt") if spanish else (site_dir, "best-bets.txt")
    files = [bundle / "pagefind.js", bundle / "pagefind-worker.js", site_dir / WORDS,
             root / "assets" / "javascripts" / "search.min.js", root / "assets" / "stylesheets" / "search.min.css",
             root / "assets" / "search" / bets]
    files += [bundle / f"wasm.{'es' if spanish else 'en'}.pagefind"] + sorted(bundle.glob("pagefind-entry.json"))
    files += sorted(bundle.glob("pagefind.*.pf_meta"))
    files += sorted(bundle.glob("index/*.pf_index"))
    files += sorted(bundle.glob("fragment/*.pf_fragment"), key=lambda file: -file.stat().st_size)[:RESULTS_SHOWN]
    return [file for file in files if file.exists()]


def first_search_bytes(site_dir: Path) -> int:
    """At most what a first search downloads (gzip)."""
    return sum(gz_size(file) for file in first_search_files(site_dir))


def check(site_dir: Path, docs_dir: Path) -> list[Problem]:
    """Every searchable page is in the index, and a first search stays within its budget."""
    if not (site_dir / BUNDLE / "pagefind-entry.json").exists():
        return [report("search-index-absent", "Makefile", 1)]
    cut = incomplete(site_dir)
    if cut:
        return [report("search-index-broken", f"site/{BUNDLE}", 1, why=cut)]
    try:
        urls = indexed_urls(site_dir)
    except (OSError, ValueError) as error:
        return [report("search-index-broken", f"site/{BUNDLE}/fragment", 1, why=error)]
    problems = []
    for inside, path in pages(docs_dir).items():
        if not excluded(path) and url_of(inside) not in urls:
            problems.append(report("search-index-missing-page", f"{docs_dir.name}/{inside}", 1))
    size = first_search_bytes(site_dir)
    if size > FIRST_SEARCH_BUDGET:
        problems.append(report("search-index-over-budget", f"site/{BUNDLE}", 1, size=f"{size / 1024:.1f}"))
    return problems


def editions(site_dir: Path, docs_dir: Path) -> list[tuple[Path, Path]]:
    """(built site, docs) of each edition present: English, then Spanish once it is built into site/es."""
    found = [(site_dir, docs_dir)]
    spanish_docs = docs_dir.parent / languages.SPANISH.docs
    spanish_site = site_dir / languages.SPANISH.prefix.strip("/")
    if docs_dir.name == languages.ENGLISH.docs and spanish_docs.is_dir() and (spanish_site / "index.html").exists():
        found.append((spanish_site, spanish_docs))
    return found


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]) if argv else Path("site")
    docs_dir = Path(argv[1]) if len(argv) > 1 else Path("docs")
    failed = 0
    for edition_site, edition_docs in editions(site_dir, docs_dir):
        count = build(edition_site, edition_docs)
        problems = check(edition_site, edition_docs)
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) found in the search index ({edition_docs.name})." if problems else
              f"Search index ({edition_docs.name}): {count} pages, first search "
              f"{first_search_bytes(edition_site) / 1024:.1f} KB gzip.")
        failed = failed or bool(problems)
    if len(editions(site_dir, docs_dir)) > 1:
        print(f"Sitemap: {languages.write_sitemaps(site_dir)} addresses, each with its English and Spanish versions.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
