"""Shared syntax helpers: argument slots of a trigger and mention lookup.

Works on both annotation schemes of spaCy's models: Universal Dependencies (French:
``obl``/``nmod`` with a ``case`` child, ``nsubj:pass``, ``obl:agent``) and ClearNLP
(English: ``prep`` + ``pobj``, ``nsubjpass``, ``agent``, ``dobj``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy import parts_of_speech
from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, POS
from spacy.tokens import Doc, Span, Token

from kg.extract.hedging import is_future, is_hedged
from kg.gazetteer import opens_with_given_name
from kg.lexicon import Lexicon
from kg.records import Mention

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubj:pass", "nsubjpass", "csubjpass"}
OBJ = {"obj", "dobj"}
#: The prepositions of a passive's agent ("produite par X", "produced by X").
AGENT_PREPS = frozenset(("par", "by"))
OBL = {"obl", "obl:arg", "obl:mod", "nmod", "obl:agent", "iobj"}
#: The prepositions of "in a work": "joue dans X", "stars in X".
IN_PREPS = frozenset(("dans", "in"))
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
    children = list(verb.children)
    if any(c.dep_ in ("aux:pass", "auxpass") or c.dep_ == "obl:agent" and prep_of(c) in ("par", "by") for c in children):
        return True
    if verb.pos_ in ("NOUN", "PROPN", "X") and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "par":
        return True  # "le film, produit par X": a participle the tagger took for a noun
    if verb.dep_ not in ("acl", "amod", "advcl", "advmod", "appos", "ROOT", "conj"):
        return False
    if verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in children):
        return False  # "Le film sort en octobre": a finite verb the tagger read as a participle
    if _main_verb_read_as_acl(verb):
        return False  # "Lantern Pictures named X its chief executive"
    part = "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    part = part or verb.tag_ == "VBN"
    return part and not any(c.dep_.startswith("aux") for c in children)


def _main_verb_read_as_acl(verb: Token) -> bool:
    """"Lantern Pictures named Dana Whitfield its chief executive", parsed as a noun phrase
    ("Pictures" the root, "named" a participle qualifying it): the sentence has no other main
    verb, and the verb takes objects and no agent, so it is the subject's finite verb."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ == "PROPN" and head.i < verb.i \
        and verb.doc.lang_ == "en" and any(c.dep_ in ("dobj", "oprd") for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def obliques(tok: Token) -> Iterator[tuple[str, Token]]:
    """``(preposition, noun)`` pairs of the complements of ``tok``."""
    for child in tok.children:
        if child.dep_ in OBL:
            yield prep_of(child), child
        elif child.dep_ == "dep" and prep_of(child):  # "dans laquelle joue X": an unlabelled oblique
            yield prep_of(child), child
        elif child.dep_ in ("prep", "agent", "dative"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield PREP_NORM.get(child.lower_, child.lower_), grand


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """Active subject of ``verb``, inherited through xcomp/conj/advcl chains."""
    found = [c for c in verb.children if c.dep_ in SUBJ]
    if found:
        return _name_before_verb(verb, found) or found
    if not any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children) \
            and any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in verb.children):
        # "Le groupe … a depuis racheté X": an active subject mislabelled as passive
        found = [c for c in verb.children if c.dep_ in PASS_SUBJ and c.i < verb.i]
        if found:
            return found
    if depth < 4 and verb.dep_ == "conj" and verb.head.dep_ in ("acl", "acl:relcl", "relcl") and verb.head.head.i != verb.head.i \
            and is_passive(verb.head) and not is_passive(verb):
        return [verb.head.head]  # "a series directed by X and starring Y"
    if depth < 4 and verb.dep_ == "xcomp" and verb.head.i != verb.i and any(c.dep_ in ("aux:pass", "auxpass")
                                                                           for c in verb.head.children):
        # "X is set to headline", "X has been tapped to star": the passive's subject does it
        found = [c for c in verb.head.children if c.dep_ in PASS_SUBJ]
        if found:
            return found
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
        if verb.dep_ == "ccomp" and not verb.head.pos_ == "VERB":
            return []
        if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb):
            # "X est adaptée de Y et se déroule à Z": the passive subject is shared
            return [c for c in verb.head.children if c.dep_ in PASS_SUBJ]
        return subject_of(verb.head, depth + 1) if not is_passive(verb.head) or verb.dep_ != "conj" else []
    if depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in ("before", "after", "while") \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head, depth + 1)  # "X won Y before earning Z"
    if depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "for" \
            and verb.head.head.pos_ in ("VERB", "ADJ") and verb.head.head.i != verb.head.i:
        # "X, known for playing Y", "Known for directing Y, X…", "X is famous for starring in Y":
        # the one described does it
        described = verb.head.head
        if described.dep_ in ("acl", "amod") and described.head.i < described.i:
            return [described.head]
        if described.dep_ == "advcl":
            return subject_of(described.head, depth + 1)
        return [c for c in described.children if c.dep_ in SUBJ | PASS_SUBJ] \
            or [c for c in described.head.children if c.dep_ in SUBJ | PASS_SUBJ and described.dep_ == "acomp"]
    if depth < 4 and verb.dep_ in ("acl", "acl:relcl", "relcl") and not is_passive(verb):
        return [verb.head]  # "Netflix, qui utilise l'IA" / "the studio using AI"
    if verb.doc.lang_ == "fr" and verb.dep_ == "ROOT" and verb.i >= 2:
        # "le collectif Les Ateliers Brume a fait appel à…": the parser lost the subject;
        # the name right before the tense auxiliary is the subject
        aux, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
        if aux.dep_ == "aux:tense" and aux.lemma_ == "avoir" and aux.head.i == verb.i \
                and before.pos_ in ("PROPN", "NOUN") and not any(c.dep_ == "case" for c in before.children) \
                and not any(c.dep_ == "case" for c in before.head.children if before.head.i < before.i):
            return [before]
    return []


def _name_before_verb(verb: Token, found: list[Token]) -> list[Token]:
    """"Filiale de X, la holding de Y, Webedia édite…": when the parsed subject sits before a
    comma and only a name stands between that comma and the verb, the parser has hung the name
    on the fronted phrase; the name is the subject. ``[]`` when the parse needs no repair."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("advmod", "aux:tense", "aux", "advmod:neg") and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    end = i
    while i >= 0 and doc[i].pos_ == "PROPN":
        i -= 1
    if end == i or i < 0 or doc[i].text != "," or any(i < s.i <= end for s in found) \
            or not all(s.i < i for s in found) or any(doc[j].head.i == verb.i for j in range(i + 1, end + 1)):
        return []
    return [doc[i + 1]]


def slot(trigger: Token, name: str) -> list[Token]:
    """Tokens filling slot ``name`` of a verb trigger: ``agent``, ``patient`` or ``obl:a|b``."""
    fronted = _fronted_name(trigger)
    passive = is_passive(trigger) or (bool(fronted) and trigger.tag_ == "VBN"
                                      and any(c.dep_ == "agent" for c in trigger.children))
    # an adjective ("disponible sur X", "available on X") describes its patient like a participle;
    # so does a fronted one the tagger took for a noun ("Disponible sur Netflix, la série…")
    passive = passive or trigger.pos_ == "ADJ" or trigger.pos_ == "NOUN" and trigger.is_sent_start and trigger.dep_ == "advcl"
    if name == "agent":
        if not passive and trigger.tag_ == "VBG" and fronted:
            return subject_of(trigger) or fronted  # "Frankenstein, starring X"
        if passive:
            found = [n for p, n in obliques(trigger) if p in ("par", "by") or n.dep_ == "obl:agent"]
            if not found:
                found = _surface_agent(trigger)
            if not found:  # "written and directed by X": the agent of the last conjunct is shared
                for c in trigger.children:
                    if c.dep_ == "conj" and c.i > trigger.i and is_passive(c):
                        found = [n for p, n in obliques(c) if p in ("par", "by") or n.dep_ == "obl:agent"]
                        break
            return found
        return subject_of(trigger)
    if name == "patient":
        if passive:
            found = [c for c in trigger.children if c.dep_ in PASS_SUBJ]
            if not found and trigger.pos_ == "ADJ":  # "la série est disponible sur X": the copula's subject
                found = [c for c in trigger.children if c.dep_ in SUBJ]
            if not found and trigger.pos_ == "ADJ" and trigger.dep_ == "acomp":
                # "the series is available on X": English hangs the subject on the copula
                found = [c for c in trigger.head.children if c.dep_ in SUBJ]
            if not found and any(c.dep_ in ("aux:pass", "auxpass") for c in trigger.children):
                # "le film a été produit par X": the parser often labels a passive subject nsubj
                found = [c for c in trigger.children if c.dep_ in SUBJ | {"expl:subj"} and c.i < trigger.i]
            if not found and trigger.dep_ in ("acl", "amod", "appos"):
                found = [trigger.head]
            if not found and trigger.dep_ in ("advcl", "advmod"):
                # "… dans la troisième partie de Lupin, produite par Gaumont": a participle right
                # after ", NAME" describes that name, not the main clause's subject
                doc = trigger.doc
                before = doc[trigger.i - 2] if trigger.i >= 2 and doc[trigger.i - 1].text == "," else None
                named = _name_before_auxiliary(trigger)
                if before is not None and doc.lang_ == "fr" and (before.pos_ == "PROPN" or before.text[:1].isupper()) \
                        and before.i > trigger.head.i and not before.is_sent_start:
                    found = [before]
                elif named is not None:
                    found = [named]
                else:
                    found = [c for c in trigger.head.children if c.dep_ in SUBJ | PASS_SUBJ]
                if not found and before is not None and doc.lang_ == "fr" and before.text[:1].isupper():
                    found = [before]  # "M6, contrôlé par X, reste…": the parser lost the main subject
            if not found and trigger.dep_ == "conj" and is_passive(trigger.head) and trigger.head.i != trigger.i:
                found = slot(trigger.head, "patient")  # "produced by X and distributed by Y"
            if not found and trigger.dep_ == "conj" and trigger.doc.lang_ == "en" and trigger.head.i < trigger.i \
                    and any(c.dep_ in ("aux:pass", "auxpass") for c in trigger.children):
                # "X is a spin-off of Y and was created by Z": the subject of the first conjunct,
                # unless a name of its own comes right before the auxiliary
                named = _name_before_auxiliary(trigger)
                found = [named] if named is not None else [c for c in trigger.head.children
                                                          if c.dep_ in SUBJ and c.i < trigger.head.i]
            if not found and trigger.doc.lang_ == "en" and trigger.i == trigger.sent.start:
                found = _after_fronted_phrase(trigger)  # "Created by X and Y, FX's Shōgun …"
            if not found and trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN" and trigger.head.i < trigger.i \
                    and trigger.doc.lang_ == "fr":
                found = [trigger.head]  # "le film, produit par X et distribué par Y" (conj on the noun)
            if not found and not fronted and (named := _name_before_auxiliary(trigger)) is not None:
                found = [named]  # "… Nightjar and Paul Brenner was named best actor": a root with no subject
            return found or fronted
        found = [c for c in trigger.children if c.dep_ in OBJ]
        if not found and trigger.i + 1 < len(trigger.doc) and trigger.doc[trigger.i + 1].lower_ in ("and", "et", "&"):
            # "wrote and directed X": the object of the next conjunct is shared
            found = [o for c in trigger.children if c.dep_ == "conj" and c.i == trigger.i + 2 and c.pos_ == "VERB"
                     for o in c.children if o.dep_ in OBJ]
        if not found:  # a bare noun right after the verb, mislabelled as an oblique ("a cofondé Mediawan en 2015")
            found = [c for c in trigger.children if c.dep_ in OBL and c.i > trigger.i and not prep_of(c)
                     and c.pos_ in ("PROPN", "NOUN") and not any(t.dep_ == "case" for t in c.children)][:1]
        if not found and trigger.dep_ in ("ccomp", "acl", "acl:relcl") and trigger.head.i < trigger.i \
                and trigger.head.pos_ in ("PROPN", "NOUN") and any(
                    c.lower_ in ("que", "qu'", "qu’") and c.dep_ == "mark" and c.i < trigger.i for c in trigger.children):
            found = [trigger.head]  # "Radio Nova, que le groupe détient", "que" read as a conjunction
        if found and all(c.lower_ in ("que", "qu'", "qu’") for c in found) and trigger.dep_ in ("acl:relcl", "relcl") \
                and trigger.head.i < trigger.i:
            found = [trigger.head]  # "X, que l'on a vue dans Y": the relative pronoun stands for X
        if found and trigger.doc.lang_ == "en":
            # "stars A as a union boss and B as his wife": the parser hangs B on the first part
            found += [c for p, n in obliques(trigger) if p == "as" for c in n.children
                      if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > n.i
                      and any(g.lower_ == "as" and g.i > c.i for g in [*c.children, *n.children])]
        return found
    if name == "complement":  # "X was crowned Best Actress": the predicative complement
        return [c for c in trigger.children if c.dep_ in ("oprd", "attr", "xcomp", "dobj", "obj") and c.i > trigger.i]
    if name.startswith("obl:"):
        preps = set(name[4:].split("|"))
        found = [n for p, n in obliques(trigger) if p in preps]
        if not found and "de" in preps and trigger.dep_ in ("acl:relcl", "relcl") and trigger.head.i < trigger.i \
                and any(c.lower_ == "dont" for c in trigger.children):
            found = [trigger.head]  # "Altavia, dont dépend Télé Azur": "dont" is "de" + the noun qualified
        if not found and trigger.doc.lang_ == "fr":
            found = _surface_oblique(trigger, preps)
        if not found and "à" in preps and trigger.dep_ == "xcomp" and trigger.head.lemma_ == "voir" \
                and any(c.lower_ in ("se", "s'", "s’") for c in trigger.head.children):
            found = subject_of(trigger.head)  # "X s'est vu décerner le prix": X receives it
        return found
    return []


def _name_before_auxiliary(trigger: Token) -> Token | None:
    """English: the last word of a name right before a passive's auxiliary, after the verb the
    parser hung the passive on, if any ("…, and Vincent Lindon was named best actor" read as a
    clause without a subject). None when there is none."""
    doc = trigger.doc
    aux = next((c for c in trigger.children if c.dep_ in ("aux:pass", "auxpass") and c.i < trigger.i), None)
    floor = trigger.head.i if trigger.head.i < trigger.i else -1  # (a root is its own head)
    if doc.lang_ != "en" or aux is None or aux.i < 1 or aux.i - 1 <= floor:
        return None
    named = doc[aux.i - 1]
    return named if named.pos_ == "PROPN" else None


def _surface_oblique(trigger: Token, preps: set[str]) -> list[Token]:
    """A French complement the parser attached to an adverbial or the object in between:
    "diffusée depuis mars sur Arte" ("sur Arte" hung on "mars"), "a remis en 2024 son prix
    à X" ("à X" hung on "prix"). Looks up to seven words after the verb."""
    doc = trigger.doc
    for tok in doc[trigger.i + 1:min(trigger.i + 8, trigger.sent.end)]:
        if PREP_NORM.get(tok.lower_, tok.lower_) in preps and tok.dep_ == "case" and tok.head.i > tok.i \
                and tok.head.head.i != trigger.i and tok.head.head.i > trigger.i:
            return [tok.head]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON"):
            break
    return []


