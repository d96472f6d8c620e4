"""Content checks for the Ketamine Treatment Guide.

One small package used in two places: the MkDocs build (a hook that only
validates and logs) and the test suite. Every problem it reports names the
file, the line, what is wrong and what a correct version looks like, because
the people fixing them are clinic staff, not programmers.
"""


def define_env(env) -> None:
    """Entry point for `module_name: content_checks` (mkdocs-macros-plugin and Zensical).

    Zensical loads this file on its own, not as a package, so macros.py is loaded by path."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("content_checks_macros", Path(__file__).with_name("macros.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.define_env(env)
