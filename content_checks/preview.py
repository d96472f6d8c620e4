"""`make serve`: MkDocs's live preview of both languages, with their search indexes made after every
build, so search and the language switch work in it as on the published site (the index is a build step,
not a hook: search_index.py). The English edition is served at /, the Spanish one at /es/; editing a page
of either rebuilds both.

    python -m content_checks.preview [ADDRESS]     (default 127.0.0.1:8000)
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.commands import serve
from mkdocs.config import load_config

from . import languages, search_index


def main(argv: list[str]) -> None:
    build_pages = serve.build
    address = argv[0] if argv else "127.0.0.1:8000"

    def build_both_and_index(config, **kwargs):
        build_pages(config, **kwargs)
        # The Spanish edition into the preview's own folder, under es/, with the preview's address.
        spanish = load_config(config_file=languages.SPANISH.config, site_dir=str(Path(config.site_dir) / "es"),
                              site_url=f"http://{address}/es/")
        spanish.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build.build(spanish, serve_url=None)
        search_index.main([config.site_dir, config.docs_dir])

    serve.build = build_both_and_index  # the preview's own build, then the Spanish one, then the indexes
    serve.serve(config_file=str(Path(languages.ENGLISH.config)), dev_addr=address,
                watch=[languages.SPANISH.docs, languages.SPANISH.config])


if __name__ == "__main__":
    main(sys.argv[1:])
