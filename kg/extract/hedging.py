"""Hedges: negated, modal, conditional, cancelled or rumoured facts give no triple.

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("fr")("Canal+ n'a pas racheté MultiChoice.")  # doctest: +SKIP
    >>> is_hedged(doc[4], load_lexicon("fr"))  # doctest: +SKIP
    True
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.lexicon import Lexicon

# Dependencies through which a governing verb's modality reaches the trigger.
_CLAUSAL = {"xcomp", "ccomp", "conj", "csubj", "advcl", "ROOT", "parataxis"}


def _neg(tok: Token, negations: frozenset[str]) -> bool:
    return any((c.dep_ in ("advmod", "neg", "det", "cc", "advmod:neg") and c.lower_ in negations) or c.dep_ == "neg"
               for c in tok.children)


_NE = {"ne", "n'", "n’"}


def _fr_negation(tok: Token, negations: frozenset[str], lex: Lexicon) -> bool | None:
    """French "ne …" at ``tok``: True when negated ("ne … pas/plus/jamais", "n'a racheté
    aucune chaîne"), False when restrictive ("ne diffuse que", "ne diffuse plus que": the fact
    holds), None when there is no "ne" (the generic test applies)."""
    if tok.lang_ != "fr" or not any(c.lower_ in _NE for c in tok.children):
        return None
    doc = tok.doc
    for w in doc[tok.i + 1:min(tok.i + 4, len(doc))]:
        # "que" restricting an argument, not introducing a clause ("ne pense pas que X…")
        if w.lower_ in ("que", "qu'", "qu’") and (w.head.i == tok.i or w.head.pos_ not in ("VERB", "AUX")):
            return False
    if any(c.lower_ in negations and c.dep_ != "case" for c in tok.children):
        return True
    # "n'a racheté aucune chaîne", "ne diffuse rien"
    for c in tok.children:
        if c.dep_ in ("obj", "nsubj", "nsubj:pass", "obl", "obl:arg") and (
                c.lower_ in lex.words("hedge", "negative_pronouns")
                or any(d.dep_ == "det" and d.lower_ in lex.words("hedge", "negative_determiners") for d in c.children)):
            return True
    return None


def _conditional(tok: Token) -> bool:
    if "Cnd" in tok.morph.get("Mood"):
        return True
    return any(c.dep_.startswith("aux") and ("Cnd" in c.morph.get("Mood") or c.lower_ in ("would", "could", "might", "may"))
               for c in tok.children)


def is_future(tok: Token, lex: Lexicon, predicate: str | None = None) -> bool:
    """Whether ``tok`` has a future auxiliary (lexicon ``hedge.future``: "will join", "'ll buy"):
    a planned fact gives no triple, unless ``predicate`` is one the lexicon's ``hedge.future_facts``
    keeps ("X will star in Y": a decided casting). French marks the future on the verb: its list is
    empty."""
    future = lex.words("hedge", "future")
    if not future or predicate is not None and predicate.lower() in lex.words("hedge", "future_facts"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in future for c in tok.children)


def is_hedged(trigger: Token, lex: Lexicon, sent_text: str | None = None, *, decided: bool = False) -> bool:
    """Whether the fact triggered by ``trigger`` is negated, modal, conditional, cancelled or
    rumoured (``sent_text``: the lower-case text of its sentence, when already read). With
    ``decided`` (a predicate of ``hedge.future_facts``), a schedule ("is set to star in", lexicon
    ``hedge.scheduled``) is no modal; without it, a schedule word is a modal only over the verb
    it governs ("set to acquire", not "Written by X, the drama is set in Detroit")."""
    negations = lex.words("hedge", "negations")
    scheduled = lex.words("hedge", "scheduled")
    modals = lex.words("hedge", "modals") - scheduled
    cancels = lex.words("hedge", "cancels")
    tok = trigger
    first = True
    below = None
    while True:
        fr_neg = _fr_negation(tok, negations, lex)
        if fr_neg or (fr_neg is None and _neg(tok, negations)) or _conditional(tok):
            return True
        lemma = tok.lemma_.lower()
        if not first and (lemma in modals or lemma in cancels):
            return True
        if not first and not decided and lemma in scheduled and below is not None and below.dep_ == "xcomp":
            return True
        if first and lemma in cancels:
            return True
        if tok.dep_ not in _CLAUSAL or tok.head.i == tok.i:
            break
        if tok.dep_ == "conj" and not tok.head.pos_.startswith(("VERB", "AUX")):
            break
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") for c in tok.children):
            break  # a coordinated clause with its own subject is asserted on its own ("X was voted …, and Y took Z")
        tok, first, below = tok.head, False, tok
    sent = sent_text if sent_text is not None else trigger.sent.text.lower()
    words = [w for w in lex.words("hedge", "rumour_words") if w in sent]
    if not words:
        return False
    if any(" " in w for w in words):
        return True
    # a one-word rumour word as a word of its own, and not an indicative verb ("une offre", "aurait",
    # "envisagé"; not "la série offre à X")
    return any(t.lower_ in words and not (t.pos_ == "VERB" and "Ind" in t.morph.get("Mood")) for t in trigger.sent)
