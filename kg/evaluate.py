"""Scoring of extraction against gold triples, following the shared scoring rules
(``SCORING.md``): lenient name matching, a small predicate hierarchy, ``said`` matched
on the quote's first four words, ``acceptable`` and ``optional`` triples neither
rewarded nor penalised.

Example:
    >>> gold = [{"id": "d", "triples": [{"subject": "Ted Sarandos", "predicate": "leads", "object": "Netflix"}]}]
    >>> pred = [{"doc_id": "d", "triples": [{"subject": "Sarandos", "predicate": "ceoOf", "object": "Netflix"}]}]
    >>> score(gold, pred).f1
    1.0
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, InputError
from kg.ingest import parse_json_line

STOPWORDS = frozenset("le la les l un une des du de d the a an of et and en à au aux sur on in par by".split())
SATISFIED_BY = {
    "leads": {"leads", "ceoOf"},
    "worksFor": {"worksFor", "ceoOf", "leads", "founderOf"},
    "locatedIn": {"locatedIn", "headquarteredIn", "setIn"},
    "headquarteredIn": {"headquarteredIn", "locatedIn"},
    "develops": {"develops", "produces"},
    "produces": {"produces", "develops"},
}
CORE = frozenset(("ceoOf", "leads", "founderOf", "worksFor", "uses", "develops", "produces", "distributes",
                  "directedBy", "actsIn", "author", "basedOn", "setIn", "acquires", "subsidiaryOf",
                  "partnersWith", "headquarteredIn", "locatedIn", "wonAward", "genre", "said"))
SYMMETRIC = frozenset({"partnersWith"})


def normalise(name: str) -> str:
    """Fold accents and case, drop punctuation and articles/prepositions."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[’'`]", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(w for w in s.split() if w not in STOPWORDS)


def names_match(gold: str, pred: str) -> bool:
    """Equal after normalisation, or one's words a subset of the other's."""
    g, p = normalise(gold), normalise(pred)
    if not g or not p:
        return False
    gw, pw = set(g.split()), set(p.split())
    return g == p or gw <= pw or pw <= gw


def quote_matches(gold: str, pred: str) -> bool:
    """The gold quote's first four normalised words appear in the predicted quote."""
    words = normalise(gold).split()[:4]
    return bool(words) and " ".join(words) in normalise(pred)


def local_name(predicate: str) -> str:
    return re.split(r"[#/:]", str(predicate))[-1]


def triple_matches(gold: dict, pred: dict) -> bool:
    """Whether ``pred`` satisfies ``gold`` (or one of its ``alt`` readings)."""
    return any(_matches(g, pred) for g in [gold, *gold.get("alt", [])])


def _matches(gold: dict, pred: dict) -> bool:
    gp = gold["predicate"]
    if local_name(pred["predicate"]) not in SATISFIED_BY.get(gp, {gp}):
        return False
    obj = quote_matches if gp == "said" else names_match
    if names_match(gold["subject"], pred["subject"]) and obj(gold["object"], pred["object"]):
        return True
    return gp in SYMMETRIC and names_match(gold["subject"], pred["object"]) and names_match(gold["object"], pred["subject"])


@dataclass
class Score:
    """Micro scores, per-predicate counts, misses and false positives."""

    tp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_positives: list[tuple[str, dict]] = field(default_factory=list)
    entities_found: int = 0
    entities_total: int = 0

    @property
    def precision(self) -> float:
        tp, fp = sum(self.tp.values()), sum(self.fp.values())
        return round(tp / (tp + fp), 3) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = sum(self.tp.values()), sum(self.fn.values())
        return round(tp / (tp + fn), 3) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    @property
    def entity_recall(self) -> float | None:
        return round(self.entities_found / self.entities_total, 3) if self.entities_total else None

    def summary(self) -> dict:
        return {"tp": sum(self.tp.values()), "fn": sum(self.fn.values()), "fp": sum(self.fp.values()),
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "entity_recall": self.entity_recall}

    def per_predicate(self) -> dict[str, dict[str, int]]:
        keys = sorted(set(self.tp) | set(self.fn) | set(self.fp))
        return {k: {"tp": self.tp[k], "fn": self.fn[k], "fp": self.fp[k]} for k in keys}


