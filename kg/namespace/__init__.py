"""RDF namespaces of media-kg and the prefixes the graphs are serialized with.

:data:`MKG` is a closed :class:`~rdflib.namespace.DefinedNamespace` generated from
``ontology/media.ttl`` (see :mod:`kg.namespace.regenerate`): a term the ontology does
not declare raises :class:`AttributeError`. :data:`RES` mints entity IRIs,
:data:`MKGSH` names the SHACL shapes, :data:`WD` Wikidata items. The standard rdflib
namespaces used in the data are re-exported, ``SCHEMA`` being rdflib's ``SDO``
(``https://schema.org/``).

Example:
    >>> from rdflib import Graph
    >>> str(MKG.ceoOf)
    'https://w3id.org/media-kg/ontology#ceoOf'
    >>> RES["person/ted-sarandos"]
    rdflib.term.URIRef('https://w3id.org/media-kg/resource/person/ted-sarandos')
    >>> g = bind_prefixes(Graph())
    >>> g.namespace_manager.qname(MKG.Person)
    'mkg:Person'
"""

from __future__ import annotations

from typing import TypeVar

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace
from rdflib.namespace import SDO as SCHEMA

from kg.namespace._MKG import MKG

__all__ = [
    "DCTERMS",
    "MKG",
    "MKGSH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RES",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
    "bind_prefixes",
]

#: Entity IRIs: ``RES["<type-lowercase>/<slug>"]``, e.g. ``RES["organization/netflix"]``.
RES = Namespace("https://w3id.org/media-kg/resource/")
#: SHACL shapes of ``ontology/shapes.ttl``.
MKGSH = Namespace("https://w3id.org/media-kg/shapes#")
#: Wikidata items (targets of ``owl:sameAs``).
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound by :func:`bind_prefixes`, prefix -> namespace IRI.
PREFIXES: dict[str, str] = {
    "mkg": str(MKG),
    "mkr": str(RES),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "prov": str(PROV),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
}

_G = TypeVar("_G", bound=Graph)


def bind_prefixes(graph: _G) -> _G:
    """Bind the media-kg prefixes (:data:`PREFIXES`) on a graph or dataset.

    A prefix already bound to another namespace is rebound to ours.

    Args:
        graph: An rdflib :class:`~rdflib.Graph` or :class:`~rdflib.Dataset`.

    Returns:
        The same graph, for chaining.
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
