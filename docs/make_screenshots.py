"""Remake the dashboard screenshots in docs/ from the samples.

Ingests examples/seeds into a temporary store, starts `bilat serve` on a free 127.0.0.1 port,
and photographs three views in Debian's headless Chromium (Playwright, executable_path):

    .venv/bin/python docs/make_screenshots.py
"""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "seeds.duckdb")
        subprocess.run([sys.executable, "-m", "bilat.cli", "ingest", str(ROOT / "examples" / "seeds"), "--db", db],
                       check=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "bilat.cli", "serve", "--db", db, "--port", str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/api/actors", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(base + "/?a=PAK&b=USA")
                page.wait_for_selector("body[data-ready=true]")
                page.locator("#events tr.event[data-date='2011-11']").first.click()
                page.wait_for_selector("mark#highlight")
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=str(ROOT / "docs" / "dashboard-pair.png"))
                page.locator("#events-panel").scroll_into_view_if_needed()
                page.screenshot(path=str(ROOT / "docs" / "dashboard-article.png"))
                page.goto(base + "/?a=PAK")
                page.wait_for_selector("#network g.partner")
                page.locator("#partners").screenshot(path=str(ROOT / "docs" / "dashboard-partners.png"))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print("wrote docs/dashboard-pair.png, docs/dashboard-article.png, docs/dashboard-partners.png")


if __name__ == "__main__":
    main()
