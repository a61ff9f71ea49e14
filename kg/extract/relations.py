"""All relation extractors of one document, composed; duplicates removed.

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("fr")("Le patron de Netflix, Ted Sarandos, a parlé.")  # doctest: +SKIP
    >>> [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations]  # doctest: +SKIP
    [('Ted Sarandos', 'ceoOf', 'Netflix')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.awards import prize_list_relations
from kg.extract.credits import costar_relations, credit_relations, stray_bracket_relations
from kg.extract.en_rules import english_relations
from kg.extract.fr_rules import french_relations
from kg.extract.frames import frame_relations, fronted_relations, seat_venue_relations
from kg.extract.places import airs_on_relations, distributor_relations, place_relations
from kg.extract.possessives import possessive_work_relations
from kg.extract.products import possessive_product_relations
from kg.extract.quotes import quote_relations
from kg.extract.roles import helm_relations, role_relations
from kg.extract.syntax import Context
from kg.extract.works import cast_and_crew_relations, film_of_relations, genre_relations, source_author_relations, work_of_person_relations
from kg.lexicon import Lexicon
from kg.records import Mention, Relation


def extract_relations(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Relation]:
    """Every relation found in ``doc`` given its typed ``mentions``."""
    ctx = Context(doc, mentions, lex)
    found: list[Relation] = []
    found += role_relations(doc, ctx)
    found += helm_relations(doc, ctx)
    frames = list(frame_relations(doc, ctx))
    found += frames
    found += source_author_relations(doc, ctx, [r for r in frames if r.predicate == "basedOn"])
    found += genre_relations(doc, ctx)
    found += seat_venue_relations(doc, ctx)
    found += fronted_relations(doc, ctx)
    found += film_of_relations(doc, ctx)
    found += work_of_person_relations(doc, ctx)
    found += cast_and_crew_relations(doc, ctx)
    found += possessive_product_relations(doc, ctx)
    found += place_relations(doc, ctx)
    found += distributor_relations(doc, ctx)
    found += airs_on_relations(doc, ctx)
    found += english_relations(doc, ctx)
    found += french_relations(doc, ctx)
    found += prize_list_relations(doc, ctx)
    found += possessive_work_relations(doc, ctx)
    found += credit_relations(doc, ctx, found)
    found += costar_relations(doc, ctx, found)
    found += quote_relations(doc, ctx, found)
    found = stray_bracket_relations(doc, ctx, found)
    out: list[Relation] = []
    seen: set[tuple] = set()
    for rel in found:
        key = (rel.subject.start, rel.subject.end, rel.predicate, rel.object.start, rel.object.end)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out
