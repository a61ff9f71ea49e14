"""Companies attached to works by possessives and compounds (kg/extract/possessives.py), and
names typed as works by a description (kg/extract/names.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, rule_triples, triples


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


# --- works._possessive_noun_credit: "X's [modifiers] NOUN Title" -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Nickel Boys is an adaptation of Colson Whitehead's Pulitzer-winning novel The Nickel Boys.",
     ("The Nickel Boys", "author", "Colson Whitehead")),
    ("Greta Gerwig's acclaimed film Little Women opened in December.", ("Little Women", "directedBy", "Greta Gerwig")),
    ("Taylor Swift's album Midnights won album of the year.", ("Midnights", "author", "Taylor Swift")),
])
def test_a_person_s_possessive_before_a_work_noun_credits_the_title(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_a_modifier_capital_is_not_the_title(nlp_en):
    found = mention_types(nlp_en, "Nickel Boys is an adaptation of Colson Whitehead's Pulitzer-winning novel The Nickel Boys.")
    assert found.get("The Nickel Boys") == "CreativeWork"
    assert found.get("Pulitzer") != "CreativeWork"


def test_an_album_s_possessor_is_its_author_not_its_director(nlp_en):
    found = triples(nlp_en, "Taylor Swift's album Midnights won album of the year.")
    assert ("Midnights", "directedBy", "Taylor Swift") not in found


def test_a_series_after_a_possessive_is_no_credit_twin(nlp_en):
    # the noun decides the credit: a series' possessor may be its star or its network
    found = triples(nlp_en, "Joe Smith's hit series Westworld returns in May.")
    assert not any(o == "Joe Smith" and p in ("author", "directedBy") for _, p, o in found)


# --- possessives.behind_relations: "the studio behind X" --------------------------------------

def test_the_studio_behind_a_work_produces_it(nlp_en):
    found = triples(nlp_en, "Kadokawa also owns FromSoftware, the studio behind Elden Ring.")
    assert ("FromSoftware", "produces", "Elden Ring") in found


def test_the_company_behind_a_product_develops_it(nlp_en):
    assert ("OpenAI", "develops", "ChatGPT") in triples(nlp_en, "OpenAI, the company behind ChatGPT, raised money.")


def test_the_studio_behind_a_work_fr(nlp_fr):
    found = triples(nlp_fr, "Epic Games, le studio derrière Fortnite, a licencié 800 salariés.")
    assert ("Epic Games", "produces", "Fortnite") in found


def test_the_studio_behind_a_list_of_titles_ner_missed_produces_each(nlp_en):
    found = triples(nlp_en, "Krafton has acquired Tango Gameworks, the Japanese studio behind Hi-Fi Rush and The Evil Within.")
    assert {("Tango Gameworks", "produces", "Hi-Fi Rush"), ("Tango Gameworks", "produces", "The Evil Within")} <= found


def test_a_title_ner_cut_behind_a_studio_is_taken_whole(nlp_en):
    found = triples(nlp_en, "Lin founded Rideback, the Los Angeles-based company behind The Lego Movie.")
    assert ("Rideback", "produces", "The Lego Movie") in found


def test_a_production_company_is_no_work_described(nlp_en):
    assert mention_types(nlp_en, "Shine Group, the production company behind MasterChef, grew.").get("Shine Group") == "Organization"


def test_a_person_behind_a_work_is_no_producer_twin(nlp_en):
    found = triples(nlp_en, "Joe Smith, the man behind Westworld, left HBO.")
    assert not any(p in ("produces", "develops") for _, p, _ in found)


# --- possessives.home_relations: "X, home to A and B" -------------------------------------------

def test_a_group_home_to_companies_owns_them(nlp_en):
    found = triples(nlp_en, "He remains executive chair of TKO Group Holdings, home to UFC and WWE.")
    assert {("UFC", "subsidiaryOf", "TKO Group Holdings"), ("WWE", "subsidiaryOf", "TKO Group Holdings")} <= found


def test_a_city_home_to_studios_owns_nothing_twin(nlp_en):
    found = triples(nlp_en, "Atlanta, home to many studios, offers generous tax credits to Netflix.")
    assert not any(p == "subsidiaryOf" for _, p, _ in found)


def test_a_company_s_possessive_on_people_means_they_work_there(nlp_en):
    found = triples(nlp_en, "Killer Films' Christine Vachon and Pamela Koffler are producing alongside Ross.")
    assert {("Christine Vachon", "worksFor", "Killer Films"), ("Pamela Koffler", "worksFor", "Killer Films")} <= found


def test_a_listed_person_with_an_own_post_is_not_the_company_s_twin(nlp_en):
    found = triples(nlp_en, "Nintendo's Shigeru Miyamoto and Chris Meledandri, chief executive of Illumination, "
                            "are its producers.")
    assert ("Chris Meledandri", "worksFor", "Nintendo") not in found
    assert ("Chris Meledandri", "ceoOf", "Illumination") in found


def test_a_company_modifying_a_work_noun_stays_a_company(nlp_en):
    text = "Conclave won the top prize, boosting the Focus Features thriller's best picture hopes."
    assert mention_types(nlp_en, text).get("Focus Features") == "Organization"
    assert ("Focus Features", "distributes", "Conclave") in triples(nlp_en, text)


def test_a_list_of_possessive_titles_is_cut_at_the_next_company(nlp_en):
    found = triples(nlp_en, "Succession won, while FX's The Bear and Netflix's Beef each took home three awards.")
    assert {("FX", "distributes", "The Bear"), ("Netflix", "distributes", "Beef")} <= found


def test_the_filmmaker_behind_a_work_directed_it(nlp_en):
    found = triples(nlp_en, "Whannell, the Australian filmmaker behind Saw, co-created the series.")
    assert ("Saw", "directedBy", "Whannell") in found


def test_a_company_described_as_a_producer_is_no_person(nlp_en):
    types = mention_types(nlp_en, "Whannell, the Australian filmmaker behind Saw, met Lionsgate, the producer of the film.")
    assert types.get("Whannell") == "Person"
    assert types.get("Lionsgate") != "Person"


def test_a_genre_noun_from_a_company_en(nlp_en):
    # "drama" is a concept the gazetteer knows; still the work's description
    assert ("Lantern Pictures", "produces", "Ashfall") in triples(
        nlp_en, "Peacock has picked up Ashfall, the eight-part drama from Lantern Pictures.")


def test_a_network_hit_is_the_network_s_to_air_and_its_creator_s_en(nlp_en):
    # "the <company> hit <Name>": the tagger reads "hit" as a verb; the name is the company's work,
    # a network airs it (lexicon distributor_suffixes), and "the creator of" it wrote it
    found = rule_triples(nlp_en, "Mara Quinn, the creator of the Skyline Network hit Ironwood, has a new show in the works.")
    assert ("Skyline Network", "distributes", "Ironwood") in found
    assert ("Ironwood", "author", "Mara Quinn") in found
    assert ("Skyline Network", "author", "Mara Quinn") not in found
    assert ("Skyline Network", "produces", "Ironwood") not in found


def test_a_streamer_original_names_its_title_en(nlp_en):
    text = "The Netflix original Winter Kings debuts on Friday."
    assert mention_types(nlp_en, text).get("Winter Kings") == "CreativeWork"
    found = rule_triples(nlp_en, text)
    assert ("Netflix", "distributes", "Winter Kings") in found
    assert not any(s == "Friday" for s, _, _ in found)  # a date is no company
