"""Places read from noun phrases (kg/extract/places.py): here the period settings, "dans le Paris
des années 1970". Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract._helpers import triples


@pytest.mark.parametrize("text, expected", [
    # a place with an article and a year: the sentence's own work is set there
    ("Diffusée à partir de lundi sur TF1, la série Les Combattantes plonge le téléspectateur dans la Lorraine de 1914.",
     ("Les Combattantes", "setIn", "Lorraine")),
    # with a period word, the passage's current work
    ("Le film Chien 51 sort mercredi. Dans un Paris du futur divisé en zones, Gilles Lellouche incarne un flic.",
     ("Chien 51", "setIn", "Paris")),
])
def test_a_place_of_a_period_is_the_setting_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


def test_a_place_of_a_person_is_no_setting_fr(nlp_fr):
    # "de Vincent Bolloré" is no time: no setting
    found = triples(nlp_fr, "Le film Chien 51 sort mercredi. Son producteur a quitté le Paris de Vincent Bolloré.")
    assert ("Chien 51", "setIn", "Paris") not in found


def test_the_place_named_in_the_setting_complement_fr(nlp_fr):
    # the complement's head is a common noun; the place is its "de" complement
    assert ("Un p'tit truc en plus", "setIn", "Vercors") in triples(
        nlp_fr, "La comédie Un p'tit truc en plus se passe dans une colonie de vacances du Vercors.")
