"""No duplicate node for any gold entity of the seed article and the dev sets (../shared/eval),
after within-article and cross-article resolution. Skips when ../shared is absent.

An entity "is" a gold entity when its label or one of its surface forms equals the gold
text after :func:`kg.text.fold` (not the lenient word-subset match of scoring: gold
``Amazon`` and ``Amazon MGM Studios`` are different entities).
"""

from __future__ import annotations

import json

import pytest

from kg.records import Document
from kg.registry import Registry, canonicalise_all
from kg.text import fold

SETS = ("seed.jsonl", "dev_fr.jsonl", "dev_en.jsonl")


@pytest.fixture(scope="session")
def gold_and_registry(shared_eval, nlp_fr, nlp_en):
    from kg.pipeline import extract_documents

    rows = [json.loads(line) for name in SETS
            for line in (shared_eval / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=r["id"], text=r["text"], lang=r["lang"]) for r in rows]
    extractions = list(extract_documents(docs))
    reg = Registry()
    canonicalise_all(extractions, reg)
    return rows, extractions, reg


def test_no_duplicate_node_for_a_gold_entity(gold_and_registry):
    rows, _, reg = gold_and_registry
    names = {e.id: {fold(a) for a in {e.label, *e.aliases}} for e in reg.entries.values()}
    duplicated = {}
    for row in rows:
        for gold in row["entities"]:
            ids = sorted(i for i, forms in names.items() if fold(gold["text"]) in forms)
            if len(ids) > 1:
                duplicated[gold["text"]] = ids
    assert not duplicated, duplicated


def test_resolution_reduces_the_node_count(gold_and_registry):
    _, extractions, reg = gold_and_registry
    per_article = sum(1 for x in extractions for e in x.entities if e.type != "Quote")
    assert len(reg.entries) < per_article
