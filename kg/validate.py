"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl`` with pyshacl.

The merged view is validated (the union of the article graphs and the metadata
graph), because the shapes relate nodes that live in different graphs: an evidence
node of an article graph must point (``prov:wasDerivedFrom``) at an ``mkg:Article``
described in the metadata graph. The ontology is mixed in as pyshacl's ``ont_graph``,
so ``sh:class`` follows ``rdfs:subClassOf`` (an ``mkg:Film`` is an ``mkg:CreativeWork``).

Example:
    >>> from rdflib import Graph
    >>> conforms, report = validate(Graph())
    >>> conforms
    True
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.util import guess_format

from kg.errors import Errors, StoreError
from kg.namespace.paths import ontology_path, shapes_path
from kg.store import MergedGraph, Store

__all__ = ["validate", "validate_file"]

_DATASET_FORMATS = {"trig", "nquads", "trix", "json-ld"}


_PATCH_LOCK = threading.Lock()


@contextmanager
def _prepared_sparql() -> Iterator[None]:
    """Parse each SPARQL text once while validating.

    pyshacl runs an ``sh:sparql`` constraint once per focus node with the same text and
    a different ``$this`` binding, and rdflib parses the text every time (~0.15 s with
    pyparsing): 20 s for 150 entities. Here rdflib's SPARQL processor reuses the
    prepared query, as ``prepareQuery`` does, for the duration of the validation.
    """
    original = SPARQLProcessor.query
    cache: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # type: ignore[no-untyped-def]  # noqa: N803
        if isinstance(strOrQuery, str):
            namespaces: Mapping[str, Any] = initNs or {}
            key = (strOrQuery, base, tuple(sorted((k, str(v)) for k, v in namespaces.items())))
            if key not in cache:
                cache[key] = translateQuery(parseQuery(strOrQuery), base, initNs)
            strOrQuery = cache[key]
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    with _PATCH_LOCK:
        SPARQLProcessor.query = query  # type: ignore[method-assign]
        try:
            yield
        finally:
            SPARQLProcessor.query = original  # type: ignore[method-assign]


def _load(path: Path) -> Graph:
    """An RDF file (merged into one graph) or a store directory (its merged view, copied)."""
    if path.is_dir():
        with Store(path, read_only=True) as store:
            return _merged_copy(store.dataset)
    if not path.is_file():
        raise StoreError(Errors.E025.format(path=path))
    fmt = guess_format(str(path)) or "turtle"
    if fmt in _DATASET_FORMATS:
        dataset = Dataset()
        dataset.parse(path, format=fmt)
        return _merged_copy(dataset)
    return Graph().parse(path, format=fmt)


def _merged_copy(dataset: Dataset) -> Graph:
    graph = Graph()
    for triple in MergedGraph(dataset.store):
        graph.add(triple)
    return graph


def _as_graph(data: Graph | Store | str | os.PathLike[str]) -> Graph:
    if isinstance(data, Store):
        return _merged_copy(data.dataset)
    if isinstance(data, Dataset):  # validate the union, not each named graph apart
        return _merged_copy(data)
    if isinstance(data, Graph):
        return data
    return _load(Path(data))


def validate(
    data: Graph | Store | str | os.PathLike[str],
    *,
    shapes: str | os.PathLike[str] | Graph | None = None,
    ontology: str | os.PathLike[str] | Graph | None = None,
    inference: str = "none",
) -> tuple[bool, str]:
    """Validate a graph, a dataset, an open store, an RDF file or a store directory.

    Args:
        data: What to validate. Datasets and stores are validated as their merged view.
        shapes: The SHACL shapes (default ``ontology/shapes.ttl``).
        ontology: The ontology mixed in as ``ont_graph`` (default ``ontology/media.ttl``).
        inference: pyshacl inference: ``"none"`` (default), ``"rdfs"``, ``"owlrl"``, ``"both"``.

    Returns:
        ``(conforms, report_text)``: pyshacl's verdict and its text report.

    Example:
        >>> from rdflib import Graph, Literal
        >>> from kg.namespace import MKG, RDF, RES
        >>> g = Graph()
        >>> _ = g.add((RES["quote/1"], RDF.type, MKG.Quote))  # no mkg:quoteText
        >>> validate(g)[0]
        False
    """
    graph = _as_graph(data)
    shapes_graph = shapes if isinstance(shapes, Graph) else Graph().parse(str(shapes or shapes_path()), format="turtle")
    ont_graph = ontology if isinstance(ontology, Graph) else Graph().parse(str(ontology or ontology_path()), format="turtle")
    with _prepared_sparql():
        conforms, _, text = shacl_validate(
            graph,
            shacl_graph=shapes_graph,
            ont_graph=ont_graph,
            inference=inference,
            allow_warnings=True,
        )
    return bool(conforms), str(text)


def validate_file(
    path: str | os.PathLike[str],
    *,
    shapes: str | os.PathLike[str] | None = None,
    ontology: str | os.PathLike[str] | None = None,
    inference: str = "none",
) -> tuple[bool, str]:
    """``kg validate``: validate an RDF file (``.ttl``, ``.trig``, ``.nq``...) or a store directory.

    Raises:
        StoreError: ``E025`` if ``path`` does not exist, ``E022`` if a store folder is not a store.

    Example:
        >>> import tempfile
        >>> from kg.store import Store
        >>> folder = tempfile.mkdtemp() + "/store"
        >>> Store(folder).open().close()
        >>> validate_file(folder)[0]
        True
    """
    return validate(Path(path), shapes=shapes, ontology=ontology, inference=inference)
