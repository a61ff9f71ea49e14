"""English role nouns: titles before names, appositions, copulas, possessives."""

from __future__ import annotations

import pytest

from tests.extract._helpers import rule_triples, triples


@pytest.mark.parametrize("text, expected", [
    ("Warner Bros. Discovery CEO David Zaslav spoke to investors on Tuesday.",
     ("David Zaslav", "ceoOf", "Warner Bros. Discovery")),
    ("Sony's chief executive Kenichiro Yoshida visited the plant.", ("Kenichiro Yoshida", "ceoOf", "Sony")),
    ("Jane Doe, chief executive of Acme Studios, left the building.", ("Jane Doe", "ceoOf", "Acme Studios")),
    ("Reed Hastings, the co-founder of Netflix, gave a speech.", ("Reed Hastings", "founderOf", "Netflix")),
    ("John Smith is the chairman of Pathé.", ("John Smith", "leads", "Pathé")),
    ("Spotify founder Daniel Ek spoke in London.", ("Daniel Ek", "founderOf", "Spotify")),
    ("Netflix named Jane Doe chief executive in 2026.", ("Jane Doe", "ceoOf", "Netflix")),
    ("Mary Stone, vice president of content at Hulu, left the company.", ("Mary Stone", "worksFor", "Hulu")),
])
def test_role_found(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


@pytest.mark.parametrize("text", [
    "Netflix is looking for a new chief executive.",
])
def test_no_role(nlp_en, text):
    assert not {t for t in triples(nlp_en, text) if t[1] in ("ceoOf", "leads", "founderOf", "worksFor")}


# Positive twins of test_no_role, in its order: a current, named role.
@pytest.mark.parametrize("text, expected", [
    ("Netflix named Jane Doe its new chief executive.", ("Jane Doe", "ceoOf", "Netflix")),
])
def test_no_role_twin(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


# Past roles are roles: the real-news conventions ignore tense ("former CEO").
@pytest.mark.parametrize("text, expected", [
    ("Former Disney CEO Bob Chapek has joined a startup board.", ("Bob Chapek", "ceoOf", "Disney")),
])
def test_past_role_found(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_appointed_as_role(nlp_en):
    assert ("Jane Porter", "ceoOf", "Disney") in triples(nlp_en, "Disney named Jane Porter as chief executive.")


def test_named_as_something_else_is_no_appointment(nlp_en):
    # twin: "as" with no role noun is no appointment for the rules
    assert not {t for t in rule_triples(nlp_en, "Netflix named Jane Porter as one of its best customers.")
                if t[1] in ("ceoOf", "leads", "worksFor")}


@pytest.mark.xfail(strict=True, reason="the English relation scorer retrained in session 18 reads 'Netflix named X as "
                   "one of its best customers' as ceoOf (p 0.72): the rules' test above holds")
def test_named_as_something_else_is_no_appointment_for_the_scorer(nlp_en):
    assert not {t for t in triples(nlp_en, "Netflix named Jane Porter as one of its best customers.")
                if t[1] in ("ceoOf", "leads", "worksFor")}


def test_apposed_role_belongs_to_the_name_before_the_comma(nlp_en):
    # the parser hangs ", the parent company of WME" on the sentence's subject: the name before the
    # comma is the parent, and when NER missed that name nobody is
    found = triples(nlp_en, "Silver Lake bought Endeavor Group, the parent company of talent agency WME.")
    assert ("WME", "subsidiaryOf", "Endeavor Group") in found
    assert ("WME", "subsidiaryOf", "Silver Lake") not in found
    # (a name neither NER nor the gazetteer knows: the gazetteer has Endeavor since session 19)
    found = triples(nlp_en, "Silver Lake praised Ardent, the parent company of talent agency WME.")
    assert not {t for t in found if t[1] == "subsidiaryOf"}
    # the name NER missed is a company as what "bought" acts on (mentions._founded_names)
    found = triples(nlp_en, "Silver Lake bought Ardent, the parent company of talent agency WME.")
    assert {t for t in found if t[1] == "subsidiaryOf"} == {("WME", "subsidiaryOf", "Ardent")}
    # a company the gazetteer knows is the parent however the sentence's verb reads
    found = triples(nlp_en, "Silver Lake praised Endeavor, the parent company of talent agency WME.")
    assert {t for t in found if t[1] == "subsidiaryOf"} == {("WME", "subsidiaryOf", "Endeavor")}


def test_the_company_after_an_acquisition_is_the_company_bought(nlp_en):
    # the news is about the company bought: "the company" names it, not the buyer
    found = triples(nlp_en, "Autodesk has acquired Wonder Dynamics. Founded in 2017 by Tye Sheridan, the company "
                            "uses machine learning to animate characters.")
    assert ("Tye Sheridan", "founderOf", "Wonder Dynamics") in found
    assert ("Tye Sheridan", "founderOf", "Autodesk") not in found


def test_the_group_after_an_acquisition_is_the_buyer_twin(nlp_en):
    found = triples(nlp_en, "Autodesk has acquired Wonder Dynamics. Founded in 1982 by John Walker, the group uses "
                            "machine learning to animate characters.")
    assert ("John Walker", "founderOf", "Autodesk") in found


def test_a_company_overseeing_others_owns_them(nlp_en):
    found = triples(nlp_en, "Lagardère News, which oversees Europe 1 and the JDD, is run by Anne Roy.")
    assert ("Europe 1", "subsidiaryOf", "Lagardère News") in found
    assert ("Anne Roy", "leads", "Lagardère News") in found


def test_a_person_overseeing_a_company_leads_it_twin(nlp_en):
    found = triples(nlp_en, "Anne Roy oversees Europe 1 and the JDD.")
    assert ("Anne Roy", "leads", "Europe 1") in found
    assert not any(p == "subsidiaryOf" for _, p, _ in found)


def test_every_role_of_a_listed_title_gets_the_company(nlp_en):
    # "chairman, president and CEO": the roles listed before "and" share the holder and the company
    found = triples(nlp_en, "Kenichiro Yoshida, the Sony Group Corporation's chairman, president and CEO, said the "
                            "deal was done.")
    assert ("Kenichiro Yoshida", "ceoOf", "Sony Group Corporation") in found
    assert ("Kenichiro Yoshida", "leads", "Sony Group Corporation") in found



def test_a_plural_role_after_a_list_is_held_by_each_name_en(nlp_en):
    found = triples(nlp_en, "The game was created by Anthony Roux, Camille Chafer and Emmanuel Darras, "
                            "the three co-founders of Ankama.")
    assert {("Anthony Roux", "founderOf", "Ankama"), ("Camille Chafer", "founderOf", "Ankama"),
            ("Emmanuel Darras", "founderOf", "Ankama")} <= found


@pytest.mark.parametrize("text, expected", [
    # the parser reads "Lantern Pictures named …" as a noun phrase: the participle is the main verb
    ("Lantern Pictures named Dana Whitfield its new chief executive on Tuesday.",
     {("Dana Whitfield", "ceoOf", "Lantern Pictures")}),
    ("Lantern Pictures named Dana Whitfield chief executive on Tuesday.", {("Dana Whitfield", "ceoOf", "Lantern Pictures")}),
    # a succession: the successor and the one succeeded both hold the role
    ("Dana Whitfield succeeds Mark Ellis, who is retiring, as CEO of Lantern Pictures.",
     {("Dana Whitfield", "ceoOf", "Lantern Pictures"), ("Mark Ellis", "ceoOf", "Lantern Pictures")}),
    ("Dana Whitfield will replace Mark Ellis as chief executive of Lantern Pictures.",
     {("Dana Whitfield", "ceoOf", "Lantern Pictures"), ("Mark Ellis", "ceoOf", "Lantern Pictures")}),
])
def test_appointments_and_successions_en(nlp_en, text, expected):
    assert expected <= triples(nlp_en, text)


def test_a_participle_after_a_name_stays_a_participle_en(nlp_en):
    # twin: "named after" qualifies the noun; nothing is appointed
    assert not any(p in ("ceoOf", "leads", "worksFor") for _, p, _ in triples(
        nlp_en, "Lantern Pictures, named after a lighthouse in Maine, opened in 2010."))


@pytest.mark.parametrize("text, expected", [
    ("Dana Whitfield serves as executive producer.", ("Dana Whitfield", "produces", "Ashfall")),
    ("Rosa Kettle will serve as showrunner.", ("Ashfall", "author", "Rosa Kettle")),
])
def test_a_credit_predicated_of_someone_is_on_the_passages_work_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, "Netflix has ordered Ashfall, a drama about wildfire crews. " + text)


def test_a_credit_in_apposition_is_no_credit_on_the_passages_work_en(nlp_en):
    # twin: "X, a producer," describes a job, not a credit on the work the passage is about
    text = "Netflix has ordered Ashfall, a drama about wildfire crews. Dana Whitfield, a producer, praised the order."
    assert ("Dana Whitfield", "produces", "Ashfall") not in triples(nlp_en, text)


@pytest.mark.parametrize("text, expected", [
    # a company name the statistical NER left untagged holds a company status
    ("Sentinel TV is a division of Vivendi.", ("Sentinel TV", "subsidiaryOf", "Vivendi")),
    ("Sentinel TV is part of the Brinkley Group's entertainment division.", ("Sentinel TV", "subsidiaryOf", "Brinkley Group")),
])
def test_an_untagged_company_holds_a_company_status_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_an_untagged_common_noun_holds_no_company_status_en(nlp_en):
    # twin: a common noun subject is no company
    assert not any(p == "subsidiaryOf" for _, p, _ in triples(nlp_en, "The network is a division of Vivendi."))


def test_a_company_s_newspaper_is_its_unit_en(nlp_en):
    # press units, as the French list has them (quotidien, magazine, station)
    found = rule_triples(nlp_en, "The Tribune Company publishes its newspaper The Baltimore Sun in Maryland.")
    assert ("Baltimore Sun", "subsidiaryOf", "Tribune Company") in found
