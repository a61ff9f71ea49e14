"""Companies attached to works by a possessive or a compound, as news writes it:

* "Netflix's Elite", "the streamer's Korean series Kingdom" (possessive);
* "an Apple TV+ series", "the Paramount Network hit Yellowstone" (compound modifier of a work
  noun, the work being the title after the noun, the noun's apposition or the copula's subject);
* "Dix pour cent, la série de France 2", "la fiction d'Arte" (French ``de`` complement of a
  work noun in apposition to a title).

A company whose name ends like a studio's (the lexicon's ``org_suffixes``: Pictures,
Productions, Studios...) ``produces`` the work; a channel or a streamer ``distributes`` it.

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("en")("Severance is an Apple TV+ series.")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.syntax import POSSESSIVE_MARKS
from kg.records import Mention, Relation

_WORK = ("CreativeWork",)
CONFIDENCE = 0.65


def _work_heads(ctx) -> frozenset[str]:
    lex = ctx.lex
    return lex.union("work_nouns", "genre_nouns", "possessive_work_nouns")


def _org(ctx, tok: Token, untyped: bool = False) -> Mention | None:
    m = ctx.at(tok)
    if untyped and m is not None and m.type == "Misc":
        return ctx.fit(m, ("Organization",))
    return m if m is not None and m.type == "Organization" else None


def _predicate(ctx, org: Mention) -> str:
    """A studio's work is its production ("a Sony Pictures Television drama"), a channel's or a
    network's what it airs ("the Paramount Network hit"): lexicon ``org_suffixes`` and
    ``distributor_suffixes``."""
    last = org.text.split()[-1].lower() if org.text.split() else ""
    return "produces" if last in ctx.lex.words("org_suffixes") and last not in ctx.lex.words("distributor_suffixes") \
        else "distributes"


def _title_after(ctx, noun: Token) -> Mention | None:
    """The title right after a work noun ("series Kingdom", "la série Lupin")."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].text in ("«", "“", '"'):
        i += 1
    m = ctx.at(doc[i]) if i < len(doc) else None
    if m is not None and m.start == doc[i].idx:
        return ctx.fit(m, _WORK)
    return None


def _title_before(ctx, noun: Token) -> Mention | None:
    """The title a work noun is in apposition to ("Dix pour cent, la série de…", "X, an HBO drama")."""
    doc = noun.doc
    j = noun.i - 1
    while j >= 0 and doc[j].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM") and ctx.at(doc[j]) is None and noun.i - j < 5:
        j -= 1
    while j >= 0 and ctx.at(doc[j]) is not None and ctx.at(doc[j]).type == "Organization":
        j -= 1  # "X, the Paramount Network hit": skip the company itself
    while j >= 0 and doc[j].pos_ == "DET":
        j -= 1
    if j < 1 or doc[j].text not in (",", ":"):  # "Shōgun : la série de FX"
        return None
    m = ctx.at(doc[j - 1])
    return ctx.fit(m, _WORK) if m is not None and m.end == doc[j - 1].idx + len(doc[j - 1]) else None


def _copula_subject(ctx, noun: Token) -> Mention | None:
    """"Severance is an Apple TV+ series", "The film is a Brookstreet Pictures production": the
    subject of the copula, a title or a description of the work named before."""
    if noun.dep_ not in ("attr", "ROOT") or noun.head.lemma_ not in ("be", "être") and noun.dep_ != "ROOT":
        return None
    head = noun.head if noun.dep_ == "attr" else noun
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubj:pass") and ctx.at(c) is not None:
            return ctx.fit(ctx.at(c), _WORK)
        if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN" and c.lemma_.lower() in ctx.lex.words("work_nouns"):
            found = ctx.resolve(c, _WORK, follow_conj=False)
            return found[0] if found else None
    return None


def _production_noun(ctx, noun: Token) -> bool:
    """"a Brookstreet Pictures production": the company produces, whatever it is."""
    return noun.lemma_.lower() in ctx.lex.words("production_nouns")


def from_studio_relations(doc: Doc, ctx) -> Iterator[Relation]:
    """"Adolescence, from Warp Films and Plan B, …", "a drama from 101 Studios": the companies
    a work comes from produce it (English ``from`` right after a title or a work noun, also one
    the gazetteer knows as a genre: "the eight-part drama from X")."""
    if doc.lang_ != "en":
        return
    heads = _work_heads(ctx)
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low == "from"):
        if tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        org = _org(ctx, nxt)
        if org is None or org.start != nxt.idx:
            continue
        prev = doc[tok.i - 1] if doc[tok.i - 1].text != "," else (doc[tok.i - 2] if tok.i >= 2 else None)
        if prev is None:
            continue
        work = None
        m = ctx.at(prev)
        if m is not None and m.end == prev.idx + len(prev) and m.type != "Concept":
            work = ctx.fit(m, _WORK)
        elif prev.pos_ == "NOUN" and (prev.lemma_.lower() in heads or prev.lower_ in heads):
            found = ctx.resolve(prev, _WORK, follow_conj=False)
            work = found[0] if found else _copula_subject(ctx, prev)
        if work is None:
            continue
        for o in [org] + ctx.surface_list(org):
            yield Relation(o, "produces", work, tok.sent.text, tok.sent.start_char, "possessive.from_studio", CONFIDENCE)


