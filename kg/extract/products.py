"""Makers of products read from possessive noun phrases: "OpenAI's Sora app",
"Runway's video models", "Google DeepMind's Veo video model" -> ``develops``.

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("en")("Studios tested Runway's video models.")  # doctest: +SKIP
    >>> [(r.subject.text, r.predicate, r.object.text) for r in doc._.relations]  # doctest: +SKIP
    [('Runway', 'develops', 'video models')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.syntax import Context
from kg.records import Mention, Relation

_NAMED = ("Product",)


def _product(noun: Token, ctx: Context) -> Mention | None:
    """The product a product noun names: a Product mention inside its phrase, or the phrase itself."""
    doc = noun.doc
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "appos", "flat") and c.i != noun.i]
    for c in mods:
        m = ctx.at(c)
        if m is not None and m.type == "Product":
            return m
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    start = min([noun.i] + [t.i for c in left for t in c.subtree])
    span = doc[start:noun.i + 1]
    if any(ctx.at(t) is not None and ctx.at(t).type not in ("Concept", "Product") for t in span):
        return None
    if len(span) < 2:  # a bare "tools" names nothing
        return None
    return Mention(span.text, span.start_char, span.end_char, "Product", "context:product")


def possessive_product_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """``develops(Org, Product)`` for "ORG's [name] PRODUCT-NOUN" noun phrases."""
    nouns = ctx.lex.words("product_nouns")
    for tok in (doc[i] for i, (pos, lemma, low) in enumerate(zip(ctx.pos, ctx.lemma, ctx.lower))
                if pos in ("NOUN", "PROPN") and (lemma in nouns or low in nouns)):
        owners = [ctx.at(c) for c in tok.children if c.dep_ in ("poss", "nmod:poss") and ctx.at(c) is not None]
        apposed = _apposed_name(tok, ctx)
        if doc.lang_ == "en" and apposed is not None:
            # "Movie Gen, the social media giant's video model": a description as possessor;
            # "Wonder Studio, the AI tool from Wonder Dynamics": a "from" complement
            owners += [m for c in tok.children if c.dep_ == "poss" and ctx.at(c) is None
                       for m in ctx.resolve(c, ("Organization",), follow_conj=False)]
            owners += [ctx.at(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                       for c in c.children if c.dep_ == "pobj" and ctx.at(c) is not None]
        if not owners:
            continue
        if apposed is not None and apposed.type not in ("Product", "Misc"):
            continue  # "Cascadeur, Nekki's software": the name is the product; if mistyped, nothing
        product = ctx._fit(apposed, ("Product",)) if apposed is not None else _product(tok, ctx)
        if product is None:
            continue
        for m in owners:
            if m.type == "Organization" and m.start != product.start:
                yield Relation(m, "develops", product, tok.sent.text, tok.sent.start_char, "products.possessive", 0.7)


def _apposed_name(noun: Token, ctx: Context) -> Mention | None:
    """The named mention a product description stands in apposition to ("X, the AI tool from Y")."""
    if noun.dep_ == "appos" and noun.head.i < noun.i and ctx.at(noun.head) is not None:
        return ctx.at(noun.head)
    return None
