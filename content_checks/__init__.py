"""Content checks for the Ketamine Treatment Guide.

One small package with two roles. It renders: the macros (macros.py, render.py)
and the Markdown extension (page_markup.py) that both builders load. And it
checks: the page stage and the built-site stage, run by the MkDocs hook (which
only validates), `make check`, CI and the tests. Every problem it reports names
the file, the line, its rule, what is wrong and what to write instead, because
the people fixing them are clinic staff, not programmers.
"""


def define_env(env) -> None:
    """Entry point for `module_name: content_checks` (mkdocs-macros-plugin and Zensical).

    Zensical loads this file on its own, not as a package, so the package is imported by name
    from the project folder."""
    import importlib
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    importlib.import_module("content_checks.macros").define_env(env)
