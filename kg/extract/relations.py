"""All relation extractors of one document, composed; duplicates removed.

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("fr")("Le patron de Netflix, Ted Sarandos, a parlé.")  # doctest: +SKIP
    >>> [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations]  # doctest: +SKIP
    [('Ted Sarandos', 'ceoOf', 'Netflix')]
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from kg.extract.awards import (
    apposed_award_relations,
    award_credit_relations,
    crowned_relations,
    prize_list_relations,
    winner_list_relations,
    winner_relations,
    winning_relations,
)
from kg.extract.credits import (cast_includes_relations, costar_relations, current_work, credit_relations,
                                inverted_cast_relations, stray_bracket_relations)
from kg.extract.en_rules import english_relations
from kg.extract.fr_rules import french_relations
from kg.extract.frames import frame_relations, fronted_relations, seat_venue_relations
from kg.extract.places import airs_on_relations, distributor_relations, period_setting_relations, place_relations
from kg.extract.possessives import behind_relations, from_studio_relations, home_relations, ownership_relations, possessive_work_relations
from kg.extract.products import possessive_product_relations
from kg.extract.quotes import quote_relations
from kg.extract.scorer import RelationScorer, scored_relations
from kg.extract.holdings import bracketed_group_relations, holdings_relations
from kg.extract.roles import (
    credit_holder_relations,
    handover_relations,
    helm_relations,
    role_relations,
    without_replaced_topics,
)
from kg.extract.syntax import Context, fitted
from kg.extract.works import (
    bare_credit_relations,
    cast_and_crew_relations,
    film_of_relations,
    genre_relations,
    signed_credit_relations,
    source_author_relations,
    work_of_person_relations,
)
from kg.lexicon import Lexicon
from kg.records import Mention, Relation
from kg.schema import allowed


def extract_relations(doc: Doc, mentions: list[Mention], lex: Lexicon,
                      scorer: RelationScorer | None = None) -> list[Relation]:
    """Every relation found in ``doc`` given its typed ``mentions``: the rules', then the
    ``scorer``'s between mentions no rule linked (:mod:`kg.extract.scorer`)."""
    ctx = Context(doc, mentions, lex)
    found: list[Relation] = []
    found += role_relations(doc, ctx)
    found += helm_relations(doc, ctx)
    found += handover_relations(doc, ctx)
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
    found += period_setting_relations(doc, ctx)
    found += distributor_relations(doc, ctx)
    found += airs_on_relations(doc, ctx)
    found += cast_includes_relations(doc, ctx)
    found += english_relations(doc, ctx)
    found += french_relations(doc, ctx)
    found += prize_list_relations(doc, ctx)
    found += winner_list_relations(doc, ctx)
    found += crowned_relations(doc, ctx)
    found += apposed_award_relations(doc, ctx)
    found += winner_relations(doc, ctx)
    found += winning_relations(doc, ctx)
    found += possessive_work_relations(doc, ctx)
    found += behind_relations(doc, ctx)
    found += home_relations(doc, ctx)
    found += from_studio_relations(doc, ctx)
    found += ownership_relations(doc, ctx)
    found += holdings_relations(doc, ctx)
    found += bracketed_group_relations(doc, ctx)
    found += credit_relations(doc, ctx, found)
    found += signed_credit_relations(doc, ctx, found)
    found += bare_credit_relations(doc, ctx)
    holders = list(credit_holder_relations(doc, ctx, found))
    found = without_replaced_topics(found, holders) + holders
    found += costar_relations(doc, ctx, found)
    found += inverted_cast_relations(doc, ctx, found)
    found += quote_relations(doc, ctx, found)
    found += award_credit_relations(doc, ctx, found)
    found = stray_bracket_relations(doc, ctx, found)
    found = _one_reading(found)
    if scorer is not None:
        found += scored_relations(doc, mentions, found, scorer, current_work(ctx), lex, ctx.subject_pronoun)
    out: list[Relation] = []
    seen: set[tuple] = set()
    for rel in found:
        key = (rel.subject.start, rel.subject.end, rel.predicate, rel.object.start, rel.object.end)
        if rel.subject.text.casefold() == rel.object.text.casefold() and rel.predicate != "said":
            continue  # "le groupe NRJ, qui détient NRJ": two entities one name gives one node, no fact about it
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


def _retyped(m: Mention, keep: dict[tuple[int, int], str]) -> Mention:
    typ = keep.get((m.start, m.end), m.type)
    return m if typ == m.type else Mention(m.text, m.start, m.end, typ, m.source.rsplit(">", 1)[0] + ">" + typ)


def _one_reading(found: list[Relation]) -> list[Relation]:
    """One reading per ambiguous mention and trigger:

    * an untyped (``Misc``) name fitted to different types by different rules keeps the type
      most rules gave it, a work on a tie ("la scénariste X a créé Drôle": a series, not a
      company nor an AI product);
    * a person who created a work in a sentence did not found a company with the same verb
      there ("la série a été créée par X" is no ``founderOf``).
    """
    readings: dict[tuple[int, int], dict[str, int]] = {}
    for r in found:
        for m in (r.subject, r.object):
            if fitted(m):
                counts = readings.setdefault((m.start, m.end), {})
                counts[m.type] = counts.get(m.type, 0) + 1
    keep_type = {k: max(v, key=lambda t: (v[t], t == "CreativeWork")) for k, v in readings.items() if len(v) > 1}
    authors = {(r.object.start, r.sent_start) for r in found if r.predicate == "author"}
    out = []
    for r in found:
        if any((m.start, m.end) in keep_type and m.type != keep_type[(m.start, m.end)] for m in (r.subject, r.object)):
            subj, obj = (_retyped(m, keep_type) for m in (r.subject, r.object))
            if not allowed(r.predicate, subj.type, obj.type):
                continue  # the reading this rule needed is not the name's
            r = dataclasses.replace(r, subject=subj, object=obj)
        if r.predicate == "founderOf" and (r.subject.start, r.sent_start) in authors and r.rule.startswith("frame."):
            continue
        out.append(r)
    return out

