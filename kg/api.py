"""A notebook API over a store: :class:`KnowledgeGraph`.

It composes the other modules (pipeline, store, query, graph, analytics, viz) behind
a handful of methods; each method is a thin call into one of them, so everything it
does can also be done with the functions directly.

Example:
    >>> kg = KnowledgeGraph.from_texts([])  # an empty in-memory graph
    >>> kg.stats()["articles"]
    0
    >>> kg.query("SELECT ?s WHERE { ?s ?p ?o }").shape
    (0, 1)
    >>> kg.close()
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kg.store import Store

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from rdflib.term import Node

    from kg.viz import SizeBy

__all__ = ["EntityInfo", "InlineHTML", "KnowledgeGraph"]


@dataclass(frozen=True)
class EntityInfo:
    """What the graph knows about one entity.

    Attributes:
        id: The entity IRI.
        key: Its path under ``mkr:`` (``person/ted-sarandos``).
        label: The canonical label.
        type: The most specific ``mkg:`` class; ``types`` all of them.
        aliases: The other surface forms seen.
        wikidata: The Wikidata QID when linked.
        relations: One dict per relation: ``direction`` (``"out"`` when the entity is the
            subject), ``predicate``, ``other`` (label), ``other_id``, ``other_type``,
            ``support`` and ``evidence`` (sentence, title, date, url, confidence...).
    """

    id: str
    key: str
    label: str
    type: str
    types: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    relations: list[dict[str, Any]] = field(default_factory=list)

    def relations_frame(self) -> pd.DataFrame:
        """The relations as a DataFrame, one row per evidence sentence."""
        import pandas as pd

        rows = []
        for r in self.relations:
            for ev in r["evidence"] or [{}]:
                rows.append({
                    "direction": r["direction"], "predicate": r["predicate"], "other": r["other"],
                    "support": r["support"], "sentence": ev.get("sentence"), "title": ev.get("title"),
                    "date": ev.get("date"), "confidence": ev.get("confidence"),
                })
        return pd.DataFrame(rows, columns=["direction", "predicate", "other", "support", "sentence", "title",
                                           "date", "confidence"])


class InlineHTML:
    """An HTML page shown inline by Jupyter (in a sandboxed ``<iframe srcdoc>``).

    Attributes:
        page: The self-contained page.
        height: CSS height of the frame.
    """

    def __init__(self, page: str, *, height: str = "650px") -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        from kg.viz import to_iframe

        return to_iframe(self.page, height=self.height)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page (UTF-8) to ``path``; returns the path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.page, encoding="utf-8")
        return target

    def __repr__(self) -> str:
        return f"<InlineHTML {len(self.page):,} characters>"


class KnowledgeGraph:
    """A knowledge graph in a store, for notebooks.

    Create one with :meth:`open` (an existing store on disk), :meth:`from_texts` or
    :meth:`from_files` (run the pipeline). Close it (or use ``with``) to release the store.

    Args:
        store: An open :class:`~kg.store.Store`.
        errors: Problems met while building it (files skipped...).
    """

    def __init__(self, store: Store, *, errors: Iterable[str] = ()) -> None:
        self._store = store.open()
        self._graph: nx.MultiDiGraph | None = None
        self.errors: list[str] = list(errors)

    # ------------------------------------------------------------------ creation

    @classmethod
    def open(cls, store_path: str | os.PathLike[str], *, read_only: bool = True) -> KnowledgeGraph:
        """Open the store at ``store_path`` (read-only by default: no writer lock).

        Raises:
            kg.errors.StoreError: ``E022`` if there is no store there, ``E020`` if another
                writer holds it (``read_only=False``).
        """
        return cls(Store(store_path, read_only=read_only))

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        lang: str | None = None,
        *,
        store_path: str | os.PathLike[str] | None = None,
    ) -> KnowledgeGraph:
        """Extract a graph from texts (in memory unless ``store_path`` is given).

        Args:
            texts: Article texts; they get ids ``text-1``, ``text-2``...
            lang: ``"fr"`` or ``"en"``; detected per text when ``None``.
            store_path: Write to an Oxigraph store there instead of memory.

        Raises:
            kg.errors.ModelError: If no spaCy model is installed for a text's language.
        """
        from kg.pipeline import BuildReport, add_to_store
        from kg.records import Document

        docs = [Document(id=f"text-{i}", text=t, lang=lang) for i, t in enumerate(texts, 1)]
        store = cls._new_store(store_path)
        report = add_to_store(store, docs, BuildReport())
        return cls(store, errors=report.errors)

    @classmethod
    def from_files(
        cls,
        paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
        *,
        store_path: str | os.PathLike[str] | None = None,
    ) -> KnowledgeGraph:
        """Extract a graph from ``.txt``/``.md``/``.jsonl`` files or folders.

        Files that cannot be read are skipped and listed in :attr:`errors`.

        Args:
            paths: Files or folders (one path or several).
            store_path: Write to an Oxigraph store there instead of memory.
        """
        from kg.pipeline import BuildReport, add_to_store, read_documents

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        report = BuildReport()
        docs = read_documents(list(paths), report)
        store = cls._new_store(store_path)
        add_to_store(store, docs, report)
        return cls(store, errors=report.errors)

    @staticmethod
    def _new_store(store_path: str | os.PathLike[str] | None) -> Store:
        if store_path is None:
            return Store(backend="memory").open()
        return Store(store_path).open()

    # ------------------------------------------------------------------ lifecycle

    @property
    def store(self) -> Store:
        """The underlying store."""
        return self._store

    def close(self) -> None:
        """Close the store (idempotent)."""
        self._store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self._store!r}>"

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str | os.PathLike[str], **bindings: str | Node) -> pd.DataFrame:
        """Run SPARQL (text, a named query such as ``"who-leads"`` or a ``.rq`` file).

        Bindings are handed to the engine as RDF terms (``initBindings``), never pasted
        into the query: strings become literals (or IRIs for parameters a named query
        declares as ``iri``/``predicate``); pass rdflib terms to choose yourself. On an
        Oxigraph store a bound variable must appear in the ``SELECT`` clause.

        Returns:
            One row per solution (IRIs as strings, literals as Python values).

        Raises:
            kg.errors.QueryError: If the query or a binding is invalid.
        """
        from kg.query import run, to_dataframe

        return to_dataframe(run(self._store, sparql, bindings=bindings))

    def to_networkx(self, *, refresh: bool = False) -> nx.MultiDiGraph:
        """The graph as a networkx ``MultiDiGraph`` (see :func:`kg.graph.to_networkx`).

        The conversion is cached; ``refresh=True`` reads the store again.
        """
        if self._graph is None or refresh:
            from kg.graph import to_networkx

            self._graph = to_networkx(self._store)
        return self._graph

    def entity(self, name: str) -> EntityInfo:
        """An entity by IRI, key, label or alias, with its relations and their evidence.

        Raises:
            kg.errors.ResolveError: ``E051`` if nothing matches, ``E052`` if several do.
        """
        from kg.graph import find_node

        G = self.to_networkx()
        n = find_node(G, name)
        data = G.nodes[n]
        relations = []
        for direction, edges in (("out", G.out_edges(n, keys=True, data=True)),
                                 ("in", G.in_edges(n, keys=True, data=True))):
            for u, v, k, d in edges:
                other = v if direction == "out" else u
                relations.append({
                    "direction": direction,
                    "predicate": d.get("predicate", k),
                    "other": G.nodes[other].get("label", other),
                    "other_id": other,
                    "other_type": G.nodes[other].get("type"),
                    "support": d.get("support", 1),
                    "evidence": list(d.get("evidence", [])),
                })
        relations.sort(key=lambda r: (-r["support"], r["direction"], r["predicate"], str(r["other"])))
        return EntityInfo(
            id=n, key=data.get("key", n), label=data.get("label", n), type=data.get("type", ""),
            types=list(data.get("types", [])), aliases=list(data.get("aliases", [])),
            wikidata=data.get("wikidata"), relations=relations,
        )

    def show(
        self,
        entity: str | None = None,
        *,
        depth: int = 1,
        types: Iterable[str] | None = None,
        predicates: Iterable[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        min_support: int = 1,
        drop_isolates: bool = False,
        size_by: SizeBy | None = "degree",
        height: str = "650px",
    ) -> InlineHTML:
        """The interactive graph, shown inline in Jupyter (self-contained, offline).

        Filters are those of :func:`kg.graph.filter_graph`. The returned object displays
        itself in a notebook; ``.save(path)`` writes the page.

        Raises:
            kg.errors.ResolveError: If ``entity`` names no entity, or several.
        """
        from kg.graph import filter_graph, find_node
        from kg.viz import build_network, to_html

        G = self.to_networkx()
        H = filter_graph(G, entity=entity, depth=depth, types=types, predicates=predicates, since=since,
                         until=until, min_support=min_support, drop_isolates=drop_isolates)
        title = "media-kg"
        if entity is not None:
            center = find_node(G, entity)
            title = f"{G.nodes[center].get('label', center)} (depth {depth})"
        return InlineHTML(to_html(build_network(H, size_by=size_by, title=title)), height=height)

    def stats(self) -> dict[str, Any]:
        """Sizes: the store's counts (quads, articles, entities, facts...) and the graph's.

        Returns:
            The fields of :class:`kg.store.StoreStats`, plus ``nodes`` and ``edges`` of
            :meth:`to_networkx`.
        """
        G = self.to_networkx()
        return {**asdict(self._store.stats()), "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
