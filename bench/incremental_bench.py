"""Benchmark ``kg build`` at archive scale and its incremental cost, in one process.

1. :func:`kg.bench.run_bench` on ``--docs N`` generated articles (what ``kg bench --docs N
   --json`` prints: raw spaCy against ``kg build``, ratio, s/article, peak RSS), keeping the
   corpus and the store in ``--workdir``;
2. a second ``kg build`` of the same corpus (it should add nothing, in a small fraction of
   the first build's time);
3. "10 into N": two sets of 10 new generated articles (names never seen), each built into an
   empty store and then into the N-article store, alternately; the figure is the time of the
   second against the first (issue 10: below 3x).

The spaCy pipeline is loaded before any clock starts. Not a test. Run::

    nice python bench/incremental_bench.py --docs 1000 --workdir /tmp/kg-scale-1k
    nice python bench/incremental_bench.py --docs 10000 --workdir /tmp/kg-scale-10k

The last line is JSON: the figures of ``kg bench --json`` plus ``second_build_s``,
``second_build_fraction``, ``ten_into_n_s``, ``ten_alone_s`` and ``ten_ratio``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from kg.bench import generate_corpus, run_bench
from kg.nlp import load_pipeline
from kg.pipeline import build


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _timed(inputs: list[Path], out: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    report = build(inputs, out, export=False)
    return time.perf_counter() - start, report.added, report.skipped_unchanged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, required=True, help="corpus and stores (emptied first)")
    args = parser.parse_args()
    n, work = args.docs, args.workdir
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    result = run_bench(n, workdir=work, say=print)  # corpus.jsonl and out/store stay in work
    print("kg bench:", json.dumps(result))
    load_pipeline("fr")

    second, added, skipped = _timed([work / "corpus.jsonl"], work / "out")
    print(f"second build of the same {n} articles: {second:.2f} s, added {added}, skipped {skipped} "
          f"({100 * second / result['kg_s']:.2f}% of the first build)")

    extra = generate_corpus(n + 20)[n:]  # names are built from the article number: all new
    sets = [_write(work / "extra-a.jsonl", extra[:10]), _write(work / "extra-b.jsonl", extra[10:])]
    alone, into = [], []
    for i, corpus in enumerate(sets):
        t, a, _ = _timed([corpus], work / f"empty-{i}")
        alone.append(t)
        t2, a2, _ = _timed([corpus], work / "out")
        into.append(t2)
        print(f"10 new articles: {t:.2f} s into an empty store ({a} added), {t2:.2f} s into the {n}-article store "
              f"({a2} added): {t2 / t:.2f}x")
    result.update(second_build_s=round(second, 3), second_build_fraction=round(second / result["kg_s"], 4),
                  ten_alone_s=[round(t, 3) for t in alone], ten_into_n_s=[round(t, 3) for t in into],
                  ten_ratio=round(sum(into) / sum(alone), 3))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
