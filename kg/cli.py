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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.errors import KGError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="media-kg: knowledge graphs from media-industry news.")
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

Inputs = Annotated[list[Path], typer.Argument(help="Files (.txt, .md, .jsonl) or folders.", show_default=False)]


@contextmanager
def progress_bar(label: str):
    """A progress bar on stderr; yields a factory ``(total) -> on_done(doc)``."""
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                  transient=True, disable=not err.is_terminal) as bar:
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


@app.command()
def extract(inputs: Inputs) -> None:
    """Print one JSON line per document: entities and triples with evidence."""
    from kg.pipeline import extract_paths

    try:
        with progress_bar("extract") as bar:
            report, extractions = extract_paths(inputs, progress=bar)
            for x in extractions:
                sys.stdout.write(json.dumps(x.to_json(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
    except KGError as exc:
        _fail(exc)
    _report_errors(report.errors)
    raise typer.Exit(0 if report.ok else 1)


@app.command("eval")
def eval_(gold: Annotated[Path, typer.Argument(help="Gold JSONL (id, text, lang, triples, acceptable, entities).")],
          misses: Annotated[int, typer.Option(help="List up to N missed gold triples.")] = 0,
          false_positives: Annotated[int, typer.Option("--fp", help="List up to N false positives.")] = 0,
          as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False) -> None:
    """Extract from a gold file and score the result (per-predicate tp/fn/fp, micro P/R/F1)."""
    from kg.evaluate import score
    from kg.pipeline import extract_paths

    try:
        gold_rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        with progress_bar("eval") as bar:
            report, extractions = extract_paths([gold], progress=bar)
            preds = [x.to_json() for x in extractions]
    except (KGError, OSError, json.JSONDecodeError) as exc:
        err.print(f"error {gold}: {exc}")
        raise typer.Exit(2)
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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
