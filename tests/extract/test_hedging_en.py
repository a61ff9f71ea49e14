"""English hedges: negation, modals, rumours, cancellations and denials give no triple."""

from __future__ import annotations

import pytest


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


def test_plain_fact_is_kept(nlp_en):
    assert "acquires" in predicates(nlp_en, "Netflix acquired Ubisoft last year.")
