"""The RDF knowledge graph as a networkx ``MultiDiGraph``, filters, and Gephi exports.

:func:`to_networkx` reads a store (or an rdflib dataset) with three SPARQL queries over
the merged view and builds a :class:`networkx.MultiDiGraph`:

* **nodes** are entity IRIs (strings), with ``label``, ``type`` (the most specific
  ``mkg:`` class), ``types``, ``aliases`` (sorted list), ``key`` (the IRI path under
  ``mkr:``, e.g. ``person/ted-sarandos``) and ``wikidata`` when linked;
* **edges** are keyed by the predicate's local name (``ceoOf``), with ``predicate``,
  ``iri``, ``evidence`` (a list of dicts: ``sentence``, ``title``, ``date``, ``url``,
  ``confidence``, ``article``, ``rule``, ``start``), ``support`` (the number of distinct
  articles) and ``confidence`` (the highest).

``rdflib.extras.external_graph_libs`` converts triples one to one; it is not used here
because an edge's evidence lives on ``mkg:Statement`` nodes that only a query joins back
to the triple. :func:`filter_graph` narrows a graph (entity and depth, types,
predicates, date range, minimum support); :func:`write_graphml` and :func:`write_gexf`
write files for Gephi, with list attributes flattened to scalars.

Example:
    >>> from kg.store import Store
    >>> with Store(backend="memory") as store:
    ...     G = to_networkx(store)
    >>> G.number_of_nodes(), G.is_multigraph(), G.is_directed()
    (0, True, True)
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import Errors, ResolveError
from kg.namespace import MKG, OWL, RDF, RES, SKOS
from kg.text import name_key

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "filter_graph",
    "find_node",
    "local_name",
    "to_networkx",
    "to_scalar_graph",
    "write_gexf",
    "write_graphml",
]

_PREFIXES = """\
PREFIX mkg: <https://w3id.org/media-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""

# The descriptions of entities and quotes (articles and statements are filtered in Python).
_ENTITIES_QUERY = _PREFIXES + """
SELECT DISTINCT ?e ?p ?v WHERE {
  VALUES ?p { rdf:type rdfs:label skos:altLabel mkg:quoteText owl:sameAs }
  ?e ?p ?v .
}"""

# One row per evidence node: the reified triple, its sentence and the article it came from.
_STATEMENTS_QUERY = _PREFIXES + """
SELECT ?s ?p ?o ?article ?sentence ?start ?rule ?confidence WHERE {
  ?st a mkg:Statement ;
      rdf:subject ?s ;
      rdf:predicate ?p ;
      rdf:object ?o ;
      prov:wasDerivedFrom ?article .
  OPTIONAL { ?st mkg:sentence ?sentence }
  OPTIONAL { ?st mkg:startChar ?start }
  OPTIONAL { ?st mkg:rule ?rule }
  OPTIONAL { ?st mkg:confidence ?confidence }
}"""

# Article metadata (complete articles carry their mkg:contentHash commit marker).
_ARTICLES_QUERY = _PREFIXES + """
SELECT ?article ?headline ?url ?date WHERE {
  ?article mkg:contentHash ?hash .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:datePublished ?date }
}"""

_NOT_ENTITIES = {MKG.Article, MKG.Statement}
_MKG_NS = str(MKG)
_RES_NS = str(RES)
# Broad classes lose against a more specific one when an entity carries several types.
_BROAD = {"CreativeWork": 1, "Concept": 2}


def local_name(iri: str) -> str:
    """The local name of an IRI: what follows the last ``#`` or ``/``.

    Example:
        >>> local_name("https://w3id.org/media-kg/ontology#ceoOf")
        'ceoOf'
        >>> local_name("https://w3id.org/media-kg/resource/person/ted-sarandos")
        'ted-sarandos'
    """
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _rows(source: Any, sparql: str) -> list[Any]:
    """Run ``sparql`` on the merged view of ``source`` (store, dataset or graph)."""
    from kg.store import MergedGraph, Store

    if isinstance(source, Store):
        return list(source.query(sparql))
    if isinstance(source, Dataset) and not isinstance(source, MergedGraph):
        source = MergedGraph(source.store)  # a view whose default graph is the union
    if isinstance(source, Graph):
        return list(source.query(sparql))
    raise TypeError(f"expected a kg.store.Store, an rdflib Dataset or Graph, not {type(source).__name__}")


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, date):
            return value.isoformat()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


