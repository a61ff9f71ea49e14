"""kg.validate: the built graphs conform to ontology/shapes.ttl; broken ones do not."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal

from kg.errors import StoreError
from kg.export import export
from kg.namespace import MKG, RDF, RDFS, RES, XSD
from kg.rdf import extraction_to_quads
from kg.records import Extraction
from kg.store import Store
from kg.validate import validate, validate_file

pytestmark = pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*is deprecated:DeprecationWarning")


@pytest.fixture
def data(article_1: Extraction, article_2: Extraction) -> Graph:
    """The merged graph of the two articles, as a plain graph."""
    g = Graph()
    for s, p, o, _ in extraction_to_quads(article_1) + extraction_to_quads(article_2):
        g.add((s, p, o))
    return g


def test_built_store_conforms(built_store: Path, tmp_path: Path) -> None:
    conforms, report = validate_file(built_store)
    assert conforms, report
    with Store(built_store, read_only=True) as store:
        assert validate(store)[0]
        assert validate(store.dataset)[0]  # a dataset is validated as its merged view
        trig = export(store, tmp_path / "graph.trig", "trig")
        ttl = export(store, tmp_path / "graph.ttl", "turtle")
    assert validate_file(trig)[0]
    assert validate_file(ttl)[0]


def test_memory_dataset_conforms(any_store: Store, article_1: Extraction, article_2: Extraction) -> None:
    any_store.add([article_1, article_2])
    conforms, report = validate(any_store)
    assert conforms, report


@pytest.mark.parametrize(("break_it", "message"), [
    (lambda g: g.remove((RES["person/ted-sarandos"], RDFS.label, None)), "exactly one rdfs:label"),
    (lambda g: g.add((RES["person/ted-sarandos"], RDF.type, MKG.Organization)), "most specific mkg class"),
    (lambda g: g.add((RES["organization/netflix"], MKG.ceoOf, RES["person/ted-sarandos"])), "mkg:ceoOf"),
    (lambda g: [g.set((st, MKG.confidence, Literal(Decimal("1.5"))))
                for st in list(g.subjects(RDF.type, MKG.Statement))[:1]], "mkg:confidence"),
    (lambda g: [g.set((st, MKG.startChar, Literal(500, datatype=XSD.integer)))
                for st in list(g.subjects(RDF.type, MKG.Statement))[:1]], "mkg:startChar"),
    (lambda g: g.add((RES["person/Ted Sarandos!"], RDF.type, MKG.Person)), "<type>/<slug>"),
], ids=["no-label", "two-classes", "bad-range", "confidence", "offsets", "bad-iri"])
def test_broken_data_fails(data: Graph, break_it, message: str) -> None:
    assert validate(data)[0]
    break_it(data)
    conforms, report = validate(data)
    assert not conforms
    assert message in report


def test_evidence_needs_the_article_metadata(article_1: Extraction) -> None:
    """Validating one article graph alone fails: its article is described elsewhere."""
    ds = Dataset()
    ds.addN(q for q in extraction_to_quads(article_1) if q[3] != RES["graph/articles"])
    conforms, report = validate(ds)
    assert not conforms and "prov:wasDerivedFrom" in report


def test_missing_file_is_e025(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[E025\].*nothing.ttl"):
        validate_file(tmp_path / "nothing.ttl")
