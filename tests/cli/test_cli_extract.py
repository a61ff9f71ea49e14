"""`kg extract` / `kg eval` as a user runs them: real subprocesses, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

KG = [sys.executable, "-m", "kg.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Le patron de France Télévisions.".encode("latin-1"))
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "ok1", "text": "Le patron de Netflix, Ted Sarandos, a parlé.", "lang": "fr"}\n'
        '{"id": "broken", "text": \n'
        '{"id": "ok2", "text": "Canal+ a finalisé le rachat de MultiChoice.", "lang": "fr"}\n', encoding="utf-8")
    proc = run("extract", str(tmp_path))
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["doc_id"] for r in rows] == ["ok1", "ok2", "latin1"]  # Latin-1 is decoded, with a warning
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error")]
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning")]
    assert len(errors) == 2, proc.stderr
    assert any("empty.txt" in e and "E002" in e for e in errors)
    assert any("batch.jsonl:2" in e and "E004" in e for e in errors)
    assert len(warnings) == 1 and "latin1.txt" in warnings[0] and "E070" in warnings[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_extract_contract(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Le patron de Netflix, Ted Sarandos, a reconnu qu'« il faut un grand artiste pour créer ».",
                 encoding="utf-8")
    proc = run("extract", str(f))
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert row["doc_id"] == "a"
    assert {"label": "Netflix", "type": "Organization"}.items() <= next(
        e for e in row["entities"] if e["label"] == "Netflix").items()
    triples = {(t["subject"], t["predicate"], t["object"]) for t in row["triples"]}
    assert ("Ted Sarandos", "ceoOf", "Netflix") in triples
    assert ("Ted Sarandos", "said", "il faut un grand artiste pour créer") in triples
    assert all({"sentence", "confidence", "rule", "start", "end"} <= t.keys() for t in row["triples"])


def test_missing_file_exit_status(tmp_path):
    proc = run("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1 and "E001" in proc.stderr and "Traceback" not in proc.stderr


def test_eval_reports_a_bad_gold_file_with_its_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Netflix a racheté Animal Logic.", "lang": "fr", "triples": []}\n'
                    '{"text": "Sans identifiant.", "lang": "fr", "triples": []}\n', encoding="utf-8")
    proc = run("eval", str(gold))
    assert proc.returncode == 2
    assert "[E040]" in proc.stderr and "gold.jsonl:2" in proc.stderr
    assert "Traceback" not in proc.stderr
