"""Zero wrong merges on the corpus of tricky homonyms and aliases (tests/data/resolution_*):
the REAL pipeline (``kg.pipeline.extract_documents``), then cross-article canonicalisation.

A "same" group must map to one registry entity; a form missing from the output fails
the group only when the text writes it (a form nobody wrote cannot be resolved). A
"different" pair must map to two entities.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.records import Document
from kg.registry import Registry, canonicalise_all
from kg.text import fold

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = json.loads((DATA / "resolution_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_registry(nlp_fr, nlp_en):
    from kg.pipeline import extract_documents

    rows = [json.loads(line) for line in (DATA / "resolution_corpus.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    docs = [Document(id=r["id"], text=r["text"], lang=r["lang"], title=r.get("title")) for r in rows]
    reg = Registry()
    canonicalise_all(extract_documents(docs), reg)
    return reg, " \n ".join(r["text"] for r in rows)


def ids_for(reg: Registry, form: str) -> set[str]:
    """Registry entities of which ``form`` is the label or a surface form (case-exact after folding)."""
    return {e.id for e in reg.entries.values() if fold(form) in {fold(a) for a in {e.label, *e.aliases}}}


def written(text: str, form: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", text) is not None


@pytest.mark.parametrize("group", GOLD["same"], ids=lambda g: " = ".join(g))
def test_same_group_is_one_entity(corpus_registry, group):
    reg, text = corpus_registry
    found = {form: ids_for(reg, form) for form in group}
    missing = [f for f, ids in found.items() if not ids and written(text, f)]
    assert not missing, f"written in the text but absent from the output: {missing}"
    ids = set().union(*found.values())
    assert len(ids) == 1, f"{group} -> {found}"


@pytest.mark.parametrize("pair", GOLD["different"], ids=lambda p: " != ".join(p))
def test_different_pair_is_two_entities(corpus_registry, pair):
    reg, _ = corpus_registry
    a, b = (ids_for(reg, form) for form in pair)
    assert a and b, f"{pair} -> {a}, {b}"
    assert not a & b, f"{pair} merged into {a & b}"
