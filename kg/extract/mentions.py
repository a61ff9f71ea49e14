"""Typed entity mentions: gazetteer matches, NER spans retyped by context, and titles.

spaCy's French labels are only PER/ORG/LOC/MISC. The gazetteer ruler gives known
entities their ontology class; context nouns type the rest ("la série Lupin" is a
CreativeWork, "l'outil Veo" a Product). MISC spans with no clue stay ``Misc`` and
take the type a relation slot expects.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.lexicon import Lexicon
from kg.records import ENTITY_TYPES, Mention

NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Place", "GPE": "Place",
             "FAC": "Place", "MISC": "Misc", "WORK_OF_ART": "CreativeWork", "PRODUCT": "Product",
             "EVENT": "Event", "NORP": None, "DATE": None, "TIME": None, "MONEY": None, "PERCENT": None,
             "QUANTITY": None, "ORDINAL": None, "CARDINAL": None, "LAW": None, "LANGUAGE": None}
_DETS = {"le", "la", "les", "l'", "l’", "the"}


def find_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Typed mentions of ``doc``, sorted by offset.

    Example:
        >>> from kg.nlp import load_pipeline  # doctest: +SKIP
        >>> doc = load_pipeline("fr")("La série Lupin plaît.")  # doctest: +SKIP
        >>> [(m.text, m.type) for m in doc._.mentions]  # doctest: +SKIP
        [('Lupin', 'CreativeWork')]
    """
    mentions: list[Mention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        mention = _typed(ent, lex)
        if mention is not None:
            mentions.append(mention)
            covered.update(range(ent.start, ent.end))
    for span in _titles(doc, lex, covered):
        mentions.append(Mention(span.text, span.start_char, span.end_char, "CreativeWork", "context:title"))
    return _surnames(sorted(mentions, key=lambda m: m.start))


def _surnames(mentions: list[Mention]) -> list[Mention]:
    """A bare surname after a full name is that person, whatever NER said ("Sarandos")."""
    surnames: set[str] = set()
    out = []
    for m in mentions:
        words = m.text.split()
        if m.type == "Person" and len(words) > 1:
            surnames.add(words[-1])
            surnames.add(" ".join(words[1:]))
        elif m.type in ("Organization", "Misc", "Place") and m.source.startswith("ner") and m.text in surnames:
            m = Mention(m.text, m.start, m.end, "Person", "context:surname")
        out.append(m)
    return out


def _typed(ent: Span, lex: Lexicon) -> Mention | None:
    if ent.label_ in ENTITY_TYPES:  # gazetteer match: label is the ontology class
        return Mention(ent.text, ent.start_char, ent.end_char, ent.label_, "gazetteer")
    type_ = NER_TYPES.get(ent.label_)
    if type_ is None:
        return None
    span = ent
    if span[0].lower_ in _DETS and len(span) > 1 and type_ != "Misc":
        span = span[1:]
    context = _context_type(span, lex)
    if context and (type_ in ("Misc", "Organization", "Person") or context == "CreativeWork"):
        return Mention(span.text, span.start_char, span.end_char, context, f"context:{ent.label_}")
    if not span.text.strip() or not any(c.isalnum() for c in span.text):
        return None
    return Mention(span.text, span.start_char, span.end_char, type_, f"ner:{ent.label_}")


def _context_type(span: Span, lex: Lexicon) -> str | None:
    """CreativeWork or Product when the span is named by a work or product noun."""
    work, product = lex.words("work_nouns"), lex.words("product_nouns")
    root = span.root
    candidates: list[Token] = []
    if root.head.i != root.i and root.dep_ in ("appos", "nmod", "flat", "flat:name", "compound", "nsubj", "obj"):
        candidates.append(root.head)
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.is_punct and prev.text in "«“\"" and span.start > 1:
            prev = span.doc[span.start - 2]
        candidates.append(prev)
    for tok in candidates:
        lemma = tok.lemma_.lower()
        if tok.i >= span.start and tok.i < span.end:
            continue
        if lemma in work or tok.lower_ in work:
            return "CreativeWork"
        if lemma in product or tok.lower_ in product:
            return "Product"
    return None


def _titles(doc: Doc, lex: Lexicon, covered: set[int]) -> list[Span]:
    """Capitalised or quoted titles right after a work noun that NER missed ("la série Lupin")."""
    work = lex.words("work_nouns")
    spans = []
    for tok in doc:
        if tok.lemma_.lower() not in work and tok.lower_ not in work:
            continue
        i = tok.i + 1
        quoted = i < len(doc) and doc[i].text in ("«", "“", '"')
        if quoted:
            j = i + 1
            while j < len(doc) and doc[j].text not in ("»", "”", '"') and j - i < 15:
                j += 1
            if j < len(doc) and j > i + 1 and not covered.intersection(range(i + 1, j)):
                spans.append(doc[i + 1:j])
            continue
        j = i
        while j < len(doc) and (doc[j].is_title or doc[j].is_upper or (doc[j].lower_ in ("de", "du", "des", "of", "the", "d'", "l'") and j + 1 < len(doc) and doc[j + 1].is_title and j > i)) and not doc[j].is_sent_start:
            j += 1
        if j > i and not covered.intersection(range(i, j)) and doc[i].pos_ in ("PROPN", "NOUN", "X", "ADJ"):
            spans.append(doc[i:j])
    return spans
