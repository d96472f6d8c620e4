"""Macros for pages that opt in with `render_macros: true` (mkdocs-macros-plugin under MkDocs,
Zensical's built-in macros under Zensical). They add content at build time, portably: QR codes,
copy-link addresses, section links, and the facts kept once in docs/_data/ (data.py)."""
from __future__ import annotations

import re
from pathlib import Path

import segno

from . import data as site_data

SECTION = re.compile(r"^## (.+?)\s*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.M)


def qr_code_svg(url: str) -> str:
    """An inline SVG QR code of `url`, for printed handouts. Made here, never by an outside service."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", title=f"QR code for {url}")
    # No caption: on paper the page's address is already printed at the top.
    return f'<figure class="print-qr" role="img" aria-label="QR code linking to {url}">{svg}</figure>'


def sections(docs_dir: Path, page: str) -> list[tuple[str, str]]:
    """(title, id) of the `##` sections of a page, in order: the anchors clinicians can link to."""
    path = docs_dir / page
    if not path.exists():
        raise FileNotFoundError(f"section_links(\"{page}\"): there is no page docs/{page}. If the page moved or was "
                                "deleted, change or remove this line in docs/for-clinicians.md.")
    text = path.read_text(encoding="utf-8")
    return [(title.strip(), anchor) for title, anchor in SECTION.findall(text)]


def define_env(env) -> None:
    """Called by mkdocs-macros-plugin and by Zensical when they load `module_name: content_checks`."""
    conf = getattr(env, "conf", {}) or {}
    docs_dir = Path(str(conf.get("docs_dir") or "docs"))
    if not docs_dir.is_absolute():
        docs_dir = Path(getattr(env, "project_dir", ".")) / docs_dir
    # Problems in the data are explained by the content checks (the build hook, `make check`);
    # a page that asks for a missing entry then fails to render, so no page shows half a fact.
    facts = site_data.load(docs_dir)

    def address(path: str) -> str:
        site_url = str(conf.get("site_url") or "").rstrip("/")
        path = path.strip("/")
        return f"{site_url}/{path}/" if path else f"{site_url}/"

    @env.macro
    def qr_code(path: str) -> str:
        """`{{ qr_code("/compare/") }}`: the QR code of a page's permanent address."""
        return qr_code_svg(address(path))

    @env.macro
    def copy_link(path: str) -> str:
        """`{{ copy_link("/kap/") }}`: the full address as a link; a script adds a Copy button."""
        url = address(path)
        return f"[{url}]({url}){{ .copy-link }}"

    @env.macro
    def section_links(page: str) -> str:
        """`{{ section_links("treatments/esketamine.md") }}`: links to each section of a page. They repeat
        other pages' headings, so they stay out of the search index (it has a byte budget)."""
        links = " · ".join(f"[{title}]({page}#{anchor})" for title, anchor in sections(docs_dir, page))
        return f"<span data-search-exclude>{links}</span>"

    # The single source of facts (docs/_data/*.yml); see content_checks/data.py.
    env.macro(facts.fact, "fact")
    env.macro(facts.define, "define")
    env.macro(facts.glossary_list, "glossary")
    env.macro(facts.routes_table, "routes_table")
    env.macro(facts.route_facts, "route_facts")
    env.macro(facts.option_grid, "option_grid")
    env.macro(facts.option_list, "option_list")
    env.macro(facts.option_facts, "option_facts")
