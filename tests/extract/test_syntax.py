"""Text helpers of kg/extract/syntax.py that replace slower spaCy or ``re`` readings: they
must find exactly what the readings they replace find."""

from __future__ import annotations

import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.syntax import doc_text, token_words, whole_word_hits
from tests.extract._helpers import rule_triples

# letters, accented letters, digits, the joiners the callers pass, spaces and punctuation
_CHARS = st.sampled_from(list("aAbé9_-'’ .,«»()\n"))


@settings(max_examples=400, deadline=None)
@given(text=st.text(_CHARS, max_size=40), word=st.text(_CHARS, min_size=1, max_size=4),
       joiners=st.sampled_from(["", "-", "'’-"]))
def test_whole_word_hits_finds_what_the_regex_finds(text: str, word: str, joiners: str) -> None:
    edge = "\\w" + re.escape(joiners) if joiners else "\\w"
    pattern = f"(?<![{edge}])" + re.escape(word) + f"(?![{edge}])"
    assert list(whole_word_hits(text, word, joiners)) == [m.span() for m in re.finditer(pattern, text)]


def test_whole_word_hits_skips_a_name_inside_a_longer_word() -> None:
    text = "Neon a distribué le film. NeonX et Neon-Pictures aussi ; Neon encore."
    assert [text[a:b] for a, b in whole_word_hits(text, "Neon", "'’-")] == ["Neon", "Neon"]
    assert [a for a, _ in whole_word_hits(text, "Neon", "'’-")] == [0, text.rindex("Neon")]


def test_doc_text_is_the_text_and_survives_retokenizing() -> None:
    doc = spacy.blank("fr")("Le groupe Canal+ rachète OCS.")
    assert doc_text(doc) == doc.text
    with doc.retokenize() as retok:
        retok.merge(doc[1:3])
    assert len(doc) == 5 and doc_text(doc) == doc.text == "Le groupe Canal+ rachète OCS."


def _span(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text))


def test_the_work_a_sequel_follows_is_a_reference(nlp_en, nlp_fr) -> None:
    from kg.extract.syntax import reference_work
    from kg.lexicon import load_lexicon

    en, fr = load_lexicon("en"), load_lexicon("fr")
    doc = nlp_en("Neon bought Harbor Lights, Rosa Kettle's follow-up to her Oscar-nominated Ashfall.")
    assert reference_work(_span(doc, "Ashfall"), en)
    doc = nlp_en("Bugonia is Lanthimos's remake of the comedy Save the Green Planet, starring Emma Stone.")
    assert reference_work(_span(doc, "Save the Green Planet"), en)
    doc = nlp_fr("Canal+ lance Le Retour, la suite de Brigade nocturne.")
    assert reference_work(_span(doc, "Brigade nocturne"), fr)
    # twin: the work a passage announces is none
    doc = nlp_en("Peacock has ordered Ashfall, a drama about wildfire crews.")
    assert not reference_work(_span(doc, "Ashfall"), en)


def test_a_source_taken_up_or_a_credit_of_someone_is_a_reference(nlp_fr) -> None:
    from kg.extract.syntax import reference_work, someone_elses_credit
    from kg.lexicon import load_lexicon

    fr = load_lexicon("fr")
    doc = nlp_fr("Le cinéaste y adapte Les Nuits fauves, un roman de Cyril Collard.")
    assert reference_work(_span(doc, "Les Nuits fauves"), fr) and someone_elses_credit(_span(doc, "Les Nuits fauves"), fr)
    doc = nlp_fr("Réalisée par Cédric Klapisch, à qui l'on doit L'Auberge espagnole, la série arrive sur Arte.")
    assert reference_work(_span(doc, "L'Auberge espagnole"), fr)
    doc = nlp_fr("On lui doit aussi La Haine, sorti en 1995.")
    assert reference_work(_span(doc, "La Haine"), fr)
    doc = nlp_fr("Il retrouve le village où il avait tourné Les Saisons, son long-métrage de 2011.")
    assert reference_work(_span(doc, "Les Saisons"), fr) and not someone_elses_credit(_span(doc, "Les Saisons"), fr)
    # twins: the work a sentence is about is none
    doc = nlp_fr("Le cinéaste tourne Les Nuits fauves à Lyon.")
    assert not reference_work(_span(doc, "Les Nuits fauves"), fr)
    doc = nlp_fr("Les Saisons, son nouveau long-métrage, sort en mars.")
    assert not reference_work(_span(doc, "Les Saisons"), fr)


def test_a_work_description_never_stands_for_someone_elses_earlier_work(nlp_fr) -> None:
    found = rule_triples(nlp_fr, "Signé Céline Sciamma, déjà réalisatrice de Naissance des pieuvres, ce drame sort en mars. "
                                 "Le long-métrage est produit par Lilies Films.")
    assert ("Lilies Films", "produces", "Naissance des pieuvres") not in found
    # twin: the work the passage announces is what "le long-métrage" stands for
    found = rule_triples(nlp_fr, "Le film Portrait de la jeune fille en feu sort en mars. Le long-métrage est produit par Lilies Films.")
    assert ("Lilies Films", "produces", "Portrait de la jeune fille en feu") in found


def test_a_work_noun_names_the_title_right_after_it_whatever_the_parse(nlp_fr, nlp_en) -> None:
    """The parser hangs "Les Oubliés" on the verb, not on "film"; the title right after the
    work noun is still what the noun names."""
    fr = rule_triples(nlp_fr, "Camille Vasseur joue une avocate dans le film Les Oubliés.")
    assert ("Camille Vasseur", "actsIn", "Les Oubliés") in fr
    fr = rule_triples(nlp_fr, "Camille Vasseur tient le rôle-titre du film Les Oubliés.")
    assert ("Camille Vasseur", "actsIn", "Les Oubliés") in fr
    fr = rule_triples(nlp_fr, "Nadia Sarr prête ses traits à une juge dans la série Les Oubliés.")
    assert ("Nadia Sarr", "actsIn", "Les Oubliés") in fr
    en = rule_triples(nlp_en, "Maya Ortiz plays a lawyer in the thriller Silent Harbor.")
    assert ("Maya Ortiz", "actsIn", "Silent Harbor") in en


def test_token_words_reads_each_doc_anew_and_a_retokenized_doc_again():
    nlp = spacy.blank("fr")
    first, second = nlp("La série Lupin"), nlp("Le film Titane sort")
    assert token_words(first)[0] == ["la", "série", "lupin"]
    assert token_words(second)[0] == ["le", "film", "titane", "sort"]
    assert token_words(first)[0] == ["la", "série", "lupin"]  # not the last doc's reading
    with first.retokenize() as retok:
        retok.merge(first[1:3])
    assert token_words(first)[0] == ["la", "série lupin"]