_FORMS_CACHE: dict[str, frozenset[str]] = {}


def verb_forms(lemma: str) -> frozenset[str]:
    """Common inflected forms of a French verb lemma (regular patterns only), so that a
    frame still fires when the lemmatiser leaves a form unchanged ("joue" -> "joue")."""
    if lemma in _FORMS_CACHE:
        return _FORMS_CACHE[lemma]
    forms: set[str] = set()
    if lemma.endswith("er") and len(lemma) > 3:
        stem = lemma[:-2]
        forms |= {stem + e for e in ("e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ait", "aient", "ant",
                                     "a", "era", "eront", "èrent")}
    elif lemma.endswith("ire") and len(lemma) > 4:  # produire, écrire, traduire
        stem = lemma[:-2]
        forms |= {stem + e for e in ("t", "te", "ts", "tes", "s", "sent", "sait", "saient")}
    elif lemma.endswith("ir") and len(lemma) > 3:  # choisir, réussir
        stem = lemma[:-2]
        forms |= {stem + e for e in ("i", "ie", "is", "ies", "it", "issent", "issait")}
    elif lemma.endswith(("mettre", "prendre")):  # mettre en ligne, retransmettre, reprendre: "mis", "pris"
        stem = lemma[:-5]
        forms |= {stem + e for e in ("is", "ise", "ises")}
        forms |= {stem + "et", stem + "ettent"} if lemma.endswith("mettre") else {stem + "end", stem + "ennent"}
    elif lemma.endswith("dre") and len(lemma) > 4:  # vendre, rendre: "vendu"
        stem = lemma[:-2]
        forms |= {stem + e for e in ("u", "ue", "us", "ues", "", "ent")}
    _FORMS_CACHE[lemma] = frozenset(forms)
    return _FORMS_CACHE[lemma]


_PARTICIPLES_CACHE: dict[str, frozenset[str]] = {}


def past_participles(lemma: str) -> frozenset[str]:
    """The past participle forms among :func:`verb_forms` (computed once per lemma).

    Example:
        >>> sorted(past_participles("mettre"))
        ['mis', 'mise', 'mises']
    """
    found = _PARTICIPLES_CACHE.get(lemma)
    if found is not None:
        return found
    irregular = lemma.endswith(("mettre", "prendre"))
    found = _PARTICIPLES_CACHE[lemma] = frozenset(
        f for f in verb_forms(lemma) if f.endswith(("é", "ée", "és", "ées", "it", "ite", "its", "ites"))
        or (lemma.endswith("ir") and f.endswith(("i", "ie", "is", "ies")))
        or (irregular and f.endswith(("is", "ise", "ises")))
        or (lemma.endswith("dre") and not irregular and f.endswith(("u", "ue", "us", "ues"))))
    return found


def _fronted_name(trigger: Token) -> list[Token]:
    """The name right before ", PARTICIPLE" (English participle tags only), which the
    participle describes when the parser attached it elsewhere: "Wicked: For Good,
    directed by X and starring Y" (through coordinated participles)."""
    first = trigger
    while first.dep_ == "conj" and first.head.i < first.i and first.head.tag_ in ("VBN", "VBG"):
        first = first.head
    if trigger.tag_ not in ("VBN", "VBG") or first.tag_ not in ("VBN", "VBG"):
        return []
    doc = trigger.doc
    i = first.i - 1
    if i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i < 1 or doc[i].text != "," or doc[i - 1].is_punct or doc[i - 1].pos_ not in ("PROPN", "NOUN", "ADJ", "NUM"):
        return []
    return [doc[i - 1]]


def _after_fronted_phrase(trigger: Token) -> list[Token]:
    """The noun phrase after a sentence-initial participial phrase ("Created by X, FX's Shōgun
    adapts…", parsed as the root): its first word after the comma, past a possessor's "'s"."""
    doc = trigger.doc
    sent = trigger.sent
    for tok in doc[trigger.i + 1:sent.end]:
        if tok.text in (";", ":", "(", "“", "\""):
            return []
        if tok.text == ",":
            i = tok.i + 1
            head = doc[i] if i < sent.end else tok
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            if head.dep_ == "conj" and head.head.i < tok.i and (doc[i].pos_ == "PROPN") \
                    and any(t.lower_ in ("and", "&") for t in doc[tok.i:head.i + 3]):
                continue  # "by X, Y and Z, A24 …": still the agent list
            if i + 2 < sent.end and doc[i + 1].lower_ in ("'s", "’s"):
                i += 2
            if i < sent.end and doc[i].lower_ in ("the", "a", "an"):
                i += 1
            return [doc[i]] if i < sent.end and doc[i].pos_ in ("PROPN", "NOUN") else []
    return []


def _surface_agent(trigger: Token) -> list[Token]:
    """The agent of a passive participle when the parser attached it elsewhere:
    "par"/"by" within a few words after the participle ("développée en interne par la chaîne",
    "released in theaters by X")."""
    doc = trigger.doc
    for tok in doc[trigger.i + 1:min(trigger.i + 5, trigger.sent.end)]:
        if tok.lower_ in ("par", "by") and tok.head.i > tok.i:
            return [tok.head]
        if tok.lower_ == "by" and tok.dep_ in ("prep", "agent"):  # "released in theaters by X": hung on "theaters"
            found = [c for c in tok.children if c.dep_ == "pobj"]
            if found:
                return found
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ"):
            break
    return []


def stake_share(words: list[Token]) -> tuple[float, int] | None:
    """The first percentage of ``words`` ("30 %", "51 percent") and the position of its sign.

    Example:
        >>> import spacy
        >>> stake_share(list(spacy.blank("fr")("Vivendi détient 30 % de Lagardère.")))
        (30.0, 3)
    """
    pct = next((i for i, t in enumerate(words) if t.text in ("%", "pour", "percent", "per")), None)
    if not pct:
        return None
    try:
        return float(words[pct - 1].text.replace(",", ".")), pct
    except ValueError:
        return None


def fitted(m: Mention) -> bool:
    """Whether ``m`` is an untyped (``Misc``) name that :meth:`Context.fit` gave a slot's type:
    its source then ends with ``>`` and that type.

    Example:
        >>> fitted(Mention("Drôle", 0, 5, "CreativeWork", "ner:MISC>CreativeWork"))
        True
        >>> fitted(Mention("Lupin", 0, 5, "CreativeWork", "gazetteer"))
        False
    """
    return m.source.endswith(">" + m.type)


def is_relative(tok: Token) -> bool:
    """Whether ``tok`` is a relative pronoun ("qui", "which"), as the tagger says."""
    return "Rel" in tok.morph.get("PronType") or tok.tag_ in ("WDT", "WP")


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


#: Entity labels of dates and times (spaCy's English and OntoNotes schemes): never a name.
DATE_ENTS = frozenset(("DATE", "TIME"))


