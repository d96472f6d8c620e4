"""Checks of a built site folder, whichever tool built it (MkDocs or Zensical): the URL and anchor
contract, nothing loaded from another origin, and the byte budgets. Run by the MkDocs hook after
a build, by `make build-zensical`, and by `python -m content_checks --site SITE_DIR`."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from . import languages, budget, contract
from .problems import Problem
from .registry import report

# Elements and attributes a browser fetches by itself.
FETCHED = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"], "embed": ["src"],
    "object": ["data"], "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
    "track": ["src"], "input": ["src"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
}
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                     "modulepreload", "manifest", "apple-touch-icon", "mask-icon"}


def is_other_origin(address: str, own_host: str) -> bool:
    address = address.strip()
    if address.startswith("//"):
        return True
    parsed = urlparse(address)
    return parsed.scheme in ("http", "https") and parsed.netloc != own_host


def other_origins(html: str, own_host: str) -> list[str]:
    """What a page would fetch from another origin: the privacy promise is that it fetches nothing."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attributes in FETCHED.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                for address in re.split(r",\s*", element.get(attribute, "") or ""):
                    if address and is_other_origin(address.split(" ")[0], own_host):
                        found.append(f"<{tag} {attribute}=\"{address}\">")
    for link in soup.find_all("link"):
        if FETCHED_LINK_RELS & set(link.get("rel", [])) and is_other_origin(link.get("href", ""), own_host):
            found.append(f"<link rel=\"{' '.join(link.get('rel'))}\" href=\"{link['href']}\">")
    for style in [s.get_text() for s in soup.find_all("style")] + [e["style"] for e in soup.find_all(style=True)]:
        found += [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", style) if is_other_origin(u, own_host)]
        found += re.findall(r"@import\s+['\"]?(https?:[^'\"; ]+)", style)
    return found


def privacy(site_dir: Path, own_host: str) -> list[Problem]:
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        for address in other_origins(page.read_text(encoding="utf-8", errors="replace"), own_host):
            shown = page.relative_to(site_dir).as_posix()
            problems.append(report("other-origin", f"site/{shown}", 1, address=address))
    for css in sorted(site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for address in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]?([^'\"; ]+)", text):
            if is_other_origin(address, own_host):
                problems.append(report("other-origin-stylesheet", f"site/{css.relative_to(site_dir).as_posix()}", 1,
                                       address=address))
    return problems


def missing_files(site_dir: Path) -> list[Problem]:
    """Scripts, styles and images a built page links to that the build did not write (for example after a
    plugin renamed a file): the page would load without them."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        shown = page.relative_to(site_dir).as_posix()
        url = "/" + shown.removesuffix("index.html")
        for address in budget.local_files(page.read_text(encoding="utf-8", errors="replace")):
            if not budget.site_file(site_dir, url, address).is_file():
                problems.append(report("linked-file-missing", f"site/{shown}", 1, address=address))
    return problems


def check_built_site(site_dir: Path, docs_dir: Path, site_url: str = "", budgets: bool = True) -> list[Problem]:
    """`budgets=False` for a Zensical build: its own scripts and styles already weigh about 87 KB gzip
    before any page, so the byte budgets hold for the MkDocs build, the one we publish."""
    # Both editions keep the same addresses and anchors (a Spanish page at each English path), so the one
    # list in docs/_data holds for site/ and for site/es.
    data = languages.data_dir(docs_dir)
    problems: list[Problem] = []
    urls = data / "published-urls.txt"
    if urls.exists():
        problems += contract.missing(site_dir, urls) + contract.unlisted(site_dir, urls)
    else:
        problems.append(report("published-list-missing", f"{docs_dir.name}/_data/published-urls.txt", 1))
    anchors = data / "published-anchors.txt"
    if anchors.exists():
        problems += contract.missing_anchors(site_dir, anchors)
    problems += privacy(site_dir, urlparse(site_url).netloc)
    problems += missing_files(site_dir)
    if budgets:
        problems += budget.check(site_dir, docs_dir)
    return problems
