"""kg.rdf: extraction records -> quads, following the data model of the shapes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import SchemaError
from kg.namespace import DCTERMS, MKG, OWL, PROV, RDF, RDFS, RES, SCHEMA, SKOS, XSD
from kg.rdf import (
    ARTICLES_GRAPH,
    add_extraction,
    article_graph_iri,
    article_iri,
    entity_iri,
    extraction_to_quads,
    quote_iri,
    statement_iri,
)
from kg.records import Entity, Extraction, Triple

from tests.store.store_data import NETFLIX, QUOTE_TEXT, TED


def _in(quads, graph):
    return {(s, p, o) for s, p, o, g in quads if g == graph}


def test_article_graph_and_metadata(article_1: Extraction) -> None:
    quads = extraction_to_quads(article_1)
    h = article_1.document.content_hash
    graph = article_graph_iri(h)
    assert graph == URIRef(str(RES[f"article/{h}"]) + "/graph")
    assert {g for *_, g in quads} == {graph, ARTICLES_GRAPH}
    meta = _in(quads, ARTICLES_GRAPH)
    a = article_iri(h)
    assert {(a, RDF.type, MKG.Article), (a, RDF.type, SCHEMA.NewsArticle)} <= meta
    assert (a, SCHEMA.url, URIRef("https://example.org/news/1")) in meta
    assert (a, SCHEMA.headline, Literal("Netflix and AI")) in meta
    assert (a, SCHEMA.datePublished, Literal("2024-05-02", datatype=XSD.date)) in meta
    assert (a, SCHEMA.inLanguage, Literal("en")) in meta
    assert (a, DCTERMS.identifier, Literal("news-1")) in meta
    # the content hash is the commit marker: it is written last
    assert quads[-1] == (a, MKG.contentHash, Literal(h), ARTICLES_GRAPH)


def test_entity_description(article_1: Extraction) -> None:
    triples = _in(extraction_to_quads(article_1), article_graph_iri(article_1.document.content_hash))
    ted, nflx = RES["person/ted-sarandos"], RES["organization/netflix"]
    assert (ted, RDF.type, MKG.Person) in triples
    assert (ted, RDFS.label, Literal("Ted Sarandos")) in triples
    assert (ted, SKOS.prefLabel, Literal("Ted Sarandos", lang="en")) in triples
    assert (ted, SKOS.altLabel, Literal("Sarandos")) in triples
    assert (ted, SKOS.altLabel, Literal("Ted Sarandos")) not in triples  # the label is not an alias
    assert (nflx, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q907311")) in triples
    assert (ted, MKG.ceoOf, nflx) in triples


def test_quote(article_1: Extraction) -> None:
    triples = _in(extraction_to_quads(article_1), article_graph_iri(article_1.document.content_hash))
    q = quote_iri(QUOTE_TEXT)
    assert str(q).startswith(str(RES["quote/"])) and len(str(q).rsplit("/", 1)[1]) == 16
    assert (q, RDF.type, MKG.Quote) in triples
    assert (q, MKG.quoteText, Literal(QUOTE_TEXT)) in triples
    assert (RES["person/ted-sarandos"], MKG.said, q) in triples
    assert not any(s == q and p == RDFS.label for s, p, _ in triples)


def test_evidence_node(article_1: Extraction) -> None:
    h = article_1.document.content_hash
    triples = _in(extraction_to_quads(article_1), article_graph_iri(h))
    ted, nflx = RES["person/ted-sarandos"], RES["organization/netflix"]
    rel = article_1.triples[0].evidence
    st = statement_iri(h, ted, MKG.ceoOf, nflx, rel.start)
    assert st == statement_iri(h, ted, MKG.ceoOf, nflx, rel.start)  # deterministic
    assert {
        (st, RDF.type, MKG.Statement),
        (st, RDF.subject, ted),
        (st, RDF.predicate, MKG.ceoOf),
        (st, RDF.object, nflx),
        (st, MKG.sentence, Literal("Ted Sarandos is the CEO of Netflix.")),
        (st, MKG.startChar, Literal(0, datatype=XSD.integer)),
        (st, MKG.endChar, Literal(35, datatype=XSD.integer)),
        (st, MKG.rule, Literal("role.appos")),
        (st, MKG.confidence, Literal(Decimal("0.9"), datatype=XSD.decimal)),
        (st, PROV.wasDerivedFrom, article_iri(h)),
    } <= triples
    assert article_1.document.text[rel.start:rel.end] == "Ted Sarandos is the CEO of Netflix."
    statements = {s for s, p, o in triples if p == RDF.type and o == MKG.Statement}
    assert len(statements) == len(article_1.triples)


def test_same_triple_two_rules_gives_one_evidence_node(article_1: Extraction) -> None:
    first = article_1.triples[0]
    weaker = Triple(first.subject, first.predicate, first.object, replace(first.evidence, rule="role.verb", confidence=0.5))
    stronger = Triple(first.subject, first.predicate, first.object, replace(first.evidence, rule="role.x", confidence=0.95))
    doubled = Extraction(article_1.document, article_1.entities, [first, weaker, stronger, *article_1.triples[1:]])
    quads = extraction_to_quads(doubled)
    assert len(quads) == len(set(quads))
    rules = {o for _, p, o, _ in quads if p == MKG.rule}
    assert Literal("role.x") in rules and Literal("role.verb") not in rules and Literal("role.appos") not in rules
    assert len(extraction_to_quads(doubled)) == len(extraction_to_quads(article_1))


def test_unknown_predicate_fails_loudly(article_1: Extraction) -> None:
    bad = replace(article_1.triples[0], predicate="isBossOf")
    with pytest.raises(SchemaError, match=r"^\[E026\] 'isBossOf' is not a property"):
        extraction_to_quads(Extraction(article_1.document, article_1.entities, [bad]))


def test_unknown_type_fails_loudly(article_1: Extraction) -> None:
    bad = Entity("gadget/x", "X", "Gadget", {"X"})
    with pytest.raises(SchemaError, match=r"^\[E026\] 'Gadget' is not a class"):
        extraction_to_quads(Extraction(article_1.document, [bad], []))


def test_url_with_spaces_is_encoded_and_bad_date_dropped(extraction_factory) -> None:
    ex = extraction_factory(url="https://example.org/a b\"c", date="2024-13-45")
    meta = {(p, o) for _, p, o, g in extraction_to_quads(ex) if g == ARTICLES_GRAPH}
    assert (SCHEMA.url, URIRef("https://example.org/a%20b%22c")) in meta
    assert not any(p == SCHEMA.datePublished for p, _ in meta)


def test_no_language_means_untagged_pref_label(extraction_factory) -> None:
    ex = extraction_factory(lang=None)
    ex = Extraction(replace(ex.document, lang=None), ex.entities, ex.triples)
    pref = {o for _, p, o, _ in extraction_to_quads(ex) if p == SKOS.prefLabel}
    assert Literal("Ted Sarandos") in pref


def test_entity_iri() -> None:
    assert entity_iri(TED) == RES["person/ted-sarandos"]
    assert entity_iri(NETFLIX) == URIRef("https://w3id.org/media-kg/resource/organization/netflix")


def test_add_extraction(article_1: Extraction) -> None:
    ds = Dataset()
    n = add_extraction(ds, article_1)
    assert n == len(extraction_to_quads(article_1))
    assert len(list(ds.quads((None, None, None, None)))) == n
