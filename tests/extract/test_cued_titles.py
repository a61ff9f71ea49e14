"""Titles told by the constructions around them (kg/extract/cued_titles.py), and what they
change downstream: the relations of the work, and works named as someone's credit that are
not the passage's work. Sentences written for these tests, French and English."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, triples


@pytest.mark.parametrize("text, title", [
    # a part of a series before the name: NER read a place
    ("La troisième saison de Montaigu arrive sur France 2 le 4 mars.", "Montaigu"),
    # "dont les N épisodes"
    ("Netflix lance Sillages, dont les six épisodes sont disponibles dès vendredi.", "Sillages"),
    # a year in brackets: NER read a person
    ("Révélé par Orage (2004), Paul Vidal tourne beaucoup.", "Orage"),
    # the maker with a nationality, after a comma, over a lower-case word NER left out
    ("Le Lion d'or est revenu à Brumes lointaines, de l'Espagnole Carla Ortiz, qui raconte un exil.", "Brumes lointaines"),
    ("Le jury a primé Fleuve noir, du Belge Lucas Dardenne.", "Fleuve noir"),
])
def test_construction_types_the_title_fr(nlp_fr, text, title):
    assert mention_types(nlp_fr, text).get(title) == "CreativeWork"


@pytest.mark.parametrize("text, name, typ", [
    # the same constructions never retype a gazetteer name nor a person's full name
    ("La deuxième saison de Canal+ sans le football commence.", "Canal+", "Organization"),
    ("Il a quitté Vivendi (2004) pour rejoindre Orange.", "Vivendi", "Organization"),
    ("Révélée par Jeanne Moreau (1962), elle tourne encore.", "Jeanne Moreau", "Person"),
])
def test_construction_keeps_known_and_full_names_fr(nlp_fr, text, name, typ):
    assert mention_types(nlp_fr, text).get(name) == typ


def test_the_part_is_no_title_fr(nlp_fr):
    # "La troisième" was read as the title of what arrives on a channel
    types = mention_types(nlp_fr, "La troisième saison de Montaigu arrive sur France 2 le 4 mars.")
    assert "La troisième" not in types and types["Montaigu"] == "CreativeWork"


def test_a_time_phrase_is_no_title(nlp_fr):
    # "Trois ans après Valparaiso, sa première série": the description names Valparaiso alone
    types = mention_types(nlp_fr, "Trois ans après Valparaiso, sa première série, Arte revient.")
    assert types.get("Valparaiso") == "CreativeWork" and "Trois ans après Valparaiso" not in types


def test_cued_title_takes_its_relations_fr(nlp_fr):
    assert ("France 2", "distributes", "Montaigu") in triples(nlp_fr, "La troisième saison de Montaigu arrive sur France 2 le 4 mars.")
    assert ("Brumes lointaines", "directedBy", "Carla Ortiz") in triples(
        nlp_fr, "Le Grand Prix est revenu à Brumes lointaines, de l'Espagnole Carla Ortiz.")


@pytest.mark.parametrize("text, title", [
    ("Season two of Grimsby starts in May.", "Grimsby"),
    ("Grimsby's second season starts in May.", "Grimsby"),
    ("The Fargo creator has signed on to write a space drama.", "Fargo"),
    ("David Lynch, the filmmaker behind Eraserhead, Blue Velvet and Twin Peaks, has died.", "Blue Velvet"),
])
def test_construction_types_the_title_en(nlp_en, text, title):
    assert mention_types(nlp_en, text).get(title) == "CreativeWork"


def test_company_behind_a_product_stays_a_product_en(nlp_en):
    # "behind" marks works only after a maker noun of the lexicon ("the filmmaker behind"), not "the company behind"
    assert mention_types(nlp_en, "The company behind ChatGPT raised money.").get("ChatGPT") == "Product"


def test_someones_work_is_not_the_passages_work_en(nlp_en):
    # "the Ozark co-creator" names Mundy's earlier series: "the series" he co-wrote, and King's credit, are Lanterns'
    found = triples(nlp_en, "The HBO series Lanterns premieres in August. Chris Mundy, the Ozark co-creator, "
                            "co-wrote the series with Tom King.")
    assert ("Lanterns", "author", "Chris Mundy") in found and ("Ozark", "author", "Chris Mundy") in found
    assert not {t for t in found if t[0] == "Ozark" and t[2] == "Tom King" or t[2] == "Ozark" and t[0] == "Tom King"}


def test_a_work_apposition_retypes_a_one_word_person(nlp_fr):
    # "dans Tapie, une mini-série": the name of the man the series is about, used as its title
    types = mention_types(nlp_fr, "L'homme d'affaires Bernard Tapie est mort en 2021. Laurent Lafitte l'incarne dans "
                                  "Tapie, une mini-série en sept épisodes qui débarque sur Netflix.")
    assert types.get("Tapie") == "CreativeWork" and types.get("Bernard Tapie") == "Person"


def test_whose_book_keeps_the_author_en(nlp_en):
    # "Herron, whose latest book, Clown Town, …": a relative's description is not the name's
    types = mention_types(nlp_en, "Mick Herron wrote the novels. Herron, whose latest book, Clown Town, came out in June, "
                                  "is an executive producer.")
    assert types.get("Herron") != "CreativeWork" and types.get("Clown Town") == "CreativeWork"


def test_a_bare_work_noun_apposition_types_the_title_fr(nlp_fr):
    # no article before "premier film": NER read the title as a person
    types = mention_types(nlp_fr, "Le prix a été décerné samedi à Arco, premier film d'Ugo Bienvenu.")
    assert types.get("Arco") == "CreativeWork" and types.get("Ugo Bienvenu") == "Person"
    # a bare apposition with another noun keeps the type
    assert mention_types(nlp_fr, "Lyon, premier club de France, a gagné.").get("Lyon") == "Place"


@pytest.mark.parametrize("lang, text, title", [
    # a bare capitalised subject that owns the cast, NER left it out
    ("en", "Ledger has bulked up its cast for season four. Mara Quint joins as a trader.", "Ledger"),
    # "is back for a second season": NER read a company
    ("en", "Poker Face is back for a second season, with all 12 episodes on Peacock.", "Poker Face"),
    # French "est de retour pour une cinquième saison": the copula hangs on "retour"
    ("fr", "HPI est de retour pour une cinquième saison sur TF1, avec Audrey Fleurot.", "HPI"),
])
def test_the_subject_of_a_clause_about_its_seasons_is_a_work(nlp_fr, nlp_en, lang, text, title):
    nlp = nlp_fr if lang == "fr" else nlp_en
    assert mention_types(nlp, text).get(title) == "CreativeWork"


def test_a_season_of_something_else_or_a_process_noun_makes_no_title(nlp_fr, nlp_en):
    # another work's season ("de sa série") says nothing of the subject, a company here
    text = "Ankama a signé avec Crunchyroll la diffusion de la quatrième saison de sa série animée Wakfu."
    assert mention_types(nlp_fr, text).get("Ankama") == "Organization"
    # a process noun subject is no title; the twin is the test above
    assert "Production" not in mention_types(nlp_en, "Production resumes on season four in March.")


def test_a_person_joining_a_company_s_co_production_does_not_work_for_the_company_en(nlp_en):
    found = triples(nlp_en, "Ledger has bulked up its cast for season four. Mara Quint has joined the HBO and BBC co-production.")
    assert ("Mara Quint", "worksFor", "HBO") not in found
    # the twin: joining the company itself is still read
    assert ("Mara Quint", "worksFor", "HBO") in triples(nlp_en, "Mara Quint has joined HBO as head of drama.")
