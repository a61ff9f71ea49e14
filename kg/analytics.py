"""Graph analytics: functions from a networkx graph to plain data (dicts and lists).

They take the ``MultiDiGraph`` built by :func:`kg.graph.to_networkx` (or any networkx
graph) and return numbers keyed by node, lists of nodes, or rows of dicts, never a
graph, so that their results print, serialize and tabulate as they are. Paths and
neighbourhoods follow edges both ways: "Netflix partners with Canal+" links the two
whichever is the subject.

Example:
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("ted", "netflix", "ceoOf"), ("netflix", "canal", "partnersWith")])
    >>> degree(G)
    {'netflix': 2, 'canal': 1, 'ted': 1}
    >>> [step["predicate"] for step in shortest_path(G, "ted", "canal")]
    ['ceoOf', 'partnersWith']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.graph import find_node

__all__ = [
    "EXACT_BETWEENNESS_MAX",
    "betweenness",
    "communities",
    "degree",
    "ego_network",
    "pagerank",
    "shortest_path",
    "stats_table",
]

#: Above this many nodes, :func:`betweenness` samples this many pivot nodes (``k``).
EXACT_BETWEENNESS_MAX = 500


def _ranked(scores: dict[Any, float]) -> dict[Any, float]:
    """The same mapping, highest score first (ties by node id), for readable output."""
    return dict(sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _simple_undirected(G: nx.Graph, weight: str | None = "support") -> nx.Graph:
    """An undirected simple graph; parallel edges and both directions add their weights."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for u, v, data in G.edges(data=True):
        w = data.get(weight, 1) if weight else 1
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def degree(G: nx.Graph) -> dict[Any, int]:
    """Number of edges of each node (in and out, parallel edges counted), highest first.

    Example:
        >>> G = nx.MultiDiGraph([("ted", "netflix", "ceoOf"), ("ted", "netflix", "worksFor")])
        >>> degree(G)
        {'netflix': 2, 'ted': 2}
    """
    return _ranked(dict(G.degree()))  # type: ignore[arg-type]


def pagerank(G: nx.Graph, *, alpha: float = 0.85, weight: str | None = "support") -> dict[Any, float]:
    """PageRank of each node along the edge directions, highest first.

    Parallel edges add up; an edge weighs its ``weight`` attribute (the number of
    articles stating it by default, 1 when absent).

    Example:
        >>> G = nx.MultiDiGraph([("ted", "netflix", "ceoOf"), ("reed", "netflix", "founderOf")])
        >>> next(iter(pagerank(G)))
        'netflix'
        >>> round(sum(pagerank(G).values()), 6)
        1.0
    """
    if G.number_of_nodes() == 0:
        return {}
    return _ranked(nx.pagerank(G, alpha=alpha, weight=weight))


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int = 42) -> dict[Any, float]:
    """Normalized betweenness centrality on the undirected graph, highest first.

    Exact up to :data:`EXACT_BETWEENNESS_MAX` nodes; above, approximated from ``k``
    pivot nodes (default :data:`EXACT_BETWEENNESS_MAX`) drawn with a fixed ``seed``.

    Example:
        >>> G = nx.MultiDiGraph([("ted", "netflix", "ceoOf"), ("netflix", "canal", "partnersWith")])
        >>> betweenness(G)
        {'netflix': 1.0, 'canal': 0.0, 'ted': 0.0}
    """
    H = _simple_undirected(G, weight=None)
    n = H.number_of_nodes()
    if k is None and n > EXACT_BETWEENNESS_MAX:
        k = EXACT_BETWEENNESS_MAX
    if k is not None and k >= n:
        k = None
    return _ranked(nx.betweenness_centrality(H, k=k, seed=seed if k else None, normalized=True))


