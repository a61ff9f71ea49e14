"""kg.export: Turtle (merged facts), TriG / N-Quads / JSON-LD (named graphs with evidence)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal

from kg.errors import StoreError
from kg.export import export, export_store, facts_graph
from kg.namespace import MKG, RDF, RES, RDFS
from kg.records import Entity, Extraction
from kg.store import Store

pytestmark = pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*is deprecated:DeprecationWarning")

TED, NETFLIX = RES["person/ted-sarandos"], RES["organization/netflix"]


def _quads(path: Path, fmt: str) -> int:
    ds = Dataset()
    ds.parse(path, format=fmt)
    return len(list(ds.quads((None, None, None, None))))


def test_trig_round_trip_keeps_every_quad(any_store: Store, article_1: Extraction, article_2: Extraction, tmp_path: Path) -> None:
    any_store.add([article_1, article_2])
    path = export(any_store, tmp_path / "out" / "graph.trig", "trig")
    assert _quads(path, "trig") == any_store.stats().quads
    ds = Dataset()
    ds.parse(path, format="trig")
    assert {g.identifier for g in ds.graphs()} >= {g.identifier for g in any_store.dataset.graphs()}


@pytest.mark.parametrize(("fmt", "parser"), [("nquads", "nquads"), ("jsonld", "json-ld")])
def test_dataset_formats_round_trip(any_store: Store, article_1: Extraction, article_2: Extraction, tmp_path: Path,
                                    fmt: str, parser: str) -> None:
    any_store.add([article_1, article_2])
    path = export(any_store, tmp_path / f"graph.{fmt}", fmt)
    assert _quads(path, parser) == any_store.stats().quads


def test_turtle_is_the_merged_graph_without_evidence(any_store: Store, article_1: Extraction, article_2: Extraction,
                                                      tmp_path: Path) -> None:
    any_store.add([article_1, article_2])
    g = Graph().parse(export(any_store, tmp_path / "graph.ttl", "turtle"), format="turtle")
    assert (TED, MKG.ceoOf, NETFLIX) in g
    assert (TED, RDFS.label, Literal("Ted Sarandos")) in g
    assert len(list(g.subjects(RDF.type, MKG.Article))) == 2
    assert not list(g.subjects(RDF.type, MKG.Statement))
    with_evidence = Graph().parse(export(any_store, tmp_path / "ev.ttl", "ttl", evidence=True), format="turtle")
    assert len(list(with_evidence.subjects(RDF.type, MKG.Statement))) == any_store.stats().statements
    assert len(with_evidence) == any_store.stats().triples
    assert len(g) == len(facts_graph(any_store))


def test_files_are_utf8(any_store: Store, extraction_factory, tmp_path: Path) -> None:
    ex = extraction_factory(title="Société Générale et l'IA : « un tournant »", lang="fr")
    accented = Entity("organization/societe-generale", "Société Générale", "Organization", {"Société Générale", "SocGen"})
    any_store.add([Extraction(ex.document, [*ex.entities, accented], ex.triples)])
    for fmt, name in (("turtle", "g.ttl"), ("trig", "g.trig"), ("nquads", "g.nq"), ("jsonld", "g.jsonld")):
        text = export(any_store, tmp_path / name, fmt).read_bytes().decode("utf-8")
        assert "Société Générale" in text or "Soci\\u00E9t\\u00E9" in text, fmt


def test_unknown_format_is_e033(any_store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[E033\]"):
        export(any_store, tmp_path / "g.xyz", "rdfxyz")


def test_dataset_formats_always_carry_evidence(any_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="turtle"):
        export(any_store, tmp_path / "g.trig", "trig", evidence=False)


def test_export_store_reads_a_closed_store(built_store: Path, tmp_path: Path) -> None:
    path = export_store(built_store, tmp_path / "graph.trig", "trig")
    with Store(built_store, read_only=True) as store:
        assert _quads(path, "trig") == store.stats().quads
    with Store(built_store):  # export took no writer lock, and released the store
        pass


def test_export_plain_graph(tmp_path: Path) -> None:
    g = Graph()
    g.add((TED, RDFS.label, Literal("Ted")))
    assert len(Graph().parse(export(g, tmp_path / "g.ttl"), format="turtle")) == 1
