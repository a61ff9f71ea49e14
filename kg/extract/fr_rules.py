"""French-only surface and dependency rules for press phrasings the lexicon frames miss.

* headquarteredIn: "X a son siège à P";
* partnersWith: "A et B se sont associés / s'allient" (a reflexive plural with conjoined subjects);
* directedBy: "W, signé X" (a film), "sous la direction de X", "X est derrière la caméra de/avec W",
  "X, le réalisateur du film";
* actsIn: "W …, où l'on retrouve A, B et C" / "on y retrouve A".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.credits import focus_work
from kg.extract.syntax import Context, apposed_to, char_span, subject_of, with_conjuncts
from kg.lexicon import Lexicon
from kg.records import Mention, Relation

_WORK = ("CreativeWork",)
_PERSON = ("Person",)
_ORG = ("Organization",)


def _span(ctx: Context, m: Mention) -> Span | None:
    return char_span(ctx.doc, m.start, m.end)


def _mention_from(ctx: Context, i: int, types: tuple[str, ...]) -> Mention | None:
    """The mention of ``types`` starting at token ``i``."""
    if i >= len(ctx.doc):
        return None
    m = ctx.at(ctx.doc[i])
    if m is None or m.start != ctx.doc[i].idx:
        return None
    return ctx._fit(m, types)


def _works_in(ctx: Context, sent: Span, before: int | None = None) -> list[Mention]:
    out: list[Mention] = []
    for m in ctx.mentions:
        if sent.start_char <= m.start < sent.end_char and (before is None or m.start < before):
            fit = ctx._fit(m, _WORK) if m.type in ("CreativeWork", "Misc") else None
            if fit is not None and fit.text not in [o.text for o in out]:
                out.append(fit)
    return out


def _rel(s: Mention, p: str, o: Mention, tok: Token, rule: str, conf: float = 0.7) -> Relation:
    return Relation(s, p, o, tok.sent.text, tok.sent.start_char, rule, conf)


def french_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    if doc.lang_ != "fr":
        return
    seats = ctx.lex.words("seat_nouns")
    # nouns after which "signé X" names an author, not a director
    written = ctx.lex.union("book_nouns", "signed_author_nouns")
    partner_verbs, signed = ctx.lex.words("reflexive_partner_verbs"), ctx.lex.words("signed_forms")
    director_nouns = ctx.lex.words("director_role_nouns")
    # the words each pattern below starts from: no other token is built
    cue_lemmas = seats | partner_verbs | director_nouns | {"retrouver"}
    cue_forms = signed | {"sous", "derrière"}
    for i, (low, lemma) in enumerate(zip(ctx.lower, ctx.lemma)):
        if lemma not in cue_lemmas and low not in cue_forms:
            continue
        tok = doc[i]
        # "Deezer … a son siège à Paris"
        if tok.lemma_.lower() in seats and tok.i >= 2 and doc[tok.i - 1].lower_ in ("son", "leur") \
                and doc[tok.i - 2].lemma_.lower() == "avoir" and tok.i + 2 < len(doc) \
                and doc[tok.i + 1].lower_ in ("à", "en", "au"):
            place = _mention_from(ctx, tok.i + 2, ("Place",))
            verb = doc[tok.i - 2] if doc[tok.i - 2].dep_ not in ("aux", "aux:tense") else doc[tok.i - 2].head
            owners = [m for s in subject_of(verb) for m in ctx.resolve(s, _ORG, follow_conj=False)]
            if place is not None and owners and not ctx.hedged(verb):
                yield _rel(owners[0], "headquarteredIn", place, tok, "fr.seat", 0.75)
        # "France Télévisions et la RTBF se sont associées pour …"
        if tok.pos_ in ("VERB", "ADJ") and tok.lemma_.lower() in partner_verbs \
                and any(c.lower_ in ("se", "s'", "s’") for c in tok.children) \
                and not any(c.dep_.startswith("obl") and any(g.lower_ in ("avec", "à") for g in c.children)
                            for c in tok.children) and not ctx.hedged(tok):
            subs = subject_of(tok)
            orgs: list[Mention] = []
            for s in with_conjuncts(subs):
                for m in ctx.resolve(s, _ORG, follow_conj=False):
                    if m.text not in [o.text for o in orgs]:
                        orgs.append(m)
            for a in orgs:
                for b in orgs:
                    if a is not b:
                        yield _rel(a, "partnersWith", b, tok, "fr.associate", 0.7)
        # "L'Histoire de Souleymane, signé Boris Lojkine" (no "par": a film's credit)
        if low in signed and tok.i >= 2 and doc[tok.i - 1].text == "," \
                and not any(t.lower_ in written for t in tok.sent):
            person = _mention_from(ctx, tok.i + 1, _PERSON)
            prev = ctx.at(doc[tok.i - 2])
            work = ctx._fit(prev, _WORK) if prev is not None and prev.type in ("CreativeWork", "Misc") else None
            if person is not None and work is not None:
                yield _rel(work, "directedBy", person, tok, "fr.signed", 0.7)
        # "American Prometheus, la biographie signée Kai Bird et Martin J. Sherwin": a written
        # work's noun, then "signé" and its authors (a film's noun: its directors)
        if low in signed and tok.i >= 2 and doc[tok.i - 1].pos_ == "NOUN" and ctx.at(doc[tok.i - 1]) is None:
            noun = doc[tok.i - 1]
            pred = "author" if noun.lower_ in written or noun.lemma_.lower() in written else \
                "directedBy" if noun.lemma_.lower() in ctx.lex.words("director_nouns") else None
            first = _mention_from(ctx, tok.i + 1, _PERSON)
            works = ctx.resolve(noun, _WORK, follow_conj=False) if pred is not None and first is not None else []
            k = noun.i - 1 if noun.i >= 1 and doc[noun.i - 1].pos_ == "DET" else noun.i
            named = ctx.at(doc[k - 2]) if k >= 2 and doc[k - 1].text == "," and pred is not None else None
            if not works and named is not None and named.type in ("Organization", "Misc", "CreativeWork") \
                    and named.end == doc[k - 2].idx + len(doc[k - 2].text):
                # the name the description is apposed to, whatever NER made of it
                works = [Mention(named.text, named.start, named.end, "CreativeWork", named.source + ">described")]
            if works and works[0].start < noun.idx:
                for person in [first, *ctx.surface_list(first)]:
                    yield _rel(works[0], pred, person, tok, f"fr.signed.{pred}", 0.7)
        # "sous la direction de X": the only work of the sentence
        if low == "sous" and tok.i + 4 < len(doc) and doc[tok.i + 1].lower_ == "la" \
                and doc[tok.i + 2].lower_ == "direction" and doc[tok.i + 3].lower_ in ("de", "d'", "d’"):
            person = _mention_from(ctx, tok.i + 4, _PERSON)
            works = _works_in(ctx, tok.sent)
            if person is not None and len(works) == 1 and not ctx.hedged(tok.head):
                yield _rel(works[0], "directedBy", person, tok, "fr.direction", 0.65)
            verb = tok.head.head if tok.head.lower_ == "direction" else None
            if person is not None and not works and verb is not None and verb.pos_ == "VERB" \
                    and verb.lemma_.lower() in _acting_verbs(ctx.lex) and not ctx.unasserted(verb, "actsIn"):
                # "X a tourné sous la direction de Y" in a passage about a work: Y directs it, X acts in it
                work = focus_work(ctx, tok.idx, set(), tok.sent)
                actors = [m for s in subject_of(verb) for m in ctx.resolve(s, _PERSON)]
                if work is not None and actors:
                    yield _rel(work, "directedBy", person, tok, "fr.direction.focus", 0.6)
                    for actor in actors:
                        yield _rel(actor, "actsIn", work, tok, "fr.direction.focus", 0.6)
        # "X est (de nouveau) derrière la caméra avec/de/pour W"
        if low == "derrière" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "caméra":
            verb = tok.head.head if tok.head.lower_ == "caméra" else tok.head
            persons = [m for s in subject_of(verb) for m in ctx.resolve(s, _PERSON)] if verb is not None else []
            after = [m for m in _works_in(ctx, tok.sent) if m.start > doc[tok.i + 2].idx]
            if persons and after and not ctx.hedged(verb):
                for p in persons:
                    yield _rel(after[0], "directedBy", p, tok, "fr.camera", 0.65)
        # "Yanis Ferrand, le réalisateur du film"
        if tok.lemma_.lower() in director_nouns and tok.pos_ == "NOUN":
            named = apposed_to(tok)
            person = ctx._fit(ctx.at(named), _PERSON) if named is not None and ctx.at(named) is not None else None
            if person is not None:
                for c in tok.children:
                    if c.dep_ == "nmod" and any(g.lower_ in ("du", "de", "d'", "d’") for g in c.children):
                        works = ctx.resolve(c, _WORK, follow_conj=False)
                        if works and works[0].text != person.text:
                            yield _rel(works[0], "directedBy", person, tok, "fr.director_of", 0.65)
        # "W …, où l'on retrouve A, B et C" / "on y retrouve A"
        if tok.lemma_.lower() == "retrouver" and any(c.lower_ in ("on", "l'on") for c in tok.children) \
                and any(c.lower_ in ("où", "y") for c in tok.children):
            works = _works_in(ctx, tok.sent, before=tok.idx)
            if works:
                objs = [c for c in tok.children if c.dep_ in ("obj", "nsubj") and c.i > tok.i]
                for m in (m for o in objs for m in ctx.resolve(o, _PERSON)):
                    if m.start < tok.idx:
                        continue
                    yield _rel(m, "actsIn", works[-1], tok, "fr.cast_found", 0.65)


def _acting_verbs(lex: Lexicon) -> frozenset[str]:
    """The one-word lemmas of the lexicon's acting frames ("tourner", "jouer", "incarner")."""
    return lex.derived("acting_frame_verbs", lambda lx: frozenset(
        lemma for f in lx.frames if f.predicate == "actsIn" and f.kind == "verb" and f.subject == "agent"
        for lemma in f.lemmas if " " not in lemma))
