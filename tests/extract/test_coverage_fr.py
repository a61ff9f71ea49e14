"""French coverage patterns: fronted phrases describing the following subject, the clitic
"y" standing for a work, complements hung on an adverbial, lost subjects, new frames."""

from __future__ import annotations

import pytest

from tests.extract._fr_helpers import fr_triples


@pytest.mark.parametrize("text, expected", [
    # a fronted participle describes the subject after the comma
    ("Fondée en 2018 à Toulouse par Claire Dumas, la plateforme Cinévox compte déjà mille abonnés.",
     ("Claire Dumas", "founderOf", "Cinévox")),
    ("Organisé chaque printemps à Nantes par l'association Kino, le Festival Écrans d'Ouest attire la foule.",
     ("Festival Écrans d'Ouest", "locatedIn", "Nantes")),
    ("Portée par Omar Sy et Léa Drucker, la série Les Veilleurs revient en mai.",
     ("Léa Drucker", "actsIn", "Les Veilleurs")),
    # a fronted role phrase
    ("À la tête de Gaumont depuis 2010, Sidonie Dumas a présenté le catalogue.",
     ("Sidonie Dumas", "leads", "Gaumont")),
    # a fronted "premier film de X"
    ("Premier film de Paul Girard, La Nuit bleue sortira en mai.",
     ("La Nuit bleue", "directedBy", "Paul Girard")),
    # the clitic "y" stands for the work of the previous sentence
    ("La Nuit bleue se déroule à Marseille. Omar Sy et Léa Drucker y incarnent deux policiers.",
     ("Léa Drucker", "actsIn", "La Nuit bleue")),
    # a complement hung on an adverbial
    ("La série Les Veilleurs est diffusée depuis mars sur Arte.", ("Arte", "distributes", "Les Veilleurs")),
    # new frames
    ("Le groupe Gaumont a mis la main sur Pixel Rouge, un studio installé à Nantes.",
     ("Gaumont", "acquires", "Pixel Rouge")),
    ("Le réalisateur Paul Girard a rejoint Gaumont l'an dernier.", ("Paul Girard", "worksFor", "Gaumont")),
])
def test_coverage_patterns(nlp_fr, text, expected):
    assert expected in fr_triples(text)


def test_fronted_role_not_current(nlp_fr):
    # "Ancien de X" is no current role
    found = fr_triples("Ancien de Pixar, le chef animateur Paul Girard travaille sur un nouveau film.")
    assert not any(p in ("leads", "worksFor", "ceoOf") and o == "Pixar" for _, p, o in found)


def test_fronted_participle_negated(nlp_fr):
    found = fr_triples("Jamais rachetée par Gaumont, la société Pixel Rouge reste indépendante.")
    assert ("Gaumont", "acquires", "Pixel Rouge") not in found


def test_pending_acquisition_noun_subject(nlp_fr):
    found = fr_triples("L'acquisition de Pixel Rouge par le groupe Gaumont reste suspendue à l'accord de l'Arcom.")
    assert ("Gaumont", "acquires", "Pixel Rouge") not in found


def test_rejoindre_cast_is_not_employer(nlp_fr):
    found = fr_triples("Omar Sy a rejoint la distribution de la série Les Veilleurs.")
    assert not any(p == "worksFor" for _, p, _ in found)
