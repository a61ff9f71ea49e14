"""Companies attached to works by possessives and compounds (kg/extract/possessives.py), and
names typed as works by a description (kg/extract/names.py). Sentences written for these tests."""

from __future__ import annotations

from tests.extract._helpers import mention_types, triples


def test_work_of_a_channel_fr(nlp_fr):
    assert ("France 2", "distributes", "Les Rives") in triples(nlp_fr, "Léa Rousseau a percé avec Les Rives, la série de France 2.")


def test_de_complement_needs_a_work_noun_fr(nlp_fr):
    # twin: "la directrice de France 2" is a role, not a work
    found = triples(nlp_fr, "Léa Rousseau, la directrice de France 2, a parlé.")
    assert not {t for t in found if t[1] in ("distributes", "produces")}
    assert ("France 2", "distributes", "Les Rives") in triples(nlp_fr, "On la voit dans Les Rives, la fiction de France 2.")


def test_copula_describes_a_work_en(nlp_en):
    text = "Severance is an Apple TV+ series about office workers."
    assert mention_types(nlp_en, text).get("Severance") == "CreativeWork"
    assert ("Apple TV+", "distributes", "Severance") in triples(nlp_en, text)


def test_copula_with_another_noun_types_nothing_en(nlp_en):
    # twin: "X is an Apple TV+ executive" is no work
    assert mention_types(nlp_en, "Jane Porter is an Apple TV+ executive.").get("Jane Porter") == "Person"
