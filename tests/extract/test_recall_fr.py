"""French recall patterns: misparsed passives, coordinated roles, flat appositions,
salient definite descriptions, "TITRE de PERSONNE", genre descriptions, retyped names."""

from __future__ import annotations

import pytest

from tests.extract._helpers import fr_triples


@pytest.mark.parametrize("text, expected", [
    # passive whose subject the parser labels nsubj / expl:subj
    ("La Nuit bleue sort en mai. Le film a été produit par Gaumont.", ("Gaumont", "produces", "La Nuit bleue")),
    # a participle tagged as a noun ("produit par"), and its coordinated participle
    ("Dans La Nuit bleue, une actrice brille. Le film, produit par Gaumont et distribué par Pathé, sort en mai.",
     ("Pathé", "distributes", "La Nuit bleue")),
    # coordinated roles share holder and organisation
    ("Marie Lenoir, cofondatrice et directrice générale de Gaumont, a pris la parole.",
     ("Marie Lenoir", "founderOf", "Gaumont")),
    ("Marie Lenoir, cofondatrice et directrice générale de Gaumont, a pris la parole.",
     ("Marie Lenoir", "ceoOf", "Gaumont")),
    # a flat apposition the parser mangled: "X, ROLE chez Y"
    ("Lors du salon, à Lyon, Paul Girard, analyste chez Gaumont, a commenté les chiffres.",
     ("Paul Girard", "worksFor", "Gaumont")),
    # "la série X de Y" skipped, but "X, du cinéaste Y" is the director
    ("Le jury a salué La Nuit bleue, du cinéaste Paul Girard.", ("La Nuit bleue", "directedBy", "Paul Girard")),
    ("Elle a lu le roman La Nuit bleue de Paul Girard.", ("La Nuit bleue", "author", "Paul Girard")),
    # a definite description refers to the topic (subject), not the nearest organisation
    ("Gaumont a noué un partenariat avec Netflix. « C'est une étape », a déclaré Paul Girard, vice-président du studio.",
     ("Paul Girard", "worksFor", "Gaumont")),
])
def test_recall_patterns(nlp_fr, text, expected):
    assert expected in fr_triples(text)


def test_lemma_left_unchanged(nlp_fr):
    # "joue" is often lemmatised as itself; the frame matches the inflected form
    found = fr_triples("La série Les Veilleurs, dans laquelle joue Omar Sy, revient en mai.")
    assert ("Omar Sy", "actsIn", "Les Veilleurs") in found


def test_definite_genre_description(nlp_fr):
    found = fr_triples("Jean Dujardin joue dans Le Masque, série coproduite par Gaumont. "
                       "Cette comédie policière se déroule en Bretagne.")
    assert ("Le Masque", "genre", "comédie policière") in found
    assert ("Gaumont", "produces", "Le Masque") in found


def test_company_noun_retypes_place(nlp_fr):
    found = fr_triples("Le studio d'animation Orléa, basé à Nantes, s'appuie sur Blender.")
    assert any(p == "headquarteredIn" and s == "Orléa" for s, p, _ in found)


@pytest.mark.parametrize("text, predicate", [
    # no person right after "de": no director
    ("Le jury a salué La Nuit bleue, de Gaumont.", "directedBy"),
    # a series' "de" is unclear (creator, showrunner): nothing
    pytest.param("Elle regarde la série Les Veilleurs de Paul Girard.", "directedBy",
                 marks=pytest.mark.xfail(strict=True, reason="the rules leave it; the relation scorer retrained "
                                         "in session 15 reads a series' 'de' person as its director (p 0.76)")),
    # a hedged passive stays hedged
    ("Le film pourrait être produit par Gaumont.", "produces"),
    # a role before "et" does not borrow an organisation across a separate noun phrase
    ("Paul Girard, analyste, et le patron de Gaumont ont parlé.", "worksFor"),
])
def test_recall_negatives(nlp_fr, text, predicate):
    assert predicate not in {p for _, p, _ in fr_triples(text)}


# Positive twins of test_recall_negatives, in its order.
@pytest.mark.parametrize("text, expected", [
    ("Le jury a salué La Nuit bleue, de Paul Girard.", ("La Nuit bleue", "directedBy", "Paul Girard")),
    ("Elle regarde le film Les Veilleurs de Paul Girard.", ("Les Veilleurs", "directedBy", "Paul Girard")),
    ("Le film La Nuit bleue a été produit par Gaumont.", ("Gaumont", "produces", "La Nuit bleue")),
    ("Paul Girard, analyste chez Gaumont, et le patron de Pathé ont parlé.", ("Paul Girard", "worksFor", "Gaumont")),
])
def test_recall_negatives_twin(nlp_fr, text, expected):
    assert expected in fr_triples(text)


def test_relative_after_participle_agent(nlp_fr):
    # "la société fondée par X, qui produit Y": the company produces Y, not X
    found = fr_triples("Gaumont a présenté ses résultats. La société fondée par Paul Girard, qui produit "
                       "la série Les Veilleurs, recrute.")
    assert ("Paul Girard", "produces", "Les Veilleurs") not in found


def test_relative_after_participle_agent_twin(nlp_fr):
    """Twin of the test above: the relative clause gives "produces" to the company, and to a
    person when the person is its head."""
    found = fr_triples("Gaumont a présenté ses résultats. La société fondée par Paul Girard, qui produit "
                       "la série Les Veilleurs, recrute.")
    assert ("Gaumont", "produces", "Les Veilleurs") in found
    assert ("Paul Girard", "produces", "Les Veilleurs") in fr_triples("Paul Girard, qui produit la série Les Veilleurs, recrute.")


def test_film_of_genre_and_cast(nlp_fr):
    found = fr_triples("La Nuit bleue, le film d'horreur de Paul Girard avec Omar Sy, sort en mai.")
    assert ("La Nuit bleue", "directedBy", "Paul Girard") in found
    assert ("Omar Sy", "actsIn", "La Nuit bleue") in found


def test_participle_after_name(nlp_fr):
    # the participle after ", NAME" describes that name, not the subject of the main clause
    found = fr_triples("Omar Sy joue dans la deuxième saison de Lupin, produite par Gaumont.")
    assert ("Gaumont", "produces", "Lupin") in found
    assert not any(p == "produces" and o == "Omar Sy" for _, p, o in found)
