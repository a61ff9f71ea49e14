"""The exported page in a real browser: headless Debian Chromium, file://, no network.

Skipped when /usr/bin/chromium or /usr/bin/chromedriver is missing
(``apt-get install chromium chromium-driver``).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from kg.viz import build_network, write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="needs /usr/bin/chromium and /usr/bin/chromedriver"),
]


@pytest.fixture(scope="module")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--window-size=1200,800", f"--user-data-dir={tempfile.mkdtemp(prefix='kg-chromium-')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    drv.set_network_conditions(offline=True, latency=0, throughput=0)
    yield drv
    drv.quit()


def _wait(driver, script: str, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def _alert_present(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert  # noqa: B018
    except NoAlertPresentException:
        return False
    return True


def _open(driver, tmp_path, graph, **build):
    path = write_html(build_network(graph, **build), tmp_path / "graph.html")
    driver.get(path.as_uri())
    _wait(driver, "return window.kgViz && window.kgViz.drawnAt !== null")
    return path


def test_graph_draws_every_node_and_edge(driver, tmp_path, graph):
    _open(driver, tmp_path, graph)
    assert driver.execute_script("return network.body.data.nodes.length") == graph.number_of_nodes()
    assert driver.execute_script("return network.body.data.edges.length") == graph.number_of_edges()
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_search_box_selects_matching_nodes(driver, tmp_path, graph):
    _open(driver, tmp_path, graph)
    box = driver.find_element("id", "kg-search")
    box.send_keys("saranDOS")  # alias, any case
    selected = driver.execute_script("return network.getSelectedNodes().map(function (id) {"
                                     " return network.body.data.nodes.get(id).label; })")
    assert selected == ["Ted Sarandos"]
    assert driver.find_element("id", "kg-search-count").text == "1 match"
    box.clear()
    box.send_keys("canal")
    assert driver.execute_script("return network.getSelectedNodes().length") == 1


def test_type_and_predicate_filters(driver, tmp_path, graph):
    _open(driver, tmp_path, graph)
    driver.find_element("css selector", 'input.kg-type[value="Person"]').click()
    assert driver.execute_script("return network.body.data.nodes.length") == 4
    assert driver.execute_script("return network.body.data.edges.length") == 3  # both ceoOf edges hidden
    driver.find_element("css selector", 'input.kg-predicate[value="locatedIn"]').click()
    assert driver.execute_script("return network.body.data.edges.length") == 2
    driver.find_element("css selector", 'input.kg-type[value="Person"]').click()
    driver.find_element("css selector", 'input.kg-predicate[value="locatedIn"]').click()
    assert driver.execute_script("return network.body.data.nodes.length") == 6
    assert driver.execute_script("return network.body.data.edges.length") == 5


def test_large_graph_is_laid_out_in_python_and_drawn(driver, tmp_path, graph):
    _open(driver, tmp_path, graph, layout_threshold=2)
    assert driver.execute_script("return network.physics.physicsEnabled") is False
    positions = driver.execute_script("return Object.values(network.getPositions())")
    assert len({(round(p["x"]), round(p["y"])) for p in positions}) == graph.number_of_nodes()


def test_hostile_article_text_runs_no_script(driver, tmp_path, graph):
    _open(driver, tmp_path, graph)
    # Build every tooltip and put it in the document, as vis-network does on hover.
    shown = driver.execute_script("""
        var api = window.kgViz, out = [];
        api.edges.getIds().forEach(function (id) { out.push(api.tooltip("edge", id)); });
        api.nodes.getIds().forEach(function (id) { out.push(api.tooltip("node", id)); });
        var box = document.createElement("div"); document.body.appendChild(box);
        out.forEach(function (el) { box.appendChild(el); });
        return box.innerText;""")
    assert "<script>window.__kgXss" in shown  # shown as text...
    assert '<img src=x onerror="window.__kgXss' in shown
    assert driver.execute_script("return document.querySelectorAll('body > div img, body > div script, svg').length") == 0
    # The elements are those vis-network appends to its popup on hover (Popup.setText).
    time.sleep(0.3)
    assert driver.execute_script("return typeof window.__kgXss") == "undefined"
    assert not _alert_present(driver)