def possessive_work_relations(doc: Doc, ctx) -> Iterator[Relation]:
    """Company-work relations of possessives and compounds (see the module docstring)."""
    heads = _work_heads(ctx)
    named = ctx.by_token
    authored = ctx.lex.words("authored_work_nouns")
    for tok in (doc[i] for i, (low, lemma) in enumerate(zip(ctx.lower, ctx.lemma))
                if i in named or low in heads or lemma in heads):
        if ctx.at(tok) is not None:
            # "Netflix's Elite": a company's possessive on a title
            org = _org(ctx, tok)
            if org is not None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in POSSESSIVE_MARKS \
                    and org.end == tok.idx + len(tok):
                nxt = doc[tok.i + 2]
                work = ctx.at(nxt)
                work = ctx.fit(work, _WORK) if work is not None and work.start == nxt.idx else None
                if work is not None:
                    yield Relation(org, _predicate(ctx, org), work, tok.sent.text, tok.sent.start_char,
                                   "possessive.org_work", CONFIDENCE)
            continue
        if tok.lower_ not in heads and tok.lemma_.lower() not in heads:
            continue
        orgs: list[Mention] = []
        if doc.lang_ == "en":
            # "an Apple TV+ series", "the streamer's series": company words before the noun
            j = tok.i - 1
            while j >= 0 and (doc[j].pos_ in ("ADJ", "PROPN", "NOUN", "NUM", "PART", "PUNCT") and doc[j].text not in (",", ";", ":", "(", ")")):
                if doc[j].lower_ in POSSESSIVE_MARKS and (tok.lower_ in authored or tok.lemma_.lower() in authored):
                    break  # "Sigrid Nunez's novel W": whoever owns a novel wrote it (works.py), NER's type aside
                o = _org(ctx, doc[j])
                if o is not None and o not in orgs:
                    orgs.append(o)
                if doc[j].pos_ == "NOUN" and ctx.at(doc[j]) is None and doc[j].lower_ not in heads:
                    break
                j -= 1
        else:
            # "la série de France 2", "la fiction d'Arte"
            k = tok.i + 1
            if k < len(doc) and doc[k].lower_ in ("de", "d'", "d’"):
                # an untyped name there is a company ("la série de FX"): a person is typed Person
                o = _org(ctx, doc[k + 1], untyped=True) if k + 1 < len(doc) else None
                if o is not None and o.start == doc[k + 1].idx:
                    orgs.append(o)
        if not orgs:
            continue
        work = _title_after(ctx, tok) or _title_before(ctx, tok) or _copula_subject(ctx, tok)
        if work is None and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "the Focus Features release, co-produced by …": a definite description of the passage's work
            found = ctx.resolve(tok, _WORK, follow_conj=False)
            work = found[0] if found and found[0].start < tok.idx else None
        if work is None:
            continue
        for org in orgs:
            if (org.start, org.end) != (work.start, work.end):
                pred = "produces" if _production_noun(ctx, tok) else _predicate(ctx, org)
                yield Relation(org, pred, work, tok.sent.text, tok.sent.start_char, "possessive.compound", CONFIDENCE)


