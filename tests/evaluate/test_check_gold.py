"""The project's hand-written gold and training files pass the mechanical checks of the shared set."""

from pathlib import Path

import pytest

from kg.evaluate import check_gold, read_gold

DATA = Path(__file__).parents[1] / "data"
WRITTEN = (sorted(DATA.glob("train_news_*.jsonl")) + sorted(DATA.glob("own_news_*.jsonl")) + sorted(DATA.glob("heldout3_*.jsonl"))
           + sorted(DATA.glob("heldout4_*.jsonl")) + sorted(DATA.glob("heldout5_*.jsonl")))


def test_the_checks_find_each_kind_of_slip():
    row = {"id": "x", "text": "Ted Sarandos dirige Netflix, dit-il : « Nous grandissons ».",
           "entities": [{"text": "Ted Sarandos", "type": "Person"}, {"text": "Netflix", "type": "Organization"},
                        {"text": "Netfix", "type": "Organization"}, {"text": "Disney", "type": "Studio"}],
           "triples": [{"subject": "Ted Sarandos", "predicate": "ceoOf", "object": "Netflix"},
                       {"subject": "Ted Sarandos", "predicate": "said", "object": "Nous grandissons"},
                       {"subject": "Ted Sarandos", "predicate": "ceoOf", "object": "Amazon"},
                       {"subject": "Ted Sarandos", "predicate": "runs", "object": "Netflix"},
                       {"subject": "Netflix", "predicate": "said", "object": "Nous grandissons"}],
           "acceptable": [{"subject": "Ted Sarandos", "predicate": "wrksFor", "object": "Netflix"}]}
    assert check_gold(row) == [
        "entity form 'Netfix' is not in the text",
        "entity form 'Disney' is not in the text",
        "entity 'Disney' has the unknown type 'Studio'",
        "triple 3: 'Amazon' is not a declared entity",
        "triple 4: unknown predicate 'runs'",
        "triple 5: said by a Organization, not a Person",
        "acceptable triple 1: unknown predicate 'wrksFor'",
    ]
    row["entities"] = row["entities"][:2]
    row["triples"], row["acceptable"] = row["triples"][:2], []
    assert check_gold(row) == []


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: p.name)
def test_written_gold_is_consistent(path):
    problems = [f"{row['id']}: {p}" for row in read_gold(path) for p in check_gold(row)]
    assert problems == []
    assert len(read_gold(path)) >= 10


def test_heldout3_split_covers_each_passage_once():
    import json

    split = json.loads((DATA / "heldout3_split.json").read_text(encoding="utf-8"))
    ids = [row["id"] for lang in ("fr", "en") for row in read_gold(DATA / f"heldout3_{lang}.jsonl")]
    assert sorted(split["seen"] + split["unseen"]) == sorted(ids)
    assert not set(split["seen"]) & set(split["unseen"]) and len(split["unseen"]) >= 40
