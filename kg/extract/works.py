"""Facts about creative works read from noun phrases:

* ``genre``: "L'Eternaut, un drame de science-fiction", "la comédie d'aventure X";
* ``author`` of a source: "adapté de la bande dessinée de X" (the source's author, or the
  derived work's when the source is not named);
* ``directedBy`` from "le film de X" / "X's film";
* a credit taken as an object: "X signe aussi le scénario", "qui en signe la mise en scène",
  "X co-wrote the screenplay with Y" (:func:`signed_credit_relations`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.scorer import lexicon_classes
from kg.extract.credits import focus_work, is_topic, work_sides
from kg.extract.syntax import (
    SUBJ,
    Context,
    apposed_to,
    char_span,
    copula_subjects,
    doc_text,
    is_passive,
    obliques,
    possessive_work_noun,
    reference_work,
    verb_forms,
    with_conjuncts,
)
from kg.records import Mention, Relation
from kg.schema import allowed

_WORK = ("CreativeWork",)


def _genre_tokens(noun: Token, ctx: Context) -> list[Token]:
    """Tokens of the genre phrase headed by ``noun`` (empty if it is not a genre phrase)."""
    lex = ctx.lex
    genres, adjectives = lex.words("genre_nouns"), lex.words("genre_adjectives")
    works = lex.words("work_nouns")
    lemma = noun.lemma_.lower()
    doc = noun.doc
    keep: list[Token] = []
    is_genre = lemma in genres or noun.lower_ in genres
    if not is_genre and lemma not in works:
        return []  # neither a genre nor a work noun heads no genre phrase, whatever its modifiers
    if is_genre:
        keep.append(noun)
    for child in noun.children:
        sub = list(child.subtree)
        text = " ".join(t.lower_ for t in sub if t.dep_ not in ("case", "det"))
        concept = ctx.at(child)
        if child.dep_ in ("nmod", "amod", "compound") and child.i > noun.i and concept is not None and concept.type == "Concept":
            span = char_span(doc, concept.start, concept.end)
            keep.extend(span)
        elif child.dep_ in ("nmod", "amod", "compound") and child.i > noun.i and (
                child.lemma_.lower() in genres or text in genres or child.lower_ in adjectives
                or f"d'{child.lower_}" in adjectives):
            keep.extend(t for t in _until_clause(sub) if t.dep_ != "det")
        elif child.dep_ in ("amod", "compound") and child.i < noun.i and (child.lower_ in adjectives or child.lemma_.lower() in genres):
            keep.append(child)
    if not keep:
        return []
    if not is_genre:  # "série policière": keep only the genre words
        keep = [t for t in keep if t is not noun]
    return sorted(set(keep), key=lambda t: t.i)


def _until_clause(tokens: list[Token]) -> list[Token]:
    """The tokens of a genre modifier up to a participle or relative clause, a comma or a
    parenthesis ("comédie d'aventure | adaptée du roman de X"): the clause is no part of the genre."""
    out: list[Token] = []
    for t in tokens:
        if t.dep_ in ("acl", "acl:relcl", "relcl", "appos", "punct") or t.pos_ in ("VERB", "AUX", "PUNCT"):
            break
        out.append(t)
    return out


def _fr_definite(tok: Token, *, subject_only: bool) -> bool:
    """A French demonstrative ("cette comédie"), or a definite article on a clause subject."""
    if tok.doc.lang_ != "fr":
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ == "det" and c.i < tok.i]
    if any(d in ("ce", "cet", "cette") for d in dets):
        return True
    return any(d in ("le", "la", "l'", "l’") for d in dets) and (not subject_only or tok.dep_ in ("nsubj", "nsubj:pass"))


def _phrase(tokens: list[Token]) -> Mention:
    doc = tokens[0].doc
    span = doc[tokens[0].i:tokens[-1].i + 1]
    text = span.text
    return Mention(text, span.start_char, span.end_char, "Concept", "context:genre")


def genre_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """``genre`` for works described by a genre phrase in apposition, as attribute, or before the title."""
    genres, work_nouns = ctx.lex.words("genre_nouns"), ctx.lex.words("work_nouns")
    # only a genre or a work noun heads a genre phrase (:func:`_genre_tokens`)
    for tok in (doc[i] for i, (pos, low, lemma) in enumerate(zip(ctx.pos, ctx.lower, ctx.lemma))
                if pos in ("NOUN", "PROPN", "ADJ") and (lemma in genres or low in genres or lemma in work_nouns)):
        phrase = _genre_tokens(tok, ctx)
        if not phrase:
            continue
        works: list[Mention] = []
        # "L'Eternaut, un drame de SF" (appos either way) / "X est un thriller" (copula)
        named = apposed_to(tok)
        if named is not None:
            works += ctx.resolve(named, _WORK, follow_conj=False)
        works += [m for c in tok.children if c.dep_ == "appos" for m in ctx.resolve(c, _WORK, follow_conj=False)]
        works += [m for c in copula_subjects(tok) for m in ctx.resolve(c, _WORK)]  # "X est un thriller", "X is a drama"
        # "la comédie d'aventure Astérix" / "the vampire thriller Sinners"
        works += [m for c in tok.children if c.dep_ in ("flat", "flat:name", "nmod", "appos") and c.i > tok.i
                  and ctx.at(c) is not None for m in ctx.resolve(c, _WORK, follow_conj=False)]
        if tok.dep_ == "compound" or (tok.head.i > tok.i and tok.dep_ in ("amod", "nmod")):
            works += ctx.resolve(tok.head, _WORK, follow_conj=False)
        # "released the vampire thriller": a definite genre description of an earlier work
        if not works and len(phrase) > 1 and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and tok.lemma_.lower() in ctx.lex.words("anaphors", "CreativeWork"):
            works += ctx.resolve(tok, _WORK, follow_conj=False)
        # "cette comédie d'aventure se déroule…", "la comédie suit…": a French definite
        # (or demonstrative) genre description standing for an earlier work
        if not works and tok.pos_ == "NOUN" and tok.lemma_.lower() in ctx.lex.words("anaphors", "CreativeWork") \
                and _fr_definite(tok, subject_only=len(phrase) == 1):
            works += ctx.resolve(tok, _WORK, follow_conj=False)
        genre = _phrase(phrase)
        seen = set()
        for w in works:
            if (w.start, w.end) in seen or w.start == genre.start:
                continue
            seen.add((w.start, w.end))
            yield Relation(w, "genre", genre, tok.sent.text, tok.sent.start_char, "works.genre", 0.75)


def source_author_relations(doc: Doc, ctx: Context, based_on: list[Relation]) -> Iterator[Relation]:
    """``author`` of the source work of each ``basedOn`` ("la bande dessinée de X et Y")."""
    for rel in based_on:
        span = char_span(doc, rel.object.start, rel.object.end)
        if span is None:
            continue
        head = span.root
        # the noun that introduces the source, e.g. "bande dessinée" for a named "El Eternauta"
        nouns = [head] + ([head.head] if head.dep_ in ("appos", "flat", "flat:name", "nmod") else [])
        # "American Prometheus, the biography by X and Y": a source noun in apposition after the name
        nouns += [c for c in head.children if c.dep_ == "appos" and c.i > head.i
                  and c.lemma_.lower() in ctx.lex.words("source_nouns")]
        authors: list[Mention] = []
        for noun in nouns:
            for prep, child in obliques(noun):
                if prep in ("de", "of", "by"):
                    authors += [m for m in ctx.resolve(child, ("Person",)) if m not in authors]
        work = rel.object if rel.object.source != "context:source" else rel.subject
        for a in authors:
            yield Relation(work, "author", a, rel.sentence, rel.sent_start, "works.source_author", 0.7)


def _possessive_noun_credit(poss: Token, ctx: Context) -> Iterator[Relation]:
    """"Colson Whitehead's Pulitzer-winning novel The Nickel Boys" (author), "Sean Baker's new
    film Anora" (directedBy): a person's possessive, modifiers, a work noun and the title. The
    noun decides: ``authored_work_nouns`` give author, ``director_nouns`` directedBy, others
    ("series", "show") nothing. Before a written work's noun the possessor is its author even when
    NER read a company ("Sigrid Nunez's novel W"), and the title may come before the noun ("Mick
    Herron's Slough House novels", whatever NER made of the title)."""
    doc = poss.doc
    owner = ctx.at(doc[poss.i - 1]) if poss.i > 0 else None
    if owner is None or owner.type not in ("Person", "Organization"):
        return
    authored = ctx.lex.words("authored_work_nouns")
    found = possessive_work_noun(poss, ctx.lex)
    if found is not None:
        noun, start = found
        kind = {noun.lemma_.lower(), noun.lower_}
        pred = "author" if kind & authored else "directedBy" if kind & ctx.lex.words("director_nouns") else None
        work = ctx.at(doc[start])
        work = ctx.fit(work, ("CreativeWork",)) if work is not None and work.start == doc[start].idx else None
    else:
        pred, work = "author", _title_before_noun(poss, ctx, authored)
    if owner.type == "Organization":
        if pred != "author" or not owner.source.startswith("ner"):
            return  # "HBO's film X", "Netflix's novel": a company's work is not its credit
        owner = Mention(owner.text, owner.start, owner.end, "Person", owner.source + ">author")
    if pred is not None and work is not None:
        yield Relation(work, pred, owner, poss.sent.text, poss.sent.start_char, "works.possessive_noun", 0.7)


def _title_before_noun(poss: Token, ctx: Context, nouns: frozenset[str]) -> Mention | None:
    """The name right after the possessive ``poss`` when a written work's noun follows it ("Mick
    Herron's Slough House novels"), read as a work (a gazetteer name or a person keeps its type)."""
    doc = poss.doc
    if poss.i + 1 >= len(doc):
        return None
    m = ctx.at(doc[poss.i + 1])
    span = ctx.span(m) if m is not None and m.start == doc[poss.i + 1].idx else None
    if span is None or span.end >= len(doc) or doc[span.end].lemma_.lower() not in nouns \
            or doc[span.end].pos_ != "NOUN" or not doc[span.end].is_lower or span.sent.start != doc[span.end].sent.start:
        return None  # (not "Brad Pitt's Plan B. Newcomer Owen Cooper plays the son")
    if m.type == "CreativeWork" or m.type == "Misc":
        return ctx.fit(m, ("CreativeWork",))
    if m.type in ("Organization", "Place") and m.source.startswith("ner"):
        return Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">work-slot")
    return None


