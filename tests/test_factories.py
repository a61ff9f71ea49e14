"""kg.factories: sentence starts allowed before the parser runs."""

from __future__ import annotations

import pytest
import spacy

from kg.factories import sentence_start_allowed


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("fr")


def starts(tokenizer, text: str) -> list[str]:
    doc = tokenizer(text)
    return [doc[i].text for i in range(1, len(doc)) if sentence_start_allowed(doc, i)]


def test_after_final_punctuation_only(tokenizer):
    assert starts(tokenizer, "Netflix grandit. Canal+ recule, dit-il.") == ["Canal+"]


def test_lowercase_word_continues_after_question_or_exclamation(tokenizer):
    # a title ending in "?" and the speech verb after a quoted question stay in their sentence
    allowed = starts(tokenizer, "Le roman Qui a peur ? de Marie Roche sort. « Pourquoi ? » demande-t-elle.")
    assert "de" not in allowed and "demande" not in allowed and "«" in allowed
    assert starts(tokenizer, "Quel succès ! Le film triomphe.") == ["Le"]


def test_camel_case_brands_may_start_a_sentence(tokenizer):
    assert starts(tokenizer, "Apple recule. iPhone et eOne progressent.") == ["iPhone"]
