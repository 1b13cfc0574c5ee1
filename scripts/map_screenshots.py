#!/usr/bin/env python3
"""Screenshots of mapper maps at a desktop and a phone size, for the README.

    .venv/bin/python scripts/map_screenshots.py NAME=MAP.html [NAME=MAP.html ...] [--out docs]

Writes ``OUT/map-NAME-desktop.png`` (1400x900) and ``OUT/map-NAME-phone.png``
(390x844) of each map, opened in headless Debian Chromium with every outside
request refused, once the incidents and the basemap are drawn. PNGs are
shrunk with ``pngquant`` when it is installed (Debian package ``pngquant``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

SIZES = {"desktop": (1400, 900), "phone": (390, 844)}
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def shoot(browser, path: Path, out: Path, size: tuple[int, int]) -> None:
    """Open ``path`` at ``size`` and save a screenshot of the page to ``out``."""
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    url = path.resolve().as_uri()
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.split("#")[0] == url
              or r.request.url.startswith(("data:", "blob:", "about:")) else r.abort())
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.mapper_incidents && mapper_incidents._loaded")
    page.wait_for_function("() => !window.mapper_basemap || mapper_basemap.getLayers().length > 0")
    page.wait_for_timeout(500)  # let cluster icons and labels settle
    page.screenshot(path=str(out))
    ctx.close()
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--output", str(out),
                        "--quality", "60-85", str(out)], check=False)


def main(argv: list[str] | None = None) -> int:
    """Shoot every NAME=MAP.html given at both sizes; return the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("maps", nargs="+", help="NAME=MAP.html")
    ap.add_argument("--out", default="docs")
    a = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=ARGS)
        for item in a.maps:
            name, _, path = item.partition("=")
            for label, size in SIZES.items():
                target = out / f"map-{name}-{label}.png"
                shoot(browser, Path(path), target, size)
                print(f"{target}  {target.stat().st_size // 1024} KiB")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
