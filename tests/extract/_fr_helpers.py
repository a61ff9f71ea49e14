"""Helpers shared by the French extraction tests: run text through the whole pipeline
(nlp, extract, resolve) and return resolved ``(subject, predicate, object)`` labels."""

from __future__ import annotations

from kg.pipeline import extract_documents
from kg.records import Document


def fr_triples(text: str) -> set[tuple[str, str, str]]:
    """Resolved triples of a French text."""
    (extraction,) = extract_documents([Document(id="t", text=text, lang="fr")])
    return {(t.subject.label, t.predicate, t.object.label) for t in extraction.triples}


def predicates(text: str) -> set[str]:
    """The predicates extracted from a French text."""
    return {p for _, p, _ in fr_triples(text)}
