"""Gazetteer matches go through the statistical NER under labels it knows (kg.nlp.stand_in_labels)
and come out with their ontology types (the kg_gazetteer_types component)."""

from __future__ import annotations

import pytest
import spacy

from kg.gazetteer import load_gazetteer
from kg.nlp import gazetteer_patterns, resolve_model

FR = "Le patron de Netflix, Ted Sarandos, a rencontré Jean Dupuis et Marc Lavoine à Cannes pour Arte."
EN = "Netflix co-CEO Ted Sarandos met John Harmon and Paula Vance in Cannes for Warner Bros. Discovery."


@pytest.mark.parametrize("lang, text", [("fr", FR), ("en", EN)])
def test_gazetteer_names_keep_their_types_and_the_ner_keeps_its_labels(request, lang, text):
    nlp = request.getfixturevalue(f"nlp_{lang}")
    stock = spacy.load(resolve_model(lang)).get_pipe("ner").labels
    doc = nlp(text)
    found = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert found["Netflix"] == ("Organization", "Organization|Netflix")
    assert found["Ted Sarandos"] == ("Person", "Person|Ted Sarandos")
    assert found["Cannes"][0] == "Place"
    # an unknown label on a preset entity would add NER actions (and cost on every later document)
    assert nlp.get_pipe("ner").labels == stock
    assert {m.text: m.type for m in doc._.mentions if m.source == "gazetteer"}["Netflix"] == "Organization"


def test_the_ner_finds_the_same_other_names_as_with_ontology_labels(nlp_fr):
    """The labels a gazetteer match goes through the NER as change none of the NER's own entities."""
    old = spacy.load(resolve_model("fr"))
    ruler = old.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    with old.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns(load_gazetteer(), "fr"))
    texts = [FR, "Produite par Canal+, la série Les Veilleurs réunit Omar Sy et Léa Drucker, "
                 "sous la direction de Paul Girard, pour HBO Max et Arte."]
    with nlp_fr.select_pipes(disable=["kg_mentions", "kg_relations"]):
        new_docs = list(nlp_fr.pipe(texts))
    for new, was in zip(new_docs, old.pipe(texts)):
        assert [(e.start, e.end, e.label_) for e in new.ents] == [(e.start, e.end, e.label_) for e in was.ents]
        assert any(not e.ent_id_ for e in new.ents)  # the NER found names of its own
