"""The store-side commands as a user runs them: build, query, export, validate, entities, merge, stats, viz."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

KG = [sys.executable, "-m", "kg.cli"]
ARTICLES = [
    {"id": "a1", "lang": "fr", "title": "Canal+ et MultiChoice", "date": "2026-01-05",
     "url": "https://example.org/a1",
     "text": "Le patron de Canal+, Maxime Saada, a confirmé le rachat de MultiChoice. "
             "« Nous créons un champion africain des médias », a-t-il déclaré."},
    {"id": "a2", "lang": "fr", "title": "TF1 et Netflix", "date": "2026-02-10",
     "text": "Rodolphe Belmer, directeur général de TF1, a annoncé un partenariat avec Netflix."},
]


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    (root / "news.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n",
                                     encoding="utf-8")
    proc = kg("build", "news.jsonl", "--out", "out", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root, proc


def test_build_summary_and_files(built):
    root, proc = built
    assert "2 read, 2 added" in proc.stdout
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (root / "out" / name).stat().st_size > 0
    assert not (root / "lib").exists(), "pyvis must not write lib/ into the working directory"


def test_rebuild_adds_nothing(built):
    root, _ = built
    before = kg("query", "entity-types", "--store", "out/store", "--format", "json", cwd=root).stdout
    proc = kg("build", "news.jsonl", "--out", "out", cwd=root)
    assert proc.returncode == 0 and "0 added" in proc.stdout and "2 unchanged" in proc.stdout
    assert kg("query", "entity-types", "--store", "out/store", "--format", "json", cwd=root).stdout == before


def test_trig_round_trip_and_validate(built):
    root, _ = built
    ds = Dataset()
    ds.parse(root / "out" / "graph.trig", format="trig")
    assert len(ds) > 0
    proc = kg("validate", "out/store", cwd=root)
    assert proc.returncode == 0, proc.stdout


def test_named_query_with_parameter_bound_as_term(built):
    root, _ = built
    proc = kg("query", "who-leads", "--store", "out/store", "--format", "csv", "-p", "org=Canal+", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "Maxime Saada" in proc.stdout and "Rodolphe Belmer" not in proc.stdout
    hostile = kg("query", "who-leads", "--store", "out/store", "--format", "csv",
                 "-p", 'org=x" } ; DROP ALL ; #', cwd=root)
    assert hostile.returncode == 0 and "Maxime Saada" not in hostile.stdout


@pytest.mark.parametrize("fmt, name", [("turtle", "g.ttl"), ("nquads", "g.nq"), ("jsonld", "g.jsonld"),
                                       ("graphml", "g.graphml"), ("gexf", "g.gexf")])
def test_export_formats(built, fmt, name):
    root, _ = built
    proc = kg("export", str(root / name), "--format", fmt, "--store", "out/store", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert (root / name).stat().st_size > 0


def test_entities_stats_and_merge_errors(built):
    root, _ = built
    ents = kg("entities", "--store", "out/store", "--search", "Saada", cwd=root)
    assert "Maxime Saada" in ents.stdout
    stats = kg("stats", "--store", "out/store", cwd=root)
    assert stats.returncode == 0 and "Canal+" in stats.stdout
    bad = kg("merge", "Canal+", "Maxime Saada", "--store", "out/store", cwd=root)
    assert bad.returncode == 2 and "E053" in bad.stderr and "Traceback" not in bad.stderr


def test_query_errors_are_clear(built):
    root, _ = built
    proc = kg("query", "SELECT WHERE {", "--store", "out/store", cwd=root)
    assert proc.returncode == 2 and "E030" in proc.stderr and "Traceback" not in proc.stderr
    proc = kg("query", "entity-types", "--store", "nowhere", cwd=root)
    assert proc.returncode == 2 and "E022" in proc.stderr