def film_of_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """``directedBy`` from "le film de X" / "X's film" when the film is named."""
    films = ctx.lex.words("director_nouns")
    named = ctx.by_token
    for tok in (doc[i] for i, (low, lemma) in enumerate(zip(ctx.lower, ctx.lemma))
                if i in named or low in ("'s", "’s") or lemma in films):
        # "Christopher Nolan's Oppenheimer": a person's possessive on a named work
        work = ctx.at(tok)
        # ("opposite Bill Skarsgård's Count Orlok", "as X's Y": a character, not a work)
        if work is not None and work.type == "CreativeWork" and tok.dep_ != "poss" \
                and not (doc.lang_ == "en" and tok.head.lower_ in ("opposite", "as", "alongside")):
            for c in tok.children:
                if c.dep_ in ("poss", "nmod:poss") and c.i < tok.i:
                    # "Thomas Pynchon's novel Vineland": a source noun in between names the author
                    between = doc[c.i + 1:tok.i]
                    books = (ctx.lex.words("source_nouns") - films) | ctx.lex.words("authored_work_nouns")
                    pred = "author" if any(t.lemma_.lower() in books for t in between) else "directedBy"
                    if doc.lang_ == "en" and work.start in template_sources(doc, ctx):
                        pred = "author"  # "Joseph Conrad's Heart of Darkness provided the template for …"
                    for p in ctx.resolve(c, ("Person",), follow_conj=False):
                        if ctx.at(c) is not None:
                            yield Relation(work, pred, p, tok.sent.text, tok.sent.start_char,
                                           "works.possessive", 0.7)
        if tok.lower_ in ("'s", "’s") and doc.lang_ == "en":
            yield from _possessive_noun_credit(tok, ctx)
        if tok.lemma_.lower() not in films:
            continue
        people: list[Mention] = []
        cast: list[Mention] = []
        # "le film de science-fiction de X": the director may hang on the genre complement
        holders = [tok] + [c for c in tok.children if c.dep_ == "nmod" and c.i > tok.i and ctx.at(c) is not None
                           and ctx.at(c).type == "Concept"]
        for h in holders:
            for prep, child in obliques(h):
                if prep in ("de",) and ctx.at(child) is not None and ctx.at(child).type == "Person":
                    people += [m for m in ctx.resolve(child, ("Person",)) if m not in people]
        if doc.lang_ == "fr":  # "le film de X avec Y": Y acts in it
            for prep, child in obliques(tok):
                if prep == "avec" and ctx.at(child) is not None and ctx.at(child).type == "Person":
                    cast += ctx.resolve(child, ("Person",))
        people += [m for c in tok.children if c.dep_ == "poss" for m in ctx.resolve(c, ("Person",))]
        if doc.lang_ == "fr" and not people and not _acting_sentence(tok.sent, ctx):
            # "W, son premier long-métrage": the possessor made the film (an actor's "son dernier
            # film" sits in a sentence about acting)
            for c in tok.children:
                if c.dep_ == "det" and "Yes" in c.morph.get("Poss") and c.i < tok.i:
                    owner = ctx.possessor(c, ("Person",))
                    people += [owner] if owner is not None else []
        if not people:
            continue
        works: list[Mention] = []
        if tok.dep_ == "appos":
            works += ctx.resolve(tok.head, _WORK, follow_conj=False)
        elif doc.lang_ == "fr" and apposed_to(tok) is not None:  # "Mickey 17, le film de X"
            works += ctx.resolve(apposed_to(tok), _WORK, follow_conj=False)
        elif doc.lang_ == "fr":  # "La Nuit bleue, le film de X": a title ending with an adjective
            # the determiner, possibly before adjectives ("X, le nouveau film de Y")
            dets = [c for c in tok.children if c.dep_ == "det" and c.i < tok.i
                    and all(t.pos_ == "ADJ" for t in doc[c.i + 1:tok.i])]
            i = dets[0].i - 2 if dets else -1
            if i >= 0 and doc[i + 1].text == "," and ctx.at(doc[i]) is not None:
                works += [m for m in [ctx.fit(ctx.at(doc[i]), _WORK)] if m is not None]
            elif i >= 1 and doc[i + 1].text == ",":
                # a sentence-case title the NER cut short ("Balle perdue" read as "Balle"):
                # the name and the lower-case words up to the comma
                k = i
                while k > 0 and i - k < 3 and ctx.at(doc[k]) is None and doc[k].is_lower and doc[k].is_alpha:
                    k -= 1
                m = ctx.at(doc[k])
                if m is not None and k < i and m.end == doc[k].idx + len(doc[k]) and m.type in ("Misc", "CreativeWork"):
                    end = doc[i].idx + len(doc[i])
                    works.append(Mention(doc_text(doc)[m.start:end], m.start, end, "CreativeWork", m.source + ">title"))
        works += [m for c in tok.children if c.dep_ == "appos" for m in ctx.resolve(c, _WORK, follow_conj=False)]
        if any(c.dep_ == "cop" for c in tok.children):
            works += [m for c in tok.children if c.dep_ == "nsubj" for m in ctx.resolve(c, _WORK)]
        for w in works:
            for p in people:
                yield Relation(w, "directedBy", p, tok.sent.text, tok.sent.start_char, "works.film_of", 0.7)
            for p in cast:
                yield Relation(p, "actsIn", w, tok.sent.text, tok.sent.start_char, "works.film_with", 0.7)


