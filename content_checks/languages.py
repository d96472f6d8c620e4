"""The site's languages, written once: each edition's docs folder, config file and address, and how the
Spanish data is laid over the English data (ENGINEERING.md, Languages).

One build per language. English is docs/ with mkdocs.yml, published at /; Spanish is docs-es/ with
mkdocs.es.yml, published at /es/ inside the English site. Every English page has a Spanish page at the
same path: a translation, or a short page saying in Spanish that it is not translated yet.

Data. Facts, figures and sources are written once, in docs/_data/*.yml. The Spanish words for them are in
docs/_data/es/*.yml, with the same keys and ids and only the texts readers see. Each Spanish text keeps,
in an `english:` block beside it, the English it was translated from. When the English changes, or a
Spanish text is missing, the Spanish edition shows the current English, marked as English, never an
outdated or silent translation; the checks list it for staff (rules spanish-missing, spanish-outdated).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Edition:
    code: str  # the language code: <html lang>, hreflang and Pagefind's index
    name: str  # the language's own name, as its switch link shows it
    docs: str  # the folder of its Markdown pages
    config: str  # its MkDocs/Zensical config file
    prefix: str  # its address inside the site: '' or 'es/'


ENGLISH = Edition("en", "English", "docs", "mkdocs.yml", "")
SPANISH = Edition("es", "Español", "docs-es", "mkdocs.es.yml", "es/")
EDITIONS = (ENGLISH, SPANISH)

# Marks an English text shown in the Spanish edition because its Spanish is missing or outdated.
UNTRANSLATED = '<span lang="en">{text}</span> <em>(en inglés: la traducción está pendiente)</em>'

# Keys whose values are not reader-visible words: they stay in the English file only.
NOT_WORDS = {"id", "page", "source", "kind", "check", "check_by", "detect", "aliases", "code", "unit",
             "at_a_glance", "figures", "year", "amount", "english"}
# An answer that shows another entry ({fact: id}, {cost: option}): it is shown in the other entry's words.
REFERENCES = ({"fact"}, {"cost"})


def edition_of(docs_dir: Path) -> Edition:
    """The edition whose pages are in `docs_dir` (English for any other folder, such as a test's)."""
    return next((e for e in EDITIONS if docs_dir.name == e.docs and e is not ENGLISH), ENGLISH)


def data_dir(docs_dir: Path) -> Path:
    """Where the data files are: docs/_data for every edition (one fact, one place)."""
    edition = edition_of(docs_dir)
    return (docs_dir.parent / ENGLISH.docs if edition is not ENGLISH else docs_dir) / "_data"


def site_prefix(site_dir: Path) -> str:
    """'/es' for the Spanish edition's built folder inside the English site (site/es), else ''."""
    edition = next((e for e in EDITIONS if e.prefix and site_dir.name == e.prefix.strip("/")), None)
    return f"/{edition.code}" if edition and (site_dir.parent / "assets").is_dir() else ""


def config_file(docs_dir: Path) -> Path:
    return docs_dir.parent / edition_of(docs_dir).config


@dataclass
class Gap:
    """A reader-visible English text that the Spanish edition shows in English: its path in the data
    file, the English now, and the Spanish (with the English it was translated from) when there is one."""
    path: tuple
    english: str
    spanish: str | None = None
    translated_from: str | None = None

    @property
    def outdated(self) -> bool:
        return self.spanish is not None


def overlay(english, spanish, path: tuple = ()) -> tuple[object, list[Gap]]:
    """The English data with every reader-visible text replaced by its Spanish, where the Spanish exists
    and was translated from the English as it is now; other texts stay English, marked (UNTRANSLATED)."""
    gaps: list[Gap] = []
    if isinstance(english, dict) and set(english) in REFERENCES:
        return english, gaps
    if isinstance(english, dict):
        spanish = spanish if isinstance(spanish, dict) else {}
        record = spanish.get("english") if isinstance(spanish.get("english"), dict) else {}
        merged = {}
        for key, value in english.items():
            if key in NOT_WORDS:
                merged[key] = value
            elif key == "tooltips":  # the words themselves differ by language: the whole list is replaced
                merged[key] = spanish.get(key, {})
            elif isinstance(value, str):
                said, was = spanish.get(key), record.get(key)
                if isinstance(said, str) and was == value:
                    merged[key] = said
                else:
                    merged[key] = UNTRANSLATED.format(text=value)
                    gaps.append(Gap(path + (key,), value, said if isinstance(said, str) else None, was))
            else:
                merged[key], found = overlay(value, spanish.get(key), path + (key,))
                gaps += found
        return merged, gaps
    if isinstance(english, list):
        spanish = spanish if isinstance(spanish, list) else []
        merged = []
        for index, item in enumerate(english):
            match = _matching(item, spanish, index)
            merged_item, found = overlay(item, match, path + (index,))
            merged.append(merged_item)
            gaps += found
        return merged, gaps
    return english, gaps


def _matching(item, spanish: list, index: int):
    """The Spanish list item for an English one: the one with the same `id` (or billing `code`)."""
    for key in ("id", "code"):
        if isinstance(item, dict) and key in item and any(isinstance(s, dict) and key in s for s in spanish):
            return next((s for s in spanish if isinstance(s, dict) and s.get(key) == item[key]), None)
    return spanish[index] if index < len(spanish) else None


# ---- a translated page's status line ({{ translation_note("safety/side-effects.md") }}) ------------
# A page's search tags (front matter `tags:`) are words for the English index only: adding one does not
# make a translation out of date.
SEARCH_TAGS = re.compile(r"^tags:[ \t]*\n(?:[ \t]+- .*\n)*", re.M)


def english_version(docs_dir: Path, inside: str) -> str:
    """The version of an English page a translation records: the start of the SHA-256 of its text without
    its search tags."""
    english = docs_dir.parent / ENGLISH.docs / inside
    if not english.exists():
        return ""
    text = english.read_text(encoding="utf-8")
    end = text.find("\n---", 3) + 1  # the tags are in the front matter
    return hashlib.sha256((SEARCH_TAGS.sub("", text[:end]) + text[end:]).encode("utf-8")).hexdigest()[:12]


def english_address(inside: str) -> str:
    """The English page's address relative to its Spanish page (/es/safety/x/ -> ../../../safety/x/)."""
    from .paths import url_of
    url = url_of(inside)
    return "../" * url.count("/") + url.lstrip("/")


def front_matter(path: Path) -> dict:
    match = re.match(r"\A---\s*\n(.*?\n)---", path.read_text(encoding="utf-8"), re.S)
    try:
        meta = yaml.safe_load(match.group(1)) if match else {}
    except yaml.YAMLError:
        meta = {}
    return meta if isinstance(meta, dict) else {}


def translation_note(docs_dir: Path, inside: str) -> str:
    """The line at the top of a Spanish page: not translated yet; or translated from which English
    version, reviewed or not; and whether the English has changed since."""
    meta = front_matter(docs_dir / inside)
    link = f'<a href="{english_address(inside)}" hreflang="en">{{}}</a>'
    record = meta.get("translation")
    if not isinstance(record, dict):
        # The English page's sections, each at its own id, so a link to a section lands here on its English link.
        english = docs_dir.parent / ENGLISH.docs / inside
        sections = SECTION.findall(english.read_text(encoding="utf-8")) if english.exists() else []
        items = "".join(f'<li id="{anchor}"><a href="{english_address(inside)}#{anchor}" hreflang="en" lang="en">'
                        f'{html.escape(title.strip())}</a></li>' for title, anchor in sections)
        listed = f'<p>Sus secciones, en inglés:</p><ul>{items}</ul>' if items else ""
        return ('<div class="translation-note" data-search-exclude><p>Esta página aún no está traducida al español. '
                f'Puede {link.format("leerla en inglés")}.</p>{listed}</div>')
    when = record.get("translated")
    reviewer = str(record.get("reviewed_by") or "").strip()
    said = f"Traducida del inglés el {spanish_date(when)}" if isinstance(when, dt.date) else "Traducida del inglés"
    said += (f"; revisó la traducción: {reviewer}." if reviewer else "; aún no la ha revisado una persona calificada.")
    if str(record.get("english_version", "")) != english_version(docs_dir, inside):
        return ('<p class="translation-note translation-note--outdated" data-search-exclude><strong>La página en '
                'inglés cambió después de esta traducción</strong>, y puede decir algo más reciente. '
                f'{link.format("Lea la página en inglés")}. {said}</p>')
    return (f'<p class="translation-note" data-search-exclude>{said} '
            f'{link.format("Página en inglés")}.</p>')


SECTION = re.compile(r"^## (.+?)\s*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.M)
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")


def spanish_date(day: dt.date) -> str:
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


# ---- one sitemap for both editions, with hreflang ---------------------------------------------------
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_sitemaps(site_dir: Path) -> int:
    """After both builds: site/sitemap.xml lists every page of both editions, each with its two language
    versions (hreflang), as search engines read them; site/es/sitemap.xml the Spanish ones the same way.
    The builders each write a sitemap of their own edition only. hreflang lives here, not in <link> tags:
    Material's script fetches a sitemap for every <link rel="alternate"> on every page view."""
    import gzip
    from xml.etree import ElementTree

    spanish_site = site_dir / SPANISH.prefix.strip("/")
    if not (site_dir / "sitemap.xml").exists() or not (spanish_site / "sitemap.xml").exists():
        return 0

    def entries(path: Path) -> list[tuple[str, str]]:
        root = ElementTree.parse(path).getroot()
        return [(u.findtext(f"{{{SITEMAP_NS}}}loc") or "", u.findtext(f"{{{SITEMAP_NS}}}lastmod") or "")
                for u in root.findall(f"{{{SITEMAP_NS}}}url")]

    spanish = entries(spanish_site / "sitemap.xml")
    spanish_root = next((loc for loc, _ in spanish if loc.endswith(f"/{SPANISH.prefix}")), "")
    # The root sitemap may already be a merged one (the step ran before): its English addresses only.
    english = list(dict.fromkeys((loc, lastmod) for loc, lastmod in entries(site_dir / "sitemap.xml")
                                 if not (spanish_root and loc.startswith(spanish_root))))
    english_root = spanish_root[: -len(SPANISH.prefix)] if spanish_root else ""
    spanish_locs = {loc for loc, _ in spanish}

    def pair(loc: str) -> tuple[str, str]:
        if spanish_root and loc.startswith(spanish_root):
            return english_root + loc[len(spanish_root):], loc
        return loc, (spanish_root + loc[len(english_root):]) if english_root else ""

    def urlset(items: list[tuple[str, str]]) -> str:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        for loc, lastmod in items:
            en, es = pair(loc)
            lines.append(f"  <url>\n    <loc>{html.escape(loc)}</loc>" + (f"\n    <lastmod>{lastmod}</lastmod>" if lastmod else ""))
            if es in spanish_locs:
                for code, href in (("en", en), ("es", es)):
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(href)}"/>')
            lines.append("  </url>")
        return "\n".join(lines + ["</urlset>", ""])

    for folder, items in ((site_dir, english + spanish), (spanish_site, spanish)):
        text = urlset(items)
        (folder / "sitemap.xml").write_text(text, encoding="utf-8")
        if (folder / "sitemap.xml.gz").exists():
            (folder / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return len(english) + len(spanish)
