"""The dashboard in a real headless Chromium (Debian's, driven by Playwright), on a real
`bilat serve` started by the test on a free 127.0.0.1 port, over the samples."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.issue(12)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's probe runs it: no background connections, which a closed network refuses.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeds_db, tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    env = {k: v for k, v in os.environ.items() if k not in ("BILAT_TOKEN", "BILAT_DB")}
    with open(log, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "bilat.cli", "serve", "--db", seeds_db, "--port", str(port)],
                                stdout=err, stderr=err, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/api/actors", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"bilat serve did not start on {base}:\n{log.read_text()}")
        time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.set_default_timeout(15000)
    errors, requests = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # the server's Content-Security-Policy refuses inline script and style: the page needs none
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text else None)
    page.on("request", lambda request: requests.append(request.url))
    page.errors, page.requests = errors, requests
    yield page
    page.close()
    assert not errors, errors


def _open(page, server, address):
    page.goto(server + address)
    page.wait_for_selector("body[data-ready=true]")


def _api(server, path):
    import json

    with urllib.request.urlopen(server + path, timeout=5) as response:
        return json.load(response)


def test_pair_chart_shows_2005_2011_and_2023(page, server):
    _open(page, server, "/?a=PAK&b=USA")
    periods = page.eval_on_selector_all("#chart circle.point", "els => els.map(e => e.dataset.period)")
    assert {p[:4] for p in periods} >= {"2005", "2011", "2023"}
    assert "2011-11" in periods
    assert page.locator("#chart g.period[data-period='2011-11'] rect.bar.q4").count() == 1
    assert page.inner_text("#pair-title").startswith("Pakistan – United States")
    rows = page.locator("#events tr.event")
    assert rows.count() == _api(server, "/api/events?dyad=PAK-USA&blocs=true")["total"] == 21
    # every script, style and font came from this server
    assert page.requests and all(url.startswith(server) or url.startswith("data:") for url in page.requests)


def test_clicking_the_november_2011_event_shows_its_sentence_highlighted(page, server):
    _open(page, server, "/?a=PAK&b=USA")
    row = page.locator("#events tr.event[data-date='2011-11']").first
    event_id = row.get_attribute("data-id")
    row.click()
    highlight = page.wait_for_selector("#article-text mark#highlight")
    event = next(e for e in _api(server, "/api/events?dyad=PAK-USA&blocs=true")["events"] if e["event_id"] == event_id)
    assert highlight.inner_text() == event["sentence"]
    assert "November 2011" in highlight.inner_text()
    assert page.inner_text("#article-text").count(event["sentence"]) >= 1  # inside its article
    assert f"event={event_id}" in page.url  # the view has an address
    # that address opens the same article
    _open(page, server, f"/?a=PAK&b=USA&event={event_id}")
    assert page.wait_for_selector("mark#highlight").inner_text() == event["sentence"]


def test_clicking_a_dot_lists_the_events_of_its_period(page, server):
    _open(page, server, "/?a=PAK&b=USA")
    page.click("#chart circle.point[data-period='2011-11']")
    dates = page.eval_on_selector_all("#events tr.event", "els => els.map(e => e.dataset.date)")
    assert dates == ["2011-11"] * 3


def test_agreements_view_shows_cis_moa_with_its_steps(page, server):
    _open(page, server, "/?a=PAK&b=USA")
    steps = page.eval_on_selector_all("#agreements svg[data-name='CIS-MOA'] g.step",
                                      "els => els.map(e => [e.dataset.status, e.dataset.date])")
    assert steps == [["signed", "2005-10"], ["expired", "2020"], ["approved", "2023-08"]]
    assert page.locator("#agreements svg[data-name='CIS-MOA'] rect.seg.active").count() == 2  # 2005–2020, 2023–


def test_names_in_the_address_and_the_partner_network(page, server):
    _open(page, server, "/?a=Pakistan")
    partners = page.eval_on_selector_all("#network g.partner", "els => els.map(e => e.dataset.code)")
    assert partners[:3] == ["USA", "RUS", "NATO"]
    page.click("#network g.partner[data-code='RUS']")
    page.wait_for_selector("#chart circle.point")
    assert page.url.endswith("/?a=PAK&b=RUS")
    assert page.inner_text("#pair-title").startswith("Pakistan – Russia")


@pytest.mark.issue(11)
def test_api_docs_render_from_this_server(page, server):
    """Swagger UI comes from the server itself (no CDN), within its CSP."""
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.requests and all(url.startswith(server) or url.startswith(("data:", "blob:")) for url in page.requests)