def untagged_name_read_as(ctx: Context, tokens: list[Token], types: tuple[str, ...]) -> list[Mention]:
    """A proper noun in a slot that NER left untagged, read as the one type the slot takes when
    that is a company or a work: the small English model misses many names opening a sentence
    ("Amazon MGM Studios will release Project Hail Mary"). The name is the run of capitalised proper
    nouns around the slot's token, none of them in a mention, and no piece of a longer name."""
    if len(types) != 1 or types[0] not in ("Organization", "CreativeWork"):
        return []
    doc = ctx.doc
    out: list[Mention] = []
    def part(tok: Token) -> bool:  # "Sentinel TV": a capitalised noun may end the name
        return (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_upper and len(tok) > 1) \
            and ctx.at(tok) is None and (tok.is_title or tok.is_upper) \
            and tok.ent_type_ not in DATE_ENTS  # "debuts on Friday": a date is no company

    for t in with_conjuncts(tokens):
        if not part(t) or t.pos_ != "PROPN" and not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == t.i - 1
                                                        for c in t.children):
            continue
        a = b = t.i
        while a > t.sent.start and part(doc[a - 1]):
            a -= 1
        while b + 1 < t.sent.end and part(doc[b + 1]):
            b += 1
        span = doc[a:b + 1]
        glued = [doc[i] for i in (a - 1, b + 1) if 0 <= i < len(doc) and not doc[i].is_punct]
        if any(ctx.at(g) is not None for g in glued):
            continue  # "Walt" of "Walt Disney Studios": a piece of a longer name
        if len(span) <= 4:
            out.append(Mention(span.text, span.start_char, span.end_char, types[0], "context:slot"))
    return out


def name_read_as_work(ctx: Context, tokens: list[Token], types: tuple[str, ...]) -> list[Mention]:
    """Names in a slot that only a work fills, whatever NER typed them ("Intouchables a été
    produit par…", "Bac Nord, réalisé par…"): NER mistypes titles as persons, companies and
    places; the gazetteer's entities keep their type, and so does a person's name opening with a
    known given name ("met en scène Paul Verdier dans le rôle de…")."""
    if types != ("CreativeWork",):
        return []
    out: list[Mention] = []
    nouns = ctx.lex.union("work_nouns", "possessive_work_nouns")
    for tok in with_conjuncts(tokens):
        m = ctx.at(tok)
        span = ctx.span(m) if m is not None else None
        title = ctx.company_work(m, nouns) if m is not None else None
        if title is not None:
            if title not in out:
                out.append(title)  # "the creator of the Paramount Network hit Yellowstone": the company's work
            continue
        agent = span is not None and (span.start > 0 and ctx.doc[span.start - 1].lower_ in ("par", "by")
                                      or any(t.dep_ in ("obl:agent", "agent") for t in span))
        person = m is not None and m.type == "Person" and opens_with_given_name(m.text)
        if m is not None and m.type in ("Person", "Organization", "Place") and m.source.startswith("ner") \
                and not agent and not person and m.text[:1].isupper() and m not in out:
            out.append(Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">work-slot"))
    return out



_INDEFINITE = frozenset(("un", "une", "des", "a", "an", "another", "some", "autre", "certain", "certaine", "plusieurs",
                         "quelques", "nouveau", "nouvelle", "new"))

#: A direct quote, possibly over several sentences.
_QUOTED = re.compile(r'«[^»]*»|“[^”]*”|"[^"\n]*"')

#: How many sentences before its own a pronoun or description may find its antecedent in.
ANTECEDENT_SENTENCES = 3

#: Pronouns that never stand for a named entity outside a quote: the interviewer's "you",
#: the speaker's "I" (a Q&A answer, a first-person column).
_DEICTIC = frozenset(("i", "me", "you", "je", "j'", "j’", "m'", "moi", "tu", "te", "toi", "vous",
                      # the neuter demonstratives: "Ce sont les fondateurs de X, A et B, qui…" (a cleft)
                      "ce", "c'", "c’", "cela", "ça", "ceci"))


#: ``(doc, its length, what it read)`` for the last doc :func:`token_words` read (the mention
#: pass and the relation pass read the same doc one after the other); one tuple, replaced whole,
#: so that a thread never reads one doc's words for another.
_LAST_WORDS: list = [None]


