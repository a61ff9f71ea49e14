"""French sentence-case titles (kg/extract/titles.py) and titles in work slots (kg/extract/mentions.py).

Sentences are written for these tests; none comes from an evaluation passage.
"""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, rule_triples, triples


@pytest.mark.parametrize("text, title", [
    ("Le film Le Règne animal de Thomas Cailley sort en salles.", "Le Règne animal"),
    ("Le roman Les Choses humaines de Karine Tuil a été adapté au cinéma.", "Les Choses humaines"),
    ("Anatomie d'une chute a remporté la Palme d'or.", "Anatomie d'une chute"),
    ("Balle perdue, le film d'action de Netflix, a été réalisé par Guillaume Pierret.", "Balle perdue"),
])
def test_sentence_case_title_keeps_its_lower_case_words(nlp_fr, text, title):
    assert title in mention_types(nlp_fr, text)


@pytest.mark.parametrize("text, title", [
    # a work-part noun, a participle with a complement, a capitalised name: the title ends before them
    ("La série Lupin saison 2 arrive vendredi sur Netflix.", "Lupin"),
    ("Le film Titane sorti en 2021 a marqué Cannes.", "Titane"),
    ("Le film Le Règne animal de Thomas Cailley sort en salles.", "Le Règne animal"),
])
def test_sentence_case_title_stops_at_the_clause(nlp_fr, text, title):
    found = mention_types(nlp_fr, text)
    assert title in found
    assert not any(m.startswith(title + " ") for m in found)  # nothing longer was taken


def test_work_noun_names_a_title_the_gazetteer_knows_as_a_place(nlp_fr):
    text = "La série Marseille, avec Gérard Depardieu et Benoît Magimel, a été produite par Netflix."
    assert mention_types(nlp_fr, text)["Marseille"] == "CreativeWork"
    assert ("Gérard Depardieu", "actsIn", "Marseille") in triples(nlp_fr, text)


def test_city_without_a_work_noun_stays_a_place(nlp_fr):
    # positive twin of the above: the gazetteer's type holds without a work noun before the name
    assert mention_types(nlp_fr, "Le tournage a eu lieu à Marseille en mai.")["Marseille"] == "Place"


def test_sentence_opening_preposition_is_not_part_of_the_title(nlp_fr):
    text = "Dans Les Invisibles, réalisé par Louis-Julien Petit, Audrey Lamy et Corinne Masiero incarnent des travailleuses."
    found = triples(nlp_fr, text)
    assert ("Les Invisibles", "directedBy", "Louis-Julien Petit") in found
    assert ("Audrey Lamy", "actsIn", "Les Invisibles") in found
    # the names of the list hold different roles: none takes the other's
    assert ("Les Invisibles", "directedBy", "Audrey Lamy") not in found
    assert ("Louis-Julien Petit", "actsIn", "Les Invisibles") not in found


@pytest.mark.parametrize("text, expected", [
    ("Eisenberg stars opposite Kieran Culkin in A Real Pain.", ("Kieran Culkin", "actsIn", "A Real Pain")),
    ("Emma Stone won best actress for Poor Things.", ("Emma Stone", "actsIn", "Poor Things")),
])
def test_title_in_a_work_complement_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_title_in_a_work_complement_fr(nlp_fr):
    text = "Virginie Efira a été récompensée pour Revoir Paris, le film d'Alice Winocour."
    assert mention_types(nlp_fr, text).get("Revoir Paris") == "CreativeWork"


def test_quoted_short_phrase_is_a_title(nlp_fr):
    types = mention_types(nlp_fr, "Après « Balle perdue », Alban Lenoir retrouve Guillaume Pierret pour « Balle perdue 2 ».")
    assert types.get("Balle perdue 2") == "CreativeWork"


