"""Shared fixtures: headless Debian Chromium with every outside request aborted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_addoption(parser):
    parser.addoption(
        "--online",
        action="store_true",
        help="also run tests marked 'online' (they use the network)",
    )


def pytest_collection_modifyitems(config, items):
    if config.getoption("--online"):
        return
    skip = pytest.mark.skip(reason="needs the network: run with --online")
    for item in items:
        if "online" in item.keywords:
            item.add_marker(skip)


# Module scope: Playwright's sync API allows one running instance per thread at a time.
@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium; skipped where it is missing, except in CI where that is a failure."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: the install step should have added it")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class MapPage:
    """One map page with every non-file request aborted and every console or page error kept."""

    def __init__(self, browser, path: Path, viewport: tuple[int, int] = (1280, 900)) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.ctx = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            accept_downloads=True,
            service_workers="block",
        )
        url = path.resolve().as_uri()

        def route(r):
            u = r.request.url
            if u.startswith(("data:", "blob:", "about:")) or u.split("#")[0] == url:
                return r.continue_()
            self.blocked.append(u)
            return r.abort("blockedbyclient")

        self.ctx.route("**/*", route)
        self.page = self.ctx.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function("() => window.mapper_incidents && mapper_incidents._loaded")
        self.page.wait_for_function(
            "() => document.getElementById('mapper-count').textContent !== ''"
        )

    def count(self) -> str:
        return self.page.inner_text("#mapper-count")

    def represented(self) -> int:
        return self.page.evaluate("() => mapper_incidents.cluster.getLayers().length")

    def open_from_feed(self, index: int = 0) -> str:
        """Click an entry of the side list; return the text of the popup it opens."""
        self.page.locator("#mapper-feed .mapper-feed-btn").nth(index).click()
        popup = self.page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        return popup.inner_text()

    def close(self) -> None:
        self.ctx.close()


@pytest.fixture
def chromium_page(chromium):
    """Open map files as :class:`MapPage`; closed after the test."""
    pages: list[MapPage] = []

    def open_page(path: Path) -> MapPage:
        pages.append(MapPage(chromium, path))
        return pages[-1]

    yield open_page
    for p in pages:
        p.close()
