"""All media-kg spaCy factories, registered in one place.

The components are thin: they call the plain functions of :mod:`kg.extract` and store
the results on ``doc._.mentions`` and ``doc._.relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.mentions import find_mentions
from kg.extract.relations import extract_relations
from kg.lexicon import load_lexicon

for _name in ("mentions", "relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class MentionTyper:
    """Store the typed mentions of a doc on ``doc._.mentions``."""

    def __init__(self, lang: str) -> None:
        self.lex = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc, self.lex)
        return doc


class RelationExtractor:
    """Store the relations of a doc on ``doc._.relations`` (needs ``doc._.mentions``)."""

    def __init__(self, lang: str) -> None:
        self.lex = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = extract_relations(doc, doc._.mentions or [], self.lex)
        return doc


@Language.factory("kg_mentions", assigns=["doc._.mentions"], default_config={"lang": "fr"})
def make_mentions(nlp: Language, name: str, lang: str) -> MentionTyper:
    return MentionTyper(lang)


@Language.factory("kg_relations", assigns=["doc._.relations"], requires=["doc._.mentions"],
                  default_config={"lang": "fr"})
def make_relations(nlp: Language, name: str, lang: str) -> RelationExtractor:
    return RelationExtractor(lang)
