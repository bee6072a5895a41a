"""Take the explorer screenshots in ``docs/`` from the current pipeline.

Codes the Voice of America stories of the shared data folder into a fresh store (or
uses ``--db``), serves it with ``tidings serve``'s app on a free port, and drives
headless chromium with Playwright (as ``tests/test_serve_browser.py`` does; Debian's
``chromium`` or ``$TIDINGS_CHROMIUM``) to save, at 1400 x 860:

- ``explorer.png``: an event page (the first USA -> CHN REJECT event, else the most
  confident event), evidence highlighted in its story;
- ``explorer-dyad.png``: the monthly timeline of USA -> CHN (else the busiest dyad of
  two countries);
- ``explorer-events.png``: the event table as it opens;
- ``explorer-network.png``: the network page at its default settings.

Run from the repository root: ``python scripts/screenshots.py [--db voa.duckdb] [--out docs]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "data" / "voa_stories.jsonl"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=60) as r:
        return json.load(r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: code the VOA stories)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=860)
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from tidings.serve import create_app

    tmp = tempfile.TemporaryDirectory()
    db = args.db
    if db is None:
        from tidings.engines.local import code_stories
        from tidings.read import read_stories
        from tidings.store import Store

        db = Path(tmp.name) / "voa.duckdb"
        with Store(db) as store:
            summary = code_stories(read_stories([str(STORIES)]), store=store)
        print(f"coded {summary.coded} stories, {summary.events} events")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    chromium = (os.environ.get("TIDINGS_CHROMIUM") or shutil.which("chromium")
                or "/usr/bin/chromium")
    picks = _api(base, "/api/events?dyad=USA-CHN&type=REJECT&sort=confidence&limit=1")["events"] \
        or _api(base, "/api/events?sort=confidence&limit=1")["events"]
    dyads = [d["dyad"] for d in _api(base, "/api/dyads")["dyads"]
             if d["actor_country"] != d["recipient_country"]]
    dyad = "USA-CHN" if "USA-CHN" in dyads else dyads[0]
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        shots = [("explorer.png", f"/events/{picks[0]['event_id']}", None),
                 ("explorer-dyad.png", f"/dyads/{dyad}?period=month", "#timeline[data-rendered=true]"),
                 ("explorer-events.png", "/events", None),
                 ("explorer-network.png", "/network", "#network[data-rendered=true]")]
        for name, url, ready in shots:
            page.goto(base + url)
            page.wait_for_load_state("load")
            if ready:
                page.wait_for_selector(ready, timeout=30_000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(args.out / name))
            print(f"{args.out / name}: {url}")
        browser.close()
    server.should_exit = True
    tmp.cleanup()


if __name__ == "__main__":
    main()
