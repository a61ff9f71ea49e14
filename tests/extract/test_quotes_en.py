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


# Positive twins of test_no_quote, in its order: a marked quote with a named speaker.
@pytest.mark.parametrize("text, expected", [
    ("“The company will keep hiring writers,” Ted Sarandos said.", ("Ted Sarandos", "The company will keep hiring writers")),
    ("“It works,” Ted Sarandos said.", ("Ted Sarandos", "It works")),
    ('Bob Iger is clear: "The market is slowing."', ("Bob Iger", "The market is slowing")),
])
def test_no_quote_twin(nlp_en, text, expected):
    assert expected in said(nlp_en, text)


def test_a_quote_after_according_to_en(nlp_en):
    text = 'According to Lantern Pictures CEO Dana Whitfield, "the deal changes everything for us."'
    assert ("Dana Whitfield", "the deal changes everything for us") in said(nlp_en, text)
    # twin: a source cited for a figure says no quote
    assert said(nlp_en, "According to Nielsen, the show drew 4 million viewers.") == set()
