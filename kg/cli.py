"""The ``kg`` command line: parses arguments and calls the pipeline, nothing more.

Exit status: 0 when every document was processed, 1 when some input failed (the
others were still processed), 2 on a usage or configuration error.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.text import Text
from rich.table import Table

from kg.errors import KGError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="media-kg: knowledge graphs from media-industry news.")
err = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 240)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 240)  # no wrapping when piped

Inputs = Annotated[list[Path], typer.Argument(
    help="Files (.txt, .md, .json, .jsonl, .html, .rss/.atom/.xml feeds), folders, glob patterns, or - for stdin.",
    show_default=False)]
FieldsOpt = Annotated[Optional[list[str]], typer.Option(
    "--field", help="NAME=KEY: JSON/JSONL records hold the document's NAME (text, id, lang, title, url, date, "
    "author, site) under KEY, e.g. --field text=body --field date=published.")]


class _Rate(ProgressColumn):
    """Documents per second (shown also when the total is unknown)."""

    def render(self, task) -> Text:  # type: ignore[no-untyped-def]
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.2f} docs/s" if speed else "-- docs/s")


@contextmanager
def progress_bar(label: str):
    """A progress bar on stderr with rate and ETA (rate only when the total is unknown);
    yields a factory ``(total or None) -> on_done(doc)``."""
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), _Rate(), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
        def factory(total: int):
            task = bar.add_task(label, total=total)
            return lambda _doc: bar.advance(task)
        yield factory


def _report_errors(errors: list[str]) -> None:
    for line in errors:
        err.print(f"[red]error[/red] {line}", markup=True, soft_wrap=True)


def _fail(exc: KGError) -> None:
    err.print(f"error {exc}", soft_wrap=True)
    raise typer.Exit(2)


def _ingest_options(fields: list[str] | None, warnings: list[str]) -> dict:
    """Options for kg.ingest.iter_documents: the --field mapping (E078 exits 2) and a warning collector."""
    from kg.ingest import parse_field_mapping

    try:
        return {"fields": parse_field_mapping(fields or []), "on_warning": warnings.append}
    except KGError as exc:
        _fail(exc)
        raise  # unreachable: _fail exits


def _report_warnings(warnings: list[str]) -> None:
    for line in warnings:
        err.print(f"[yellow]warning[/yellow] {line}", markup=True, soft_wrap=True, highlight=False)


@app.command()
def extract(inputs: Inputs, fields: FieldsOpt = None) -> None:
    """Print one JSON line per document: entities and triples with evidence."""
    from kg.pipeline import extract_paths

    warnings: list[str] = []
    options = _ingest_options(fields, warnings)
    try:
        with progress_bar("extract") as bar:
            report, extractions = extract_paths(inputs, progress=bar, ingest_options=options)
            done = 0
            for x in extractions:
                sys.stdout.write(json.dumps(x.to_json(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
                done += 1
    except KGError as exc:
        _fail(exc)
    _report_warnings(warnings)
    _report_errors(report.errors)
    err.print(f"summary: {done} document(s) extracted, {len(report.errors)} failed, {len(warnings)} warning(s)")
    raise typer.Exit(0 if report.ok else 1)


@app.command("eval")
def eval_(gold: Annotated[Path, typer.Argument(help="Gold JSONL (id, text, lang, triples, acceptable, entities).")],
          misses: Annotated[int, typer.Option(help="List up to N missed gold triples.")] = 0,
          false_positives: Annotated[int, typer.Option("--fp", help="List up to N false positives.")] = 0,
          as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False) -> None:
    """Extract from a gold file and score the result (per-predicate tp/fn/fp, micro P/R/F1)."""
    from kg.evaluate import read_gold, score
    from kg.pipeline import extract_paths

    try:
        gold_rows = read_gold(gold)
        with progress_bar("eval") as bar:
            report, extractions = extract_paths([gold], progress=bar)
            preds = [x.to_json() for x in extractions]
    except KGError as exc:
        _fail(exc)
    _report_errors(report.errors)
    result = score(gold_rows, preds)
    if as_json:
        out.print_json(data={**result.summary(), "per_predicate": result.per_predicate()})
    else:
        table = Table("predicate", "tp", "fn", "fp", title=f"{gold.name}")
        for name, c in result.per_predicate().items():
            table.add_row(name, str(c["tp"]), str(c["fn"]), str(c["fp"]))
        out.print(table)
        s = result.summary()
        out.print(f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                  f"(tp {s['tp']}, fn {s['fn']}, fp {s['fp']}; entity recall {s['entity_recall']})")
    for doc_id, g in result.misses[:misses]:
        out.print(f"miss {doc_id}: {g['subject']} {g['predicate']} {g['object']}")
    for doc_id, t in result.false_positives[:false_positives]:
        out.print(f"fp   {doc_id}: {t['subject']} {t['predicate']} {t['object']}  [{t.get('rule', '')}]")


StoreOpt = Annotated[Path, typer.Option("--store", help="Store directory.")]
DEFAULT_STORE = Path("output/store")


def _print_build(report, out_dir: Path, warnings: int = 0) -> None:
    table = Table(title="media-kg build", show_header=False, box=None)
    table.add_row("documents", f"{report.documents} read, {report.added} added, {report.replaced} replaced, "
                  f"{report.skipped_unchanged} unchanged, {len(report.errors)} failed, {warnings} warning(s)")
    scope = " (this build)" if getattr(report, "summary_scope", "store") == "build" else ""
    table.add_row("entities" + scope, ", ".join(f"{k} {v}" for k, v in report.entities_by_type.items()
                                        if k not in ("Article", "Statement", "Quote")) or "none")
    table.add_row("quotes" + scope, str(report.entities_by_type.get("Quote", 0)))
    table.add_row("triples" + scope, ", ".join(f"{k} {v}" for k, v in report.triples_by_predicate.items()) or "none")
    for name, path in report.files.items():
        table.add_row(name, str(path))
    for note in getattr(report, "notes", []):
        table.add_row("note", note)
    out.print(table)


def _build(inputs: list[Path], out_dir: Path, store: Path | None, html: bool, force: bool = False, *,
           export: Optional[bool] = None, batch_size: Optional[int] = None, fields: list[str] | None = None,
           processes: int = 1, dask: Optional[str] = None) -> None:
    from kg.pipeline import BUILD_BATCH
    from kg.pipeline import build as run_build

    warnings: list[str] = []
    options = _ingest_options(fields, warnings)
    try:
        with progress_bar("build") as bar:
            report = run_build(inputs, out_dir, store_dir=store, progress=bar, html=html, force=force, export=export,
                               batch_size=batch_size or BUILD_BATCH, ingest_options=options, processes=processes,
                               dask=dask)
    except KGError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        # Ctrl-C: each batch is one store transaction, so what was committed stays; the store's
        # context manager has released the writer lock. One line, no traceback.
        typer.echo("interrupted: the batches committed so far are kept; run the same command again to complete "
                   "the build.", err=True)
        raise typer.Exit(130) from None
    _report_warnings(warnings)
    _report_errors(report.errors)
    _print_build(report, out_dir, len(warnings))
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def build(inputs: Inputs,
          out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
          store: Annotated[Optional[Path], typer.Option("--store", help="Store directory (default OUT/store).")] = None,
          html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
          force: Annotated[bool, typer.Option(help="Re-extract articles already in the store.")] = False,
          export: Annotated[Optional[bool], typer.Option(
              "--export/--no-export",
              help="Write graph.ttl/.trig/.html (default: only while the store holds at most 200 articles).")] = None,
          batch_size: Annotated[Optional[int], typer.Option(
              "--batch-size", min=1, help="Documents per batch (one store transaction each; default 32).")] = None,
          fields: FieldsOpt = None,
          processes: Annotated[int, typer.Option(
              "--processes", min=1, help="Parse in N local worker processes (one spaCy pipeline each).")] = 1,
          dask: Annotated[Optional[str], typer.Option(
              "--dask", help="Parse on Dask: local:N (a LocalCluster of N processes) or tcp://SCHEDULER:8786.")] = None,
          ) -> None:
    """Extract INPUT..., add it to the persistent store batch by batch; write graph.ttl, graph.trig and
    graph.html while the store is small (see --export)."""
    _build(inputs, out_dir, store, html, force, export=export, batch_size=batch_size, fields=fields,
           processes=processes, dask=dask)


@app.command()
def demo(out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output")) -> None:
    """Build the bundled sample corpus into OUT (its English articles when an English model is installed)."""
    from importlib import resources

    from kg.errors import ModelError
    from kg.nlp import resolve_model

    corpus = Path(str(resources.files("kg") / "data" / "corpus"))
    inputs = [corpus / "articles_fr.jsonl"]
    try:
        resolve_model("en")
        inputs.append(corpus / "articles_en.jsonl")
    except ModelError:
        err.print("note: no English spaCy model installed, so the demo builds the French articles only "
                  "(see README, Models).")
    _build(inputs, out_dir, None, True, export=True)


@app.command()
def query(query_text: Annotated[Optional[str], typer.Argument(help="A named query, a .rq file or SPARQL text.")] = None,
          store: StoreOpt = DEFAULT_STORE,
          fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
          param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE, bound as an RDF term.")] = None,
          list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False) -> None:
    """Run SPARQL against the store (parameters are bound, never pasted into the query)."""
    from kg.query import list_queries, run_query

    try:
        if list_ or not query_text:
            table = Table("name", "parameters", "description")
            for q in list_queries():
                table.add_row(q.name, " ".join(f"?{p.name}" for p in q.params), q.description)
            out.print(table)
            return
        bindings = {}
        for item in param or []:
            name, sep, value = item.partition("=")
            if not sep:
                raise typer.BadParameter(f"--param {item!r}: expected NAME=VALUE")
            bindings[name.lstrip("?")] = value
        sys.stdout.write(run_query(store, query_text, bindings=bindings, fmt=fmt).rstrip("\n") + "\n")
    except KGError as exc:
        _fail(exc)


@app.command()
def export(path: Annotated[Optional[Path], typer.Argument(help="File to write (default output/graph.<ext>).")] = None,
           fmt: Annotated[str, typer.Option("--format", help="turtle, trig, nquads, jsonld, graphml or gexf.")] = "trig",
           store: StoreOpt = DEFAULT_STORE,
           evidence: Annotated[bool, typer.Option(help="Turtle: keep the evidence nodes.")] = False) -> None:
    """Write the store as Turtle, TriG, N-Quads, JSON-LD, or GraphML/GEXF for Gephi."""
    try:
        if fmt in ("graphml", "gexf"):
            from kg.graph import to_networkx, write_gexf, write_graphml
            from kg.store import Store

            target = path or Path("output") / f"graph.{fmt}"
            with Store(store, read_only=True) as st:
                G = to_networkx(st)
            written = (write_graphml if fmt == "graphml" else write_gexf)(G, target)
        else:
            from kg.export import export_store

            written = export_store(store, path, fmt, evidence=evidence if fmt in ("turtle", "ttl") else None)
    except KGError as exc:
        _fail(exc)
    out.print(f"wrote {written}")


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="An RDF file or a store directory.")] = DEFAULT_STORE) -> None:
    """Validate a graph against the SHACL shapes of ontology/shapes.ttl."""
    from kg.validate import validate_file

    try:
        conforms, text = validate_file(path)
    except KGError as exc:
        _fail(exc)
    out.print(text if not conforms else f"{path}: conforms to the media-kg shapes")
    raise typer.Exit(0 if conforms else 1)


@app.command()
def serve(store: StoreOpt = DEFAULT_STORE,
          host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port.")] = 7878,
          timeout: Annotated[float, typer.Option(help="Seconds a query may run (then 500, E082).")] = 5.0,
          max_rows: Annotated[int, typer.Option(help="Rows or triples a result may hold (more: 500, E083).")] = 10_000,
          max_concurrent: Annotated[int, typer.Option(help="Queries running at once (one more: 503, E084).")] = 4,
          ) -> None:
    """Serve the store read-only as a SPARQL 1.1 Protocol endpoint (bounded, no SERVICE, same-origin)."""
    from kg.serve import serve as run_serve

    try:
        run_serve(store, host, port, timeout=timeout, max_rows=max_rows, max_concurrent=max_concurrent)
    except KGError as exc:
        _fail(exc)


@app.command()
def viz(out_path: Annotated[Path, typer.Argument(help="HTML file to write.")] = Path("output/graph.html"),
        store: StoreOpt = DEFAULT_STORE,
        entity: Annotated[Optional[str], typer.Option(help="Centre on this entity.")] = None,
        depth: Annotated[int, typer.Option(help="Hops around --entity.")] = 1,
        types: Annotated[Optional[list[str]], typer.Option("--type", help="Keep these entity types.")] = None,
        predicates: Annotated[Optional[list[str]], typer.Option("--predicate", help="Keep these properties.")] = None,
        since: Annotated[Optional[str], typer.Option(help="Articles from this date (YYYY-MM-DD).")] = None,
        until: Annotated[Optional[str], typer.Option(help="Articles up to this date.")] = None,
        min_support: Annotated[int, typer.Option(help="Minimum number of supporting articles.")] = 1) -> None:
    """Write the interactive, offline HTML graph of the store (with filters)."""
    from kg.viz import render

    try:
        written = render(store, out_path, entity=entity, depth=depth, types=types, predicates=predicates,
                         since=since, until=until, min_support=min_support)
    except KGError as exc:
        _fail(exc)
    out.print(f"wrote {written}")


@app.command()
def stats(store: StoreOpt = DEFAULT_STORE,
          top: Annotated[int, typer.Option(help="How many top entities.")] = 10) -> None:
    """Top entities (degree, PageRank, betweenness) and communities of the graph."""
    from kg.analytics import communities, stats_table
    from kg.graph import to_networkx
    from kg.store import Store

    try:
        with Store(store, read_only=True) as st:
            G = to_networkx(st, include_quotes=False)
    except KGError as exc:
        _fail(exc)
    data = stats_table(G, top=top)
    out.print(f"{data['nodes']} entities, {data['edges']} relations, {data['communities']} communities")
    table = Table("entity", "type", "degree", "pagerank", "betweenness", "community")
    for row in data["top"]:
        table.add_row(row["label"], row["type"], str(row["degree"]), f"{row['pagerank']:.3f}",
                      f"{row['betweenness']:.3f}", str(row["community"]))
    out.print(table)
    for i, part in enumerate(communities(G)[:5]):
        labels = [G.nodes[n].get("label", n) for n in part][:8]
        out.print(f"community {i}: " + ", ".join(labels) + (" …" if len(part) > 8 else ""))


@app.command()
def entities(store: StoreOpt = DEFAULT_STORE,
             type_: Annotated[Optional[str], typer.Option("--type", help="Only this type (Person, Organization...).")] = None,
             search: Annotated[Optional[str], typer.Option(help="Only entities whose label or alias contains this.")] = None,
             limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50) -> None:
    """List the store's entities with their aliases, Wikidata ids and mention counts."""
    from kg.registry import list_entities
    from kg.text import fold

    rows = list_entities(store)
    if type_:
        rows = [r for r in rows if r["type"].lower() == type_.lower()]
    if search:
        key = fold(search)
        rows = [r for r in rows if any(key in fold(n) for n in [r["label"], *r["aliases"]])]
    table = Table("id", "label", "type", "aliases", "wikidata", "mentions", "articles")
    for r in rows[:limit or None]:
        table.add_row(r["id"], r["label"], r["type"], " | ".join(r["aliases"]), r["wikidata"] or "",
                      str(r["mentions"]), str(r["articles"]))
    out.print(table)
    out.print(f"{len(rows)} entities")


