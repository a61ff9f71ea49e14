"""A trained relation scorer beside the rules.

The rules read the constructions they were written for; a sentence whose persons and works
are typed right but whose wording no rule knows gives nothing. The scorer is the
statistical fallback. A *candidate* is

* an ordered pair of mentions of one sentence whose types the ontology allows some relation
  of :func:`scored_predicates` between (an untyped ``Misc`` name may stand for a work, the type a
  title most often lacks);
* a mention of a sentence that names no work, with the work the passage is about;
* a mention of a sentence whose subject is a pronoun, with the person it stands for.

Each is described by sparse features (the types, the words between, the dependency path
between the two heads, the words around, the clause's verbs) and, where the pipeline has
static vectors (French), word-vector means. A multinomial logistic model trained by
:mod:`kg.train.relations` gives each relation (or none) a probability. A pair no rule linked
gets its best relation when that reaches the model's threshold, the relation is one the model
is trusted with (``enabled``), the clause is not hedged, and the work is not a part played.

The model is a JSON file of sparse weights, ``kg/models/relations_{lang}.json``, read into
numpy arrays: inference needs no learning library.

Example:
    >>> features_of_words(["avec", "et"])
    ['bw=avec', 'bw=et']
"""

from __future__ import annotations

import json
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, IS_STOP, ORTH, SENT_START
from spacy.tokens import Doc, Span, Token

from kg.extract.hedging import is_hedged
from kg.extract.syntax import (
    char_span,AGENT_PREPS, IN_PREPS, PASS_SUBJ, SUBJ, obliques, prep_of, someone_elses_credit,
                               someones_work, stake_share, token_words)
from kg.lexicon import Lexicon
from kg.records import ENTITY_TYPES, Mention, Relation
from kg.schema import allowed, load_schema

#: Relations the scorer leaves to the rules: a quote and a genre word are not names, and
#: whether a purchase is an acquisition depends on the size of the stake ("30 % du capital"
#: is none), which the features do not read.
RULES_ONLY = frozenset(("said", "genre", "acquires"))
#: Prefix of the rule name of the relations the scorer adds (``scorer.actsIn``).
SCORER_RULE = "scorer."
#: The label of a candidate that holds no relation.
NONE = "none"
#: Types an untyped name may take in a candidate.
MISC_READINGS = ("CreativeWork",)
#: Where the shipped models live.
MODELS = Path(__file__).resolve().parents[1] / "models"
#: Sentences with more mentions than this give no candidates (tables, lists of credits).
MAX_MENTIONS = 24
_MAX_BETWEEN = 12


