"""Turn extraction records into RDF quads (pure conversion, no I/O).

The data model (checked by ``ontology/shapes.ttl``):

* an **entity** is ``RES[entity.key]`` (``mkr:person/ted-sarandos``), typed with its
  ``mkg:`` class, with one ``rdfs:label`` (the canonical label), a ``skos:prefLabel``
  tagged with the document language, one ``skos:altLabel`` per other surface form and
  ``owl:sameAs`` its Wikidata item when linked;
* a **quote** (object of ``mkg:said``) is ``mkr:quote/<sha1(text)[:16]>`` with
  ``mkg:quoteText``;
* an **article** is ``mkr:article/<content hash>``, typed ``mkg:Article`` and
  ``schema:NewsArticle``; its metadata lives in the fixed graph :data:`ARTICLES_GRAPH`;
* everything the article asserts lives in its own named graph
  ``mkr:article/<hash>/graph``: the asserted triples, the descriptions of the entities
  it mentions, and one ``mkg:Statement`` evidence node per triple (the reified triple,
  sentence, offsets, rule, confidence, ``prov:wasDerivedFrom`` the article).

The article metadata quads come **last** in :func:`extraction_to_quads`; the store
uses the ``mkg:contentHash`` quad as the article's commit marker.

Example:
    >>> from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
    >>> doc = Document(id="d1", text="Ted Sarandos dirige Netflix.", lang="fr")
    >>> ted = Entity("person/ted-sarandos", "Ted Sarandos", "Person", {"Ted Sarandos", "Sarandos"})
    >>> nflx = Entity("organization/netflix", "Netflix", "Organization", {"Netflix"})
    >>> rel = Relation(Mention("Ted Sarandos", 0, 12, "Person"), "ceoOf",
    ...                Mention("Netflix", 20, 27, "Organization"), doc.text, 0, "role.verb", 0.9)
    >>> quads = extraction_to_quads(Extraction(doc, [ted, nflx], [Triple(ted, "ceoOf", nflx, rel)]))
    >>> (entity_iri(ted), MKG.ceoOf, entity_iri(nflx), article_graph_iri(doc.content_hash)) in quads
    True
    >>> len(quads)  # 7 entity quads, 1 triple, 10 evidence quads, 5 metadata quads
    23
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import Errors, SchemaError
from kg.namespace import DCTERMS, MKG, OWL, PROV, RDF, RDFS, RES, SCHEMA, SKOS, WD, XSD
from kg.records import Document, Entity, Extraction, Triple

if TYPE_CHECKING:
    from rdflib import Dataset

__all__ = [
    "ARTICLES_GRAPH",
    "Quad",
    "add_extraction",
    "article_graph_iri",
    "article_iri",
    "article_quads",
    "class_iri",
    "entity_iri",
    "entity_quads",
    "extraction_to_ox_quads",
    "extraction_to_quads",
    "predicate_iri",
    "quote_iri",
    "statement_iri",
]

#: A quad as ``(subject, predicate, object, graph IRI)``; rdflib's ``Dataset.addN`` takes it.
Quad: TypeAlias = tuple[URIRef, URIRef, Node, URIRef]

#: The graph holding the metadata of every article.
ARTICLES_GRAPH: URIRef = RES["graph/articles"]

#: Characters an IRI cannot hold verbatim (RFC 3987): controls, space, angle brackets, quotes...
_IRI_UNSAFE = frozenset(chr(c) for c in range(0x21)) | frozenset('<>"{}|\\^`\x7f')


# Terms written for every article, bound once (attribute access on a DefinedNamespace is a
# checked lookup, about 5 us each, tens of thousands of times per batch).
_TYPE, _LABEL, _PREF, _ALT, _SAME = RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, OWL.sameAs
_QUOTE_TEXT, _STATEMENT, _SENTENCE, _START, _END = MKG.quoteText, MKG.Statement, MKG.sentence, MKG.startChar, MKG.endChar
_RULE, _CONFIDENCE, _DERIVED = MKG.rule, MKG.confidence, PROV.wasDerivedFrom
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_INTEGER, _DECIMAL = XSD.integer, XSD.decimal

_IRI_UNSAFE_RE = re.compile("[" + re.escape("".join(sorted(_IRI_UNSAFE))) + "]")


def _iri(value: str) -> str:
    """Percent-encode the few characters an IRI cannot hold; keep the rest (Unicode too)."""
    if not _IRI_UNSAFE_RE.search(value):
        return value
    return "".join(quote(c, safe="") if c in _IRI_UNSAFE else c for c in value)


def article_iri(content_hash: str) -> URIRef:
    """IRI of the article whose text has this SHA-256 hash.

    Example:
        >>> article_iri("ab" * 32)[:51]
        'https://w3id.org/media-kg/resource/article/abababab'
    """
    return RES[f"article/{content_hash}"]


def article_graph_iri(content_hash: str) -> URIRef:
    """IRI of the named graph holding what the article asserts.

    Example:
        >>> article_graph_iri("ab" * 32).endswith("/graph")
        True
    """
    return URIRef(f"{article_iri(content_hash)}/graph")


def quote_iri(text: str) -> URIRef:
    """IRI of a quote: ``mkr:quote/`` and the first 16 hex digits of the SHA-1 of its text.

    Example:
        >>> quote_iri("On ne remplacera pas les artistes.")[-22:]
        'quote/9aa76ba958523ed3'
    """
    return RES["quote/" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]]


def entity_iri(entity: Entity) -> URIRef:
    """IRI of an entity: ``RES[entity.key]``, or :func:`quote_iri` for a quote.

    Example:
        >>> entity_iri(Entity("person/ted-sarandos", "Ted Sarandos", "Person"))
        rdflib.term.URIRef('https://w3id.org/media-kg/resource/person/ted-sarandos')
    """
    if entity.type == "Quote":
        return quote_iri(entity.label)
    return RES[_iri(entity.key)]


def class_iri(name: str) -> URIRef:
    """The ontology class named ``name`` (``"Person"`` -> ``mkg:Person``).

    Raises:
        SchemaError: ``E026`` if the ontology declares no such term (a ``ValueError``).

    Example:
        >>> class_iri("Film")
        rdflib.term.URIRef('https://w3id.org/media-kg/ontology#Film')
    """
    return _mkg_term(name, "class")


def predicate_iri(name: str) -> URIRef:
    """The ontology property named ``name`` (``"ceoOf"`` -> ``mkg:ceoOf``).

    Raises:
        SchemaError: ``E026`` if the ontology declares no such term (a ``ValueError``).

    Example:
        >>> predicate_iri("ceoOf")
        rdflib.term.URIRef('https://w3id.org/media-kg/ontology#ceoOf')
    """
    return _mkg_term(name, "property")


@lru_cache(maxsize=512)  # a DefinedNamespace lookup checks the ontology's term list each time
def _mkg_term(name: str, kind: str) -> URIRef:
    try:
        return MKG[name]
    except (AttributeError, KeyError):
        raise SchemaError(Errors.E026.format(name=name, kind=kind)) from None


def statement_iri(content_hash: str, subject: URIRef, predicate: URIRef, obj: URIRef, start: int) -> URIRef:
    """Deterministic IRI of the evidence node of one triple read in one article.

    The SHA-1 is taken over the article hash, the three IRIs and the sentence offset,
    joined with ``|`` (so that no two different inputs concatenate to the same string).

    Example:
        >>> s = statement_iri("ab" * 32, RES["person/a"], MKG.ceoOf, RES["organization/b"], 0)
        >>> s == statement_iri("ab" * 32, RES["person/a"], MKG.ceoOf, RES["organization/b"], 0)
        True
        >>> len(s.rsplit("/", 1)[1])
        16
    """
    key = "|".join((content_hash, str(subject), str(predicate), str(obj), str(start)))
    return RES["statement/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]]


def entity_quads(entity: Entity, graph: URIRef, *, lang: str | None = None) -> Iterator[Quad]:
    """The description of one entity (or quote) in ``graph``.

    Args:
        entity: The resolved entity.
        graph: The named graph to put the description in.
        lang: The document language, tag of ``skos:prefLabel`` (untagged when ``None``).

    Example:
        >>> e = Entity("organization/netflix", "Netflix", "Organization", {"Netflix", "NFLX"}, wikidata="Q907311")
        >>> for _, p, o, _ in entity_quads(e, ARTICLES_GRAPH, lang="en"):
        ...     print(p.n3(), o.n3())
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/media-kg/ontology#Organization>
        <http://www.w3.org/2000/01/rdf-schema#label> "Netflix"
        <http://www.w3.org/2004/02/skos/core#prefLabel> "Netflix"@en
        <http://www.w3.org/2004/02/skos/core#altLabel> "NFLX"
        <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q907311>
    """
    iri = entity_iri(entity)
    yield iri, _TYPE, class_iri(entity.type), graph
    if entity.type == "Quote":
        yield iri, _QUOTE_TEXT, Literal(entity.label), graph
        return
    pref = getattr(entity, "pref_label", None) or entity.label  # kg.registry.StoreEntity: per-language label
    yield iri, _LABEL, Literal(entity.label), graph
    yield iri, _PREF, Literal(pref, lang=lang or None), graph
    for alias in sorted(entity.aliases - {entity.label, pref}):
        yield iri, _ALT, Literal(alias), graph
    if entity.wikidata:
        yield iri, _SAME, WD[entity.wikidata], graph


def article_quads(document: Document) -> list[Quad]:
    """The metadata of one article, in :data:`ARTICLES_GRAPH`.

    The ``mkg:contentHash`` quad comes last: the store treats it as the marker that
    the article was written completely.

    Example:
        >>> doc = Document(id="d1", text="t", lang="en", url="https://ex.org/a b", date="2024-05-02")
        >>> [str(o) for _, p, o, _ in article_quads(doc) if p == SCHEMA.url]
        ['https://ex.org/a%20b']
        >>> page = Document(id="d2", text="t", author="Claire Dumontel", site="Le Quotidien")
        >>> sorted(str(o) for _, p, o, _ in article_quads(page) if p in (SCHEMA.author, SCHEMA.publisher))
        ['Claire Dumontel', 'Le Quotidien']
    """
    a = article_iri(document.content_hash)
    g = ARTICLES_GRAPH
    quads: list[Quad] = [
        (a, RDF.type, MKG.Article, g),
        (a, RDF.type, SCHEMA.NewsArticle, g),
        (a, DCTERMS.identifier, Literal(document.id), g),
    ]
    if document.lang:
        quads.append((a, SCHEMA.inLanguage, Literal(document.lang), g))
    if document.url:
        quads.append((a, SCHEMA.url, URIRef(_iri(document.url)), g))
    if document.title:
        quads.append((a, SCHEMA.headline, Literal(document.title), g))
    if document.date:
        try:
            quads.append((a, SCHEMA.datePublished, Literal(date.fromisoformat(document.date[:10])), g))
        except ValueError:
            pass  # kg.ingest rejects malformed dates (E007); never write an ill-typed literal
    if document.author:  # a saved page's byline (kg.ingest.html)
        quads.append((a, SCHEMA.author, Literal(document.author), g))
    if document.site:  # the site or feed it came from
        quads.append((a, SCHEMA.publisher, Literal(document.site), g))
    quads.append((a, MKG.contentHash, Literal(document.content_hash), g))
    return quads


def _confidence(value: float) -> Decimal:
    """A confidence as written: clamped to [0, 1], four decimals."""
    return Decimal(str(round(min(max(float(value), 0.0), 1.0), 4)))


def _statement_quads(content_hash: str, triple: Triple, graph: URIRef, s: URIRef, o: URIRef) -> tuple[URIRef, list[Quad]]:
    p = predicate_iri(triple.predicate)
    ev = triple.evidence
    st = statement_iri(content_hash, s, p, o, ev.start)
    conf = _confidence(ev.confidence)
    return st, [
        (st, _TYPE, _STATEMENT, graph),
        (st, _SUBJECT, s, graph),
        (st, _PREDICATE, p, graph),
        (st, _OBJECT, o, graph),
        (st, _SENTENCE, Literal(ev.sentence), graph),
        (st, _START, Literal(ev.start, datatype=_INTEGER), graph),
        (st, _END, Literal(ev.end, datatype=_INTEGER), graph),
        (st, _RULE, Literal(ev.rule), graph),
        (st, _CONFIDENCE, Literal(conf, datatype=_DECIMAL), graph),
        (st, _DERIVED, article_iri(content_hash), graph),
    ]


def _best_evidence(triples: Iterable[Triple], iri: Callable[[Entity], URIRef]) -> list[tuple[Triple, URIRef, URIRef]]:
    """One triple per (s, p, o, sentence start): the most confident (then first) rule."""
    best: dict[tuple[URIRef, str, URIRef, int], Triple] = {}
    for t in triples:
        key = (iri(t.subject), t.predicate, iri(t.object), t.evidence.start)
        if key not in best or t.evidence.confidence > best[key].evidence.confidence:
            best[key] = t
    return [(t, s, o) for (s, _, o, _), t in best.items()]


def _described(extraction: Extraction, iri: Callable[[Entity], object]) -> dict:
    """Each entity of an extraction once, keyed by its IRI, in the order the article names them:
    its entities, then the ends of its triples (one description per node)."""
    described: dict = {}
    for entity in extraction.entities:
        described.setdefault(iri(entity), entity)
    for t in extraction.triples:
        described.setdefault(iri(t.subject), t.subject)
        described.setdefault(iri(t.object), t.object)
    return described


def extraction_to_quads(extraction: Extraction) -> list[Quad]:
    """All the quads of one article: its named graph, then its metadata (last).

    Two relations stating the same triple from the same sentence (two rules) give one
    evidence node, the most confident. Quads are unique.

    Args:
        extraction: What the pipeline read from one document.

    Returns:
        Quads ``(s, p, o, graph IRI)``, the article metadata at the end.

    Raises:
        ValueError: If an entity type or a predicate is not an ontology term.

    Example:
        >>> from kg.records import Document
        >>> quads = extraction_to_quads(Extraction(Document(id="x", text="t", lang="en"), [], []))
        >>> quads[-1][1] == MKG.contentHash
        True
    """
    doc = extraction.document
    h = doc.content_hash
    g = article_graph_iri(h)
    out: dict[Quad, None] = {}  # ordered set

    iris: dict[tuple[str, str, str], URIRef] = {}

    def iri(entity: Entity) -> URIRef:
        key = (entity.type, entity.key, entity.label)
        if key not in iris:
            iris[key] = entity_iri(entity)
        return iris[key]

    described = _described(extraction, iri)
    for entity in described.values():
        out.update(dict.fromkeys(entity_quads(entity, g, lang=doc.lang)))

    for t, s, o in _best_evidence(extraction.triples, iri):
        _, evidence = _statement_quads(h, t, g, s, o)
        out[(s, predicate_iri(t.predicate), o, g)] = None
        out.update(dict.fromkeys(evidence))

    out.update(dict.fromkeys(article_quads(doc)))
    return list(out)


# --- the same quads as pyoxigraph terms, built directly (what the Oxigraph store writes) ---

@lru_cache(maxsize=4096)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_OX_TYPE, _OX_LABEL, _OX_PREF, _OX_ALT, _OX_SAME = map(_node, (_TYPE, _LABEL, _PREF, _ALT, _SAME))
_OX_QUOTE_TEXT, _OX_STATEMENT, _OX_SENTENCE, _OX_START, _OX_END = map(
    _node, (_QUOTE_TEXT, _STATEMENT, _SENTENCE, _START, _END))
_OX_RULE, _OX_CONFIDENCE, _OX_DERIVED = map(_node, (_RULE, _CONFIDENCE, _DERIVED))
_OX_SUBJECT, _OX_PREDICATE, _OX_OBJECT = map(_node, (_SUBJECT, _PREDICATE, _OBJECT))
_OX_INTEGER, _OX_DECIMAL, _OX_DATE = _node(_INTEGER), _node(_DECIMAL), _node(XSD.date)


def _ox_term(term: Node) -> ox.NamedNode | ox.Literal:
    """An rdflib IRI or literal of :func:`article_quads` as a pyoxigraph term."""
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=_node(str(term.datatype)))
        return ox.Literal(str(term))
    return _node(str(term))


def _ox_entity_quads(subject: ox.NamedNode, entity: Entity, graph: ox.NamedNode,
                     lang: str | None) -> Iterator[ox.Quad]:
    """:func:`entity_quads` as pyoxigraph quads."""
    yield ox.Quad(subject, _OX_TYPE, _node(class_iri(entity.type)), graph)
    if entity.type == "Quote":
        yield ox.Quad(subject, _OX_QUOTE_TEXT, ox.Literal(entity.label), graph)
        return
    pref = getattr(entity, "pref_label", None) or entity.label
    yield ox.Quad(subject, _OX_LABEL, ox.Literal(entity.label), graph)
    yield ox.Quad(subject, _OX_PREF, ox.Literal(pref, language=lang) if lang else ox.Literal(pref), graph)
    for alias in sorted(entity.aliases - {entity.label, pref}):
        yield ox.Quad(subject, _OX_ALT, ox.Literal(alias), graph)
    if entity.wikidata:
        yield ox.Quad(subject, _OX_SAME, _node(WD[entity.wikidata]), graph)


def extraction_to_ox_quads(extraction: Extraction) -> list[ox.Quad]:
    """:func:`extraction_to_quads` built as pyoxigraph quads, without rdflib terms (what
    :meth:`kg.store.Store.add` writes to Oxigraph): the same quads, in the same order.

    Raises:
        SchemaError: ``E026`` if an entity type or a predicate is not an ontology term.

    Example:
        >>> from kg.records import Document
        >>> quads = extraction_to_ox_quads(Extraction(Document(id="x", text="t", lang="en"), [], []))
        >>> quads[-1].predicate.value == str(MKG.contentHash), len(quads)
        (True, 5)
    """
    doc = extraction.document
    h = doc.content_hash
    g = ox.NamedNode(article_graph_iri(h))
    out: dict[ox.Quad, None] = {}  # ordered set
    iris: dict[tuple[str, str, str], str] = {}

    def iri(entity: Entity) -> str:
        key = (entity.type, entity.key, entity.label)
        found = iris.get(key)
        if found is None:
            found = iris[key] = str(entity_iri(entity))
        return found

    described = _described(extraction, iri)
    nodes: dict[str, ox.NamedNode] = {}
    for text, entity in described.items():
        node = nodes[text] = ox.NamedNode(text)
        for q in _ox_entity_quads(node, entity, g, doc.lang):
            out[q] = None

    article = ox.NamedNode(article_iri(h))
    for t, s, o in _best_evidence(extraction.triples, iri):  # type: ignore[arg-type]
        p = predicate_iri(t.predicate)
        ev = t.evidence
        st = ox.NamedNode(statement_iri(h, s, p, o, ev.start))  # type: ignore[arg-type]
        subject, predicate, obj = nodes[s], _node(p), nodes[o]  # type: ignore[index]
        out[ox.Quad(subject, predicate, obj, g)] = None
        for q in (ox.Quad(st, _OX_TYPE, _OX_STATEMENT, g),
                  ox.Quad(st, _OX_SUBJECT, subject, g),
                  ox.Quad(st, _OX_PREDICATE, predicate, g),
                  ox.Quad(st, _OX_OBJECT, obj, g),
                  ox.Quad(st, _OX_SENTENCE, ox.Literal(ev.sentence), g),
                  ox.Quad(st, _OX_START, ox.Literal(str(int(ev.start)), datatype=_OX_INTEGER), g),
                  ox.Quad(st, _OX_END, ox.Literal(str(int(ev.end)), datatype=_OX_INTEGER), g),
                  ox.Quad(st, _OX_RULE, ox.Literal(ev.rule), g),
                  ox.Quad(st, _OX_CONFIDENCE, ox.Literal(f"{_confidence(ev.confidence):f}", datatype=_OX_DECIMAL), g),
                  ox.Quad(st, _OX_DERIVED, article, g)):
            out[q] = None

    for s_, p_, o_, g_ in article_quads(doc):  # a few quads: converted
        out[ox.Quad(_ox_term(s_), _ox_term(p_), _ox_term(o_), _ox_term(g_))] = None  # type: ignore[arg-type]
    return list(out)


def add_extraction(dataset: Dataset, extraction: Extraction) -> int:
    """Add the quads of one extraction to an rdflib dataset in one ``addN`` call.

    On an Oxigraph-backed dataset that call is a single transaction.

    Returns:
        The number of quads handed to the dataset.

    Example:
        >>> from rdflib import Dataset
        >>> from kg.records import Document
        >>> add_extraction(Dataset(), Extraction(Document(id="x", text="t", lang="en"), [], []))
        5
    """
    quads = extraction_to_quads(extraction)
    dataset.addN(quads)
    return len(quads)
