"""On the reference article: SPARQL finds the evidence sentence and the article of
`Ted Sarandos ceoOf Netflix` in a real on-disk store (skipped without ../shared)."""

from __future__ import annotations

from kg.ingest import iter_documents
from kg.pipeline import BuildReport, add_to_store
from kg.query import run
from kg.store import Store
from kg.validate import validate


def test_seed_fact_has_evidence_and_article(shared_eval, tmp_path):
    docs = list(iter_documents([shared_eval / "seed.jsonl"]))
    with Store(tmp_path / "store") as store:
        report = add_to_store(store, docs, BuildReport())
        assert report.ok and report.added == 1
        rows = list(run(store, "evidence", bindings={"s": "person/ted-sarandos", "p": "ceoOf",
                                                       "o": "organization/netflix"}))
        assert len(rows) == 1
        row = rows[0]
        text = docs[0].text
        assert "le patron de Netflix, Ted Sarandos" in str(row.sentence)
        assert text[int(row.start):int(row.end)] == str(row.sentence)
        assert str(row.article).endswith(docs[0].content_hash)
        assert str(row.rule).startswith("role.") and 0 < float(row.confidence) <= 1
    conforms, report_text = validate(tmp_path / "store")
    assert conforms, report_text