@app.command()
def merge(a: Annotated[str, typer.Argument(help="Entity kept (id, label or alias).")],
          b: Annotated[str, typer.Argument(help="Entity merged into A.")],
          store: StoreOpt = DEFAULT_STORE) -> None:
    """Merge entity B into A, in the alias registry and in the store."""
    from kg.registry import merge_entities
    from kg.store import Store

    try:
        renames = merge_entities(store, a, b)
        with Store(store) as st:
            n = st.rename_iris(renames)
    except KGError as exc:
        _fail(exc)
    for old, new in renames.items():
        out.print(f"merged {old} -> {new}")
    out.print(f"{n} quads rewritten in {store}")


@app.command()
def split(entity: Annotated[str, typer.Argument(help="The merged entity (id, label or alias).")],
          alias: Annotated[str, typer.Argument(help="The surface form that names another entity.")],
          store: StoreOpt = DEFAULT_STORE) -> None:
    """Split ALIAS off ENTITY in the registry (they will never be merged again).

    Articles already stored keep the merged node until re-extracted: run
    ``kg build --force INPUT...`` on them.
    """
    from kg.registry import split_entity

    try:
        new_id = split_entity(store, entity, alias)
    except KGError as exc:
        _fail(exc)
    out.print(f"'{alias}' is now {new_id}; never merged with {entity}.")
    out.print("Articles already in the store keep the merged node until re-extracted: kg build --force INPUT...")


