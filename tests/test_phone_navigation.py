"""Finding your way on a phone (issue 23, item 7), in real Chromium at 360 px with touch.

- From every page, once the menu is open, every other page is at most two taps away. The test counts taps
  the way a reader makes them: a link counts only if a finger can tap it (it is on screen after scrolling
  the menu, and nothing covers it), and the first tap may be any label in the menu (a section's arrow).
- Long pages (six sections or more) show their contents near the top at 360 px, and at 1280 px the
  contents show once.
- Each option page ends with "Next steps": 3 to 5 links, each to a page (and section) that exists.
Under MkDocs and Zensical (both build the same mkdocs.yml)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from site_pages import config, content_urls, html_file

# Reduced motion: Material then moves its drawer and panels without sliding, so the test need not wait for
# them; where everything ends up is the same.
PHONE = {"viewport": {"width": 360, "height": 800}, "has_touch": True, "is_mobile": True, "service_workers": "block",
         "reduced_motion": "reduce"}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "service_workers": "block"}
MENU_BUTTON = "label.md-header__button[for='__drawer']"
OPTION_PAGES = ["/treatments/ketamine-infusion/", "/treatments/ketamine-assisted-psychotherapy/",
                "/treatments/esketamine/", "/treatments/at-home-ketamine/",
                "/treatments/medicines-and-therapy/", "/treatments/brain-stimulation/"]
LONG_PAGE_SECTIONS = 6


def nav_urls() -> list[str]:
    """The site paths of every page in mkdocs.yml's menu, in menu order."""
    found = []

    def walk(items) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                found.append("/" + value.removesuffix(".md").removesuffix("index").removesuffix("/") + "/")

    walk(config()["nav"])
    return [url.replace("//", "/") for url in found]


NAV_URLS = nav_urls()

# In the page: the site paths of the menu's links a finger can tap now (scrolling the menu is not a tap),
# and the labels it can tap (a section's arrow, a panel's back arrow), except the one that closes the menu.
TAPPABLE = """() => {
  const nav = document.querySelector('.md-nav--primary');
  const canTap = el => {  // on screen once scrolled to, not covered, not faded out
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit)) && getComputedStyle(el).visibility !== 'hidden'
      && Number(getComputedStyle(el.closest('.md-nav')).opacity) > 0.5;
  };
  const links = [...nav.querySelectorAll('a[href]')].filter(a => !a.hash || a.pathname !== location.pathname)
    .filter(canTap).map(a => a.pathname);
  const labels = [...nav.querySelectorAll('label[for]')].filter(l => l.htmlFor !== '__drawer')
    .map((l, i) => { l.dataset.tapTest = i; return l; }).filter(canTap).map(l => l.dataset.tapTest);
  return {links, labels};
}"""
# Put the menu back as it was just after it opened (which sections were open), between explorations.
SAVE = "() => [...document.querySelectorAll('.md-nav--primary input.md-toggle')].map(t => t.checked)"
RESTORE = """saved => {
  [...document.querySelectorAll('.md-nav--primary input.md-toggle')].forEach((t, i) => {
    if (t.checked !== saved[i]) { t.checked = saved[i]; t.dispatchEvent(new Event('change', {bubbles: true})); }
  });
  document.querySelector('.md-nav--primary').scrollTop = 0;
}"""


@pytest.fixture(params=["mkdocs", "zensical"])
def builder_server(request):
    return request.getfixturevalue("server" if request.param == "mkdocs" else "zensical_server")


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


def settle(page) -> None:
    """Wait until Material's slides (the drawer, a section's panel) have finished moving."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def open_menu(page) -> None:
    page.locator(MENU_BUTTON).tap()
    page.wait_for_function("() => document.querySelector('#__drawer').checked")
    settle(page)


def taps_needed(page, start: str) -> dict[str, int]:
    """For each page of the menu, the fewest taps that reach it once the menu is open (3 means more than two)."""
    open_menu(page)
    saved = page.evaluate(SAVE)
    first = page.evaluate(TAPPABLE)
    taps = {url: 3 for url in NAV_URLS if url != start}
    for url in first["links"]:
        taps[url] = 1
    for label in first["labels"]:
        page.locator(f"[data-tap-test='{label}']").tap()
        settle(page)
        for url in page.evaluate(TAPPABLE)["links"]:
            if taps.get(url, 0) > 2:
                taps[url] = 2
        page.evaluate(RESTORE, saved)
        settle(page)
    return {url: n for url, n in taps.items() if url != start}


def test_every_page_is_at_most_two_taps_from_the_open_menu(phone, builder_server):
    page = phone.new_page()
    far, walked = {}, []
    try:
        for i, start in enumerate(NAV_URLS):
            page.goto(builder_server + start, wait_until="load")
            taps = taps_needed(page, start)
            too_far = sorted(url for url, n in taps.items() if n > 2)
            if too_far:
                far[start] = too_far
                continue
            # From every third page, tap the way to a page two taps away (a different one each time).
            two = sorted(url for url, n in taps.items() if n == 2)
            if two and i % 3 == 0:
                target = two[i % len(two)]
                page.goto(builder_server + start, wait_until="load")
                if not tap_the_way(page, target):
                    far[start] = [f"{target} (counted as two taps, but tapping did not get there)"]
                    continue
                page.wait_for_url(builder_server + target)
                walked.append((start, target))
    finally:
        page.close()
    assert not far, ("With the menu open on a 360 px phone, these pages take more than two taps:\n"
                     + "\n".join(f"  from {start}: {', '.join(urls)}" for start, urls in far.items()))
    assert len(walked) >= len(NAV_URLS) // 4, f"too few pages were reached by tapping: {walked}"


MARK_TARGET = """path => {
  const link = [...document.querySelectorAll('.md-nav--primary a[href]')].find(a => a.pathname === path && !a.hash);
  link.dataset.tapTarget = '';
}"""


def tap_the_way(page, target: str) -> bool:
    """Open the menu, tap the label that shows `target`, then tap `target`'s link: True if that was possible."""
    open_menu(page)
    saved = page.evaluate(SAVE)
    for label in page.evaluate(TAPPABLE)["labels"]:
        page.locator(f"[data-tap-test='{label}']").tap()
        settle(page)
        if target in page.evaluate(TAPPABLE)["links"]:
            page.evaluate(MARK_TARGET, target)
            page.locator("[data-tap-target]").tap()
            return True
        page.evaluate(RESTORE, saved)
        settle(page)
    return False


