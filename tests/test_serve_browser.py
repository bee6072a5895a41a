"""A real browser over the explorer (issue 7): Playwright for Python driving Debian's
chromium, headless, against ``tidings serve`` over a store coded from ``examples/``.

Skips, saying why, when Playwright, chromium or the serve extra is missing. CI installs
them (``apt-get install -y chromium``; ``pip install -e '.[test,serve]'``); no browser
is downloaded. ``TIDINGS_CHROMIUM`` names another chromium binary;
``TIDINGS_SCREENSHOTS`` names a folder to keep the screenshots in.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed "
                    "(pip install -e '.[serve]')")
pytest.importorskip("uvicorn", reason="uvicorn is not installed (pip install -e '.[serve]')")
pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed "
                    "(pip install -e '.[test]')")
CHROMIUM = os.environ.get("TIDINGS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"chromium is not installed at {CHROMIUM} (apt-get install -y chromium, "
                "or set TIDINGS_CHROMIUM)", allow_module_level=True)

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from conftest import EXAMPLES  # noqa: E402
from tidings import PIPELINE_VERSION  # noqa: E402
from tidings.records import QUAD_CLASS, Entity, Event, EventDate, Story, make_event_id  # noqa: E402
from tidings.serve import create_app  # noqa: E402
from tidings.store import Store  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
EVIL = ('<script>window.__pwned = 1; alert("pwned")</script> '
        '<img src="x" onerror="window.__pwned = 2"> Protesters marched in Tbilisi.')


def evil_story() -> tuple[Story, Event]:
    """A story whose text carries markup and script, with one hand-made event."""
    s = Story(id="evil", text=EVIL, pub_date="2024-12-01", title="<b>Evil</b> story",
              source="test")
    sentence = "Protesters marched in Tbilisi."
    a = EVIL.index(sentence)
    e = Event(event_id=make_event_id(s.id, s.text_hash(), 0, "PROTEST", a, PIPELINE_VERSION),
              story_id=s.id, sentence_index=0, sentence=sentence,
              evidence_span=(a, a + len(sentence)), trigger="marched",
              event_type="PROTEST", mode="demo", contexts=[], aux_modes=[],
              actor=[Entity(text="Protesters", country="GEO", sector="CVL")], recipient=[],
              date=EventDate(start="2024-12-01", end="2024-12-01"), location=None,
              quad_class=QUAD_CLASS["PROTEST"], confidence=0.7, cameo="141")
    return s, e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Code examples/ into a store, add the evil story, serve it on a free port."""
    from tidings.engines.local import code_stories
    from tidings.read import ReadOptions, read_stories

    db = tmp_path_factory.mktemp("browser") / "examples.duckdb"
    with Store(db) as store:
        summary = code_stories(read_stories([str(EXAMPLES)], ReadOptions()), store=store)
        assert summary.coded >= 5, summary
        story, event = evil_story()
        store.save_story(story, [event], PIPELINE_VERSION)
    with serving(db) as base:
        yield base, event.event_id


