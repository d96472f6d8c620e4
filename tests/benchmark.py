"""Benchmark: build times (MkDocs and Zensical), first-visit weight per page, search index size and
speed, a 500-page scale run, and Lighthouse mobile scores (the search page's too). Timings live here, never in the tests.

Run with `make bench`. Lighthouse needs the npm package: `npm install --prefix .venv/lighthouse lighthouse`
(the command prints this if it is missing); it drives the same Debian Chromium as the tests."""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "10"))  # Lighthouse 100 in each of 10 runs is the target
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]
from content_checks import search_index  # noqa: E402
from content_checks.budget import first_visit_bytes, gz  # noqa: E402
from site_pages import content_urls, copy_project  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def build_times() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        mkdocs = [timed([str(BIN / "python"), "-m", "mkdocs", "build", "--strict", "-q"], project) for _ in range(RUNS)]
        zensical = [timed([str(BIN / "python"), "-m", "zensical", "build", "--clean"], project) for _ in range(RUNS)]
    return statistics.median(mkdocs), statistics.median(zensical)


def page_weights(site: Path) -> list[tuple[str, int]]:
    """Both languages' pages: the Spanish edition is built into site/es (its pages' addresses start /es/)."""
    english = [(url, first_visit_bytes(site, url)) for url in content_urls()]
    spanish = [("/es" + url, first_visit_bytes(site / "es", url)) for url in content_urls()] if (site / "es").is_dir() else []
    return sorted(english + spanish, key=lambda r: -r[1])


def scale_run(pages: int = 500) -> tuple[float, int, int]:
    """A generated docs tree of `pages` health-like pages in 20 sections, built with our config."""
    words = ("ketamine treatment clinic dose blood pressure monitoring depression response remission relapse "
             "session therapist nasal spray infusion vein muscle tongue insurance cost safety bladder").split()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        docs = project / "docs"
        for section in range(20):
            for number in range(pages // 20):
                body = []
                for part in range(6):
                    sentence = " ".join(words[(section + number + part + i) % len(words)] for i in range(12))
                    body.append(f"## Part {part} {{ #part-{part} }}\n\n" + (sentence.capitalize() + ". ") * 10)
                page = docs / f"scale-{section:02d}" / f"page-{number:03d}.md"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(f"# Page {section}-{number}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("strict: true", "strict: false")
        config = re.sub(r"\nhooks:\n(  .*\n|  #.*\n)+", "\n", config)  # the content checks are not timed here
        config = config.replace("  omitted_files: warn", "  omitted_files: info")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        seconds = timed([str(BIN / "python"), "-m", "mkdocs", "build", "-q"], project)
        seconds += timed([str(BIN / "python"), "-m", "content_checks.search_index", "site", "docs"], project)
        return seconds, *index_size(project / "site")


def index_size(site: Path) -> tuple[int, int]:
    """Pagefind's index on disk (its pieces are compressed already) and the first search's download (gzip)."""
    size = sum(file.stat().st_size for file in (site / search_index.BUNDLE).rglob("*.pf_*"))
    return size, search_index.first_search_bytes(site)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed over kept-alive connections, as a real host would, for Lighthouse."""

    protocol_version = "HTTP/1.1"  # keep-alive: one connection serves the page and its files

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            self.send_error(404)
            return
        body = gz(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def lighthouse(site: Path, urls: list[str], runs: int = LIGHTHOUSE_RUNS) -> dict[str, dict[str, int | str]] | str:
    """Lighthouse mobile scores per page: the median of `runs` runs, and the lowest performance score,
    since the goal is 100 in every run. Also the medians of the two timings that decide the performance score here (total blocking time,
    first contentful paint) and each run's performance score, to show how close a page is to the edge."""
    cli = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        return "not run: install it with `npm install --prefix .venv/lighthouse lighthouse`"
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    scores = {}
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    try:
        for url in urls:
            runs_scores: list[dict[str, int]] = []
            for _ in range(runs):
                result = subprocess.run([str(cli), base + url, "--quiet", "--output=json", "--form-factor=mobile",
                                         f"--chrome-flags={flags}",
                                         "--only-categories=performance,accessibility,best-practices,seo"],
                                        capture_output=True, text=True, env=env, check=False, timeout=300)
                if result.returncode != 0:
                    error = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"
                    runs_scores = [{"error": error}]
                    break
                report = json.loads(result.stdout)
                run = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
                for audit, label in (("total-blocking-time", "blocking ms"), ("first-contentful-paint", "first paint ms"),
                                     ("largest-contentful-paint", "largest paint ms")):
                    run[label] = round(report["audits"][audit]["numericValue"])
                runs_scores.append(run)
            if "error" in runs_scores[0]:
                scores[url] = runs_scores[0]
            else:
                scores[url] = {name: int(statistics.median(r[name] for r in runs_scores)) for name in runs_scores[0]}
                scores[url]["performance, each run"] = " ".join(str(r["performance"]) for r in runs_scores)
                scores[url]["performance, lowest"] = min(r["performance"] for r in runs_scores)
    finally:
        server.shutdown()
    return scores


def search_timing(site: Path) -> tuple[float, float, float]:
    """On the search page: from opening it with a query to its results (engine start included), then
    from each query of the query set to its results (ms): first, median, 90th percentile."""
    import yaml
    from playwright.sync_api import sync_playwright

    from conftest import BROWSER_ARGS, SiteHandler, find_browser

    data = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text())
    queries = [str(q) for half in ("tune", "report") for q in data[half]]
    handler = functools.partial(SiteHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    answered = "q => document.querySelector('.search-page__results')?.dataset.query === q"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 360, "height": 800})
            start = time.perf_counter()
            page.goto(base + "/search/#q=ketamine")
            page.wait_for_function(answered, arg="ketamine")
            first = (time.perf_counter() - start) * 1000
            times = []
            box = page.locator("#search-page-query")
            for query in queries:
                start = time.perf_counter()
                box.fill(query)
                page.wait_for_function(answered, arg=query, polling=5)
                times.append((time.perf_counter() - start) * 1000 - 150)  # less the 150 ms pause for typing
            browser.close()
    finally:
        server.shutdown()
    times.sort()
    return first, statistics.median(times), times[int(len(times) * 0.9)]


