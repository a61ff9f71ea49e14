"""Write the knowledge graph to RDF files, through rdflib serializers chosen by name.

Formats:

* ``turtle``: the **merged graph** (one graph, no graph names): the asserted facts, the
  entity descriptions and the article metadata. Evidence is left out by default:
  Turtle cannot say which article graph a statement node came from, and evidence
  roughly doubles the size. ``evidence=True`` keeps the ``mkg:Statement`` nodes (each
  still names its article with ``prov:wasDerivedFrom``, so nothing is lost but the
  graph boundaries).
* ``trig``, ``nquads``, ``jsonld``: the **dataset**: one named graph per article with its
  evidence, plus the article metadata graph. ``evidence=False`` is refused for them:
  use ``turtle`` for a facts-only file.

The Turtle graph is ``kg/data/export/merged-facts.rq`` (``merged-graph.rq`` with evidence).
On the Oxigraph backend, the dataset formats go through the ``ox-*`` serializers of
oxrdflib (Oxigraph dumps the store natively, about 10x faster than rdflib's), and Turtle
is queried and written by pyoxigraph without rdflib terms in between (496k quads:
TriG 2.5 s, facts Turtle 1.5 s). Other graphs use rdflib's serializers. Files are UTF-8.

Example:
    >>> import tempfile
    >>> from kg.store import Store
    >>> with Store(backend="memory") as store:
    ...     path = export(store, tempfile.mkdtemp() + "/graph.trig", "trig")
    >>> path.suffix
    '.trig'
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph

from kg.errors import Errors, StoreError
from kg.namespace import PREFIXES, RDF, RDFS, XSD
from kg.store import DEFAULT_STORE, Store, _with_prefixes

__all__ = ["EXPORT_QUERIES", "EXTENSIONS", "FORMATS", "export", "export_store", "facts_graph"]

#: Export formats -> (rdflib serializer, oxrdflib serializer, holds named graphs).
FORMATS: dict[str, tuple[str, str, bool]] = {
    "turtle": ("turtle", "ox-turtle", False),
    "trig": ("trig", "ox-trig", True),
    "nquads": ("nquads", "ox-nquads", True),
    "jsonld": ("json-ld", "ox-json-ld", True),
}
#: Usual file extension of each format.
EXTENSIONS = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}
_ALIASES = {"ttl": "turtle", "nq": "nquads", "json-ld": "jsonld", "json": "jsonld"}

#: The SPARQL that builds the Turtle export (without and with evidence).
EXPORT_QUERIES = Path(__file__).parent / "data" / "export"
_FACTS_QUERY = EXPORT_QUERIES / "merged-facts.rq"
_GRAPH_QUERY = EXPORT_QUERIES / "merged-graph.rq"


def _format(fmt: str) -> str:
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise StoreError(Errors.E033.format(fmt=fmt, choices=", ".join(FORMATS)))
    return name


def _dataset(source: Store | Dataset | Graph) -> Graph:
    if isinstance(source, Store):
        return source.dataset
    return source


def _is_oxigraph(graph: Graph) -> bool:
    return isinstance(graph.store, OxigraphStore)


def _query_text(evidence: bool) -> str:
    return (_GRAPH_QUERY if evidence else _FACTS_QUERY).read_text(encoding="utf-8")


def facts_graph(source: Store | Dataset | Graph, *, evidence: bool = False) -> Graph:
    """The merged graph as an in-memory rdflib graph (a copy).

    Args:
        source: A store, a dataset, or a graph (a plain graph is copied as is).
        evidence: Keep the ``mkg:Statement`` evidence nodes.

    Example:
        >>> from kg.store import Store
        >>> with Store(backend="memory") as store:
        ...     len(facts_graph(store))
        0
    """
    data = _dataset(source)
    out = _with_prefixes(Graph())
    if not isinstance(data, Dataset):
        out += data
        return out
    result = data.query(_query_text(evidence))
    return _with_prefixes(result.graph)  # type: ignore[arg-type]


def export(
    source: Store | Dataset | Graph,
    path: str | os.PathLike[str],
    fmt: str = "turtle",
    *,
    evidence: bool | None = None,
) -> Path:
    """Write a store (or an rdflib dataset or graph) to ``path`` in ``fmt``.

    Args:
        source: An open :class:`~kg.store.Store`, an rdflib ``Dataset`` or ``Graph``.
        path: The file to write (its folder is created).
        fmt: ``turtle``, ``trig``, ``nquads`` or ``jsonld`` (``ttl``, ``nq`` and
            ``json-ld`` are accepted too).
        evidence: Turtle only: keep the evidence nodes (default ``False``). The dataset
            formats always carry evidence.

    Returns:
        The path written.

    Raises:
        StoreError: ``E033`` for an unknown format, ``E023`` if the store is not open.
        ValueError: ``evidence=False`` with a dataset format.

    Example:
        >>> import tempfile
        >>> from rdflib import Graph
        >>> export(Graph(), tempfile.mkdtemp() + "/empty.ttl").read_text(encoding="utf-8").strip()
        ''
    """
    name = _format(fmt)
    rdflib_name, ox_name, quads = FORMATS[name]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if name == "turtle" and isinstance(source, Store) and source.oxigraph is not None:
        # Query and write natively: no rdflib terms in between (2x faster on 500k quads).
        triples = source.oxigraph.query(_query_text(bool(evidence)), use_default_graph_as_union=True)
        prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), **PREFIXES}
        pyoxigraph.serialize(triples, str(target), pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
        return target
    data = _dataset(source)
    if quads:
        if evidence is False:
            raise ValueError(f"{name} exports the named graphs with their evidence; use turtle for facts only")
        graph: Graph = data
    else:
        graph = facts_graph(data, evidence=bool(evidence)) if isinstance(data, Dataset) else data
    serializer = ox_name if _is_oxigraph(graph) or (not quads and _is_oxigraph(data)) else rdflib_name
    with target.open("wb") as stream:
        graph.serialize(stream, format=serializer, encoding="utf-8")
    return target


def export_store(
    store_path: str | os.PathLike[str] = DEFAULT_STORE,
    path: str | os.PathLike[str] | None = None,
    fmt: str = "trig",
    *,
    evidence: bool | None = None,
) -> Path:
    """``kg export``: open the store read-only and write it to ``path``.

    Args:
        store_path: The store directory.
        path: The file to write; default ``output/graph.<ext>``.
        fmt: See :func:`export`.
        evidence: See :func:`export`.

    Raises:
        StoreError: ``E022`` if there is no store at ``store_path``.

    Example:
        >>> import tempfile
        >>> from kg.store import Store
        >>> folder = tempfile.mkdtemp()
        >>> Store(folder + "/store").open().close()
        >>> export_store(folder + "/store", folder + "/graph.nq", "nquads").stat().st_size
        0
    """
    name = _format(fmt)
    target = Path(path) if path is not None else Path("output") / f"graph{EXTENSIONS[name]}"
    with Store(store_path, read_only=True) as store:
        return export(store, target, name, evidence=evidence)
