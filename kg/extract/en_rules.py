"""English-only dependency rules for trade-press phrasings the lexicon frames miss.

* setIn: "W is set in / takes place in / unfolds in / plays out in P", with the place
  possibly nested ("the fictional port of P", "the desert planet P", "P and Q");
* actsIn: a person who "plays/portrays/stars as/voices" a character with no "in" phrase acts
  in the work under discussion ("Farrell plays the title gangster", "X, who plays the
  physicist"); "opposite Y" / "opposite Y's Count Orlok" adds Y; "the cast includes X, Y";
* uses: "W was shot/filmed on an iPhone" (a Product after "on"/"with").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.credits import discussed_work
from kg.extract.syntax import Context, slot, subject_of, with_conjuncts, word_tokens
from kg.lexicon import Lexicon
from kg.records import Mention, Relation

_WORK = ("CreativeWork",)
_PLACE = ("Place",)


def _places_under(tok: Token, ctx: Context, depth: int = 0, named_place: bool = False) -> list[Mention]:
    """Place mentions named by ``tok`` or nested in it ("the port of X", "planet X", "X and Y")."""
    out: list[Mention] = []
    for t in with_conjuncts([tok]):
        m = ctx._fit(ctx.at(t), _PLACE) if ctx.at(t) is not None else None
        if m is None and named_place and ctx.at(t) is not None and ctx.at(t).type in ("Organization", "Misc", "CreativeWork"):
            x = ctx.at(t)  # "the port of Wisborg": the place noun says what the name is
            m = Mention(x.text, x.start, x.end, "Place", x.source + ">Place")
        if m is not None:
            out.append(m)
            continue
        if depth < 2 and t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ in ("compound", "appos") and c.i > t.i or c.dep_ == "appos":
                    out += [x for x in _places_under(c, ctx, depth + 1) if x not in out]
                elif c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            place_noun = t.lemma_.lower() in ctx.lex.words("place_nouns")  # "the port of X"
                            out += [x for x in _places_under(g, ctx, depth + 1, place_noun)
                                    if x not in out]
    return out


def _set_triggers(doc: Doc) -> Iterator[tuple[Token, str]]:
    """(trigger verb, slot naming the work): "set" (patient), "take place"/"unfold"/"play out" (agent)."""
    for tok in doc:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low == "set" and tok.pos_ in ("VERB", "ADJ", "AUX"):
            yield tok, "patient"
        elif lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" and not list(c.children)
                                     for c in tok.children):
            yield tok, "agent"
        elif lemma in ("unfold", "play") and (lemma == "unfold" or any(c.dep_ == "prt" and c.lower_ == "out"
                                                                        for c in tok.children)):
            yield tok, "agent"


def _works_of(tok: Token, ctx: Context) -> list[Mention]:
    named = [m for c in tok.children if c.dep_ == "appos" and c.i > tok.i
             and (m := ctx.at(c)) is not None and m.type in _WORK]
    if named and ctx.at(tok) is None:
        return named[:1]  # "the film Desert Crown"
    found = ctx.resolve(tok, _WORK, follow_conj=False)
    if not found and tok.tag_ == "WDT" and tok.i >= 2 and tok.doc[tok.i - 1].text == ",":
        m = ctx.at(tok.doc[tok.i - 2])  # "W, which … takes place in P" (the parser often misattaches it)
        found = [m] if m is not None and m.type in _WORK else []
    if not found and tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.lex.words("story_nouns"):
        # "the story unfolds in Kolkata": the story of the work just named
        m = ctx.antecedent(tok.idx, _WORK)
        if m is not None and m.start >= tok.sent.start_char:
            found = [m]
    return found


def set_in_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    preps = ctx.lex.words("set_in_preps")
    for trig, name in _set_triggers(doc):
        if ctx.unasserted(trig, "setIn"):
            continue
        places: list[Mention] = []
        for c in trig.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        places += [p for p in _places_under(g, ctx) if p not in places]
        if not places:
            continue
        subj = slot(trig, name)
        if not subj and name == "patient" and trig.dep_ in ("acl", "amod") :
            subj = [trig.head]
        if not subj and trig.dep_ in ("conj", "advcl") and trig.head.i != trig.i:
            subj = slot(trig.head, "patient") or subject_of(trig.head)
        top = trig
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
            # "W, which was filmed in X but takes place in P": the relative pronoun of the first conjunct
            subj = subj + [c for c in top.children if c.tag_ == "WDT" and c not in subj]
        if True:
            if top.dep_ == "advcl" and top.i == top.sent.start and top.head.i > top.i:
                # "Shot in Jordan but set on Arrakis, Dune: Part Two was…": the fronted phrase
                # describes the main clause's subject
                subj = subj + [c for c in top.head.children if c.dep_ in ("nsubj", "nsubjpass") and c not in subj]
        works: list[Mention] = []
        for s in subj:
            works += [w for w in _works_of(s, ctx) if w not in works]
        for w in works:
            for p in places:
                if (w.start, w.end) == (p.start, p.end):
                    continue
                yield Relation(w, "setIn", p, trig.sent.text, trig.sent.start_char, "en.setIn", 0.7)


def _is_character_object(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` (play, portray...) has a character object or an "as" phrase; objects in
    lexicon ``not_character_objects`` ("plays guitar", "plays a key role") are none."""
    not_characters = lex.words("not_character_objects")
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            return True
        if c.dep_ == "dobj":
            if c.lower_ in not_characters or c.lemma_.lower() in not_characters:
                # "plays the title role": still a part in the work
                return c.lemma_.lower() in ("role", "part") and any(
                    g.lower_ in lex.words("title_role_words") for g in c.children)
            return c.pos_ in ("PROPN", "NOUN")
    return False