def _best_type(types: Iterable[str]) -> str:
    return sorted(types, key=lambda t: (_BROAD.get(t, 0), t))[0]


def to_networkx(source: Store | Dataset | Graph, *, include_quotes: bool = True) -> nx.MultiDiGraph:
    """Convert the merged RDF graph into a networkx ``MultiDiGraph`` with evidence.

    Args:
        source: An open :class:`~kg.store.Store`, an rdflib ``Dataset`` (its named graphs
            are read as one) or a ``Graph`` holding the merged data with evidence.
        include_quotes: Keep the quotes (objects of ``mkg:said``) as nodes of type
            ``Quote``, labelled with their text.

    Returns:
        The graph described in the module docstring; ``G.graph["articles"]`` counts the
        articles read.

    Example:
        >>> from rdflib import Dataset
        >>> from kg.rdf import add_extraction
        >>> from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
        >>> doc = Document(id="d1", text="Ted Sarandos dirige Netflix.", lang="fr", title="Netflix", date="2024-05-02")
        >>> ted = Entity("person/ted-sarandos", "Ted Sarandos", "Person", {"Ted Sarandos", "Sarandos"})
        >>> nflx = Entity("organization/netflix", "Netflix", "Organization", {"Netflix"})
        >>> rel = Relation(Mention("Ted Sarandos", 0, 12, "Person"), "ceoOf",
        ...                Mention("Netflix", 20, 27, "Organization"), doc.text, 0, "role.verb", 0.9)
        >>> ds = Dataset()
        >>> _ = add_extraction(ds, Extraction(doc, [ted, nflx], [Triple(ted, "ceoOf", nflx, rel)]))
        >>> G = to_networkx(ds)
        >>> G.nodes[str(RES["person/ted-sarandos"])]["aliases"]
        ['Sarandos']
        >>> [(G.nodes[u]["label"], k, G.nodes[v]["label"]) for u, v, k in G.edges(keys=True)]
        [('Ted Sarandos', 'ceoOf', 'Netflix')]
        >>> edge = next(iter(G.edges(data=True)))[2]
        >>> edge["support"], edge["evidence"][0]["sentence"], edge["evidence"][0]["date"]
        (1, 'Ted Sarandos dirige Netflix.', '2024-05-02')
    """
    types: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    wikidata: dict[str, str] = {}
    for e, p, v in _rows(source, _ENTITIES_QUERY):
        e_s = str(e)
        if p == RDF.type:
            if isinstance(v, URIRef) and str(v).startswith(_MKG_NS) and v not in _NOT_ENTITIES:
                types.setdefault(e_s, set()).add(str(v)[len(_MKG_NS):])
        elif p == OWL.sameAs:
            wikidata.setdefault(e_s, local_name(str(v)))
        elif p == SKOS.altLabel:
            aliases.setdefault(e_s, set()).add(str(v))
        else:  # rdfs:label or mkg:quoteText
            labels.setdefault(e_s, set()).add(str(v))

    G = nx.MultiDiGraph()
    for iri, tset in sorted(types.items()):
        node_type = _best_type(tset)
        if node_type == "Quote" and not include_quotes:
            continue
        names = labels.get(iri, set())
        label = max(names, key=lambda n: (len(n), n)) if names else local_name(iri)
        attrs: dict[str, Any] = {
            "label": label,
            "type": node_type,
            "types": sorted(tset),
            "aliases": sorted((aliases.get(iri, set()) | names) - {label}),
            "key": iri[len(_RES_NS):] if iri.startswith(_RES_NS) else iri,
        }
        if iri in wikidata:
            attrs["wikidata"] = wikidata[iri]
        G.add_node(iri, **attrs)

    articles: dict[str, dict[str, Any]] = {}
    for a, headline, url, day in _rows(source, _ARTICLES_QUERY):
        articles.setdefault(str(a), {"title": _py(headline), "url": _py(url), "date": _py(day)})
    G.graph["articles"] = len(articles)

    evidence: dict[tuple[str, str, str], dict[tuple[str, Any], dict[str, Any]]] = {}
    for s, p, o, article, sentence, start, rule, conf in _rows(source, _STATEMENTS_QUERY):
        s_s, o_s, a_s = str(s), str(o), str(article)
        if s_s not in G or o_s not in G:
            continue  # a quote left out, or a resource without an mkg type
        meta = articles.get(a_s, {})
        item = {
            "sentence": _py(sentence) or "",
            "title": meta.get("title"),
            "date": meta.get("date"),
            "url": meta.get("url"),
            "confidence": _py(conf),
            "article": a_s,
            "rule": _py(rule),
            "start": _py(start),
        }
        evidence.setdefault((s_s, str(p), o_s), {})[(a_s, item["start"])] = item

    for (s_s, p_s, o_s), items in sorted(evidence.items()):
        ev = sorted(items.values(), key=lambda i: (i["date"] or "", i["article"], i["start"] or 0))
        _add_edge(G, s_s, p_s, o_s, ev)
    return G


