"""Shared fixtures: one strict build per test run, a local server, and Debian's Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROWSER_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                 "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                 "/Applications/Chromium.app/Contents/MacOS/Chromium"]
# Chromium must not try to reach the internet on its own (updates, safe browsing, sync).
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-features=Translate,OptimizationHints,MediaRouter"]


def build(config_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Strict MkDocs builds of both languages (the Spanish one, when the project has it, into site/es),
    then their search indexes, as `make build` does; returns the finished process (its output has the
    messages)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=config_dir, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        return result
    if (config_dir / "mkdocs.es.yml").exists():
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.es.yml",
                                 "--site-dir", str(site_dir / "es")],
                                cwd=config_dir, capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:
            return result
    return subprocess.run([sys.executable, "-m", "content_checks.search_index", str(site_dir), "docs"],
                          cwd=config_dir, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per run with --strict into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    if result.returncode != 0:
        # Once, not once per test that needs the site: hundreds of copies of the same log help nobody.
        pytest.exit("The strict build failed, so the tests that need the built site cannot run:\n"
                    + result.stdout[-3000:] + result.stderr[-6000:], returncode=1)
    return site_dir


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, with its own 404 page, quietly."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.exists():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def server(site) -> str:
    handler = functools.partial(SiteHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The same project built by Zensical (strict), with its search index, as `make build-zensical` does."""
    from site_pages import copy_project

    project = copy_project(tmp_path_factory.mktemp("zensical"))
    for config in ("mkdocs.yml", "mkdocs.es.yml"):  # English into site/, then Spanish into site/es
        result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict", "-f", config],
                                cwd=project, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"zensical build --strict -f {config} failed:\n" + result.stdout[-4000:] + \
            result.stderr[-4000:]
    result = subprocess.run([sys.executable, "-m", "content_checks.search_index", "site", "docs"], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "the search index of the Zensical build failed:\n" + result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def zensical_server(zensical_site) -> str:
    handler = functools.partial(SiteHandler, directory=str(zensical_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def in_ci() -> bool:
    """CI sets CI=true; CI=false or an empty value means a developer's machine."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def find_browser() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH", "")] + BROWSER_PATHS
    return next((c for c in candidates if c and Path(c).exists()), None) or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = find_browser()
    if not path:
        message = ("No Chromium found. Install it (Debian/Ubuntu: 'sudo apt-get install chromium') "
                   "or set CHROMIUM_PATH to a Chromium or Chrome executable.")
        if in_ci():
            pytest.fail(message)  # in CI a missing browser is a failure, never a skip
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=BROWSER_ARGS, headless=True)
        yield chromium
        chromium.close()
