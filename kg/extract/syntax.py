"""Shared syntax helpers: argument slots of a trigger and mention lookup.

Works on both annotation schemes of spaCy's models: Universal Dependencies (French:
``obl``/``nmod`` with a ``case`` child, ``nsubj:pass``, ``obl:agent``) and ClearNLP
(English: ``prep`` + ``pobj``, ``nsubjpass``, ``agent``, ``dobj``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.lexicon import Lexicon
from kg.records import Mention

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubj:pass", "nsubjpass", "csubjpass"}
OBJ = {"obj", "dobj"}
OBL = {"obl", "obl:arg", "obl:mod", "nmod", "obl:agent", "iobj"}
PREP_NORM = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de", "l'": "le"}
COMPATIBLE_MISC = ("CreativeWork", "Product", "Concept", "Organization", "Event", "Award")


def prep_of(tok: Token) -> str:
    """The normalised preposition introducing ``tok`` (``""`` if none)."""
    for child in tok.children:
        if child.dep_ in ("case", "mark") and child.pos_ == "ADP":
            return PREP_NORM.get(child.lower_, child.lower_)
    if tok.dep_ in ("pobj",) and tok.head.dep_ in ("prep", "agent"):
        return tok.head.lower_
    return ""


def is_passive(verb: Token) -> bool:
    """Passive voice, or a past participle qualifying a noun ("le film réalisé par X")."""
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return True
    part = "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    part = part or verb.tag_ == "VBN"
    return part and verb.dep_ in ("acl", "amod", "advcl", "appos", "ROOT", "conj") and not any(
        c.dep_.startswith("aux") for c in verb.children)


def obliques(tok: Token) -> Iterator[tuple[str, Token]]:
    """``(preposition, noun)`` pairs of the complements of ``tok``."""
    for child in tok.children:
        if child.dep_ in OBL:
            yield prep_of(child), child
        elif child.dep_ in ("prep", "agent", "dative"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield PREP_NORM.get(child.lower_, child.lower_), grand


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """Active subject of ``verb``, inherited through xcomp/conj/advcl chains."""
    found = [c for c in verb.children if c.dep_ in SUBJ or (c.dep_ == "expl:subj" and False)]
    if found:
        return found
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
        if verb.dep_ == "ccomp" and not verb.head.pos_ == "VERB":
            return []
        return subject_of(verb.head, depth + 1) if not is_passive(verb.head) or verb.dep_ != "conj" else []
    if depth < 4 and verb.dep_ in ("acl", "acl:relcl", "relcl") and not is_passive(verb):
        return [verb.head]  # "Netflix, qui utilise l'IA" / "the studio using AI"
    return []


def slot(trigger: Token, name: str) -> list[Token]:
    """Tokens filling slot ``name`` of a verb trigger: ``agent``, ``patient`` or ``obl:a|b``."""
    passive = is_passive(trigger)
    if name == "agent":
        if passive:
            return [n for p, n in obliques(trigger) if p in ("par", "by") or n.dep_ == "obl:agent"]
        return subject_of(trigger)
    if name == "patient":
        if passive:
            found = [c for c in trigger.children if c.dep_ in PASS_SUBJ]
            if not found and trigger.dep_ in ("acl", "amod", "appos"):
                found = [trigger.head]
            if not found and trigger.dep_ == "advcl":
                found = [c for c in trigger.head.children if c.dep_ in SUBJ | PASS_SUBJ]
            return found
        return [c for c in trigger.children if c.dep_ in OBJ]
    if name.startswith("obl:"):
        preps = set(name[4:].split("|"))
        return [n for p, n in obliques(trigger) if p in preps]
    return []


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Tokens and their coordinated tokens ("X et Y", "X and Y")."""
    out: list[Token] = []
    for tok in tokens:
        stack = [tok]
        while stack:
            t = stack.pop()
            if t not in out:
                out.append(t)
                stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


