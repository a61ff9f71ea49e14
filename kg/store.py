"""The RDF store: one named graph per article, persisted with Oxigraph.

:class:`Store` opens an rdflib :class:`~rdflib.Dataset` on one of two backends:

* ``"oxigraph"`` (default): a persistent `Oxigraph <https://github.com/oxigraph/oxigraph>`_
  (RocksDB) store in a directory, through ``oxrdflib``; SPARQL strings are evaluated
  natively by Oxigraph, not by rdflib's engine.
* ``"memory"``: rdflib's ``Memory`` store (tests, benchmark baseline); nothing on disk.

Writing rules:

* **One writer at a time.** A writer holds an exclusive, non-blocking ``flock`` on
  ``<store>/.kg-writer.lock``; a second writer gets :class:`~kg.errors.StoreError`
  ``E020``. Readers (``read_only=True``: ``kg query``, ``kg serve``, the notebook API)
  share that lock (``LOCK_SH``) while open, so a reader never reads during a write
  (Oxigraph leaves that undefined): a reader opened while a writer holds the store
  gets ``E080`` at once, and a writer started while a reader is open gets ``E020``.
* **One article, one transaction.** An article's named graph and its metadata are
  written with a single ``pyoxigraph.Store.extend`` call, which Oxigraph applies as one
  transaction (all or nothing, also under ``kill -9``). Its ``mkg:contentHash``
  quad is the commit marker: an article whose marker is missing is incomplete, and is
  cleaned up when a writer next opens the store. A build killed midway therefore leaves
  a store that opens, and the next run adds the articles that are missing.
* **Idempotent.** Re-adding an article with the same id and the same text adds
  nothing; the same id with another text replaces the old article (graph + metadata);
  the same text under another id only records the extra id.
* **Repair only after an unclean end.** A writer that closes normally (no exception,
  nobody wrote through the raw :attr:`Store.dataset` / :attr:`Store.oxigraph`) leaves a
  clean-shutdown marker, ``<store>/.kg-clean``; the next writer removes it on open and
  skips the repair scan (whose cost grows with the store). Without the marker (a kill,
  an exception, raw writes) the next writer repairs as before.

Example:
    >>> from kg.records import Document, Extraction
    >>> with Store(backend="memory") as store:
    ...     report = store.add([Extraction(Document(id="d1", text="Hello.", lang="en"), [], [])])
    ...     again = store.add([Extraction(Document(id="d1", text="Hello.", lang="en"), [], [])])
    ...     (report.added, again.unchanged, store.stats().articles)
    (1, 1, 1)
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from typing import Literal as TypingLiteral
from typing import TypeVar

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from kg.errors import Errors, QueryError, StoreError
from kg.namespace import DCTERMS, MKG, RES, XSD, bind_prefixes
from kg.rdf import ARTICLES_GRAPH, Quad, article_graph_iri, article_iri, extraction_to_ox_quads, extraction_to_quads
from kg.records import Extraction

__all__ = [
    "BACKENDS",
    "CLEAN_NAME",
    "DEFAULT_STORE",
    "LOCK_NAME",
    "AddReport",
    "MergedGraph",
    "Store",
    "StoreStats",
]

#: Where ``kg build`` writes and ``kg query`` reads by default.
DEFAULT_STORE = Path("output/store")
#: The storage backends :class:`Store` can open.
BACKENDS = ("oxigraph", "memory")
#: The writer lock file, inside the store directory.
LOCK_NAME = ".kg-writer.lock"
#: The clean-shutdown marker, inside the store directory (see the module docstring).
CLEAN_NAME = ".kg-clean"
#: :meth:`Store.add` flushes RocksDB's memtables to disk after this many quads (about 70
#: generated articles, two batches), which bounds the writer's memory. Measured on 960
#: articles written without spaCy: a flush per batch 5.0 s and 173 MB peak, every 10k quads
#: 4.3 s and 184 MB, every 50k quads 4.2 s and 223 MB.
FLUSH_QUADS = 10_000

Backend = TypingLiteral["oxigraph", "memory"]
_ARTICLE_PREFIX = str(RES["article/"])
_MARKER = pyoxigraph.NamedNode(str(MKG.contentHash))


def _fsync_dir(path: Path) -> None:
    """Make a file removal in ``path`` durable (best effort: not every file system allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class AddReport:
    """What :meth:`Store.add` did.

    Attributes:
        added: New articles written.
        replaced: Articles whose id was known with another text, rewritten.
        unchanged: Articles already in the store with the same id and text: skipped.
        duplicates: Texts already stored under another id: only the id was recorded.
        quads: Quads written.
    """

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    quads: int = 0


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Size of a store (see ``kg/queries/stats.rq``).

    Attributes:
        quads: Quads in all graphs.
        triples: Distinct triples of the merged view (union of the graphs).
        articles: Articles completely written.
        entities: Distinct entities (resources of an mkg class other than article,
            statement and quote).
        facts: Distinct extracted triples ``(s, p, o)``.
        statements: Evidence nodes (one per triple per article).
        quotes: Distinct quotes.
        graphs: Named graphs holding data (one per article, plus the article metadata graph).
    """

    quads: int
    triples: int
    articles: int
    entities: int
    facts: int
    statements: int
    quotes: int
    graphs: int


_G = TypeVar("_G", bound=Graph)


def _shared_lock(path: Path) -> int | None:
    """Take a shared, non-blocking ``flock`` on ``<store>/.kg-writer.lock`` for a reader.

    Returns:
        The locked file descriptor, or ``None`` when the lock file can be neither opened
        nor created (a store on read-only media: no writer can lock it either).

    Raises:
        StoreError: ``E080`` if a writer holds the store.
    """
    lock = path / LOCK_NAME
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:
            fd = os.open(lock, os.O_RDONLY)
        except OSError:
            return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
        os.close(fd)
        raise StoreError(Errors.E080.format(path=path, pid=pid)) from None
    return fd


def _plain(term: Node) -> Node:
    """``"x"^^xsd:string`` as ``"x"``: the same RDF 1.1 literal, but not equal in rdflib."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


class _OxigraphStore(OxigraphStore):
    """oxrdflib's store, converting Oxigraph results straight to plain rdflib terms.

    oxrdflib types every simple literal read back from Oxigraph as ``xsd:string``, and
    rdflib then finds ``Literal("Netflix")`` unequal to what was written; this store
    returns plain literals, so that both backends give equal terms. Query results are
    converted once, in a list (about twice as fast as oxrdflib's conversion).
    """

    def triples(self, triple_pattern, context=None):  # type: ignore[no-untyped-def, override]
        for (s, p, o), contexts in super().triples(triple_pattern, context):
            yield (s, p, _plain(o)), contexts

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # type: ignore[no-untyped-def, override]  # noqa: N803
        if queryGraph != "__UNION__" or not isinstance(query, str) or kwargs:
            result = super().query(query, initNs, initBindings, queryGraph, **kwargs)
            if result.type == "SELECT":
                result.bindings = [{k: _plain(v) for k, v in row.items()} for row in result.bindings]
            return result
        answer = self._inner.query(
            query,
            use_default_graph_as_union=True,
            prefixes={k: str(v) for k, v in {**self._namespace_for_prefix, **initNs}.items()},
            substitutions={pyoxigraph.Variable(k): _ox(v) for k, v in initBindings.items()},
        )
        if isinstance(answer, pyoxigraph.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(answer)
        elif isinstance(answer, pyoxigraph.QuerySolutions):
            out = Result("SELECT")
            variables = [Variable(v.value) for v in answer.variables]
            out.vars = variables
            rdf = _converter()
            out.bindings = [
                {var: rdf(value) for var, value in zip(variables, solution) if value is not None}
                for solution in answer
            ]
        else:
            out = Result("CONSTRUCT")
            graph = Graph()
            rdf = _converter()
            graph += ((rdf(t.subject), rdf(t.predicate), rdf(t.object)) for t in answer)
            out.graph = graph
        return out


_XSD_STRING = str(XSD.string)


def _rdf(term: object) -> Node:
    """A pyoxigraph term as an rdflib term (plain literal for ``xsd:string``)."""
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unsupported Oxigraph term: {term!r}")


def _memoised(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``convert`` with a cache for one batch of terms: the same terms repeat on many rows or quads."""
    cache: dict[object, object] = {}

    def cached(term: object) -> object:
        found = cache.get(term)
        if found is None:
            found = cache[term] = convert(term)
        return found

    return cached


def _converter() -> Callable[[object], Node]:
    """:func:`_rdf` with a cache, for one query result.

    Results repeat the same terms (entities, predicates, labels, articles) on many rows;
    building an rdflib ``Literal`` is the expensive part, so each distinct term is
    converted once (evidence of 27k statements, bench/store_bench.py: about 2 s -> 0.4 s).
    """
    return _memoised(_rdf)


def _ox(term: Node) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(term)
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(term, language=term.language)
        if term.datatype:
            return pyoxigraph.Literal(term, datatype=pyoxigraph.NamedNode(term.datatype))
        return pyoxigraph.Literal(term)
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(term)
    raise TypeError(f"not an RDF term: {term!r}")


def _with_prefixes(graph: _G) -> _G:
    """Bind rdflib's core prefixes and ours only (not the ~30 rdflib binds by default),
    so that serializations declare only what the data uses."""
    graph.namespace_manager = NamespaceManager(graph, bind_namespaces="core")
    return bind_prefixes(graph)


class MergedGraph(Dataset):
    """The merged view of a store: the union of its named graphs, read as one graph.

    SPARQL against it sees the union as its default graph, and iterating it yields the
    distinct triples of the union, so it can be handed to
    :func:`rdflib.extras.external_graph_libs.rdflib_to_networkx_multidigraph`.
    It shares the store: it is a view, not a copy. ``triples(pattern)`` may repeat a
    triple held by several graphs on the Oxigraph backend; iterate the graph for
    distinct triples.

    Example:
        >>> g = MergedGraph(Dataset().store)
        >>> list(g)
        []
    """

    def __init__(self, store: object) -> None:
        super().__init__(store=store, default_union=True)  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:  # type: ignore[override]
        """Yield each distinct triple of the union of the graphs once."""
        seen: set[tuple[Node, Node, Node]] = set()
        for triple in self.triples((None, None, None)):
            if triple not in seen:
                seen.add(triple)
                yield triple  # type: ignore[misc]

    def __len__(self) -> int:
        """Number of distinct triples in the union of the graphs."""
        return self.store.__len__()  # type: ignore[call-arg]


class Store:
    """An RDF store of extracted articles (see the module docstring).

    Args:
        path: The store directory (Oxigraph backend); ignored by ``"memory"``.
        backend: ``"oxigraph"`` (default, persistent) or ``"memory"``.
        read_only: Open for reading only: the store must exist, and the writer lock is
            shared with other readers until :meth:`close` (no writer meanwhile).

    Raises:
        StoreError: ``E020`` if another writer holds the store, ``E021`` if it cannot
            be opened, ``E022`` if a read-only store does not exist, ``E080`` if a reader
            opens while a writer holds the store (from :meth:`open`).

    Example:
        >>> store = Store(backend="memory").open()
        >>> store.stats().quads
        0
        >>> store.close()
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = DEFAULT_STORE,
        *,
        backend: Backend = "oxigraph",
        read_only: bool = False,
    ) -> None:
        if backend not in BACKENDS:
            raise StoreError(Errors.E021.format(path=path, detail=f"unknown backend '{backend}' (use one of {', '.join(BACKENDS)})"))
        if backend == "oxigraph" and path is None:
            raise StoreError(Errors.E021.format(path=path, detail="the oxigraph backend needs a directory"))
        self._path = Path(path) if path is not None else None
        self._backend: Backend = backend
        self._read_only = read_only
        self._dataset: Dataset | None = None
        self._ox: pyoxigraph.Store | None = None
        self._lock_fd: int | None = None
        #: Whether the raw dataset / pyoxigraph store was handed out to a writer's caller
        #: (writes we cannot see: the next writer must repair).
        self._exposed = False
        self._unflushed = 0  # quads written since the last flush
        #: Whether the last :meth:`open` ran the repair scan (``False``: a clean marker skipped it).
        self.repaired = False

    # ------------------------------------------------------------------ lifecycle

    @property
    def path(self) -> Path | None:
        """The store directory (``None`` for the memory backend)."""
        return self._path

    @property
    def backend(self) -> Backend:
        """``"oxigraph"`` or ``"memory"``."""
        return self._backend

    @property
    def read_only(self) -> bool:
        """Whether the store was opened for reading only."""
        return self._read_only

    @property
    def is_open(self) -> bool:
        """Whether :meth:`open` was called and :meth:`close` was not."""
        return self._dataset is not None

    def open(self) -> Store:
        """Open the store (creating an Oxigraph directory for a writer if needed).

        Returns:
            The store itself, for chaining.

        Raises:
            StoreError: ``E020``, ``E021`` or ``E022`` (see the class docstring).
        """
        if self._dataset is not None:
            return self
        if self._backend == "memory":
            self._dataset = _with_prefixes(Dataset(store="Memory", default_union=True))
            return self
        assert self._path is not None
        if self._read_only:
            self._ox = self._open_read_only(self._path)
        else:
            self._acquire_lock(self._path)
            try:
                self._ox = pyoxigraph.Store(str(self._path))
            except OSError as exc:
                self._release_lock()
                raise StoreError(Errors.E021.format(path=self._path, detail=exc)) from exc
        # oxrdflib keeps prefix bindings in memory only: bind them again on every open.
        self._dataset = _with_prefixes(Dataset(store=_OxigraphStore(store=self._ox), default_union=True))
        if not self._read_only:
            self._exposed = False
            marker = self._path / CLEAN_NAME
            if marker.exists():  # the last writer ended cleanly: nothing to repair
                marker.unlink()  # gone before any write: a kill from now on leaves no marker
                _fsync_dir(self._path)
                self.repaired = False
            else:
                self._repair()
                self.repaired = True
        return self

    def _open_read_only(self, path: Path) -> pyoxigraph.Store:
        """Open for reading under a shared ``flock`` on the writer lock file.

        Oxigraph documents a read-only open while another process writes as undefined,
        so readers and the writer exclude each other: readers share the lock (any number
        at once), a writer needs it alone. A reader never waits: while a writer holds the
        store it gets ``E080`` at once. The lock is held until :meth:`close`.
        """
        if not (path / "CURRENT").is_file():
            raise StoreError(Errors.E022.format(path=path))
        self._lock_fd = _shared_lock(path)
        try:
            return pyoxigraph.Store.read_only(str(path))
        except OSError as exc:
            self._release_lock()
            raise StoreError(Errors.E021.format(path=path, detail=exc)) from exc

    def _acquire_lock(self, path: Path) -> None:
        try:
            path.mkdir(parents=True, exist_ok=True)
            lock = path / LOCK_NAME
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(Errors.E021.format(path=path, detail=exc)) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StoreError(Errors.E020.format(path=path, pid=pid, lock=lock)) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._lock_fd = fd

    def _release_lock(self) -> None:
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def close(self, *, clean: bool = True) -> None:
        """Flush and close the store, and release the writer lock. Idempotent.

        Args:
            clean: Whether the session ended normally: a writer then leaves the
                clean-shutdown marker (unless the raw dataset was handed out), so that the
                next writer skips the repair scan. ``with Store(...)`` passes ``False``
                when the block raised.
        """
        if self._dataset is None:
            return
        if self._ox is not None and not self._read_only:
            self._ox.flush()
            if clean and not self._exposed and self._path is not None:
                (self._path / CLEAN_NAME).touch()
        self._dataset.store.close()  # oxrdflib drops its reference to the pyoxigraph store
        self._dataset = None
        self._ox = None  # the last reference: RocksDB closes now, so the directory can be reopened
        self._release_lock()

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(clean=exc_type is None)

    def __repr__(self) -> str:
        mode = "read-only" if self._read_only else "read-write"
        state = "open" if self.is_open else "closed"
        return f"<Store {self._backend} {self._path or ''} {mode} {state}>"

    # ------------------------------------------------------------------ views

    @property
    def dataset(self) -> Dataset:
        """The rdflib dataset (named graphs; SPARQL sees their union as default graph).

        Writes through it are invisible to the store: a writer that hands it out repairs
        on its next open (no clean-shutdown marker is left).

        Raises:
            StoreError: ``E023`` if the store is not open.
        """
        dataset = self._data()
        if not self._read_only:
            self._exposed = True
        return dataset

    def _data(self) -> Dataset:
        """The dataset, for the store's own use (not marked as handed out)."""
        if self._dataset is None:
            raise StoreError(Errors.E023.format(path=self._path, problem="is not open; call open() or use `with Store(...)`"))
        return self._dataset

    @property
    def oxigraph(self) -> pyoxigraph.Store | None:
        """The underlying ``pyoxigraph.Store`` (Oxigraph backend, open), for native I/O.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.oxigraph is None
            True
        """
        self._data()  # raises if closed
        if not self._read_only and self._ox is not None:
            self._exposed = True
        return self._ox

    def merged_graph(self) -> MergedGraph:
        """The merged view: the union of all named graphs, as one graph (a view, no copy).

        Example:
            >>> with Store(backend="memory") as store:
            ...     len(store.merged_graph())
            0
        """
        return _with_prefixes(MergedGraph(self.dataset.store))  # a writable view: marks the dataset handed out

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query on the merged view (``GRAPH ?g`` reaches the article graphs).

        On the Oxigraph backend the query is evaluated by Oxigraph; a variable given in
        ``bindings`` must then be projected by the query (Oxigraph substitutes projected
        variables only). Oxigraph's union default graph is a multiset: a triple held by
        three article graphs matches three times outside ``GRAPH``, where rdflib's
        matches once; use ``DISTINCT``, aggregates, or ``GRAPH ?g`` (see ``kg/queries``).

        Args:
            sparql: The query text.
            bindings: Values of variables, as RDF terms (never pasted into the text).

        Returns:
            An rdflib :class:`~rdflib.query.Result` (rows already evaluated).

        Raises:
            QueryError: ``E030`` if the query is invalid or its evaluation fails.

        Example:
            >>> with Store(backend="memory") as store:
            ...     bool(store.query("ASK { ?s ?p ?o }"))
            False
        """
        try:
            result = self._data().query(sparql, initBindings=dict(bindings or {}))
            if result.type == "SELECT":
                result.bindings  # evaluate now, so that errors surface here  # noqa: B018
        except (SyntaxError, ValueError, RuntimeError, OSError, TypeError) as exc:
            raise QueryError(Errors.E030.format(detail=str(exc).strip() or type(exc).__name__)) from exc
        except Exception as exc:  # pyparsing's ParseException and rdflib's SPARQLError
            if type(exc).__module__.startswith(("pyparsing", "rdflib")):
                raise QueryError(Errors.E030.format(detail=str(exc).strip() or type(exc).__name__)) from exc
            raise
        return result

    def article_hashes(self, doc_id: str) -> set[str]:
        """Content hashes of the complete articles recorded under document id ``doc_id``.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.article_hashes("d1")
            set()
        """
        if self._ox is not None:  # index lookups in pyoxigraph (no rdflib objects: once per document)
            self._data()
            meta_g = pyoxigraph.NamedNode(ARTICLES_GRAPH)
            ids = pyoxigraph.NamedNode(DCTERMS.identifier)
            return {q.object.value
                    for a in self._ox.quads_for_pattern(None, ids, pyoxigraph.Literal(doc_id), meta_g)
                    for q in self._ox.quads_for_pattern(a.subject, _MARKER, None, meta_g)}
        meta = self._data().get_context(ARTICLES_GRAPH)
        out: set[str] = set()
        for article in meta.subjects(DCTERMS.identifier, Literal(doc_id)):
            for h in meta.objects(article, MKG.contentHash):
                out.add(str(h))
        return out

    def has_article(self, content_hash: str) -> bool:
        """Whether the article with this content hash was completely written.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.has_article("0" * 64)
            False
        """
        a = article_iri(content_hash)
        if self._ox is not None:
            self._data()
            marker = pyoxigraph.Quad(pyoxigraph.NamedNode(a), _MARKER, pyoxigraph.Literal(content_hash),
                                     pyoxigraph.NamedNode(ARTICLES_GRAPH))
            return marker in self._ox
        return (a, MKG.contentHash, Literal(content_hash)) in self._data().get_context(ARTICLES_GRAPH)

    def stats(self) -> StoreStats:
        """Count quads, triples, articles, entities, facts, statements, quotes, graphs.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.stats().articles
            0
        """
        from kg.query import get_query  # kg.query depends on kg.store, not the reverse at import time

        row = next(iter(self.query(get_query("stats").text)))
        values = {str(k): int(v) for k, v in row.asdict().items()}
        return StoreStats(quads=self._quad_count(), triples=len(self._data()), graphs=self._graph_count(), **values)

    def _graph_count(self) -> int:
        """Named graphs holding at least one quad (the store's list, not a SPARQL scan)."""
        if self._ox is not None:
            return sum(1 for g in self._ox.named_graphs() if next(self._ox.quads_for_pattern(None, None, None, g), None))
        return sum(1 for g in self._data().graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID)

    def _quad_count(self) -> int:
        if self._ox is not None:
            return len(self._ox)
        return sum(1 for _ in self._data().quads((None, None, None, None)))

    def support(self, subject: str | URIRef, predicate: str | URIRef, obj: str | URIRef) -> int:
        """Number of articles stating the triple (computed by ``kg/queries/support.rq``).

        Args:
            subject: An entity IRI or key (``"person/ted-sarandos"``).
            predicate: An ontology property IRI or local name (``"ceoOf"``).
            obj: An entity IRI or key.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.support("person/ted-sarandos", "ceoOf", "organization/netflix")
            0
        """
        from kg.query import get_query, to_term

        bindings = {"s": to_term(subject, "iri"), "p": to_term(predicate, "predicate"), "o": to_term(obj, "iri")}
        rows = list(self.query(get_query("support").text, bindings=bindings))
        return int(rows[0].support) if rows else 0  # type: ignore[union-attr]

    # ------------------------------------------------------------------ writing

    def _writable(self) -> Dataset:
        if self._read_only:
            raise StoreError(Errors.E023.format(path=self._path, problem="was opened read-only; open it without read_only to write"))
        return self._data()

    def add(
        self,
        extractions: Iterable[Extraction],
        *,
        on_article: Callable[[Extraction, str], None] | None = None,
    ) -> AddReport:
        """Add a batch of articles in one transaction (see the module docstring for the rules).

        The quads of every new article of the batch are written by one
        ``pyoxigraph.Store.extend`` call: after a kill, either the whole batch is in the
        store or none of it is. ``kg build`` calls this once per batch of documents.

        Args:
            extractions: One extraction per article (a batch: they are held in memory).
            on_article: Called for each article with the extraction and what was done:
                ``"added"``, ``"replaced"``, ``"unchanged"`` or ``"duplicate"``.

        Returns:
            Counts of what was done.

        Raises:
            StoreError: ``E023`` if the store is read-only or not open.
            SchemaError: ``E026`` if an extraction uses a type or predicate the ontology lacks.
        """
        dataset = self._writable()
        counts = {"added": 0, "replaced": 0, "unchanged": 0, "duplicate": 0}
        batch: list[Quad | pyoxigraph.Quad] = []
        pending: set[str] = set()  # articles of this batch, not written yet
        done: list[tuple[Extraction, str]] = []
        for extraction in extractions:
            status = self._add_one(dataset, extraction, batch, pending)
            counts[status] += 1
            done.append((extraction, status))
        self._write(dataset, batch)
        self._unflushed += len(batch)
        if self._ox is not None and self._unflushed >= FLUSH_QUADS:
            # memtables to disk every FLUSH_QUADS quads: without it RocksDB keeps up to ~750 MB of them
            # in memory on a growing store (measured: 1,280 articles' worth, 232 MB -> 56 MB RSS); a
            # flush per batch cost ~1 ms per article. Not needed for durability (RocksDB's write-ahead log).
            self._ox.flush()
            self._unflushed = 0
        if on_article is not None:
            for extraction, status in done:
                on_article(extraction, status)
        quads = len(batch)
        return AddReport(
            added=counts["added"],
            replaced=counts["replaced"],
            unchanged=counts["unchanged"],
            duplicates=counts["duplicate"],
            quads=quads,
        )

    def _add_one(self, dataset: Dataset, extraction: Extraction, batch: list[Quad | pyoxigraph.Quad],
                 pending: set[str]) -> str:
        """Queue an article's quads on ``batch`` (written by :meth:`add`); returns its status."""
        doc = extraction.document
        h = doc.content_hash
        known = self.article_hashes(doc.id)
        if h in known:
            return "unchanged"
        # before any removal: a bad record changes nothing; pyoxigraph terms built directly for Oxigraph
        quads = extraction_to_ox_quads(extraction) if self._ox is not None else extraction_to_quads(extraction)
        for old in known:
            self._forget_id(dataset, old, doc.id)
        status = "replaced" if known else "added"
        if h in pending or self.has_article(h):  # same text already stored (or queued) under another id
            batch.append((article_iri(h), DCTERMS.identifier, Literal(doc.id), ARTICLES_GRAPH))
            return "duplicate"
        pending.add(h)
        batch.extend(quads)
        return status

    def rename_iris(self, mapping: Mapping[URIRef | str, URIRef | str]) -> int:
        """Replace entity IRIs ``old -> new`` as subject or object in every graph.

        The ``rdfs:label`` and ``skos:prefLabel`` of a replaced entity become
        ``skos:altLabel`` of the entity it now is (which keeps its own labels). The
        quads naming an old IRI are found by index lookups (no scan of the store); the
        moved quads are written in one transaction, then the old ones are removed. The
        operation is idempotent: run again after an interruption, it completes the move
        (``kg build`` records pending renames with the registry and replays them).

        Args:
            mapping: Old IRI (or ``type/slug`` key) to new IRI (or key).

        Returns:
            The number of quads moved.

        Raises:
            StoreError: ``E023`` if the store is read-only or not open.

        Example:
            >>> from kg.namespace import RDFS, RES, SKOS
            >>> with Store(backend="memory") as store:
            ...     _ = store.dataset.add((RES["organization/wbd"], RDFS.label, Literal("WBD"), RES["graph/a"]))
            ...     store.rename_iris({"organization/wbd": "organization/warner-bros-discovery"})
            ...     [str(o) for o in store.dataset.objects(RES["organization/warner-bros-discovery"], SKOS.altLabel)]
            1
            ['WBD']
        """
        from kg.namespace import RDFS, SKOS

        dataset = self._writable()

        def iri(term: URIRef | str) -> URIRef:
            text = str(term)
            return URIRef(text if ":" in text else RES[text])

        iris = {iri(k): iri(v) for k, v in mapping.items() if iri(k) != iri(v)}
        changed: dict[tuple, None] = {}  # ordered, without repeats (a quad may hold an IRI twice)
        for old in iris:  # index lookups, not a scan of the store
            changed.update(dict.fromkeys(dataset.quads((old, None, None, None))))
            changed.update(dict.fromkeys(dataset.quads((None, None, old, None))))
        moved: list[Quad] = []
        for s, p, o, g in changed:
            if s in iris and p in (RDFS.label, SKOS.prefLabel):
                p, o = SKOS.altLabel, Literal(str(o))
            moved.append((iris.get(s, s), p, iris.get(o, o) if isinstance(o, URIRef) else o,  # type: ignore[arg-type]
                          getattr(g, "identifier", g)))
        self._write(dataset, moved)  # the new quads first, in one transaction...
        for s, p, o, g in changed:  # ...then the old ones go (a re-run finishes an interrupted removal)
            dataset.remove((s, p, o, getattr(g, "identifier", g)))
        return len(changed)

    def article_count(self) -> int:
        """Number of complete articles (commit markers), counted through the index.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.article_count()
            0
        """
        if self._ox is not None:
            marker = pyoxigraph.NamedNode(str(MKG.contentHash))
            graph = pyoxigraph.NamedNode(str(ARTICLES_GRAPH))
            return sum(1 for _ in self._ox.quads_for_pattern(None, marker, None, graph))
        return sum(1 for _ in self._data().get_context(ARTICLES_GRAPH).triples((None, MKG.contentHash, None)))

    def _write(self, dataset: Dataset, quads: list[Quad] | list[Quad | pyoxigraph.Quad]) -> None:
        """Write quads (rdflib tuples, or pyoxigraph quads on Oxigraph) in one transaction
        (Oxigraph), or one ``addN`` (memory)."""
        if not quads:
            return
        if self._ox is not None:
            # Straight to pyoxigraph: ``extend`` is one transaction, and skipping rdflib's
            # per-quad Graph objects makes it about twice as fast as ``Dataset.addN``.
            # Terms repeat (the graph in every quad, predicates, subjects): each is converted once.
            ox = _memoised(_ox)
            self._ox.extend([q if isinstance(q, pyoxigraph.Quad) else pyoxigraph.Quad(ox(q[0]), ox(q[1]), ox(q[2]), ox(q[3]))
                             for q in quads])
        else:
            dataset.addN(quads)  # type: ignore[arg-type]

    def optimize(self) -> None:
        """Compact the store after a batch of writes (Oxigraph; nothing to do in memory).

        RocksDB first writes new data to many small files; merging them makes later
        reads faster. ``kg build`` calls this after adding or replacing articles
        (496k quads: 1.5 s to compact, full scans 1.3-1.7x faster afterwards, measured
        by ``bench/store_bench.py``).

        Raises:
            StoreError: ``E023`` if the store is read-only or not open, ``E024`` if compaction fails.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.optimize()
        """
        self._writable()
        if self._ox is not None:
            try:
                self._ox.optimize()
            except OSError as exc:
                raise StoreError(Errors.E024.format(path=self._path, detail=exc)) from exc

    def _forget_id(self, dataset: Dataset, content_hash: str, doc_id: str) -> None:
        """Remove ``doc_id`` from an article; remove the article if no id remains."""
        a = article_iri(content_hash)
        meta = dataset.get_context(ARTICLES_GRAPH)
        meta.remove((a, DCTERMS.identifier, Literal(doc_id)))
        if next(meta.objects(a, DCTERMS.identifier), None) is None:
            self.remove_article(content_hash)

    def remove_article(self, content_hash: str) -> bool:
        """Remove an article: its metadata, then its named graph.

        The commit marker goes first, so an interrupted removal leaves an incomplete
        article, which the next writer cleans up.

        Returns:
            Whether the article was in the store.

        Example:
            >>> with Store(backend="memory") as store:
            ...     store.remove_article("0" * 64)
            False
        """
        dataset = self._writable()
        present = self.has_article(content_hash)
        self._drop_article(dataset, article_iri(content_hash), content_hash)
        return present

    def _drop_article(self, dataset: Dataset, article: URIRef, content_hash: str | None) -> None:
        meta = dataset.get_context(ARTICLES_GRAPH)
        for h in list(meta.objects(article, MKG.contentHash)):
            meta.remove((article, MKG.contentHash, h))  # the commit marker first
        meta.remove((article, None, None))
        if content_hash is None:
            content_hash = str(article)[len(_ARTICLE_PREFIX):]
        graph = article_graph_iri(content_hash)
        dataset.remove_graph(dataset.get_context(graph))

    def _repair(self) -> None:
        """Remove what an interrupted write left: metadata or graphs without a marker.

        Runs at every writer open, so on Oxigraph it reads the index directly (about a
        microsecond per article) rather than through rdflib.
        """
        dataset = self._data()
        if self._ox is not None:
            ox, meta_g = self._ox, pyoxigraph.NamedNode(str(ARTICLES_GRAPH))
            marker = pyoxigraph.NamedNode(str(MKG.contentHash))
            unmarked = ox.query(  # evaluated by Oxigraph (no Python object per metadata quad); constant IRIs only
                f"SELECT DISTINCT ?a WHERE {{ GRAPH {meta_g} {{ ?a ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH {meta_g} {{ ?a {marker} ?h }} }} }}")
            for row in list(unmarked):
                self._drop_article(dataset, URIRef(row[0].value), None)
            complete = {q.object.value for q in ox.quads_for_pattern(None, marker, None, meta_g)}
            for g in list(ox.named_graphs()):
                name = g.value
                if name.startswith(_ARTICLE_PREFIX) and name.endswith("/graph") \
                        and name[len(_ARTICLE_PREFIX) : -len("/graph")] not in complete:
                    ox.remove_graph(g)
            return
        meta = dataset.get_context(ARTICLES_GRAPH)
        complete = {str(h) for h in meta.objects(None, MKG.contentHash)}
        for article in set(meta.subjects()) - set(meta.subjects(MKG.contentHash)):
            self._drop_article(dataset, article, None)  # type: ignore[arg-type]
        for graph in list(dataset.graphs()):
            name = str(graph.identifier)
            if name.startswith(_ARTICLE_PREFIX) and name.endswith("/graph"):
                h = name[len(_ARTICLE_PREFIX) : -len("/graph")]
                if h not in complete:
                    dataset.remove_graph(graph)