def read_gold(path: str | Path) -> list[dict]:
    """Read a gold JSONL file (one record per line, each with an ``id``).

    Raises:
        InputError: ``E001`` if the file is missing, ``E004`` for a malformed line,
            ``E040`` for a record without ``id`` (both name the file and line).

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
        >>> _ = p.write_text('{"id": "a", "triples": []}\\n{"triples": []}\\n', encoding="utf-8")
        >>> read_gold(p)
        Traceback (most recent call last):
        ...
        kg.errors.InputError: [E040] ...gold.jsonl:2: the gold record has no "id".
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003.format(path=path, position=exc.start)) from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        row = parse_json_line(path, number, line)
        if not isinstance(row, dict) or not str(row.get("id", "")).strip():
            raise InputError(Errors.E040.format(path=path, line=number))
        rows.append(row)
    return rows


def score(gold_rows: list[dict], pred_rows: list[dict]) -> Score:
    """Score predictions (``kg extract`` rows) against gold records."""
    preds: dict[str, dict[str, list]] = {}
    for row in pred_rows:
        d = preds.setdefault(str(row.get("doc_id", row.get("id"))), {"triples": [], "entities": []})
        d["triples"] += row.get("triples", [])
        d["entities"] += row.get("entities", [])
    result = Score()
    for doc in gold_rows:
        p = preds.get(str(doc["id"]), {"triples": [], "entities": []})
        candidates = [t for t in p["triples"] if local_name(t.get("predicate", "")) in CORE]
        required = [g for g in doc.get("triples", []) if not g.get("optional")]
        extra = doc.get("acceptable", []) + [g for g in doc.get("triples", []) if g.get("optional")]
        used: set[int] = set()
        for g in required:
            hit = next((i for i, t in enumerate(candidates) if triple_matches(g, t)), None)
            if hit is None:
                result.fn[g["predicate"]] += 1
                result.misses.append((doc["id"], g))
            else:
                result.tp[g["predicate"]] += 1
                used.add(hit)
        for i, t in enumerate(candidates):
            if i not in used and not any(triple_matches(a, t) for a in extra + required):
                result.fp[local_name(t["predicate"])] += 1
                result.false_positives.append((doc["id"], t))
        labels = [e.get("label", e.get("text", "")) for e in p["entities"]]
        labels += [t["subject"] for t in p["triples"]] + [t["object"] for t in p["triples"]]
        for e in doc.get("entities", []):
            result.entities_total += 1
            result.entities_found += any(names_match(e["text"], lab) for lab in labels)
    return result


def check_gold(row: dict) -> list[str]:
    """Problems of one hand-written gold record, in the shared conventions (empty if none).

    Checked mechanically, as the shared real-news set was: each entity form and alias occurs
    in the text; each triple argument is a declared entity (a ``said`` object is a substring
    of the text instead, and so is a ``genre``, written as in the text); each predicate exists
    and fits the ontology's types. ``acceptable`` triples, looser by design, only need a known
    predicate.

    Example:
        >>> row = {"id": "x", "text": "Ted Sarandos dirige Netflix.",
        ...        "entities": [{"text": "Ted Sarandos", "type": "Person"},
        ...                     {"text": "Netflix", "type": "Organization"}],
        ...        "triples": [{"subject": "Ted Sarandos", "predicate": "ceoOf", "object": "Netflix"},
        ...                    {"subject": "Netflix", "predicate": "actsIn", "object": "Ted Sarandos"},
        ...                    {"subject": "Ted Sarandos", "predicate": "said", "object": "dirige Disney"}]}
        >>> for problem in check_gold(row):
        ...     print(problem)
        triple 2: actsIn does not fit Organization -> Person
        triple 3: the said fragment 'dirige Disney' is not in the text
    """
    from kg.schema import load_schema  # noqa: PLC0415

    schema = load_schema()
    text = str(row.get("text", ""))
    problems: list[str] = []
    types: dict[str, str] = {}
    for entity in row.get("entities", []):
        name = str(entity.get("text", ""))
        types[name] = str(entity.get("type", ""))
        for form in [name, *entity.get("aliases", [])]:
            if form not in text:
                problems.append(f"entity form {form!r} is not in the text")
            types.setdefault(str(form), types[name])
        if types[name] not in schema.superclasses:
            problems.append(f"entity {name!r} has the unknown type {types[name]!r}")
    for number, triple in enumerate(row.get("triples", []), 1):
        subject, predicate, obj = (str(triple.get(k, "")) for k in ("subject", "predicate", "object"))
        literal = predicate in ("said", "genre")  # a quote, a genre as written: text, not an entity
        missing = [a for a in ((subject,) if literal else (subject, obj)) if a not in types]
        problems += [f"triple {number}: {name!r} is not a declared entity" for name in missing]
        if literal:
            if obj not in text:
                problems.append(f"triple {number}: the {predicate} fragment {obj!r} is not in the text")
            if predicate == "said" and subject in types and types[subject] != "Person":
                problems.append(f"triple {number}: said by a {types[subject]}, not a Person")
        elif predicate not in schema.properties:
            problems.append(f"triple {number}: unknown predicate {predicate!r}")
        elif not missing and not schema.allowed(predicate, types[subject], types[obj]):
            problems.append(f"triple {number}: {predicate} does not fit {types[subject]} -> {types[obj]}")
    for number, triple in enumerate(row.get("acceptable", []), 1):
        if str(triple.get("predicate", "")) not in schema.properties | {"said", "genre"}:
            problems.append(f"acceptable triple {number}: unknown predicate {triple.get('predicate')!r}")
    return problems
