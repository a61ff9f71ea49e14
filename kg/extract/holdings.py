"""Holdings lists: the companies a group owns, listed after an ownership verb, as news writes them.

"Believe possède notamment TuneCore, la plateforme américaine de distribution, le label
français Naïve et le label allemand Nuclear Blast", "MultiChoice exploite les bouquets DStv et
GOtv ainsi que la plateforme Showmax", "le groupe détient la chaîne CBS, la plateforme
Paramount+ et les studios Paramount Pictures", "X, qui contrôle aussi BFMTV et RMC": each
listed name is a ``subsidiaryOf`` the owner.

The list is read on the surface, because the parser often breaks it (it tags "contrôle" as a
noun and hangs the names on the class nouns before them): after the verb (lexicon
``holding_verbs``, written forms) and adverbs (``holding_fillers``), each item is a name
behind an optional class phrase of lower-case words ("la chaîne", "le label français",
"l'allemand", "la plateforme de streaming"); items are separated by commas, "et"/"and" and
"ainsi que"/"as well as" (``credit_list_glue``); a segment with no name is an apposition to
the item before ("TuneCore, la plateforme américaine de distribution, …"). The list stops at a
sentence break, a verb or a figure ("détient 30 % de Y" is a stake, not an ownership).

The owner is the company named right before the verb, the antecedent of a relative "qui"
("X, qui contrôle…"), or the subject the parser gives, resolved ("Le groupe détient…").

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("fr")("Mediawan contrôle déjà l'allemand Leonine et l'italien Palomar.")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.syntax import OF_FORMS, SUBJ, Context, is_relative
from kg.records import Mention, Relation

CONFIDENCE = 0.75
_ORG = ("Organization",)
#: How many lower-case words a class phrase before a name may have ("le label allemand").
_CLASS_WORDS = 5
#: How many names one holdings list may have.
_MAX_ITEMS = 8


def holdings_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """``subsidiaryOf`` relations of the holdings lists of ``doc`` (see the module docstring)."""
    verbs = ctx.lex.words("holding_verbs")
    if not verbs:
        return
    for i, low in enumerate(ctx.lower):
        if low not in verbs:
            continue
        tok = doc[i]
        if i > 0 and doc[i - 1].pos_ == "DET" or ctx.in_quote(tok.idx) or ctx.hedged(tok):
            continue  # "le contrôle de X" is a noun
        owner = _owner(tok, ctx)
        if owner is None:
            continue
        for item in _items(tok, ctx):
            if item.start != owner.start and item.text != owner.text:
                yield Relation(item, "subsidiaryOf", owner, tok.sent.text, tok.sent.start_char, "holdings.list",
                               CONFIDENCE)


def _owner(verb: Token, ctx: Context) -> Mention | None:
    """The company that owns what ``verb`` lists."""
    doc = verb.doc
    if verb.i == 0:
        return None
    k = verb.i - 1
    while k > 0 and ctx.lower[k] in ctx.lex.words("holding_fillers"):
        k -= 1  # "X déjà possède" is rare, "X possède déjà" common; both read
    before = doc[k]
    named = ctx.at(before)
    if named is not None and named.type in ("Organization", "Misc"):
        return ctx.fit(named, _ORG)
    if before.pos_ == "PRON" and is_relative(before) and k >= 2 and doc[k - 1].text == ",":
        named = ctx.name_before_comma(before)  # "X, qui contrôle aussi…", "X, which also owns…"
        return ctx.fit(named, _ORG) if named is not None and named.type in ("Organization", "Misc") else None
    for subj in (c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i):
        found = ctx.resolve(subj, _ORG, follow_conj=False)
        if found:
            return found[0]
    return None


def _items(verb: Token, ctx: Context) -> list[Mention]:
    """The names listed after ``verb``."""
    doc = verb.doc
    fillers = ctx.lex.words("holding_fillers")
    glue = ctx.lex.words("credit_list_glue")
    end = verb.sent.end
    i = verb.i + 1
    items: list[Mention] = []
    while i < end and len(items) < _MAX_ITEMS:
        while i < end and (ctx.lower[i] in fillers or ctx.lower[i] in glue or doc[i].text == ","):
            i += 1
        j, words = i, 0
        # the class phrase: lower-case articles, nouns, adjectives ("la plateforme de streaming")
        while j < end and ctx.at(doc[j]) is None and words <= _CLASS_WORDS and doc[j].is_lower \
                and (doc[j].pos_ in ("DET", "NOUN", "ADJ", "PROPN")
                     or doc[j].lower_ in ("de", "d'", "d’") and j + 1 < end and doc[j + 1].is_lower
                     and doc[j + 1].pos_ == "NOUN"):
            j += 1
            words += 1
        while j < end and j > i and ctx.lower[j] in fillers:
            j += 1  # "owns stations including WFAA": a filler after the class phrase
        named = ctx.at(doc[j]) if j < end else None
        if named is not None and named.start == doc[j].idx:
            span = ctx.span(named)
            if span is not None and span.end < end and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN":
                i = span.end  # "League of Legends maker Riot Games": a name modifying the class noun
                continue
            fit = named if named.type == "Organization" else ctx.fit(named, _ORG)
            if fit is None:
                break  # a person, a work, a place: no holdings list (or its end)
            items.append(fit)
            i = span.end if span is not None else j + 1
            place = ctx.at(doc[i + 1]) if i + 1 < end and doc[i].pos_ == "ADP" else None
            if place is not None and place.type == "Place" and place.start == doc[i + 1].idx:
                i = (ctx.span(place) or doc[i + 1:i + 2]).end  # "WFAA in Dallas and KUSA in Denver"
            continue
        # no name: an apposition to the item before ("TuneCore, la plateforme américaine de distribution
        # pour artistes indépendants, …") runs to the next comma; anything else ends the list
        if not items or j >= end or doc[i].pos_ != "DET":
            break
        while j < end and j - i < 14 and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX", "PUNCT") \
                and ctx.at(doc[j]) is None:
            j += 1
        if j >= end or doc[j].text != ",":
            break
        i = j
    return items


def bracketed_group_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """A company followed by its group in brackets: "Canal+ (groupe Vivendi)", "Gulli (groupe
    M6)": the company is a ``subsidiaryOf`` the group. The bracket holds one of the lexicon's
    ``bracket_group_nouns``, an optional "de", the group's name and nothing else.

    Example:
        >>> from kg.nlp import load_pipeline  # doctest: +SKIP
        >>> doc = load_pipeline("fr")("Canal+ (groupe Vivendi) a signé un accord.")  # doctest: +SKIP
    """
    nouns = ctx.lex.words("bracket_group_nouns")
    if not nouns:
        return
    for i, low in enumerate(ctx.lower):
        if low not in nouns or i < 2 or doc[i - 1].text != "(":
            continue
        company = ctx.at(doc[i - 2])
        if company is None or company.type != "Organization" or company.end != doc[i - 2].idx + len(doc[i - 2]):
            continue
        j = i + 1
        if j < len(doc) and doc[j].lower_ in OF_FORMS:
            j += 1
        group = ctx.at(doc[j]) if j < len(doc) else None
        span = ctx.span(group) if group is not None and group.start == doc[j].idx else None
        if span is None or group.type not in ("Organization", "Misc") or span.end >= len(doc) or doc[span.end].text != ")":
            continue
        group = ctx.fit(group, _ORG)
        if group is not None and (group.start, group.end) != (company.start, company.end):
            sent = doc[i].sent
            yield Relation(company, "subsidiaryOf", group, sent.text, sent.start_char, "holdings.bracketed_group", CONFIDENCE)
