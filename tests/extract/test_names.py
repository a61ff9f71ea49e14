"""Name repairs at the mention stage (kg/extract/names.py) and the roles they make possible.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract._helpers import fr_triples, mention_types, triples


def test_acronym_definition_names_the_organisation_in_full(nlp_fr):
    text = ("L'Agence Nordique de Presse (ANP) et Mistral AI ont conclu un accord. "
            "Jeanne Morel, PDG de l'ANP, s'en félicite.")
    assert mention_types(nlp_fr, text).get("Agence Nordique de Presse") == "Organization"
    found = fr_triples(text)
    assert ("Jeanne Morel", "ceoOf", "Agence Nordique de Presse") in found
    assert ("Agence Nordique de Presse", "partnersWith", "Mistral AI") in found


def test_first_name_read_as_place_joins_the_person(nlp_fr):
    types = mention_types(nlp_fr, "Le film est signé Florent Emilio Siri (Cloclo).")
    assert types.get("Florent Emilio Siri") == "Person"
    assert "Florent" not in types


def test_known_name_extended_by_following_proper_nouns(nlp_fr):
    found = triples(nlp_fr, "Altice Media, la maison mère de BFMTV, a changé de main.")
    assert ("BFMTV", "subsidiaryOf", "Altice Media") in found


def test_parent_company_en(nlp_en):
    assert ("NBCUniversal", "subsidiaryOf", "Comcast") in triples(nlp_en, "Comcast, the parent company of NBCUniversal, said so.")


def test_parent_noun_needs_a_company(nlp_fr):
    # "propriétaire" of a place is no ownership of a company (twin: of a company it is)
    assert not {t for t in triples(nlp_fr, "Jeanne Morel, propriétaire d'une maison à Lyon, a témoigné.") if t[1] == "subsidiaryOf"}
    assert ("Canal+", "subsidiaryOf", "Vivendi") in triples(nlp_fr, "Vivendi, propriétaire de Canal+, a signé.")


def test_genre_noun_after_a_determiner_introduces_a_title(nlp_fr):
    assert mention_types(nlp_fr, "Le thriller Nuit Blanche réunit Omar Sy et Léa Drucker.").get("Nuit Blanche") == "CreativeWork"
    # twin: a genre noun inside a company description does not ("un studio d'animation Orléa")
    assert mention_types(nlp_fr, "Le studio d'animation Orléa, basé à Nantes, recrute.").get("Orléa") != "CreativeWork"


def test_genre_description_in_apposition_types_the_title(nlp_fr):
    text = "Deux ans après son drame Les Liens, Claire Mercier revient avec Quand vient la nuit, un polar sombre dont " \
        "l'intrigue se déroule en Bretagne."
    assert mention_types(nlp_fr, text).get("Quand vient la nuit") == "CreativeWork"
    # twin: a demonstrative genre noun after the comma opens the next clause, it describes nothing
    text = "Adapté des romans de Léa Morin, à commencer par Les Ombres du port, ce thriller d'espionnage suit une équipe."
    assert mention_types(nlp_fr, text).get("Les Ombres du port") != "CreativeWork"


# --- one-word names NER took for persons (session 8) -----------------------------------------

def test_a_one_word_person_described_as_a_series_is_a_work(nlp_fr):
    types = mention_types(nlp_fr, "Lilyhammer, la première série originale de Netflix, revient.")
    assert types.get("Lilyhammer") == "CreativeWork"


@pytest.mark.parametrize("text, name", [
    ("Le rappeur Booba, la star du label, revient.", "Booba"),
    ("Cyril Hanouna revient. Hanouna, la star de la chaîne, parle.", "Hanouna"),
])
def test_a_one_word_person_introduced_as_one_or_named_in_full_stays_a_person(nlp_fr, text, name):
    assert mention_types(nlp_fr, text).get(name) == "Person"


@pytest.mark.parametrize("text, name", [
    ("Le film est coproduit par Les Films du Kiosque et Rectangle Productions.", "Les Films du Kiosque"),
    ("Produit par les Films de Mina, le documentaire sort en mai.", "les Films de Mina"),
])
def test_a_capitalised_company_head_with_de_and_a_name_is_one_company(nlp_fr, text, name):
    assert mention_types(nlp_fr, text).get(name) == "Organization"


def test_a_lower_case_company_head_is_no_company_name(nlp_fr):
    types = mention_types(nlp_fr, "Les films de Cannes arrivent en salles, et Les Films du Kiosque en distribuent deux.")
    assert not any(name.lower().startswith("les films de cannes") for name in types)
    assert types.get("Les Films du Kiosque") == "Organization"


def test_a_known_company_followed_by_a_capitalised_noun_is_one_longer_name(nlp_fr):
    text = "Régis Ravanas prendra la présidence de M6 Publicité, la régie du groupe M6."
    assert mention_types(nlp_fr, text).get("M6 Publicité") == "Organization"
    assert ("M6 Publicité", "subsidiaryOf", "M6") in triples(nlp_fr, text)


def test_a_sentence_case_title_described_after_a_comma_is_a_work(nlp_fr):
    # NER names nothing in "Deux rives"; the work noun in apposition makes it a title
    text = "Sonia Abadi sera à l'affiche de Deux rives, une comédie dramatique produite par Gaumont."
    assert mention_types(nlp_fr, text).get("Deux rives") == "CreativeWork"
    assert {("Sonia Abadi", "actsIn", "Deux rives"), ("Gaumont", "produces", "Deux rives")} <= triples(nlp_fr, text)
    # twin: a place before a time phrase is no title ("à Marseille cet été, un film")
    assert mention_types(nlp_fr, "Elle a tourné à Marseille cet été, un film sur la mer.") == {"Marseille": "Place"}


def test_names_joined_by_an_ampersand_are_one(nlp_en, nlp_fr):
    assert mention_types(nlp_en, "Keegan-Michael Key (Key & Peele) voices Toad.").get("Key & Peele") == "CreativeWork"
    assert "Rire & Chansons" in mention_types(nlp_fr, "Nostalgie et Rire & Chansons appartiennent au groupe NRJ.")
    # twin: two people's full names joined by "&" stay two people
    types = mention_types(nlp_en, "The film stars Emma Stone & Jesse Plemons.")
    assert "Emma Stone" in types and types.get("Jesse Plemons") == "Person"


def test_a_name_the_ner_missed_after_an_organisation_noun_is_a_company(nlp_en) -> None:
    """"the Nordic streamer Viaplay": the NER finds nothing there; the noun says what the name is."""
    assert mention_types(nlp_en, "The deal was signed by the Nordic streamer Viaplay.").get("Viaplay") == "Organization"
    # twin: a date word after the noun is no name
    assert "Monday" not in mention_types(nlp_en, "The studio said on Monday that the network Friday schedule had changed.")


def test_a_capitalised_name_ending_in_festival_is_one_event_en(nlp_en):
    types = mention_types(nlp_en, "The film won the Golden Lion at the Venice Film Festival.")
    assert types.get("Venice Film Festival") == "Event"
    assert "Venice Film" not in types and "Festival" not in types
    types = mention_types(nlp_en, "The series won two awards at the Monte-Carlo Television Festival.")
    assert types.get("Monte-Carlo Television Festival") == "Event"


def test_a_sentence_opening_festival_names_no_event_en(nlp_en):
    types = mention_types(nlp_en, "Festival organisers in Cannes were happy with the Edinburgh TV Festival.")
    assert types.get("Edinburgh TV Festival") == "Event"  # the twin: a name before the noun makes one
    assert not any(name.startswith("Festival") for name in types)


def test_names_listed_after_a_company_are_companies_en(nlp_en):
    types = mention_types(nlp_en, "The drama has been sold to BritBox, SBS and Viaplay.")
    assert {name: types.get(name) for name in ("BritBox", "SBS", "Viaplay")} == dict.fromkeys(
        ("BritBox", "SBS", "Viaplay"), "Organization")


def test_a_date_after_a_listed_company_is_no_company_en(nlp_en):
    types = mention_types(nlp_en, "The deal was signed by Netflix and Viaplay, and announced by BritBox and Monday.")
    assert types.get("BritBox") == "Organization"  # the twin: the company is read
    assert "Monday" not in types
