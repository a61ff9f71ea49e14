"""Entity typing of the media NER against the base NER and the rule-based mention typing.

For every occurrence of a gold entity (its name and aliases projected on the text, as in
training) a system scores a *strict* hit if it predicts a span with the same boundaries
and the same type, and a *lenient* hit if a span of the same type overlaps it. Gold files
list the entities of their triples rather than every name, so precision is measured only
on predictions that overlap some gold entity ("typing precision"): of the spans a system
typed T over a gold entity, how many were right.

Systems:

- ``media_ner``: the trained model (:mod:`kg.media_ner`, ``doc.spans["kg_media"]``);
- ``base_ner``: the base model's ``doc.ents`` mapped to the ontology (French
  PER->Person, ORG->Organization, LOC->Place, MISC->unknown; English OntoNotes likewise);
- ``kg_mentions``: the current media-kg mention typing (``kg.nlp.load_pipeline`` ->
  ``doc._.mentions``, quotes left out);
- ``combined``: ``kg_mentions`` where the media NER's CreativeWork/Award/Event/Product
  spans replace the mentions they overlap (the integration the rules are missing).

Sets: the news_dev passages listed ``unseen`` in ``tests/data/news_dev_split.json``
(from ``../shared/eval/news_dev_{lang}.jsonl``) and ``tests/data/heldout2_{lang}.jsonl``;
neither is used in training.

Usage::

    python -m kg.train.evaluate_ner --lang fr [--model kg/models/ner_fr]

Example:
    >>> t = Tally()
    >>> t.score([(0, 5, "CreativeWork")], [(0, 5, "CreativeWork"), (9, 12, "Person")])
    >>> t.strict["CreativeWork"], t.gold["CreativeWork"], t.pred_other["Person"]
    (1, 1, 1)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, InputError, KGError
from kg.records import ENTITY_TYPES
from kg.train.ner import REPO, SHARED, read_records, unseen_ids

#: Base-model NER labels mapped to ontology types (``None``: a span of unknown type).
BASE_MAP = {
    "PER": "Person", "ORG": "Organization", "LOC": "Place", "MISC": None,
    "PERSON": "Person", "GPE": "Place", "FAC": "Place", "NORP": None, "WORK_OF_ART": "CreativeWork",
    "EVENT": "Event", "PRODUCT": "Product", "LAW": None, "LANGUAGE": None,
}
#: Types the media NER takes over in the ``combined`` system.
COMBINED_TYPES = ("CreativeWork", "Award", "Event", "Product")

Span3 = tuple[int, int, "str | None"]


@dataclass
class Tally:
    """Counts per type: gold occurrences, strict and lenient hits, predictions over gold."""

    gold: Counter = field(default_factory=Counter)
    strict: Counter = field(default_factory=Counter)
    lenient: Counter = field(default_factory=Counter)
    pred_over_gold: Counter = field(default_factory=Counter)
    pred_right: Counter = field(default_factory=Counter)
    pred_other: Counter = field(default_factory=Counter)

    def score(self, gold: Iterable[Span3], pred: Iterable[Span3]) -> None:
        """Add one document's gold occurrences and predicted spans."""
        gold, pred = list(gold), list(pred)
        exact = set(pred)
        for start, end, label in gold:
            self.gold[label] += 1
            if (start, end, label) in exact:
                self.strict[label] += 1
            if any(s < end and start < e and t == label for s, e, t in pred):
                self.lenient[label] += 1
        for start, end, label in pred:
            over = [g for g in gold if g[0] < end and start < g[1]]
            key = label or "unknown"
            if not over:
                self.pred_other[key] += 1
                continue
            self.pred_over_gold[key] += 1
            if any(g[2] == label for g in over):
                self.pred_right[key] += 1