def acting_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    acting = ctx.lex.words("acting_verbs")
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in acting:
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "for", "with") for c in verb.children):
            continue  # "plays X in W" is the frame's; "plays on", "plays for" are not acting
        if lemma in ("star", "co-star", "costar", "topline", "headline") and any(
                c.dep_ == "dobj" for c in verb.children):
            continue  # "W stars X": the frame's
        if lemma in ("play", "portray", "voice") and not _is_character_object(verb, ctx.lex):
            continue
        if lemma in ("star", "co-star", "costar") and not any(c.dep_ == "prep" and c.lower_ == "as"
                                                              for c in verb.children):
            continue
        if ctx.unasserted(verb, "actsIn"):
            continue
        people: list[Mention] = []
        for s in subject_of(verb):
            people += [p for p in ctx.resolve(s, ("Person",)) if p not in people]
        if not people:
            continue
        work = discussed_work(verb, ctx)
        if work is None:
            continue
        partners: list[Mention] = []
        for c in verb.subtree:
            if c.dep_ == "prep" and c.lower_ == "opposite":
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    cand = [g] + [x for x in g.children if x.dep_ == "poss"]
                    for t in cand:
                        partners += [p for p in ctx.resolve(t, ("Person",)) if p not in partners]
        for p in people + [x for x in partners if x not in people]:
            yield Relation(p, "actsIn", work, verb.sent.text, verb.sent.start_char, "en.actsIn.plays", 0.7)


def stars_surface_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """"W stars A, B and C" read on the surface, where the parse misses it (the small English
    parser often takes "stars" for a noun or hangs the names on the title): a work mention right
    before one of the lexicon's ``title_cast_forms`` and the persons listed right after it."""
    forms = ctx.lex.words("title_cast_forms")
    for i, low in enumerate(ctx.lower):
        if low not in forms or i == 0 or i + 1 >= len(doc):
            continue
        work, first = ctx.at(doc[i - 1]), ctx.at(doc[i + 1])
        if work is None or first is None or first.type != "Person" or first.start != doc[i + 1].idx \
                or work.end != doc[i - 1].idx + len(doc[i - 1]):
            continue
        work = ctx.fit(work, ("CreativeWork",))
        if work is None or ctx.unasserted(doc[i], "actsIn"):
            continue
        sent = doc[i].sent
        for p in [first, *ctx.surface_list(first)]:
            if p.type == "Person":
                yield Relation(p, "actsIn", work, sent.text, sent.start_char, "en.actsIn.stars", 0.7)