def token_words(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Each token's lower-case form, lower-case lemma and part of speech, read in one pass:
    a rule that scans the whole doc tests these before building a spaCy ``Token`` (and its
    strings, decoded on each access). The last doc's reading is kept for the next call on the
    same doc (the lists are shared: read them, never change them).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("La Série")
        >>> token_words(doc)[0], token_words(doc) is token_words(doc)
        (['la', 'série'], True)
    """
    last = _LAST_WORDS[0]
    if last is not None and last[0] is doc and last[1] == len(doc):
        return last[2]
    strings, names = doc.vocab.strings, parts_of_speech.NAMES
    rows = doc.to_array([LOWER, LEMMA, POS]).tolist()  # what ``Token.lower_``, ``lemma_`` and ``pos_`` decode
    words = [strings[r[0]] for r in rows], [strings[r[1]].lower() for r in rows], [names[r[2]] for r in rows]
    _LAST_WORDS[0] = (doc, len(doc), words)
    return words


def word_tokens(doc: Doc, words: Iterable[str], lemma: bool = False, pos: Iterable[str] | None = None,
                start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of ``doc[start:end]`` whose lower-case form (or lemma, with ``lemma``) is one of
    ``words`` and whose part of speech is one of ``pos`` (when given), in order: a rule scanning
    the whole doc for its trigger words tests :func:`token_words`, and builds a spaCy ``Token``
    only for a hit.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Le film et la série.")
        >>> [t.i for t in word_tokens(doc, {"série", "film"})], [t.i for t in word_tokens(doc, {"film"}, start=2)]
        ([1, 4], [])
    """
    lower, lemmas, tags = token_words(doc)
    seq = lemmas if lemma else lower
    for i in range(*slice(start, end).indices(len(seq))):  # (``end`` as in a slice: negative from the end)
        if seq[i] in words and (pos is None or tags[i] in pos):
            yield doc[i]


#: The ``Doc.user_data`` key under which :func:`doc_text` keeps a doc's text.
_TEXT_KEY = "kg.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc: spaCy joins every token on each access, and a doc's
    text never changes (retokenizing keeps it), so the first reading is kept in ``user_data``.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Canal+ rachète OCS.")
        >>> doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
        True
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


#: ``(doc, its length, token start offsets, token end offsets, spans read)`` for the last doc
#: :func:`char_span` read; one tuple, replaced whole (see :data:`_LAST_WORDS`).
_LAST_SPANS: list = [None]


def char_span(doc: Doc, start: int, end: int, strict: bool = False) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")`` (or the default strict alignment),
    each span read once per doc: the mention and relation passes ask for the same mentions'
    tokens again and again, and spaCy builds a new ``Span`` each time.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Canal+ rachète OCS.")
        >>> char_span(doc, 8, 12).text, char_span(doc, 8, 12) is char_span(doc, 8, 12)
        ('rachète', True)
        >>> char_span(doc, 8, 12, strict=True) is None, doc.char_span(8, 12) is None
        (True, True)
    """
    last = _LAST_SPANS[0]
    if last is None or last[0] is not doc or last[1] != len(doc):
        rows = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        last = _LAST_SPANS[0] = (doc, len(doc), [r[0] for r in rows], [r[0] + r[1] for r in rows], {})
    key = (start, end, strict)
    if key in last[4]:
        return last[4][key]
    starts, ends = last[2], last[3]
    span = None
    # the token holding a character is the last one starting at or before it (a token's
    # trailing space is its own); no token holds a character outside the text
    text_end = len(doc_text(doc))
    first = bisect_right(starts, start) - 1 if 0 <= start < text_end else -1
    last_tok = bisect_right(starts, end - 1) - 1 if 0 <= end - 1 < text_end else -1
    if first >= 0 and last_tok >= 0:
        if strict:
            if start == starts[first] and end == ends[last_tok]:
                span = doc[first:last_tok + 1]
        else:
            if start == ends[first]:
                first += 1  # in the trailing space of a token: not that token
            span = doc[first:last_tok + 1]
    last[4][key] = span
    return span


def whole_word_hits(text: str, word: str, joiners: str = "") -> Iterator[tuple[int, int]]:
    """Offsets of each occurrence of ``word`` in ``text`` not inside a longer word: the
    characters around it are no word characters (``\\w``) nor one of ``joiners``. What
    ``re.finditer(r"(?<![\\w…])" + re.escape(word) + r"(?![\\w…])", text)`` finds, without
    compiling a pattern per word (a per-article name would miss ``re``'s cache every time).

    Example:
        >>> list(whole_word_hits("Neon, Neon Pictures et Neonbis", "Neon"))
        [(0, 4), (6, 10)]
        >>> list(whole_word_hits("l'AFP et AFP-Info", "AFP", "-'"))
        []
    """
    def wordy(c: str) -> bool:
        return c.isalnum() or c == "_" or c in joiners

    at, n = text.find(word), len(word)
    while at >= 0 and n:
        end = at + n
        if (at == 0 or not wordy(text[at - 1])) and (end == len(text) or not wordy(text[end])):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


@dataclass
class Context:
    """Mentions of one doc indexed by token, and the lexicon: what argument resolution needs."""

    doc: Doc
    mentions: list[Mention]
    lex: Lexicon
    by_token: dict[int, Mention] = field(default_factory=dict)
    #: ``doc.text``, read once (spaCy joins every token on each access).
    text: str = field(init=False, repr=False, default="")
    #: Each token's lower-case form, lower-case lemma and part of speech (:func:`token_words`).
    lower: list[str] = field(init=False, repr=False, default_factory=list)
    lemma: list[str] = field(init=False, repr=False, default_factory=list)
    pos: list[str] = field(init=False, repr=False, default_factory=list)
    #: :meth:`hedged` by token index, and the lower-case text of each sentence by its first token.
    _hedged: dict[tuple[int, bool], bool] = field(init=False, repr=False, default_factory=dict)
    _sent_texts: dict[int, str] = field(init=False, repr=False, default_factory=dict)
    #: :meth:`slot` by token index and slot name, :meth:`window_start` by the token it starts from.
    _slots: dict[tuple[int, str], list[Token]] = field(init=False, repr=False, default_factory=dict)
    _windows: dict[int, int] = field(init=False, repr=False, default_factory=dict)
    #: Starts of the works named as someone's earlier work (:func:`_career_reference`): no antecedent.
    _earlier: set[int] = field(init=False, repr=False, default_factory=set)

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)
        self._starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        self.lower, self.lemma, self.pos = token_words(self.doc)
        self._quotes = [(q.start(), q.end()) for q in _QUOTED.finditer(self.text)]
        self._sources = _cited_sources(self.text, self.mentions, self.lex.words("source_preps"))
        for m in self.mentions:
            span = self.span(m)
            if span is not None:
                for i in range(span.start, span.end):
                    self.by_token.setdefault(i, m)
                if m.type in ("CreativeWork", "Misc") and (_career_reference(span, self.lex) or _dated_apposition(span, self.lex)
                                                             or someone_elses_credit(span, self.lex)):
                    self._earlier.add(m.start)  # "déjà réalisateur d'Un triomphe": no later "le film" stands for it

    def at(self, tok: Token) -> Mention | None:
        """The mention covering ``tok``."""
        return self.by_token.get(tok.i)

    def name_before_comma(self, tok: Token) -> Mention | None:
        """The mention ending right before ", ``tok``": what a relative pronoun or an apposition
        there qualifies ("X, qui contrôle…", "Raphaëlle Bacqué, qui a coécrit…")."""
        if tok.i < 2 or self.doc[tok.i - 1].text != ",":
            return None
        before = self.doc[tok.i - 2]
        named = self.at(before)
        return named if named is not None and named.end == before.idx + len(before) else None

    def span(self, m: Mention) -> Span | None:
        """The tokens of ``m`` (:func:`char_span`: expanded to whole tokens, read once per offsets)."""
        return char_span(self.doc, m.start, m.end)

    def slot(self, trigger: Token, name: str) -> list[Token]:
        """:func:`slot` of ``trigger``, computed once per token and slot name (frames of the
        same verb ask for the same slots)."""
        found = self._slots.get((trigger.i, name))
        if found is None:
            found = self._slots[(trigger.i, name)] = slot(trigger, name)
        return list(found)

    def hedged(self, tok: Token, predicate: str | None = None) -> bool:
        """:func:`~kg.extract.hedging.is_hedged` at ``tok`` for a fact of ``predicate``, computed
        once per token, the lower-case text of its sentence once per sentence (several rules test
        the same verb)."""
        decided = predicate is not None and predicate.lower() in self.lex.words("hedge", "future_facts")
        found = self._hedged.get((tok.i, decided))
        if found is None:
            sent = tok.sent
            text = self._sent_texts.get(sent.start)
            if text is None:
                text = self._sent_texts[sent.start] = sent.text.lower()
            found = self._hedged[(tok.i, decided)] = is_hedged(tok, self.lex, text, decided=decided)
        return found

    def unasserted(self, tok: Token, predicate: str | None = None) -> bool:
        """Whether a fact of ``predicate`` triggered at ``tok`` is not asserted: hedged
        (:meth:`hedged`) or planned (:func:`~kg.extract.hedging.is_future`)."""
        return self.hedged(tok, predicate) or is_future(tok, self.lex, predicate)

    def antecedent(self, before: int, types: Iterable[str]) -> Mention | None:
        """The last mention of one of ``types`` that starts before offset ``before``
        (an untyped ``Misc`` mention takes the first compatible type)."""
        types = tuple(types)
        lo = self.window_start(before)
        # a typed mention first; an untyped one only when no typed one fits; a source
        # cited for a figure ("selon Médiamétrie") is no antecedent
        for m in reversed(self.mentions):
            if m.start in self._sources or m.start in self._earlier:
                continue  # "X, known for playing Y in Z": Z is not what "the series" stands for
            if lo <= m.start < before and m.type in types:
                return m
            if lo <= m.start < before:
                # a name typed otherwise here but given one of ``types`` earlier ("the thriller
                # Iron Harbor … Webb's Iron Harbor", the second read as a place)
                same = next((e for e in self.mentions if e.start < m.start and e.text == m.text and e.type in types), None)
                if same is not None:
                    return Mention(m.text, m.start, m.end, same.type, m.source + ">" + same.type)
        for m in reversed(self.mentions):
            if lo <= m.start < before and m.type == "Misc" and m.start not in self._sources | self._earlier:
                fit = self._fit(m, types)
                if fit is not None:
                    return fit
        return None

    def subject_pronoun(self, sent: Span) -> tuple[int, Mention] | None:
        """The first person subject pronoun of ``sent`` outside a quote, and the person named
        before the sentence it stands for ("Il y incarne un flic" after "Omar Sy"), if any."""
        words = self.lex.words("pronouns", "Person")
        for tok in sent:
            if tok.lower_ in words and tok.dep_.startswith("nsubj") and not self.in_quote(tok.idx):
                person = self.antecedent(sent.start_char, ("Person",))
                return (tok.i, person) if person is not None else None
        return None

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quote (after its opening mark)."""
        return any(a < offset < b for a, b in self._quotes)

    def window_start(self, before: int) -> int:
        """Offset of the earliest mention a pronoun or description at offset ``before`` may
        refer back to: its sentence and the ANTECEDENT_SENTENCES before it. In a long article
        the nearest name of the right type several paragraphs back is rarely the referent."""
        doc = self.doc
        if not len(doc):
            return 0
        # the last token that starts at or before ``before``
        i = max(bisect_right(self._starts, before) - 1, 0)
        found = self._windows.get(i)
        if found is None:
            found = self._windows[i] = self._window_start_at(i)
        return found

    def _window_start_at(self, i: int) -> int:
        """:meth:`window_start` from token ``i``."""
        doc = self.doc
        tok = doc[i]
        start = tok.sent.start
        n = 0
        while n < ANTECEDENT_SENTENCES and start > 0:
            prev = doc[start - 1].sent
            start = prev.start
            if not prev.text.strip() or self.in_quote(prev.start_char):
                continue  # a blank line is no sentence; a quote's sentences count as one
            n += 1
        return doc[start].idx

    def prominent(self, tok: Token, types: tuple[str, ...]) -> Mention | None:
        """The most prominent earlier entity for a subject pronoun or a possessive at ``tok``:
        the subject of a governing clause before it ("Netflix a révélé que son patron…",
        "Microsoft a racheté X, un pari défendu par son PDG"), else the subject of the
        previous sentence's main clause ("Le film… a été fabriqué… Il a remporté…").
        """
        seen = {tok.i}
        node = tok
        for _ in range(12):
            if node.head.i == node.i:
                break
            node = node.head
            for c in node.children:
                if c.dep_ in SUBJ | PASS_SUBJ and c.i < tok.i and c.i not in seen and not c.is_ancestor(tok) and c.pos_ != "PRON":
                    found = self.resolve(c, types, follow_conj=False)
                    if found:
                        return found[0]
        sent = tok.sent
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            for c in prev.root.children:
                if c.dep_ in SUBJ | PASS_SUBJ and c.pos_ != "PRON":
                    found = self.resolve(c, types, follow_conj=False)
                    if found:
                        return found[0]
        return None

    def salient(self, tok: Token, types: tuple[str, ...], depth: int = 0) -> Mention | None:
        """The topic a definite description ("la société", "du studio") refers back to: the
        latest clause subject of ``types`` before ``tok`` in its sentence or the two before,
        rather than the nearest mention (often an object: "X a noué un partenariat avec Y.
        … vice-président du studio" is X)."""
        doc = self.doc
        start = self.doc[bisect_right(self._starts, self.window_start(tok.idx)) - 1].i
        for c in reversed(doc[start:tok.i]):
            if c.dep_ not in SUBJ | PASS_SUBJ or c.is_ancestor(tok) or tok.is_ancestor(c) or c.i == tok.i:
                continue
            if c.pos_ == "PRON" or depth > 2:
                continue
            m = self.at(c)
            if m is None:
                # "The film's distributor, Neon, plans…": the name in apposition
                m = next((self.at(a) for a in c.children if a.dep_ in ("appos", "flat", "flat:name") and self.at(a) is not None), None)
            if m is None and c.pos_ == "NOUN" and c.lemma_.lower() in self.lex.words("anaphors", types[0]):
                m = self.salient(c, types, depth + 1) or self.antecedent(c.idx, types)
            fit = self._fit(m, types) if m is not None else None
            if fit is not None and fit.type == "CreativeWork" and (span := self.span(fit)) is not None \
                    and reference_work(span, self.lex):
                continue  # "Chris Mundy, the Ozark co-creator, co-wrote the series": not Ozark
            if fit is not None and fit.start < tok.idx:
                return self._acquired(c, tok, types) or fit
        return None

    def document_topic(self, description: Token, types: tuple[str, ...]) -> Mention | None:
        """The entity of ``types`` a ``description`` ("la société") names as the article's topic:
        the subject of its first sentence's main clause ("Wild Bunch passe sous contrôle
        allemand."), or the company bought when that clause is an acquisition ("Sony a racheté
        Crunchyroll"), unless the description is a buyer's noun. None when the first sentence's
        subject is of another type or no name."""
        doc = self.doc
        if not len(doc):
            return None
        first = next(iter(doc.sents))
        root = first.root
        for c in root.children:
            if c.dep_ in SUBJ | PASS_SUBJ and c.pos_ != "PRON":
                found = self.resolve(c, types, follow_conj=False)
                # the name of the subject, or one attached to its noun ("La société Dubbly a signé…")
                if found and found[0].start < c.right_edge.idx + len(c.right_edge):
                    return self._acquired(c, description, types) or found[0]
                return None
        if root.i == first.start and root.pos_ == "PROPN":  # "Qobuz accélère…" with the verb misread
            found = self.resolve(root, types, follow_conj=False)
            return found[0] if found else None
        return None

    def _acquired(self, subj: Token, tok: Token, types: tuple[str, ...]) -> Mention | None:
        """The company bought when ``subj`` is the buyer ("Autodesk has acquired Wonder
        Dynamics. … the company uses…", "Sony a racheté Crunchyroll. … la plateforme"): the
        news is about the company acquired, which later descriptions name, unless the
        description is a buyer's noun ("le groupe", "the giant": ``acquirer_nouns``)."""
        verb = subj.head
        passive = subj.dep_ not in SUBJ and any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)
        if subj.dep_ not in SUBJ | PASS_SUBJ or passive or verb.pos_ != "VERB" or tok.lemma_.lower() in self.lex.words("acquirer_nouns") \
                or tok.lower_ in self.lex.words("acquirer_nouns"):
            return None
        if verb.lemma_.lower() not in _acquisition_verbs(self.lex):
            return None
        for obj in verb.children:
            if obj.dep_ in OBJ and obj.i > subj.i:
                found = self.at(obj)
                fit = self._fit(found, types) if found is not None else None
                if fit is not None and fit.start < tok.idx:
                    return fit
        return None

    def descriptors(self, m: Mention) -> set[str]:
        """The nouns a name was introduced with, anywhere in the doc: "le groupe parisien X"
        and "X, un studio d'animation" give {"groupe"} and {"studio"}."""
        out: set[str] = set()
        for o in self.mentions:
            if o.text == m.text:
                out |= self._descriptors_at(o)
        return out

    def _descriptors_at(self, m: Mention) -> set[str]:
        span = self.span(m)
        if span is None:
            return set()
        nouns = self.lex.words("anaphors", m.type)
        out: set[str] = set()
        i = span.start - 1
        while i >= 0 and self.doc[i].pos_ == "ADJ":
            i -= 1
        if i >= 0 and self.doc[i].pos_ == "NOUN" and self.doc[i].lemma_.lower() in nouns:
            out.add(self.doc[i].lemma_.lower())
        j = span.end
        if j + 1 < len(self.doc) and self.doc[j].text == "," and self.doc[j + 1].pos_ == "NOUN" \
                and self.doc[j + 1].lemma_.lower() in nouns:
            out.add(self.doc[j + 1].lemma_.lower())  # "X, réalisateur de W"
        if j + 2 < len(self.doc) and self.doc[j].text == "," and self.doc[j + 1].pos_ == "DET":
            k = j + 2
            while k < len(self.doc) and self.doc[k].pos_ == "ADJ":
                k += 1
            if k < len(self.doc) and self.doc[k].pos_ == "NOUN" and self.doc[k].lemma_.lower() in nouns:
                out.add(self.doc[k].lemma_.lower())
        return out

    def described(self, tok: Token, typ: str) -> Mention | None:
        """The latest earlier name of type ``typ`` introduced with the noun of the description
        ``tok`` ("le réalisateur Jacques Audiard … le réalisateur"), within the antecedent window."""
        kind = tok.lemma_.lower()
        lo = self.window_start(tok.idx)
        for m in reversed(self.mentions):
            if lo <= m.start < tok.idx and m.type == typ and kind in self._descriptors_at(m):
                return m
        return None

    def _same_kind(self, tok: Token, topic: Mention | None) -> Mention | None:
        """``topic`` for the description ``tok`` ("le studio"), unless the topic was introduced
        with another noun ("le groupe X") and an earlier name was introduced with this one
        ("Y, un studio d'animation"): then that name."""
        if topic is None:
            return None
        kind = tok.lemma_.lower()
        have = self.descriptors(topic)
        if not have or kind in have:
            return topic
        for m in reversed(self.mentions):
            if m.start < tok.idx and m.type == topic.type and m.text != topic.text and kind in self.descriptors(m):
                return m
        return topic

    def _person_topic(self, tok: Token) -> bool:
        """Whether the main subject of the sentence before ``tok`` is a person: a person's
        name or a person noun ("la réalisatrice", "the director")."""
        sent = tok.sent
        if sent.start == 0:
            return False
        prev = self.doc[sent.start - 1].sent
        if not prev.text.strip() and prev.start > 0:
            prev = self.doc[prev.start - 1].sent
        # the first subject of the sentence (the parser may hang it on a participle)
        for c in prev:
            if c.dep_ in SUBJ | PASS_SUBJ and c.pos_ != "PRON":
                m = self.at(c)
                if m is not None:
                    return m.type == "Person"
                return c.pos_ == "NOUN" and c.lemma_.lower() in self.lex.words("anaphors", "Person")
        return False

    def _mistyped_topic(self, tok: Token, typ: str) -> bool:
        """Whether a clause subject before ``tok`` (this sentence or the one before) is a name
        typed neither ``typ`` nor Person ("Blumhouse" read as a place): then "the company" most
        likely refers to it, and another organisation would be a wrong guess."""
        doc = self.doc
        start = tok.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        for c in doc[start:tok.i]:
            if c.dep_ in SUBJ | PASS_SUBJ and c.pos_ == "PROPN" and not c.is_ancestor(tok):
                m = self.at(c)
                if m is not None and m.type not in (typ, "Person", "Misc"):
                    return True
        return False

    def possessor(self, det: Token, types: tuple[str, ...]) -> Mention | None:
        """What a possessive determiner ("son", "sa", "its") refers to."""
        if self.doc.lang_ == "fr":
            return self.prominent(det, types) or self.topic_antecedent(det, types)
        return self.prominent(det, types) or self.antecedent(det.idx, types)

    def topic_antecedent(self, tok: Token, types: tuple[str, ...]) -> Mention | None:
        """A safer fallback than the nearest mention when no clause subject was found for a
        description or possessive at ``tok`` (French): the only candidate of ``types`` in its
        sentence and the two before; else a name opening its sentence, the topic ("Ubisoft,
        dont le siège est à Saint-Mandé, a créé une filiale baptisée X, … PDG de l'éditeur" is
        Ubisoft, not X); else nothing, since the nearest name is often an object or a client."""
        doc = self.doc
        start = tok.sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        lo = doc[start].idx
        cands: list[tuple[Mention, Token]] = []
        for m in self.mentions:
            if not lo <= m.start < tok.idx or m.start in self._sources:
                continue
            fit = self._fit(m, types)
            span = self.span(m)
            if fit is not None and span is not None and not span[0].is_ancestor(tok):
                cands.append((fit, span[0]))
        if not cands:
            return self.antecedent(tok.idx, types) if start == 0 else None
        if len({m.text for m, _ in cands}) == 1:
            return cands[-1][0]
        for m, first in reversed(cands):
            if first.i == first.sent.start:
                return m
        for m, first in reversed(cands):
            # the name a clause's subject noun introduces ("La plateforme X a signé avec Y. … la jeune pousse")
            if first.dep_ in ("nmod", "appos", "flat:name") and first.head.i < first.i and prep_of(first) == "" \
                    and first.head.dep_ in SUBJ | PASS_SUBJ and first.head.pos_ == "NOUN" \
                    or self._introduced_subject(m, first, types):
                return m
        # else a name that is an argument of a verb ("X a cofondé Mediawan … Le groupe"),
        # not one inside an apposition or a complement ("fondateur d'Iliad")
        for m, first in reversed(cands):
            if first.dep_ in ("obj", "iobj", "obl", "obl:mod", "obl:arg") and first.head.pos_ in ("VERB", "AUX"):
                return m
        return None

    def _introduced_subject(self, m: Mention, first: Token, types: tuple[str, ...]) -> bool:
        """Whether the name ``m`` (first token ``first``) reads on the surface as its clause's subject
        introduced by a description: a definite article, a noun of ``types``' anaphors (and
        adjectives) right before it, at the start of the sentence or after a comma, and a verb
        right after it ("Basée à Lyon, la jeune pousse Vocalis a conçu…", whatever the parse)."""
        doc = self.doc
        span = self.span(m)
        if span is None or span.end >= len(doc) or doc[span.end].pos_ not in ("VERB", "AUX"):
            return False
        i = first.i - 1
        while i > first.sent.start and doc[i].pos_ == "ADJ":
            i -= 1
        nouns = set().union(*(self.lex.words("anaphors", t) for t in types))
        if i <= first.sent.start or doc[i].lemma_.lower() not in nouns or not doc[i].is_lower:
            return False
        j = i - 1
        while j > first.sent.start and doc[j].pos_ == "ADJ":
            j -= 1
        det = doc[j]
        return det.pos_ == "DET" and "Def" in det.morph.get("Definite") \
            and (det.i == det.sent.start or doc[det.i - 1].text == ",")

    def resolve(self, tok: Token, types: tuple[str, ...], *, follow_conj: bool = True) -> list[Mention]:
        """The mentions that ``tok`` stands for, restricted to ``types``.

        Tries, in order: a mention covering the token; a named mention attached to it
        ("la série Lupin", "le patron …, Ted Sarandos"); an antecedent for a pronoun,
        a possessive or a definite description ("la société", "il"); a source noun
        ("la bande dessinée") when a Concept is acceptable.
        """
        tokens = with_conjuncts([tok]) if follow_conj else [tok]
        if follow_conj and self.at(tok) is not None:
            # "Chapter 2 et Pathé": the conjunct may hang on any word of a multi-word name
            span = self.span(self.at(tok))
            if span is not None:
                tokens += [t for t in with_conjuncts(list(span)) if t not in tokens and t.i >= span.end]
        out: list[Mention] = []
        for t in tokens:
            m = self._resolve_one(t, types)
            if m is not None and m not in out:
                out.append(m)
        if follow_conj and out and self.at(tok) is not None and self.at(tok).start == out[0].start:
            out += [m for m in self.surface_list(out[0]) if m not in out]
            before = self._list_head_before(tok, out[0])
            if before is not None and before not in out:
                out.insert(0, before)
        return out

    def _list_head_before(self, tok: Token, m: Mention) -> Mention | None:
        """"TF1 et Netflix ont noué un partenariat", parsed with TF1 as the root and the verb
        as its conjunct: the name before "et" is the other subject of the verb ``tok`` heads."""
        doc = self.doc
        span = self.span(m)
        if span is None or span.start < 2 or doc[span.start - 1].lower_ not in ("et", "and", "&") \
                or tok.dep_ not in SUBJ or tok.head.dep_ != "conj":
            return None
        first = self.at(doc[span.start - 2])
        if first is None or first.type != m.type:
            return None
        head = self.span(first)
        return first if head is not None and tok.head.head.i in range(head.start, head.end) else None

    def surface_list(self, first: Mention) -> list[Mention]:
        """The names listed after ``first`` in the text when the parser split the list:
        "par A, B et C" where B and C came out as the subject of the main verb. Only a list
        closed by "et"/"and"/"&", of names of ``first``'s type, and only members the parse
        leaves without a role of their own: a subject of a verb that has another subject
        ("Le groupe cofondé par A, B et C a annoncé") is taken, the sole subject of a verb
        ("réalisé par A, B et C incarnent…") is not.
        """
        if first.type not in ("Person", "Organization"):
            return []
        doc = self.doc
        span = self.span(first)
        if span is None:
            return []
        found: list[Mention] = []
        filler = self.lex.union("list_filler_words", "demonyms")
        j = span.end
        while j + 1 < len(doc) and len(found) < 8:
            sep = doc[j]
            if sep.text == "," and doc[j + 1].lower_ in ("and", "et"):
                j, closing = j + 1, True  # ", and C"
            else:
                closing = sep.lower_ in ("et", "and", "&")
            k = j + 1  # "propriétaire d'A, d'B et de C", "l'allemand A et l'italien B"
            while k < len(doc) and k - j <= 3 and self.at(doc[k]) is None and doc[k].lower_ in filler:
                k += 1
            k = self._past_class_noun(k, first.type)  # "et le site culinaire Miam.fr", "and the channel X"
            nxt = self.at(doc[k]) if k < len(doc) else None
            if nxt is not None and nxt.type == "Misc":
                nxt = self._fit(nxt, (first.type,)) or nxt  # "Paris Match" left untyped by NER
            if not (sep.text == "," or closing) or nxt is None or nxt.type != first.type \
                    or nxt.start != doc[k].idx:
                return []
            found.append(nxt)
            member = self.span(nxt)
            if member is None:
                return []
            if closing:
                break
            j = member.end
        else:
            return []
        if not found or not any(t.lower_ in ("et", "and", "&") for t in doc[span.end:member.start]):
            return []
        for m in found:
            root = self.span(m).root
            if root.dep_ in SUBJ | PASS_SUBJ:
                others = [c for c in root.head.children if c.dep_ in SUBJ | PASS_SUBJ and c.i != root.i]
                if not others:
                    return []
        return found

    def _past_class_noun(self, k: int, typ: str) -> int:
        """The token after a class noun that introduces a listed name of type ``typ`` (lexicon
        ``anaphors``): "le site culinaire 750g", "la chaîne Gulli", "the channel X". Up to two
        lower-case adjectives may follow the noun; ``k`` itself when no such noun is there."""
        doc = self.doc
        if k >= len(doc) or self.at(doc[k]) is not None or doc[k].pos_ != "NOUN" \
                or doc[k].lemma_.lower() not in self.lex.words("anaphors", typ):
            return k
        i = k + 1
        while i < len(doc) and i - k <= 2 and self.at(doc[i]) is None and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i += 1
        return i if i < len(doc) and self.at(doc[i]) is not None else k

    def fit(self, m: Mention | None, types: tuple[str, ...]) -> Mention | None:
        """``m`` if its type is one of ``types``; an untyped (``Misc``) mention retyped to the
        first compatible one of ``types``; else None."""
        return self._fit(m, types)

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
        if direct is None and tok.lower_ in self.lex.words("intensive_pronouns") and tok.i >= 2 \
                and self.doc[tok.i - 1].text == ",":
            # "X appartient à Y, lui-même contrôlé par Z": the name right before the comma
            return self._fit(self.at(self.doc[tok.i - 2]), types)
        if direct is not None:
            fit = self._fit(direct, types)
            # a common noun the gazetteer knows as a concept ("un drame", "la comédie",
            # "le film d'animation") may still head a description of a named entity
            if fit is not None or direct.type != "Concept" or tok.pos_ not in ("NOUN", "ADJ"):
                return fit
        # a part of a work stands for the work in a work slot: "the first episodes of X", "la saison 2 de Lupin"
        if "CreativeWork" in types and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.words("work_part_nouns"):
            for prep, noun in obliques(tok):
                if prep in ("of", "de", "du", "des", "d'", "d’"):
                    m = self._fit(self.at(noun), ("CreativeWork",)) if self.at(noun) is not None else None
                    if m is None and self.at(noun) is not None:
                        # "the final series of Succession": what a season is of is a work, however
                        # the statistical NER typed its title
                        m = next(iter(name_read_as_work(self, [noun], ("CreativeWork",))), None)
                    if m is not None:
                        return m
        # a description in apposition to a name ("L'Eternaut, un drame ...")
        named = apposed_to(tok)
        if named is not None and self.at(named) is not None:
            m = self._fit(self.at(named), types)
            if m is not None:
                return m
        # a named mention attached to a head noun, possibly behind a concept
        # ("le film d'animation Flow")
        kids = [g for c in tok.children if c.dep_ == "nmod" and self.at(c) is not None and self.at(c).type == "Concept"
                and c.i > tok.i for g in c.children]
        kids += list(tok.children)
        # a work or product noun names a work or product first ("le film Flow")
        head_types = types
        if tok.lemma_.lower() in self.lex.words("work_nouns") and tok.pos_ == "NOUN":
            if "CreativeWork" not in types and not (types and set(types) <= {"Concept"}):
                return None  # "la série" never stands for a company or a person
            head_types = ("CreativeWork",)
        elif tok.lemma_.lower() in self.lex.words("product_nouns") and "Product" in types:
            head_types = ("Product",)
        elif self.doc.lang_ == "fr" and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.words("product_nouns") \
                and "Organization" in types:
            return None  # "un outil … que X utilise" never stands for a company
        for child in kids:
            if child.dep_ in ("appos", "flat", "flat:name", "nmod", "compound", "nummod", "dep", "amod") and prep_of(child) in ("", "de"):
                m = self._fit(self.at(child), head_types)
                if m is not None and child.dep_ == "amod" and (m.start != child.idx or child.pos_ == "ADP"):
                    continue
                if m is not None and m.type in ("Person", "Organization") and self._introduced(m, child):
                    continue  # "la série d'Apple TV+", "le film de X": a possessor, not a name
                # "la saison 2 de Lupin" names the work; "la série de FX" names its channel, not the series
                part = tok.lemma_.lower() in self.lex.words("work_part_nouns") or tok.lemma_.lower() not in self.lex.words("work_nouns")
                if m is not None and (child.dep_ != "nmod" or not self._introduced(m, child)
                                      or self._is_named_head(tok) and (part or m.type == "CreativeWork" and not fitted(m))):
                    return m
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.words("work_nouns"):
            # "joue une avocate dans le film Les Oubliés": the parser often hangs the title elsewhere
            # than on its noun; a title right after the work noun (an adjective between) is its name
            m = self.title_after(tok)
            if m is not None:
                return m
        lemma = tok.lemma_.lower()
        lex = self.lex
        if tok.lower_ in lex.words("latest_referents") and any(c.dep_ == "det" for c in tok.children):
            # "ce dernier", "the latter": the last entity of a wanted type named before
            return self.antecedent(tok.idx, types or ("Person", "Organization"))
        if tok.pos_ == "PRON" or tok.lower_ in lex.words("pronouns", "Person") or tok.lower_ in lex.words("pronouns", "Organization"):
            if tok.lower_ in _DEICTIC:
                return None
            want = types or ("Person", "Organization")
            if tok.lower_ in lex.words("pronouns", "Person") and tok.lower_ not in lex.words("pronouns", "Organization"):
                # "he", "she": a person, never the nearest company or film
                want = tuple(t for t in want if t == "Person")
                if not want:
                    return None
            # relative pronoun: the noun the relative clause qualifies ("Netflix, qui…")
            if is_relative(tok):
                verb = tok.head
                while verb.dep_ == "conj" and verb.head.i != verb.i:
                    verb = verb.head
                if verb.dep_ in ("acl:relcl", "relcl", "acl") and verb.head.i != verb.i:
                    head = verb.head
                    named = self.name_before_comma(tok)
                    if head.pos_ in ("VERB", "AUX") and named is not None:
                        # "Elle remplace X, qui prend la tête de Y" with the relative hung on the verb:
                        # the name right before the comma is what the relative qualifies
                        fit = self._fit(named, types or ("Person", "Organization"))
                        if fit is not None:
                            return fit
                    while head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "acl:relcl", "relcl") and head.head.i != head.i:
                        head = head.head  # "le studio X, basé à Paris, qui a produit…"
                    # "la société fondée par X, qui produit Y": after a comma, the relative
                    # qualifies the noun of the participle phrase, not its agent
                    agent_of = head.head
                    if head.dep_ == "obl:agent" and agent_of.dep_ in ("acl", "amod") and agent_of.head.i < agent_of.i \
                            and tok.i > 0 and self.doc[tok.i - 1].text == "," and agent_of.head.pos_ == "NOUN":
                        head = agent_of.head
                    found = self.resolve(head, types, follow_conj=False)
                    if found:
                        return found[0]
                    if self.doc.lang_ == "en" and head.pos_ in ("PROPN", "NOUN") and not (
                            head.lower_ in lex.union(("pronouns", "Person"), ("pronouns", "Organization"))):
                        # "…, which took home the Oscar": a relative stands for its head noun only;
                        # a head of another type gives nothing rather than some earlier entity
                        return None
                    if head.pos_ == "NOUN" and not any(head.lemma_.lower() in lex.words("anaphors", t) for t in want) \
                            and self.at(head) is None:
                        return None  # "une voie qui permet d'utiliser l'IA": a common noun no entity of ``want``
            if tok.dep_ in SUBJ | PASS_SUBJ | {"expl:subj"} and "1" not in tok.morph.get("Person") \
                    and "2" not in tok.morph.get("Person"):
                m = self.prominent(tok, want)
                if m is not None and m.start < tok.idx:
                    return self._fit(m, types)
                if self._person_topic(tok) and "Person" not in want:
                    return None  # "La réalisatrice … Elle a passé deux ans…": the person, not a film
            m = self.antecedent(tok.idx, want)
            if m is not None and tok.dep_ in OBJ | {"iobj"} and tok.head.i != tok.i:
                # an object pronoun never stands for its own verb's subject ("A et B, qui l'avaient
                # nommé": not B): the antecedent before them
                subjects = [s for t in subject_of(tok.head) if t.i != tok.i for s in self.resolve(t, ("Person", "Organization"))]
                spans = [sp for s in subjects if (sp := self.span(s)) is not None]
                own = {(s.start, s.end) for s in subjects} | {  # with the names coordinated with them
                    (c.start, c.end) for sp in spans for t in with_conjuncts([sp.root]) if (c := self.at(t)) is not None}
                for _ in range(3):
                    if m is None or (m.start, m.end) not in own:
                        break
                    m = self.antecedent(m.start, want)
            return self._fit(m, types)
        for typ in types:
            nominal = tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and tok.dep_ in SUBJ | PASS_SUBJ | OBJ | {"pobj", "attr", "appos"})
            # a determiner, or one fused with the preposition ("vice-président du studio")
            # an indefinite ("une comédie réalisée par X", "a second feature") introduces a new referent
            definite = any((c.dep_ == "det" and c.lower_ not in _INDEFINITE and "Ind" not in c.morph.get("Definite"))
                           or (c.dep_ == "case" and c.lower_ in ("du", "au")) for c in tok.children)
            if lemma in lex.words("anaphors", typ) and nominal and not definite:
                # but a predicate nominal is its subject: "X is a thriller", "X was turned into a series"
                subject = _predicated_subject(tok, lex.words("into_verbs"))
                if subject is not None and subject.i != tok.i:
                    found = self._resolve_one(subject, (typ,))
                    if found is not None:
                        return found
            if nominal and definite and (lemma in lex.words("anaphors", typ)
                                         or typ == "CreativeWork" and self._demonstrative_genre(tok)):
                # "le groupe Canal+" is named; "le groupe, dont le siège est à Paris" is not; "le film
                # de Justine Triet" is the film named before (its maker is no name; not "l'adaptation de Dumas")
                if not any(c.dep_ in ("nmod", "amod") and c.pos_ == "PROPN" and prep_of(c) in ("", "de")
                           and not (typ == "CreativeWork" and prep_of(c) == "de" and self.at(c) is not None
                                    and self.at(c).type == "Person"
                                    and lemma in lex.union("director_nouns", "authored_work_nouns"))
                           for c in tok.children):
                    if typ == "CreativeWork":
                        # a work that was a clause subject (the topic) before the nearest one
                        # ("Conclave … features X. Focus released the thriller")
                        topic = self.salient(tok, (typ,)) if self.doc.lang_ == "en" else None
                        return topic or self._work_antecedent(tok)
                    if typ == "Organization":
                        topic = self._same_kind(tok, self.salient(tok, (typ,)))
                        if topic is None and self.doc.lang_ == "en" and self._mistyped_topic(tok, typ):
                            return None  # the topic is a name of another type: likely mistyped, abstain
                        if topic is None and self.doc.lang_ == "fr":
                            return self._same_kind(tok, self.topic_antecedent(tok, (typ,)))
                        return topic or self.antecedent(tok.idx, (typ,))
                    if typ == "Person":  # "le réalisateur", "l'acteur": the person introduced as such
                        described = self.described(tok, typ)
                        if described is not None:
                            return described
                    return self.antecedent(tok.idx, (typ,))
        if "Concept" in types:
            phrase = source_phrase(tok, lex)
            if phrase is not None:
                start, end = phrase
                return Mention(self.text[start:end], start, end, "Concept", "context:source")
        return None

    def _work_antecedent(self, tok: Token) -> Mention | None:
        """The work a description ("the film") refers back to, skipping a work introduced
        by another kind of work noun ("the film" is not "Pynchon's novel Vineland")."""
        sources = self.lex.words("source_nouns") - {tok.lemma_.lower()}
        kinds = {tok.lemma_.lower(), tok.lower_}
        source_anaphor = bool(kinds & self.lex.words("source_nouns"))  # "le roman" may name the source
        fallback = None
        lo = self.window_start(tok.idx)
        for m in reversed(self.mentions):
            if m.start >= tok.idx or m.start < lo or m.type != "CreativeWork" or m.start in self._earlier:
                continue  # (not "déjà réalisateur d'Un triomphe", even as a last resort)
            if self.text[max(0, m.start - 2):m.start].strip().endswith("("):
                continue  # a bracketed filmography title ("X (L'Ascension)") is not what "la série" is about
            span = self.span(m)
            prev = self.doc[span.start - 1] if span is not None and span.start > 0 else None
            if prev is not None and prev.lemma_.lower() in sources and prev.lemma_.lower() not in kinds \
                    and prev.lower_ not in kinds or span is not None and not source_anaphor and reference_work(span, self.lex) \
                    or span is not None and someones_work(span, self.lex):
                fallback = fallback or m
                continue
            return m
        if tok.lemma_.lower() in self.lex.words("work_nouns"):
            # an untyped title the NER left as MISC ("Dans L'Amour ouf, ... Le film, produit par"),
            # also before a work introduced by another kind of noun ("X est tirée du roman Y. Le film…")
            for m in reversed(self.mentions):
                if lo <= m.start < tok.idx and m.type == "Misc" and m.start not in self._earlier:
                    fit = self._fit(m, ("CreativeWork",))
                    if fit is not None or fallback is None:
                        return fit
        if not source_anaphor or fallback is None and kinds & self.lex.words("work_nouns"):
            # only a source or an earlier work within the window, or no work at all: the passage's
            # own work named before it, if any ("L'Attachement sort… Adapté de L'Intimité, … ce
            # mélodrame"; "X sort mercredi. [three sentences of quotes] Le film est distribué par Y")
            for m in reversed(self.mentions):
                if m.start >= lo:
                    continue
                span = self.span(m)
                if span is None or reference_work(span, self.lex) \
                        or self.text[max(0, m.start - 2):m.start].strip().endswith("("):
                    continue
                if m.type == "CreativeWork":
                    return m
                if m.type == "Misc" and span.root.dep_ in SUBJ:  # an untyped title as its clause's subject
                    return self._fit(m, ("CreativeWork",))
        return fallback

    def _demonstrative_genre(self, tok: Token) -> bool:
        """Whether ``tok`` is a genre noun behind a demonstrative (lexicon ``genre_nouns``,
        ``demonstratives``): "ce polar", "this thriller" stand for an earlier work."""
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.words("genre_nouns") and any(
            c.dep_ == "det" and c.lower_ in self.lex.words("demonstratives") for c in tok.children)

    def _introduced(self, m: Mention, child: Token) -> bool:
        """Whether mention ``m`` (found at ``child``) is introduced by a preposition."""
        span = self.span(m)
        first = span[0] if span is not None else child
        prev = self.doc[first.i - 1] if first.i > 0 else None
        return bool(prep_of(child) or prep_of(first)) or (prev is not None and prev.pos_ == "ADP")

    def company_work(self, m: Mention, nouns: frozenset[str]) -> Mention | None:
        """The work named right after the company ``m`` and one of ``nouns`` ("the Paramount Network
        hit Yellowstone", "the Netflix original Winter Kings"), else None."""
        span = self.span(m) if m.type == "Organization" else None
        if span is None or span.end + 1 >= len(self.doc) or self.doc[span.end].lower_ not in nouns:
            return None
        title = self.at(self.doc[span.end + 1])
        return title if title is not None and title.type == "CreativeWork" and title.start == self.doc[span.end + 1].idx else None

    def title_after(self, noun: Token) -> Mention | None:
        """The work named right after the work noun ``noun`` on the surface, adjectives between
        ("le film Les Oubliés", "la série britannique Top Boy"), whatever the parse made of it."""
        doc, i = self.doc, noun.i + 1
        while i < len(doc) and i <= noun.i + 2 and doc[i].pos_ == "ADJ" and self.at(doc[i]) is None:
            i += 1
        m = self.at(doc[i]) if i < len(doc) else None
        if m is None or m.start != doc[i].idx:
            return None
        return self._fit(m, ("CreativeWork",))

    def _is_named_head(self, tok: Token) -> bool:
        """Whether ``tok`` (alone or with the next word: "bande dessinée") is a noun that takes a name."""
        heads = self._named_heads()
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        return tok.lemma_.lower() in heads or tok.lower_ in heads or f"{tok.lower_} {nxt}" in heads

    def _named_heads(self) -> frozenset[str]:
        lex = self.lex
        return lex.union("work_nouns", "product_nouns", "source_nouns", "work_part_nouns", "named_service_nouns")


