"""Fixtures: small RDF datasets in the media-kg model, built with kg.rdf (no NLP)."""

from __future__ import annotations

import pytest
from rdflib import Dataset

from kg.rdf import add_extraction
from kg.records import Document, Entity, Extraction, Mention, Relation, Triple

TED = Entity("person/ted-sarandos", "Ted Sarandos", "Person", {"Ted Sarandos", "Sarandos"})
NETFLIX = Entity("organization/netflix", "Netflix", "Organization", {"Netflix", "NFLX"}, wikidata="Q907311")
CANAL = Entity("organization/canalplus", "Canal+", "Organization", {"Canal+", "Canal Plus"})
LYON = Entity("place/lyon", "Lyon", "Place", {"Lyon"})


def extraction(doc_id: str, text: str, date: str, facts: list[tuple[Entity, str, Entity]]) -> Extraction:
    """One article stating ``facts``, each read from the whole text (one sentence)."""
    doc = Document(id=doc_id, text=text, lang="fr", title=f"Titre {doc_id}", url=f"https://example.org/{doc_id}",
                   date=date)
    triples = [
        Triple(s, p, o, Relation(Mention(s.label, 0, 1, s.type), p, Mention(o.label, 0, 1, o.type), text, 0,
                                 f"test.{p}", 0.9))
        for s, p, o in facts
    ]
    entities = list({e.key: e for s, _, o in facts for e in (s, o)}.values())
    return Extraction(doc, entities, triples)


def _extractions() -> list[Extraction]:
    return [
        extraction("a1", "Ted Sarandos dirige Netflix.", "2024-01-10", [(TED, "ceoOf", NETFLIX)]),
        extraction("a2", "Sarandos, patron de Netflix, s'allie à Canal+.", "2024-03-05",
                   [(TED, "ceoOf", NETFLIX), (NETFLIX, "partnersWith", CANAL)]),
        extraction("a3", "Canal+ ouvre un bureau à Lyon.", "2024-06-20", [(CANAL, "locatedIn", LYON)]),
    ]


@pytest.fixture
def extractions() -> list[Extraction]:
    """Three articles: Ted Sarandos leads Netflix (twice), Netflix-Canal+, Canal+ in Lyon."""
    return _extractions()


@pytest.fixture
def dataset(extractions) -> Dataset:
    ds = Dataset()
    for x in extractions:
        add_extraction(ds, x)
    return ds
