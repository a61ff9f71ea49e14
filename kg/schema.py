"""The ontology's domain and range constraints, for checking triples before they are stored.

:func:`allowed` answers whether ``predicate(subject_type, object_type)`` fits the
``rdfs:domain`` / ``rdfs:range`` of the property in ``ontology/media.ttl`` (a class, or an
``owl:unionOf`` of classes; a subclass fits where its superclass is expected, so a
``Film`` is a ``CreativeWork``). The ontology is read once (cached), through
:func:`kg.namespace.paths.ontology_path`.

:func:`fit` is what the resolve stage and the registry apply to every triple: the
predicate itself when the ontology allows it, else the first remapping of
:data:`REMAP` that the ontology allows, else ``None`` (drop the triple). Self-loops are
never allowed (:func:`fit` gets the keys, when given, to check that).

Example:
    >>> allowed("ceoOf", "Person", "Organization"), allowed("ceoOf", "Organization", "Person")
    (True, False)
    >>> allowed("directedBy", "Film", "Person")
    True
    >>> fit("develops", "Organization", "CreativeWork")
    'produces'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["REMAP", "Schema", "allowed", "fit", "load_schema"]

MKG_NS = "https://w3id.org/media-kg/ontology#"

#: Remappings tried, in order, when the ontology forbids ``predicate(subject, object)``:
#: ``predicate -> (replacement, ...)``. Each replacement is kept only if the ontology
#: allows it for the same subject and object types.
#:
#: * ``develops`` a creative work is ``produces`` it ("développer une série"; the scorer
#:   counts ``develops`` and ``produces`` as one another);
#: * ``headquarteredIn`` with a subject that is not an organization (a place, an event)
#:   is ``locatedIn``;
#: * ``setIn`` with a subject that is not a creative work (an event, a company) is
#:   ``locatedIn``;
#: * ``produces`` a technology (a Concept) is ``develops`` it.
REMAP: dict[str, tuple[str, ...]] = {
    "develops": ("produces",),
    "headquarteredIn": ("locatedIn",),
    "setIn": ("locatedIn",),
    "produces": ("develops",),
}


@dataclass(frozen=True)
class Schema:
    """Domain and range of each ontology property, as sets of class local names.

    Attributes:
        domains, ranges: ``property -> classes``; a property absent from the map has no
            constraint on that side.
        superclasses: ``class -> {class and all its mkg superclasses}``.
        properties: Every property the ontology declares.
        symmetric: The properties declared ``owl:SymmetricProperty`` (``partnersWith``).
    """

    domains: dict[str, frozenset[str]]
    ranges: dict[str, frozenset[str]]
    superclasses: dict[str, frozenset[str]]
    properties: frozenset[str]
    symmetric: frozenset[str] = frozenset()

    def is_a(self, type_: str, classes: frozenset[str] | None) -> bool:
        """Whether an entity of ``type_`` is an instance of one of ``classes`` (``None``: anything)."""
        if classes is None:
            return True
        return bool(self.superclasses.get(type_, frozenset((type_,))) & classes)

    def allowed(self, predicate: str, subject_type: str, object_type: str) -> bool:
        """See :func:`allowed`."""
        if predicate not in self.properties or "Misc" in (subject_type, object_type):
            return False
        return (self.is_a(subject_type, self.domains.get(predicate))
                and self.is_a(object_type, self.ranges.get(predicate)))


def _local(node: object) -> str | None:
    text = str(node)
    return text[len(MKG_NS):] if text.startswith(MKG_NS) else None


def _read(path: Path) -> Schema:
    from rdflib import OWL, RDF, RDFS, BNode, Graph
    from rdflib.collection import Collection

    g = Graph()
    g.parse(path, format="turtle")

    def classes(node: object) -> frozenset[str] | None:
        """Local names of a class expression: a named class or an owl:unionOf of classes."""
        if isinstance(node, BNode):
            members = g.value(node, OWL.unionOf)
            if members is None:
                return None
            names = [_local(m) for m in Collection(g, members)]
            return frozenset(n for n in names if n) or None
        name = _local(node)
        return frozenset((name,)) if name else None

    properties = {_local(p) for t in (OWL.ObjectProperty, OWL.DatatypeProperty)
                  for p in g.subjects(RDF.type, t)} - {None}
    domains: dict[str, frozenset[str]] = {}
    ranges: dict[str, frozenset[str]] = {}
    for prop in properties:
        iri = _iri(prop)
        for side, target in ((RDFS.domain, domains), (RDFS.range, ranges)):
            found = [c for c in (classes(v) for v in g.objects(iri, side)) if c]
            if found:  # several rdfs:domain statements intersect; the ontology writes one
                target[prop] = frozenset.intersection(*found)
    # a sub-property without its own domain/range inherits its parent's
    for prop in sorted(properties):
        for parent in g.transitive_objects(_iri(prop), RDFS.subPropertyOf):
            name = _local(parent)
            if name and name != prop:
                if prop not in domains and name in domains:
                    domains[prop] = domains[name]
                if prop not in ranges and name in ranges:
                    ranges[prop] = ranges[name]
    superclasses: dict[str, frozenset[str]] = {}
    for cls in g.subjects(RDF.type, OWL.Class):
        name = _local(cls)
        if name:
            superclasses[name] = frozenset(n for n in (_local(c) for c in g.transitive_objects(cls, RDFS.subClassOf)) if n)
    symmetric = frozenset(n for n in (_local(p) for p in g.subjects(RDF.type, OWL.SymmetricProperty)) if n)
    return Schema(domains, ranges, superclasses, frozenset(properties), symmetric)  # type: ignore[arg-type]


def _iri(local: str):  # noqa: ANN202
    from rdflib import URIRef

    return URIRef(MKG_NS + local)


@lru_cache(maxsize=4)
def load_schema(path: str | None = None) -> Schema:
    """The schema of the ontology at ``path`` (default: the bundled ``media.ttl``), read once."""
    if path is None:
        from kg.namespace.paths import ontology_path

        path = str(ontology_path())
    return _read(Path(path))


def allowed(predicate: str, subject_type: str, object_type: str) -> bool:
    """Whether the ontology allows ``predicate`` between entities of these types.

    Types are class local names (``"Person"``, ``"Film"``...); a subclass fits where its
    superclass is expected. An unknown predicate, or a ``Misc`` end, is not allowed.

    Example:
        >>> allowed("uses", "CreativeWork", "Concept"), allowed("uses", "Place", "Concept")
        (True, False)
        >>> allowed("locatedIn", "Event", "Place"), allowed("said", "Person", "Quote")
        (True, True)
        >>> allowed("noSuchProperty", "Person", "Person")
        False
    """
    return load_schema().allowed(predicate, subject_type, object_type)


def fit(predicate: str, subject_type: str, object_type: str, *,
        subject_key: str | None = None, object_key: str | None = None) -> str | None:
    """The predicate to store for ``predicate(subject, object)``, or ``None`` to drop it.

    ``predicate`` itself when the ontology allows it, else its first allowed remapping
    in :data:`REMAP`; ``None`` for a self-loop (same key on both ends) or when nothing fits.

    Example:
        >>> fit("ceoOf", "Person", "Organization")
        'ceoOf'
        >>> fit("headquarteredIn", "Event", "Place")
        'locatedIn'
        >>> fit("actsIn", "Organization", "CreativeWork") is None
        True
        >>> fit("partnersWith", "Organization", "Organization", subject_key="organization/a", object_key="organization/a") is None
        True
    """
    if subject_key is not None and subject_key == object_key:
        return None
    schema = load_schema()
    if schema.allowed(predicate, subject_type, object_type):
        return predicate
    for other in REMAP.get(predicate, ()):
        if schema.allowed(other, subject_type, object_type):
            return other
    return None