def _cited_sources(text: str, mentions: list[Mention], preps: frozenset[str]) -> frozenset[int]:
    """Starts of the mentions cited as a source ("selon Médiamétrie", "according to Nielsen").

    Example:
        >>> m = Mention("Nielsen", 13, 20, "Organization", "ner")
        >>> sorted(_cited_sources("according to Nielsen", [m], frozenset({"according to"})))
        [13]
    """
    out = set()
    for m in mentions:
        before = text[max(0, m.start - 24):m.start].lower().rstrip()
        for prep in preps:
            if before.endswith(prep) and (len(before) == len(prep) or not before[-len(prep) - 1].isalnum()):
                out.add(m.start)
    return frozenset(out)


def apposed_to(tok: Token) -> Token | None:
    """The name a descriptive noun phrase stands in apposition to.

    Uses the parse (``appos``) and, as the parser often misses appositions after a
    parenthesis, the surface pattern ``NAME [(…)] , un/une/a/an NOUN``.
    """
    if tok.dep_ == "appos" and tok.head.i < tok.i:
        return tok.head
    dets = [c for c in tok.children if c.dep_ == "det" and c.i < tok.i]
    doc = tok.doc
    if not dets and tok.pos_ == "NOUN" and tok.i >= 2 and doc[tok.i - 1].text == "," and doc.lang_ == "fr" \
            and (doc[tok.i - 2].pos_ == "PROPN" or doc[tok.i - 2].text[:1].isupper()):
        return doc[tok.i - 2]  # "Nébula, société de production basée à…": a bare apposition
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
    if tok.dep_ in SUBJ | PASS_SUBJ and tok.head.i == tok.sent.root.i and in_fronted_phrase(doc, i, chain=True) \
            or tok.dep_ in SUBJ | PASS_SUBJ and in_fronted_phrase(doc, i):
        # "Adaptée du jeu de Naughty Dog, la fiction est…", "Coécrit par A, produit par X et Y, le
        # drame a reçu…": the subject after a fronted phrase, or a chain of them before the main clause
        return None
    if i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "X", "NUM") or (i >= 0 and doc[i].text in ("»", "”", '"')):
        return doc[i - 1] if doc[i].text in ("»", "”", '"') and i > 0 else doc[i]
    return None