@app.command("bench")
def bench_(docs: Annotated[int, typer.Option("--docs", min=1, help="Generated articles (names new in each).")] = 100,
           seed: Annotated[int, typer.Option(help="Seed of the generated names.")] = 7,
           as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line of the figures.")] = False,
           ) -> None:
    """Measure raw spaCy nlp.pipe and kg build end to end on the same generated French archive."""
    from kg.bench import BENCH_KEYS, run_bench

    try:
        with progress_bar("kg build") as bar:
            result = run_bench(docs, seed=seed, progress=bar, say=lambda line: err.print(line, soft_wrap=True))
    except KGError as exc:
        _fail(exc)
    table = Table(title=f"kg bench: {result['docs']} articles, {result['words']} words", show_header=False, box=None)
    table.add_row("raw spaCy", f"{result['raw_wps']:.0f} words/s ({result['raw_s']:.1f} s)")
    table.add_row("kg build", f"{result['kg_wps']:.0f} words/s ({result['kg_s']:.1f} s)")
    table.add_row("ratio kg/raw", f"{result['ratio']:.3f} (words/s of kg build over raw spaCy; "
                  f"CPU time: {result['cpu_ratio']:.3f})")
    table.add_row("quads/s", f"{result['triples_per_s']:.0f} ({result['triples']} quads written)")
    table.add_row("s per article", f"{result['s_per_doc']:.3f} (CPU {result['cpu_s_per_doc']:.3f})")
    table.add_row("peak RSS", f"{result['peak_rss_mb']:.0f} MB")
    (err if as_json else out).print(table)
    if as_json:
        sys.stdout.write(json.dumps({k: result[k] for k in BENCH_KEYS}) + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