def lead_cast_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "X toplines/headlines/leads the film (or the cast)", "with Y in the title role" -> actsIn."""
    lead_verbs, cast_nouns = ctx.lex.words("lead_cast_verbs"), ctx.lex.words("cast_nouns")
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in lead_verbs:
            continue  # "X leads/heads the cast" is works.cast_and_crew_relations
        if ctx.unasserted(verb, "actsIn"):
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        works: list[Mention] = []
        for o in objs:
            if o.lemma_.lower() in cast_nouns:
                works += [w for c in o.children if c.dep_ in ("poss", "prep")
                          for t in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])
                          for w in ctx.resolve(t, _WORK)]
                if not works and (m := discussed_work(verb, ctx)) is not None:
                    works = [m]
            elif lemma in lead_verbs:
                works += ctx.resolve(o, _WORK, follow_conj=False)
        if not works:
            continue
        people = [p for s in subject_of(verb) for p in ctx.resolve(s, ("Person",))]
        # "with Tom Holland in the title role"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                roles = [g for g in verb.children if g.dep_ == "prep" and g.lower_ == "in"] + \
                        [g for n in c.children for g in n.children if g.dep_ == "prep" and g.lower_ == "in"]
                if any(r2.lemma_.lower() in ("role", "part") for r in roles for r2 in r.children):
                    people += [p for n in c.children if n.dep_ == "pobj" for p in ctx.resolve(n, ("Person",))]
        for p in people:
            for w in works:
                yield Relation(p, "actsIn", w, verb.sent.text, verb.sent.start_char, "en.actsIn.lead", 0.7)


def home_to_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "The network is home to W and V" -> distributes."""
    for tok in word_tokens(doc, ("home",)):
        if tok.head.lemma_.lower() != "be" or ctx.hedged(tok.head):
            continue
        works = [w for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                 for n in c.children if n.dep_ == "pobj" for w in ctx.resolve(n, _WORK)]
        orgs = [o for s in subject_of(tok.head) for o in ctx.resolve(s, ("Organization",))]
        for o in orgs:
            for w in works:
                yield Relation(o, "distributes", w, tok.sent.text, tok.sent.start_char, "en.distributes.home", 0.65)


def shot_on_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "W was shot on an iPhone", "I shot it on an iPhone" -> uses(W, Product)."""
    shot_verbs = ctx.lex.words("shot_on_verbs")
    for verb in doc:
        if verb.lemma_.lower() not in shot_verbs or verb.pos_ != "VERB":
            continue
        tools: list[Mention] = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "with", "using"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        tools += [m for t in with_conjuncts([g]) if (m := ctx.at(t)) is not None
                                  and m.type == "Product" and m not in tools]
        if not tools or ctx.unasserted(verb):
            continue
        works: list[Mention] = []
        for t in slot(verb, "patient"):
            if t.lower_ == "it":
                m = discussed_work(t, ctx)
                works += [m] if m is not None else []
            else:
                works += ctx.resolve(t, _WORK, follow_conj=False)
        for w in works:
            for p in tools:
                yield Relation(w, "uses", p, verb.sent.text, verb.sent.start_char, "en.uses.shot_on", 0.7)


#: The acquisition noun frame whose support verbs close a deal ("completed the acquisition of").
_CLOSING_FRAME = "frame.noun.acquires.acquisition"


def closed_deal_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "X closed/completed its deal to acquire Y" -> acquires (a signed, unclosed deal gives nothing)."""
    acquire, deals = ctx.lex.words("deal_acquire_verbs"), ctx.lex.words("deal_nouns")
    close = ctx.lex.frame(_CLOSING_FRAME).support_verbs
    for verb in doc:
        if verb.lemma_.lower() not in acquire or verb.dep_ not in ("acl", "relcl"):
            continue
        deal = verb.head
        support = deal.head
        if deal.lemma_.lower() not in deals or deal.dep_ not in ("dobj", "nsubjpass") \
                or support.lemma_.lower() not in close:
            continue
        if ctx.unasserted(support):
            continue
        buyers = [m for t in subject_of(support) for m in ctx.resolve(t, ("Organization",))]
        targets = [m for c in verb.children if c.dep_ == "dobj" for m in ctx.resolve(c, ("Organization", "Product"))]
        for b in buyers:
            for t in targets:
                if b != t:
                    yield Relation(b, "acquires", t, verb.sent.text, verb.sent.start_char, "en.acquires.closed_deal", 0.7)