@contextmanager
def serving(db: Path):
    """Serve the store ``db`` with uvicorn on a free port; yield the base URL."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.problems = []   # console errors (a CSP violation shows here) and dialogs
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.load(r)


def shots(tmp_path: Path) -> Path:
    keep = os.environ.get("TIDINGS_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_serve_browser_filter_open_event_and_timeline(server, page, tmp_path) -> None:
    base, _ = server
    dyad = api(base, "/api/dyads")["dyads"][0]
    pair, a, b = dyad["dyad"], dyad["actor_country"], dyad["recipient_country"]
    expected = api(base, f"/api/events?dyad={pair}")

    page.goto(base + "/")
    assert page.url == base + "/events"
    assert page.locator("#events tbody tr").count() == api(base, "/api/events")["count"]
    page.fill("input[name=dyad]", pair)
    page.click("#apply")
    page.wait_for_load_state()
    assert f"dyad={pair}" in page.url
    rows = page.locator("#events tbody tr")
    assert rows.count() == expected["total"] >= 1
    for i in range(rows.count()):
        assert f"({a})" in rows.nth(i).locator(".actor").inner_text() or \
            a in rows.nth(i).locator(".actor").inner_text()
        assert b in rows.nth(i).locator(".recipient").inner_text()
    page.screenshot(path=str(shots(tmp_path) / "events.png"), full_page=True)

    first = expected["events"][0]
    rows.first.locator("a.event-link").click()
    page.wait_for_load_state()
    assert page.url == f"{base}/events/{first['event_id']}"
    mark = page.locator("mark#evidence")
    assert mark.is_visible()
    assert mark.text_content() == first["sentence"]
    if first["trigger"] and first["trigger"].lower() in first["sentence"].lower():
        assert mark.locator("strong.trigger").text_content().lower() == first["trigger"].lower()
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")   # it is highlighted
    story = api(base, f"/api/stories/{first['story_id']}")["story"]
    assert page.locator("#story-text").text_content() == story["text"]
    assert page.locator("#recipient").inner_text().count("(") >= 1
    shot = shots(tmp_path) / "event.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    page.goto(f"{base}/events?dyad={pair}")
    page.click("#dyad-link")
    page.wait_for_selector("#timeline[data-rendered=true]", timeout=20_000)
    assert page.evaluate("typeof window.Plotly") == "object"
    traces = page.evaluate("document.getElementById('timeline').data.map(t => t.name)")
    assert traces == ["verbal cooperation", "material cooperation", "verbal conflict",
                      "material conflict"]
    series = api(base, f"/api/dyads/{pair}")["series"]
    heights = page.eval_on_selector_all(
        "#timeline .barlayer .point path", "ps => ps.map(p => p.getBBox().height)")
    assert sum(1 for h in heights if h > 0) == sum(1 for v in series.values() for n in v if n)
    assert page.locator("#timeline .main-svg").first.is_visible()
    shot = shots(tmp_path) / "dyad.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.problems == []


def test_serve_browser_network_renders(server, page) -> None:
    base, _ = server
    page.goto(base + "/network")
    page.wait_for_selector("#network[data-rendered=true]", timeout=20_000)
    net = api(base, "/api/network")
    labels = page.evaluate(
        "document.getElementById('network').data.slice(-1)[0].text")
    assert labels == [n["id"] for n in net["nodes"]]
    assert page.locator("#network .annotation-arrow-g").count() == sum(
        1 for e in net["edges"] if e["source"] != e["target"])
    assert page.problems == []


def test_serve_browser_story_script_does_not_run(server, page) -> None:
    base, evil_id = server
    for url in (f"/events/{evil_id}", "/stories/evil"):
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("#story-text").text_content() == EVIL   # shown as text
        assert page.locator("#story-text script, #story-text img").count() == 0
        assert "<b>Evil</b> story" in page.locator("#story-title").text_content()
    assert page.problems == []


# ------------------------------------------------------------- issue 13: what it opens on

def test_serve_browser_opens_on_newest_and_most_confident(server, page) -> None:
    base, _ = server
    page.goto(base + "/")
    expected = api(base, "/api/events")
    got = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    assert got == [e["event_id"] for e in expected["events"]] and len(got) > 20
    assert page.locator("select[name=sort]").input_value() == "newest"
    published = {s["story_id"]: s["pub_date"] for s in api(base, "/api/stories?limit=1000")["stories"]}
    keys = [(published[e["story_id"]], e["confidence"]) for e in expected["events"]]
    for (d0, c0), (d1, c1) in zip(keys, keys[1:]):
        assert d0 > d1 or (d0 == d1 and c0 >= c1), (d0, c0, d1, c1)
    # not the oldest events first, as the table used to open
    oldest = api(base, "/api/events?sort=oldest&limit=1")["events"][0]
    assert got[0] != oldest["event_id"]
    assert page.problems == []


def dense_store(path: Path, codes: list[str], hub_links: int = 29) -> int:
    """A store whose network has one node per code: ``codes[0]`` acts twice on each of the
    next ``hub_links`` codes, and every code once on a few others. Returns the links."""
    pairs = [(codes[0], c) for c in codes[1:hub_links + 1]] * 2 + [
        (codes[i], codes[(i * 7 + 3) % len(codes)]) for i in range(1, len(codes))]
    pairs = [(a, b) for a, b in pairs if a != b]
    sentences = [f"Officials of {a} accused {b} of lying ({i})." for i, (a, b) in enumerate(pairs)]
    text = " ".join(sentences)
    s = Story(id="dense", text=text, pub_date="2024-12-01", title="Dense", source="test")
    events = []
    for i, ((a, b), sentence) in enumerate(zip(pairs, sentences)):
        at = text.index(sentence)
        events.append(Event(
            event_id=make_event_id(s.id, s.text_hash(), i, "ACCUSE", at, PIPELINE_VERSION),
            story_id=s.id, sentence_index=i, sentence=sentence,
            evidence_span=(at, at + len(sentence)), trigger="accused", event_type="ACCUSE",
            mode=None, contexts=[], aux_modes=[],
            actor=[Entity(text=a, country=a, sector="GOV")],
            recipient=[Entity(text=b, country=b, sector="GOV")],
            date=EventDate(start="2024-12-01", end="2024-12-01"), location=None,
            quad_class=QUAD_CLASS["ACCUSE"], confidence=0.8, cameo="112"))
    with Store(path) as store:
        store.save_story(s, events, PIPELINE_VERSION)
    return len(set(pairs))


#: 60 countries, as many as the VOA stories' network has at its smallest minimum
DENSE = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "ZAF", "NGA", "EGY",
         "TUR", "IRN", "ISR", "SAU", "PAK", "AFG", "UKR", "POL", "MEX", "CAN", "AUS", "IDN",
         "KOR", "PRK", "VNM", "ARG", "CHL", "PER", "COL", "VEN", "CUB", "ESP", "ITA", "GRC",
         "SRB", "HUN", "ROU", "BGR", "SWE", "NOR", "FIN", "DNK", "IRL", "PRT", "MAR", "DZA",
         "TUN", "LBY", "SDN", "ETH", "KEN", "SOM", "TZA", "UGA", "COD", "AGO", "MOZ", "ZWE"]


def _overlaps(boxes: list[dict]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j and
            a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and
            a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5]


NETWORK_GEOMETRY = """el => {
  const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const traces = el.querySelectorAll('.scatterlayer .trace');
  const nodes = traces[traces.length - 1];
  return {
    plot: box(el.querySelector('.draglayer .nsewdrag').getBoundingClientRect()),
    markers: Array.from(nodes.querySelectorAll('.points path')).map(p => box(p.getBoundingClientRect())),
    labels: Array.from(nodes.querySelectorAll('.textpoint text'))
      .filter(t => t.style.display !== 'none').map(t => box(t.getBoundingClientRect())),
    all_labels: nodes.querySelectorAll('.textpoint text').length,
  };
}"""


@pytest.mark.parametrize("width", [1400, 700])
def test_serve_browser_network_is_readable_at_default_settings(server, browser, tmp_path, width) -> None:
    # issue 13: the network drew every actor on a circle whose labels ran into each other
    db = tmp_path / "dense.duckdb"
    dense_store(db, DENSE)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serving(db) as base:
        net = api(base, "/api/network")        # the default: at most 30 actors
        assert (net["min_count"], net["auto"], len(net["nodes"]), net["hidden"]) == (2, True, 30, 30)
        for base_url, query in ((base, ""), (base, "?min_count=1"), (server[0], "")):
            nodes = api(base_url, "/api/network" + query)["nodes"]
            page.goto(base_url + "/network" + query)
            page.wait_for_selector("#network[data-rendered=true]", timeout=20_000)
            geo = page.eval_on_selector("#network", NETWORK_GEOMETRY)
            plot = geo["plot"]
            assert len(geo["markers"]) == geo["all_labels"] == len(nodes)
            for m in geo["markers"]:                     # every node inside the plot
                assert plot["left"] - 1 <= m["left"] and m["right"] <= plot["right"] + 1, (m, plot)
                assert plot["top"] - 1 <= m["top"] and m["bottom"] <= plot["bottom"] + 1, (m, plot)
            assert _overlaps(geo["labels"]) == []       # no label over another
            if width >= 1400 and len(nodes) <= 30:       # room for all: none hidden
                assert len(geo["labels"]) == len(nodes)
            page.screenshot(path=str(shots(tmp_path) / f"network-{width}{query[1:]}.png"))
    ctx.close()
    assert errors == []


@pytest.mark.parametrize("path", ["/events", "/stories", "/dyads", "/network", "/actors",
                                  "/stories/caucasus-peace-letters", "EVENT"])
def test_serve_browser_pages_fit_a_narrow_window(server, browser, path) -> None:
    base, _ = server
    if path == "EVENT":
        path = "/events/" + api(base, "/api/events?limit=1")["events"][0]["event_id"]
    ctx = browser.new_context(viewport={"width": 420, "height": 800})
    page = ctx.new_page()
    page.goto(base + path)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 420, path
    if path == "/events":   # one card per event: its evidence link is on screen, not cut off
        link = page.locator("#events tbody tr").first.locator("a.event-link")
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 420
    ctx.close()
