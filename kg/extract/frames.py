"""Verb and noun frames from the lexicon: "Netflix a utilisé l'IA", "a été racheté par",
"le film réalisé par X et Y", "Canal+ a finalisé le rachat de MultiChoice".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract.hedging import is_hedged
from kg.extract.syntax import Context, obliques, past_participles, slot, subject_of, verb_forms
from kg.lexicon import Frame
from kg.records import Mention, Relation


def _match_lemma(tok: Token, lemma: str) -> bool:
    words = lemma.split()
    if tok.lemma_.lower() != words[0] and tok.lower_ != words[0] and not (
            tok.doc.lang_ == "fr" and tok.lower_ in verb_forms(words[0])):
        return False
    following = tok.doc[tok.i + 1:tok.i + len(words)]
    return len(following) == len(words) - 1 and all(t.lower_ == w for t, w in zip(following, words[1:]))


@lru_cache(maxsize=1024)
def _first_words(frame: Frame, lang: str) -> frozenset[str]:
    """Every form the first word of a trigger may take (lemmas, and French inflections)."""
    words = {lemma.split()[0] for lemma in frame.lemmas}
    if lang == "fr":
        words |= {form for w in list(words) for form in verb_forms(w)}
        words |= {form for lemma in frame.lemmas if " " not in lemma for form in past_participles(lemma)}
    return frozenset(words)


def _triggers(doc: Doc, frame: Frame) -> Iterator[Token]:
    pos = ("NOUN", "PROPN") if frame.kind == "noun" else ("VERB", "AUX", "ADJ")
    first = _first_words(frame, doc.lang_)
    for tok in doc:
        if tok.lower_ not in first and tok.lemma_.lower() not in first:
            continue  # cheap filter: most tokens trigger nothing
        if tok.pos_ in pos and any(_match_lemma(tok, lemma) for lemma in frame.lemmas):
            yield tok
        elif frame.kind == "verb" and tok.pos_ in ("NOUN", "PROPN", "X") and _participle_before_par(tok, frame):
            yield tok  # "le film, produit par X": a participle the tagger took for a noun


def _participle_before_par(tok: Token, frame: Frame) -> bool:
    doc = tok.doc
    if doc.lang_ != "fr" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "par":
        return False
    return any(tok.lower_ in past_participles(lemma.split()[0]) for lemma in frame.lemmas if " " not in lemma)


def _noun_slot(noun: Token, name: str, frame: Frame,
               completion: frozenset[str] = frozenset()) -> tuple[list[Token], Token | None]:
    """Slots of a noun trigger; also returns the support verb (for hedging).

    A completion noun between the verb and the trigger ("a confirmé la finalisation du
    rachat de X") carries the support verb; any verb then asserts the completed fact.
    """
    support_verbs = frame.support_verbs
    carrier = noun
    if noun.dep_ in ("nmod", "pobj") and noun.head.lemma_.lower() in completion and noun.head.i < noun.i:
        carrier, support_verbs = noun.head, ()
    verb = carrier.head if carrier.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass", "obl", "obl:arg") else None
    if name == "support":
        if verb is None or (support_verbs and verb.lemma_.lower() not in support_verbs):
            agents = [n for p, n in obliques(noun) if p in ("par", "by")]
            agents += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
            return agents, verb
        if carrier.dep_ in ("nsubj:pass", "nsubjpass"):
            return [n for p, n in obliques(verb) if p in ("par", "by")], verb
        return subject_of(verb), verb
    if name.startswith("obl:"):
        preps = set(name[4:].split("|"))
        found = [n for p, n in obliques(noun) if p in preps]
        if not found and verb is not None and carrier is noun and carrier.dep_ in ("obj", "dobj"):
            # "a eu recours à l'IA": the complement often hangs on the support verb
            found = [n for p, n in obliques(verb) if p in preps and n.i > noun.i]
        return found, verb
    return [], verb


def frame_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """Relations from the lexicon's verb and noun frames."""
    forms = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
    for frame in ctx.lex.frames:
        if forms.isdisjoint(_first_words(frame, doc.lang_)):
            continue  # no token of the doc can trigger this frame
        for trig in _triggers(doc, frame):
            if frame.kind == "noun":
                completion = ctx.lex.words("completion_nouns")
                subj_toks, verb = _noun_slot(trig, frame.subject, frame, completion)
                obj_toks, _ = _noun_slot(trig, frame.object, frame, completion)
                hedge_tok = verb if verb is not None else trig
            else:
                subj_toks, obj_toks = slot(trig, frame.subject), slot(trig, frame.object)
                hedge_tok = trig
            if not subj_toks or not obj_toks or is_hedged(hedge_tok, ctx.lex):
                continue
            subjects = _resolve_all(ctx, subj_toks, frame.subject_types)
            if not subjects and frame.subject_types == ("Organization",):
                # "le patron de Canal+ a confirmé le rachat…": a leader acts for the company
                subjects = [o for t in subj_toks for o in _leader_org(t, ctx) if o not in subjects]
            objects = _resolve_all(ctx, obj_toks, frame.object_types)
            if not objects and frame.kind == "noun":
                # "la sortie de l'outil Sora 2": the parser often hangs the name on the trigger
                after = [c for c in trig.children if c.dep_ in ("nmod", "appos") and c.i > obj_toks[0].i]
                objects = [m for c in after if ctx.at(c) is not None for m in ctx.resolve(c, frame.object_types)]
            for s in subjects:
                for o in objects:
                    if s.start == o.start and s.end == o.end:
                        continue
                    yield Relation(s, frame.predicate, o, trig.sent.text, trig.sent.start_char,
                                   f"frame.{frame.kind}.{frame.predicate}.{frame.lemmas[0]}", frame.confidence)


_LEADER_ROLES = ("ceoOf", "leads", "founderOf")


def _leader_org(tok: Token, ctx: Context) -> list[Mention]:
    """The organisation a leader acts for: "le patron de X", "Y, directeur général de X"."""
    from kg.extract.roles import organisations_of_role, role_key  # avoid an import cycle

    roles = [tok] if ctx.at(tok) is None else [c for c in tok.children if c.dep_ in ("appos", "conj") and c.i > tok.i]
    if ctx.at(tok) is not None and ctx.at(tok).type != "Person":
        return []
    out: list[Mention] = []
    for r in roles:
        found = role_key(r, ctx.lex.role_nouns)
        if found is not None and found[1] in _LEADER_ROLES:
            out.extend(o for o in organisations_of_role(r, ctx, found[2]) if o not in out)
    return out


def _resolve_all(ctx: Context, tokens: list[Token], types: tuple[str, ...]) -> list[Mention]:
    out: list[Mention] = []
    for tok in tokens:
        out.extend(m for m in ctx.resolve(tok, types) if m not in out)
    return out


def seat_venue_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """Locations read from surface patterns the parsers rarely get right:

    * "X, dont le siège est à Paris" -> ``headquarteredIn(X, Paris)`` (``seat_nouns``);
    * "lors du festival Séries Mania, à Lille" -> ``locatedIn(event, Lille)``.
    """
    seats = ctx.lex.words("seat_nouns")
    for tok in doc:
        if tok.lower_ not in ("dont", "whose") or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        window = doc[tok.i + 1:min(tok.i + 4, len(doc))]
        if not any(t.lemma_.lower() in seats or t.lower_ in seats for t in window):
            continue
        place = _place_after(ctx, window[-1].i + 1, 4)
        owners = ctx.resolve(doc[tok.i - 2], ("Organization",), follow_conj=False)
        if place is not None and owners and not is_hedged(tok.head, ctx.lex):
            yield Relation(owners[0], "headquarteredIn", place, tok.sent.text, tok.sent.start_char,
                           "place.seat", 0.8)
    for m in ctx.mentions:
        if m.type != "Event":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 2 >= len(doc):
            continue
        if doc[span.end].text == "," and doc[span.end + 1].lower_ in ("à", "en", "in", "at"):
            place = _place_after(ctx, span.end + 2, 1)
            if place is not None:
                yield Relation(m, "locatedIn", place, span.sent.text, span.sent.start_char, "place.event_comma", 0.75)


def _place_after(ctx: Context, i: int, window: int) -> Mention | None:
    """The first Place mention starting within ``window`` tokens from token ``i``."""
    doc = ctx.doc
    for tok in doc[i:min(i + window, len(doc))]:
        m = ctx.at(tok)
        if m is not None and m.type in ("Place", "Misc") and m.start == tok.idx:
            return ctx._fit(m, ("Place",))
        if tok.is_punct:
            return None
    return None