def _acting_sentence(sent, ctx: Context) -> bool:  # noqa: ANN001
    """Whether ``sent`` has a word of an acting frame or cue (lexicon ``frames`` of actsIn,
    ``credit_cues.actsIn``): "il tient le rôle principal de W, son dernier film"."""
    words = _acting_words(ctx.lex)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def _acting_words(lex) -> frozenset[str]:  # noqa: ANN001
    """One-word lemmas of the acting frames and credit cues: the words :func:`lexicon_classes`
    gives the class ``frame:actsIn`` or ``cue:actsIn``."""
    return lex.derived("acting_words", lambda lx: frozenset(
        w for w, classes in lexicon_classes(lx).items() if "frame:actsIn" in classes or "cue:actsIn" in classes))


def work_of_person_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """French "TITRE de/d' PERSONNE", "TITRE, du Letton PERSONNE": the director of a
    named film (or the author when a book noun introduces the title: "le roman X de Y")."""
    if doc.lang_ != "fr":
        return
    books = ctx.lex.union("book_nouns", "title_author_nouns")
    films = ctx.lex.union("director_nouns", "director_title_nouns")
    for m in ctx.mentions:
        if m.type not in ("CreativeWork", "Misc"):
            continue
        span = char_span(doc, m.start, m.end)
        if span is None:
            continue
        j = span.end
        if j < len(doc) and doc[j].text in ("»", "”", '"'):
            j += 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
            # "Petit Pays, le premier roman de Gaël Faye", "X, la biographie signée A et B": a book
            # noun in apposition names the title's authors
            work = ctx.fit(m, _WORK)
            for person in _apposed_book_authors(doc, j, ctx, books) if work is not None else []:
                yield Relation(work, "author", person, span.sent.text, span.sent.start_char, "works.apposed_book", 0.7)
        if j >= len(doc) or doc[j].lower_ not in ("de", "d'", "d’", "du"):
            continue
        j += 1
        person = None
        for k in range(j, min(j + 3, len(doc))):  # "du Letton X", "du cinéaste X"
            p = ctx.at(doc[k])
            if p is not None and p.type == "Person" and p.start == doc[k].idx:
                person = p
                break
            if p is not None or doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON"):
                break
        if person is None:
            continue
        # the noun introducing the title decides: a book gives its author, a film its director
        i = span.start - 1
        while i >= 0 and doc[i].pos_ in ("DET", "ADJ") and i >= span.start - 3:
            i -= 1
        intro = doc[i] if i >= 0 else None
        two = f"{doc[i - 1].lower_} {intro.lower_}" if intro is not None and i > 0 else ""
        words = {intro.lemma_.lower(), intro.lower_, two} if intro is not None else set()
        if words & books:
            pred = "author"
        elif intro is not None and intro.pos_ == "NOUN" and intro.lemma_.lower() in ctx.lex.words("work_nouns") \
                and not words & films:
            continue  # "la série X de Y": creator or showrunner, unclear
        else:
            pred = "directedBy"
        work = ctx._fit(m, _WORK)
        if work is not None:
            yield Relation(work, pred, person, span.sent.text, span.sent.start_char, "works.title_of_person", 0.7)