def main() -> None:
    mkdocs, zensical = build_times()
    print(f"Strict build, median of {RUNS}: MkDocs {mkdocs:.2f} s, Zensical {zensical:.2f} s "
          f"(Zensical/MkDocs = {zensical / mkdocs:.2f})")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([str(BIN / "python"), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=ENV, check=True)
        subprocess.run([str(BIN / "python"), "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.es.yml", "-d",
                        str(site / "es")], cwd=ROOT, env=ENV, check=True)
        subprocess.run([str(BIN / "python"), "-m", "content_checks.search_index", str(site), "docs"], cwd=ROOT, env=ENV,
                       check=True, capture_output=True)
        size, first_search = index_size(site)
        print(f"Search index (Pagefind): {size / 1024:.1f} KB on disk; a first search downloads at most "
              f"{first_search / 1024:.1f} KB gzip (script, WebAssembly, one index piece, 8 excerpts, words, best bets)")
        first, median, p90 = search_timing(site)
        print(f"Search, query to results on the search page: median {median:.0f} ms, 90th percentile {p90:.0f} ms "
              f"(opening the search page with a query, engine start included: {first:.0f} ms)")
        weights = page_weights(site)
        print("First visit, bytes transferred gzip'd (HTML, CSS, JS, images), heaviest first (budget 80 KB):")
        for url, size in weights:
            print(f"  {size / 1024:7.1f} KB  {url}")
        scores = lighthouse(site, ["/", "/compare/", "/routes/", "/cost-and-insurance/", "/search/#q=side%20effects",
                                   "/es/", "/es/compare/", "/es/cost-and-insurance/", "/es/search/#q=efectos"])
        print(f"Lighthouse (mobile, median and lowest of {LIGHTHOUSE_RUNS} runs):",
              scores if isinstance(scores, str) else "")
        if not isinstance(scores, str):
            for url, result in scores.items():
                print(f"  {url}: {result}")
    seconds, raw, packed = scale_run()
    print(f"Scale run, 500 generated pages: build and index {seconds:.1f} s, search index {raw / 1024:.0f} KB "
          f"on disk, first search at most {packed / 1024:.0f} KB gzip")


if __name__ == "__main__":
    main()
