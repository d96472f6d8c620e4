"""Where a page lives, written once: its Markdown file inside docs/, its address on the site, and the
HTML file a build writes for it."""
from __future__ import annotations

from pathlib import Path

NOT_PAGES = ("_includes/", "_data/")  # folders of docs/ whose Markdown is not a page


def pages(docs_dir: Path) -> dict[str, Path]:
    """Each page's path inside docs/ ('safety/index.md') and its file, in order."""
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        inside = path.relative_to(docs_dir).as_posix()
        if not inside.startswith(NOT_PAGES):
            found[inside] = path
    return found


def url_of(inside: str) -> str:
    """'index.md' -> '/', 'safety/index.md' -> '/safety/', 'treatments/esketamine.md' -> '/treatments/esketamine/'."""
    stem = inside.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"/{stem}/" if stem else "/"


def built_file(site_dir: Path, url: str) -> Path:
    """The HTML file a build writes for an address: '/safety/' -> site/safety/index.html."""
    return site_dir / url.split("#")[0].split("?")[0].strip("/") / "index.html"


def url_of_built(site_dir: Path, html_file: Path) -> str:
    """site/safety/index.html -> '/safety/'."""
    folder = html_file.parent.relative_to(site_dir).as_posix().strip(".").strip("/")
    return f"/{folder}/" if folder else "/"
