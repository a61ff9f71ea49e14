"""All media-kg spaCy factories, registered in one place.

The components are thin: they call the plain functions of :mod:`kg.extract` and store
the results on ``doc._.mentions`` and ``doc._.relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from kg.extract.mentions import find_mentions
from kg.extract.relations import extract_relations
from kg.extract.scorer import scorer_enabled, shipped_scorer
from kg.extract.syntax import doc_text
from kg.lexicon import load_lexicon
from kg.media_ner import MediaNER
from kg.records import ENTITY_TYPES

#: Tokens after which a new sentence may start (a closing quote or bracket may follow them).
SENTENCE_ENDS = frozenset((".", "!", "?", "…", "...", "?!", "!?"))
_CLOSERS = frozenset(("»", "”", '"', ")", "’"))


def sentence_start_allowed(doc: Doc, i: int) -> bool:
    """Whether token ``i`` may start a sentence: only after final punctuation (possibly
    followed by a closing quote or bracket) or a line break.

    The statistical parsers split news sentences at commas and after names
    ("Omar | Sy reprend…", "Créée par X | , la comédie…"); constraining the starts
    before parsing keeps participial clauses and appositions in their sentence.
    """
    lo = max(0, i - 2)
    window = doc[lo:i + 1]
    return _start_allowed([t.text for t in window], [t.is_space for t in window], i - lo)


def _start_allowed(texts: list[str], spaces: list[bool], i: int) -> bool:
    """:func:`sentence_start_allowed` on the tokens' texts and whether each is a space."""
    if i == 0:
        return True
    prev = texts[i - 1]
    if "\n" in prev or texts[i].startswith("\n") or spaces[i]:
        return True
    if _continues(texts[i]):
        return False  # "le roman Quel est donc ton tourment ? de Sigrid Nunez", "« Pourquoi ? » demande-t-il"
    if prev in SENTENCE_ENDS:
        return True
    return prev in _CLOSERS and i > 1 and texts[i - 2] in SENTENCE_ENDS


def _continues(word: str) -> bool:
    """A lowercase word continues the sentence: a title ending in "?" or "!" inside it, or
    the speech verb after a quoted question. Brand names written in camel case (iPhone,
    eOne) may still start one."""
    return word[:1].islower() and not any(c.isupper() for c in word[1:])


def line_break_starts(doc: Doc) -> set[int]:
    """Tokens that must start a sentence because a line break precedes them.

    A blank line (paragraph break) always ends a sentence: headlines, bylines, captions,
    "Lire aussi :" lines and list items have no final punctuation, and the parser would
    otherwise glue them to the next paragraph. A single line break ends one too, unless the
    text looks hard-wrapped (no line longer than 200 characters) and the break follows
    a word that does not end a sentence.
    """
    return _line_break_starts(doc, *_token_texts(doc))


def _token_texts(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """Each token's text, trailing whitespace and whether it is a space, read in one pass
    (a spaCy ``Token`` built per access costs more than the test)."""
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, IS_SPACE]).tolist()
    return [strings[r[0]] for r in rows], [" " if r[1] else "" for r in rows], [bool(r[2]) for r in rows]


def _line_break_starts(doc: Doc, texts: list[str], ws: list[str], spaces: list[bool]) -> set[int]:
    """:func:`line_break_starts` on the tokens' texts, whitespace and space flags."""
    if not any("\n" in t for t in texts):
        return set()  # (a token's trailing whitespace is one space at most)
    text = doc_text(doc)
    wrapped = max(len(line) for line in text.split("\n")) <= 200
    starts: set[int] = set()
    for i in range(1, len(doc)):
        if "\n" not in texts[i - 1] and "\n" not in ws[i - 1]:
            continue
        j = i
        while j < len(doc) and spaces[j]:
            j += 1
        if j >= len(doc):
            continue
        blank = (texts[i - 1] + ws[i - 1]).count("\n") >= 2 or (spaces[i] and texts[i].count("\n") >= 1)
        k = i - 1
        while k > 0 and spaces[k]:
            k -= 1
        prev = texts[k]
        ends = prev in SENTENCE_ENDS or prev in _CLOSERS or prev == ":"
        if blank or ends or not wrapped:
            starts.add(j)
    return starts


class SentenceGuard:
    """Forbid sentence starts that :func:`sentence_start_allowed` rejects and force one
    after each line break of :func:`line_break_starts` (runs before the parser)."""

    def __call__(self, doc: Doc) -> Doc:
        texts, ws, spaces = _token_texts(doc)
        forced = _line_break_starts(doc, texts, ws, spaces)
        starts = doc.to_array([SENT_START]).astype("int64")  # 1 starts a sentence, -1 does not, 0 unknown
        for i in range(1, len(doc)):
            if i in forced:
                starts[i] = 1
            elif not _start_allowed(texts, spaces, i):
                starts[i] = -1
        doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's arrays hold -1 as its unsigned twin
        return doc


