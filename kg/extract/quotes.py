"""Direct quotes: ``said`` from a named speaker to the quote's text.

A quote is text in « », “ ” or paired " ". It becomes a ``said`` relation when a speech
verb introduces it (before: "a reconnu qu'« … »", after: "« … », a expliqué le dirigeant",
inside: "« …, a-t-il ajouté, … »"), "selon X, « … »" does, or a clause ends with a colon
before it ("X a été catégorique : « … »"). The speaker is the verb's
subject, resolved when it is a pronoun, a surname or a description. Indirect speech
("X a déclaré que…") has no quote marks and gives nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.roles import organisations_of_role, role_key
from kg.extract.syntax import Context, char_span, verb_forms
from kg.records import Mention, Relation

_QUOTES = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|“(?P<b>[^“”]+?)”|(?<![\w])\"(?P<c>[^\"\n]+?)\"(?![\w])")
_SPEAKERS = ("Person", "Organization")


def find_quotes(text: str) -> Iterator[tuple[int, int]]:
    """Character spans (inside the marks) of the quotes in ``text``.

    Example:
        >>> t = "« Nous créons un champion », a-t-il dit."
        >>> [t[s:e] for s, e in find_quotes(t)]
        ['Nous créons un champion']
    """
    for m in _QUOTES.finditer(text):
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        start, end = m.span(group)
        inner = text[start:end]
        lead = len(inner) - len(inner.lstrip())
        inner = inner.strip()
        yield start + lead, start + lead + len(inner)


def quote_relations(doc: Doc, ctx: Context, found: list[Relation] | None = None) -> Iterator[Relation]:
    """``said`` relations for the direct quotes of ``doc``; ``found`` (the relations the other
    extractors found) names a speaker given by a role ("», souligne le réalisateur")."""
    speech = ctx.lex.words("speech_verbs")
    prev_end = -1
    doc_text = ctx.text
    for start, end in find_quotes(doc_text):
        if _continues(doc_text, prev_end, start):
            prev_end = end
            continue  # “…,” she said, “…”: the second part of one quote split by the speech verb
        prev_end = end
        inner = char_span(doc, start, end)
        if inner is None or len(inner) == 0 or _is_title(inner, ctx):
            continue
        verb, speaker_tok = _speech_verb(inner, ctx, speech)
        if verb is None and speaker_tok is None:
            continue
        role = _role_speaker(verb, start, ctx, found or [])
        speakers = role if role is not None else _speakers(verb, speaker_tok, ctx)
        if not speakers or (len(inner.text.split()) <= _MIN_QUOTE_WORDS
                            and not any(t.pos_ in ("VERB", "AUX") for t in inner)):
            continue  # a quoted nickname or term (« Connasse », « pluriannuel ») is no quotation
        text = doc_text[start:end].rstrip(" .,;:!?…")
        quote = Mention(text, start, start + len(text), "Quote", "quote")
        sent = (verb or speaker_tok).sent
        if verb is None:
            rule, confidence = "quote.selon", 0.8
        elif verb.lemma_.lower() in speech or verb.lower_ in speech or verb.lower_ in _speech_forms(speech):
            rule, confidence = "quote.speech_verb", 0.9
        else:
            rule, confidence = "quote.colon", 0.75
        for speaker in speakers:  # "X et Y annoncent « … »": each speaker said it
            yield Relation(speaker, "said", quote, sent.text, sent.start_char, rule, confidence)


def _continues(text: str, prev_end: int, start: int) -> bool:
    """Whether the quote at ``start`` resumes the one ending at ``prev_end``: the first part
    ends with a comma and only a short incise without a sentence end lies between them."""
    if prev_end < 0 or text[prev_end - 1] != ",":
        return False
    between = text[prev_end:start]
    return len(between) <= 80 and not re.search(r"[.!?;]", between.strip(" «»“”\"")[:-1] or "")


def _is_title(inner: Span, ctx: Context) -> bool:
    """Quote marks around a name are a title ("pour développer « Les Veilleurs du port »"), not a quote."""
    m = ctx.at(inner[0])
    return m is not None and m.type not in ("Person", "Concept", "Place") and m.start <= inner.start_char + 1 \
        and m.end >= inner.end_char - 1


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _speech_verb(inner: Span, ctx: Context, speech: frozenset[str]) -> tuple[Token | None, Token | None]:
    doc = inner.doc
    inside = set(range(inner.start, inner.end))
    sents = {doc[inner.start].sent, doc[inner.end - 1].sent}
    # a speech verb may sit before or after the quote in the sentences it touches
    forms = _speech_forms(speech) if doc.lang_ == "fr" else frozenset()
    cands = [t for s in sents for t in s if t.i not in inside and t.pos_ in ("VERB", "AUX")
             and (t.lemma_.lower() in speech or t.lower_ in speech or t.lower_ in forms)]
    quote_toks = [doc[i] for i in inside]
    linked = []
    for v in cands:
        if any(v in q.ancestors for q in quote_toks) or any(q in v.ancestors for q in quote_toks):
            linked.append(v)
    if linked:
        ancestors = [v for v in linked if any(v in q.ancestors for q in quote_toks)]
        return (min(ancestors, key=_depth) if ancestors else linked[0]), None
    near = [v for v in cands if (0 < inner.start - v.i <= 4) or (0 <= v.i - inner.end <= 3)]
    if not near and forms:
        # "», plaisante X": a speech verb form right after the quote, whatever tag the parser gave it
        near = [t for t in doc[inner.end:min(inner.end + 4, len(doc))]
                if t.lower_ in forms and not t.is_punct and t.i not in inside]
    if near:
        return min(near, key=lambda v: min(abs(v.i - inner.start), abs(v.i - inner.end))), None
    # incise inside the quote: « …, a-t-il ajouté, … »
    for t in quote_toks:
        if t.pos_ == "VERB" and t.lemma_.lower() in speech and any(c.dep_.startswith("nsubj") and c.i > t.i for c in t.children):
            return t, None
    # "X a été catégorique : « … »": a quote opened after a colon gives the words of the
    # subject of the clause the colon ends
    k = inner.start - 1
    while k >= 0 and (doc[k].text in ("«", "“", '"') or doc[k].is_space):
        k -= 1
    if k >= 0 and doc[k].text == ":":
        top = doc[k - 1] if k > 0 else doc[k]
        while top.head.i != top.i and top.head.i < k:  # the highest word of the clause before the colon
            top = top.head
        for clause in (doc[k].head, doc[k].sent.root, top):
            if clause.i < k and any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.i < k for c in clause.children):
                return clause, None
    # "selon X, « … »"
    preps = ctx.lex.words("speech_preps")
    for s in sents:
        for t in s:
            if t.i in inside or t.i >= inner.start:
                continue
            if t.lower_ in preps and t.dep_ == "case":
                return None, t.head
            # English: "according to X, “…”", "per X": the preposition's object
            phrase = f"{doc[t.i - 1].lower_} {t.lower_}" if t.i > s.start else t.lower_
            if (phrase in preps or t.lower_ in preps) and t.dep_ == "prep":
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return None, obj
    return None, None


_FORMS: dict[frozenset[str], frozenset[str]] = {}


def _speech_forms(speech: frozenset[str]) -> frozenset[str]:
    """Inflected forms of the French speech verbs, for forms the lemmatiser leaves unchanged
    ("», estime X": lemma "estime")."""
    found = _FORMS.get(speech)
    if found is None:
        found = _FORMS[speech] = frozenset(f for v in speech if " " not in v for f in verb_forms(v))
    return found


#: Quotes of this many words or fewer, with no verb, are quoted terms, not speech.
_MIN_QUOTE_WORDS = 2


def _role_speaker(verb: Token | None, before: int, ctx: Context, found: list[Relation]) -> list[Mention] | None:
    """The speaker of a quote said by a definite role noun with no name ("a confié le cinéaste",
    "the director said"): the person credited with that role (``credit_role_nouns``) before the
    quote, when the passage credits exactly one person with it; when it credits nobody, the
    person introduced with the noun, else the person the passage is about (:func:`_topic_person`);
    an empty list when several are credited or no one can be told; None when the speaker is no
    role noun."""
    if verb is None:
        return None
    role_of = ctx.lex.credit_role_nouns
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj")
            and c.pos_ == "NOUN" and (c.lemma_.lower() in role_of or c.lower_ in role_of
                                      or role_key(c, ctx.lex.role_nouns) is not None)]
    if not subj or ctx.at(subj[0]) is not None or any(
            ctx.at(c) is not None for c in subj[0].children if c.dep_ in ("appos", "flat:name", "nmod", "flat")):
        return None
    if not any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Yes" in c.morph.get("Poss"))
               or c.lower_ in ("the", "le", "la", "l'", "l’", "its", "his", "her", "their")
               for c in subj[0].children):
        return None  # "son créateur", "its creator": the work's, like "le créateur"
    pred = role_of.get(subj[0].lemma_.lower()) or role_of.get(subj[0].lower_)
    orgs: list[Mention] = []
    if pred is None:  # "s'est félicité le président du directoire de Canal+", "a assuré le journaliste"
        key = role_key(subj[0], ctx.lex.role_nouns)
        if key is None:
            return None
        pred = key[1]
        orgs = organisations_of_role(subj[0], ctx, key[2])
    side = "object" if pred in ("directedBy", "author") else "subject"
    people = {}
    for r in found:
        if r.predicate == pred and (not orgs or any(r.object.text == o.text for o in orgs)):
            person = r.object if side == "object" else r.subject
            if person.type == "Person" and person.start < max(before, subj[0].idx):
                people[person.text] = person
    if len(people) == 1:
        return list(people.values())
    named = ctx.described(subj[0], "Person")  # "le réalisateur Jacques Audiard … a confié le réalisateur"
    if named is not None:
        return [named]
    if not people:
        # nobody credited with the role (the credit was missed, or is implied): the person the
        # passage is about ("… Gints Zilbalodis … « … », a réagi le cinéaste"), passing over
        # those credited with another part (an actor is not "le cinéaste")
        other = {r.subject.text if r.predicate == "actsIn" else r.object.text for r in found
                 if r.predicate in _CREDITS and r.predicate != pred}
        topic = _topic_person(subj[0], ctx, skip=other)
        if topic is not None:
            return [topic]
    # no one, or several, hold the credit: no guess; for a company role, the usual resolution
    return [] if not orgs and pred in role_of.values() else None


def _speakers(verb: Token | None, speaker_tok: Token | None, ctx: Context) -> list[Mention]:
    """The persons who said a quote: the speaker and the names coordinated with it. Quotes
    from organisations get no ``said`` (conventions): a company speaker gives nothing."""
    first = _speaker(verb, speaker_tok, ctx)
    if first is None or first.type != "Person":
        return []
    out = [first]
    span = char_span(ctx.doc, first.start, first.end)
    if span is not None:
        for c in span.root.children:
            if c.dep_ == "conj" and ctx.at(c) is not None and ctx.at(c).type == "Person" and ctx.at(c) not in out:
                out.append(ctx.at(c))
    return out


def _speaker(verb: Token | None, speaker_tok: Token | None, ctx: Context) -> Mention | None:
    if speaker_tok is not None:
        found = ctx.resolve(speaker_tok, _SPEAKERS, follow_conj=False)
        return found[0] if found else None
    assert verb is not None
    # a word of the quote itself is never its speaker (the parser sometimes makes it the subject)
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and not ctx.in_quote(c.idx)]
    if not subj:
        # inverted subject after the verb ("», a affirmé Sidonie Dumas"), often parsed as an object
        # ("», a martelé la productrice Élodie Castel": the name in apposition to the role noun)
        for c in verb.children:
            if c.dep_ not in ("obj", "dobj", "appos") or c.i < verb.i:
                continue
            named = [c] + [a for a in c.children if a.dep_ in ("appos", "flat:name", "flat") and c.pos_ == "NOUN"]
            subj += [t for t in named if ctx.at(t) is not None and ctx.at(t).type in _SPEAKERS][:1]
    if not subj:  # "», plaisante Marc Dupont" (the verb misread), "», assure ce dernier"
        subj = _after_verb(verb, ctx)
    if not subj:  # "a-t-il déclaré": the inverted clitic is often labelled expl:subj, or hangs on the auxiliary
        subj = [c for c in verb.children if c.dep_ == "expl:subj" and c.lower_.lstrip("-") in ("il", "elle")]
        subj = subj or [c for a in verb.children if a.dep_.startswith("aux") for c in a.children
                        if c.lower_ in ("-il", "-elle")]
    v = verb
    while not subj and v.dep_ in ("advcl", "xcomp", "conj", "acl") and v.head.i != v.i:
        v = v.head
        subj = [c for c in v.children if c.dep_ in ("nsubj",)]
    if not subj:
        return None
    tok = subj[0]
    if tok.pos_ == "PRON":
        # "X, chief executive of Y, said the deal with Z's… “…,” he said": the subject of the
        # previous main clause before the nearest name
        ante = ctx.prominent(tok, ("Person",)) if tok.lower_ in ("he", "she") else None
        if ante is not None and ante.start < tok.idx:
            return ante
        # a name inside a quote is never who said it ("« Cyril apporte… », s'est-elle réjouie")
        ante = _latest_person(tok, ctx)
        if ante is not None:
            return ante
        ante = ctx.antecedent(tok.idx, ("Organization",))
        return ante if ante is not None and not ctx.in_quote(ante.start) else None
    if tok.lower_ in ctx.lex.words("latest_referents"):
        return _latest_person(tok, ctx)
    found = ctx.resolve(tok, _SPEAKERS, follow_conj=False)
    return found[0] if found else None


def _latest_person(tok: Token, ctx: Context) -> Mention | None:
    """The speaker "ce dernier" / "the latter" stands for: the person named last before it,
    outside quotes (a company or a name quoted in between is no speaker: "X dirige Molotov.
    « … », assure ce dernier" is X)."""
    lo = ctx.window_start(tok.idx)
    for m in reversed(ctx.mentions):
        if lo <= m.start < tok.idx and m.type == "Person" and not ctx.in_quote(m.start):
            return m
    return None


def _topic_person(tok: Token, ctx: Context, skip: set[str]) -> Mention | None:
    """The person the passage is about before ``tok``: the one named most often outside quotes
    (the last named among equals), if named more than once or alone; names in ``skip`` are
    passed over."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}  # the fullest form of each name
    latest: dict[str, int] = {}  # where each name was last said, quotes included
    for m in ctx.mentions:
        if m.start >= tok.idx or m.type != "Person":
            continue
        key = m.text.split()[-1]  # "Lorne" names "Cécile Lorne" again
        latest[key] = m.start
        if not ctx.in_quote(m.start) and m.text not in skip:
            counts[key] = counts.get(key, 0) + 1
            if len(m.text) >= len(last.get(key, m).text):
                last[key] = m
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], latest[k]))
    # a person named once among others is a guess: only the one person named, or one named again
    return last[best] if len(counts) == 1 or counts[best] >= 2 else None


#: Credits that say which part a person had in a work (a speaker described by one role is not
#: a person credited with another).
_CREDITS = ("actsIn", "directedBy", "author")


def _after_verb(verb: Token, ctx: Context) -> list[Token]:
    """The speaker written right after a speech verb the parser did not attach it to
    ("», plaisante Marc Dupont" with the verb read as an adjective): a name starting within two
    words after the verb, or "ce dernier"."""
    doc = verb.doc
    for tok in doc[verb.i + 1:min(verb.i + 3, len(doc))]:
        if tok.is_punct:
            break
        m = ctx.at(tok)
        if m is not None and m.type in _SPEAKERS and m.start == tok.idx:
            return [tok]
        if tok.lower_ in ctx.lex.words("latest_referents"):
            return [tok]
    return []
