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
        if mention is not None and mention.type == "Award":
            mention = _award_category(ent, mention, lex)
        if mention is not None:
            mentions.append(mention)
            covered.update(range(ent.start, ent.end))
    for span in _titles(doc, lex, covered):
        mentions.append(Mention(span.text, span.start_char, span.end_char, "CreativeWork", "context:title"))
    mentions = [_retyped(doc, m, lex) for m in _merged(doc, sorted(mentions, key=lambda m: m.start))]
    mentions = _slot_titles(doc, lex, mentions)
    return _surnames(mentions)


_TITLE_GLUE = frozenset(("of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with", "from", ":", "&"))
_POSS = frozenset(("'s", "’s"))


def _title_before(doc: Doc, end: int) -> Span | None:
    """The capitalised name ending right before token ``end`` ("One Battle After Another",
    "Wicked: For Good"), when it starts a sentence or follows a comma, a bracket or a possessive."""
    i = end - 1
    while i >= 0 and end - i <= 8:
        tok = doc[i]
        if tok.lower_ in _POSS or (tok.is_punct and tok.text != ":"):
            break
        if not (tok.is_title or tok.is_upper or tok.like_num or tok.lower_ in _TITLE_GLUE):
            return None
        i -= 1
        if tok.is_sent_start:
            break
    start = i + 1
    while start < end and not (doc[start].is_title or doc[start].is_upper or doc[start].like_num):
        start += 1
    if start >= end or end - start > 7 or doc[end - 1].lower_ in _TITLE_GLUE:
        return None
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and not doc[start].is_sent_start and not (prev.lower_ in _POSS or prev.text in (",", "(", "“", '"', "—", "–")):
        return None
    span = doc[start:end]
    if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN", "NUM", "ADJ"):
        return None
    return span


def _title_cue(doc: Doc, comma: int, lex: Lexicon) -> str | None:
    """The type that the words after ``comma`` give the name before it: CreativeWork for a
    work participle (", directed by", ", written and directed by", ", starring X", ", loosely
    inspired by") or a work noun in apposition (", the Netflix limited series"); Organization
    for an organisation noun in apposition (", a Berlin-based dubbing start-up")."""
    participles = lex.words("title_participles")
    works = lex.words("work_nouns")
    i = comma + 1
    if i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    if i >= len(doc):
        return None
    tok = doc[i]
    if participles and tok.lemma_.lower() in participles and tok.tag_ in ("VBN", "VBG"):
        nxt = doc[i + 1:i + 4]
        if tok.tag_ == "VBG":
            ok = len(nxt) > 0 and (nxt[0].is_title or nxt[0].is_upper) and nxt[0].pos_ == "PROPN"
        else:
            ok = any(t.lower_ in ("by", "from", "on") for t in nxt)
        return "CreativeWork" if ok else None
    if tok.lower_ in ("the", "a", "an"):
        j = i + 1  # the noun phrase: nouns, adjectives, "X-based", "start-up"
        while j < len(doc) and j - i <= 8 and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "NUM") or doc[j].text in ("-", "‑")
                                               or (doc[j].pos_ == "VERB" and doc[j].dep_ in ("amod", "compound"))):
            j += 1
        head = doc[j - 1] if j - 1 > i else None
        if head is None or head.text in ("-", "‑") or (j < len(doc) and doc[j].lower_ in _POSS):
            return None
        heads = {head.lemma_.lower(), head.lower_, "".join(t.lower_ for t in doc[max(i + 1, j - 3):j])}
        if heads & works:
            return "CreativeWork"
        orgs = lex.words("anaphors", "Organization") - works - lex.words("product_nouns")
        if heads & orgs and j < len(doc) and doc[j].text in (",", ".", ";"):
            return "Organization"
    return None