def _add_edge(G: nx.MultiDiGraph, s: str, p: str, o: str, evidence: list[dict[str, Any]]) -> None:
    confidences = [e["confidence"] for e in evidence if e.get("confidence") is not None]
    G.add_edge(
        s,
        o,
        key=local_name(p),
        predicate=local_name(p),
        iri=p,
        evidence=evidence,
        support=len({e["article"] for e in evidence}),
        confidence=max(confidences) if confidences else None,
    )


def find_node(G: nx.Graph, name: str) -> str:
    """The node an entity name designates: its IRI, its key, its label or an alias.

    Names are compared by :func:`kg.text.name_key` (the fold the registry uses: case,
    accents and punctuation ignored, so "Warner Bros Discovery" finds "Warner Bros.
    Discovery"). An exact IRI or key wins; then labels; then aliases.

    Raises:
        ResolveError: ``E051`` if nothing matches, ``E052`` if several entities do.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("https://w3id.org/media-kg/resource/organization/netflix", label="Netflix",
        ...            key="organization/netflix", aliases=["NFLX"])
        >>> find_node(G, "nflx")
        'https://w3id.org/media-kg/resource/organization/netflix'
        >>> find_node(G, "organization/netflix")[-7:]
        'netflix'
    """
    if name in G:
        return name
    for node, key in G.nodes(data="key"):
        if key == name:
            return node
    wanted = name_key(name)
    for field in ("label", "aliases"):
        hits = sorted(
            n for n, data in G.nodes(data=True)
            if wanted and wanted in {name_key(str(v)) for v in _as_list(data.get(field))}
        )
        if len(hits) == 1:
            return hits[0]
        if hits:
            candidates = ", ".join(f"{G.nodes[h].get('key', h)} ({G.nodes[h].get('type')})" for h in hits[:8])
            raise ResolveError(Errors.E052.format(name=name, candidates=candidates))
    raise ResolveError(Errors.E051.format(name=name))


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _day(value: str | date | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    entity: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    min_support: int = 1,
    drop_isolates: bool = False,
) -> nx.MultiDiGraph:
    """A filtered copy of a graph made by :func:`to_networkx`.

    Filters apply in this order: evidence outside ``[since, until]`` is dropped (undated
    evidence too, when a bound is given) and support recounted; edges whose predicate is
    not in ``predicates`` or whose support is below ``min_support`` are dropped; nodes
    whose type is not in ``types`` are dropped; then only the nodes within ``depth`` hops
    of ``entity`` (edges followed both ways) are kept. The entity itself is always kept.

    Args:
        G: The graph.
        entity: An entity IRI, key, label or alias (see :func:`find_node`).
        depth: Radius of the neighbourhood of ``entity``.
        types: Entity types to keep (``"Person"``...).
        predicates: Predicates to keep (``"ceoOf"``...).
        since, until: Inclusive date bounds (``"2024-01-31"`` or a ``date``).
        min_support: Minimum number of articles stating an edge.
        drop_isolates: Drop the nodes left without any edge (never the ``entity``).

    Raises:
        ResolveError: If ``entity`` matches no node or several.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("a", label="A", type="Person"); G.add_node("b", label="B", type="Organization")
        >>> G.add_node("c", label="C", type="Organization")
        >>> ev = [{"article": "x", "date": "2024-01-02", "sentence": "A dirige B."}]
        >>> G.add_edge("a", "b", key="ceoOf", predicate="ceoOf", evidence=ev, support=1)
        'ceoOf'
        >>> G.add_edge("b", "c", key="subsidiaryOf", predicate="subsidiaryOf", evidence=[], support=0)
        'subsidiaryOf'
        >>> sorted(filter_graph(G, entity="A", depth=1).nodes)
        ['a', 'b']
        >>> filter_graph(G, since="2024-02-01", drop_isolates=True).number_of_edges()
        0
    """
    start, end = _day(since), _day(until)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    keep_predicates = set(predicates) if predicates is not None else None
    for u, v, k, data in G.edges(keys=True, data=True):
        if keep_predicates is not None and data.get("predicate", k) not in keep_predicates:
            continue
        attrs = dict(data)
        if start or end:
            ev = [
                e for e in data.get("evidence", [])
                if e.get("date") and (not start or e["date"] >= start) and (not end or e["date"] <= end)
            ]
            if not ev:
                continue
            attrs["evidence"] = ev
            attrs["support"] = len({e.get("article") for e in ev})
        if attrs.get("support", 1) < min_support:
            continue
        H.add_edge(u, v, key=k, **attrs)

    center = find_node(G, entity) if entity is not None else None
    if types is not None:
        keep_types = set(types)
        H.remove_nodes_from([n for n, t in list(H.nodes(data="type")) if t not in keep_types and n != center])
    if center is not None:
        near = nx.single_source_shortest_path_length(H.to_undirected(as_view=True), center, cutoff=depth)
        H = H.subgraph(near).copy()
    if drop_isolates:
        H.remove_nodes_from([n for n in list(nx.isolates(H)) if n != center])
    return H


