"""English rules added for recall: titles typed by a work description, "co-" words,
"whose CEO is X", "the film" skipping a source work, "co-financed X with Y", genre
descriptions used as anaphors, and the authors of an apposed source work."""

from __future__ import annotations

import pytest

from tests.extract._helpers import triples, mention_types


@pytest.mark.parametrize("text, expected", [
    # a single-word title that NER misses, typed by the participle after it
    ("Drifters, written and directed by Laura Mendez, stars Daniel Okafor as a lonely sailor.",
     ("Drifters", "directedBy", "Laura Mendez")),
    ("Drifters, written and directed by Laura Mendez, stars Daniel Okafor as a lonely sailor.",
     ("Drifters", "author", "Laura Mendez")),
    ("Drifters, written and directed by Laura Mendez, stars Daniel Okafor as a lonely sailor.",
     ("Daniel Okafor", "actsIn", "Drifters")),
    # a title in apposition with a work noun
    ("Undertow, the Canal+ limited series co-created by Marc Dubois, was shot in Marseille.",
     ("Undertow", "author", "Marc Dubois")),
    # "co-" words kept whole by the tokenizer
    ("Lumen Studios was co-founded by Sara Kim in 2019.", ("Sara Kim", "founderOf", "Lumen Studios")),
    # role as the subject of a copula in a relative clause
    ("Globex Media, whose chairman and CEO is Ana Silva, reported higher revenue.", ("Ana Silva", "ceoOf", "Globex Media")),
    # "co-financed the film with Y": Y also produces it
    ("Pathé co-financed the film Silver Coast with Gaumont.", ("Gaumont", "produces", "Silver Coast")),
    # "the film" is the film, not the novel it adapts
    ("The film Silver Coast is adapted from Jane Moss's novel Harbour Lights. Gaumont produced the film.",
     ("Gaumont", "produces", "Silver Coast")),
    # a definite genre description refers back to the work
    ("The film Silver Coast premiered in May. Pathé released the romantic comedy in June.",
     ("Silver Coast", "genre", "romantic comedy")),
    # authors of a source work named in apposition
    ("The film Silver Coast is adapted from Cold Harbour, the biography by Anna Reed and Tom Hale.",
     ("Cold Harbour", "author", "Anna Reed")),
])
def test_rule_found(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_fronted_participles(nlp_en):
    # the parser attaches the participles inside a title with a colon; the surface ", directed by" still works
    text = "Harbor Lights: Part One, directed by Laura Mendez and starring Daniel Okafor, opens in May."
    found = triples(nlp_en, text)
    assert ("Harbor Lights: Part One", "directedBy", "Laura Mendez") in found or \
        ("Harbor Lights", "directedBy", "Laura Mendez") in found


def test_fronted_participle_needs_typed_slots(nlp_en):
    # "starring in": the fronted name is the actor; no work is invented
    text = "Daniel Okafor, starring in three films this year, is busy."
    assert not any(p in ("actsIn", "directedBy") for _, p, _ in triples(nlp_en, text))


def test_fronted_participle_needs_typed_slots_twin(nlp_en):
    assert ("Daniel Okafor", "actsIn", "Harbor Lights") in triples(nlp_en, "Harbor Lights, starring Daniel Okafor, opens in May.")


def test_title_typed_as_work(nlp_en):
    assert mention_types(nlp_en, "Drifters, directed by Laura Mendez, opens on Friday.").get("Drifters") == "CreativeWork"


def test_org_apposition_typed(nlp_en):
    text = "Sonar, a Lisbon-based audio start-up, was acquired by Spotify last week."
    assert ("Spotify", "acquires", "Sonar") in triples(nlp_en, text)


def test_co_prefix_single_token(nlp_en):
    doc = nlp_en("The co-CEO said the studio was co-founded in 2001.")
    assert "co-CEO" in [t.text for t in doc]
    assert any(t.lemma_ == "co-found" for t in doc)


@pytest.mark.parametrize("text, absent", [
    # a place before a participle is not a title
    ("Shot in Jordan, directed by Denise Amar, the film cost little.", "Jordan"),
    # a person with a role noun in apposition stays a person
    ("Laura Mendez, the film's producer, spoke at the festival.", "Laura Mendez"),
    # "starring in" is the actor, not the work
    ("Daniel Okafor, starring in three films this year, is busy.", "Daniel Okafor"),
])
def test_no_false_title(nlp_en, text, absent):
    assert mention_types(nlp_en, text).get(absent) != "CreativeWork"


# Positive twins of test_no_false_title, in its order: a title in the same place is a work.
@pytest.mark.parametrize("text, title", [
    ("Shot in Jordan, Drifters, directed by Denise Amar, cost little.", "Drifters"),
    ("Drifters, a film by Laura Mendez, opened at the festival.", "Drifters"),
    ("Drifters, starring Daniel Okafor, opens on Friday.", "Drifters"),
])
def test_no_false_title_twin(nlp_en, text, title):
    assert mention_types(nlp_en, text).get(title) == "CreativeWork"


def test_genre_needs_a_modifier(nlp_en):
    # a bare "the comedy" is only a reference, not a genre statement
    text = "The film Silver Coast premiered in May. Pathé released the comedy in June."
    assert not any(p == "genre" for _, p, _ in triples(nlp_en, text))


def test_genre_needs_a_modifier_twin(nlp_en):
    text = "The film Silver Coast premiered in May. Pathé released the romantic comedy in June."
    assert ("Silver Coast", "genre", "romantic comedy") in triples(nlp_en, text)


def test_investment_is_not_acquisition(nlp_en):
    text = "Globex announced a $1 billion investment in Lumen."
    assert not any(p == "acquires" for _, p, _ in triples(nlp_en, text))


@pytest.mark.parametrize("text, expected", [
    ("Netflix completed a $1 billion acquisition of Ubisoft.", ("Netflix", "acquires", "Ubisoft")),
    pytest.param("Globex acquired Lumen.", ("Globex", "acquires", "Lumen"),
                 marks=pytest.mark.xfail(strict=True, reason="'Globex' is typed Product and 'Lumen' Place or "
                                         "Organization: the investment test above holds whatever the rules do")),
])
def test_investment_is_not_acquisition_twin(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_a_title_stops_before_an_ordinal_written_in_words_en(nlp_en):
    types = mention_types(nlp_en, "Apple TV+ has renewed The Quiet Shore for a third season.")
    assert types.get("The Quiet Shore") == "CreativeWork"
    assert not any("third" in name for name in types)


def test_the_subject_after_a_fronted_work_participle_is_a_work_even_read_as_an_event_en(nlp_en):
    text = "Produced by A24 and directed by Mira Stone, Blue Hour opens in May."
    assert mention_types(nlp_en, text).get("Blue Hour") == "CreativeWork"
    found = triples(nlp_en, text)
    assert {("A24", "produces", "Blue Hour"), ("Blue Hour", "directedBy", "Mira Stone")} <= found


def test_a_person_s_company_is_no_work_of_theirs_en(nlp_en):
    types = mention_types(nlp_en, "The project hails from Universal Television and Amy Poehler's Paper Kite Productions.")
    assert types.get("Paper Kite Productions") == "Organization"
    # the twin: a person's title after a possessive is still a work
    assert mention_types(nlp_en, "It is Matt Reeves's The Batman.").get("The Batman") == "CreativeWork"