def test_quoted_speech_is_no_title(nlp_fr):
    types = mention_types(nlp_fr, "« Nous sommes très fiers de ce film », a déclaré Sidonie Dumas.")
    assert not any(t == "CreativeWork" for t in types.values())


def test_star_of_a_quoted_title(nlp_fr):
    assert ("Omar Sy", "actsIn", "Lupin") in triples(nlp_fr, "Omar Sy, star de « Lupin », a été récompensé.")


def test_year_after_en_is_no_part_of_the_title(nlp_fr):
    types = mention_types(nlp_fr, "Le duo, qui avait déjà réalisé Le Prénom en 2012, travaille à une nouvelle adaptation.")
    assert "Le Prénom" in types and "Le Prénom en 2012" not in types


def test_number_right_after_a_title_is_part_of_it(nlp_fr):
    assert mention_types(nlp_fr, "Le film Blade Runner 2049 est sorti.").get("Blade Runner 2049") == "CreativeWork"


def test_title_run_into_the_clause_ends_before_its_verb(nlp_fr):
    types = mention_types(nlp_fr, "La série Les Oubliés arrive sur France 2.")
    assert types.get("Les Oubliés") == "CreativeWork"
    assert not any(name.endswith(" sur") for name in types)


def test_title_ending_in_an_ordinary_word_is_kept_whole(nlp_fr):
    types = mention_types(nlp_fr, "Le film Un homme de trop sort mercredi.")
    assert types.get("Un homme de trop") == "CreativeWork"


def test_a_title_run_into_a_transitive_verb_ends_before_it(nlp_fr):
    types = mention_types(nlp_fr, "Présenté hors compétition au Festival de Cannes, L'Homme qui rétrécit marque le retour "
                                  "de Jan Kounen derrière la caméra.")
    assert "L'Homme qui rétrécit" in types
    assert not any(name.endswith("marque") for name in types)


def test_what_arrives_on_a_channel_is_a_work_even_a_place_name(nlp_fr):
    text = "Couronnée au Festival de la fiction, Sambre arrive lundi sur France 2."
    assert mention_types(nlp_fr, text).get("Sambre") == "CreativeWork"
    assert ("France 2", "distributes", "Sambre") in triples(nlp_fr, text)


def test_a_company_arriving_in_a_country_stays_a_company(nlp_fr):
    types = mention_types(nlp_fr, "Sambre arrive lundi sur France 2. Netflix arrive en Inde.")
    assert types.get("Netflix") == "Organization"


def test_a_title_and_its_subtitle_after_a_colon_are_one_work(nlp_fr):
    text = "Tomer Sisley reprend le rôle dans Largo Winch: Le Prix de l'argent, en salles mercredi."
    types = mention_types(nlp_fr, text)
    assert types.get("Largo Winch: Le Prix de l'argent") == "CreativeWork"
    assert ("Tomer Sisley", "actsIn", "Largo Winch: Le Prix de l'argent") in triples(nlp_fr, text)


def test_a_colon_before_a_person_joins_nothing(nlp_fr):
    types = mention_types(nlp_fr, "Le film Les Ondes : Marie Dubois en est la vedette.")
    assert types.get("Marie Dubois") == "Person"


def test_a_capitalised_function_word_mid_sentence_opens_a_title_fr(nlp_fr):
    # NER misses "Nos belles années" whole: a capitalised possessive after a verb opens the title,
    # which runs to the comma
    found = rule_triples(nlp_fr, "La plateforme a commandé Nos belles années, interprété par Camille Cottin et Jonathan Cohen.")
    assert ("Camille Cottin", "actsIn", "Nos belles années") in found


def test_a_capital_run_holding_a_known_name_is_no_title_twin_fr(nlp_fr):
    types = mention_types(nlp_fr, "La ministre a répondu au Parisien, puis elle a salué Le Monde, samedi.")
    assert types.get("Le Monde") == "Organization"
    assert not any(t == "Misc" and name.startswith("Le Monde") for name, t in types.items())
