"""Benchmark of the HTML graph view: a 2,000-node / 4,000-edge graph in headless Chromium.

Builds a random graph shaped like :func:`kg.graph.to_networkx` output (types, predicates,
one evidence sentence per edge), exports the page with :func:`kg.viz.write_html`, opens
it from ``file://`` in headless Chromium with no network, and measures:

* the Python time to build the network (layout included) and to write the page;
* the page size;
* the time from navigation start until vis-network first drew the graph (its
  ``afterDrawing`` event, recorded by the page as ``window.kgViz.drawnAt``).

Targets: drawn in < 5 s, page < 2 MB. Needs Debian's ``chromium`` and
``chromium-driver``. Run::

    python bench/viz_bench.py [--nodes 2000] [--edges 4000] [--out /tmp/kg-bench]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.viz import build_network, write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
TYPES = ["Person", "Organization", "Film", "Series", "Product", "Place", "Concept"]
PREDICATES = ["ceoOf", "worksFor", "partnersWith", "produces", "distributes", "uses", "locatedIn", "acquires"]


def random_graph(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A random graph with the attributes of a media-kg graph (preferential attachment)."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    for i in range(n_nodes):
        G.add_node(f"https://w3id.org/media-kg/resource/x/e{i}", label=f"Entité {i}", type=rng.choice(TYPES),
                   aliases=[f"E{i}"], key=f"x/e{i}")
    nodes = list(G)
    targets: list[str] = nodes[:10]
    for j in range(n_edges):
        u = rng.choice(nodes)
        v = rng.choice(targets) if rng.random() < 0.7 else rng.choice(nodes)
        if u == v:
            v = nodes[(nodes.index(v) + 1) % n_nodes]
        targets.append(v)
        p = rng.choice(PREDICATES)
        G.add_edge(u, v, key=p, predicate=p, support=1 + (j % 3 == 0), evidence=[{
            "sentence": f"Selon nos informations, {G.nodes[u]['label']} et {G.nodes[v]['label']} ont conclu un accord "
                        "de coproduction pour trois saisons, annoncé lundi à Paris.",
            "title": f"Article {j % 500}", "date": "2026-01-14", "article": f"a{j % 500}", "confidence": 0.8,
        }])
    return G


def measure_browser(path: Path, timeout: float = 60.0) -> dict[str, float]:
    """Open ``path`` in headless Chromium and time the first drawing (ms from navigation start)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--window-size=1400,900", f"--user-data-dir={tempfile.mkdtemp(prefix='kg-chromium-')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.set_network_conditions(offline=True, latency=0, throughput=0)
        start = time.perf_counter()
        driver.get(path.resolve().as_uri())
        deadline = time.monotonic() + timeout
        drawn = None
        while time.monotonic() < deadline:
            drawn = driver.execute_script("return window.kgViz && window.kgViz.drawnAt")
            if drawn:
                break
            time.sleep(0.05)
        wall = time.perf_counter() - start
        nodes = driver.execute_script("return network.body.data.nodes.length")
        edges = driver.execute_script("return network.body.data.edges.length")
        loaded = driver.execute_script(
            "var t = performance.getEntriesByType('navigation')[0]; return t ? t.loadEventEnd : null")
        paint = driver.execute_script(
            "var p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null")
        pixels = driver.execute_script(  # the canvas really holds a drawing
            "var c = document.querySelector('#mynetwork canvas'); var d = c.getContext('2d')"
            ".getImageData(0, 0, c.width, c.height).data; var n = 0;"
            "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;")
    finally:
        driver.quit()
    return {"drawn_ms": round(drawn, 1) if drawn else None, "first_contentful_paint_ms": paint,
            "load_event_ms": round(loaded, 1) if loaded else None, "wall_s": round(wall, 2),
            "nodes_drawn": nodes, "edges_drawn": edges, "painted_pixels": pixels}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=4000)
    parser.add_argument("--out", type=Path, default=None, help="folder for the page (default: a temp folder)")
    args = parser.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    G = random_graph(args.nodes, args.edges)
    t0 = time.perf_counter()
    net = build_network(G)
    t1 = time.perf_counter()
    path = write_html(net, out / "bench.html")
    t2 = time.perf_counter()
    result: dict[str, object] = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "build_s": round(t1 - t0, 2),
        "write_s": round(t2 - t1, 2),
        "page_bytes": path.stat().st_size,
        "page_mb": round(path.stat().st_size / 1_000_000, 3),
        "path": str(path),
    }
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        result["browser"] = measure_browser(path)
    else:
        result["browser"] = "skipped: /usr/bin/chromium or /usr/bin/chromedriver missing"
    print(json.dumps(result, indent=2))
    browser = result["browser"]
    drawn = max(browser["drawn_ms"] or 0, browser["first_contentful_paint_ms"] or 0) if isinstance(browser, dict) else None
    ok = result["page_bytes"] < 2_000_000 and (drawn is None or drawn < 5000)  # type: ignore[operator]
    print("targets (< 5 s drawn, < 2 MB):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
