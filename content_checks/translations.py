"""Checks of the Spanish edition (docs-es/ and docs/_data/es/) against the English one: every English page has
a Spanish page, each shows its translation status, a translation keeps the English sections, reads easily
(INFLESZ), and records the English version it came from; mkdocs.es.yml stays mkdocs.yml in Spanish. What
the Spanish edition shows in English for now is listed for staff (ENGINEERING.md, Languages)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from . import languages, readability
from .config_check import _Loader
from .page import Page
from .paths import pages
from .problems import Problem
from .registry import report

NOTE = re.compile(r"\{\{\s*translation_note\(\s*[\"']([^\"']+)[\"']\s*\)\s*\}\}")
ANCHOR = re.compile(r"^#{2,6} .*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.M)

# The settings of mkdocs.es.yml that are Spanish by design; everything else must equal mkdocs.yml.
OWN_SETTINGS = {"site_name", "site_description", "site_url", "copyright", "docs_dir", "site_dir", "nav", "not_in_nav",
                "extra_css", "theme.language", "theme.favicon", "theme.palette.*.toggle.name", "plugins.minify",
                "markdown_extensions.footnotes", "markdown_extensions.toc", "markdown_extensions.pymdownx.snippets"}


def english_docs(docs_dir: Path) -> Path:
    return docs_dir.parent / languages.ENGLISH.docs


def pages_match(docs_dir: Path) -> list[Problem]:
    """Every English page has a Spanish page at the same path, and no Spanish page lacks its English one."""
    english, spanish = pages(english_docs(docs_dir)), pages(docs_dir)
    problems = []
    for inside in english:
        if inside not in spanish:
            problems.append(report("spanish-page-missing", f"{docs_dir.name}/{inside}", 1, inside=inside,
                                   spanish=f"{docs_dir.name}/{inside}", stub=stub(inside)))
    for inside in spanish:
        if inside not in english:
            problems.append(report("spanish-page-extra", f"{docs_dir.name}/{inside}", 1, inside=inside))
    return problems


def stub(inside: str) -> str:
    """A Spanish page that says the page is not translated yet (the title is for staff to translate)."""
    return ("---\ntitle: \"(the title in Spanish)\"\ndescription: Esta página aún no está traducida al español. "
            "Puede leerla en inglés.\nuntranslated: true\nrender_macros: true\n---\n\n# (the title in Spanish)\n\n"
            f"{{{{ translation_note(\"{inside}\") }}}}")


def check_page(inside: str, page: Page, docs_dir: Path) -> list[Problem]:
    """One Spanish page: its status line, its translation record, its sections, its reading ease."""
    problems = []
    source = "\n".join(raw for _, raw in page.source or page.body)
    notes = NOTE.findall(source)
    title_line = next((n for n, raw in page.body if raw.startswith("# ")), 1)
    if inside not in notes:
        problems.append(report("translation-note-missing", page.rel, title_line, inside=inside))
    if page.meta.get("untranslated") is True:
        return problems
    record = page.meta.get("translation")
    version = languages.english_version(docs_dir, inside)
    if not isinstance(record, dict) or not record.get("english_version") or not record.get("translated"):
        problems.append(report("translation-record-missing", page.rel, 1, version=version))
    english_file = english_docs(docs_dir) / inside
    if english_file.exists():
        wanted = ANCHOR.findall(english_file.read_text(encoding="utf-8"))
        found = ANCHOR.findall(source)
        missing = [a for a in wanted if a not in found]
        extra = [a for a in found if a not in wanted]
        if missing or extra:
            problems.append(report("spanish-sections-differ", page.rel, title_line, english=f"docs/{inside}",
                                   missing=", ".join(missing) or "none", extra=", ".join(extra) or "none"))
    return problems + reading_ease(page)


def reading_ease(page: Page) -> list[Problem]:
    score = readability.inflesz(page.prose)
    if page.prose and score < readability.MIN_INFLESZ:
        hardest = sorted(page.prose, key=lambda u: -len(u.text.split()))[:3]
        lines = list(dict.fromkeys(u.line for u in hardest))
        return [report("reading-ease", page.rel, 1, score=score, limit=readability.MIN_INFLESZ,
                       lines=", ".join(map(str, lines)))]
    return []


def outdated(docs: dict[str, Page], docs_dir: Path) -> list[Problem]:
    """For `make review-due`: translated pages whose English page changed after the translation."""
    problems = []
    for inside, page in docs.items():
        record = page.meta.get("translation")
        if isinstance(record, dict) and record.get("english_version"):
            version = languages.english_version(docs_dir, inside)
            if str(record["english_version"]) != version:
                problems.append(report("translation-outdated", page.rel, 1, english=f"docs/{inside}", version=version))
    return problems


def data_gaps(data) -> list[Problem]:
    """For `make review-due`: data texts the Spanish edition shows in English, with what to write where."""
    problems = []
    for name, gaps in data.gaps.items():
        shown = f"docs/_data/{data.language}/{name}"
        for gap in gaps:
            where = " > ".join(str(part) for part in gap.path)
            line = data.line(f"{data.language}/{name}", *gap.path) if gap.spanish is not None else 1
            rule = "spanish-outdated" if gap.outdated else "spanish-missing"
            problems.append(report(rule, shown, line, where=where, english=gap.english))
    return problems


def config_differs(docs_dir: Path) -> list[Problem]:
    """mkdocs.es.yml is mkdocs.yml with Spanish words: any other difference is a change copied to one only."""
    english_file, spanish_file = docs_dir.parent / languages.ENGLISH.config, languages.config_file(docs_dir)
    try:
        english = yaml.load(english_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
        spanish = yaml.load(spanish_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        return []  # config_check reports an unreadable file
    problems = []
    for where in _differences(english, spanish):
        problems.append(report("config-languages-differ", spanish_file.name, _line(spanish_file, where), where=where))
    # The Spanish menu: the English menu's pages that are translated (the others are in not_in_nav).
    untranslated = {inside for inside, path in pages(docs_dir).items()
                    if languages.front_matter(path).get("untranslated")}
    english_nav = [page for page in _nav_pages(english.get("nav")) if page not in untranslated]
    spanish_nav = _nav_pages(spanish.get("nav"))
    if english_nav != spanish_nav:
        first = next((i for i, (a, b) in enumerate(zip(english_nav, spanish_nav)) if a != b),
                     min(len(english_nav), len(spanish_nav)))
        english_page = english_nav[first] if first < len(english_nav) else "(nothing)"
        problems.append(report("nav-languages-differ", spanish_file.name, _line(spanish_file, "nav"),
                               position=first + 1, english=english_page))
    return problems


def _differences(english, spanish, where: str = "") -> list[str]:
    if _own(where):
        return []
    if isinstance(english, dict) and isinstance(spanish, dict):
        found = []
        for key in list(english) + [k for k in spanish if k not in english]:
            found += _differences(english.get(key), spanish.get(key), f"{where}.{key}".lstrip("."))
        return found
    if isinstance(english, list) and isinstance(spanish, list) and len(english) == len(spanish):
        found = []
        for index, (a, b) in enumerate(zip(english, spanish)):
            # A list of one-key settings (plugins, Markdown extensions) is named by key, like the file says it.
            if isinstance(a, dict) and isinstance(b, dict):
                found += _differences(a, b, where if len(a) == 1 else f"{where}.*")
            elif a != b and not _own(f"{where}.{a if isinstance(a, str) else '*'}"):
                found.append(f"{where}.{a if isinstance(a, str) else '*'}")
        return found
    if isinstance(english, list) and isinstance(spanish, list):
        english_names = [next(iter(a)) if isinstance(a, dict) else a for a in english]
        spanish_names = [next(iter(b)) if isinstance(b, dict) else b for b in spanish]
        if english_names != spanish_names:
            return [where]
        return _differences(english, spanish[:len(english)], where)
    return [] if english == spanish else [where]


def _own(where: str) -> bool:
    return any(re.fullmatch(re.escape(own).replace(r"\*", r"[^.]+") + r"(\..*)?", where) for own in OWN_SETTINGS)


def _line(config_file: Path, where: str) -> int:
    key = where.split(".")[-1] if where.split(".")[-1] not in ("*", "") else where.split(".")[0]
    for number, line in enumerate(config_file.read_text(encoding="utf-8").split("\n"), start=1):
        if re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line) or line.strip() == f"- {key}":
            return number
    return 1


def _nav_pages(nav) -> list[str]:
    found = []
    if isinstance(nav, list):
        for item in nav:
            found += _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += _nav_pages(value)
    elif isinstance(nav, str):
        found.append(nav)
    return found