def rights_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "X picked up (North American) rights to W", "X acquired the rights to W" -> distributes(X, W)."""
    rights_verbs = ctx.lex.words("rights_verbs")
    # rights that are not distribution rights ("film rights to the novel" are adaptation rights)
    not_distribution = ctx.lex.words("non_distribution_rights")
    for verb in doc:
        if verb.lemma_.lower() not in rights_verbs or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() in ctx.lex.words("rights_phrasal_verbs") and not any(
                c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            continue
        for rights in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ("right", "rights")):
            if any(t.lower_ in not_distribution for t in rights.lefts):
                continue
            works: list[Mention] = []
            for p in [*rights.children, *verb.children]:  # "rights to W" often hangs on the verb
                if p.dep_ == "prep" and p.lower_ in ("to", "for", "on", "of"):
                    for g in p.children:
                        if g.dep_ != "pobj" or any(t.lemma_.lower() in ctx.lex.words("source_nouns") and
                                                   t.lemma_.lower() not in ("film", "series")
                                                   for t in g.subtree):
                            continue  # "the rights to the novel W": adaptation, not distribution
                        for x in [g, *(a for a in g.children if a.dep_ == "appos")]:
                            works += [w for w in ctx.resolve(x, _WORK) if w not in works]
            if not works or ctx.unasserted(verb):
                continue
            for t in subject_of(verb):
                for org in ctx.resolve(t, ("Organization",)):
                    for w in works:
                        yield Relation(org, "distributes", w, verb.sent.text, verb.sent.start_char,
                                       "en.distributes.rights", 0.7)


def hire_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "Org hired/appointed/tapped X as ROLE (of Y)" -> the role's property (ceoOf, leads, worksFor)."""
    from kg.extract.roles import role_key  # avoid an import cycle

    table = ctx.lex.role_nouns
    hire_verbs = ctx.lex.words("hire_verbs")
    for verb in doc:
        if verb.lemma_.lower() not in hire_verbs or verb.pos_ != "VERB":
            continue
        if ctx.unasserted(verb):
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        people_toks = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        org_toks = [n for c in verb.children if c.dep_ == "agent" for n in c.children if n.dep_ == "pobj"] \
            if passive else subject_of(verb)
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for role in (g for g in prep.children if g.dep_ == "pobj"):
                start = role
                for t in role.lefts:
                    if t.dep_ in ("amod", "compound") and t.i < start.i:
                        start = t
                        break
                found = role_key(start, table) or role_key(role, table)
                if found is None:
                    continue
                orgs = [m for c in role.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")
                        for n in c.children if n.dep_ == "pobj" for m in ctx.resolve(n, ("Organization",))]
                orgs = orgs or [m for t in org_toks for m in ctx.resolve(t, ("Organization",))]
                for t in people_toks:
                    for person in ctx.resolve(t, ("Person",)):
                        for org in orgs:
                            yield Relation(person, found[1], org, verb.sent.text, verb.sent.start_char,
                                           f"en.hire.{found[1]}", 0.7)


def cofounder_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "founded (by X) alongside/together with Y" -> founderOf for Y as well."""
    cofound_verbs = ctx.lex.words("cofound_verbs")
    for verb in doc:
        if verb.lemma_.lower() not in cofound_verbs or verb.pos_ != "VERB":
            continue
        if ctx.unasserted(verb):
            continue
        partners = [m for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("alongside", "with")
                    and c.head.i in (verb.i, *[n.i for n in verb.subtree if n.dep_ == "pobj"])
                    for n in c.children if n.dep_ == "pobj" for m in ctx.resolve(n, ("Person",))]
        if not partners:
            continue
        orgs = [m for t in slot(verb, "patient") for m in ctx.resolve(t, ("Organization",))]
        for p in partners:
            for org in orgs:
                yield Relation(p, "founderOf", org, verb.sent.text, verb.sent.start_char, "en.founderOf.alongside", 0.7)


def based_out_of_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """ "X, which is based out of P", "X is headquartered out of P" -> headquarteredIn."""
    based = ctx.lex.words("based_words")  # based, headquartered
    for tok in word_tokens(doc, based, end=-3):
        if doc[tok.i + 1].lower_ != "out" or doc[tok.i + 2].lower_ != "of":
            continue
        place = ctx.at(doc[tok.i + 3]) or (ctx.at(doc[tok.i + 4]) if tok.i + 4 < len(doc) and doc[tok.i + 3].lower_ == "the" else None)
        place = ctx._fit(place, _PLACE) if place is not None else None
        if place is None or ctx.hedged(tok):
            continue
        subj = slot(tok, "patient") or subject_of(tok)
        for t in subj:
            for org in ctx.resolve(t, ("Organization",)):
                yield Relation(org, "headquarteredIn", place, tok.sent.text, tok.sent.start_char, "en.based_out_of", 0.7)


def english_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    if doc.lang_ != "en":
        return
    yield from set_in_relations(doc, ctx)
    yield from acting_relations(doc, ctx)
    yield from stars_surface_relations(doc, ctx)
    yield from lead_cast_relations(doc, ctx)
    yield from home_to_relations(doc, ctx)
    yield from shot_on_relations(doc, ctx)
    yield from closed_deal_relations(doc, ctx)
    yield from rights_relations(doc, ctx)
    yield from hire_relations(doc, ctx)
    yield from cofounder_relations(doc, ctx)
    yield from based_out_of_relations(doc, ctx)
