"""``extraction_to_ox_quads`` (pyoxigraph terms built directly, what the Oxigraph store
writes) gives exactly the quads of ``extraction_to_quads`` converted term by term, in the
same order: on hand-made edge cases and on the real sample corpus."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.rdf import extraction_to_ox_quads, extraction_to_quads
from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
from kg.store import _ox
from tests.store.store_data import TEXT_1, TEXT_2, make_extraction

ROOT = Path(__file__).resolve().parents[2]


def converted(x: Extraction) -> list[pyoxigraph.Quad]:
    return [pyoxigraph.Quad(_ox(s), _ox(p), _ox(o), _ox(g)) for s, p, o, g in extraction_to_quads(x)]


def edge_case(confidence: float, *, lang: str | None) -> Extraction:
    from kg.registry import StoreEntity

    text = "Ted Sarandos dirige Netflix. « On ne remplacera pas les artistes », dit-il."
    doc = Document(id=f"edge-{confidence}-{lang}", text=text, lang=lang, title="Titre", url="https://ex.org/a b",
                   date="2024-05-02", author="Claire Dumontel", site="Le Quotidien")
    ted = StoreEntity("person/ted-sarandos", "Ted Sarandos", "Person", {"Ted Sarandos", "Sarandos", "T. Sarandos"},
                      pref_label="Ted Sarandos")
    nflx = StoreEntity("organization/netflix", "Netflix", "Organization", {"Netflix", "Netflix, Inc."},
                       wikidata="Q907311", pref_label="Netflix Inc")
    quote = Entity("quote/q", "On ne remplacera pas les artistes", "Quote", {"On ne remplacera pas les artistes"})
    m_ted, m_nflx = Mention("Ted Sarandos", 0, 12, "Person"), Mention("Netflix", 20, 27, "Organization")
    m_quote = Mention(quote.label, 31, 64, "Quote")
    rel = Relation(m_ted, "ceoOf", m_nflx, text[:28], 0, "role.verb", confidence)
    weaker = Relation(m_ted, "ceoOf", m_nflx, text[:28], 0, "role.other", confidence / 2)  # same triple, same sentence
    said = Relation(m_ted, "said", m_quote, text[29:], 29, "quote.verb", 1 - confidence)
    return Extraction(doc, [ted, nflx, quote], [Triple(ted, "ceoOf", nflx, rel), Triple(ted, "ceoOf", nflx, weaker),
                                                 Triple(ted, "said", quote, said)])


@pytest.mark.parametrize("confidence", [0.0, 1.0, 1.7, -0.2, 0.00001, 0.33333, 0.85, 0.9])
@pytest.mark.parametrize("lang", ["fr", None])
def test_edge_cases_give_the_same_quads(confidence, lang):
    x = edge_case(confidence, lang=lang)
    assert extraction_to_ox_quads(x) == converted(x)
    assert len(extraction_to_ox_quads(x)) > 30


def test_store_test_records_give_the_same_quads():
    for x in (make_extraction("news-1", TEXT_1), make_extraction("news-2", TEXT_2, url=None, date=None, title=None)):
        assert extraction_to_ox_quads(x) == converted(x)


def test_a_different_extraction_gives_different_quads():
    """Positive twin: the comparison above can fail."""
    a, b = edge_case(0.9, lang="fr"), edge_case(0.8, lang="fr")
    assert extraction_to_ox_quads(a) != converted(b)


def test_the_sample_corpus_gives_the_same_quads(nlp_fr):
    """Real extractions, canonicalised by the registry (preferred labels, Wikidata links, quotes)."""
    from kg.ingest import iter_documents
    from kg.pipeline import extract_documents
    from kg.registry import Registry, canonicalise_all

    docs = list(iter_documents([ROOT / "kg" / "data" / "corpus" / "articles_fr.jsonl"]))
    xs = canonicalise_all(list(extract_documents(docs)), Registry())
    assert len(xs) >= 8 and sum(len(x.triples) for x in xs) > 10
    for x in xs:
        assert extraction_to_ox_quads(x) == converted(x), x.document.id
