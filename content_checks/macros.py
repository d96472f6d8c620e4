"""Macros for pages that opt in with `render_macros: true` (mkdocs-macros-plugin under MkDocs,
Zensical's built-in macros under Zensical). They add content at build time, portably."""
from __future__ import annotations

import segno


def qr_code_svg(url: str) -> str:
    """An inline SVG QR code of `url`, for printed handouts. Made here, never by an outside service."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", title=f"QR code for {url}")
    return (f'<figure class="print-qr" role="img" aria-label="QR code linking to {url}">{svg}'
            f"<figcaption>Scan to open this page: {url}</figcaption></figure>")


def define_env(env) -> None:
    """Called by mkdocs-macros-plugin and by Zensical when they load `module_name: content_checks`."""
    conf = getattr(env, "conf", {}) or {}

    @env.macro
    def qr_code(path: str) -> str:
        """`{{ qr_code("/compare/") }}`: the QR code of this page's permanent address."""
        site_url = str(conf.get("site_url") or "").rstrip("/")
        return qr_code_svg(site_url + "/" + path.strip("/") + ("/" if path.strip("/") else ""))
