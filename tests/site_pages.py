"""The pages the site must publish, derived from docs/ (so a new page is tested at once)."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from content_checks.paths import built_file, url_of
from content_checks.paths import pages as docs_pages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def pages() -> dict[str, str]:
    """Each Markdown page's site path ('/', '/safety/', '/safety/ketamine-mills/') and its file."""
    return {url_of(inside): f"docs/{inside}" for inside in docs_pages(DOCS)}


def content_urls() -> list[str]:
    return list(pages())


def html_file(site: Path, url: str) -> Path:
    return built_file(site, url)


def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !ENV and friends
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def copy_project(into: Path, spanish: bool = True) -> Path:
    """A copy of what a build reads (docs, templates, checks, config), for builds in a scratch folder;
    without the Spanish edition when a test changes the English pages and builds English only."""
    for name in ("docs", "overrides", "content_checks", "templates") + (("docs-es",) if spanish else ()):
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml",) + (("mkdocs.es.yml",) if spanish else ()):
        shutil.copy(ROOT / name, into / name)
    if spanish:  # the Spanish crisis words are checked against these ordinary searches
        (into / "tests").mkdir(exist_ok=True)
        shutil.copy(ROOT / "tests" / "crisis_queries_es.yml", into / "tests" / "crisis_queries_es.yml")
    return into