def possessive_work_noun(poss: Token, lex: Lexicon) -> tuple[Token, int] | None:
    """The work noun and the title's first token after a person's possessive with modifiers in
    between: "Colson Whitehead's Pulitzer-winning novel The Nickel Boys" -> (novel, The),
    "Kendrick Lamar's Drake diss track Not Like Us" -> (track, Not). ``poss`` is the "'s".
    None when no work noun followed by a capitalised word comes within five words."""
    doc = poss.doc
    nouns = lex.union("work_nouns", "authored_work_nouns", "director_nouns")
    end = min(len(doc) - 1, poss.i + 6, poss.sent.end - 1)
    for j in range(poss.i + 1, end):
        t = doc[j]
        if t.is_punct and t.text not in ("-", "‑"):
            return None
        if t.text[:1].islower() and (t.lemma_.lower() in nouns or t.lower_ in nouns) and t.pos_ in ("NOUN", "PROPN", "ADJ"):
            nxt = doc[j + 1]
            if nxt.text in ("“", '"', "«") and j + 2 < len(doc):
                nxt = doc[j + 2]
            return (t, nxt.i) if nxt.text[:1].isupper() else None
    return None


def frame_participles(lex: Lexicon) -> frozenset[str]:
    """The past participles of every one-word verb frame lemma of ``lex`` ("cofondée",
    "produits"): a capitalised one opening a sentence is a fronted participle, whatever its tag.

    Example:
        >>> from kg.lexicon import load_lexicon
        >>> "cofondée" in frame_participles(load_lexicon("fr"))
        True
    """
    return lex.derived("frame_participles", lambda lx: frozenset(
        f for frame in lx.frames if frame.kind == "verb" for lemma in frame.lemmas
        if " " not in lemma for f in past_participles(lemma)))


