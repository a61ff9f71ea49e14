"""The thin pipeline that composes the stages:
``ingest -> nlp -> extract -> resolve -> store -> export / viz``.

Example:
    >>> from kg.records import Document
    >>> docs = [Document(id="d1", text="Le patron de Netflix, Ted Sarandos, a parlé.", lang="fr")]
    >>> [t.predicate for x in extract_documents(docs) for t in x.triples]  # doctest: +SKIP
    ['ceoOf']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import InputError, KGError, ModelError
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
                      on_done: Callable[[Document], None] | None = None) -> Iterator[Extraction]:
    """Run nlp, extract and resolve on each document, in input order.

    A document whose language has no installed model is reported through ``on_error``
    (or raises if none is given) and skipped; the others go on.
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
            for d, (mentions, relations) in zip(group, pipe_records(nlp, (d.text for d in group),
                                                                    batch_size=max(len(group), 1))):
                done[d.id] = resolve_document(d, mentions, relations, gazetteer)
        for d in batch:
            if d.id in done:
                if on_done:
                    on_done(d)
                yield done[d.id]
        batch.clear()

    for doc in docs:
        batch.append(with_lang(doc))
        if len(batch) >= BATCH:
            yield from flush()
    yield from flush()


def _where(doc: Document) -> str:
    return f"{doc.source}:{doc.line}" if doc.line else (doc.source or doc.id)


def read_documents(paths: Iterable[str | Path], report: Report) -> list[Document]:
    """Ingest ``paths``; bad files and records are added to ``report.errors`` and skipped."""
    return list(iter_documents(paths, on_error=lambda e: report.errors.append(str(e))))


def extract_paths(paths: Iterable[str | Path], *, progress: Callable[[int], Callable[[Document], None]] | None = None,
                  ingest_options: Mapping[str, Any] | None = None) -> tuple[Report, Iterator[Extraction]]:
    """Ingest then extract: returns the report (errors so far) and a lazy iterator of extractions."""
    report = Report()
    docs = list(iter_documents(paths, on_error=lambda e: report.errors.append(str(e)), **dict(ingest_options or {})))
    on_done = progress(len(docs)) if progress else None
    return report, extract_documents(docs, on_error=lambda e: report.errors.append(str(e)), on_done=on_done)


__all__ = ["Report", "extract_documents", "extract_paths", "read_documents", "with_lang", "InputError"]


@dataclass
class BuildReport(Report):
    """What ``kg build`` did, for the one-screen summary."""

    documents: int = 0
    skipped_unchanged: int = 0
    added: int = 0
    replaced: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    triples_by_predicate: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)


def build(inputs: Iterable[str | Path], out_dir: str | Path = "output", *,
          store_dir: str | Path | None = None,
          progress: Callable[[int], Callable[[Document], None]] | None = None,
          html: bool = True, force: bool = False) -> BuildReport:
    """``kg build``: ingest, extract, resolve, add to the persistent store, export.

    Unchanged articles already in the store are not re-read by spaCy, unless ``force``
    (then they are removed and extracted again: use it after changing the lexicon,
    the gazetteer or the registry). Writes
    ``graph.ttl`` (facts), ``graph.trig`` (named graphs with evidence) and, unless
    ``html=False``, ``graph.html`` into ``out_dir``.

    Raises:
        StoreError: when another writer holds the store.
    """
    from kg.export import export
    from kg.store import Store

    out = Path(out_dir)
    report = BuildReport()
    docs = read_documents(inputs, report)
    with Store(Path(store_dir) if store_dir else out / "store") as store:
        add_to_store(store, docs, report, progress=progress, force=force)
        report.entities_by_type, report.triples_by_predicate = summary_counts(store)
        report.files["turtle"] = export(store, out / "graph.ttl", "turtle")
        report.files["trig"] = export(store, out / "graph.trig", "trig")
        if html:
            from kg.viz import render

            # entities with no relation say nothing in a graph view: leave them to search and SPARQL
            report.files["html"] = render(store, out / "graph.html", title="media-kg", drop_isolates=True)
        report.files["store"] = store.path
    return report


def add_to_store(store, docs: list[Document], report: BuildReport, *,
                 progress: Callable[[int], Callable[[Document], None]] | None = None,
                 force: bool = False) -> BuildReport:
    """Extract ``docs`` and add them to an open writable ``store``, resolving entities
    across articles with the store's alias registry (``<store>/registry.tsv``).

    Unchanged articles already stored are skipped (re-extracted with ``force``).
    Failures go to ``report.errors``; the other documents are still added.
    """
    from kg.namespace import RES
    from kg.registry import Registry, canonicalise_all, load_registry, rewrite_iris, save_registry

    docs = [with_lang(d) for d in docs]
    report.documents += len(docs)
    stored = [d for d in docs if d.content_hash in store.article_hashes(d.id)]
    if force:
        for d in stored:
            store.remove_article(d.content_hash)
        stored = []
    todo = [d for d in docs if d not in stored]
    report.skipped_unchanged += len(docs) - len(todo)
    on_done = progress(len(todo)) if progress else None
    extractions = extract_documents(todo, on_error=lambda e: report.errors.append(str(e)), on_done=on_done)
    persistent = store.backend != "memory" and store.path is not None
    registry = load_registry(store.path) if persistent else Registry()
    canonical = canonicalise_all(extractions, registry)
    if registry.renames:  # an entity got a fuller name: move the stored nodes to its new IRI
        rewrite_iris(store.dataset, {RES[old]: RES[registry.current(old)] for old in registry.renames})
    added = store.add(canonical)
    if persistent:
        save_registry(registry, store.path)
    if added.added or added.replaced or force:
        store.optimize()  # compact what this batch wrote: later queries scan faster
    report.added += added.added
    report.replaced += added.replaced
    return report


def summary_counts(store) -> tuple[dict[str, int], dict[str, int]]:
    """Entities by class and facts by predicate in the merged graph (named queries)."""
    from kg.query import get_query

    types = {str(r[0]).rsplit("#", 1)[-1]: int(r[1]) for r in store.query(get_query("entity-types").text)}
    preds = {str(r[0]).rsplit("#", 1)[-1]: int(r[1]) for r in store.query(get_query("predicate-counts").text)}
    return types, preds
