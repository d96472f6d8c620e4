"""The pages the site must publish, derived from docs/ (so a new page is tested at once)."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def pages() -> dict[str, str]:
    """Each Markdown page's site path ('/', '/safety/', '/safety/ketamine-mills/') and its file."""
    found = {}
    for path in sorted(DOCS.rglob("*.md")):
        inside = path.relative_to(DOCS).as_posix()
        if inside.startswith(("_includes/", "_data/")):
            continue
        stem = inside[: -len(".md")]
        if stem == "index":
            url = "/"
        elif stem.endswith("/index"):
            url = "/" + stem[: -len("index")]
        else:
            url = f"/{stem}/"
        found[url] = f"docs/{inside}"
    return found


def content_urls() -> list[str]:
    return list(pages())


def html_file(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


def config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !ENV and friends
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def copy_project(into: Path) -> Path:
    """A copy of what a build reads (docs, templates, checks, config), for builds in a scratch folder."""
    for name in ("docs", "overrides", "content_checks", "templates"):
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", into / "mkdocs.yml")
    return into
