"""French hedges: negated, modal, conditional, rumoured, cancelled or contrasted facts give nothing."""

from __future__ import annotations

import pytest

from tests.extract._helpers import fr_triples


@pytest.mark.parametrize("text, predicate", [
    ("TF1 n'a jamais racheté Molotov.", "acquires"),
    ("Selon plusieurs médias, Gaumont pourrait relancer son offre sur Pathé.", "acquires"),
    ("Le rapprochement entre TF1 et M6 a finalement été abandonné.", "partnersWith"),
    ("Disney a démenti avoir racheté Molotov.", "acquires"),
    ("Gaumont envisage d'utiliser l'IA générative pour le doublage.", "uses"),
    ("Le studio privilégie ses propres outils plutôt que l'IA générative.", "uses"),
])
def test_hedged(nlp_fr, text, predicate):
    assert predicate not in {p for _, p, _ in fr_triples(text)}


# Positive twins of test_hedged, in its order: the same fact, asserted.
@pytest.mark.parametrize("text, expected", [
    ("TF1 a racheté Molotov.", ("TF1", "acquires", "Molotov")),
    ("Selon son PDG, Gaumont a racheté Pathé.", ("Gaumont", "acquires", "Pathé")),
    ("TF1 a finalement noué un partenariat avec M6.", ("TF1", "partnersWith", "M6")),
    ("Disney a confirmé avoir racheté Molotov.", ("Disney", "acquires", "Molotov")),
    ("Gaumont utilise l'IA générative pour le doublage.", ("Gaumont", "uses", "IA générative")),
    ("Le studio Gaumont utilise Blender plutôt que ses propres outils.", ("Gaumont", "uses", "Blender")),
])
def test_hedged_twin(nlp_fr, text, expected):
    assert expected in fr_triples(text)


@pytest.mark.parametrize("text, expected", [
    ("Netflix utilise déjà l'IA générative pour ses effets visuels.", ("Netflix", "uses", "IA générative")),
    ("Canal+ a racheté Molotov l'an dernier.", ("Canal+", "acquires", "Molotov")),
])
def test_asserted(nlp_fr, text, expected):
    assert expected in fr_triples(text)