def to_scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values are all scalars, as GraphML and GEXF require.

    Lists of strings are joined with ``"; "``; the evidence list becomes ``evidence``
    (JSON text), ``sentences`` (joined with ``" | "``), ``titles``, ``first_date`` and
    ``last_date``; ``None`` values are dropped.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("a", label="A", aliases=["B", "C"], wikidata=None)
        >>> G.add_edge("a", "a", key="uses", evidence=[{"sentence": "s", "date": "2024-01-01", "title": "T"}])
        'uses'
        >>> H = to_scalar_graph(G)
        >>> H.nodes["a"]
        {'label': 'A', 'aliases': 'B; C'}
        >>> H.edges["a", "a", "uses"]["sentences"], H.edges["a", "a", "uses"]["first_date"]
        ('s', '2024-01-01')
    """
    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if _is_scalar(v)})
    for n, data in G.nodes(data=True):
        H.add_node(n, **_flatten(data))
    for u, v, k, data in G.edges(keys=True, data=True):
        attrs = _flatten({key: val for key, val in data.items() if key != "evidence"})
        ev = data.get("evidence")
        if ev:
            dates = sorted(e["date"] for e in ev if e.get("date"))
            attrs["evidence"] = json.dumps(ev, ensure_ascii=False, sort_keys=True)
            attrs["sentences"] = " | ".join(dict.fromkeys(e.get("sentence") or "" for e in ev))
            titles = [e["title"] for e in ev if e.get("title")]
            if titles:
                attrs["titles"] = " | ".join(dict.fromkeys(titles))
            if dates:
                attrs["first_date"], attrs["last_date"] = dates[0], dates[-1]
        H.add_edge(u, v, key=k, **attrs)
    return H


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            out[key] = "; ".join(str(v) for v in value)
        elif _is_scalar(value):
            out[key] = value
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return out


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as GraphML (for Gephi, yEd, Cytoscape), UTF-8.

    Returns:
        The path written (its folder is created).

    Example:
        >>> import tempfile
        >>> G = nx.MultiDiGraph(); G.add_node("a", label="A", aliases=["Å"])
        >>> path = write_graphml(G, tempfile.mkdtemp() + "/g.graphml")
        >>> nx.read_graphml(path).nodes["a"]["aliases"]
        'Å'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(to_scalar_graph(G), target, encoding="utf-8")
    return target


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the graph as GEXF 1.2 (Gephi's own format), UTF-8.

    Returns:
        The path written (its folder is created).

    Example:
        >>> import tempfile
        >>> G = nx.MultiDiGraph(); G.add_edge("a", "b", key="uses", support=2)
        'uses'
        >>> path = write_gexf(G, tempfile.mkdtemp() + "/g.gexf")
        >>> nx.read_gexf(path).number_of_edges()
        1
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    H = to_scalar_graph(G)
    for n, data in H.nodes(data=True):  # Gephi shows the "label" attribute as the node label
        data.setdefault("label", str(n))
    nx.write_gexf(H, target, encoding="utf-8")
    return target
