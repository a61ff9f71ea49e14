"""The ontology (``ontology/media.ttl``) and the SHACL shapes (``ontology/shapes.ttl``).

The shapes are the contract of the RDF the builder emits; these tests pin it down with a
small conforming graph and a series of graphs that break one rule each. Validation runs
with the ontology as pySHACL's ``ont_graph`` (so ``sh:class`` follows ``rdfs:subClassOf``),
both without inference and with RDFS inference.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from decimal import Decimal

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.namespace import MKG, RES, WD
from kg.namespace.paths import ontology_path, shapes_path

ONTOLOGY_IRI = URIRef("https://w3id.org/media-kg/ontology")
NS = str(MKG)
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
INFERENCE = ("none", "rdfs")
# Plain namespaces: rdflib's open DefinedNamespaces (SDO, XSD) warn when pytest inspects them.
SCHEMA = Namespace("https://schema.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def declared_terms(graph: Graph) -> set[URIRef]:
    """Classes and properties of the mkg namespace declared in ``graph``."""
    return {
        s
        for t in TERM_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


# --------------------------------------------------------------------------- ontology


def test_files_parse(ontology: Graph, shapes: Graph) -> None:
    assert len(ontology) > 100
    assert len(shapes) > 100


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")


def test_every_term_has_french_and_english_labels_and_a_comment(ontology: Graph) -> None:
    terms = declared_terms(ontology)
    assert len(terms) >= 40
    problems = []
    for term in sorted(terms):
        labels = [o for o in ontology.objects(term, RDFS.label) if isinstance(o, Literal)]
        for lang in ("fr", "en"):
            count = sum(1 for label in labels if label.language == lang)
            if count != 1:
                problems.append(f"{term}: {count} rdfs:label@{lang} (expected 1)")
        comments = [o for o in ontology.objects(term, RDFS.comment) if isinstance(o, Literal)]
        if not any(c.language == "en" for c in comments):
            problems.append(f"{term}: no rdfs:comment@en")
        if (term, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ontology:
            problems.append(f"{term}: no rdfs:isDefinedBy")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        *((c, OWL.Class) for c in (
            "Person", "Organization", "CreativeWork", "Film", "Series", "Book", "Comic", "Product",
            "Concept", "Place", "Award", "Event", "Quote", "Article", "Statement",
        )),
        *((p, OWL.ObjectProperty) for p in (
            "ceoOf", "leads", "founderOf", "worksFor", "uses", "develops", "produces", "distributes",
            "directedBy", "actsIn", "author", "basedOn", "setIn", "acquires", "subsidiaryOf",
            "partnersWith", "headquarteredIn", "locatedIn", "wonAward", "genre", "said",
        )),
        *((p, OWL.DatatypeProperty) for p in (
            "sentence", "startChar", "endChar", "rule", "confidence", "contentHash", "support", "quoteText",
        )),
    ],
)
def test_term_is_declared(ontology: Graph, name: str, kind: URIRef) -> None:
    assert (MKG[name], RDF.type, kind) in ontology


def test_object_properties_have_domain_and_range(ontology: Graph) -> None:
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop


def test_hierarchy(ontology: Graph) -> None:
    assert (MKG.ceoOf, RDFS.subPropertyOf, MKG.leads) in ontology
    assert (MKG.leads, RDFS.subPropertyOf, MKG.worksFor) in ontology
    assert (MKG.partnersWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (MKG.Statement, RDFS.subClassOf, RDF.Statement) in ontology
    for sub in (MKG.Film, MKG.Series, MKG.Book, MKG.Comic):
        assert (sub, RDFS.subClassOf, MKG.CreativeWork) in ontology


def test_wikidata_alignments_use_known_properties_only(ontology: Graph) -> None:
    known = {
        "P50", "P57", "P108", "P112", "P127", "P131", "P136", "P144", "P159", "P161", "P166",
        "P169", "P178", "P272", "P355", "P749", "P750", "P840",
    }
    wdt = "http://www.wikidata.org/prop/direct/"
    used = {str(o)[len(wdt):] for o in ontology.objects() if str(o).startswith(wdt)}
    assert used, "no Wikidata alignment"
    assert used <= known, f"unexpected Wikidata properties: {sorted(used - known)}"


# --------------------------------------------------------------------------- shapes vs ontology


def _classes(graph: Graph, node: Node | None) -> set[Node]:
    """A class, or the members of an owl:unionOf class expression."""
    if node is None:
        return set()
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


def _shape_classes(shapes: Graph, shape: Node) -> set[Node]:
    """The classes a shape requires: its sh:class, or the sh:class of each sh:or member."""
    found = set(shapes.objects(shape, SH["class"]))
    for alternatives in shapes.objects(shape, SH["or"]):
        for member in Collection(shapes, alternatives):
            found |= set(shapes.objects(member, SH["class"]))
    return found


def test_shapes_mirror_domains_and_ranges(ontology: Graph, shapes: Graph) -> None:
    problems = []
    for prop in sorted(p for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)):
        node_shapes = list(shapes.subjects(SH.targetSubjectsOf, prop))
        if len(node_shapes) != 1:
            problems.append(f"{prop}: {len(node_shapes)} shapes target its subjects (expected 1)")
            continue
        (shape,) = node_shapes
        if _shape_classes(shapes, shape) != _classes(ontology, ontology.value(prop, RDFS.domain)):
            problems.append(f"{prop}: shape domain differs from rdfs:domain")
        prop_shapes = [ps for ps in shapes.objects(shape, SH.property) if shapes.value(ps, SH.path) == prop]
        if len(prop_shapes) != 1 or _shape_classes(shapes, prop_shapes[0]) != _classes(
            ontology, ontology.value(prop, RDFS.range)
        ):
            problems.append(f"{prop}: shape range differs from rdfs:range")
    assert not problems, "\n".join(problems)


def test_shapes_only_use_declared_mkg_terms(ontology: Graph, shapes: Graph) -> None:
    terms = declared_terms(ontology)
    used = {n for triple in shapes for n in triple if isinstance(n, URIRef) and str(n).startswith(NS)}
    assert used <= terms, f"undeclared mkg terms in shapes.ttl: {sorted(used - terms)}"


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(
        Graph(), shacl_graph=shapes, meta_shacl=True, inference="none"
    )
    assert conforms, text


# --------------------------------------------------------------------------- data


TEXT = "Ted Sarandos, PDG de Netflix, a déclaré : « Nous investissons en France. »"
SENTENCE = TEXT
HASH = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()

PERSON = RES["person/ted-sarandos"]
ORG = RES["organization/netflix"]
FILM = RES["film/le-comte-de-monte-cristo"]
BOOK = RES["book/le-comte-de-monte-cristo"]
SERIES = RES["series/lupin"]
COMIC_FORM = RES["concept/bande-dessinee"]
AI = RES["concept/intelligence-artificielle"]
PLACE = RES["place/france"]
AWARD = RES["award/cesar-du-meilleur-film"]
QUOTE = RES[f"quote/{HASH[:16]}-1"]
ARTICLE = RES[f"article/{HASH}"]
EVIDENCE = RES[f"statement/{HASH[:16]}-1"]
SAID_EVIDENCE = RES[f"statement/{HASH[:16]}-2"]


def _entity(g: Graph, iri: URIRef, cls: URIRef, label: str | Literal) -> None:
    g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, label if isinstance(label, Literal) else Literal(label)))


def _evidence(g: Graph, node: URIRef, s: URIRef, p: URIRef, o: URIRef, rule: str) -> None:
    g.add((node, RDF.type, MKG.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, MKG.sentence, Literal(SENTENCE)))
    g.add((node, MKG.startChar, Literal(0)))
    g.add((node, MKG.endChar, Literal(len(SENTENCE))))
    g.add((node, MKG.rule, Literal(rule)))
    g.add((node, MKG.confidence, Literal(Decimal("0.9"))))
    g.add((node, PROV.wasDerivedFrom, ARTICLE))


def valid_graph() -> Graph:
    """A small graph following the builder's data model."""
    g = Graph()
    _entity(g, PERSON, MKG.Person, "Ted Sarandos")
    g.add((PERSON, SKOS.prefLabel, Literal("Ted Sarandos", lang="fr")))
    g.add((PERSON, SKOS.prefLabel, Literal("Ted Sarandos", lang="en")))
    g.add((PERSON, SKOS.altLabel, Literal("Sarandos")))
    g.add((PERSON, OWL.sameAs, WD.Q7693016))
    _entity(g, ORG, MKG.Organization, "Netflix")
    g.add((ORG, OWL.sameAs, WD.Q907311))
    _entity(g, FILM, MKG.Film, "Le Comte de Monte-Cristo")
    _entity(g, BOOK, MKG.Book, Literal("Le Comte de Monte-Cristo", lang="fr"))
    _entity(g, SERIES, MKG.Series, "Lupin")
    _entity(g, COMIC_FORM, MKG.Concept, "bande dessinée")
    _entity(g, AI, MKG.Concept, "intelligence artificielle")
    _entity(g, PLACE, MKG.Place, "France")
    _entity(g, AWARD, MKG.Award, "César du meilleur film")

    g.add((PERSON, MKG.ceoOf, ORG))
    g.add((ORG, MKG.uses, AI))
    g.add((ORG, MKG.distributes, SERIES))
    g.add((ORG, MKG.headquarteredIn, PLACE))
    g.add((FILM, MKG.basedOn, BOOK))  # Film and Book where CreativeWork is expected
    g.add((SERIES, MKG.basedOn, COMIC_FORM))  # unnamed source: a Concept
    g.add((SERIES, MKG.setIn, PLACE))
    g.add((FILM, MKG.wonAward, AWARD))

    g.add((QUOTE, RDF.type, MKG.Quote))
    g.add((QUOTE, MKG.quoteText, Literal("Nous investissons en France.")))
    g.add((PERSON, MKG.said, QUOTE))

    g.add((ARTICLE, RDF.type, MKG.Article))
    g.add((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    g.add((ARTICLE, MKG.contentHash, Literal(HASH)))
    g.add((ARTICLE, SCHEMA.inLanguage, Literal("fr")))
    g.add((ARTICLE, SCHEMA.url, URIRef("https://example.org/news/netflix")))
    g.add((ARTICLE, SCHEMA.headline, Literal("Netflix investit en France", lang="fr")))
    g.add((ARTICLE, SCHEMA.datePublished, Literal("2024-05-02", datatype=XSD.date)))

    _evidence(g, EVIDENCE, PERSON, MKG.ceoOf, ORG, "role.appos")
    _evidence(g, SAID_EVIDENCE, PERSON, MKG.said, QUOTE, "quote.colon")
    g.add((SAID_EVIDENCE, MKG.support, Literal(1)))
    return g


def validate(data: Graph, shapes: Graph, ontology: Graph, inference: str) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference=inference, allow_warnings=False
    )
    return bool(conforms), str(text)


@pytest.mark.parametrize("inference", INFERENCE)
def test_valid_graph_conforms(shapes: Graph, ontology: Graph, inference: str) -> None:
    conforms, text = validate(valid_graph(), shapes, ontology, inference)
    assert conforms, text


@pytest.mark.parametrize("inference", INFERENCE)
def test_blank_node_statement_and_literal_url_conform(shapes: Graph, ontology: Graph, inference: str) -> None:
    g = valid_graph()
    node = BNode()
    for p, o in list(g.predicate_objects(EVIDENCE)):
        g.add((node, p, o))
    g.remove((EVIDENCE, None, None))
    g.set((ARTICLE, SCHEMA.url, Literal("https://example.org/a", datatype=XSD.anyURI)))
    g.set((ARTICLE, SCHEMA.datePublished, Literal("2024-05-02T08:30:00+02:00", datatype=XSD.dateTime)))
    conforms, text = validate(g, shapes, ontology, inference)
    assert conforms, text


Mutation = Callable[[Graph], None]


def _replace(s: URIRef, p: URIRef, o: Node) -> Mutation:
    return lambda g: g.set((s, p, o))


def _add(*triples: tuple[Node, Node, Node]) -> Mutation:
    def mutate(g: Graph) -> None:
        for triple in triples:
            g.add(triple)

    return mutate


def _remove(s: URIRef, p: URIRef) -> Mutation:
    return lambda g: g.remove((s, p, None))


INVALID: list[tuple[str, Mutation, str]] = [
    # (id, mutation, fragment of the expected message without inference)
    ("range-wrong-class", _add((PERSON, MKG.ceoOf, FILM)), "object of mkg:ceoOf"),
    ("range-union-wrong-class", _add((ORG, MKG.uses, PLACE)), "object of mkg:uses"),
    ("range-literal", _add((ORG, MKG.partnersWith, Literal("Canal+"))), "object of mkg:partnersWith"),
    ("domain-wrong-class", _add((ORG, MKG.directedBy, PERSON)), "subject of mkg:directedBy"),
    ("said-not-a-quote", _add((PERSON, MKG.said, ORG)), "object of mkg:said"),
    ("statement-missing-sentence", _remove(EVIDENCE, MKG.sentence), "mkg:sentence"),
    ("statement-missing-article", _remove(EVIDENCE, PROV.wasDerivedFrom), "prov:wasDerivedFrom"),
    ("statement-predicate-not-mkg", _replace(EVIDENCE, RDF.predicate, SCHEMA.worksFor), "rdf:predicate"),
    ("confidence-above-1", _replace(EVIDENCE, MKG.confidence, Literal(Decimal("1.5"))), "mkg:confidence"),
    ("confidence-negative", _replace(EVIDENCE, MKG.confidence, Literal(Decimal("-0.1"))), "mkg:confidence"),
    ("confidence-double", _replace(EVIDENCE, MKG.confidence, Literal(0.9)), "mkg:confidence"),
    ("start-after-end", _replace(EVIDENCE, MKG.startChar, Literal(len(SENTENCE) + 1)), "mkg:startChar"),
    ("start-negative", _replace(EVIDENCE, MKG.startChar, Literal(-1)), "mkg:startChar"),
    ("hash-not-hex", _replace(ARTICLE, MKG.contentHash, Literal("z" * 64)), "mkg:contentHash"),
    ("hash-too-short", _replace(ARTICLE, MKG.contentHash, Literal(HASH[:63])), "mkg:contentHash"),
    ("hash-uppercase", _replace(ARTICLE, MKG.contentHash, Literal(HASH.upper())), "mkg:contentHash"),
    ("article-missing-language", _remove(ARTICLE, SCHEMA.inLanguage), "schema:inLanguage"),
    ("article-date-string", _replace(ARTICLE, SCHEMA.datePublished, Literal("2 mai 2024")), "schema:datePublished"),
    ("quote-missing-text", _remove(QUOTE, MKG.quoteText), "mkg:quoteText"),
    ("entity-two-labels", _add((ORG, RDFS.label, Literal("Netflix Inc."))), "rdfs:label"),
    ("entity-no-label", _remove(ORG, RDFS.label), "rdfs:label"),
    ("entity-two-types", _add((ORG, RDF.type, MKG.Person)), "most specific mkg class"),
    ("entity-prefLabel-same-lang",
     _add((PERSON, SKOS.prefLabel, Literal("Theodore Sarandos", lang="fr"))), "skos:prefLabel"),
    ("entity-sameAs-not-wikidata",
     _add((ORG, OWL.sameAs, URIRef("https://dbpedia.org/resource/Netflix"))), "owl:sameAs"),
    ("entity-iri-outside-namespace",
     _add((URIRef("https://example.org/netflix"), RDF.type, MKG.Organization),
          (URIRef("https://example.org/netflix"), RDFS.label, Literal("Netflix"))), "entity IRI"),
    ("entity-iri-bad-slug",
     _add((RES["organization/Canal+"], RDF.type, MKG.Organization),
          (RES["organization/Canal+"], RDFS.label, Literal("Canal+"))), "entity IRI"),
    ("support-zero", _add((EVIDENCE, MKG.support, Literal(0))), "mkg:support"),
]


#: Broken only without inference: RDFS inference derives the missing triple from the ontology.
INVALID_WITHOUT_INFERENCE: list[tuple[str, Mutation, str]] = [
    ("article-not-news-article", lambda g: g.remove((ARTICLE, RDF.type, SCHEMA.NewsArticle)), "schema:NewsArticle"),
]


def _invalid_cases() -> Iterator[object]:
    for case_id, mutate, fragment in INVALID:
        for inference in INFERENCE:
            yield pytest.param(mutate, fragment, inference, id=f"{case_id}-{inference}")
    for case_id, mutate, fragment in INVALID_WITHOUT_INFERENCE:
        yield pytest.param(mutate, fragment, "none", id=f"{case_id}-none")


@pytest.mark.parametrize(("mutate", "fragment", "inference"), list(_invalid_cases()))
def test_invalid_graph_does_not_conform(
    shapes: Graph, ontology: Graph, mutate: Mutation, fragment: str, inference: str
) -> None:
    g = valid_graph()
    mutate(g)
    conforms, text = validate(g, shapes, ontology, inference)
    assert not conforms, f"expected a violation ({fragment})"
    if inference == "none":  # RDFS inference may report the same error through another shape
        assert fragment in text, text
