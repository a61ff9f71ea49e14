"""English verb and noun frames: active, passive, participles, coordination."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, rule_triples, triples


@pytest.mark.parametrize("text, expected", [
    ("Netflix acquired Ubisoft in 2023.", ("Netflix", "acquires", "Ubisoft")),
    ("Ubisoft was acquired by Tencent.", ("Tencent", "acquires", "Ubisoft")),
    ("Barbie, directed by Greta Gerwig and starring Margot Robbie, was a hit.", ("Barbie", "directedBy", "Greta Gerwig")),
    ("Barbie, directed by Greta Gerwig and starring Margot Robbie, was a hit.", ("Margot Robbie", "actsIn", "Barbie")),
    ("Pixar produced the film Elio.", ("Pixar", "produces", "Elio")),
    ("Warner Bros. released Barbie in July.", ("Warner Bros.", "distributes", "Barbie")),
    ("Mattel has partnered with OpenAI.", ("Mattel", "partnersWith", "OpenAI")),
    ("Lionsgate uses Runway to generate storyboards.", ("Lionsgate", "uses", "Runway")),
    ("The series Severance is set in New Jersey.", ("Severance", "setIn", "New Jersey")),
    ("Ubisoft is headquartered in Montreuil.", ("Ubisoft", "headquarteredIn", "Montreuil")),
    ("Netflix, the Los Gatos-based streamer, released the series Lupin.", ("Netflix", "headquarteredIn", "Los Gatos")),
    ("Netflix, the Los Gatos-based streamer, released the series Lupin.", ("Netflix", "distributes", "Lupin")),
    ("Pixar, which is owned by Disney, released a new film.", ("Pixar", "subsidiaryOf", "Disney")),
    ("Sony owns Crunchyroll and Funimation.", ("Funimation", "subsidiaryOf", "Sony")),
    ("The jury awarded the Palme d'Or to Anora.", ("Anora", "wonAward", "Palme d'Or")),
])
def test_frame_found(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


@pytest.mark.parametrize("text", [
    "The weather in Paris was mild on Sunday.",
    "Analysts expect more consolidation among studios.",
    "Cannes gave a standing ovation to Emma Stone.",  # an ovation is no award
])
def test_no_frame(nlp_en, text):
    assert triples(nlp_en, text) == set()


# Positive twins of test_no_frame, in its order.
@pytest.mark.parametrize("text, expected", [
    ("The series Severance is set in Paris.", ("Severance", "setIn", "Paris")),
    ("Analysts said Netflix acquired Ubisoft.", ("Netflix", "acquires", "Ubisoft")),
    ("Cannes gave the Palme d'Or to Emma Stone.", ("Emma Stone", "wonAward", "Palme d'Or")),
])
def test_no_frame_twin(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_company_read_as_a_place_by_the_ner(nlp_en):
    """Verbs that only take companies retype a statistical place; gazetteer places stay places."""
    doc = nlp_en("Blumhouse has joined forces with Meta to test Movie Gen.")
    assert {(r.subject.text, r.predicate, r.object.text, r.subject.type) for r in doc._.relations} \
        >= {("Blumhouse", "partnersWith", "Meta", "Organization")}
    assert triples(nlp_en, "France has partnered with Germany on a new treaty.") == set()


def test_an_agent_the_parser_hung_on_a_complement_en(nlp_en):
    # "released in theaters by X": "by" attached to "theaters", still the participle's agent
    text = "Lowtide is a documentary about fishermen. The film was released in theaters by Magnolia Pictures."
    assert ("Magnolia Pictures", "distributes", "Lowtide") in triples(nlp_en, text)
    # twin: the same "by" after a non-passive verb gives nothing
    assert not any(p == "distributes" for _, p, _ in triples(
        nlp_en, "Lowtide is a documentary about fishermen. The film played in theaters owned by Magnolia Pictures."))


@pytest.mark.parametrize("text, expected", [
    # "hails from": the companies a work comes from produce it
    ("Peacock has ordered Ashfall, a drama about wildfire crews. The limited series hails from Blue Harbor Studios "
     "and Quillfeather Media.", {("Blue Harbor Studios", "produces", "Ashfall"), ("Quillfeather Media", "produces", "Ashfall")}),
    # a co-production noun after an English copula: the copula's subject is the work
    ("Peacock has ordered Ashfall, a drama about wildfire crews. It is a co-production between Lantern Pictures "
     "and Norvik Films.", {("Lantern Pictures", "produces", "Ashfall"), ("Norvik Films", "produces", "Ashfall")}),
])
def test_production_constructions_en(nlp_en, text, expected):
    assert expected <= triples(nlp_en, text)


def test_coming_from_a_place_is_no_production_en(nlp_en):
    assert not any(p == "produces" for _, p, _ in triples(nlp_en, "Ashfall's director Rosa Kettle hails from Montana."))


def test_a_sale_names_the_buyer_en(nlp_en):
    assert ("Corvid Media", "acquires", "Lumen Studios") in triples(
        nlp_en, "In 2021 the Halvorsen Group sold Lumen Studios to Corvid Media.")
    assert ("Corvid Media", "acquires", "Lumen Studios") in triples(nlp_en, "Lumen Studios was sold to Corvid Media in 2021.")
    # twin: a sale with no buyer names no acquisition
    assert not any(p == "acquires" for _, p, _ in triples(nlp_en, "The Halvorsen Group sold its stake in Lumen Studios."))


@pytest.mark.parametrize("text, expected", [
    # the small English model leaves these names untagged; the frame's slot takes only a company or a work
    ("Amazon MGM Studios will release Project Hail Mary in theaters on March 20.",
     ("Amazon MGM Studios", "distributes", "Project Hail Mary")),
    ("Sentinel, owned by the Brinkley Group, reported higher ratings.", ("Sentinel", "subsidiaryOf", "Brinkley Group")),
])
def test_an_untagged_name_in_a_one_type_slot_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)



@pytest.mark.parametrize("text, expected", [
    # a two-word noun trigger whose first word modifies the second: the head carries the slots
    ("Corvid Media took a majority stake in Lumen Studios.", ("Corvid Media", "acquires", "Lumen Studios")),
    ("Netflix has set a March release date for Ashfall, a drama.", ("Netflix", "distributes", "Ashfall")),
])
def test_compound_noun_triggers_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_a_minority_stake_is_no_acquisition_en(nlp_en):
    assert not any(p == "acquires" for _, p, _ in triples(nlp_en, "Corvid Media took a minority stake in Lumen Studios."))


@pytest.mark.parametrize("text", [
    "In 2019 Lumen Studios came under the control of Corvid Media.",
    "Lumen Studios remains under Corvid Media's ownership.",
])
def test_under_the_control_of_en(nlp_en, text):
    # the noun is the object of a preposition: its verb supports it
    assert ("Lumen Studios", "subsidiaryOf", "Corvid Media") in triples(nlp_en, text)
    assert triples(nlp_en, "Lumen Studios is under pressure from Corvid Media.") == set()


@pytest.mark.parametrize("text, expected", [
    # a part named by a noun, its work hung on the part's name
    ("Amir Dalton, best known for his role as Tom Reyes in the series Lowtide, will star opposite her.",
     ("Amir Dalton", "actsIn", "Lowtide")),
    # the one "known for" doing something does it
    ("Rosa Kettle, known for playing Mira in The Priests, joins the cast.", ("Rosa Kettle", "actsIn", "The Priests")),
    ("Joel Ferris, famous for starring in the drama Frostline, rounds out the cast.", ("Joel Ferris", "actsIn", "Frostline")),
    ("Known for directing the thriller Frostline, Dana Whitfield is behind the camera.",
     ("Frostline", "directedBy", "Dana Whitfield")),
])
def test_an_earlier_part_en(nlp_en, text, expected):
    assert expected in rule_triples(nlp_en, text)  # read by the rules, not left to the statistical scorer


def test_a_part_noun_needs_a_person_en(nlp_en):
    # twin: a company's key role
    assert triples(nlp_en, "Netflix plays a key role in the success of Frostline.") == set()


def test_a_season_of_a_mistyped_title_is_the_work_en(nlp_en):
    # "series" of a title the statistical NER took for a company: the title
    text = "Best Supporting Actor went to Matthew Macfadyen for his turn as Tom Wambsgans in the final series of Succession."
    assert ("Matthew Macfadyen", "actsIn", "Succession") in triples(nlp_en, text)


def test_an_earlier_work_is_not_the_passage_work_en(nlp_en):
    # a work named as someone's earlier part is not what a later part with no work named is in
    text = ("Prime Video has ordered Lazarus, a thriller. Sam Claflin, known for playing Finnick in The Hunger Games, "
            "takes the lead. Alexandra Roach plays Jenna Lazarus.")
    found = triples(nlp_en, text)
    assert ("Alexandra Roach", "actsIn", "Lazarus") in found
    assert ("Alexandra Roach", "actsIn", "The Hunger Games") not in found
    # twin: a work named as a fact of its own is the latest work
    text = ("Prime Video has ordered Lazarus, a thriller. Sam Claflin played Finnick in The Hunger Games. "
            "Alexandra Roach plays Jenna Lazarus.")
    assert ("Alexandra Roach", "actsIn", "The Hunger Games") in triples(nlp_en, text)


def test_a_work_released_on_a_service_whatever_the_ner_typed_them(nlp_en, nlp_fr) -> None:
    """"X will stream on Y": the subject is a work and the service a company, however the NER typed
    them (a title read as a place, a small service's name as a person)."""
    assert ("ITVX", "distributes", "Silent Harbor") in rule_triples(nlp_en, "Silent Harbor will stream on ITVX from March.")
    found = rule_triples(nlp_fr, "Les Oubliés arrive sur Salto le 12 mars.")
    assert ("Salto", "distributes", "Les Oubliés") in found


def test_a_role_in_a_title_read_as_a_place(nlp_en) -> None:
    """"her role in Silent Harbor": the NER types the title a place; a role is in a work."""
    found = rule_triples(nlp_en, "Maya Ortiz is best known for her role in Silent Harbor.")
    assert ("Maya Ortiz", "actsIn", "Silent Harbor") in found


def test_a_work_available_on_a_service(nlp_en) -> None:
    """"X is available on Y": English hangs the subject on the copula, not on "available"."""
    found = rule_triples(nlp_en, "The drama Silent Harbor is now available on Netflix.")
    assert ("Netflix", "distributes", "Silent Harbor") in found
    assert ("Stan", "distributes", "Silent Harbor") in rule_triples(nlp_en, "Silent Harbor is available on Stan in Australia.")


def test_a_title_stars_the_persons_listed_after_it_whatever_the_parse_en(nlp_en):
    found = triples(nlp_en, "Blue Hour stars Tom Reyes and Maya Collins.")
    assert {("Tom Reyes", "actsIn", "Blue Hour"), ("Maya Collins", "actsIn", "Blue Hour")} <= found


def test_a_place_before_stars_is_no_title_en(nlp_en):
    text = "Hollywood stars Tom Cruise and Brad Pitt attended the gala."
    assert mention_types(nlp_en, text).get("Tom Cruise") == "Person"  # the twin: the names are read
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_en, text))


def test_what_lands_on_a_service_is_a_work_even_named_like_a_place_en(nlp_en):
    # "lands" is tagged a plural noun, and the NER reads "Iron Coast" as a place
    found = triples(nlp_en, "Iron Coast lands on BritBox in the UK.")
    assert ("BritBox", "distributes", "Iron Coast") in found
    assert not any(o == "UK" for _, _, o in found)


def test_a_noun_counted_out_of_a_quantifier_takes_its_place_in_the_clause_en(nlp_en):
    # "landed one of the lead roles in W": the verb's object is "one", the role noun hangs under "of"
    found = rule_triples(nlp_en, "Nora Kells has landed one of the lead roles in Thunderbolts, the Marvel film.")
    assert ("Nora Kells", "actsIn", "Thunderbolts") in found
    # the twin: a role counted out of nothing is read as before; "none of" counts out no role
    assert ("Nora Kells", "actsIn", "Thunderbolts") in rule_triples(nlp_en, "Nora Kells has landed the lead role in Thunderbolts.")
