"""kg.api.KnowledgeGraph on the real pipeline (French sentences) and real stores."""

from __future__ import annotations

import pytest
from rdflib import Literal

from kg.api import InlineHTML, KnowledgeGraph
from kg.errors import ResolveError

TEXTS = [
    "Le patron de Netflix, Ted Sarandos, a annoncé un partenariat avec Canal+.",
    "Maxime Saada, président du directoire de Canal+, a salué l'accord signé à Paris.",
]


@pytest.fixture(scope="module")
def kg(tmp_path_factory, nlp_fr):
    """A graph extracted from TEXTS into an Oxigraph store on disk."""
    graph = KnowledgeGraph.from_texts(TEXTS, lang="fr", store_path=tmp_path_factory.mktemp("kg") / "store")
    yield graph
    graph.close()


def test_stats(kg):
    stats = kg.stats()
    assert stats["articles"] == 2
    assert stats["entities"] >= 3 and stats["nodes"] >= 3 and stats["edges"] >= 1


def test_query_with_bindings_as_terms(kg):
    sparql = """SELECT ?e ?label WHERE { ?e rdfs:label ?label }"""
    df = kg.query(sparql, label=Literal("Netflix"))
    assert list(df["e"]) == ["https://w3id.org/media-kg/resource/organization/netflix"]
    hostile = kg.query(sparql, label='Netflix" } UNION { ?e ?p ?label } #')
    assert hostile.empty  # a value is a term, never query text


def test_named_query(kg):
    df = kg.query("entity-types")
    assert {"type", "count"} <= set(df.columns) and len(df) > 0


def test_entity_has_types_aliases_and_evidence(kg):
    info = kg.entity("netflix")
    assert info.label == "Netflix" and info.type == "Organization"
    ceo = [r for r in info.relations if r["predicate"] == "ceoOf"]
    assert ceo and ceo[0]["direction"] == "in" and ceo[0]["other"] == "Ted Sarandos"
    assert "Ted Sarandos" in ceo[0]["evidence"][0]["sentence"]
    assert len(info.relations_frame()) >= 1
    with pytest.raises(ResolveError):
        kg.entity("Disney")


def test_show_renders_an_iframe_with_srcdoc(kg, tmp_path):
    shown = kg.show("Netflix", depth=1)
    assert isinstance(shown, InlineHTML)
    frame = shown._repr_html_()
    assert frame.startswith('<iframe srcdoc="&lt;html&gt;')
    assert "Netflix (depth 1)" in shown.page
    assert shown.save(tmp_path / "g.html").read_text(encoding="utf-8") == shown.page


def test_reopen_read_only(kg, tmp_path):
    path = tmp_path / "store"
    KnowledgeGraph.from_texts(TEXTS[:1], lang="fr", store_path=path).close()
    with KnowledgeGraph.open(path) as again:
        assert again.stats()["articles"] == 1


def test_in_memory_from_texts(nlp_fr):
    with KnowledgeGraph.from_texts(TEXTS[:1], lang="fr") as mem:
        assert mem.store.backend == "memory"
        assert mem.to_networkx().number_of_edges() >= 1


SCORER_TEXT = "La série Les Oubliés sera diffusée sur France 2. Camille Lou, dans un second rôle, y est remarquable."
BY_RULE = """
PREFIX mkg: <https://w3id.org/media-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?p ?rule WHERE { ?st a mkg:Statement ; rdf:predicate ?p ; mkg:rule ?rule }
"""


def test_the_store_tells_the_scorers_triples_from_the_rules(tmp_path, nlp_fr):
    # the README's filter: mkg:rule starts with "scorer." for what the trained scorer added
    graph = KnowledgeGraph.from_texts([SCORER_TEXT], lang="fr", store_path=tmp_path / "store")
    try:
        rows = graph.query(BY_RULE)
    finally:
        graph.close()
    rules = {(str(p).rsplit("#", 1)[-1], str(r)) for p, r in zip(rows["p"], rows["rule"])}
    assert ("actsIn", "scorer.actsIn") in rules
    assert any(p == "distributes" and not r.startswith("scorer.") for p, r in rules)  # a rule's triple beside it
