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


def test_commissioning_a_show_en(nlp_en):
    assert ("Prime Video", "distributes", "Lazarus") in triples(nlp_en, "Prime Video has ordered Lazarus, a psychological thriller.")
    # twin: ordering food is no commission
    assert not triples(nlp_en, "Netflix ordered more sushi for the staff.")


def test_commissioning_a_show_fr(nlp_fr):
    assert ("France 2", "distributes", "Les Rives") in triples(nlp_fr, "France 2 a commandé Les Rives, une fiction en six épisodes.")


def test_title_with_small_words_described_as_a_drama_en(nlp_en):
    types = mention_types(nlp_en, "Peacock has picked up One of Us is Lying, a young-adult mystery drama, to series.")
    assert types.get("One of Us is Lying") == "CreativeWork"
    # twin: a place described by a common noun stays a place
    assert mention_types(nlp_en, "He met Jane Porter in London, the capital.").get("London") == "Place"
