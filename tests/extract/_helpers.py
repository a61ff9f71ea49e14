"""Helpers shared by the extraction tests.

``fr_triples`` runs a French text through the whole pipeline (nlp, extract, resolve) and
returns resolved labels; the others read what the spaCy components stored on a ``Doc``.
"""

from __future__ import annotations

from kg.pipeline import extract_documents
from kg.records import Document


def fr_triples(text: str) -> set[tuple[str, str, str]]:
    """Resolved ``(subject, predicate, object)`` labels of a French text."""
    (extraction,) = extract_documents([Document(id="t", text=text, lang="fr")])
    return {(t.subject.label, t.predicate, t.object.label) for t in extraction.triples}


def predicates(text: str) -> set[str]:
    """The predicates extracted from a French text."""
    return {p for _, p, _ in fr_triples(text)}


def triples(nlp, text: str) -> set[tuple[str, str, str]]:
    """Unresolved relations stored by the pipeline ``nlp`` on ``text``: surface forms."""
    return {(r.subject.text, r.predicate, r.object.text) for r in nlp(text)._.relations}


def mention_types(nlp, text: str) -> dict[str, str]:
    """Typed mentions of ``text``: surface form -> ontology class."""
    return {m.text: m.type for m in nlp(text)._.mentions}


def rule_triples(nlp, text: str) -> set[tuple[str, str, str]]:
    """:func:`triples` the rules found, without the trained scorer's."""
    return {(r.subject.text, r.predicate, r.object.text) for r in nlp(text)._.relations if not r.rule.startswith("scorer.")}
