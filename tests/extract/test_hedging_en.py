"""English hedges: negation, modals, rumours, cancellations and denials give no triple."""

from __future__ import annotations

import pytest

from tests.extract._helpers import rule_triples, triples


def predicates(nlp, text: str) -> set[str]:
    return {r.predicate for r in nlp(text)._.relations}


@pytest.mark.parametrize("text", [
    "Netflix might acquire Ubisoft next year.",
    "Netflix did not acquire Ubisoft.",
    "Netflix would acquire Ubisoft if regulators agreed.",
    "Disney is in talks to buy Ubisoft, according to people familiar with the matter.",
    "Tencent abandoned its plan to acquire Ubisoft.",
    "Tencent denied that it had acquired Ubisoft.",
    "Tencent plans to acquire Ubisoft.",
])
def test_hedged(nlp_en, text):
    assert "acquires" not in predicates(nlp_en, text)


# Positive twins of test_hedged, in its order: the same fact, asserted.
@pytest.mark.parametrize("text, expected", [
    ("Netflix acquired Ubisoft last year.", ("Netflix", "acquires", "Ubisoft")),
    ("Netflix did acquire Ubisoft.", ("Netflix", "acquires", "Ubisoft")),
    ("Netflix acquired Ubisoft after regulators agreed.", ("Netflix", "acquires", "Ubisoft")),
    ("Disney bought Ubisoft, according to a company statement.", ("Disney", "acquires", "Ubisoft")),
    ("Netflix completed its acquisition of Ubisoft.", ("Netflix", "acquires", "Ubisoft")),
    ("Tencent completed its acquisition of Ubisoft.", ("Tencent", "acquires", "Ubisoft")),
    ("Netflix confirmed that it had acquired Ubisoft.", ("Netflix", "acquires", "Ubisoft")),
    ("Tencent confirmed that it had acquired Ubisoft.", ("Tencent", "acquires", "Ubisoft")),
    ("Netflix acquires Ubisoft.", ("Netflix", "acquires", "Ubisoft")),
    ("Tencent acquired Ubisoft.", ("Tencent", "acquires", "Ubisoft")),
])
def test_hedged_twin(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_plain_fact_is_kept(nlp_en):
    assert "acquires" in predicates(nlp_en, "Netflix acquired Ubisoft last year.")


@pytest.mark.parametrize("text, expected", [
    # a production's credits and release announced in the future are decided facts (lexicon hedge.future_facts)
    ("Peacock has ordered Ashfall, a drama about wildfire crews. Rosa Kettle will play a smokejumper.",
     ("Rosa Kettle", "actsIn", "Ashfall")),
    ("Peacock has ordered Ashfall. The film will be released by Magnolia Pictures.",
     ("Magnolia Pictures", "distributes", "Ashfall")),
    # and a schedule is no modal for them (hedge.scheduled), the passive's subject acting
    ("Peacock has ordered Ashfall, a drama about wildfire crews. Rosa Kettle is set to headline the series.",
     ("Rosa Kettle", "actsIn", "Ashfall")),
    # "set" that governs no verb is no modal: "Written by X, the drama is set in Boston"
    ("Harlow Street is a drama about nurses. Written by Rosa Kettle, the drama is set in Boston.",
     ("Harlow Street", "author", "Rosa Kettle")),
])
def test_decided_future_facts_are_kept(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


@pytest.mark.parametrize("text", [
    # twins: a deal in the future or on a schedule stays planned
    "Netflix will acquire Norvik Films.",
    "Netflix is set to acquire Norvik Films.",
])
def test_planned_deals_stay_hedged(nlp_en, text):
    assert "acquires" not in predicates(nlp_en, text)
    assert "acquires" in predicates(nlp_en, "Netflix acquired Norvik Films.")


def test_a_coordinated_clause_with_its_own_subject_is_not_under_the_first_clauses_modal(nlp_en):
    # "vote" is a modal over what it governs ("voted to buy"), not over "and Y took Z"
    found = rule_triples(nlp_en, "Top Boy was voted best drama series, and Jasmine Jobson took Best Supporting Actress.")
    assert ("Jasmine Jobson", "wonAward", "Best Supporting Actress") in found
    # twin: the modal still holds over its own complement
    assert not any(p == "acquires" for _, p, _ in rule_triples(nlp_en, "Paramount voted to buy Lumen Studios."))
