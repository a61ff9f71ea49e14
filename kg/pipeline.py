"""The thin pipeline that composes the stages:
``ingest -> nlp -> extract -> resolve -> store -> export / viz``.

Example:
    >>> from kg.records import Document
    >>> docs = [Document(id="d1", text="Le patron de Netflix, Ted Sarandos, a parlé.", lang="fr")]
    >>> [t.predicate for x in extract_documents(docs) for t in x.triples]  # doctest: +SKIP
    ['ceoOf']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import Errors, ExtractionError, InputError, KGError, ModelError
from kg.gazetteer import load_gazetteer
from kg.ingest import iter_documents
from kg.nlp import detect_lang, load_pipeline, pipe_records
from kg.records import Document, Extraction
from kg.resolve import resolve_document

BATCH = 16


@dataclass
class Report:
    """What a run did: failures (one line each)."""

    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def with_lang(doc: Document) -> Document:
    """The document with its language set (detected when the input did not say)."""
    return doc if doc.lang else replace(doc, lang=detect_lang(doc.text))


def extract_documents(docs: Iterable[Document], *, on_error: Callable[[KGError], None] | None = None,
                      on_done: Callable[[Document], None] | None = None,
                      batch_size: int = BATCH) -> Iterator[Extraction]:
    """Run nlp, extract and resolve on each document, in input order, ``batch_size``
    documents per ``nlp.pipe`` call.

    A document whose language has no installed model (E010), or on which a rule raised
    (E014, a bug), is reported through ``on_error`` (or raises if none is given) and
    skipped; the others go on.
    """
    gazetteer = load_gazetteer()
    batch: list[Document] = []
    reported: set[str] = set()

    def flush() -> Iterator[Extraction]:
        by_lang: dict[str, list[Document]] = {}
        for d in batch:
            by_lang.setdefault(d.lang or "fr", []).append(d)
        done: dict[str, Extraction] = {}
        for lang, group in by_lang.items():
            try:
                nlp = load_pipeline(lang)
            except ModelError as err:
                for d in group:
                    if on_error is None:
                        raise
                    # the full message once per language, then short lines
                    text = str(err) if lang not in reported else f"[E010] no spaCy model for '{lang}' (see above); skipped."
                    reported.add(lang)
                    on_error(ModelError(f"{_where(d)}: {text}"))
                    if on_done:
                        on_done(d)
                continue
            # long texts are parsed in pieces, offsets shifted back to the whole text (kg.nlp.pipe_records)
            for d, (mentions, relations, error) in zip(group, pipe_records(nlp, (d.text for d in group),
                                                                           batch_size=max(len(group), 1))):
                if error is not None:  # a rule raised on this document: report it, keep the others
                    failure = ExtractionError(Errors.E014.format(where=_where(d), detail=error))
                    if on_error is None:
                        raise failure
                    on_error(failure)
                    if on_done:
                        on_done(d)
                    continue
                done[d.id] = resolve_document(d, mentions, relations, gazetteer)
        for d in batch:
            if d.id in done:
                if on_done:
                    on_done(d)
                yield done[d.id]
        batch.clear()

    for doc in docs:
        batch.append(with_lang(doc))
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def _where(doc: Document) -> str:
    return f"{doc.source}:{doc.line}" if doc.line else (doc.source or doc.id)


def read_documents(paths: Iterable[str | Path], report: Report) -> list[Document]:
    """Ingest ``paths`` into a list (small inputs; ``kg build`` streams instead); bad files
    and records are added to ``report.errors`` and skipped."""
    return list(iter_documents(paths, on_error=lambda e: report.errors.append(str(e))))


def extract_paths(paths: Iterable[str | Path], *, progress: Callable[[int | None], Callable[[Document], None]] | None = None,
                  ingest_options: Mapping[str, Any] | None = None) -> tuple[Report, Iterator[Extraction]]:
    """Ingest then extract, streaming: returns the report (errors are added as the
    iterator goes) and a lazy iterator of extractions."""
    report = Report()
    paths = list(paths)
    docs = iter_documents(paths, on_error=lambda e: report.errors.append(str(e)), **dict(ingest_options or {}))
    on_done = progress(estimate_documents(paths)) if progress else None
    return report, extract_documents(docs, on_error=lambda e: report.errors.append(str(e)), on_done=on_done)


__all__ = ["BUILD_BATCH", "EXPORT_LIMIT", "REGISTRY_CHECKPOINT", "BuildReport", "Report", "add_to_store", "build", "estimate_documents",
           "export_files", "extract_documents", "extract_paths", "read_documents", "summary_counts", "with_lang",
           "InputError"]


@dataclass
class BuildReport(Report):
    """What ``kg build`` did, for the one-screen summary."""

    documents: int = 0
    skipped_unchanged: int = 0
    added: int = 0
    replaced: int = 0
    batches: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    triples_by_predicate: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: ``"store"``: the counts cover the whole store; ``"build"``: what this build wrote
    #: (a large store, whose whole-store counts would cost a scan of every quad).
    summary_scope: str = "store"
    written_entities: set[tuple[str, str]] = field(default_factory=set, repr=False)  # (type, key)
    written_triples: set[tuple[str, str, str]] = field(default_factory=set, repr=False)
    renames: dict[str, str] = field(default_factory=dict, repr=False)  # every rename of this build

    def written_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Distinct entities by type and facts by predicate that this build wrote, with
        the ids as they are at its end (after renames)."""
        def now(key: str) -> str:
            seen = set()
            while key in self.renames and key not in seen:
                seen.add(key)
                key = self.renames[key]
            return key

        types = Counter(t for t, _ in {(t, now(k)) for t, k in self.written_entities})
        preds = Counter(p for _, p, _ in {(now(s), p, now(o)) for s, p, o in self.written_triples})
        return dict(types.most_common()), dict(preds.most_common())


