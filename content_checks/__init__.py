"""Content checks for the Ketamine Treatment Guide.

One small package used in two places: the MkDocs build (a hook that only
validates and logs) and the test suite. Every problem it reports names the
file, the line, what is wrong and what a correct version looks like, because
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