@dataclass
class Context:
    """Mentions of one doc indexed by token, and the lexicon: what argument resolution needs."""

    doc: Doc
    mentions: list[Mention]
    lex: Lexicon
    by_token: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.by_token.setdefault(t.i, m)

    def at(self, tok: Token) -> Mention | None:
        """The mention covering ``tok``."""
        return self.by_token.get(tok.i)

    def antecedent(self, before: int, types: Iterable[str]) -> Mention | None:
        """The last mention of one of ``types`` that starts before offset ``before``
        (an untyped ``Misc`` mention takes the first compatible type)."""
        types = tuple(types)
        for m in reversed(self.mentions):
            if m.start < before and (m.type in types or m.type == "Misc"):
                fit = self._fit(m, types)
                if fit is not None:
                    return fit
        return None

    def resolve(self, tok: Token, types: tuple[str, ...], *, follow_conj: bool = True) -> list[Mention]:
        """The mentions that ``tok`` stands for, restricted to ``types``.

        Tries, in order: a mention covering the token; a named mention attached to it
        ("la série Lupin", "le patron …, Ted Sarandos"); an antecedent for a pronoun,
        a possessive or a definite description ("la société", "il"); a source noun
        ("la bande dessinée") when a Concept is acceptable.
        """
        tokens = with_conjuncts([tok]) if follow_conj else [tok]
        out: list[Mention] = []
        for t in tokens:
            m = self._resolve_one(t, types)
            if m is not None and m not in out:
                out.append(m)
        return out

    def _fit(self, m: Mention | None, types: tuple[str, ...]) -> Mention | None:
        if m is None:
            return None
        if not types or m.type in types:
            return m
        if m.type == "Misc":
            for t in types:
                if t in COMPATIBLE_MISC:
                    return Mention(m.text, m.start, m.end, t, m.source + ">" + t)
        return None

    def _resolve_one(self, tok: Token, types: tuple[str, ...]) -> Mention | None:
        direct = self.at(tok)
        if direct is not None:
            return self._fit(direct, types)
        # a description in apposition to a name ("L'Eternaut, un drame ...")
        named = apposed_to(tok)
        if named is not None and self.at(named) is not None:
            m = self._fit(self.at(named), types)
            if m is not None:
                return m
        # a named mention attached to a head noun
        for child in tok.children:
            if child.dep_ in ("appos", "flat", "flat:name", "nmod", "compound", "nummod", "dep") and prep_of(child) in ("", "de"):
                m = self._fit(self.at(child), types)
                if m is not None and (child.dep_ != "nmod" or tok.lemma_.lower() in self._named_heads()):
                    return m
        lemma = tok.lemma_.lower()
        lex = self.lex
        if tok.pos_ == "PRON" or tok.lower_ in lex.words("pronouns", "Person") | lex.words("pronouns", "Organization"):
            return self._fit(self.antecedent(tok.idx, types or ("Person", "Organization")), types)
        for det in tok.children:
            if det.dep_ in ("det", "poss", "nmod:poss") and (det.lower_ in lex.words("possessives") or "Yes" in det.morph.get("Poss")):
                pass
        for typ in types:
            if lemma in lex.words("anaphors", typ) and tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.children):
                if not any(c.dep_ in ("nmod", "amod") and c.pos_ == "PROPN" for c in tok.children):
                    return self.antecedent(tok.idx, (typ,))
        if "Concept" in types:
            phrase = source_phrase(tok, lex)
            if phrase is not None:
                start, end = phrase
                return Mention(self.doc.text[start:end], start, end, "Concept", "context:source")
        return None

    def _named_heads(self) -> frozenset[str]:
        lex = self.lex
        return lex.words("work_nouns") | lex.words("product_nouns") | lex.words("source_nouns") | frozenset(
            ("technologie", "technology", "outil", "tool", "solution", "service", "plateforme", "platform"))


def apposed_to(tok: Token) -> Token | None:
    """The name a descriptive noun phrase stands in apposition to.

    Uses the parse (``appos``) and, as the parser often misses appositions after a
    parenthesis, the surface pattern ``NAME [(…)] , un/une/a/an NOUN``.
    """
    if tok.dep_ == "appos" and tok.head.i < tok.i:
        return tok.head
    dets = [c for c in tok.children if c.dep_ == "det" and c.i < tok.i]
    if not dets or dets[0].lower_ not in ("un", "une", "a", "an", "le", "la", "l'", "the"):
        return None
    i = dets[0].i - 1
    doc = tok.doc
    if i < 0 or doc[i].text != ",":
        return None
    i -= 1
    if i >= 0 and doc[i].text == ")":
        depth = 0
        while i >= 0:
            if doc[i].text == ")":
                depth += 1
            elif doc[i].text == "(":
                depth -= 1
                if depth == 0:
                    break
            i -= 1
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "X", "NUM") or (i >= 0 and doc[i].text in ("»", "”", '"')):
        return doc[i - 1] if doc[i].text in ("»", "”", '"') and i > 0 else doc[i]
    return None


def source_phrase(tok: Token, lex: Lexicon) -> tuple[int, int] | None:
    """Character span of an unnamed source-work noun phrase ("la bande dessinée")."""
    nouns = lex.words("source_nouns")
    doc = tok.doc
    for n in (3, 2, 1):
        words = " ".join(t.lower_ for t in doc[tok.i:tok.i + n])
        if len(doc[tok.i:tok.i + n]) == n and (words in nouns or (n == 1 and tok.lemma_.lower() in nouns)):
            span = doc[tok.i:tok.i + n]
            return span.start_char, span.end_char
    return None
