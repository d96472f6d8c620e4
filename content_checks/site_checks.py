"""Checks of a built site folder, whichever tool built it (MkDocs or Zensical): the URL and anchor
contract, the search index, nothing loaded from another origin, and the byte budgets. Run by the MkDocs hook after
a build, by `make build-zensical`, and by `python -m content_checks --site SITE_DIR`."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from . import budget, contract
from .problems import Problem

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


def is_redirect(html: str) -> bool:
    return bool(re.search(r"<meta http-equiv=\"refresh\"", html[:2000], re.I))


def privacy(site_dir: Path, own_host: str) -> list[Problem]:
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        for address in other_origins(page.read_text(encoding="utf-8", errors="replace"), own_host):
            shown = page.relative_to(site_dir).as_posix()
            problems.append(Problem(f"site/{shown}", 1, f"This built page would load {address} from another "
                                    "site, which tells that site who reads us.",
                                    "find what adds it (a page's raw HTML, a template in overrides/, or a theme "
                                    "setting such as Google Fonts) and remove it. Serve the file from docs/assets/ "
                                    "instead. Ask an engineer if it came with a theme upgrade."))
    for css in sorted(site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for address in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]?([^'\"; ]+)", text):
            if is_other_origin(address, own_host):
                problems.append(Problem(f"site/{css.relative_to(site_dir).as_posix()}", 1,
                                        f"This stylesheet would load {address} from another site.",
                                        "serve the file from docs/assets/ instead, and change the stylesheet."))
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
                problems.append(Problem(f"site/{shown}", 1, f"This built page links to {address}, which the build "
                                        "did not write, so the page loads without it.",
                                        "if a template in overrides/ names it, fix the name there (the minify plugin "
                                        "in mkdocs.yml renames site.js to site.min.js); otherwise ask an engineer."))
    return problems


def search_index(site_dir: Path, docs_dir: Path) -> list[Problem]:
    """The search index exists and lists every page that is not kept out of search on purpose."""
    index_file = budget.search_index_file(site_dir)
    if index_file is None:
        return [Problem("mkdocs.yml", 1, "The built site has no search index, so search finds nothing.",
                        "keep the 'search' plugin under 'plugins:' in mkdocs.yml.")]
    try:
        index = json.loads(index_file.read_text(encoding="utf-8"))
    except ValueError as error:
        return [Problem(f"site/{index_file.relative_to(site_dir)}", 1, f"The search index is not valid ({error}).",
                        "build again; if it stays broken, ask an engineer.")]
    entries = index.get("docs") or index.get("items") or []
    locations = {str(e.get("location", "")).split("#")[0] for e in entries}
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        inside = path.relative_to(docs_dir).as_posix()
        if inside.startswith(("_includes/", "_data/")):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(r"^search:\s*\n\s+exclude:\s*true", text, re.M):
            continue
        location = re.sub(r"(^|/)index\.md$", r"\1", inside).removesuffix(".md")
        location = location + "/" if location and not location.endswith("/") else location
        if location not in locations:
            problems.append(Problem(f"{docs_dir.name}/{inside}", 1, "This page is missing from the search index, so "
                                    "readers cannot find it by searching.",
                                    "check that its front matter does not say 'search: exclude: true' by mistake; "
                                    "otherwise ask an engineer."))
    return problems


def check(site_dir: Path, docs_dir: Path, site_url: str = "", budgets: bool = True) -> list[Problem]:
    """`budgets=False` for a Zensical build: its own scripts and styles already weigh about 87 KB gzip
    before any page, so the byte budgets hold for the MkDocs build, the one we publish."""
    data = docs_dir / "_data"
    problems: list[Problem] = []
    urls = data / "published-urls.txt"
    if urls.exists():
        problems += contract.missing(site_dir, urls) + contract.unlisted(site_dir, urls)
    else:
        problems.append(Problem(f"{docs_dir.name}/_data/published-urls.txt", 1, "The list of published addresses "
                                "is missing.", "restore it from git: it must list every address ever published."))
    anchors = data / "published-anchors.txt"
    if anchors.exists():
        problems += contract.missing_anchors(site_dir, anchors)
    problems += search_index(site_dir, docs_dir)
    problems += privacy(site_dir, urlparse(site_url).netloc)
    problems += missing_files(site_dir)
    if budgets:
        problems += budget.check(site_dir, docs_dir)
    return problems
