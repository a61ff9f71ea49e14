"""kg.schema: domain and range read from ontology/media.ttl, and the remapping table."""

from __future__ import annotations

import pytest

from kg.schema import REMAP, allowed, fit, load_schema


@pytest.mark.parametrize(("predicate", "subject", "obj", "expected"), [
    ("ceoOf", "Person", "Organization", True),
    ("ceoOf", "Organization", "Person", False),
    ("founderOf", "Organization", "Organization", True),  # owl:unionOf domain
    ("uses", "CreativeWork", "Concept", True),
    ("uses", "Place", "Concept", False),
    ("develops", "Organization", "CreativeWork", False),
    ("produces", "Organization", "CreativeWork", True),
    ("directedBy", "Film", "Person", True),  # a subclass fits where its superclass is expected
    ("basedOn", "Series", "Comic", True),
    ("locatedIn", "Event", "Place", True),  # widened domain
    ("locatedIn", "Person", "Place", False),
    ("said", "Person", "Quote", True),
    ("said", "Person", "Person", False),
    ("genre", "CreativeWork", "Misc", False),
    ("noSuchProperty", "Person", "Organization", False),
])
def test_allowed(predicate, subject, obj, expected):
    assert allowed(predicate, subject, obj) is expected


def test_schema_is_read_once():
    assert load_schema() is load_schema()


def test_fit_remaps_or_drops():
    assert fit("develops", "Organization", "CreativeWork") == "produces"
    assert fit("develops", "Person", "Product") == "develops"
    assert fit("headquarteredIn", "Event", "Place") == "locatedIn"
    assert fit("actsIn", "Organization", "CreativeWork") is None
    assert fit("acquires", "Organization", "Organization", subject_key="organization/a", object_key="organization/a") is None


def test_every_remapping_targets_an_ontology_property():
    schema = load_schema()
    for source, targets in REMAP.items():
        assert source in schema.properties
        assert all(t in schema.properties for t in targets)
