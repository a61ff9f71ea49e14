"""English coverage on unseen-news patterns: fronted participial phrases, cast and crew
phrases, distribution, place premodifiers, roles, type-aware resolution and split quotes.
Sentences are written for these tests (no evaluation passage is reused)."""

from __future__ import annotations

import pytest

from tests.extract._helpers import triples


@pytest.mark.parametrize("text, expected", [
    # fronted participial phrase describes the subject after the comma
    ("Created by Matt Duffer and Ross Duffer, Netflix's Stranger Things returns in May.",
     ("Stranger Things", "author", "Ross Duffer")),
    ("Produced by Pathé, The Count of Monte Cristo is a swashbuckling epic and was written by Alexandre de La Patellière.",
     ("Pathé", "produces", "The Count of Monte Cristo")),
    ("Founded in 2010 by Emma Tillinger and Martin Scorsese, Sikelia Productions made Killers of the Flower Moon.",
     ("Emma Tillinger", "founderOf", "Sikelia Productions")),
    # coordinated verbs share their object
    ("Greta Gerwig wrote and directed Barbie, a comedy.", ("Barbie", "author", "Greta Gerwig")),
    # cast and crew
    ("Barbie won the top prize, and its lead, Margot Robbie, was praised.", ("Robbie", "actsIn", "Barbie")),
    ("Pixar made the film Elio with director Adrian Molina.", ("Elio", "directedBy", "Adrian Molina")),
    ("Greta Gerwig, whose new film Barbie opened in July, spoke to us.", ("Barbie", "directedBy", "Greta Gerwig")),
    ("Christopher Nolan's Oppenheimer is a biopic. Cillian Murphy and Emily Blunt head the cast.",
     ("Cillian Murphy", "actsIn", "Oppenheimer")),
    # derived works
    ("Oppenheimer is a prequel of Dune.", ("Oppenheimer", "basedOn", "Dune")),
    # distribution
    ("Severance streams on Apple TV+.", ("Apple TV+", "distributes", "Severance")),
    # places and roles
    ("London's Aardman Animations produced the film.", ("Aardman Animations", "headquarteredIn", "London")),
    ("Ted Sarandos, head of production at Netflix, spoke on Monday.", ("Ted Sarandos", "worksFor", "Netflix")),
    ("Ted Sarandos, who is at the helm of Netflix, spoke on Monday.", ("Ted Sarandos", "leads", "Netflix")),
    ("Ted Sarandos has joined Netflix.", ("Ted Sarandos", "worksFor", "Netflix")),
    # award categories: a best-film award goes to the work, not the distributor
    ("Neon released Anora, and it went on to win the Oscar for best picture.", ("Anora", "wonAward", "Oscar for best picture")),
])
def test_found(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


@pytest.mark.parametrize("text, unexpected", [
    # a best-picture award is never won by the company
    ("Neon released Anora, and it went on to win the Oscar for best picture.", ("Neon", "wonAward", "Oscar for best picture")),
    ("Pixar made Elio with Tom Hanks.", ("Elio", "directedBy", "Tom Hanks")),
    # a department head is not the company's head
    ("Ted Sarandos, head of production at Netflix, spoke on Monday.", ("Ted Sarandos", "leads", "Netflix")),
    # a place premodifier ("X-based") is not the employer
    ("Reed Hastings, founder of Los Angeles-based Netflix, spoke.", ("Reed Hastings", "founderOf", "Los Angeles")),
    # a future move is not a fact yet
    ("Ted Sarandos will join Netflix next year.", ("Ted Sarandos", "worksFor", "Netflix")),
    # a relative pronoun stands for its head noun only
    ("Disney Entertainment, the division of The Walt Disney Company that oversees Hulu, grew.",
     ("Disney Entertainment", "leads", "Hulu")),
    # a character after "opposite" is not a work directed by the actor
    ("Lily James plays the heroine opposite Tom Hardy's Captain Ahab.", ("Captain Ahab", "directedBy", "Tom Hardy")),
    # the platform distributes the work, not the reverse
    ("Severance streams on Apple TV+.", ("Severance", "distributes", "Apple TV+")),
])
def test_not_found(nlp_en, text, unexpected):
    assert unexpected not in triples(nlp_en, text)


# Positive twins of test_not_found, in its order: the same construction with the relation
# expected, so that an extractor that finds nothing cannot pass the absence tests.
@pytest.mark.parametrize("text, expected", [
    ("Neon released Anora, and it went on to win the Oscar for best picture.", ("Anora", "wonAward", "Oscar for best picture")),
    ("Pixar made the film Elio with director Tom Hanks.", ("Elio", "directedBy", "Tom Hanks")),
    ("Ted Sarandos, head of Netflix, spoke on Monday.", ("Ted Sarandos", "leads", "Netflix")),
    ("Reed Hastings, founder of Los Angeles-based Netflix, spoke.", ("Reed Hastings", "founderOf", "Netflix")),
    ("Ted Sarandos joined Netflix last year.", ("Ted Sarandos", "worksFor", "Netflix")),
    ("Dana Walden, the executive of Disney who oversees Hulu, spoke.", ("Dana Walden", "leads", "Hulu")),
    ("Lily James plays the heroine in Christopher Nolan's Oppenheimer.", ("Oppenheimer", "directedBy", "Christopher Nolan")),
    ("Severance streams on Apple TV+.", ("Apple TV+", "distributes", "Severance")),
])
def test_not_found_twin(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_split_quote_gives_one_said(nlp_en):
    text = "“We make films for cinemas,” said Ted Sarandos, who runs Netflix, “and nothing else.”"
    said = {t for t in triples(nlp_en, text) if t[1] == "said"}
    assert said == {("Ted Sarandos", "said", "We make films for cinemas")}


def test_two_separate_quotes_give_two_said(nlp_en):
    text = "“We make films,” said Ted Sarandos. Later he added: “We will keep doing it.”"
    said = {t[2] for t in triples(nlp_en, text) if t[1] == "said"}
    assert len(said) == 2


# ---- general English rules (kg/extract/en_rules.py, hedges, place compounds) ----
@pytest.mark.parametrize("text, expected", [
    # setIn: "takes place in", "unfolds in", fronted "set on", nested place, relative "which"
    ("The series Narcos, which was shot in Colombia but takes place in Peru and Mexico, returns in May.",
     ("Narcos", "setIn", "Mexico")),
    ("The studio said its new thriller Cold Harbour was filmed in Wales though the story unfolds in Oslo.",
     ("Cold Harbour", "setIn", "Oslo")),
    ("Filmed in Morocco but set in the fictional city of Zerzura, the film Desert Crown was directed by Ana Ruiz.",
     ("Desert Crown", "setIn", "Zerzura")),
    # actsIn: "plays" a character with the work from context, "opposite", "toplines", "cast includes"
    ("Christopher Nolan directed Oppenheimer for Universal. Emily Blunt plays the physicist's wife.",
     ("Emily Blunt", "actsIn", "Oppenheimer")),
    ("Christopher Nolan directed Oppenheimer for Universal. Cillian Murphy toplines the film, "
     "with Emily Blunt in a supporting role.", ("Emily Blunt", "actsIn", "Oppenheimer")),
    ("Christopher Nolan directed Oppenheimer for Universal. Its cast includes Cillian Murphy and Emily Blunt.",
     ("Emily Blunt", "actsIn", "Oppenheimer")),
    # acquisitions: a closed deal; distribution rights
    ("Amazon MGM Studios closed its deal to acquire Kinetic Pictures on Monday.",
     ("Amazon MGM Studios", "acquires", "Kinetic Pictures")),
    ("Sony Pictures Classics has picked up North American rights to the drama The Quiet Hour.",
     ("Sony Pictures Classics", "distributes", "The Quiet Hour")),
    # roles from hiring, co-founders, "based out of", "X-based NOUN Name"
    ("Paramount has appointed Dana Kim as chief executive of its streaming unit Pluto.",
     ("Dana Kim", "ceoOf", "Pluto")),
    ("Ava Chen co-founded Nimbus Studios with Marcus Lee.", ("Marcus Lee", "founderOf", "Nimbus Studios")),
    ("Vireo Films, which is based out of Lagos, produced the series.", ("Vireo Films", "headquarteredIn", "Lagos")),
    ("Last year Netflix took over Lisbon-based animation house Pixel Tide.",
     ("Pixel Tide", "headquarteredIn", "Lisbon")),
    # uses: "shot on an iPhone"
    ("Director Ana Ruiz said her debut feature Dry Season was shot on an iPhone.",
     ("Dry Season", "uses", "iPhone")),
])
def test_general_en_found(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


@pytest.mark.parametrize("text, unexpected", [
    # pending, planned or agreed-but-unclosed deals
    ("Amazon agreed to acquire Kinetic Pictures.", ("Amazon", "acquires", "Kinetic Pictures")),
    ("Amazon MGM Studios signed a deal to acquire Kinetic Pictures.",
     ("Amazon MGM Studios", "acquires", "Kinetic Pictures")),
    # adaptation rights to a novel are not distribution
    ("Lionsgate acquired the film rights to the novel Blue Harbor.", ("Lionsgate", "distributes", "Blue Harbor")),
    # rights are not a company purchase
    ("Sony Pictures Classics has picked up North American rights to the drama The Quiet Hour.",
     ("Sony Pictures Classics", "acquires", "The Quiet Hour")),
    # "plays" a sport is not acting; a future setting is planned
    ("Christopher Nolan directed Oppenheimer for Universal. Lionel Messi plays football for Inter Miami.",
     ("Lionel Messi", "actsIn", "Oppenheimer")),
    ("Christopher Nolan directed Oppenheimer for Universal. Lionel Messi plays a key role in the campaign.",
     ("Lionel Messi", "actsIn", "Oppenheimer")),
    ("Netflix said the sequel to Narcos will take place in Chile.", ("Narcos", "setIn", "Chile")),
])
def test_general_en_not_found(nlp_en, text, unexpected):
    assert unexpected not in triples(nlp_en, text)


# Positive twins of test_general_en_not_found, in its order.
@pytest.mark.parametrize("text, expected", [
    ("Amazon acquired Kinetic Pictures.", ("Amazon", "acquires", "Kinetic Pictures")),
    ("Amazon MGM Studios completed a deal to acquire Kinetic Pictures.",
     ("Amazon MGM Studios", "acquires", "Kinetic Pictures")),
    ("Lionsgate acquired the distribution rights to the film Blue Harbor.", ("Lionsgate", "distributes", "Blue Harbor")),
    ("Sony Pictures Classics has bought the drama studio Kinetic Pictures.",
     ("Sony Pictures Classics", "acquires", "Kinetic Pictures")),
    ("Christopher Nolan directed Oppenheimer for Universal. Lionel Messi plays the physicist's wife.",
     ("Lionel Messi", "actsIn", "Oppenheimer")),
    ("Christopher Nolan directed Oppenheimer for Universal. Lionel Messi plays a key role in the drama.",
     ("Lionel Messi", "actsIn", "Oppenheimer")),
    ("Netflix said the series Narcos takes place in Chile.", ("Narcos", "setIn", "Chile")),
    pytest.param("Netflix said the sequel to Narcos takes place in Chile.", ("Narcos", "setIn", "Chile"),
                 marks=pytest.mark.xfail(strict=True, reason="'Narcos' after 'the sequel to' is typed Person: the "
                                         "absence test above holds whatever the future-tense hedge does")),
])
def test_general_en_not_found_twin(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_predicate_nominal_refers_to_its_subject():
    """"X was turned into a series starring Y": the indefinite "a series" is X itself."""
    from kg.pipeline import extract_documents
    from kg.records import Document

    (x,) = extract_documents([Document(id="t", lang="en",
                                       text="The novel Homecoming was later turned into a Hulu series starring Julia Roberts.")])
    found = {(t.subject.label, t.predicate, t.object.label) for t in x.triples}
    assert ("Julia Roberts", "actsIn", "Homecoming") in found
    assert ("Hulu", "distributes", "Homecoming") in found