def _apposed_book_authors(doc: Doc, j: int, ctx: Context, books: frozenset[str]) -> list[Mention]:
    """The authors named in a book description opening at token ``j`` ("le premier roman de X",
    "le recueil de nouvelles de X", "la biographie signée A et B"): a determiner, adjectives,
    a book noun, its own complements without a name, then "de"/"signé(e)" and the persons."""
    if j >= len(doc) or doc[j].pos_ != "DET":
        return []
    k = j + 1
    while k < len(doc) and doc[k].pos_ == "ADJ" and k - j <= 3:
        k += 1
    if k >= len(doc):
        return []
    two = f"{doc[k].lower_} {doc[k + 1].lower_}" if k + 1 < len(doc) else ""
    if not ({doc[k].lemma_.lower(), doc[k].lower_, two} & (books | ctx.lex.words("collection_nouns"))):
        return []
    k += 2 if two in books else 1
    # "de nouvelles", "illustré": the noun's own complements, up to the author's cue
    cues = {"de", "d'", "d’", "du", "par"} | ctx.lex.words("signed_forms")
    while k < len(doc) and k - j <= 8 and not (doc[k].lower_ in cues and k + 1 < len(doc) and ctx.at(doc[k + 1]) is not None):
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "PRON", "CCONJ") and doc[k].lower_ not in cues:
            return []
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in cues:
        return []
    first = ctx.at(doc[k + 1])
    if first is None or first.type != "Person" or first.start != doc[k + 1].idx:
        return []
    return [first] + [p for p in ctx.surface_list(first) if p.type == "Person"]


