"""kg.viz: a self-contained, offline page with a legend, filters and escaped text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.viz import STYLE, build_network, remote_resources, render, to_html, to_iframe, write_html


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]


def _parse(page: str) -> _Attrs:
    p = _Attrs()
    p.feed(page)
    return p


@pytest.fixture
def page(graph) -> str:
    return to_html(graph, title="Test <graph>")


def test_no_network_resource_in_src_or_href(page):
    parsed = _parse(page)
    assert not [u for u in parsed.urls if re.match(r"\s*(https?:)?//", u, re.I)]
    assert remote_resources(page) == []
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap.min" not in page


def test_vis_network_is_inlined(page):
    assert "vis-network" in page and "new vis.Network(" in page
    assert len(page) > 400_000


def test_legend_lists_types_with_colours_and_predicates(page):
    for t in ("Person", "Organization", "Place"):
        assert f'value="{t}"' in page
        assert STYLE["types"][t] in page
    for p in ("ceoOf", "partnersWith", "locatedIn", "acquires"):
        assert f'class="kg-predicate" value="{p}"' in page
    assert 'id="kg-search"' in page


@pytest.mark.parametrize("raw", [
    "<script>window.__kgXss", "<img src=x onerror", "<svg onload", "onerror=\"window", "<b>bold</b>",
])
def test_hostile_text_never_appears_raw(page, raw):
    assert raw not in page


def test_hostile_text_is_escaped_in_the_data(page):
    # html.escape'd, then JSON-escaped by Jinja's tojson ("&" -> \u0026)
    assert r"\u0026lt;script\u0026gt;window.__kgXss" in page
    assert r"\u0026lt;img src=x onerror=\u0026quot;" in page
    assert "<title>Test &lt;graph&gt;</title>" in page


def test_one_script_element_per_inline_script(page):
    assert _parse(page).tags.count("script") == page.count("</script>")


def test_small_graphs_use_physics_large_ones_a_python_layout(graph):
    small = build_network(graph)
    assert small.options["physics"]["enabled"] is True and "x" not in small.nodes[0]
    big = build_network(graph, layout_threshold=3)
    assert big.options["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in big.nodes)


def test_edges_labelled_and_styled_by_predicate(graph):
    net = build_network(graph)
    ceo = next(e for e in net.edges if e["label"] == "ceoOf")
    assert ceo["color"] == STYLE["predicates"]["ceoOf"]["color"]
    assert {n["group"] for n in net.nodes} == {"Person", "Organization", "Place"}


@pytest.mark.parametrize("size_by", ["degree", "pagerank", None])
def test_size_by(graph, size_by):
    sizes = [n["size"] for n in build_network(graph, size_by=size_by).nodes]
    assert (len(set(sizes)) == 1) == (size_by is None)


def test_write_html_writes_utf8_to_the_given_path_only(tmp_path, monkeypatch, graph):
    monkeypatch.chdir(tmp_path)
    out = write_html(build_network(graph), tmp_path / "out" / "g.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no lib/ folder
    text = out.read_text(encoding="utf-8")
    assert "Évil" in text and "décide" in text


def test_render_filters(tmp_path, graph):
    out = render(graph, tmp_path / "ego.html", entity="Netflix", depth=1)
    text = out.read_text(encoding="utf-8")
    assert "<title>Netflix (depth 1)</title>" in text
    assert 'value="Place"' not in text  # Lyon is two hops away


def test_iframe_escapes_the_page(page):
    frame = to_iframe(page)
    assert frame.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in frame
    body = frame[len('<iframe srcdoc="'):frame.index('" sandbox=')]
    assert '"' not in body and "<" not in body


def test_empty_graph(tmp_path):
    assert "new vis.Network(" in to_html(nx.MultiDiGraph())