for _name in ("mentions", "relations", "kg_error"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _failed(doc: Doc, component: str, err: Exception) -> None:
    """Record on ``doc._.kg_error`` that ``component`` failed on ``doc`` (a bug in a rule): the
    pipeline reports the document with E014 and skips it, instead of losing the whole batch."""
    if doc._.kg_error is None:
        doc._.kg_error = f"{component}: {type(err).__name__}: {err}"


class MentionTyper:
    """Store the typed mentions of a doc on ``doc._.mentions``."""

    def __init__(self, lang: str) -> None:
        self.lex = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.mentions = find_mentions(doc, self.lex)
        except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
            doc._.mentions = []
            _failed(doc, "kg_mentions", err)
        return doc


class RelationExtractor:
    """Store the relations of a doc on ``doc._.relations`` (needs ``doc._.mentions``)."""

    def __init__(self, lang: str) -> None:
        self.lex = load_lexicon(lang)
        self.scorer = shipped_scorer(lang) if scorer_enabled() else None

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.relations = extract_relations(doc, doc._.mentions or [], self.lex, self.scorer)
        except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
            doc._.relations = []
            _failed(doc, "kg_relations", err)
        return doc


#: Prefixes that the English tokenizer cuts off at the hyphen ("co-CEO" -> "co", "-", "CEO").
HYPHEN_PREFIXES = frozenset(("co",))


class PrefixMerger:
    """Re-join a hyphenated prefix with its word ("co-CEO", "co-created", "co-founded") so
    that the tagger, parser and lexicon see one role noun or verb (runs first)."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        i = 0
        while i + 2 < len(doc):
            a, h, b = doc[i], doc[i + 1], doc[i + 2]
            if a.lower_ in HYPHEN_PREFIXES and h.text in ("-", "‐", "‑") and not a.whitespace_ \
                    and not h.whitespace_ and b.is_alpha and (i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_punct):
                spans.append(doc[i:i + 3])
                i += 3
            else:
                i += 1
        if spans:
            with doc.retokenize() as retok:
                for span in spans:
                    retok.merge(span)
        return doc


@Language.factory("kg_prefix_merge", default_config={})
def make_prefix_merge(nlp: Language, name: str) -> PrefixMerger:
    return PrefixMerger()


class PrefixLemmas:
    """Lemma of a merged prefixed word from its base ("co-founded" -> "co-found"); runs after the lemmatizer."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        for tok in doc:
            prefix, sep, base = tok.text.partition("-")
            if not sep or prefix.lower() not in HYPHEN_PREFIXES or not base.isalpha():
                continue
            lemma = base.lower()
            if lemmatizer is not None and hasattr(lemmatizer, "rule_lemmatize"):
                tmp = Doc(doc.vocab, words=[base.lower()])
                tmp[0].pos_, tmp[0].tag_ = tok.pos_, tok.tag_
                try:
                    lemma = lemmatizer.rule_lemmatize(tmp[0])[0]
                except Exception:  # noqa: BLE001 - keep the default lemma
                    lemma = base.lower()
            tok.lemma_ = f"{prefix.lower()}-{lemma}"
        return doc


@Language.factory("kg_prefix_lemmas", default_config={})
def make_prefix_lemmas(nlp: Language, name: str) -> PrefixLemmas:
    return PrefixLemmas(nlp)


@Language.component("kg_gazetteer_types")
def gazetteer_types(doc: Doc) -> Doc:
    """Give the gazetteer's matches back their ontology type after the NER (they went through it
    under a label it knows, :func:`kg.nlp.stand_in_labels`): the type is the head of the match's
    id, ``"Organization|Netflix"``."""
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        typ = ent.ent_id_.partition("|")[0] if "|" in ent.ent_id_ else ""
        if typ in ENTITY_TYPES and ent.label_ != typ:
            ents[k] = Span(doc, ent.start, ent.end, label=typ, kb_id=ent.kb_id, span_id=ent.ent_id)
            changed = True
    if changed:
        doc.ents = ents
    return doc


@Language.factory("kg_sentence_guard", default_config={})
def make_sentence_guard(nlp: Language, name: str) -> SentenceGuard:
    return SentenceGuard()


@Language.factory("kg_mentions", assigns=["doc._.mentions"], default_config={"lang": "fr"})
def make_mentions(nlp: Language, name: str, lang: str) -> MentionTyper:
    return MentionTyper(lang)


@Language.factory("kg_relations", assigns=["doc._.relations"], requires=["doc._.mentions"],
                  default_config={"lang": "fr"})
def make_relations(nlp: Language, name: str, lang: str) -> RelationExtractor:
    return RelationExtractor(lang)


@Language.factory("kg_media_ner", assigns=["doc.spans"], default_config={"lang": "fr", "path": None})
def make_media_ner(nlp: Language, name: str, lang: str, path: str | None) -> MediaNER:
    """The shipped media-type NER (:mod:`kg.media_ner`); spans in ``doc.spans["kg_media"]``."""
    return MediaNER(nlp, lang=lang, path=path)