def model_path(lang: str) -> Path:
    """The shipped model file for ``lang``.

    Example:
        >>> model_path("fr").name
        'relations_fr.json'
    """
    return MODELS / f"relations_{lang}.json"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered pair of mentions of one sentence, typed as the relation would need."""

    subject: Mention
    object: Mention
    sent: Span
    features: tuple[str, ...]
    dense: np.ndarray | None = None
    #: The token whose clause states the relation (hedges are read there).
    trigger: int | None = None
    #: Where ``dense`` was left to be computed with its batch (``candidates(..., batch_dense=True)``):
    #: the doc's :class:`DocView`, the context and the anchor token indices (:meth:`DocView.dense`).
    dense_spec: tuple | None = None


class DocView:
    """The token attributes the features read, taken from the doc once (a spaCy ``Token``
    built per access costs more than the features themselves)."""

    def __init__(self, doc: Doc, classes: dict[str, tuple[str, ...]] | None = None) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, DEP, HEAD, IS_PUNCT, IS_STOP, IS_SPACE, SENT_START])  # uint64
        n = len(doc)
        # columns as lists of Python ints: a numpy scalar per access costs more than the lookup
        deps, spaces, sent_flags = (arr[:, k].tolist() for k in (1, 5, 6))
        lower, lemmas, self.pos = token_words(doc)  # (read once per doc, shared with the rules)
        self.lemma = [lem or low for lem, low in zip(lemmas, lower)]  # (a token without a lemma: its form)
        self.dep = [strings[d] for d in deps]
        self.head = [i + h for i, h in enumerate(arr[:, 2].astype("int64").tolist())]  # relative, wrapped
        self.space = [bool(x) for x in spaces]
        #: The lexicon classes of each token's lemma (:func:`lexicon_classes`; empty without a lexicon).
        self.cls = [classes.get(lem, ()) for lem in self.lemma] if classes else [()] * n
        #: Token index where each sentence starts (``SENT_START`` is 1 there, wrapped -1 elsewhere).
        self.sent_starts = [0] + [i for i in range(1, n) if sent_flags[i] == 1] if n else []
        self.vectors = None
        if doc.vocab.vectors.size:
            table = doc.vocab.vectors
            rows = table.find(keys=arr[:, 0])
            keep = (arr[:, 3] == 0) & (arr[:, 4] == 0) & (arr[:, 5] == 0) & (rows >= 0)
            self.vectors = (table.data, rows, keep)
            self._runs: dict[int, np.ndarray] = {}
            #: :meth:`dense` by its arguments (both orders of a pair read the same words), and
            #: :meth:`mean_vector` by :func:`_indices_key` (pairs of a sentence share their anchors).
            self._dense: dict[tuple, np.ndarray] = {}
            self._means: dict[tuple, np.ndarray] = {}

    def _running(self, start: int) -> tuple[np.ndarray, int]:
        """Running sums of the content-word vectors of the sentence holding token ``start``
        (row ``k`` sums its first ``k`` tokens), and the index of its first token."""
        k = bisect_right(self.sent_starts, start) - 1
        lo = self.sent_starts[k]
        run = self._runs.get(lo)
        if run is None:
            hi = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.lemma)
            data, rows, keep = self.vectors  # type: ignore[misc]
            vecs = data[np.where(rows[lo:hi] >= 0, rows[lo:hi], 0)] * keep[lo:hi, None]
            run = self._runs[lo] = np.zeros((hi - lo + 1, data.shape[1]), dtype=data.dtype)
            np.add.accumulate(vecs, axis=0, out=run[1:])  # what np.cumsum calls
        return run, lo

    def mean_vector(self, indices: Iterable[int] | range) -> np.ndarray:
        """The unit mean of the static vectors of the content words among ``indices`` (a
        run of tokens within one sentence is read from running sums)."""
        data, rows, keep = self.vectors  # type: ignore[misc]
        if isinstance(indices, range) and indices.stop > indices.start:
            run, lo = self._running(indices.start)
            a, b = indices.start - lo, indices.stop - lo
            total = run[b] - run[a] if b < len(run) else run[a] - run[a]  # a run past its sentence reads nothing
        else:
            idx = [i for i in indices if keep[i]]
            total = np.add.reduce(data[rows[idx]], axis=0) if idx else np.zeros(data.shape[1], dtype=data.dtype)
        norm = float(np.sqrt(total @ total))
        return total / norm if norm > 1e-6 else np.zeros_like(total)

    def dense(self, context: Iterable[int], anchor: Iterable[int]) -> np.ndarray | None:
        """Word-vector features, where the pipeline has static vectors (French): the unit
        mean of the context words and that of the anchor words (a verb synonym the training
        never saw still lands near the ones it did: "campe", "interprète", "incarne")."""
        if self.vectors is None:
            return None
        if not isinstance(context, range):
            context = tuple(context)
        anchor = tuple(anchor)
        keys = (_indices_key(context), _indices_key(anchor))
        found = self._dense.get(keys)
        if found is None:
            means = []
            for indices, key in zip((context, anchor), keys):
                mean = self._means.get(key)
                if mean is None:
                    mean = self._means[key] = self.mean_vector(indices)
                means.append(mean)
            found = self._dense[keys] = np.concatenate(means)
        return found

    def dense_batch(self, specs: list[tuple[Iterable[int], Iterable[int]]]) -> np.ndarray | None:
        """:meth:`dense` of many ``(context, anchor)`` index sets at once, one row each: the
        vectors of all their words gathered and summed group by group in one numpy call each
        (a candidate at a time costs a dozen small numpy calls). The sums are taken word by word
        rather than from running sums, so they may differ from :meth:`dense` in the last bits.

        Example:
            >>> import spacy
            >>> DocView(spacy.blank("fr")("Un film.")).dense_batch([(range(0, 1), [1])]) is None  # no vectors
            True
        """
        if self.vectors is None or not specs:
            return None
        data, rows, keep = self.vectors
        n = len(self.lemma)  # index ``n``: a zero row, for a group with no word
        idx: list[int] = []
        starts: list[int] = []
        for spec in specs:
            for group in spec:
                starts.append(len(idx))
                before = len(idx)
                idx.extend(group)
                if len(idx) == before:
                    idx.append(n)
        at = np.asarray(idx, dtype=np.intp)
        safe_rows = np.append(np.where(rows >= 0, rows, 0), 0)
        weights = np.append(keep, False).astype(data.dtype)[at]
        sums = np.add.reduceat(data[safe_rows[at]] * weights[:, None], starts, axis=0)
        norms = np.sqrt(np.einsum("ij,ij->i", sums, sums))
        unit = np.divide(sums, norms[:, None], out=np.zeros_like(sums), where=norms[:, None] > 1e-6)
        return unit.reshape(len(specs), -1)

    def span_head(self, start: int, end: int) -> int:
        """The token of ``[start, end)`` whose head lies outside it (its syntactic head)."""
        for i in range(start, end):
            h = self.head[i]
            if not start <= h < end or h == i:
                return i
        return start

    def chain(self, i: int) -> list[int]:
        out = [i]
        while self.head[out[-1]] != out[-1] and len(out) < 40:
            out.append(self.head[out[-1]])
        return out

    def path(self, a: int, b: int) -> tuple[str, str]:
        """The dependency path between two tokens through their lowest common ancestor, with
        lemmas (``"nsubj^ jouer objv"``) and with dependency labels only."""
        up, down = self.chain(a), self.chain(b)
        down_at = {t: k for k, t in enumerate(down)}
        k_up = next((k for k, t in enumerate(up) if t in down_at), None)
        if k_up is None:
            return "nopath", "nopath"
        k_down = down_at[up[k_up]]
        if k_up + k_down > 6:
            return "long", "long"
        ups = [self.dep[t] + "^" for t in up[:k_up]]
        downs = [self.dep[t] + "v" for t in reversed(down[:k_down])]
        return " ".join(ups + [self.lemma[up[k_up]]] + downs), " ".join(ups + ["*"] + downs)

    def top(self, a: int, b: int) -> int:
        """The lowest common ancestor of two tokens (``a``'s root when they have none)."""
        down = set(self.chain(b))
        up = self.chain(a)
        return next((t for t in up if t in down), up[-1])

    def around(self, sent: tuple[int, int], start: int, end: int) -> list[tuple[str, str]]:
        """The words just before ``start`` (one and two) and just after ``end`` within ``sent``."""
        lemma = self.lemma
        out = []
        if start > sent[0]:
            out.append(("pre", lemma[start - 1]))
            if start - 1 > sent[0]:
                out.append(("pre2", f"{lemma[start - 2]} {lemma[start - 1]}"))
        if end < sent[1]:
            out.append(("post", lemma[end]))
        return out

    def sentence_features(self, start: int, end: int) -> list[str]:
        """Features of the whole sentence ``[start, end)``: its root and its verbs."""
        root = next((i for i in range(start, end) if self.head[i] == i), start)
        verbs = sorted({self.lemma[i] for i in range(start, end) if self.pos[i] == "VERB"})
        classes = sorted({c for i in range(start, end) for c in self.cls[i]})
        return [f"root={self.lemma[root]}"] + [f"sv={v}" for v in verbs] + [f"sc={c}" for c in classes] \
            + [f"rootc={c}" for c in self.cls[root]]

    def pair_features(self, sent: tuple[int, int], a: tuple[int, int], b: tuple[int, int], a_type: str,
                      b_type: str, mentions_between: int, sent_feats: list[str]) -> list[str]:
        """The sparse features of the ordered candidate (token ranges ``a`` subject, ``b``
        object) in the sentence ``sent``, whose :meth:`sentence_features` are ``sent_feats``."""
        lemma = self.lemma
        first, second = (a, b) if a[0] < b[0] else (b, a)
        order = "ab" if first is a else "ba"
        types = f"{a_type}>{b_type}"
        between = [i for i in range(first[1], second[0]) if not self.space[i]]
        gap = len(between)
        dist = "0" if gap == 0 else "1-2" if gap <= 2 else "3-5" if gap <= 5 else "6-10" if gap <= 10 else "11+"
        feats = [f"T={types}", f"T={types}|{order}", f"d={dist}|{order}", f"mb={min(mentions_between, 3)}|{order}"]
        if gap <= _MAX_BETWEEN:
            words = [lemma[i] for i in between]
            feats.append(f"btw={' '.join(words)}|{order}")
        else:
            words = [lemma[i] for i in between[:5] + between[-5:]]
        feats += features_of_words(words)
        feats += sorted({f"bc={c}|{order}" for i in between for c in self.cls[i]})
        feats += [f"bw|{order}={w}" for w in words[:3]]
        feats += [f"{name}={words}|{order}" for name, words in self.around(sent, first[0], second[1])]
        ha, hb = self.span_head(*a), self.span_head(*b)
        path, deps = self.path(ha, hb)
        feats += [f"p={path}", f"pd={deps}", f"pd={deps}|{types}"]
        feats += [f"pl={w}" for w in path.split() if "^" not in w and not w.endswith("v") and w != "*"]
        top = self.top(ha, hb)
        feats += [f"pc={c}" for c in self.cls[top]]
        feats += [f"gac={c}" for c in self.cls[self.head[ha]]] + [f"gbc={c}" for c in self.cls[self.head[hb]]]
        feats += [f"ga={self.dep[ha]}:{lemma[self.head[ha]]}", f"gb={self.dep[hb]}:{lemma[self.head[hb]]}",
                  f"da={self.dep[ha]}", f"db={self.dep[hb]}"]
        feats += sent_feats
        if first[1] < len(lemma) and lemma[first[1]] == "(" and second[0] == first[1] + 1:
            feats.append(f"paren|{order}")
        feats.append("bias")
        return feats

    def far_features(self, sent: tuple[int, int], m: tuple[int, int], m_type: str, w_type: str,
                     subject_is_work: bool) -> list[str]:
        """The features of a candidate between a mention (token range ``m``) of ``sent`` and
        the passage's current work, named in an earlier sentence (the work side has no words
        of its own here)."""
        lemma = self.lemma
        side = "w>m" if subject_is_work else "m>w"
        types = f"{w_type}>{m_type}" if subject_is_work else f"{m_type}>{w_type}"
        hm = self.span_head(*m)
        root = next((i for i in range(*sent) if self.head[i] == i), sent[0])
        feats = ["far", f"far|T={types}", f"far|{side}", f"far|ga={self.dep[hm]}:{lemma[self.head[hm]]}",
                 f"far|da={self.dep[hm]}", f"far|root={lemma[root]}"]
        feats += [f"far|{name}={words}" for name, words in self.around(sent, m[0], m[1])]
        feats += [f"far|sv={v}" for v in sorted({lemma[i] for i in range(*sent) if self.pos[i] == "VERB"})]
        feats += [f"far|sc={c}" for c in sorted({c for i in range(*sent) for c in self.cls[i]})]
        feats += [f"far|gc={c}" for c in self.cls[self.head[hm]]]
        feats += [f"far|sw={w}" for w in sorted({lemma[i] for i in range(*sent) if self.pos[i] in ("NOUN", "ADP", "PRON")
                                                  and not m[0] <= i < m[1]})]
        feats.append(f"far|first={lemma[sent[0]]}")
        return feats


def _indices_key(indices: range | tuple[int, ...]) -> tuple:
    """What :meth:`DocView.mean_vector` of ``indices`` depends on: a range's bounds, the
    indices in their order (the order of a sum of floats), in any order when there are at
    most two (adding two floats is commutative).

    Example:
        >>> _indices_key((7, 3)) == _indices_key((3, 7)) != _indices_key(range(3, 7))
        True
    """
    if isinstance(indices, range):
        return ("range", indices.start, indices.stop)
    return ("list", *sorted(indices)) if len(indices) <= 2 else ("list", *indices)


#: Word lists of the lexicon whose membership is a feature (:func:`lexicon_classes`).
_CLASS_LISTS = ("work_nouns", "product_nouns", "source_nouns", "part_verbs", "part_nouns", "into_verbs",
                "appointing_verbs", "post_verbs", "post_nouns")
#: ``id(lexicon) -> (lexicon, classes)``: the lexicon is kept so that its id is never reused.
_CLASSES: dict[int, tuple[Lexicon, dict[str, tuple[str, ...]]]] = {}


def lexicon_classes(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Word -> the lexicon classes it belongs to, computed once per lexicon: the predicate of a
    frame lemma (``frame:produces``), of a person, organisation or credit role noun
    (``role:ceoOf``, ``orgrole:subsidiaryOf``, ``credit:directedBy``), of a one-word credit cue
    (``cue:actsIn``), and the word lists a title or a part reads (``work_nouns``...). A lexicon
    word the training passages never used still carries its class.

    Example:
        >>> from kg.lexicon import load_lexicon
        >>> classes = lexicon_classes(load_lexicon("fr"))
        >>> classes["patron"], classes["incarner"]
        (('role:ceoOf',), ('cue:actsIn', 'frame:actsIn', 'part_verbs'))
    """
    entry = _CLASSES.get(id(lex))
    if entry is None:
        out: dict[str, set[str]] = {}
        def add(word: str, cls: str) -> None:
            if " " not in word:
                out.setdefault(word.lower(), set()).add(cls)
        for frame in lex.frames:
            for lemma in frame.lemmas:
                add(lemma, f"frame:{frame.predicate}")
        for prefix, table in (("role", lex.role_nouns), ("orgrole", lex.org_role_nouns),
                              ("credit", lex.credit_role_nouns)):
            for noun, pred in table.items():
                add(noun, f"{prefix}:{pred}")
        for pred, words in (lex.data.get("credit_cues") or {}).items():
            for word in words:
                add(str(word), f"cue:{pred}")
        for key in _CLASS_LISTS:
            for word in lex.words(key):
                add(word, key)
        entry = _CLASSES[id(lex)] = (lex, {w: tuple(sorted(c)) for w, c in out.items()})
    return entry[1]


def features_of_words(lemmas: list[str]) -> list[str]:
    """Bag-of-words features of the words between two mentions."""
    return [f"bw={w}" for w in lemmas]


@lru_cache(maxsize=1)
def scored_predicates() -> frozenset[str]:
    """The relations the scorer may add: the ontology's properties declared between entity
    types, but :data:`RULES_ONLY`.

    Example:
        >>> {"actsIn", "ceoOf"} <= scored_predicates() and not scored_predicates() & RULES_ONLY
        True
    """
    schema = load_schema()
    return frozenset(p for p in schema.properties if p not in RULES_ONLY and schema.domains.get(p)
                     and schema.ranges.get(p) and any(allowed(p, a, b) for a in ENTITY_TYPES for b in ENTITY_TYPES))


def pair_key(a: Mention, b: Mention) -> frozenset[tuple[int, int]]:
    """The unordered pair of two mentions' offsets: how a pair is known as linked."""
    return frozenset(((a.start, a.end), (b.start, b.end)))


def linked_pairs(relations: Iterable[Relation]) -> set[frozenset[tuple[int, int]]]:
    """The pairs of mentions the given relations link (in either direction)."""
    return {pair_key(r.subject, r.object) for r in relations}


@lru_cache(maxsize=256)
def allowed_labels(subject_type: str, object_type: str) -> frozenset[str]:
    """The relations of :func:`scored_predicates` the ontology allows between the two types.

    Example:
        >>> sorted(allowed_labels("CreativeWork", "Place"))
        ['setIn']
    """
    return frozenset(p for p in scored_predicates() if allowed(p, subject_type, object_type))


def _readings(m: Mention) -> tuple[str, ...]:
    if m.type == "Misc":
        return MISC_READINGS
    return (m.type,)


def _retype(m: Mention, typ: str) -> Mention:
    return m if m.type == typ else Mention(m.text, m.start, m.end, typ, m.source + ">" + typ)


def candidates(doc: Doc, mentions: list[Mention], focus=None,
               skip: frozenset | set = frozenset(), pronoun=None,
               wanted: frozenset[str] | None = None,
               classes: dict[str, tuple[str, ...]] | None = None, batch_dense: bool = False) -> Iterator[Candidate]:
    """Every ordered pair of mentions of a sentence that some relation of :func:`scored_predicates`
    allows, with its features; and, when ``focus`` gives the passage's current work before
    a sentence that names none (``focus(sent) -> Mention | None``), the pairs of that work with
    the sentence's mentions; and, when ``pronoun`` gives the subject pronoun of a sentence that
    names no person and the person it stands for (``pronoun(sent) -> (token index, Mention) |
    None``), the pairs of that person with the sentence's mentions, read from the pronoun's
    place. Pairs in ``skip`` (sets of two ``(start, end)`` offsets) are left out, and so are
    pairs whose types allow none of the ``wanted`` relations (when given). With ``batch_dense``
    the word-vector features are left to :meth:`DocView.dense_batch` (``Candidate.dense_spec``)."""
    def fits(subject_type: str, object_type: str) -> bool:
        labels = allowed_labels(subject_type, object_type)
        return bool(labels) and (wanted is None or not labels.isdisjoint(wanted))

    spans: list[tuple[Mention, tuple[int, int]]] = []
    for m in mentions:
        if m.type == "Quote":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or m.type == "Misc" and prep_of(span.root) in AGENT_PREPS:
            continue  # an untyped agent ("produit par Mandarin") is a maker, not a work
        spans.append((m, (span.start, span.end)))
    if len(spans) < 2 and focus is None:
        return
    view = DocView(doc, classes)
    starts = view.sent_starts
    by_sent: dict[int, list[tuple[Mention, tuple[int, int]]]] = {}
    for m, span in spans:
        by_sent.setdefault(bisect_right(starts, span[0]) - 1, []).append((m, span))
    for k, group in by_sent.items():
        if len(group) > MAX_MENTIONS:
            continue
        group.sort(key=lambda p: p[1][0])
        bounds = (starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc))
        sent = doc[bounds[0]:bounds[1]]
        sent_feats: list[str] | None = None
        for i, (ma, sa) in enumerate(group):
            for j, (mb, sb) in enumerate(group):
                if i == j or sa[0] < sb[1] and sb[0] < sa[1] or ma.text == mb.text:
                    continue
                if skip and pair_key(ma, mb) in skip:
                    continue
                for ta in _readings(ma):
                    for tb in _readings(mb):
                        if not fits(ta, tb):
                            continue
                        if sent_feats is None:
                            sent_feats = view.sentence_features(*bounds)
                        lo, hi = sorted((i, j))
                        feats = view.pair_features(bounds, sa, sb, ta, tb, hi - lo - 1, sent_feats)
                        first, second = sorted((sa, sb))
                        spec = (range(first[1], second[0]), [view.head[view.span_head(*sa)], view.head[view.span_head(*sb)]])
                        yield Candidate(_retype(ma, ta), _retype(mb, tb), sent, tuple(feats), _dense(view, spec, batch_dense),
                                        view.top(view.span_head(*sa), view.span_head(*sb)), _spec(view, spec, batch_dense))
        if pronoun is not None and not any(m.type == "Person" for m, _ in group):
            found = pronoun(sent)
            if found is not None:
                yield from _pronoun_pairs(view, doc, sent, bounds, group, found, skip, fits, batch_dense)
        if focus is None or any(m.type in ("CreativeWork", "Misc") and not _bracketed(doc, span) for m, span in group):
            continue  # a sentence naming a work is about it; a bracketed filmography title ("X (The Purge)") is not
        work = focus(sent)
        if work is None or work.start >= sent.start_char:
            continue
        for m, span in group:
            if skip and pair_key(m, work) in skip:
                continue
            for subj, obj in ((m, work), (work, m)):
                if not fits(subj.type, obj.type):
                    continue
                spec = ([i for i in range(*bounds) if view.pos[i] == "VERB"], [view.head[view.span_head(*span)]])
                feats = view.far_features(bounds, span, m.type, work.type, subj is work)
                yield Candidate(subj, obj, sent, tuple(feats), _dense(view, spec, batch_dense),
                                view.head[view.span_head(*span)], _spec(view, spec, batch_dense))


def _dense(view: DocView, spec: tuple, batch: bool) -> np.ndarray | None:
    """A candidate's word-vector features now, or None when left to its batch."""
    return None if batch else view.dense(*spec)


def _spec(view: DocView, spec: tuple, batch: bool) -> tuple | None:
    """What :meth:`DocView.dense_batch` needs of a candidate left to its batch."""
    return (view, *spec) if batch and view.vectors is not None else None


def _bracketed(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the tokens ``span`` sit right inside brackets: "Frank Grillo (The Purge)"."""
    return span[0] > 0 and doc[span[0] - 1].text == "(" and span[1] < len(doc) and doc[span[1]].text == ")"


def _pronoun_pairs(view: DocView, doc: Doc, sent: Span, bounds: tuple[int, int],
                   group: list[tuple[Mention, tuple[int, int]]], found: tuple[int, Mention], skip,
                   fits, batch_dense: bool = False) -> Iterator[Candidate]:
    """Candidates between the person a subject pronoun stands for and the sentence's mentions
    ("Il y incarne un flic" after the actor was named): features as for a pair of mentions,
    from the pronoun's place, marked ``pro``."""
    i, person = found
    sent_feats = view.sentence_features(*bounds)
    for m, span in group:
        if skip and pair_key(person, m) in skip:
            continue
        for t in _readings(m):
            for subj, obj, a, b, ta, tb in ((person, m, (i, i + 1), span, "Person", t),
                                            (m, person, span, (i, i + 1), t, "Person")):
                if not fits(ta, tb):
                    continue
                feats = ["pro"] + ["pro|" + f for f in view.pair_features(bounds, a, b, ta, tb, 0, sent_feats)]
                first, second = sorted((a, b))
                spec = (range(first[1], second[0]), [view.head[view.span_head(*a)], view.head[view.span_head(*b)]])
                yield Candidate(_retype(subj, ta), _retype(obj, tb), sent, tuple(feats), _dense(view, spec, batch_dense),
                                view.top(view.span_head(*a), view.span_head(*b)), _spec(view, spec, batch_dense))


class RelationScorer:
    """A trained model: sparse weights per feature and label, and the decision threshold."""

    def __init__(self, data: dict) -> None:
        self.labels: list[str] = data["labels"]
        self.threshold: float = float(data["threshold"])
        #: A relation's own threshold, where training raised it above ``threshold`` (absent: that one).
        self.thresholds: dict[str, float] = {k: float(v) for k, v in data.get("thresholds", {}).items()}
        self.meta: dict = data.get("meta", {})
        self.bias = np.asarray(data["bias"], dtype="float32")
        self.index: dict[str, int] = {}
        matrix = np.zeros((len(data["weights"]), len(self.labels)), dtype="float32")
        for row, (feature, weights) in enumerate(data["weights"].items()):
            self.index[feature] = row
            for k, w in weights.items():
                matrix[row, int(k)] = w
        self.matrix = matrix
        #: ``matrix`` with a row of zeros after it (:meth:`best_of` pads with it).
        self._padded = np.vstack([matrix, np.zeros((1, matrix.shape[1]), dtype=matrix.dtype)])
        self.dense = np.asarray(data["dense"], dtype="float32") if data.get("dense") else None
        self._none = self.labels.index(NONE)
        self.enabled = frozenset(data.get("enabled", [lab for lab in self.labels if lab != NONE]))
        self._rows: dict[tuple[str, str], list[int]] = {}

    def _label_rows(self, subject_type: str, object_type: str) -> list[int]:
        key = (subject_type, object_type)
        rows = self._rows.get(key)
        if rows is None:
            ok = allowed_labels(subject_type, object_type)
            rows = self._rows[key] = [k for k, lab in enumerate(self.labels) if k == self._none or lab in ok]
        return rows

    @classmethod
    def load(cls, path: str | Path) -> RelationScorer:
        """Read a model file written by :mod:`kg.train.relations`."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def probabilities(self, cand: Candidate) -> dict[str, float]:
        """The probability of each relation the candidate's types allow, and of none."""
        labels = self._label_rows(cand.subject.type, cand.object.type)
        index = self.index
        rows = [row for f in cand.features if (row := index.get(f)) is not None]
        # ``np.add.reduce`` is what ``ndarray.sum`` calls, without the Python wrappers
        totals = self.bias + np.add.reduce(self.matrix[rows], axis=0)
        if self.dense is not None and cand.dense is not None and len(cand.dense) == self.dense.shape[1]:
            totals = totals + self.dense @ cand.dense
        scores = totals[labels]
        exp = np.exp(scores - np.maximum.reduce(scores))
        exp /= np.add.reduce(exp)
        return {self.labels[k]: float(e) for k, e in zip(labels, exp)}

    def best(self, cand: Candidate) -> tuple[str, float]:
        """The most probable relation (never ``none``) and its probability (:meth:`probabilities`)."""
        return self.best_of([cand])[0]

    def best_of(self, cands: list[Candidate], dense: np.ndarray | None = None) -> list[tuple[str, float]]:
        """:meth:`best` of each candidate, computed together (the same float32 arithmetic, with
        one numpy call per step for all of them): each candidate's feature rows, padded with a
        zero row to the longest, summed row by row in feature order as :meth:`probabilities`
        sums them; the softmax taken at once over the candidates whose types allow the same
        relations. ``dense``: the candidates' word-vector features, one row each, when they were
        computed together (:meth:`DocView.dense_batch`) rather than on each candidate."""
        if not cands:
            return []
        index = self.index
        rows = [[row for f in cand.features if (row := index.get(f)) is not None] for cand in cands]
        pad = len(self.matrix)  # the zero row of ``_padded``
        width = max(map(len, rows))
        gather = np.array([r + [pad] * (width - len(r)) for r in rows], dtype=np.intp).reshape(len(rows), width)
        # ``np.add.reduce`` over axis 1 adds the rows in order, as over axis 0 of one candidate's
        # rows (``reduceat`` would not: it sums pairwise); adding zeros changes no sum
        sums = np.add.reduce(self._padded[gather], axis=1)
        totals = self.bias + sums
        if self.dense is not None and dense is not None and dense.shape == (len(cands), self.dense.shape[1]):
            totals = totals + dense @ self.dense.T
        elif self.dense is not None:
            dim = self.dense.shape[1]
            with_dense = [k for k, cand in enumerate(cands) if cand.dense is not None and len(cand.dense) == dim]
            if with_dense:
                # a stack of matrix-vector products, each as ``self.dense @ cand.dense`` computes it
                vectors = np.stack([cands[k].dense for k in with_dense])[:, :, None]
                totals[with_dense] = totals[with_dense] + (self.dense @ vectors)[:, :, 0]
        by_labels: dict[tuple[str, str], list[int]] = {}
        for k, cand in enumerate(cands):
            by_labels.setdefault((cand.subject.type, cand.object.type), []).append(k)
        out: list[tuple[str, float]] = [(NONE, 0.0)] * len(cands)
        for types, group in by_labels.items():
            labels = self._label_rows(*types)
            scores = totals[group][:, labels]
            exp = np.exp(scores - np.maximum.reduce(scores, axis=1, keepdims=True))
            exp /= np.add.reduce(exp, axis=1, keepdims=True)
            others = [j for j, k in enumerate(labels) if k != self._none]
            for k, probs in zip(group, exp.tolist()):
                if others:
                    j = max(others, key=lambda j: probs[j])
                    out[k] = (self.labels[labels[j]], probs[j])
                else:
                    out[k] = (NONE, probs[labels.index(self._none)])
        return out


def scorer_enabled() -> bool:
    """Whether the shipped scorer runs (``KG_RELATION_SCORER=0`` turns it off: the rules alone)."""
    return os.environ.get("KG_RELATION_SCORER", "1") != "0"


@lru_cache(maxsize=4)
def shipped_scorer(lang: str) -> RelationScorer | None:
    """The shipped model for ``lang``, or None when there is none."""
    path = model_path(lang)
    return RelationScorer.load(path) if path.is_file() else None


def _played_part(doc: Doc, cand: Candidate, lex: Lexicon) -> bool:
    """Whether the work side of the candidate is the object of a verb of playing a part
    (lexicon ``part_verbs``: "X incarne Obélix"): a character, not a work."""
    work = cand.object if cand.object.type == "CreativeWork" else cand.subject
    if work.type != "CreativeWork":
        return False
    span = char_span(doc, work.start, work.end)
    if span is None:
        return False
    head = span.root
    return head.dep_ in ("obj", "dobj") and head.head.lemma_.lower() in lex.words("part_verbs")


_COMPLEMENT_DEPS = frozenset(("obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "pobj", "prep", "conj",
                              "flat:name", "flat", "compound"))


def clause_verb(tok: Token) -> Token:
    """The verb whose complement ``tok`` is, climbing through objects, obliques, noun complements
    and conjuncts ("céder la direction générale de RTL à X": "direction" -> "céder"); ``tok``
    itself when it is a verb, or heads a subject, an apposition or a clause of its own (what a
    subject or an apposition says is not under its verb's negation).

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("fr")
        >>> doc = nlp("Il cède la direction")
        >>> for t, (h, d, p) in zip(doc, [(1, "nsubj", "PRON"), (1, "ROOT", "VERB"), (3, "det", "DET"), (1, "obj", "NOUN")]):
        ...     t.head, t.dep_, t.pos_ = doc[h], d, p
        >>> clause_verb(doc[3]).text
        'cède'
    """
    k = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ in _COMPLEMENT_DEPS and tok.head.i != tok.i and k < 12:
        tok, k = tok.head, k + 1
    return tok


def _hedge_anchor(doc: Doc, cand: Candidate) -> Token:
    """Where a candidate's hedges are read: its trigger, or the verb whose complement the trigger is
    (:func:`clause_verb`) unless the pair meets inside one of its own names ("Music Flamingo, the
    model Nvidia launched": what the apposition says is not under "intend to draw on")."""
    trigger = doc[cand.trigger]
    if any(m.start <= trigger.idx < m.end for m in (cand.subject, cand.object)):
        return trigger
    return clause_verb(trigger)


def _hedged_pair(top: Token, lex: Lexicon) -> bool:
    """Whether a pair whose lowest common ancestor is ``top`` holds under a hedge: :func:`is_hedged`
    at ``top``, or ``top`` itself a modal verb over the fact ("Gaumont envisage d'utiliser X":
    the pair meets at "envisage")."""
    return is_hedged(top, lex) or top.lemma_.lower() in lex.words("hedge", "modals")


def _minority_stake(doc: Doc, cand: Candidate, label: str) -> bool:
    """Whether an ownership the scorer proposes is a stake of 50 % or less stated in the pair's
    clause ("Vivendi détient 30 % de Lagardère"): a stake is not ownership (conventions)."""
    if label != "subsidiaryOf" or cand.trigger is None:
        return False
    found = stake_share(list(doc[cand.trigger].subtree))
    return found is not None and found[0] <= 50


def _nominated(doc: Doc, cand: Candidate, lex: Lexicon) -> bool:
    """Whether the pair's award is named as a nomination: "a two-time Oscar nominee", "Oscar-nominated"
    (lexicon ``nominee_words`` right after the award)."""
    award = cand.object if cand.object.type == "Award" else cand.subject
    span = char_span(doc, award.start, award.end)
    if span is None:
        return False
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    words = lex.words("nominee_words")
    return bool(after) and (after[0] in words or after[0] in ("-", "‑") and len(after) > 1 and after[1] in words)


def _someone_elses_work(doc: Doc, cand: Candidate, lex: Lexicon) -> bool:
    """Whether the pair's work is named as what someone made ("Chris Mundy, the Ozark co-creator,
    co-wrote the series with Tom King", :func:`kg.extract.syntax.someones_work`): its maker is
    the rules' to link, and nobody else of the sentence is credited on it."""
    for m in (cand.subject, cand.object):
        if m.type == "CreativeWork":
            span = char_span(doc, m.start, m.end)
            if span is not None and someones_work(span, lex):
                return True
    return False


def _plays_something_else(doc: Doc, cand: Candidate, lex: Lexicon) -> bool:
    """Whether the person of an actsIn pair plays something that is no part, or a part in
    something that is no work: the object of a verb of playing ("play", "jouer": lexicon
    ``character_apposition_verbs``) is a game or an instrument (lexicon ``played_things``: "plays
    football for Inter Miami"), or a part noun whose "in"/"dans" complement is a common noun other
    than a work noun ("plays a key role in the campaign"). ("plays a detective" is a part.)"""
    person = cand.subject if cand.subject.type == "Person" else cand.object
    span = char_span(doc, person.start, person.end)
    if span is None:
        return False
    verb = span.root.head
    if verb.lemma_.lower() not in lex.words("character_apposition_verbs"):
        return False
    parts, played = lex.words("part_nouns"), lex.words("played_things")
    if any(noun.lemma_.lower() in played for prep, noun in obliques(verb) if prep in ("à", "au", "aux", "du", "de")):
        return True  # "joue au football", "joue du piano"
    for obj in verb.children:
        if obj.dep_ not in ("obj", "dobj") or obj.pos_ != "NOUN":
            continue
        if obj.lemma_.lower() in played:
            return True
        for prep, noun in obliques(obj):
            if prep in IN_PREPS and noun.pos_ == "NOUN" and noun.lemma_.lower() not in lex.words("work_nouns"):
                return True
    return False


def _credited_elsewhere(doc: Doc, cand: Candidate, lex: Lexicon) -> bool:
    """Whether the pair's work is named as someone's credit or a source taken up
    (:func:`kg.extract.syntax.someone_elses_credit`: "X, déjà réalisateur d'Un triomphe, réunit A
    et B"): nobody of the sentence acts in it for that."""
    work = cand.object if cand.object.type == "CreativeWork" else cand.subject
    span = char_span(doc, work.start, work.end)
    return span is not None and someone_elses_credit(span, lex)


def _other_work_subject(sent: Span, lex: Lexicon) -> bool:
    """Whether a clause of ``sent`` has for subject a book noun with a definite article ("Le roman est
    publié par Gallimard"): the sentence speaks of another work, not of the passage's current work
    ("ce roman" refers back to it; a genre noun, "la fresque", most often names the current work)."""
    nouns = lex.words("book_nouns")
    return any(t.dep_ in SUBJ | PASS_SUBJ and t.pos_ == "NOUN" and t.lemma_.lower() in nouns
               and any(c.dep_ == "det" and "Def" in c.morph.get("Definite") and "Dem" not in c.morph.get("PronType")
                       for c in t.children) for t in sent)


def scored_relations(doc: Doc, mentions: list[Mention], found: list[Relation], scorer: RelationScorer | None,
                     focus=None, lex: Lexicon | None = None, pronoun=None) -> list[Relation]:
    """Relations the scorer finds between mentions that no rule linked (``focus``: see
    :func:`candidates`; so is ``pronoun``). Only the relations the model is trusted with (``enabled``) are
    added, and none in a negated, modal or rumoured clause (:func:`_hedged_pair`, with ``lex``),
    nor with a part played taken for a work (:func:`_played_part`), nor an ownership that is a
    minority stake (:func:`_minority_stake`); no actsIn with a work named as someone else's credit
    (:func:`_credited_elsewhere`) or by someone playing something else (:func:`_plays_something_else`),
    and no pair with the current work from a sentence that quotes someone or whose subject is a book
    noun (:func:`_other_work_subject`). A relation's own threshold (``thresholds``) applies where it has one."""
    if scorer is None:
        return []
    linked = linked_pairs(found)
    best: dict[frozenset, tuple[float, Relation]] = {}
    classes = lexicon_classes(lex) if lex is not None else None
    quoting = {r.sent_start for r in found if r.predicate == "said"}
    # "« … », confie X": a sentence quoting someone says who spoke, not what they did in the passage's work
    cands = [cand for cand in candidates(doc, mentions, focus, linked, pronoun, scorer.enabled, classes, batch_dense=True)
             if pair_key(cand.subject, cand.object) not in linked
             and not ("far" in cand.features and (cand.sent.start_char in quoting
                                                  or lex is not None and _other_work_subject(cand.sent, lex)))]
    view = next((c.dense_spec[0] for c in cands if c.dense_spec is not None), None)
    dense = view.dense_batch([c.dense_spec[1:] for c in cands]) if view is not None else None
    for cand, (label, p) in zip(cands, scorer.best_of(cands, dense)):
        pair = pair_key(cand.subject, cand.object)
        if label not in scorer.enabled or p < scorer.thresholds.get(label, scorer.threshold):
            continue
        if lex is not None and (cand.trigger is not None and _hedged_pair(_hedge_anchor(doc, cand), lex)
                                or _played_part(doc, cand, lex) or _someone_elses_work(doc, cand, lex)
                                or label == "wonAward" and _nominated(doc, cand, lex)
                                or label == "actsIn" and (_credited_elsewhere(doc, cand, lex)
                                                           or _plays_something_else(doc, cand, lex))) \
                or _minority_stake(doc, cand, label):
            continue
        rel = Relation(cand.subject, label, cand.object, cand.sent.text, cand.sent.start_char, SCORER_RULE + label,
                       round(0.5 + 0.4 * p, 3))
        if pair not in best or best[pair][0] < p:
            best[pair] = (p, rel)
    return [rel for _, rel in best.values()]
