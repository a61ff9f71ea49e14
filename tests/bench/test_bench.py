"""kg bench: a generated archive whose names grow with it, and the figures of one run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kg.bench import BENCH_KEYS, generate_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_the_generated_archive_brings_new_names_in_every_article():
    from kg.resolve import name_key

    docs = generate_corpus(40)
    heads = [name_key(d["text"].split(" a annoncé")[0]) for d in docs]  # the buying group of each article
    assert len(set(heads)) == 40
    assert len({d["id"] for d in docs}) == 40 and all(d["lang"] == "fr" for d in docs)
    assert generate_corpus(3) == generate_corpus(3) and generate_corpus(3, seed=1) != generate_corpus(3)


def test_kg_bench_json_reports_positive_figures(tmp_path):
    run = subprocess.run([sys.executable, "-m", "kg.cli", "bench", "--docs", "5", "--json"], capture_output=True,
                         text=True, cwd=tmp_path, timeout=600)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert list(figures) == list(BENCH_KEYS)
    assert all(isinstance(v, (int, float)) and v > 0 for v in figures.values()), figures
    assert abs(figures["ratio"] - figures["kg_wps"] / figures["raw_wps"]) < 0.01  # kg words/s over raw words/s
    assert "kg build" in run.stderr and not list(tmp_path.iterdir())  # a temporary directory, removed
