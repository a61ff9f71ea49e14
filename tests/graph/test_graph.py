"""kg.graph: RDF -> networkx, filters, GraphML/GEXF."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.errors import ResolveError
from kg.graph import filter_graph, find_node, to_networkx, to_scalar_graph, write_gexf, write_graphml
from kg.namespace import RES

TED, NFLX, CANAL, LYON = (str(RES[k]) for k in ("person/ted-sarandos", "organization/netflix",
                                                 "organization/canalplus", "place/lyon"))


@pytest.fixture
def G(dataset) -> nx.MultiDiGraph:
    return to_networkx(dataset)


def test_nodes_have_label_type_aliases(G):
    assert set(G) == {TED, NFLX, CANAL, LYON}
    assert G.nodes[NFLX] == {"label": "Netflix", "type": "Organization", "types": ["Organization"],
                             "aliases": ["NFLX"], "key": "organization/netflix", "wikidata": "Q907311"}
    assert G.graph["articles"] == 3


@pytest.mark.parametrize(("s", "key", "o", "support", "dates"), [
    (TED, "ceoOf", NFLX, 2, ["2024-01-10", "2024-03-05"]),
    (NFLX, "partnersWith", CANAL, 1, ["2024-03-05"]),
    (CANAL, "locatedIn", LYON, 1, ["2024-06-20"]),
])
def test_edges_keyed_by_predicate_with_evidence(G, s, key, o, support, dates):
    data = G.edges[s, o, key]
    assert data["support"] == support
    assert [e["date"] for e in data["evidence"]] == dates
    first = data["evidence"][0]
    assert set(first) >= {"sentence", "title", "date", "url", "confidence"}
    assert first["title"].startswith("Titre ") and first["url"].startswith("https://example.org/")
    assert first["confidence"] == pytest.approx(0.9)


def test_same_graph_from_an_oxigraph_store(tmp_path, G, extractions):
    from kg.store import Store

    with Store(tmp_path / "store") as store:
        store.add(extractions)
    with Store(tmp_path / "store", read_only=True) as store:
        H = to_networkx(store)
    assert nx.utils.graphs_equal(G, H)


def test_quotes_can_be_left_out(dataset):
    assert to_networkx(dataset, include_quotes=False).number_of_nodes() == 4


@pytest.mark.parametrize(("name", "node"), [
    ("netflix", NFLX), ("NFLX", NFLX), ("organization/netflix", NFLX), (NFLX, NFLX), ("canal plus", CANAL),
    ("sarandos", TED),
])
def test_find_node(G, name, node):
    assert find_node(G, name) == node


def test_find_node_errors(G):
    with pytest.raises(ResolveError, match="E051"):
        find_node(G, "Disney")
    G.add_node("x", label="Netflix", key="organization/netflix-2")
    with pytest.raises(ResolveError, match="E052"):
        find_node(G, "Netflix")


@pytest.mark.parametrize(("filters", "nodes", "edges"), [
    ({}, {TED, NFLX, CANAL, LYON}, 3),
    ({"entity": "Ted Sarandos", "depth": 1}, {TED, NFLX}, 1),
    ({"entity": "Ted Sarandos", "depth": 2}, {TED, NFLX, CANAL}, 2),
    ({"types": ["Organization"]}, {NFLX, CANAL}, 1),
    ({"predicates": ["ceoOf"], "drop_isolates": True}, {TED, NFLX}, 1),
    ({"min_support": 2, "drop_isolates": True}, {TED, NFLX}, 1),
    ({"since": "2024-03-01", "until": "2024-03-31", "drop_isolates": True}, {TED, NFLX, CANAL}, 2),
])
def test_filter_graph(G, filters, nodes, edges):
    H = filter_graph(G, **filters)
    assert set(H) == nodes
    assert H.number_of_edges() == edges


def test_date_filter_recounts_support(G):
    H = filter_graph(G, since="2024-02-01")
    assert H.edges[TED, NFLX, "ceoOf"]["support"] == 1
    assert G.edges[TED, NFLX, "ceoOf"]["support"] == 2  # the input is not modified


def test_scalar_graph_flattens_lists(G):
    H = to_scalar_graph(G)
    for _, data in H.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    ev = json.loads(H.edges[TED, NFLX, "ceoOf"]["evidence"])
    assert len(ev) == 2 and H.edges[TED, NFLX, "ceoOf"]["first_date"] == "2024-01-10"


def test_graphml_and_gexf_round_trip(tmp_path, G):
    graphml = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    assert graphml.number_of_nodes() == 4 and graphml.number_of_edges() == 3
    assert graphml.nodes[CANAL]["aliases"] == "Canal Plus"
    gexf = nx.read_gexf(write_gexf(G, tmp_path / "out" / "g.gexf"))
    assert gexf.number_of_nodes() == 4 and gexf.number_of_edges() == 3
