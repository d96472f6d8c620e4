"""Macros for pages that opt in with `render_macros: true` (mkdocs-macros-plugin under MkDocs, Zensical's
built-in macros under Zensical). What each shows is written once in render.py, which the content checks
render with too."""
from __future__ import annotations

from pathlib import Path

from . import data as site_data
from . import languages, render

_LOADED: dict[tuple, site_data.SiteData] = {}


def _data(docs_dir: Path) -> site_data.SiteData:
    """The data, read once while its files are unchanged: Zensical calls define_env for every page."""
    folder = languages.data_dir(docs_dir)
    key = (str(docs_dir.resolve()),) + tuple((str(f), f.stat().st_mtime_ns) for f in sorted(folder.rglob("*.yml")))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = site_data.load(docs_dir)
    return _LOADED[key]


def define_env(env) -> None:
    """Called by mkdocs-macros-plugin and by Zensical when they load `module_name: content_checks`."""
    conf = getattr(env, "conf", {}) or {}
    docs_dir = Path(str(conf.get("docs_dir") or "docs"))
    if not docs_dir.is_absolute():
        docs_dir = Path(getattr(env, "project_dir", ".")) / docs_dir
    # Problems in the data are explained by the content checks (the build hook, `make check`); a page
    # that asks for a missing entry then fails to render, so no page shows half a fact.
    for name, function in render.macros(_data(docs_dir), str(conf.get("site_url") or "")).items():
        env.macro(function, name)
