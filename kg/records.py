"""Typed records that flow between the pipeline stages.

Records keep their link to the text: every mention and relation carries character
offsets into its document, and every relation the sentence, the rule that produced
it and a confidence. They are immutable; stages build new records instead of
mutating old ones.

Example:
    >>> doc = Document(id="d1", text="Netflix utilise l'IA.", lang="fr")
    >>> len(doc.content_hash)
    64
    >>> m = Mention(text="Netflix", start=0, end=7, type="Organization", source="gazetteer")
    >>> doc.text[m.start:m.end]
    'Netflix'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

#: Entity types of the ontology that mentions may carry.
ENTITY_TYPES = ("Person", "Organization", "CreativeWork", "Product", "Concept", "Place", "Award", "Event")


@dataclass(frozen=True, slots=True)
class Document:
    """One input article.

    Attributes:
        id: Stable identifier (from the input record, else derived from the file).
        text: The article text.
        lang: ``"fr"`` or ``"en"``; ``None`` until detected.
        title, url, date: Optional metadata (``date`` as ISO ``YYYY-MM-DD``).
        source: The file it came from; ``line`` its line in a JSONL file.
        author, site: Optional metadata (byline; site or feed name) of web pages and feed items.
    """

    id: str
    text: str
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str = ""
    line: int | None = None
    author: str | None = None
    site: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the article's identity in the store."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names (or refers to) an entity, or a quote.

    Attributes:
        text: The surface form, verbatim.
        start, end: Character offsets in the document text.
        type: Ontology class name (see :data:`ENTITY_TYPES`, or ``"Quote"``).
        source: What typed it (``"ner:ORG"``, ``"gazetteer"``, ``"context"``...).
    """

    text: str
    start: int
    end: int
    type: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed statement with its evidence.

    Attributes:
        subject, object: The mentions it links (for ``said`` the object is a Quote mention).
        predicate: The ontology property's local name (``ceoOf``...).
        sentence: The sentence it was read from; ``sent_start`` its offset in the document.
        rule: Identifier of the rule that produced it (``role.appos``...).
        confidence: In ``[0, 1]``.
    """

    subject: Mention
    predicate: str
    object: Mention
    sentence: str
    sent_start: int
    rule: str
    confidence: float

    @property
    def start(self) -> int:
        """Start offset of the evidence sentence in the document."""
        return self.sent_start

    @property
    def end(self) -> int:
        """End offset of the evidence sentence in the document."""
        return self.sent_start + len(self.sentence)


@dataclass(slots=True)
class Entity:
    """One real-world thing as resolved within a document (or across the store).

    Attributes:
        key: Stable key ``type/slug`` (IRI path in the store).
        label: Canonical label (the fullest name seen).
        type: Ontology class name.
        aliases: Every surface form seen (the label included).
        mentions: The mentions resolved to it.
        wikidata: Wikidata QID when linked through the gazetteer.
    """

    key: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Triple:
    """A resolved statement: entity keys and labels, with its evidence relation."""

    subject: Entity
    predicate: str
    object: Entity
    evidence: Relation


@dataclass(slots=True)
class Extraction:
    """What the pipeline read from one document."""

    document: Document
    entities: list[Entity]
    triples: list[Triple]

    def to_json(self) -> dict:
        """The ``kg extract`` JSON contract (see ``../shared/eval/SCORING.md``).

        Example:
            >>> Extraction(Document(id="x", text="t"), [], []).to_json()["doc_id"]
            'x'
        """
        # ``label``/``subject``/``object`` are the article's own fullest names (kg.resolve);
        # ``canonical`` is the gazetteer's label of a linked entity (else the label).
        return {
            "doc_id": self.document.id,
            "lang": self.document.lang,
            "entities": [
                {"label": e.label, "canonical": getattr(e, "canonical", None) or e.label, "type": e.type, "id": e.key,
                 "aliases": sorted(e.aliases - {e.label}),
                 "mentions": len(e.mentions), **({"wikidata": e.wikidata} if e.wikidata else {})}
                for e in self.entities if e.type != "Quote"
            ],
            "triples": [
                {"subject": t.subject.label, "predicate": t.predicate, "object": t.object.label,
                 "subject_type": t.subject.type, "object_type": t.object.type,
                 "sentence": t.evidence.sentence, "start": t.evidence.start, "end": t.evidence.end,
                 "rule": t.evidence.rule, "confidence": t.evidence.confidence}
                for t in self.triples
            ],
        }
