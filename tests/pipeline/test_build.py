"""kg build on the demo corpus: the store conforms to the SHACL shapes, and a rebuild changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "kg" / "data" / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("build")
    report = build([CORPUS], out, html=False)
    assert report.ok, report.errors
    return out, report


def test_demo_build_conforms(built):
    from kg.validate import validate

    out, _ = built
    conforms, report = validate(out / "store")
    assert conforms, report


def test_demo_build_has_no_self_loop_or_scoped_tilde(built):
    from kg.store import Store

    out, _ = built
    with Store(out / "store", read_only=True) as store:
        rows = list(store.query(
            "PREFIX mkg: <https://w3id.org/media-kg/ontology#> "
            "SELECT ?s ?p WHERE { GRAPH ?g { ?s ?p ?s } FILTER(STRSTARTS(STR(?p), STR(mkg:))) }"))
        assert rows == []
        tilde = list(store.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?s), '~')) }"))
        assert tilde == []


def test_rebuild_changes_no_count(built):
    from kg.pipeline import build
    from kg.store import Store

    out, first = built
    with Store(out / "store", read_only=True) as store:
        before = store.stats()
    again = build([CORPUS], out, html=False)
    with Store(out / "store", read_only=True) as store:
        after = store.stats()
    assert after == before
    assert again.added == 0 and again.replaced == 0
    assert again.entities_by_type == first.entities_by_type
    assert again.triples_by_predicate == first.triples_by_predicate


def test_fresh_rebuild_gives_the_same_counts(built, tmp_path):
    from kg.pipeline import build
    from kg.store import Store

    out, _ = built
    build([CORPUS], tmp_path, html=False)
    with Store(out / "store", read_only=True) as a, Store(tmp_path / "store", read_only=True) as b:
        assert a.stats() == b.stats()
    assert (out / "store" / "registry.tsv").read_text() == (tmp_path / "store" / "registry.tsv").read_text()
