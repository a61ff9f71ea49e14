"""kg.analytics: plain data out of networkx graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from kg import analytics
from kg.errors import ResolveError


@pytest.fixture
def G() -> nx.MultiDiGraph:
    """Two triangles joined by one edge, with labels, types and evidence."""
    G = nx.MultiDiGraph()
    for n, label, t in [("ted", "Ted Sarandos", "Person"), ("nflx", "Netflix", "Organization"),
                        ("reed", "Reed Hastings", "Person"), ("canal", "Canal+", "Organization"),
                        ("saada", "Maxime Saada", "Person"), ("lyon", "Lyon", "Place")]:
        G.add_node(n, label=label, type=t, aliases=[], key=n)
    for u, v, k, support in [("ted", "nflx", "ceoOf", 3), ("reed", "nflx", "founderOf", 1), ("ted", "reed", "worksFor", 1),
                             ("saada", "canal", "ceoOf", 2), ("canal", "lyon", "locatedIn", 1), ("saada", "lyon", "locatedIn", 1),
                             ("nflx", "canal", "partnersWith", 1)]:
        G.add_edge(u, v, key=k, predicate=k, support=support,
                   evidence=[{"sentence": f"{u} {k} {v}.", "title": "T", "date": "2024-01-01", "article": "a"}])
    return G


@pytest.mark.parametrize("fn", [analytics.degree, analytics.pagerank, analytics.betweenness])
def test_scores_are_plain_dicts_over_all_nodes_highest_first(G, fn):
    scores = fn(G)
    assert type(scores) is dict and set(scores) == set(G)
    values = list(scores.values())
    assert values == sorted(values, reverse=True)


def test_bridges_have_the_highest_betweenness(G):
    assert set(list(analytics.betweenness(G))[:2]) == {"nflx", "canal"}


def test_betweenness_is_approximated_on_large_graphs():
    big = nx.MultiDiGraph(nx.barabasi_albert_graph(analytics.EXACT_BETWEENNESS_MAX + 100, 2, seed=1))
    first, second = analytics.betweenness(big), analytics.betweenness(big)
    assert first == second  # fixed seed
    assert analytics.betweenness(big, k=50) != first


def test_communities_split_the_two_triangles(G):
    assert analytics.communities(G) == [["canal", "lyon", "saada"], ["nflx", "reed", "ted"]]
    assert analytics.communities(nx.MultiDiGraph()) == []


def test_ego_network(G):
    ego = analytics.ego_network(G, "Netflix", radius=1)
    assert ego["center"] == "nflx"
    assert {n["id"] for n in ego["nodes"]} == {"nflx", "ted", "reed", "canal"}
    assert {"source": "ted", "target": "nflx", "predicate": "ceoOf", "support": 3} in ego["edges"]
    with pytest.raises(ResolveError):
        analytics.ego_network(G, "Disney")


def test_shortest_path_carries_evidence(G):
    path = analytics.shortest_path(G, "Ted Sarandos", "Lyon")
    assert [(s["from"]["id"], s["predicate"], s["to"]["id"]) for s in path] == [
        ("ted", "ceoOf", "nflx"), ("nflx", "partnersWith", "canal"), ("canal", "locatedIn", "lyon")]
    assert path[0]["relations"][0]["evidence"][0]["sentence"] == "ted ceoOf nflx."
    G.add_node("alone", label="Alone")
    assert analytics.shortest_path(G, "ted", "alone") == []


def test_stats_table(G):
    table = analytics.stats_table(G, top=3)
    assert (table["nodes"], table["edges"], table["communities"]) == (6, 7, 2)
    assert table["types"] == {"Person": 3, "Organization": 2, "Place": 1}
    assert table["predicates"]["ceoOf"] == 2
    assert [r["id"] for r in table["top"]] == ["canal", "nflx", "lyon"]
    assert set(table["top"][0]) == {"id", "label", "type", "degree", "pagerank", "betweenness", "community"}
