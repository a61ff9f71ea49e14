"""Train the relation scorer shipped in ``kg/models/relations_{lang}.json``.

Each gold passage is run through the media-kg pipeline; every candidate pair of mentions
(:func:`kg.extract.scorer.candidates`) is labelled with the gold relation between the two
entities its mentions name (the shared scoring's lenient name matching), or ``none``. A
pair whose relation the gold marks ``acceptable`` or ``optional`` is left out. This is
distant supervision: a pair that holds a relation stated in another sentence of the passage
is labelled with it too.

A multinomial logistic regression (scikit-learn, the ``train`` extra) is fitted on the
binary features; features seen fewer than ``--min-count`` times are dropped. The decision
threshold is chosen on out-of-fold probabilities (folds by passage): going down from 0.95
in steps of 0.05, the last one before the added candidates (those no rule linked) fall
below ``--precision`` on the folds (judged once at least :data:`MIN_JUDGED` are added). A
relation whose own additions fall below ``--precision`` at that threshold (again judged from
:data:`MIN_JUDGED`) is not added at run time. The weights are written as sparse JSON, read at
run time without scikit-learn.

Data (the ``../shared`` files are read at training time, never copied into the repository):

- ``../shared/eval/dev_{lang}.jsonl``, ``../shared/eval/seed.jsonl`` (its ``lang`` records),
  ``../shared/eval/news_dev_{lang}.jsonl`` minus the unseen passages of
  ``tests/data/news_dev_split.json``;
- ``tests/data/heldout_{lang}.jsonl``, ``tests/data/own_news_{lang}.jsonl`` minus the unseen
  passages of ``tests/data/own_news_split.json``, and ``tests/data/train_news_{lang}*.jsonl``
  (passages written for training).

``tests/data/heldout2_*`` to ``tests/data/heldout5_*`` (written for evaluation by helpers who had
not read the rules) and the unseen passages are never trained on.

Usage::

    python -m kg.train.relations --lang fr          # writes kg/models/relations_fr.json

Example:
    >>> label_for(("Ted Sarandos", "Netflix"), {("Ted Sarandos", "Netflix"): {"ceoOf", "leads"}}, set())
    'ceoOf'
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import Errors, InputError
from kg.evaluate import names_match, normalise
from kg.extract.credits import current_work
from kg.extract.scorer import (NONE, SCORER_RULE, candidates, lexicon_classes, linked_pairs, model_path, pair_key,
                               scored_predicates)
from kg.extract.syntax import Context
from kg.lexicon import load_lexicon
from kg.train.ner import REPO, SHARED, gold_rows, unseen_ids

#: Which relation a pair gets when the gold gives it several (the most specific first).
SPECIFIC_FIRST = ("ceoOf", "leads", "founderOf", "worksFor", "acquires", "subsidiaryOf", "directedBy", "author",
                  "actsIn", "produces", "distributes", "develops", "wonAward", "setIn", "headquarteredIn",
                  "locatedIn", "basedOn", "partnersWith", "uses")
#: Added candidates below which an out-of-fold precision under the target is not judged a failure.
MIN_JUDGED = 10
OWN_SPLIT = REPO / "tests" / "data" / "own_news_split.json"


def training_files(lang: str) -> list[tuple[Path, frozenset[str]]]:
    """The gold files for ``lang`` with the ids each must skip.

    Example:
        >>> [p.name for p, _ in training_files("fr")][:3]
        ['dev_fr.jsonl', 'seed.jsonl', 'news_dev_fr.jsonl']
    """
    data = REPO / "tests" / "data"
    own_unseen = frozenset(json.loads(OWN_SPLIT.read_text(encoding="utf-8"))["unseen"]) if OWN_SPLIT.is_file() \
        else frozenset()
    news_unseen = unseen_ids()
    files = [(SHARED / "eval" / f"dev_{lang}.jsonl", frozenset()), (SHARED / "eval" / "seed.jsonl", frozenset()),
             (SHARED / "eval" / f"news_dev_{lang}.jsonl", news_unseen),
             (data / f"heldout_{lang}.jsonl", frozenset()), (data / f"own_news_{lang}.jsonl", own_unseen)]
    files += [(p, frozenset()) for p in sorted(data.glob(f"train_news_{lang}*.jsonl"))]
    return files


@dataclass(frozen=True, slots=True)
class Passage:
    """One gold passage: its text, entities and relations between entity names."""

    id: str
    text: str
    entities: tuple[tuple[str, tuple[str, ...]], ...]
    relations: dict[tuple[str, str], frozenset[str]]
    ignored: frozenset[tuple[str, str]]


def read_passages(path: Path, lang: str, skip: frozenset[str]) -> list[Passage]:
    """The passages of a gold file in ``lang``, minus ``skip``.

    Raises:
        InputError: ``E130`` if the file is missing; ``E004`` for a malformed line.
    """
    if not path.is_file():
        raise InputError(Errors.E130.format(path=path, needs="the relation scorer trains on the gold files"))
    out = []
    for number, row in gold_rows(path):
        if not isinstance(row, dict) or row.get("lang", lang) != lang or row.get("id") in skip \
                or not row.get("text"):
            continue
        ents = tuple((e["text"], tuple(e.get("aliases") or ())) for e in row.get("entities") or ())
        rels: dict[tuple[str, str], set[str]] = {}
        for t in row.get("triples") or ():
            if t.get("optional"):
                continue
            for form in (t, *(t.get("alt") or ())):
                pred = form.get("predicate", t["predicate"])
                if pred in scored_predicates():
                    rels.setdefault((form.get("subject", t["subject"]), form.get("object", t["object"])),
                                    set()).add(pred)
                    if pred == "partnersWith":
                        rels.setdefault((form.get("object", t["object"]), form.get("subject", t["subject"])),
                                        set()).add(pred)
        ignored = {(t["subject"], t["object"]) for t in row.get("acceptable") or ()}
        ignored |= {(t["subject"], t["object"]) for t in row.get("triples") or () if t.get("optional")}
        out.append(Passage(str(row.get("id") or f"{path.stem}:{number}"), row["text"], ents,
                           {k: frozenset(v) for k, v in rels.items()}, frozenset(ignored)))
    return out


def entity_of(mention: str, entities: Iterable[tuple[str, tuple[str, ...]]]) -> str | None:
    """The gold entity a mention names: an exact form first, else a lenient match.

    Example:
        >>> entity_of("Sarandos", [("Ted Sarandos", ()), ("Netflix", ())])
        'Ted Sarandos'
    """
    key = normalise(mention)
    entities = list(entities)
    for text, aliases in entities:
        if any(normalise(f) == key for f in (text, *aliases)):
            return text
    for text, aliases in entities:
        if any(names_match(f, mention) for f in (text, *aliases)):
            return text
    return None


def label_for(pair: tuple[str | None, str | None], relations: dict[tuple[str, str], frozenset[str]],
              ignored: set | frozenset) -> str | None:
    """The gold label of a pair of entities, ``none``, or None when the pair is to be left out."""
    if pair[0] is None or pair[1] is None:
        return NONE
    preds = relations.get(pair)  # type: ignore[arg-type]
    if not preds:
        return None if pair in ignored else NONE
    return min(preds, key=lambda p: SPECIFIC_FIRST.index(p) if p in SPECIFIC_FIRST else len(SPECIFIC_FIRST))


@dataclass(slots=True)
class Example:
    """One labelled candidate."""

    passage: str
    features: tuple[str, ...]
    dense: object  # numpy vector, or None without word vectors
    label: str
    linked: bool  # a rule already linked the pair


def examples(nlp, passages: list[Passage], lang: str, *, progress: bool = True) -> list[Example]:
    """Run the pipeline on the passages and label every candidate."""
    lex = load_lexicon(lang)
    out: list[Example] = []
    started = time.perf_counter()
    for k, (passage, doc) in enumerate(zip(passages, nlp.pipe(p.text for p in passages)), 1):
        linked = linked_pairs(r for r in doc._.relations if not r.rule.startswith(SCORER_RULE))  # the rules' links
        ents = {}
        ctx = Context(doc, doc._.mentions or [], lex)
        for cand in candidates(doc, ctx.mentions, current_work(ctx), pronoun=ctx.subject_pronoun,
                               classes=lexicon_classes(lex)):
            for m in (cand.subject, cand.object):
                if (m.start, m.end) not in ents:
                    ents[(m.start, m.end)] = entity_of(m.text, passage.entities)
            pair = (ents[(cand.subject.start, cand.subject.end)], ents[(cand.object.start, cand.object.end)])
            label = label_for(pair, passage.relations, passage.ignored)
            if label is None:
                continue
            out.append(Example(passage.id, cand.features, cand.dense, label, pair_key(cand.subject, cand.object) in linked))
        if progress and (k % 20 == 0 or k == len(passages)):
            rate = k / (time.perf_counter() - started)
            print(f"  passages {k}/{len(passages)}  {rate:.1f}/s  eta {(len(passages) - k) / rate:.0f}s",
                  file=sys.stderr)
    return out


def fit(train: list[Example], *, min_count: int, c: float):
    """Fit the logistic model; returns (vectoriser, model)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for ex in train for f in set(ex.features))
    vec = DictVectorizer()
    vec.fit([{f: 1 for f in ex.features if counts[f] >= min_count} for ex in train])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix(vec, train), [ex.label for ex in train])
    return vec, model