def sections(site: Path, url: str) -> list[str]:
    soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
    return [h["id"] for h in soup.select("article.md-content__inner h2[id]")]



def long_and_short(site: Path) -> tuple[list[str], list[str]]:
    long = [u for u in content_urls() if len(sections(site, u)) >= LONG_PAGE_SECTIONS]
    short = [u for u in content_urls() if 0 < len(sections(site, u)) < LONG_PAGE_SECTIONS]
    return long, short


def test_long_pages_show_their_contents_near_the_top_on_a_phone_and_once_on_a_desktop(site, server, phone, browser):
    long, short = long_and_short(site)
    assert len(long) >= 10, f"expected many long pages, found {long}"
    problems = []
    page = phone.new_page()
    try:
        for url in long:
            ids = sections(site, url)
            page.goto(server + url, wait_until="load")
            row = page.locator(".md-sidebar--secondary")
            box = row.bounding_box()
            if not row.is_visible() or not box or box["y"] > 300 or box["height"] > 80:
                problems.append(f"{url} at 360 px: no short contents row near the top ({box})")
                continue
            shown = page.eval_on_selector_all(".md-sidebar--secondary .md-nav--secondary > ul > li > a",
                                              "els => els.filter(e => e.offsetParent).map(e => e.hash.slice(1))")
            if shown != ids:
                problems.append(f"{url} at 360 px: the contents list {shown}, the page's sections are {ids}")
                continue
            last = page.locator(f".md-sidebar--secondary a[href='#{ids[-1]}']").first
            last.scroll_into_view_if_needed()
            last.tap()
            page.wait_for_function(f"() => location.hash === '#{ids[-1]}'")
        for url in short:
            page.goto(server + url, wait_until="load")
            if page.locator(".md-sidebar--secondary").is_visible():
                problems.append(f"{url} at 360 px: a page with fewer than {LONG_PAGE_SECTIONS} sections shows the row")
    finally:
        page.close()
    desktop = browser.new_context(**DESKTOP)
    try:
        page = desktop.new_page()
        for url in long:
            first = sections(site, url)[0]
            page.goto(server + url, wait_until="load")
            seen = [link for link in page.locator(f"a[href='#{first}']").all()
                    if link.is_visible() and not link.evaluate("e => !!e.closest('article')")]
            # Once; or not at all on a page whose front matter hides its contents on wide screens (hide: toc).
            hidden = page.locator(".md-sidebar--secondary[hidden]").count() == 1
            if len(seen) != (0 if hidden else 1):
                problems.append(f"{url} at 1280 px: the contents show {len(seen)} times, not once")
    finally:
        desktop.close()
    assert not problems, "\n".join(problems)


def test_option_pages_end_with_next_steps_that_resolve(site):
    problems = []
    for url in OPTION_PAGES:
        soup = BeautifulSoup(html_file(site, url).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        heading = article.select_one("h2#next-steps")
        if heading is None:
            problems.append(f"{url}: no '## Next steps {{ #next-steps }}' section")
            continue
        if article.select("h2[id]")[-1] is not heading:
            problems.append(f"{url}: 'Next steps' is not the last section")
        listing = heading.find_next_sibling("ul")
        links = [a["href"] for a in listing.select("a[href]")] if listing else []
        if not 3 <= len(links) <= 5:
            problems.append(f"{url}: 'Next steps' has {len(links)} links; it needs 3 to 5")
        for href in links:
            address = urlparse(urljoin(url, href))
            target = html_file(site, address.path)
            if address.scheme or not target.exists():
                problems.append(f"{url}: the next step {href} is not a page of this site")
            elif address.fragment and not BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(
                    id=address.fragment):
                problems.append(f"{url}: the next step {href} has no section #{address.fragment}")
        if "/get-help-now/" not in {urlparse(urljoin(url, h)).path for h in links}:
            problems.append(f"{url}: 'Next steps' has no link to Get help now")
    assert not problems, "\n".join(problems)
