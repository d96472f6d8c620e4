"""The home page leads somewhere: on a 360 x 740 touch phone, the main ways in sit right after the
"In short" box, within the first 1,100 px, as tap targets at least 44 px tall."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser_tools import axe_violations, open_page

WAYS_IN = ["/compare/", "/treatments/", "/safety/ketamine-mills/", "/get-help-now/"]
FOLD = 1100  # px from the top of the page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_ways_in_are_big_and_near_the_top_on_a_phone(browser, server, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                                  color_scheme=scheme, service_workers="block")
    try:
        page = open_page(context, server, "/")
        follows = page.evaluate("() => document.querySelector('.md-content .admonition.summary')"
                                ".nextElementSibling.matches('.ways-in')")
        assert follows, "the ways in do not come right after the 'In short' box"
        problems = []
        for path in WAYS_IN:
            links = [a for a in page.locator(".ways-in a").all() if urlparse(a.evaluate("a => a.href")).path == path]
            if len(links) != 1:
                problems.append(f"{path}: {len(links)} links among the ways in, not 1")
                continue
            box = links[0].bounding_box()
            if box["y"] + box["height"] > FOLD:
                problems.append(f"{path}: ends {box['y'] + box['height']:.0f} px from the top, below {FOLD} px")
            if box["height"] < 44 or box["width"] < 44:
                problems.append(f"{path}: tap target {box['width']:.0f} x {box['height']:.0f} px, under 44 px")
        assert not problems, "On a 360 x 740 phone:\n" + "\n".join(problems)
        violations = axe_violations(page)
        assert violations == [], f"axe-core found ({scheme}):\n" + "\n".join(violations)
        if scheme == "light":
            with page.expect_navigation():
                page.locator(".ways-in a").last.tap()
            assert urlparse(page.url).path == "/get-help-now/"
    finally:
        context.close()