def _acquisition_verbs(lex: Lexicon) -> frozenset[str]:
    """Lemmas of the one-word verb frames of ``acquires`` whose subject is the buyer."""
    return lex.derived("acquisition_verbs", lambda lx: frozenset(
        lemma for f in lx.frames if f.kind == "verb" and f.predicate == "acquires" and f.subject == "agent"
        for lemma in f.lemmas if " " not in lemma))


def in_fronted_phrase(doc: Doc, i: int, *, chain: bool = False) -> bool:
    """Whether token ``i`` ends a phrase that opens its sentence with a participle or a
    preposition and runs to the next comma ("Produite par HBO, …", "Dans Lupin, …"); with
    ``chain``, over its commas too, as a chain of fronted phrases does ("Coécrit par A, B et C,
    produit par X et Y, le drame…"): the caller knows the next words are the main clause's."""
    if i < 0:
        return False
    start = doc[i].sent.start
    first = doc[start + 1] if doc[start].pos_ == "ADV" and start + 1 < i else doc[start]
    opens = first.pos_ == "ADP" or "Part" in first.morph.get("VerbForm") or (
        first.i == start and first.lower_.endswith(("é", "ée", "és", "ées")) and first.pos_ != "PROPN")
    return opens and (chain or not any(t.text in (",", ";", ":") for t in doc[start:i + 1]))


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


def reference_work(span: Span, lex: Lexicon) -> bool:
    """Whether a work is named as a reference, never the one the passage's credits are about:

    * the source of an adaptation: "Adapté de L'Intimité", "based on The Shrinking Man" (a verb
      and a preposition of the lexicon's basedOn frames), "L'Intimité, le roman d'Alice Ferney"
      (a source noun in apposition);
    * a credit of someone named: "l'auteur de Je suis une légende", "the director of Her"
      (a credit role noun, then "de"/"of");
    * a work someone named made (:func:`someones_work`): "the Ozark co-creator", "the filmmaker
      behind Eraserhead";
    * an earlier work: "deux ans après sa comédie Mon crime", "since Lupin" (lexicon
      ``earlier_work_preps``, over articles, possessives, adjectives and work or genre nouns),
      "son précédent film X", "whose previous feature X" (``earlier_work_words``), the work a
      sequel follows: "her follow-up to X", "la suite de X" (``sequel_nouns``, ``derived_work_nouns``).
    """
    if someones_work(span, lex) or _career_reference(span, lex) or _adapted_or_credited(span, lex) \
            or _dated_apposition(span, lex):
        return True
    doc = span.doc
    nouns = work_or_genre_nouns(lex)
    k = span.start - 1
    earlier = lex.words("earlier_work_words")
    while k >= 0 and (doc[k].pos_ in ("DET", "ADJ") or doc[k].text in ("«", "“", '"', "-") or doc[k].lemma_.lower() in nouns
                      or (doc[k].dep_ in ("poss", "amod", "npadvmod") or doc[k].lower_ in POSSESSIVE_MARKS)
                      and span.start - k <= 4):
        if doc[k].lower_ in earlier:
            return True  # "whose previous feature X", "son précédent film X"
        k -= 1  # "l'autrice de la série X", "après sa comédie X", "to his Oscar-nominated X", "of Disney+'s X"
    if _credit_role_before(doc, k, lex):
        return True  # "l'auteur de X"
    if k > 0 and _opens_source(doc[k - 1], doc[k], lex):
        return True  # "adapté de X", "adaptée du manga X", "based on X"
    if k >= 0 and doc[k].lower_ in lex.words("earlier_work_preps"):
        return True
    if k >= 1 and doc[k].lower_ in OF_FORMS | {"to"} and _hyphenated_word(doc, k - 1) in lex.union("sequel_nouns", "derived_work_nouns"):
        return True  # "RaMell Ross' follow-up to his Nickel Boys", "la suite de X"
    end = span.end + 1 if span.end < len(doc) and doc[span.end].text in ("?", "!") else span.end  # "OK?, un roman"
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ == "DET" \
        and doc[end + 2].lemma_.lower() in lex.derived("sources_not_works", _sources_not_works)