def _slot_titles(doc: Doc, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Type as CreativeWork a capitalised name that a work description follows, whatever
    NER said (single-word titles are often missed or taken for people): "Sinners, written
    and directed by X", "Frankenstein, starring X", "Adolescence, the limited series …".
    Gazetteer entities keep their type."""
    if not lex.words("title_participles"):
        return mentions
    by_tok: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                by_tok[t.i] = m
    out = list(mentions)
    for tok in doc:
        typ = _title_cue(doc, tok.i, lex) if tok.text == "," and tok.i > 0 else None
        if typ is None:
            continue
        span = _title_before(doc, tok.i)
        if span is None:
            continue
        covering = {id(by_tok[t.i]): by_tok[t.i] for t in span if t.i in by_tok}
        if any(m.source == "gazetteer" or m.type in ("Place", "Award", "Event", "Concept") for m in covering.values()):
            continue
        if any(m.start < span.start_char or m.end > span.end_char for m in covering.values()):
            continue
        if typ == "Organization" and (covering or len(span) > 3 or not span[0].is_sent_start and doc[span.start - 1].text != ","):
            continue  # only a name nothing else typed, at a clause start
        out = [m for m in out if id(m) not in covering]
        out.append(Mention(span.text, span.start_char, span.end_char, typ, "context:title-cue"))
    return sorted(out, key=lambda m: m.start)


def _merged(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Join an organisation name that the gazetteer cut short: "Sony Pictures" + "Animation",
    "Universal" + "Music Group" (capitalised words the parser attaches to the same name)."""
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].type == "Organization" and m.type in ("Concept", "Organization") and m.source == "gazetteer" \
                and doc.text[out[-1].end:m.start] == " " and m.text[:1].isupper() and m.type == "Concept":
            prev = out.pop()
            m = Mention(doc.text[prev.start:m.end], prev.start, m.end, "Organization", prev.source + "+name")
        out.append(m)
    final: list[Mention] = []
    for i, m in enumerate(out):
        if m.type == "Organization" and m.source == "gazetteer":
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            nxt = out[i + 1].start if i + 1 < len(out) else len(doc.text)
            end = span.end if span is not None else None
            while end is not None and end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
                    and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].idx >= m.end and doc[end].idx < nxt:
                end += 1
            if end is not None and span is not None and end > span.end:
                ext = doc[span.start:end]
                m = Mention(ext.text, ext.start_char, ext.end_char, "Organization", "context:name")
        final.append(m)
    return final


def _retyped(doc: Doc, m: Mention, lex: Lexicon) -> Mention:
    """Correct an NER type from the words around a name (lexicon-driven):
    "Asacha Media" (organisation suffix), "founder Tim League" / "Marcus Bell, a senior analyst"
    (person role), "the studio Paper Kite" (organisation noun)."""
    if not m.source.startswith("ner") or m.type not in ("Person", "Organization", "Misc", "Place"):
        return m
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    roles = set(lex.role_nouns)
    role_heads = {r.split()[-1] for r in roles} | roles
    org_nouns = lex.words("anaphors", "Organization")
    prev = doc[span.start - 1] if span.start > 0 else None
    words = m.text.split()
    if m.type != "Organization" and len(words) > 1 and words[-1].lower() in lex.words("org_suffixes"):
        return Mention(m.text, m.start, m.end, "Organization", "context:suffix")
    if m.type != "Person":
        role_prev = prev is not None and (prev.lower_ in role_heads or prev.lemma_.lower() in role_heads) and prev.pos_ in ("NOUN", "PROPN")
        appos = any(c.dep_ == "appos" and c.i > span.end and (c.lemma_.lower() in role_heads or c.lower_ in role_heads)
                    for c in span.root.children)
        if (role_prev or appos) and len(words) > 1 and all(w[:1].isupper() for w in words):
            return Mention(m.text, m.start, m.end, "Person", "context:role")
    if m.type in ("Person", "Misc") and prev is not None and prev.pos_ == "NOUN" and (
            prev.lemma_.lower() in org_nouns or prev.lower_ in org_nouns):
        return Mention(m.text, m.start, m.end, "Organization", "context:orgnoun")
    if m.type in ("Place", "Misc"):
        # "le studio de doublage X", "X, société de production basée à…": named by a company noun
        root = span.root
        named = root.dep_ in ("flat:name", "appos") and root.head.i < span.start and root.head.pos_ == "NOUN" \
            and root.head.lemma_.lower() in org_nouns
        nxt = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else -1
        if 0 < nxt < len(doc) and doc[nxt].lower_ in ("un", "une", "a", "an") and nxt + 1 < len(doc):
            nxt += 1
        after = 0 < nxt < len(doc) and doc[nxt].pos_ == "NOUN" and doc[nxt].lemma_.lower() in org_nouns \
            and doc[nxt].lemma_.lower() not in ("service", "maison", "major")
        if named or after:
            return Mention(m.text, m.start, m.end, "Organization", "context:orgnoun")
    return m


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


