"""`make serve`: MkDocs's live preview, with the search index made after every build, so search works
in the preview as on the published site (the index is a build step, not a hook: search_index.py).

    python -m content_checks.preview [ADDRESS]     (default 127.0.0.1:8000)
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.commands import serve

from . import search_index


def main(argv: list[str]) -> None:
    build_pages = serve.build

    def build_pages_and_index(config, **kwargs):
        build_pages(config, **kwargs)
        search_index.main([config.site_dir, config.docs_dir])

    serve.build = build_pages_and_index  # the preview's own build, followed by the index
    serve.serve(config_file=str(Path("mkdocs.yml")), dev_addr=argv[0] if argv else "127.0.0.1:8000")


if __name__ == "__main__":
    main(sys.argv[1:])
