"""Training the relation scorer: gold reading, labelling, fitting, and the exported model
scoring as scikit-learn does. Passages are written for these tests."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.extract.scorer import NONE, RelationScorer, candidates
from kg.train import relations as train_rel
from kg.train.relations import Example, entity_of, label_for, read_passages, training_files

PASSAGES = [
    {"id": "t1", "lang": "fr", "text": "Karin Viard joue dans Les Chatouilles. Le film est réalisé par Andréa Bescond.",
     "entities": [{"text": "Karin Viard", "type": "Person"}, {"text": "Les Chatouilles", "type": "CreativeWork"},
                  {"text": "Andréa Bescond", "type": "Person", "aliases": ["Bescond"]}],
     "triples": [{"subject": "Karin Viard", "predicate": "actsIn", "object": "Les Chatouilles"},
                 {"subject": "Les Chatouilles", "predicate": "directedBy", "object": "Andréa Bescond"},
                 {"subject": "Andréa Bescond", "predicate": "said", "object": "rien"}],
     "acceptable": [{"subject": "Andréa Bescond", "predicate": "actsIn", "object": "Les Chatouilles"}]},
    {"id": "t2", "lang": "en", "text": "Skip me.", "entities": [], "triples": []},
]


@pytest.fixture()
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PASSAGES) + "\n", encoding="utf-8")
    return path


def test_passages_keep_their_relations_and_the_ignored_pairs(gold_file):
    (passage,) = read_passages(gold_file, "fr", frozenset())
    assert passage.relations[("Karin Viard", "Les Chatouilles")] == {"actsIn"}
    assert ("Andréa Bescond", "rien") not in passage.relations  # said is the rules' job
    assert ("Andréa Bescond", "Les Chatouilles") in passage.ignored
    assert read_passages(gold_file, "fr", frozenset({"t1"})) == []


def test_a_missing_gold_file_is_named(tmp_path):
    with pytest.raises(InputError, match="nothing.jsonl"):
        read_passages(tmp_path / "nothing.jsonl", "fr", frozenset())


def test_mentions_name_gold_entities_exactly_first():
    ents = [("Arte France", ()), ("Arte", ()), ("Andréa Bescond", ("Bescond",))]
    assert entity_of("Arte", ents) == "Arte"
    assert entity_of("Bescond", ents) == "Andréa Bescond"
    assert entity_of("Canal+", ents) is None


def test_labels_prefer_the_specific_relation_and_skip_only_unlabelled_ignored_pairs():
    rels = {("A", "B"): frozenset({"worksFor", "ceoOf"})}
    assert label_for(("A", "B"), rels, {("A", "B")}) == "ceoOf"
    assert label_for(("B", "A"), rels, {("B", "A")}) is None
    assert label_for(("B", "A"), rels, set()) == NONE
    assert label_for((None, "A"), rels, set()) == NONE


def test_examples_are_labelled_from_a_real_parse(nlp_fr, gold_file):
    passages = read_passages(gold_file, "fr", frozenset())
    exs = train_rel.examples(nlp_fr, passages, "fr", progress=False)
    labels = {ex.label for ex in exs}
    assert "actsIn" in labels and NONE in labels
    assert all(ex.passage == "t1" for ex in exs)


def _toy_examples() -> list[Example]:
    exs = []
    for k in range(30):
        exs.append(Example(f"p{k % 6}", ("T=Person>CreativeWork", "bw=incarner", f"noise{k % 3}", "bias"), None,
                           "actsIn", False))
        exs.append(Example(f"p{k % 6}", ("T=Person>CreativeWork", "bw=critiquer", f"noise{k % 3}", "bias"), None,
                           NONE, False))
    return exs


def test_exported_weights_score_as_scikit_learn_does():
    pytest.importorskip("sklearn")
    from kg.records import Mention
    from kg.extract.scorer import Candidate

    exs = _toy_examples()
    vec, model = train_rel.fit(exs, min_count=1, c=1.0)
    scorer = RelationScorer(train_rel.export(vec, model, 0.5, {"lang": "fr"}))
    person, work = Mention("A", 0, 1, "Person"), Mention("W", 2, 3, "CreativeWork")
    for ex in exs[:4]:
        sk = dict(zip(model.classes_, model.predict_proba(train_rel.matrix(vec, [ex]))[0]))
        ours = scorer.probabilities(Candidate(person, work, None, ex.features))
        assert ours == pytest.approx(sk, abs=0.02)
    assert scorer.best(Candidate(person, work, None, ("bw=incarner", "bias")))[0] == "actsIn"


def test_threshold_is_the_last_one_above_the_target_precision():
    pytest.importorskip("sklearn")
    choice = train_rel.choose_threshold(_toy_examples(), folds=3, min_count=1, c=1.0, precision=0.9)
    assert choice["threshold"] < 1.0  # the cue word separates the classes: some threshold qualifies
    kept = next(r for r in choice["table"] if r["threshold"] == choice["threshold"])
    assert kept["precision"] >= 0.9


def test_training_writes_a_model_the_pipeline_reads(tmp_path, gold_file, monkeypatch):
    pytest.importorskip("sklearn")
    out = tmp_path / "rel.json"
    assert train_rel.main(["--lang", "fr", "--data", str(gold_file), "--out", str(out), "--folds", "2",
                           "--min-count", "1"]) == 0
    scorer = RelationScorer.load(out)
    assert scorer.meta["passages"] == 1 and "actsIn" in scorer.labels


def test_training_reports_a_missing_file(tmp_path, capsys):
    assert train_rel.main(["--lang", "fr", "--data", str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl" in capsys.readouterr().err


def test_the_evaluation_sets_are_never_trained_on():
    for lang in ("fr", "en"):
        names = [p.name for p, _ in training_files(lang)]
        assert f"own_news_{lang}.jsonl" in names and any(n.startswith(f"train_news_{lang}") for n in names)
        assert not any(n.startswith(("heldout2", "heldout3", "heldout4", "heldout5")) for n in names)
        own = dict((p.name, skip) for p, skip in training_files(lang))[f"own_news_{lang}.jsonl"]
        assert own  # the unseen own_news passages are skipped
