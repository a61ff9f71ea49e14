"""English entity mentions: organisation head/suffix words, titles in work slots, award
categories, place and product context, and negatives (no over-typing)."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, triples


def types(nlp, text: str) -> dict[str, str]:
    return {m.text: m.type for m in nlp(text)._.mentions}


@pytest.mark.parametrize("text, name, expected", [
    # organisation head / suffix words
    ("The deal was signed by Atelier Vorlund, said a spokesperson.", "Atelier Vorlund", "Organization"),
    ("Quarry Bend Media is weighing a bid for the podcast.", "Quarry Bend Media", "Organization"),
    ("Last year the group bought audiobook publisher Pellmarch.", "Pellmarch", "Organization"),
    # a short form of an organisation named in full
    ("Ostrava Lane Media agreed the deal. Ostrava Lane's chief executive, Tom Reyes, declined to comment.",
     "Ostrava Lane", "Organization"),
    # titles in work slots
    ("Produced by HBO, The Gravel King is a spin-off of the 2019 film.", "The Gravel King", "CreativeWork"),
    ("Mara Lindqvist's Cold Harbour premiered in Venice.", "Cold Harbour", "CreativeWork"),
    ("A24 produced Nobody Here Tonight at All, which won two awards.", "Nobody Here Tonight at All", "CreativeWork"),
    # award with its category, stopped before "for the role"
    ("Jane Ruiz won the Academy Award for best actress for the role.", "Academy Award for best actress", "Award"),
    # product named by an apposed product noun
    ("The studio trialled Flintlock, Arvo's AI-assisted animation software, on one episode.", "Flintlock", "Product"),
    ("She shot it on an iPod because that was the budget.", "iPod", "Product"),
    # place from a location verb and preposition
    ("Marta Silva said the series was shot entirely in Tavira.", "Tavira", "Place"),
])
def test_mention_type(nlp_en, text, name, expected):
    assert types(nlp_en, text).get(name) == expected


def test_name_split_at_preposition(nlp_en):
    found = types(nlp_en, "The festival gave its Golden Bear to Kerewa, Ama Diallo's documentary about Benin.")
    assert found.get("Golden Bear") == "Award"
    assert "Golden Bear to Kerewa" not in found


def test_person_stays_person(nlp_en):
    found = types(nlp_en, "Conclave, helmed by Edward Berger, features Ralph Fiennes as a cardinal.")
    assert found.get("Ralph Fiennes") == "Person"
    found = types(nlp_en, "Producer Dana Whitlock said the film was ready.")
    assert found.get("Dana Whitlock") == "Person"


def test_no_overtyping(nlp_en):
    found = types(nlp_en, "Studios are cautious. Yesterday the company said revenue rose.")
    assert not any(t in found for t in ("Studios", "Yesterday"))
    found = types(nlp_en, "The Netflix series was produced in Spain.")
    assert found.get("Spain") == "Place"


@pytest.mark.parametrize("text, name, typ, triple", [
    # a one-word title NER misses, behind the distributor's possessive
    ("Carlos Montero, co-creator of Netflix's Elite, is back with a new thriller.", "Elite", "CreativeWork",
     ("Elite", "author", "Carlos Montero")),
    # NER reads "Naughty Dog" as a person; the apposition says it is a studio
    ("Druckmann heads Naughty Dog, the Sony-owned studio.", "Naughty Dog", "Organization",
     ("Naughty Dog", "subsidiaryOf", "Sony")),
])
def test_context_types_a_name_and_its_relation_follows(nlp_en, text, name, typ, triple):
    assert types(nlp_en, text).get(name) == typ
    assert triple in triples(nlp_en, text)


def test_a_lowercase_complement_of_a_credit_role_noun_is_no_work(nlp_en):
    # twin: "director of Korean content" is a post, and "Korean" no title
    text = "Kim Minyoung, Netflix's director of Korean content, spoke at the event."
    assert types(nlp_en, text).get("Korean") != "CreativeWork"
    assert types(nlp_en, text).get("Kim Minyoung") == "Person"
    assert not {t for t in triples(nlp_en, text) if t[1] == "directedBy"}


def test_a_person_described_by_a_post_stays_a_person(nlp_en):
    # twin: "the Post's publisher" is a post held, not a company
    text = "The appointment was announced by Will Lewis, the Post's publisher and chief executive."
    assert types(nlp_en, text).get("Will Lewis") == "Person"
    assert ("Will Lewis", "ceoOf", "Post") in triples(nlp_en, text)


def test_a_product_described_as_a_studio_is_a_company(nlp_en):
    found = triples(nlp_en, "Druckmann will concentrate on Naughty Dog, the Sony-owned studio he heads.")
    assert ("Naughty Dog", "subsidiaryOf", "Sony") in found


def test_a_product_described_as_a_service_stays_a_product_twin(nlp_en):
    found = {m.text: m.type for m in nlp_en("He tried ChatGPT, the OpenAI chatbot, last week.")._.mentions}
    assert found.get("ChatGPT") == "Product"


def test_a_list_conjunction_is_cut_from_the_name_before_it(nlp_en):
    types = mention_types(nlp_en, "The film was distributed by Neon and Mubi.")
    assert types.get("Neon") == "Organization"
    assert not any(name.endswith(" and") for name in types)


def test_a_name_ner_missed_is_a_company_as_what_a_founding_verb_acts_on_en(nlp_en):
    text = "Ircam, founded by Pierre Boulez in 1977, is based in Paris."
    assert ("Pierre Boulez", "founderOf", "Ircam") in triples(nlp_en, text)


def test_a_name_described_as_an_adaptation_is_a_work(nlp_en):
    text = "Apple TV+ has ordered Harlem Shuffle, an adaptation of Colson Whitehead's bestselling novel."
    assert mention_types(nlp_en, text).get("Harlem Shuffle") == "CreativeWork"


def test_a_person_span_over_a_possessive_is_the_person_and_their_title(nlp_en):
    text = "Ryan Coogler's Sinners held the top spot. Michael B. Jordan stars as twin brothers."
    types = mention_types(nlp_en, text)
    assert types.get("Ryan Coogler") == "Person"
    assert types.get("Sinners") == "CreativeWork"
    assert ("Sinners", "directedBy", "Ryan Coogler") in triples(nlp_en, text)


def test_a_prize_name_with_a_possessive_stays_whole(nlp_en):
    types = mention_types(nlp_en, "Hamnet won the People's Choice Award in Toronto.")
    assert types.get("People's Choice Award") == "Award"


def test_a_short_form_of_a_company_named_in_full_is_not_a_new_company(nlp_en):
    types = mention_types(nlp_en, "Harbor Lights Pictures grew fast. Benning co-founded Harbor Lights in 2016.")
    assert types.get("Harbor Lights Pictures") == "Organization"
    assert "Lights" not in types


def test_a_capitalised_role_before_a_name_is_no_part_of_it(nlp_en):
    found = mention_types(nlp_en, "Showrunner Kemp Powers wrote the pilot, and Producer Amy Pascal joined the project.")
    assert found.get("Kemp Powers") == "Person" and found.get("Amy Pascal") == "Person"
    # twin: a two-word name starting with a role word stays whole
    assert "Star Academy" in mention_types(nlp_en, "The show Star Academy returns on TF1.")


def test_a_name_ner_missed_after_a_genre_noun_is_a_title_en(nlp_en):
    text = "His credits include the hit supernatural thriller The Priests."
    assert mention_types(nlp_en, text).get("The Priests") == "CreativeWork"
    # twin: a known company after a work noun keeps its type
    assert mention_types(nlp_en, "It is the drama Netflix ordered last year.").get("Netflix") == "Organization"


def test_a_part_and_its_work_in_one_ner_name_en(nlp_en):
    # "Finnick in The Hunger Games": the preposition hangs outside the name, a capitalised article
    # opens the title; "Billy in X and Finnick in Y": the title stops at the parallel phrase
    text = ("Sam Claflin, known for playing Billy in Daisy Jones & The Six and Finnick in The Hunger Games films, "
            "takes the lead.")
    found = triples(nlp_en, text)
    assert ("Sam Claflin", "actsIn", "The Hunger Games") in found
    assert ("Sam Claflin", "actsIn", "Daisy Jones & The Six") in found
    # twin: a title with a preposition of its own stays whole
    assert mention_types(nlp_en, "Lily Collins stars in Emily in Paris.").get("Emily in Paris") == "CreativeWork"


def test_a_work_described_past_a_parenthesis_en(nlp_en):
    text = "Prime Video has ordered Lazarus (working title), a psychological thriller from Harlan Coben."
    assert mention_types(nlp_en, text).get("Lazarus") == "CreativeWork"
    assert ("Prime Video", "distributes", "Lazarus") in triples(nlp_en, text)


def test_a_lower_case_verb_ends_a_title_ner_ran_across_en(nlp_en):
    # English titles capitalise their verbs: NER's "Shogun won Breakthrough Series" is two names
    types = mention_types(nlp_en, "At the Gotham Awards, Shogun won Breakthrough Series on Monday.")
    assert not any(" won " in name for name in types)
    assert "Shogun" in types and types.get("Breakthrough Series") == "Award"


def test_a_capitalised_article_opens_a_title_not_a_name_en(nlp_en):
    # NER reads the "Studio" of "The Studio" as a person; a person's name never opens with "The"
    types = mention_types(nlp_en, "The Studio won the Critics Choice Award for best comedy series, and Ben Hale was named best actor.")
    assert types.get("Studio") != "Person" and types.get("The Studio") != "Person"
    assert types.get("Critics Choice Award for best comedy series") == "Award"


def test_a_name_ner_alone_read_as_a_company_fills_a_work_slot_en(nlp_en):
    # NER reads "Harbor Lights" as a company; as what a studio produced it is a title
    assert mention_types(nlp_en, "The studio produced Harbor Lights and several documentaries.").get("Harbor Lights") \
        == "CreativeWork"


def test_a_company_word_keeps_a_company_in_a_work_slot_twin_en(nlp_en):
    types = mention_types(nlp_en, "The studio produced Harbor Lights Entertainment's first series.")
    assert types.get("Harbor Lights Entertainment") == "Organization"