def ownership_relations(doc: Doc, ctx) -> Iterator[Relation]:
    """Ownership written into a name's modifiers (English):

    * "Sony-owned Crunchyroll", "X, the Disney-owned specialty label" (lexicon ``owned_words``
      after the owner and a hyphen): the owned company is the name after the modifier, or the
      name the description is in apposition to;
    * "Comcast's NBCUniversal": a company's possessive on another company's name.
    """
    owned = ctx.lex.words("owned_words")
    for tok in (doc[i] for i in range(len(doc)) if i in ctx.by_token):  # an owner is a mention
        owner = _org(ctx, tok)
        if owner is None or owner.end != tok.idx + len(tok) or tok.i + 2 >= len(doc):
            continue
        nxt, after = doc[tok.i + 1], doc[tok.i + 2]
        if nxt.text in ("-", "‑") and after.lower_ in owned:
            target = None
            j = after.i + 1
            if j < len(doc) and _org(ctx, doc[j]) is not None and ctx.at(doc[j]).start == doc[j].idx:
                target = ctx.at(doc[j])  # "Sony-owned Crunchyroll"
            else:  # "X, the Disney-owned label": back over the determiner and the comma
                k = tok.i - 1
                while k >= 0 and owner.start <= doc[k].idx:
                    k -= 1
                if k >= 1 and doc[k].pos_ == "DET" and doc[k - 1].text == ",":
                    target = _org(ctx, doc[k - 2]) if k >= 2 else None
            if target is not None and target != owner:
                yield Relation(target, "subsidiaryOf", owner, tok.sent.text, tok.sent.start_char, "possessive.owned", CONFIDENCE)
        elif doc.lang_ == "en" and nxt.lower_ in POSSESSIVE_MARKS:
            target = _org(ctx, after)
            if target is not None and target.start == after.idx and target != owner:
                yield Relation(target, "subsidiaryOf", owner, tok.sent.text, tok.sent.start_char, "possessive.org_org", CONFIDENCE)
            person = ctx.at(after)
            if person is not None and person.type == "Person" and person.start == after.idx:
                # "Disney's Bob Iger", "Killer Films' Christine Vachon and Pamela Koffler": the company's people
                members = [m for m in ctx.surface_list(person) if m.type == "Person"
                           and ctx.text[m.end:m.end + 1] != ","]  # "…and Y, chief executive of Z": Y's own post
                for p in [person] + members:
                    yield Relation(p, "worksFor", owner, tok.sent.text, tok.sent.start_char, "possessive.org_person",
                                   CONFIDENCE)


def behind_relations(doc: Doc, ctx) -> Iterator[Relation]:
    """"FromSoftware, the studio behind Elden Ring", "Zeta Studios is behind the show": the
    company behind a work produces it, behind a product develops it (lexicon ``behind_words``)."""
    from kg.extract.mentions import behind_company, behind_filmmaker  # avoid an import cycle

    behind = ctx.lex.words("behind_words")
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low in behind):  # as behind_company tests first
        found = behind_company(tok, ctx.lex)
        if found is None:
            maker = behind_filmmaker(tok, ctx.lex)
            if maker is not None:  # "Whannell, the filmmaker behind The Invisible Man and Wolf Man"
                people = ctx.resolve(maker[0], ("Person",), follow_conj=False)
                for work in ctx.resolve(maker[1], ("CreativeWork",), follow_conj=True) if people else ():
                    yield Relation(work, "directedBy", people[0], tok.sent.text, tok.sent.start_char,
                                   "possessive.behind_filmmaker", CONFIDENCE)
            continue
        company, target = found
        orgs = ctx.resolve(company, ("Organization",), follow_conj=False)
        things = ctx.resolve(target, ("CreativeWork", "Product"), follow_conj=True)
        for org in orgs[:1]:
            for thing in things:
                if (thing.start, thing.end) != (org.start, org.end):
                    pred = "produces" if thing.type == "CreativeWork" else "develops"
                    yield Relation(org, pred, thing, tok.sent.text, tok.sent.start_char, "possessive.behind", CONFIDENCE)


def home_relations(doc: Doc, ctx) -> Iterator[Relation]:
    """"TKO Group Holdings, home to UFC and WWE", "the cable group is home to The Walking Dead":
    a company that is home to companies owns them (``subsidiaryOf``), to works airs them
    (``distributes``). The phrase is the lexicon's ``home_phrases`` ("home to")."""
    phrases = [p.split() for p in ctx.lex.words("home_phrases")]
    firsts = {p[0] for p in phrases if p}
    every = any(not p for p in phrases)  # an empty phrase matches anywhere
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if every or low in firsts):
        words = next((p for p in phrases if [t.lower_ for t in doc[tok.i:tok.i + len(p)]] == p), None)
        if words is None or tok.i + len(words) >= len(doc):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        apposed = prev is not None and prev.text == "," and tok.i >= 2
        if apposed:  # "X, home to A and B" (surface: the parser hangs "home" anywhere)
            owner_tok = doc[tok.i - 2]
        elif prev is not None and prev.lemma_ == "be":  # "X is home to A"
            owner_tok = next((c for c in prev.children if c.dep_ == "nsubj"), None)
        else:
            owner_tok = None
        owners = ctx.resolve(owner_tok, ("Organization",), follow_conj=False) if owner_tok is not None else []
        target = doc[tok.i + len(words)]
        for owner in owners[:1]:
            for m in ctx.resolve(target, ("Organization", "CreativeWork")):
                if (m.start, m.end) == (owner.start, owner.end):
                    continue
                if m.type == "Organization":
                    if not apposed:
                        continue  # "the network is home to The Walking Dead": often a mistyped title
                    yield Relation(m, "subsidiaryOf", owner, tok.sent.text, tok.sent.start_char, "possessive.home_to", CONFIDENCE)
                else:
                    yield Relation(owner, "distributes", m, tok.sent.text, tok.sent.start_char, "possessive.home_to", CONFIDENCE)
