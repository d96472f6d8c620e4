"""Macros for pages that opt in with `render_macros: true` (mkdocs-macros-plugin under MkDocs, Zensical's
built-in macros under Zensical). What each shows is written once in render.py, which the content checks
render with too."""
from __future__ import annotations

from pathlib import Path

from . import data as site_data
from . import render


def define_env(env) -> None:
    """Called by mkdocs-macros-plugin and by Zensical when they load `module_name: content_checks`."""
    conf = getattr(env, "conf", {}) or {}
    docs_dir = Path(str(conf.get("docs_dir") or "docs"))
    if not docs_dir.is_absolute():
        docs_dir = Path(getattr(env, "project_dir", ".")) / docs_dir
    # Problems in the data are explained by the content checks (the build hook, `make check`); a page
    # that asks for a missing entry then fails to render, so no page shows half a fact.
    for name, function in render.macros(site_data.load(docs_dir), str(conf.get("site_url") or "")).items():
        env.macro(function, name)