def communities(G: nx.Graph, *, resolution: float = 1.0, seed: int = 42) -> list[list[Any]]:
    """Louvain communities of the undirected graph (weighted by support), largest first.

    The seed is fixed, so a graph always gives the same partition. Each community is a
    sorted list of nodes; isolated nodes form their own communities.

    Example:
        >>> G = nx.MultiDiGraph([("a", "b", "uses"), ("b", "c", "uses"), ("a", "c", "uses"),
        ...                      ("x", "y", "uses"), ("y", "z", "uses"), ("x", "z", "uses"), ("c", "x", "uses")])
        >>> communities(G)
        [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    H = _simple_undirected(G)
    if H.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    return sorted((sorted(p, key=str) for p in parts), key=lambda p: (-len(p), str(p[0])))


def _node(G: nx.Graph, n: Any) -> dict[str, Any]:
    data = G.nodes[n]
    return {"id": n, "label": data.get("label", str(n)), "type": data.get("type")}


def _resolve(G: nx.Graph, name: Any) -> Any:
    return name if name in G else find_node(G, str(name))


def ego_network(G: nx.Graph, entity: Any, *, radius: int = 1) -> dict[str, Any]:
    """The neighbourhood of an entity: nodes within ``radius`` hops and their edges.

    Args:
        G: The graph.
        entity: A node, or an entity IRI, key, label or alias (see :func:`kg.graph.find_node`).
        radius: Number of hops, edges followed both ways.

    Returns:
        ``{"center": node, "nodes": [{"id", "label", "type", "distance"}...],
        "edges": [{"source", "target", "predicate", "support"}...]}``, nodes by distance.

    Raises:
        kg.errors.ResolveError: If ``entity`` names no node, or several.

    Example:
        >>> G = nx.MultiDiGraph([("ted", "netflix", "ceoOf"), ("netflix", "canal", "partnersWith")])
        >>> ego = ego_network(G, "ted")
        >>> [(n["id"], n["distance"]) for n in ego["nodes"]], [e["predicate"] for e in ego["edges"]]
        ([('ted', 0), ('netflix', 1)], ['ceoOf'])
    """
    center = _resolve(G, entity)
    dist = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=radius)
    nodes = [{**_node(G, n), "distance": d} for n, d in sorted(dist.items(), key=lambda kv: (kv[1], str(kv[0])))]
    edges = [
        {"source": u, "target": v, "predicate": data.get("predicate", k), "support": data.get("support", 1)}
        for u, v, k, data in G.subgraph(dist).edges(keys=True, data=True)  # type: ignore[call-arg]
    ] if G.is_multigraph() else [
        {"source": u, "target": v, "predicate": data.get("predicate"), "support": data.get("support", 1)}
        for u, v, data in G.subgraph(dist).edges(data=True)
    ]
    return {"center": center, "nodes": nodes, "edges": edges}


def shortest_path(G: nx.Graph, source: Any, target: Any) -> list[dict[str, Any]]:
    """The shortest chain of relations between two entities, with the evidence of each hop.

    Edges are followed both ways. Each hop lists every relation between its two nodes.

    Args:
        G: The graph.
        source, target: Nodes, or entity IRIs, keys, labels or aliases.

    Returns:
        One dict per hop: ``from``, ``to`` (node dicts with ``id``, ``label``, ``type``),
        ``predicate`` (of the best-supported relation), ``direction`` (``"forward"`` if
        ``from`` is its subject) and ``relations`` (every relation between the two, as
        ``{"subject", "predicate", "object", "support", "evidence"}``). An empty list if
        there is no path (or ``source`` is ``target``).

    Raises:
        kg.errors.ResolveError: If a name designates no node, or several.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("ted", "netflix", key="ceoOf", support=2,
        ...            evidence=[{"sentence": "Ted Sarandos dirige Netflix."}])
        'ceoOf'
        >>> G.add_edge("canal", "netflix", key="partnersWith", support=1, evidence=[])
        'partnersWith'
        >>> path = shortest_path(G, "ted", "canal")
        >>> [(s["from"]["id"], s["predicate"], s["direction"], s["to"]["id"]) for s in path]
        [('ted', 'ceoOf', 'forward', 'netflix'), ('netflix', 'partnersWith', 'backward', 'canal')]
        >>> path[0]["relations"][0]["evidence"][0]["sentence"]
        'Ted Sarandos dirige Netflix.'
    """
    a, b = _resolve(G, source), _resolve(G, target)
    try:
        nodes = nx.shortest_path(G.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath:
        return []
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        relations = []
        for s, o in ((u, v), (v, u)):
            if not G.has_edge(s, o):
                continue
            items = G[s][o].items() if G.is_multigraph() else [(G[s][o].get("predicate"), G[s][o])]
            for key, data in items:
                relations.append({
                    "subject": s,
                    "predicate": data.get("predicate", key),
                    "object": o,
                    "support": data.get("support", 1),
                    "evidence": list(data.get("evidence", [])),
                })
        relations.sort(key=lambda r: (-r["support"], r["subject"] != u, str(r["predicate"])))
        best = relations[0]
        steps.append({
            "from": _node(G, u),
            "to": _node(G, v),
            "predicate": best["predicate"],
            "direction": "forward" if best["subject"] == u else "backward",
            "relations": relations,
        })
    return steps


def stats_table(G: nx.Graph, top: int = 10) -> dict[str, Any]:
    """Summary of a graph for ``kg stats``: sizes, counts by type and predicate, top entities.

    Args:
        G: The graph.
        top: Number of entities in the ``top`` table.

    Returns:
        ``{"nodes", "edges", "articles", "communities", "types": {type: count},
        "predicates": {predicate: count}, "top": [rows]}``; each row has ``id``,
        ``label``, ``type``, ``degree``, ``pagerank``, ``betweenness`` and
        ``community`` (its index in :func:`communities`), by degree then PageRank.

    Example:
        >>> G = nx.MultiDiGraph([("ted", "netflix", "ceoOf"), ("netflix", "canal", "partnersWith")])
        >>> table = stats_table(G, top=1)
        >>> table["nodes"], table["edges"], table["predicates"]
        (3, 2, {'ceoOf': 1, 'partnersWith': 1})
        >>> {k: table["top"][0][k] for k in ("id", "degree", "betweenness", "community")}
        {'id': 'netflix', 'degree': 2, 'betweenness': 1.0, 'community': 0}
    """
    deg = degree(G)
    pr = pagerank(G)
    bc = betweenness(G)
    parts = communities(G)
    member = {n: i for i, part in enumerate(parts) for n in part}
    types: dict[str, int] = {}
    for _, t in G.nodes(data="type"):
        types[t or "?"] = types.get(t or "?", 0) + 1
    predicates: dict[str, int] = {}
    for u, v, *rest in (G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)):
        data = rest[-1]
        p = data.get("predicate", rest[0] if len(rest) == 2 else None) or "?"
        predicates[p] = predicates.get(p, 0) + 1
    order = sorted(G.nodes, key=lambda n: (-deg.get(n, 0), -pr.get(n, 0.0), str(n)))[:top]
    rows = [
        {
            **_node(G, n),
            "degree": deg.get(n, 0),
            "pagerank": round(pr.get(n, 0.0), 6),
            "betweenness": round(bc.get(n, 0.0), 6),
            "community": member.get(n),
        }
        for n in order
    ]
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "articles": G.graph.get("articles"),
        "communities": len(parts),
        "types": dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        "predicates": dict(sorted(predicates.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top": rows,
    }