def matrix(vec, exs: list[Example]):
    """The feature matrix: binary features, then the dense word-vector block (if any)."""
    from scipy.sparse import csr_matrix, hstack

    x = vec.transform([{f: 1 for f in ex.features} for ex in exs])
    import numpy as np

    width = max((len(ex.dense) for ex in exs if ex.dense is not None), default=0)
    if not width:
        return x
    dense = np.stack([ex.dense if ex.dense is not None else np.zeros(width, dtype="float32") for ex in exs])
    return hstack([x, csr_matrix(dense)]).tocsr()


def choose_threshold(exs: list[Example], *, folds: int, min_count: int, c: float, precision: float) -> dict:
    """Out-of-fold probabilities by passage: the threshold (see the module docstring), what
    is added at each threshold, and the relations whose additions at the chosen threshold
    reach ``precision`` on their own, or are added too rarely to judge (``enabled``: the only
    ones the scorer adds)."""
    ids = sorted({ex.passage for ex in exs})
    fold_of = {pid: k % folds for k, pid in enumerate(ids)}
    scored: list[tuple[float, str, str]] = []  # (probability, predicted, gold) for unlinked candidates
    for k in range(folds):
        train = [ex for ex in exs if fold_of[ex.passage] != k]
        test = [ex for ex in exs if fold_of[ex.passage] == k and not ex.linked]
        if not test:
            continue
        vec, model = fit(train, min_count=min_count, c=c)
        probs = model.predict_proba(matrix(vec, test))
        labels = list(model.classes_)
        for ex, row in zip(test, probs):
            best = max((j for j, lab in enumerate(labels) if lab != NONE), key=lambda j: row[j])
            scored.append((float(row[best]), str(labels[best]), ex.label))
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr)
    table = []
    chosen, falling = 1.0, False
    for t in [x / 100 for x in range(95, 14, -5)]:
        kept = [(pred, gold) for p, pred, gold in scored if p >= t]
        right = sum(pred == gold for pred, gold in kept)
        table.append({"threshold": t, "added": len(kept), "right": right,
                      "precision": round(right / len(kept), 3) if kept else None})
        if len(kept) >= MIN_JUDGED and not falling:
            if right / len(kept) >= precision:
                chosen = t
            else:
                falling = True  # the first threshold below the target ends the search
        elif kept and not falling and right / len(kept) >= precision:
            chosen = t  # too few to judge a failure; a success counts
    positives = sum(gold != NONE for _, _, gold in scored)
    per_label: dict[str, dict[str, int]] = {}
    labels_seen = sorted({ex.label for ex in exs})
    for p, pred, gold in scored:
        if p >= chosen:
            row = per_label.setdefault(str(pred), {"added": 0, "right": 0})
            row["added"] += 1
            row["right"] += pred == gold
    thresholds = label_thresholds(scored, chosen, precision)
    enabled = sorted(str(lab) for lab in labels_seen
                     if lab != NONE and (per_label.get(lab, {}).get("added", 0) < MIN_JUDGED or lab in thresholds))
    return {"threshold": chosen, "table": table, "unlinked_positives": positives, "per_label": per_label,
            "enabled": enabled, "thresholds": thresholds}


