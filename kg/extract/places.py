"""Places read from noun phrases: "the New York-based company", "the Paris group",
"Brooklyn animation studio Paper Kite" -> ``headquarteredIn``; "Las Vegas, Nevada" -> ``locatedIn``;
"the Apple TV+ comedy The Studio" -> ``distributes`` (a distributor named before a work noun).

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("en")("Netflix bought the Paris-based studio Mikros.")  # doctest: +SKIP
    >>> [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations]  # doctest: +SKIP
    [('Mikros', 'headquarteredIn', 'Paris'), ...]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.credits import focus_work, is_topic
from kg.extract.syntax import OF_FORMS, Context, char_span
from kg.records import Mention, Relation

_ORG = ("Organization",)


def _described(noun: Token, ctx: Context, types: tuple[str, ...]) -> list[Mention]:
    """The named entity a descriptive noun phrase stands for (apposition, following name, antecedent).

    A bare definite description ("the Paris group") prefers the clause's most prominent entity.
    """
    found = ctx.resolve(noun, types, follow_conj=False)
    named = any(c.dep_ in ("appos", "compound", "flat", "nmod") and ctx.at(c) is not None and ctx.at(c).type in types
                for c in noun.children) or noun.dep_ == "appos"
    if found and not named and any(c.dep_ == "det" for c in noun.children):
        m = ctx.prominent(noun, types)
        if m is not None and m.start < noun.idx:
            return [m]
    return found


def _premodifier_places(noun: Token, ctx: Context) -> list[tuple[Mention, str]]:
    """Places premodifying ``noun``: "Paris-based" (rule ``based``) or a bare "Paris" compound."""
    found: list[tuple[Mention, str]] = []
    based = ctx.lex.words("based_words")
    for c in noun.children:
        if c.i > noun.i:
            continue
        if c.dep_ in ("amod", "compound", "acl") and (c.lemma_.lower() in based or c.lower_ in based):
            for g in c.children:
                m = ctx.at(g)
                if m is not None and m.type == "Place" and g.i < c.i:
                    found.append((m, "based"))
                    found += [(x, "based") for x in _place_chain(g, ctx) if x is not m]
        m = ctx.at(c)
        if m is not None and m.type == "Place" and c.dep_ in ("compound", "nmod", "npadvmod") and c.pos_ == "PROPN":
            found.append((m, "compound"))
        elif m is not None and m.type == "Place" and c.dep_ == "poss" and c.pos_ == "PROPN" and noun.doc.lang_ == "en":
            found.append((m, "possessive"))  # "Madrid's Estudio Faro", "Brisbane's Ludo Studio"
    return found


def _place_chain(tok: Token, ctx: Context) -> list[Mention]:
    return [m for c in tok.children if c.dep_ in ("appos", "conj", "npadvmod", "compound") and (m := ctx.at(c)) is not None
            and m.type == "Place"]


def place_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """``headquarteredIn`` from place premodifiers, ``locatedIn`` from "City, Region" pairs."""
    org_nouns = ctx.lex.words("anaphors", "Organization")
    for tok in (doc[i] for i, pos in enumerate(ctx.pos) if pos in ("NOUN", "PROPN")):
        places = _premodifier_places(tok, ctx)
        if not places:
            continue
        named = ctx.at(tok)
        hyphened = "".join(t.lower_ for t in doc[tok.i - 2:tok.i + 1]) if tok.i >= 2 and doc[tok.i - 1].text == "-" else ""
        head_named = ctx.at(tok.head) if tok.dep_ == "compound" and tok.head.i > tok.i and doc.lang_ == "en" else None
        if named is not None and named.type == "Organization":
            orgs = [named]  # "Paris-based Asacha Media"
        elif named is None and head_named is not None and head_named.type == "Organization" \
                and (tok.lemma_.lower() in org_nouns or tok.lower_ in org_nouns):
            orgs = [head_named]  # "Sydney-based animation house Animal Logic", "Brooklyn studio Paper Kite"
        elif tok.lemma_.lower() in org_nouns or tok.lower_ in org_nouns or hyphened in org_nouns:
            orgs = _described(tok, ctx, _ORG)  # "the New York-based company", "the Paris group"
        else:
            continue
        for place, how in places:
            for org in orgs:
                if org.start != place.start:
                    yield Relation(org, "headquarteredIn", place, tok.sent.text, tok.sent.start_char,
                                   f"places.{how}", 0.75)
    # "Las Vegas, Nevada": a place, a comma, a larger place, not a list
    list_words = ctx.lex.words("place_list_words")
    ms = sorted((m for m in ctx.mentions if m.type == "Place"), key=lambda m: m.start)
    for a, b in zip(ms, ms[1:]):
        if ctx.text[a.end:b.start].strip() != ",":
            continue
        span_b = char_span(doc, b.start, b.end)
        span_a = char_span(doc, a.start, a.end)
        if span_a is None or span_b is None:
            continue
        before = doc[span_a.start - 1] if span_a.start > 0 else None
        after = doc[span_b.end] if span_b.end < len(doc) else None
        if before is not None and before.text == ",":
            continue
        if after is not None and (after.text == "," and span_b.end + 1 < len(doc) and doc[span_b.end + 1].lower_ in list_words
                                  or after.lower_ in list_words):
            continue
        yield Relation(a, "locatedIn", b, span_a.sent.text, span_a.sent.start_char, "places.apposed", 0.7)


def distributor_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """``distributes`` for "the ORG WORK-NOUN [Title]" ("the Netflix limited series", "Apple TV+ comedy X")."""
    works = ctx.lex.words("work_nouns")
    for tok in (doc[i] for i, (pos, lemma, low) in enumerate(zip(ctx.pos, ctx.lemma, ctx.lower))
                if pos in ("NOUN", "ADJ") and (lemma in works or low in works)):
        orgs = [m for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
                and (m := ctx.at(c)) is not None and m.type == "Organization"]
        if not orgs:
            continue
        titles = ctx.resolve(tok, ("CreativeWork",), follow_conj=False)
        if not titles and tok.i + 1 < len(doc):
            nxt = ctx.at(doc[tok.i + 1]) or (ctx.at(doc[tok.i + 2]) if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "the" else None)
            titles = [nxt] if nxt is not None and nxt.type == "CreativeWork" else []
        for o in orgs:
            for w in titles:
                yield Relation(o, "distributes", w, tok.sent.text, tok.sent.start_char, "places.distributor", 0.7)
    yield from _surface_distributor_relations(doc, ctx)


def _surface_distributor_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """English "the <company> <work noun> <Title>" read on the surface, where the parse misses
    it ("the Paramount Network hit Yellowstone": "hit" taken for a verb; "the Netflix original
    Winter Kings": "original" for an adjective): the lexicon's ``possessive_work_nouns``."""
    if doc.lang_ != "en":
        return
    nouns = ctx.lex.words("possessive_work_nouns")
    for i, low in enumerate(ctx.lower):
        if low not in nouns or ctx.pos[i] == "NOUN" or i < 2 or i + 1 >= len(doc):
            continue  # (a noun is read from the parse above)
        org = ctx.at(doc[i - 1])
        work = ctx.company_work(org, nouns) if org is not None and org.end == doc[i - 1].idx + len(doc[i - 1]) else None
        span = ctx.span(org) if work is not None else None
        if span is None or span.start == 0 or doc[span.start - 1].lower_ not in ("the", "a", "an"):
            continue
        sent = doc[i].sent
        yield Relation(org, "distributes", work, sent.text, sent.start_char, "places.distributor", 0.7)


def airs_on_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """English "WORK airs on ORG [… and streams on ORG]" read on the surface: the tagger often
    takes "airs"/"streams" for plural nouns. The work is the nearest title before, with no
    punctuation in between."""
    if doc.lang_ != "en":
        return
    air_words = ctx.lex.words("air_words")
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low in air_words):
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "on":
            continue
        org = ctx.at(doc[tok.i + 2])
        if org is None or org.type != "Organization" or org.start != doc[tok.i + 2].idx:
            continue
        if ctx.unasserted(tok, "distributes"):
            continue
        work = None
        for prev in reversed(doc[max(tok.sent.start, tok.i - 12):tok.i]):
            if prev.is_punct or prev.pos_ in ("PRON", "SCONJ") or prev.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                break
            m = ctx.at(prev)
            if m is not None and m.type == "CreativeWork":
                work = m
                break
            if m is not None and prev.i == tok.i - 1 and m.source.startswith("ner:") and m.type in ("Place", "Misc") \
                    and m.text[:1].isupper():
                # "Iron Coast lands on BritBox": what airs on a service is a work, whatever the NER
                # read (a place's name in a title)
                work = Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">work-slot")
                break
        if work is not None:
            yield Relation(org, "distributes", work, tok.sent.text, tok.sent.start_char, "places.airs_on", 0.7)


