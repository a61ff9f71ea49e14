"""End to end on the reference article (../shared/eval/seed.jsonl; skipped when absent)."""

from __future__ import annotations

import json

from kg.evaluate import score
from kg.pipeline import extract_paths


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_article_gold(shared_eval):
    gold = read_jsonl(shared_eval / "seed.jsonl")
    report, extractions = extract_paths([shared_eval / "seed.jsonl"])
    preds = [x.to_json() for x in extractions]
    assert report.ok
    result = score(gold, preds)
    assert result.recall == 1.0, result.misses
    assert result.precision >= 0.8, result.false_positives
    labels = [e["label"] for e in preds[0]["entities"]]
    assert "Sarandos" not in labels and "Ted Sarandos" in labels
    for t in preds[0]["triples"]:  # every triple keeps its evidence
        text = gold[0]["text"]
        assert t["sentence"] and text[t["start"]:t["end"]] == t["sentence"]
        assert t["rule"] and 0 < t["confidence"] <= 1
