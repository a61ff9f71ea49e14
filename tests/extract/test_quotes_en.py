"""English direct quotes: speech verb after, before, pronoun speakers; no indirect speech."""

from __future__ import annotations

import pytest


def said(nlp, text: str) -> set[tuple[str, str]]:
    return {(r.subject.text, r.object.text) for r in nlp(text)._.relations if r.predicate == "said"}


@pytest.mark.parametrize("text, expected", [
    ("“We are thrilled with the results,” said Ted Sarandos.", ("Ted Sarandos", "We are thrilled with the results")),
    ("Ted Sarandos said: “The future of film is bright.”", ("Ted Sarandos", "The future of film is bright")),
    ('Greta Gerwig told reporters: "Making this film was a joy."', ("Greta Gerwig", "Making this film was a joy")),
    # no speech verb: the clause the colon ends gives the speaker
    ('Bob Iger was blunt: "We will not sell ABC."', ("Bob Iger", "We will not sell ABC")),
])
def test_quote_found(nlp_en, text, expected):
    assert expected in said(nlp_en, text)


@pytest.mark.parametrize("text", [
    "Ted Sarandos said the company would keep hiring writers.",
    "“It works,” a spokesperson said.",
    'The report is clear: "The market is slowing."',
])
def test_no_quote(nlp_en, text):
    assert said(nlp_en, text) == set()