def _award_category(ent: Span, mention: Mention, lex: Lexicon) -> Mention:
    """An award with its category: "Academy Award for best picture" (``award_preps`` of the lexicon)."""
    preps = lex.words("award_preps")
    doc = ent.doc
    if not preps or ent.end >= len(doc) or doc[ent.end].lower_ not in preps:
        return mention
    prep = doc[ent.end]
    objs = [c for c in prep.children if c.dep_ in ("pobj", "obj", "nmod")]
    if not objs:
        return mention
    end = max(t.i for t in objs[0].subtree) + 1
    # a category is lower-case words ("best actor", "lead actor in a comedy series")
    if end - ent.end > 8 or any(t.ent_type_ and t.ent_type_ not in ("ORDINAL",) or t.is_punct for t in doc[ent.end + 1:end]):
        return mention
    span = doc[ent.start:end]
    return Mention(span.text, span.start_char, span.end_char, "Award", mention.source)


def _typed(ent: Span, lex: Lexicon) -> Mention | None:
    if ent.label_ in ENTITY_TYPES:  # gazetteer match: label is the ontology class
        return Mention(ent.text, ent.start_char, ent.end_char, ent.label_, "gazetteer")
    type_ = NER_TYPES.get(ent.label_)
    if type_ is None:
        return None
    span = ent
    if span[0].lower_ in _DETS and len(span) > 1 and type_ != "Misc":
        span = span[1:]
    while len(span) > 1 and span[-1].tag_ == "POS" or len(span) > 1 and span[-1].lower_ in ("'s", "’s"):
        span = span[:-1]  # "Brady Corbet's" -> "Brady Corbet"
    if type_ == "Person":
        # a person's name starts with a capital: "général de Lumio" is an NER slip
        trimmed = False
        while len(span) > 1 and not span[0].text[:1].isupper():
            span, trimmed = span[1:], True
        if not span.text[:1].isupper():
            return None
        if trimmed:  # the span was wrong, so is its label: let the context type it
            type_ = "Misc"
    context = _context_type(span, lex, person=type_ == "Person")
    if context and (type_ in ("Misc", "Organization", "Person") or context == "CreativeWork"):
        return Mention(span.text, span.start_char, span.end_char, context, f"context:{ent.label_}")
    if not span.text.strip() or not any(c.isalnum() for c in span.text):
        return None
    return Mention(span.text, span.start_char, span.end_char, type_, f"ner:{ent.label_}")


def _context_type(span: Span, lex: Lexicon, *, person: bool = False) -> str | None:
    """CreativeWork or Product when the span is named by a work or product noun."""
    work, product = lex.words("work_nouns"), lex.words("product_nouns")
    root = span.root
    candidates: list[Token] = []
    # "la série Lupin" names the series; "le film de Bong Joon-ho" does not
    has_case = any(c.dep_ == "case" and c.pos_ == "ADP" for c in root.children)
    if root.head.i != root.i and root.dep_ in ("appos", "nmod", "flat", "flat:name", "compound", "nsubj", "obj") \
            and not has_case:
        candidates.append(root.head)
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.is_punct and prev.text in "«“\"" and span.start > 1:
            prev = span.doc[span.start - 2]
        if prev.lower_ in _DETS and prev.i > 0:  # "comedy The Studio"
            prev = span.doc[prev.i - 1]
        candidates.append(prev)
    # "American Prometheus, the biography by …": a work noun in apposition
    candidates += [c for c in root.children if c.dep_ == "appos" and c.i > root.i
                   and (c.lemma_.lower() in work | lex.words("source_nouns"))]
    # "Severance, la série d'Apple TV+": a description in apposition after the name
    doc = span.doc
    if not person and span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in _DETS | {"un", "une", "a", "an"}:
        candidates.append(doc[span.end + 2])
    # "dans Zorro, série coproduite par…": a bare work noun in apposition
    if not person and span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].pos_ == "NOUN" \
            and not any(c.dep_ == "det" for c in doc[span.end + 1].children):
        candidates.append(doc[span.end + 1])
    for tok in candidates:
        lemma = tok.lemma_.lower()
        if tok.i >= span.start and tok.i < span.end:
            continue
        if lemma in work or tok.lower_ in work:
            return "CreativeWork"
        if lemma in product or tok.lower_ in product:
            return "Product"
    # multi-word nouns right before the name ("la bande dessinée El Eternauta")
    for n in (2, 3):
        if span.start - n >= 0:
            words = " ".join(t.lower_ for t in doc[span.start - n:span.start])
            if words in work:
                return "CreativeWork"
            if words in product:
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
