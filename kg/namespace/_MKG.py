"""The ``mkg:`` ontology terms as an rdflib DefinedNamespace.

Generated from ontology/media.ttl by ``python -m kg.namespace.regenerate``
(rdflib's defined_namespace_creator, with ``--fail``). Do not edit by hand.
"""

# ruff: noqa: E501

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class MKG(DefinedNamespace):
    """Terms of the media-kg ontology (https://w3id.org/media-kg/ontology).

    Accessing a term the ontology does not declare raises AttributeError.
    """

    _NS = Namespace("https://w3id.org/media-kg/ontology#")

    _fail = True

    Article: URIRef  # A news article the graph was extracted from, identified by the hash of its text (mkg:contentHash).
    Award: URIRef  # A prize or distinction (Palme d'or, César, Emmy...). The ceremony or festival that grants it is an mkg:Event or an mkg:Organization.
    Book: URIRef  # A book: novel, essay, memoir... (comics use mkg:Comic).
    Comic: URIRef  # A comic, graphic novel, manga or comic series (bande dessinée).
    Concept: URIRef  # An abstract notion: a technology (artificial intelligence, dubbing...), a genre (thriller, documentary...) or a form (comics as a medium).
    CreativeWork: URIRef  # A creative work: film, series, book, comic, programme, game... Use the most specific subclass when known.
    Event: URIRef  # Something that happens at a given time: festival, trade show, ceremony, strike, launch.
    Film: URIRef  # A motion picture, released in theatres, on television or on a streaming service.
    Organization: URIRef  # A company, studio, broadcaster, platform operator, public body, union or any other organized group.
    Person: URIRef  # A human being: executive, artist, journalist, politician...
    Place: URIRef  # A geographical place: country, region, city, venue.
    Product: URIRef  # A product or service that is not a creative work: AI tool or model, software, streaming or social platform, device.
    Quote: URIRef  # A passage quoted verbatim in an article and attributed to a person or an organization with mkg:said; its text is given by mkg:quoteText.
    Series: URIRef  # An episodic audiovisual work (television or streaming series).
    Statement: URIRef  # Evidence record for one statement extracted from one article: the reified triple (rdf:subject, rdf:predicate, rdf:object), the sentence it was read from, its offsets, the extraction rule and a confidence, linked to the article with prov:wasDerivedFrom.
    acquires: URIRef  # The subject organization buys (or agrees to buy) the object organization. Afterwards the object is owned by the subject: Wikidata P127 (owned by) is the inverse of the resulting state.
    actsIn: URIRef  # The person performs in the creative work. schema:actor and Wikidata P161 (cast member) are the inverse: work -> performer.
    author: URIRef  # The creative work was written or created by the person or organization (writer, screenwriter, cartoonist, creator of a series).
    basedOn: URIRef  # The creative work is adapted from another work, or from a form when the source is not named (e.g. adapted from a comic: mkg:Concept).
    ceoOf: URIRef  # The subject is the chief executive officer (PDG, directeur général) of the organization. Wikidata P169 (chief executive officer) is the inverse: organization -> person.
    confidence: URIRef  # Confidence of the extraction, a decimal between 0 and 1 inclusive.
    contentHash: URIRef  # SHA-256 of the article text encoded as UTF-8, as 64 lowercase hexadecimal digits: the article's identity in the store.
    develops: URIRef  # The subject develops a product or a technology. Wikidata P178 (developer) is the inverse: product -> developer.
    directedBy: URIRef  # The creative work is directed by the person.
    distributes: URIRef  # The subject distributes or broadcasts a creative work or a product (theatrical distribution, streaming, broadcast). Wikidata P750 (distributed by) is the inverse: work -> distributor.
    endChar: URIRef  # 0-based offset, in Unicode code points, just past the last character of the evidence sentence in the article text (exclusive), so that text[startChar:endChar] is the sentence.
    founderOf: URIRef  # The subject founded or co-founded the organization. schema:founder and Wikidata P112 (founded by) are the inverse: organization -> founder.
    genre: URIRef  # The genre of the creative work (thriller, documentary, animation...), as an mkg:Concept.
    headquarteredIn: URIRef  # The organization's headquarters are in the place.
    leads: URIRef  # The subject heads the organization (chair, president, managing director, head of a division...).
    locatedIn: URIRef  # The place, organization or event is located in the place (a city in a country, a company in a city, a festival in a city).
    partnersWith: URIRef  # The two organizations have a partnership, co-production or distribution agreement. Symmetric.
    produces: URIRef  # The subject produces a creative work or a product. schema:productionCompany and Wikidata P272 (production company) are the inverse: work -> producer.
    quoteText: URIRef  # The verbatim text of the quote.
    rule: URIRef  # Identifier of the extraction rule that produced the statement (e.g. role.appos).
    said: URIRef  # The person or organization is quoted as saying the quote. schema:spokenByCharacter is the inverse: quotation -> speaker.
    sentence: URIRef  # The sentence the statement was extracted from, verbatim.
    setIn: URIRef  # The story of the creative work takes place in the place (narrative location, not filming location).
    startChar: URIRef  # 0-based offset, in Unicode code points, of the first character of the evidence sentence in the article text (inclusive).
    subsidiaryOf: URIRef  # The subject organization is a subsidiary (or division) of the object organization. schema:subOrganization and Wikidata P355 (subsidiary) are the inverse.
    support: URIRef  # Number of distinct articles asserting the reified triple (a positive integer).
    uses: URIRef  # The subject uses a product, a technology or the services of an organization (e.g. a studio uses generative AI).
    wonAward: URIRef  # The subject received the award. schema:award is close but takes a text value.
    worksFor: URIRef  # The subject is employed by, or works on behalf of, the organization.