def _credit_role_before(doc: Doc, k: int, lex: Lexicon) -> bool:
    """Whether token ``k`` is "de"/"of" after a credit role noun ("l'auteur de", "the director of")."""
    return k > 0 and doc[k].lower_ in OF_FORMS and (
        doc[k - 1].lemma_.lower() in lex.credit_role_nouns or doc[k - 1].lower_ in lex.credit_role_nouns)


def someone_elses_credit(span: Span, lex: Lexicon) -> bool:
    """Whether a work is named as a credit of someone ("X, déjà réalisateur d'Un triomphe",
    "the director of Her"), as an adaptation's source taken up ("le cinéaste y adapte Z") or
    as an impersonal credit ("à qui l'on doit Z"): what the sentence's other names do is not
    done in it. Unlike :func:`reference_work`, not a career reference of the name it describes
    ("best known for Z", "l'ancienne « Connasse »"), where that name did act.

    Example:
        >>> from kg.nlp import load_pipeline
        >>> from kg.lexicon import load_lexicon
        >>> doc = load_pipeline("fr")("Le film d'Emmanuel Courcol, déjà réalisateur d'Un triomphe, réunit Benjamin Lavernhe et Pierre Lottin.")
        >>> someone_elses_credit(doc[9:11], load_lexicon("fr")), someone_elses_credit(doc[13:15], load_lexicon("fr"))
        (True, False)
    """
    doc = span.doc
    nouns = work_or_genre_nouns(lex)
    k = span.start - 1
    while k >= 0 and span.start - k <= 4 and (doc[k].pos_ in ("DET", "ADJ") or doc[k].text in ("«", "“", '"')
                                              or doc[k].lemma_.lower() in nouns):
        k -= 1
    return _credit_role_before(doc, k, lex) or _adapted_or_credited(span, lex)


def _adapted_or_credited(span: Span, lex: Lexicon) -> bool:
    """Whether a work is the object of an active adapting verb (lexicon ``adapting_verbs``: "le
    cinéaste y adapte Z": the source) or of an impersonal credit (``credited_verbs`` with the
    subject "on": "X, à qui l'on doit Z", "on lui doit Z": an earlier work of X)."""
    root = span.root
    verb = root.head
    if root.dep_ not in ("obj", "dobj") or verb.i == root.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if lemma in lex.words("adapting_verbs"):
        return not any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in verb.children) \
            and verb.dep_ not in ("acl", "amod")
    return lemma in lex.words("credited_verbs") and any(c.dep_ == "nsubj" and c.lower_ == "on" for c in verb.children)


def _dated_apposition(span: Span, lex: Lexicon) -> bool:
    """Whether a work is described as someone's work of a given year: "Poupoupidou, son
    long-métrage de 2011", "X, her 2019 film" (a possessive, a work noun and a year in the
    apposition right after the name): an earlier work, not the passage's."""
    doc = span.doc
    window = doc[span.end:min(span.end + 7, len(doc))]
    if len(window) < 3 or window[0].text != "," or not (window[1].dep_ in ("poss", "nmod:poss") or "Yes" in window[1].morph.get("Poss")):
        return False
    nouns = work_or_genre_nouns(lex)
    rest = list(window[2:])
    has_noun = any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in rest)
    has_year = any(is_year(t) for t in rest)
    return has_noun and has_year


def _career_reference(span: Span, lex: Lexicon) -> bool:
    """Whether a work is named in a phrase describing someone by an earlier work: it hangs,
    within six steps, on a participle or adjective of the lexicon's ``career_words`` that itself
    describes a name or the clause's subject ("X, known for playing Billy in Y", "Known for
    directing Y, X…", "X, vue dans Y")."""
    words = lex.words("career_words")
    node = span.root
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "ADJ") and node.dep_ in ("acl", "amod", "advcl", "appos") \
                and (node.lemma_.lower() in words or node.lower_ in words):
            return True
    return False


def _hyphenated_word(doc: Doc, i: int) -> str:
    """The lower-case word ending at token ``i``, joined over hyphens the tokenizer split
    ("follow-up")."""
    j = i
    while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    return doc[j:i + 1].text.lower()


def someones_work(span: Span, lex: Lexicon) -> bool:
    """Whether a work is named as what someone made, in a construction that never names an
    adaptation's source either: "the Ozark co-creator" (a credit role noun right after the
    title, lexicon ``credit_role_nouns``), "the filmmaker behind Eraserhead, Blue Velvet and
    Mulholland Drive" (``behind_words``, over the whole list). A reference for
    :func:`reference_work`, even for "the series", which may otherwise name a source."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].lemma_.lower() in lex.credit_role_nouns:
        return True
    k = list_start(doc, span.start) - 1
    return k >= 0 and doc[k].lower_ in lex.words("behind_words")


def list_start(doc: Doc, start: int) -> int:
    """The first token of the list of capitalised names whose member starts at token ``start``
    ("Eraserhead, Blue Velvet and Mulholland Drive"); ``start`` when it follows no list."""
    k = start
    while k >= 2 and doc[k - 1].lower_ in (",", "and", "et") and doc[k - 2].text[:1].isupper() and not doc[k - 1].is_sent_start:
        j = k - 2
        while j > 0 and doc[j - 1].text[:1].isupper() and not doc[j].is_sent_start and k - j < 8:
            j -= 1
        if doc[j].is_sent_start:
            break
        k = j
    return k


def work_or_genre_nouns(lex: Lexicon) -> frozenset[str]:
    """Work nouns and genre nouns together ("série", "thriller"), computed once per lexicon."""
    return lex.derived("work_or_genre_nouns", lambda lx: lx.words("work_nouns") | lx.words("genre_nouns"))


#: The forms "de" takes before a complement; with English "of".
DE_FORMS = frozenset(("de", "d'", "d’", "du", "des"))
OF_FORMS = DE_FORMS | {"of"}
#: The marks of a possessive after a name: "Hulu's", "Hacks'".
POSSESSIVE_MARKS = frozenset(("'s", "’s", "'", "’"))


def is_year(tok: Token) -> bool:
    """A four-digit year of the 20th or 21st century ("Sheitan (2006)", "Le Prénom en 2012").

    Example:
        >>> import spacy
        >>> [is_year(t) for t in spacy.blank("fr")("en 2012 , 1789 et 12345")]
        [False, True, False, False, False, False]
    """
    return tok.text.isdigit() and len(tok.text) == 4 and tok.text[:2] in ("19", "20")


def _opens_source(word: Token, prep: Token, lex: Lexicon) -> bool:
    """Whether ``word prep`` opens an adaptation's source: a verb of the lexicon's basedOn frames
    (a French participle too) and one of their prepositions ("adapté de", "tirée du", "based on",
    "inspired by")."""
    lemmas, forms, preps = lex.derived("source_openers", _source_openers)
    low = prep.lower_
    return (word.lemma_.lower() in lemmas or word.lower_ in forms) \
        and (low in preps or low in DE_FORMS and "de" in preps)


def _source_openers(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The basedOn frames' one-word lemmas, their French past participles, and their prepositions."""
    frames = [f for f in lex.frames if f.predicate == "basedOn" and f.object.startswith("obl:")]
    lemmas = frozenset(lemma for f in frames for lemma in f.lemmas if " " not in lemma)
    forms = frozenset(form for lemma in lemmas for form in past_participles(lemma)) if lex.lang == "fr" else frozenset()
    return lemmas, forms, frozenset(p for f in frames for p in f.object[4:].split("|"))


def _sources_not_works(lex: Lexicon) -> frozenset[str]:
    """Source nouns that name no work of their own ("roman", not "série")."""
    return lex.words("source_nouns") - lex.words("work_nouns")


def mention_tokens(pairs: Iterable[tuple[Mention, Span | None]]) -> dict[int, Mention]:
    """Token index -> the mention covering it, from ``(mention, its span)`` pairs (the later
    mention wins on overlap; a mention with no span covers nothing)."""
    by_token: dict[int, Mention] = {}
    for m, span in pairs:
        if span is not None:
            by_token.update(dict.fromkeys(range(span.start, span.end), m))
    return by_token


def main_subject_after(tok: Token) -> Token | None:
    """The subject of the main clause of ``tok``'s sentence (its root's), when it comes after
    ``tok``: what a chain of fronted phrases before it describes ("Coécrit par A, produit par X et
    Y, le drame a reçu…")."""
    return next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.i > tok.i),
                None)


def partitive_host(noun: Token, words: frozenset[str]) -> Token | None:
    """The quantifier that ``noun``'s phrase is counted out of, standing in the phrase's place in
    the clause: "a décroché l'un des rôles principaux de W" (French hangs the noun on the pronoun
    "un" with "des"), "landed one of the lead roles in W" (English: the noun under "of" under
    "one"). ``words``: the quantifiers (lexicon ``partitive_words``; never a negative one, "aucun").
    None when the noun is counted out of nothing.

    Example:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["landed", "one", "of", "the", "roles"],
        ...           heads=[0, 0, 1, 4, 2], deps=["ROOT", "dobj", "prep", "det", "pobj"])
        >>> partitive_host(doc[4], frozenset({"one"})).text
        'one'
        >>> partitive_host(doc[4], frozenset({"two"})) is None
        True
    """
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
        head = head.head
    elif noun.dep_ != "nmod" or not any(c.dep_ == "case" and c.lower_ in OF_FORMS for c in noun.children):
        return None
    return head if head.i < noun.i and head.lower_ in words else None


def copula_subjects(tok: Token) -> list[Token]:
    """The subjects of the copula clause whose attribute ``tok`` is: French hangs the copula on
    the attribute ("Ligne de crête est un thriller"), English makes "be" the head ("Ashfall is a
    drama", its subject before the attribute). ``[]`` when ``tok`` is no copula's attribute (see
    :func:`_predicated_subject` for "became a hit", "turned into a series")."""
    if any(c.dep_ == "cop" for c in tok.children):
        return [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        return [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i]
    return []


def _predicated_subject(tok: Token, into_verbs: frozenset[str]) -> Token | None:
    """The subject a predicate nominal describes: "X is a thriller" (copula), "X became a
    hit series", "X was turned into a series" / "X a été adapté en série" (``into_verbs``,
    lexicon ``into_verbs``)."""
    if any(c.dep_ == "cop" for c in tok.children) or tok.dep_ in ("attr", "oprd"):
        head = tok if any(c.dep_ == "cop" for c in tok.children) else tok.head
        subj = [c for c in head.children if c.dep_ in SUBJ | PASS_SUBJ]
        return subj[0] if subj else None
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("into",):
        verb = verb.head
    elif prep_of(tok) not in ("en", "into"):
        return None
    if verb.lemma_.lower() not in into_verbs:
        return None
    subj = [c for c in verb.children if c.dep_ in SUBJ | PASS_SUBJ]
    return subj[0] if subj else None