#: Documents per batch of ``kg build``: one ``nlp.pipe`` call, one store transaction and
#: one registry save each.
BUILD_BATCH = 32
#: ``kg build`` writes graph.ttl, graph.trig and graph.html when the store holds at most
#: this many articles (or with ``export=True``); beyond, ``kg export`` and ``kg viz`` do it.
EXPORT_LIMIT = 200
#: A build saves the registry (journal folded into the TSV files and their index) and starts
#: again from the saved state once this many entries changed since the last save, so that
#: memory does not grow with the corpus (about 700 generated articles; a save merges the files,
#: about 0.3 s at 70,000 entries). Measured without spaCy on 3,200 articles (23k entries): peak
#: RSS 312 MB with no checkpoint, 297 MB every 20,000 entries, 268 MB every 5,000.
REGISTRY_CHECKPOINT = 5_000


def estimate_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold, counted cheaply (no parsing), or ``None`` when
    that cannot be known without reading them (feeds, ``.json`` lists, stdin).

    A ``.jsonl`` file counts its non-blank lines; a text, Markdown or HTML file counts one.
    The count drives the progress bar's ETA; a bad record makes it an upper bound.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "a.jsonl").write_text('{"text": "a"}\\n\\n{"text": "b"}\\n', encoding="utf-8")
        >>> _ = (d / "b.txt").write_text("Netflix.", encoding="utf-8")
        >>> estimate_documents([d]), estimate_documents(["-"])
        (3, None)
    """
    try:
        from kg.ingest import KINDS  # type: ignore[attr-defined]
    except ImportError:  # an ingest without the table of kinds
        KINDS = {".txt": "text", ".md": "markdown", ".jsonl": "jsonl"}  # noqa: N806
    total = 0
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-" or not path.exists():
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            kind = KINDS.get(f.suffix.lower())
            if kind in ("text", "markdown", "html"):
                total += 1
            elif kind == "jsonl":
                with f.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif kind is not None:
                return None
    return total


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(inputs: Iterable[str | Path], out_dir: str | Path = "output", *,
          store_dir: str | Path | None = None,
          progress: Callable[[int | None], Callable[[Document], None]] | None = None,
          html: bool = True, force: bool = False, export: bool | None = None,
          batch_size: int = BUILD_BATCH, ingest_options: Mapping[str, Any] | None = None,
          processes: int = 1, dask: str | None = None) -> BuildReport:
    """``kg build``: ingest, extract, resolve and store, streaming, one batch at a time.

    Documents flow from :func:`kg.ingest.iter_documents` in batches of ``batch_size``
    through ``nlp.pipe``, extraction, resolution and the registry into the store, one
    transaction per batch, the registry being saved with each batch (see
    :func:`add_to_store`): memory holds one batch, and a killed build keeps every batch
    it committed; the next run does only what is missing.

    Unchanged articles already in the store are not re-read by spaCy, unless ``force``
    (then they are removed and extracted again: use it after changing the lexicon,
    the gazetteer or the registry).

    Summary: entities by type and facts by predicate of the whole store (two aggregate
    queries) while it holds at most :data:`EXPORT_LIMIT` articles, else of what this build
    wrote (``report.summary_scope == "build"``).

    Exports: ``graph.ttl`` (facts), ``graph.trig`` (named graphs with evidence) and,
    unless ``html=False``, ``graph.html`` are written into ``out_dir`` when the store
    holds at most :data:`EXPORT_LIMIT` articles, or always with ``export=True``, never
    with ``export=False``. A larger store is exported by ``kg export`` / ``kg viz``:
    a build's cost then depends on what it adds, not on the size of the store.

    Parsing (spaCy, extraction, within-article resolution) runs in ``processes`` local
    worker processes, or on Dask (``dask="local:N"`` or a scheduler address), see
    :mod:`kg.parallel`; resolution across articles and the store stay in this process,
    so the result is the same quads as a one-process build.

    Raises:
        StoreError: when another writer holds the store.
        ClusterError: when the Dask cluster cannot be started or reached.
    """
    from contextlib import nullcontext

    from kg.parallel import parallel_parser
    from kg.store import Store

    out = Path(out_dir)
    report = BuildReport()
    paths = list(inputs)
    total = estimate_documents(paths)
    docs = iter_documents(paths, on_error=lambda e: report.errors.append(str(e)), **dict(ingest_options or {}))
    workers = parallel_parser(processes=processes, dask=dask) if processes > 1 or dask else nullcontext(None)
    with Store(Path(store_dir) if store_dir else out / "store") as store, workers as parse:
        add_to_store(store, docs, report, progress=progress, force=force, batch_size=batch_size, total=total,
                     parse=parse)
        articles = store.article_count()
        if force or (report.added or report.replaced) * 10 >= articles:
            # a full compaction rewrites the whole store: worth it when this build wrote a tenth of it
            # or more (later scans are faster); small additions are left to RocksDB's own compaction
            store.optimize()
        if articles <= EXPORT_LIMIT:
            report.entities_by_type, report.triples_by_predicate = summary_counts(store)
        else:  # two aggregate queries over every quad: what this build wrote instead
            report.summary_scope = "build"
            report.entities_by_type, report.triples_by_predicate = report.written_counts()
        if export or (export is None and articles <= EXPORT_LIMIT):
            report.files.update(export_files(store, out, html=html))
        elif export is None:
            report.notes.append(f"{articles} articles in the store (more than {EXPORT_LIMIT}): graph files not "
                                "rewritten; run `kg export` / `kg viz`, or build with --export")
        report.files["store"] = store.path  # type: ignore[assignment]
    return report


def export_files(store: Any, out_dir: str | Path, *, html: bool = True) -> dict[str, Path]:
    """Write ``graph.ttl``, ``graph.trig`` and (``html``) ``graph.html`` of ``store`` into ``out_dir``."""
    from kg.export import export

    out = Path(out_dir)
    files = {"turtle": export(store, out / "graph.ttl", "turtle"), "trig": export(store, out / "graph.trig", "trig")}
    if html:
        from kg.viz import render

        # entities with no relation say nothing in a graph view: leave them to search and SPARQL
        files["html"] = render(store, out / "graph.html", title="media-kg", drop_isolates=True)
    return files


def add_to_store(store: Any, docs: Iterable[Document], report: BuildReport, *,
                 progress: Callable[[int | None], Callable[[Document], None]] | None = None,
                 force: bool = False, batch_size: int = BUILD_BATCH, total: int | None = None,
                 parse: Callable[[Iterable[list[Document]]], Iterator[tuple[list[Document], list[Extraction], list[str]]]]
                 | None = None) -> BuildReport:
    """Extract ``docs`` (any iterable: they are read as they come) and add them to an open
    writable ``store``, resolving entities across articles with the store's alias registry
    (``<store>/registry.tsv``).

    Per batch of ``batch_size`` documents: ``nlp.pipe`` and extraction, registration in
    the registry (:func:`kg.registry.canonicalise_all`), then the commit protocol:

    1. the batch's registry changes (entries and article counts it touched, its new
       articles and renames) are appended to the registry journal
       (:func:`kg.registry.stage_registry`): a cost that follows the batch, not the registry;
    2. the batch is written in one store transaction (:meth:`kg.store.Store.add`): the
       commit point;
    3. entities renamed by the batch (a fuller name) move in the store
       (:meth:`kg.store.Store.rename_iris`, idempotent).

    After the last batch the journal is folded into ``registry.tsv``
    (:func:`kg.registry.commit_registry`), and also between batches once
    :data:`REGISTRY_CHECKPOINT` entries changed (the registry, loaded lazily, then starts
    again from the saved files: its memory does not grow with the corpus). A run killed anywhere leaves the store and the
    registry (snapshot plus journal) as after the last complete batch, or with a last
    journal record that the next run finishes or drops (:func:`kg.registry.recover_registry`). Unchanged articles already stored are skipped
    (re-extracted with ``force``). Failures go to ``report.errors``; the other documents
    are still added. ``progress(total)`` (``total`` may be ``None``: unknown) returns a
    callback called for every document once its batch is committed or it was skipped.
    ``parse`` maps batches to ``(batch, extractions, error lines)`` in order (default: in
    this process; :class:`kg.parallel.parallel_parser` gives one on worker processes).
    """
    from kg.registry import (JOURNAL_FILE, Registry, canonicalise_all, commit_registry, load_registry,
                             recover_registry, stage_registry)

    persistent = store.backend != "memory" and store.path is not None
    if persistent:
        recover_registry(store.path, committed=lambda hashes: all(store.has_article(h) for h in hashes),
                         rename=store.rename_iris)
    # lazily: the build reads the entries it looks up, not the whole registry (kg.registry)
    registry = load_registry(store.path, lazy=True) if persistent else Registry()
    on_done = progress(total) if progress else None

    def todo() -> Iterator[Document]:
        for doc in docs:
            doc = with_lang(doc)
            report.documents += 1
            if doc.content_hash in store.article_hashes(doc.id):  # an index lookup, not a scan
                if not force:
                    report.skipped_unchanged += 1
                    if on_done:
                        on_done(doc)
                    continue
                store.remove_article(doc.content_hash)
            yield doc

    for batch, extractions, errors in (parse or _parse_here)(_batches(todo(), batch_size)):
        report.errors.extend(errors)
        registry.renames.clear()  # renames of this batch only (earlier ones are in the store already)
        canonical = canonicalise_all(extractions, registry)
        renames = {old: registry.current(old) for old in registry.renames if registry.current(old) != old}
        if persistent:
            new = [x.document.content_hash for x in canonical if not store.has_article(x.document.content_hash)]
            stage_registry(registry, store.path, articles=new, renames=renames)
        added = store.add(canonical)
        if renames:  # an entity got a fuller name: move the stored nodes to its new IRI
            store.rename_iris(renames)
        report.added += added.added
        report.replaced += added.replaced
        report.batches += 1
        report.renames.update(renames)
        for x in canonical:
            report.written_entities.update((e.type, e.key) for e in x.entities)
            report.written_triples.update((t.subject.key, t.predicate, t.object.key) for t in x.triples)
        if on_done:
            for doc in batch:
                on_done(doc)
        if persistent and registry.lazy and registry.unsaved >= REGISTRY_CHECKPOINT:
            # every batch is committed here: save, and drop what the registry holds in memory
            commit_registry(store.path, registry)
            registry = load_registry(store.path, lazy=True)
    if persistent and (report.batches or (store.path / JOURNAL_FILE).exists()):
        commit_registry(store.path, registry)  # the journal into registry.tsv, once per build
    return report


def _parse_here(batches: Iterable[list[Document]]) -> Iterator[tuple[list[Document], list[Extraction], list[str]]]:
    """Parse each batch in this process: ``(batch, extractions, error lines)``."""
    for batch in batches:
        errors: list[KGError] = []
        extractions = list(extract_documents(batch, on_error=errors.append, batch_size=max(len(batch), 1)))
        yield batch, extractions, [str(e) for e in errors]


def summary_counts(store: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Entities by class and facts by predicate in the merged graph (two named queries,
    run once per build)."""
    from kg.query import get_query

    types = {str(r[0]).rsplit("#", 1)[-1]: int(r[1]) for r in store.query(get_query("entity-types").text)}
    preds = {str(r[0]).rsplit("#", 1)[-1]: int(r[1]) for r in store.query(get_query("predicate-counts").text)}
    return types, preds
