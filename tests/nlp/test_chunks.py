"""Long texts: parsed in pieces cut at paragraph/sentence/whitespace boundaries, with the
offsets of mentions and evidence shifted back into the whole document."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.nlp import CHUNK_CHARS, pipe_records, split_text
from kg.pipeline import extract_documents
from kg.records import Document

FILLER = ("Les plateformes de vidéo à la demande multiplient les annonces cette saison. Les chaînes historiques "
          "répondent par des offres gratuites financées par la publicité, et les producteurs indépendants "
          "cherchent de nouveaux partenaires pour financer leurs séries.\n\n"
          "Dans les salles, la fréquentation reste inférieure à son niveau d'avant la crise, mais les films "
          "d'animation attirent un public familial fidèle pendant les vacances scolaires.\n\n")
FACT = "Le patron de Netflix, Ted Sarandos, a reconnu que la concurrence était rude."


def check_relation(text: str, r) -> None:
    """The evidence and both mentions are found in the full text at their offsets."""
    assert text[r.sent_start:r.sent_start + len(r.sentence)] == r.sentence
    assert text[r.subject.start:r.subject.end] == r.subject.text
    assert text[r.object.start:r.object.end] == r.object.text
    assert r.sent_start <= r.subject.start and r.subject.end <= r.sent_start + len(r.sentence)


# --------------------------------------------------------------------------- split_text


@pytest.mark.parametrize("text, limit, pieces", [
    ("Un. Deux.\n\nTrois. Quatre.", 16, ["Un. Deux.\n\n", "Trois. Quatre."]),  # paragraph
    ("Un deux. Trois quatre. Cinq.", 18, ["Un deux. ", "Trois quatre. ", "Cinq."]),  # sentence
    ("un deux trois quatre", 9, ["un deux ", "trois ", "quatre"]),  # whitespace
    ("abcdefgh", 3, ["abc", "def", "gh"]),  # nothing to cut at
    ("court", 100, ["court"]),
])
def test_split_text_prefers_paragraphs_then_sentences_then_spaces(text, limit, pieces):
    assert [p for _, p in split_text(text, limit)] == pieces


@given(st.text(alphabet=st.sampled_from("ab .\n\t«»é"), max_size=400), st.integers(min_value=1, max_value=60))
def test_split_text_pieces_rebuild_the_text_within_the_limit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(p for _, p in pieces[:-1])  # no empty piece but possibly the last


# --------------------------------------------------------------------------- offsets after pieces


def test_fact_after_many_pieces_keeps_its_offsets(nlp_fr):
    text = FILLER * 60 + FACT + "\n\n" + FILLER * 2  # ~27,000 characters: 6 pieces of up to 5,000
    assert len(split_text(text, 5_000)) >= 5
    (mentions, relations, error), = list(pipe_records(nlp_fr, [text], limit=5_000))
    assert error is None
    ceo = [r for r in relations if r.predicate == "ceoOf"]
    assert [(r.subject.text, r.object.text) for r in ceo] == [("Ted Sarandos", "Netflix")]
    check_relation(text, ceo[0])
    assert ceo[0].sent_start == text.index(FACT)
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_short_and_long_texts_keep_their_order(nlp_fr):
    long = FILLER * 30 + FACT
    short = "Le patron de Canal+, Maxime Saada, a parlé."
    got = list(pipe_records(nlp_fr, [short, long, short], limit=4_000))
    assert len(got) == 3
    pairs = [[(r.subject.text, r.object.text) for r in rels if r.predicate == "ceoOf"] for _, rels, _ in got]
    assert pairs == [[("Maxime Saada", "Canal+")], [("Ted Sarandos", "Netflix")], [("Maxime Saada", "Canal+")]]


def test_a_200000_character_token_does_not_crash(nlp_fr):
    text = FACT + " " + "x" * 200_000 + "\n\nLe patron de Canal+, Maxime Saada, a parlé."
    assert len(text) > CHUNK_CHARS  # extract_documents goes through the pieces
    (x,) = list(extract_documents([Document(id="long-token", text=text, lang="fr")]))
    got = {(t.subject.label, t.predicate, t.object.label) for t in x.triples}
    assert {("Ted Sarandos", "ceoOf", "Netflix"), ("Maxime Saada", "ceoOf", "Canal+")} <= got
    for t in x.triples:
        assert text[t.evidence.start:t.evidence.end] == t.evidence.sentence


@pytest.mark.slow
@pytest.mark.timeout(3600)  # ~5 min of CPU; on a shared machine much more wall-clock time
def test_a_3_mb_article_is_extracted_with_offsets_into_the_whole_text():
    """spaCy refuses texts over 1,000,000 characters (E088): the article goes in pieces."""
    body = FILLER * (3_000_000 // len(FILLER))
    text = body + FACT + "\n\n" + FILLER
    assert len(text) > 3_000_000
    (x,) = list(extract_documents([Document(id="big", text=text, lang="fr")]))
    ceo = [t for t in x.triples if t.predicate == "ceoOf"]
    assert [(t.subject.label, t.object.label) for t in ceo] == [("Ted Sarandos", "Netflix")]
    ev = ceo[0].evidence
    assert ev.start == text.index(FACT) and text[ev.start:ev.end] == ev.sentence
    check_relation(text, ev)