def period_setting_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """A place written with an article and a time, the way news names a story's setting: "dans le
    Paris des années 1970", "la Lorraine de 1914", "un Paris du futur", "the London of the 1960s"
    (lexicon ``period_words``: a year or one of these after "de"/"of"). The place sets the
    sentence's own work (a clause subject), else the passage's current work."""
    periods = ctx.lex.words("period_words")
    if not periods:
        return
    for m in ctx.mentions:
        if m.type != "Place":
            continue
        span = ctx.span(m)
        if span is None or span.start == 0 or span.end + 1 >= len(doc):
            continue
        det, prep = doc[span.start - 1], doc[span.end]
        if det.pos_ != "DET" or det.lower_ in ("ce", "cette", "this", "that") or prep.lower_ not in OF_FORMS:
            continue
        nxt = doc[span.end + 1]
        if nxt.pos_ == "DET" and span.end + 2 < len(doc):
            nxt = doc[span.end + 2]
        year = nxt.like_num and len(nxt.text) == 4 and nxt.text[:2] in ("17", "18", "19", "20", "21")
        if not (year or nxt.lower_ in periods):
            continue
        sent = span.sent
        own = [w for w in ctx.mentions if sent.start_char <= w.start < span.start_char and w.type == "CreativeWork"
               and (s := ctx.span(w)) is not None and is_topic(s.root)]
        work = own[-1] if own else focus_work(ctx, sent.start_char, set(), sent)
        if work is not None:
            yield Relation(work, "setIn", m, sent.text, sent.start_char, "places.period_setting", 0.7)