def label_thresholds(scored: list[tuple[float, str, str]], start: float, precision: float) -> dict[str, float]:
    """Per relation, the lowest threshold from ``start`` up (steps of 0.05) at which its own
    out-of-fold additions (``scored``: probability, predicted, gold) reach ``precision``, judged
    once at least :data:`MIN_JUDGED` are added; a relation that never does is left out.

    Example:
        >>> scored = [(0.3, "ceoOf", "none")] * 12 + [(0.8, "ceoOf", "ceoOf")] * 10
        >>> label_thresholds(scored, 0.25, 0.5)
        {'ceoOf': 0.35}
    """
    out: dict[str, float] = {}
    for lab in sorted({pred for _, pred, _ in scored}):
        mine = [(p, pred == gold) for p, pred, gold in scored if pred == lab]
        t = start
        while t <= 0.951:
            kept = [right for p, right in mine if p >= t]
            if len(kept) < MIN_JUDGED:
                break
            if sum(kept) >= precision * len(kept):
                out[lab] = round(t, 2)
                break
            t += 0.05
    return out


def export(vec, model, threshold: float, meta: dict, enabled: list[str] | None = None,
           thresholds: dict[str, float] | None = None) -> dict:
    """The model as sparse JSON: per feature, the non-negligible weight of each label; the
    relations it may add (all but ``none`` unless ``enabled`` says otherwise)."""
    import numpy as np

    labels = [str(c) for c in model.classes_]
    coef, intercept = model.coef_, model.intercept_
    if len(labels) == 2:  # scikit-learn keeps one row for two classes: the softmax of (-z/2, z/2) is its sigmoid
        coef, intercept = np.vstack([-coef / 2, coef / 2]), np.concatenate([-intercept / 2, intercept / 2])
    names = len(vec.feature_names_)
    dense = [[round(float(w), 4) for w in coef[k, names:]] for k in range(len(labels))] \
        if coef.shape[1] > names else []
    weights: dict[str, dict[str, float]] = {}
    for j, name in enumerate(vec.feature_names_):
        row = {str(k): round(float(coef[k, j]), 4) for k in range(len(labels)) if abs(coef[k, j]) >= 0.005}
        if row:
            weights[name] = row
    enabled = [lab for lab in labels if lab != NONE] if enabled is None else list(enabled)
    return {"labels": labels, "enabled": enabled, "bias": [round(float(b), 4) for b in intercept],
            "threshold": threshold, "thresholds": dict(sorted((thresholds or {}).items())),
            "weights": weights, "dense": dense, "meta": meta}


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m kg.train.relations --lang fr [--out FILE]``."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    parser = argparse.ArgumentParser(prog="python -m kg.train.relations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("fr", "en"), required=True)
    parser.add_argument("--out", type=Path, default=None, help="output file (default kg/models/relations_LANG.json)")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--precision", type=float, default=0.5,
                        help="out-of-fold precision the added relations must reach")
    parser.add_argument("--data", type=Path, action="append", default=None,
                        help="train on these gold-format JSONL files instead of the default set (repeatable)")
    args = parser.parse_args(argv)
    from kg.nlp import load_pipeline

    try:
        files = [(p, frozenset()) for p in args.data] if args.data else training_files(args.lang)
        passages = [p for path, skip in files for p in read_passages(path, args.lang, skip)]
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"{len(passages)} passages from {len(files)} files", file=sys.stderr)
    exs = examples(load_pipeline(args.lang), passages, args.lang)
    counts = Counter(ex.label for ex in exs)
    print(f"{len(exs)} candidates: {dict(counts.most_common())}", file=sys.stderr)
    choice = choose_threshold(exs, folds=args.folds, min_count=args.min_count, c=args.c, precision=args.precision)
    for row in choice["table"]:
        print(f"  threshold {row['threshold']:.2f}: added {row['added']}, right {row['right']}, "
              f"precision {row['precision']}", file=sys.stderr)
    vec, model = fit(exs, min_count=args.min_count, c=args.c)
    meta = {"lang": args.lang, "passages": len(passages), "candidates": len(exs), "labels": dict(counts),
            "files": [p.name for p, _ in files], "c": args.c, "min_count": args.min_count,
            "precision_target": args.precision, "out_of_fold": choice["table"],
            "out_of_fold_per_relation": choice["per_label"]}
    out = args.out or model_path(args.lang)
    model_json = export(vec, model, choice["threshold"], meta, choice["enabled"], choice["thresholds"])
    out.write_text(json.dumps(model_json, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"  per relation at {choice['threshold']}: {choice['per_label']}; enabled {choice['enabled']}; "
          f"own thresholds {choice['thresholds']}", file=sys.stderr)
    print(f"threshold {choice['threshold']}; wrote {out} ({out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