def _pct(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "  - "


def report(tallies: dict[str, Tally], title: str) -> str:
    """Markdown tables: recall per gold type (strict/lenient) and typing precision per
    predicted type, one column per system."""
    names = list(tallies)
    types = [t for t in ENTITY_TYPES if any(tl.gold[t] for tl in tallies.values())]
    lines = [f"### {title}", "", "Recall per gold type, strict / lenient (same type; same boundaries / overlap):", "",
             "| type | gold | " + " | ".join(names) + " |", "| --- | ---: | " + " | ".join("---" for _ in names) + " |"]
    for t in [*types, None]:
        gold = sum(tallies[names[0]].gold.values()) if t is None else tallies[names[0]].gold[t]
        cells = []
        for name in names:
            tl = tallies[name]
            s = sum(tl.strict.values()) if t is None else tl.strict[t]
            le = sum(tl.lenient.values()) if t is None else tl.lenient[t]
            cells.append(f"{_pct(s, gold)} / {_pct(le, gold)}")
        lines.append(f"| {t or '**all**'} | {gold} | " + " | ".join(cells) + " |")
    lines += ["", "Typing precision per predicted type: right type / predictions over a gold entity "
              "(and predictions over no gold entity):", "",
              "| predicted type | " + " | ".join(names) + " |", "| --- | " + " | ".join("---" for _ in names) + " |"]
    for t in [*ENTITY_TYPES, "unknown", None]:
        cells = []
        for name in names:
            tl = tallies[name]
            over = sum(tl.pred_over_gold.values()) if t is None else tl.pred_over_gold[t]
            right = sum(tl.pred_right.values()) if t is None else tl.pred_right[t]
            other = sum(tl.pred_other.values()) if t is None else tl.pred_other[t]
            cells.append(f"{_pct(right, over)} ({right}/{over}; +{other})" if over or other else "")
        if any(cells):
            lines.append(f"| {t or '**all**'} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def eval_sets(lang: str) -> dict[str, list]:
    """The evaluation sets: unseen news_dev passages and ``heldout2``.

    Raises:
        InputError: ``E130`` if a file is missing (``../shared`` absent...).
    """
    news = SHARED / "eval" / f"news_dev_{lang}.jsonl"
    held = REPO / "tests" / "data" / f"heldout2_{lang}.jsonl"
    for path in (news, held):
        if not path.is_file():
            raise InputError(Errors.E130.format(path=path, needs="the evaluation reads it"))
    unseen = unseen_ids()
    seen = frozenset(json.loads(line)["id"] for line in news.read_text(encoding="utf-8").splitlines()
                     if line.strip()) - unseen
    return {
        f"news_dev_{lang} unseen": read_records(news, lang=lang, skip_ids=seen),
        f"heldout2_{lang}": read_records(held, lang=lang),
    }


def systems(lang: str, model: Path | None) -> dict[str, Callable[[str], list[Span3]]]:
    """The systems compared, each a function from text to typed character spans."""
    import spacy

    from kg import factories  # noqa: F401  (registers kg_media_ner)
    from kg.nlp import load_pipeline, resolve_model
    from kg.media_ner import SPANS_KEY

    base = spacy.load(resolve_model(lang))
    base.add_pipe("kg_media_ner", config={"lang": lang, "path": str(model) if model else None})
    full = load_pipeline(lang)
    cache: dict[tuple[str, str], object] = {}

    def parsed(which: str, text: str):
        if (which, text) not in cache:
            if len(cache) > 4:
                cache.clear()
            cache[which, text] = (base if which == "base" else full)(text)
        return cache[which, text]

    def base_doc(text: str):
        return parsed("base", text)

    def media(text: str) -> list[Span3]:
        return [(s.start_char, s.end_char, s.label_) for s in base_doc(text).spans[SPANS_KEY]]

    def base_ner(text: str) -> list[Span3]:
        return [(e.start_char, e.end_char, BASE_MAP.get(e.label_)) for e in base_doc(text).ents]

    def mentions(text: str) -> list[Span3]:
        return [(m.start, m.end, m.type) for m in parsed("full", text)._.mentions or () if m.type in ENTITY_TYPES]

    def combined(text: str) -> list[Span3]:
        taken = [s for s in media(text) if s[2] in COMBINED_TYPES]
        kept = [m for m in mentions(text) if not any(m[0] < e and s < m[1] for s, e, _ in taken)]
        return sorted(kept + taken)

    return {"media_ner": media, "base_ner": base_ner, "kg_mentions": mentions, "combined": combined}


def evaluate(lang: str, *, model: Path | None = None, files: list[Path] | None = None,
             log: Callable[[str], None] = print) -> dict[str, dict]:
    """Score every system on every evaluation set (or on the gold-format ``files``); log
    the tables; return the tallies."""
    sets = {p.name: read_records(p, lang=lang) for p in files} if files else eval_sets(lang)
    funcs = systems(lang, model)
    results: dict[str, dict] = {}
    for set_name, records in sets.items():
        tallies = {name: Tally() for name in funcs}
        t0 = time.perf_counter()
        for i, rec in enumerate(records, 1):
            for name, func in funcs.items():
                tallies[name].score(rec.spans, func(rec.text))
            rate = i / (time.perf_counter() - t0)
            if i % 5 and i != len(records):
                continue
            print(f"\r[eval] {set_name}: {i}/{len(records)} passages, {rate:.1f}/s, "
                  f"ETA {(len(records) - i) / rate:.0f}s", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        results[set_name] = tallies
        log(report(tallies, f"{set_name} ({len(records)} passages)"))
        log("")
    return results


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m kg.train.evaluate_ner --lang fr [--model DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m kg.train.evaluate_ner", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("fr", "en"), required=True)
    parser.add_argument("--model", type=Path, default=None, help="trained model folder (default: the shipped one)")
    parser.add_argument("--gold", type=Path, action="append", default=None,
                        help="score on these gold-format JSONL files instead of the two evaluation sets")
    args = parser.parse_args(argv)
    try:
        evaluate(args.lang, model=args.model, files=args.gold)
    except KGError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