def _hyphened(tok: Token) -> str:
    """"spin-off" when the tokeniser split it ("spin", "-", "off"), else the lower-case word."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return doc[tok.i - 2].lower_ + "-" + tok.lower_
    return tok.lower_


def is_hedged_verb(verb: Token, ctx: Context) -> bool:
    return ctx.hedged(verb)


def template_sources(doc: Doc, ctx: Context) -> set[int]:
    """Start offsets of works named as the subject of "provided the template for …"."""
    out: set[int] = set()
    nouns, verbs = ctx.lex.words("template_nouns"), ctx.lex.words("template_verbs")
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low in nouns):
        if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in verbs:
            out |= {m.start for c in tok.head.children if c.dep_ == "nsubj" and (m := ctx.at(c)) is not None}
    return out


def cast_and_crew_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """English cast and crew noun phrases:

    * "Director X, whose debut feature Salt Road…" -> ``directedBy`` (a director noun after "whose");
    * "Pixar made Inside Out 2 with director Kelsey Mann" -> ``directedBy``;
    * "its lead, Mikey Madison", "the film's star, X" -> ``actsIn``;
    * "X and Y head the cast (of Z)" -> ``actsIn``.
    """
    if doc.lang_ != "en":
        return
    films = ctx.lex.words("director_nouns")
    lex = ctx.lex
    make_verbs, filmmakers = lex.words("made_with_verbs"), lex.words("filmmaker_nouns")
    lead_nouns, derived, cast_verbs = lex.words("lead_nouns"), lex.words("derived_work_nouns"), lex.words("cast_verbs")
    templates, template_verbs = lex.words("template_nouns"), lex.words("template_verbs")
    for tok in doc:
        low = tok.lower_
        if tok.tag_ == "WP$" and tok.dep_ == "poss":
            head = tok.head
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head  # "whose debut feature Salt Road": the title heads the phrase
            between = doc[tok.i + 1:head.i + 1]
            work = ctx._fit(ctx.at(head), _WORK) if ctx.at(head) is not None else None
            if work is None and head.i + 1 < len(doc) and ctx.at(doc[head.i + 1]) is not None \
                    and ctx.at(doc[head.i + 1]).start == doc[head.i + 1].idx:
                work = ctx._fit(ctx.at(doc[head.i + 1]), _WORK)  # "whose new film Barbie" parsed apart
            verb = head.head
            while verb.dep_ not in ("relcl", "acl:relcl") and verb.head.i != verb.i and verb.i != verb.head.i:
                if verb.dep_ in ("ROOT",):
                    break
                verb = verb.head
            if work is None or verb.dep_ not in ("relcl", "acl:relcl"):
                continue
            if not any(t.lemma_.lower() in films and ctx.at(t) is None for t in between):
                continue
            for p in ctx.resolve(verb.head, ("Person",), follow_conj=False):
                yield Relation(work, "directedBy", p, tok.sent.text, tok.sent.start_char, "works.whose_film", 0.7)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in make_verbs:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            works = [m for o in objs for m in ctx.resolve(o, _WORK, follow_conj=False)]
            if not works:
                continue
            for prep, noun in obliques(tok):
                if prep != "with" or ctx.at(noun) is None or ctx.at(noun).type != "Person":
                    continue
                if any(t.lemma_.lower() in filmmakers for t in noun.subtree if t.i < noun.i and ctx.at(t) is None):
                    for w in works:
                        yield Relation(w, "directedBy", ctx.at(noun), tok.sent.text, tok.sent.start_char,
                                       "works.made_with", 0.7)
        elif tok.pos_ == "NOUN" and low in lead_nouns:
            people = [m for c in tok.children if c.dep_ == "appos" and ctx.at(c) is not None
                      for m in [ctx.at(c)] if m.type == "Person"]
            works: list[Mention] = []
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ == "PRON":
                    w = ctx.possessor(c, _WORK)
                    works += [w] if w is not None else []
                elif c.dep_ == "poss":
                    works += ctx.resolve(c, _WORK, follow_conj=False)
            for p in people:
                for w in works:
                    yield Relation(p, "actsIn", w, tok.sent.text, tok.sent.start_char, "works.lead", 0.7)
        elif tok.pos_ == "NOUN" and _hyphened(tok) in derived:
            # "The Penguin is a spin-off of The Batman", "X, a remake of Y" -> basedOn
            sources = [m for p, n in obliques(tok) if p == "of" for m in ctx.resolve(n, _WORK, follow_conj=False)]
            works: list[Mention] = []
            if tok.dep_ == "attr" and tok.head.lemma_ == "be":
                works += [m for c in tok.head.children if c.dep_ == "nsubj" for m in ctx.resolve(c, _WORK)]
            elif tok.dep_ == "appos":
                works += ctx.resolve(tok.head, _WORK, follow_conj=False)
            for w in works:
                for src in sources:
                    if src.start != w.start:
                        yield Relation(w, "basedOn", src, tok.sent.text, tok.sent.start_char, "works.derived", 0.7)
        elif tok.lower_ in templates and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in template_verbs:
            # "Heart of Darkness provided the template for Apocalypse Now" -> basedOn
            if is_hedged_verb(tok.head, ctx):
                continue
            sources = [m for c in tok.head.children if c.dep_ == "nsubj" for m in ctx.resolve(c, _WORK)]
            works = [m for p, n in obliques(tok) if p == "for" for m in ctx.resolve(n, _WORK)]
            for w in works:
                for src in sources:
                    if src.start != w.start:
                        yield Relation(w, "basedOn", src, tok.sent.text, tok.sent.start_char, "works.template", 0.7)
        elif tok.lemma_.lower() == "cast" and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in cast_verbs:
            verb = tok.head
            if ctx.hedged(verb):
                continue
            people = [m for s in verb.children if s.dep_ == "nsubj" for m in ctx.resolve(s, ("Person",))]
            works = [m for p, n in obliques(tok) if p == "of" for m in ctx.resolve(n, _WORK)]
            if not works and people:
                w = ctx.antecedent(tok.idx, _WORK)  # the closest work named before "the cast"
                works = [w] if w is not None else []
            for p in people:
                for w in works:
                    yield Relation(p, "actsIn", w, tok.sent.text, tok.sent.start_char, "works.cast", 0.7)


def _credits(r: Relation, work: Mention, person: Mention) -> bool:
    """Whether ``r`` links ``work`` (by its text) and ``person`` (by name, a surname too:
    "Dubosc" is "Franck Dubosc")."""
    ends = {r.subject, r.object}
    return any(m.text == work.text for m in ends) and any(
        m.type == "Person" and (m.text == person.text or m.text.endswith(" " + person.text)
                                or person.text.endswith(" " + m.text)) for m in ends)


def _credit_objects(lex) -> tuple[frozenset[str], dict[str, str]]:  # noqa: ANN001
    """``credit_object_verbs`` with their French inflected forms (the lemmatiser leaves "signe"
    as it is), and ``credit_object_nouns`` as noun -> predicate."""
    verbs = lex.words("credit_object_verbs")
    if lex.lang == "fr":
        verbs |= frozenset(f for v in verbs for f in verb_forms(v))
    return verbs, _by_word(lex, "credit_object_nouns")


def _by_word(lex, key: str) -> dict[str, str]:  # noqa: ANN001
    """A ``{predicate: words}`` table of the lexicon as word -> predicate."""
    return {str(w).lower(): pred for pred, ws in (lex.data.get(key) or {}).items() for w in ws}


def signed_credit_relations(doc: Doc, ctx: Context, found: list[Relation]) -> Iterator[Relation]:
    """A credit taken as the object of a verb: "Dubosc signe aussi le scénario", "la
    réalisatrice, qui signe également le scénario", "qui en signe la mise en scène", "Assayas
    co-wrote the screenplay with Emmanuel Carrère". The verb is one of the lexicon's
    ``credit_object_verbs``, its object one of ``credit_object_nouns`` (the noun gives the
    relation); the holders are its subject (a relative's antecedent) and the persons after
    "avec"/"with"; the work is the object's "de"/"of" complement, else the sentence's own work,
    else the passage's current work when ``found`` already links the subject to it ("Dubosc
    signe aussi le scénario": the director of the film the passage is about)."""
    verbs, nouns = ctx.lex.derived("credit_objects", _credit_objects)
    if not verbs or not nouns:
        return
    for i, (lemma, low) in enumerate(zip(ctx.lemma, ctx.lower)):
        if lemma not in verbs and low not in verbs:
            continue
        verb = doc[i]
        if verb.pos_ not in ("VERB", "AUX") or ctx.hedged(verb) or ctx.in_quote(verb.idx):
            continue
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN"), None)
        if obj is None:
            continue
        pred = nouns.get(obj.lemma_.lower()) or nouns.get(" ".join(t.lower_ for t in doc[obj.i:obj.i + 3]))
        if pred is None:
            continue
        holders: list[Mention] = []
        subjects: list[Mention] = []
        for subj in (c for c in verb.children if c.dep_ in SUBJ):
            node = subj
            if subj.pos_ == "PRON" and verb.dep_ in ("acl:relcl", "relcl"):
                # "la biographie de Raphaëlle Bacqué, qui a coécrit…": the name right before the relative
                before = ctx.name_before_comma(subj)
                node = doc[subj.i - 2] if before is not None and before.type == "Person" else verb.head
            subjects += [m for m in ctx.resolve(node, ("Person",)) if m not in subjects]
        holders += subjects
        holders += [m for prep, c in obliques(verb) if prep in ("avec", "with")
                    for t in with_conjuncts([c]) if (m := ctx.at(t)) is not None and m.type == "Person" and m not in holders]
        if not holders:
            continue
        works = [w for prep, c in obliques(obj) if prep in ("de", "d'", "du", "of")
                 for t in with_conjuncts([c]) if (w := ctx.fit(ctx.at(t), _WORK)) is not None]
        if not works:  # the sentence's own work (not a source or an earlier one), else the passage's
            sent = verb.sent
            own = [m for m in ctx.mentions if sent.start_char <= m.start < sent.end_char and m.type == "CreativeWork"
                   and (span := ctx.span(m)) is not None and not reference_work(span, ctx.lex) and is_topic(span.root)]
            current = None if own else focus_work(ctx, sent.start_char, set(), sent)
            if current is not None and not any(_credits(r, current, s) for r in found for s in subjects):
                current = None  # the passage's work only for someone the passage already credits on it
            works = own[:1] or ([current] if current is not None else [])
        for w in works:
            for h in holders:
                if h.start != w.start:
                    yield Relation(w, pred, h, verb.sent.text, verb.sent.start_char, f"works.signed_credit.{pred}", 0.75)


def _heads_a_clause(tok: Token) -> bool:
    """Whether a coordinated name opens another clause rather than closing the list: a verb of its
    own in its subtree, or ", and" before it ("…, and Christina Voros will direct")."""
    doc = tok.doc
    cc = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None  # the word before the name
    if cc is not None and cc.lower_ in ("and", "et") and cc.i > 0 and doc[cc.i - 1].text == ",":
        return True  # ", and Christina Voros, a cinematographer, will direct": the parser hangs her on the list
    return any(t.pos_ in ("VERB", "AUX") for t in tok.subtree if t.i != tok.i)


#: "in association with", "in partnership with": a co-holder of a bare credit.
_ASSOCIATION = frozenset(("association", "partnership", "collaboration"))


def bare_credit_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """A credit verb with no object, as trade news closes a paragraph: "Universal Television will
    produce", "Working Title Films is producing", "Mer Film produces with MK2 Films", "Kudos
    produces in association with FX Productions", "Element Pictures, the company behind Poor
    Things, produces". The verb is one of the lexicon's ``bare_credit_verbs`` (it gives the
    relation); the holders are its subject (with its conjuncts) and the names after "with",
    "alongside" or "through" (``bare_credit_partner_preps``); the work is the passage's current
    work (:func:`kg.extract.credits.focus_work`: never a source, a reference or a bracketed title)."""
    table = ctx.lex.derived("bare_credit_verbs", lambda lx: _by_word(lx, "bare_credit_verbs"))
    if not table:
        return
    partner_preps = ctx.lex.words("bare_credit_partner_preps")
    for i, lemma in enumerate(ctx.lemma):
        pred = table.get(lemma)
        if pred is None:
            continue
        verb = doc[i]
        if verb.pos_ != "VERB" or ctx.hedged(verb) or ctx.in_quote(verb.idx) or is_passive(verb) \
                or any(c.dep_ in ("obj", "dobj", "ccomp", "xcomp") for c in verb.children):
            continue
        holder_types = ("Organization", "Person")
        # the subject and the names coordinated with it before the verb (not "…, and X will direct")
        holders = [m for s in verb.children if s.dep_ in SUBJ for t in with_conjuncts([s])
                   if t.i < verb.i and (t is s or not _heads_a_clause(t))
                   for m in ctx.resolve(t, holder_types, follow_conj=False)]
        partners = [c for prep, c in obliques(verb) if prep in partner_preps]
        partners += [n for prep, c in obliques(verb) if prep == "in" and c.lemma_.lower() in _ASSOCIATION
                     for p, n in obliques(c) if p in partner_preps]  # "in association with FX Productions"
        holders += [m for c in partners for t in with_conjuncts([c]) if t is c or not _heads_a_clause(t)
                    if (m := ctx.at(t)) is not None and m.type in holder_types and m not in holders]
        if not holders:
            continue
        sent = verb.sent
        work = focus_work(ctx, sent.start_char, set(), sent)
        if work is None:
            continue
        for holder in holders:
            subject, obj = (work, holder) if work_sides()[pred] == "subject" else (holder, work)
            if allowed(pred, subject.type, obj.type):
                yield Relation(subject, pred, obj, sent.text, sent.start_char, f"works.bare_credit.{pred}", 0.7)
