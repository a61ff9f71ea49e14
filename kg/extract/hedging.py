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


def _conditional(tok: Token) -> bool:
    if "Cnd" in tok.morph.get("Mood"):
        return True
    return any(c.dep_.startswith("aux") and ("Cnd" in c.morph.get("Mood") or c.lower_ in ("would", "could", "might", "may"))
               for c in tok.children)


def is_hedged(trigger: Token, lex: Lexicon) -> bool:
    """Whether the fact triggered by ``trigger`` is negated, modal, conditional, cancelled or rumoured."""
    negations = lex.words("hedge", "negations")
    modals = lex.words("hedge", "modals")
    cancels = lex.words("hedge", "cancels")
    tok = trigger
    first = True
    while True:
        if _neg(tok, negations) or _conditional(tok):
            return True
        lemma = tok.lemma_.lower()
        if not first and (lemma in modals or lemma in cancels):
            return True
        if first and lemma in cancels:
            return True
        if tok.dep_ not in _CLAUSAL or tok.head.i == tok.i:
            break
        if tok.dep_ == "conj" and not tok.head.pos_.startswith(("VERB", "AUX")):
            break
        tok, first = tok.head, False
    sent = trigger.sent.text.lower()
    return any(word in sent for word in lex.words("hedge", "rumour_words"))
