"""Credit lists: the way news writing lists the people of a production.

One construction serves every work relation (``actsIn``, ``directedBy``, ``author``,
``produces``), in both languages:

* **parenthetical credits**: a name followed by titles in brackets is a filmography,
  "Nadia Farès (Elles n'oublient jamais, Les rivières pourpres)", "Marianly Tejada (The
  Purge)", "Illumination (Despicable Me)". :func:`credit_titles` types the bracketed titles
  as creative works at the mention stage, whatever the NER made of them;
* **lists of people**: names coordinated by commas and "et"/"and" share one role. The role
  is the one a rule already found for one of them in the sentence ("écrite par X et Y"), or
  the nearest *credit cue* of the lexicon (``credit_cues``: "casting", "derrière la caméra",
  "ensemble", "voiced by", "executive producers"...);
* **the work being credited** is the one named in the sentence, else the current work of
  the passage: the latest work named on its own as a clause's subject or object, never one
  inside brackets, a relative clause or a list (:func:`focus_work`).

Each list member gets the relation with the work; each member's bracketed titles get it too.

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("fr")("Devant la caméra, on retrouve Omar Sy (Lupin) et Léa Drucker (Close).")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.syntax import (
    AGENT_PREPS,
    OBJ,
    OF_FORMS,
    PASS_SUBJ,
    SUBJ,
    char_span,
    doc_text,
    in_fronted_phrase,
    obliques,
    reference_work,
    subject_of,
    token_words,
    verb_forms,
    with_conjuncts,
    word_tokens,
    work_or_genre_nouns,
)
from kg.lexicon import Lexicon
from kg.records import Mention, Relation
from kg.schema import load_schema

#: Rule-name prefix of a credit role's holder read only as the sentence before's topic (kg/extract/roles.py).
TOPIC_CREDIT = "role.credit.topic."

#: Relations a credit list can carry; which side the work is on comes from the ontology's domains.
CREDIT_PREDICATES = ("actsIn", "directedBy", "author", "produces")


@lru_cache(maxsize=1)
def work_sides() -> dict[str, str]:
    """``predicate -> "subject" | "object"``: where the work sits in each credit relation, from the
    ontology (read on first use, not at import)."""
    domains = load_schema().domains
    return {p: "subject" if "CreativeWork" in domains.get(p, ()) else "object" for p in CREDIT_PREDICATES}
#: Relations that make a person an executive rather than a member of the cast or crew.
_OFFICE = frozenset(("ceoOf", "leads", "worksFor", "founderOf"))
_OPEN, _CLOSE = "(", ")"
_ITEM_SPLIT = re.compile(r"\s*[,;/]\s*|\s+(?:et|and)\s+(?=[A-ZÀ-Ý0-9«“\"])")  # "&" joins one title ("Key & Peele")
_YEARS = re.compile(r"^(?:\d{4}|\d{1,3}\s*(?:ans|years?|%)|\d+)$")
CONFIDENCE = 0.65
#: Definite determiners (both languages) and the "of" of a noun's complement.
DEFINITE = frozenset(("le", "la", "les", "l'", "l’", "the"))
_OF = frozenset(("de", "d'", "d’", "du", "of"))
_OPEN_QUOTES = frozenset(("«", "“", '"'))


def complement_start(doc: Doc, i: int, preps: frozenset[str], skip: frozenset[str], *,
                     need_prep: bool = True) -> int | None:
    """Index of the first word of the complement that starts at token ``i`` ("de la série X",
    "of the show X"): past one of ``preps`` and any words of ``skip``; None when there is none
    (no preposition, when ``need_prep``; nothing skipped at all otherwise)."""
    j = i
    if j < len(doc) and doc[j].lower_ in preps:
        j += 1
    elif need_prep:
        return None
    while j < len(doc) and doc[j].lower_ in skip:
        j += 1
    return j if j < len(doc) and j > i else None


@dataclass(frozen=True, slots=True)
class Credit:
    """A name and the titles bracketed right after it."""

    holder: Mention
    titles: tuple[Mention, ...]
    open_char: int
    close_char: int


def bracket_groups(text: str) -> Iterator[tuple[int, int]]:
    """``(open, close)`` offsets of each innermost bracket pair of ``text``."""
    for m in re.finditer(r"\(([^()\n]{1,300})\)", text):
        yield m.start(), m.end() - 1


def _title_items(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The title spans inside brackets ``text[a+1:b]``, or None when the content is no list of
    titles (an age, a year, lower-case words, a role: "(54 ans)", "(as Mario)", "(ex-M6)")."""
    inner = text[a + 1:b]
    bounds: list[tuple[int, int]] = []
    last = 0
    for sep in _ITEM_SPLIT.finditer(inner):
        bounds.append((last, sep.start()))
        last = sep.end()
    bounds.append((last, len(inner)))
    out = []
    for s, e in bounds:
        raw = inner[s:e]
        stripped = raw.strip().strip("«»“”\"").strip()
        if not stripped:
            return None
        lead = raw.find(stripped)
        first = stripped[:1]
        if not (first.isupper() or first.isdigit()) or _YEARS.match(stripped) or len(stripped) > 80:
            return None
        out.append((a + 1 + s + lead, a + 1 + s + lead + len(stripped)))
    return out


def drop_characters(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Mentions without fictional characters, which are no entities of the news:

    * a name right after a character cue of the lexicon ("plays Jenna Lazarus", "takes the
      lead as Laz", "incarne Lucien de Rubempré");
    * the one a synopsis follows: the object of a ``synopsis_verbs`` verb whose subject is
      not a person or company of the news ("le film suit Paul, un constructeur de bateaux",
      "the series follows Maya"), or the complement of its ``synopsis_nouns`` object
      ("raconte l'histoire de Michelle");
    * a name whose description is played by someone ("Michelle, une grand-mère incarnée par
      Hélène Vincent": lexicon ``character_participles``), or apposed to a part played ("incarne
      son épouse, Cathy": lexicon ``part_verbs`` and ``character_apposition_verbs``).

    Only persons, untyped names and (after a synopsis verb) places NER took a first name for are
    dropped, and by the last two constructions only one-word
    names (a full name may be the real person of a biopic); names the gazetteer knows stay."""
    cues = [tuple(str(c).lower().replace("’", "'").split()) for c in lex.data.get("character_cues") or []]
    longest = max(map(len, cues), default=0)
    out = []
    for m in mentions:
        if m.type in ("Person", "Misc", "Place") and not m.source.startswith("gazetteer"):
            span = char_span(doc, m.start, m.end)
            if span is not None:
                # the words before the name, read once for all cues
                before = tuple(t.lower_.replace("’", "'") for t in doc[max(span.start - longest, 0):span.start])
                if m.type == "Person" and any(span.start >= len(c) and before[len(before) - len(c):] == c for c in cues):
                    continue
                # (a one-word first name is often read as a place: "the drama centres on Ada")
                if _synopsis_object(span, mentions, lex) or m.type != "Place" and (
                        _played_description(span, lex) or _part_apposition(span, lex)):
                    continue
        out.append(m)
    return out


def _synopsis_object(span: Span, mentions: list[Mention], lex: Lexicon) -> bool:
    """Whether ``span`` is who a synopsis follows: "le film suit Paul", "il raconte l'histoire de
    Michelle", "the drama centres on Maya", read on the surface (the parser often takes the name
    for an inverted subject). The verb's subject is a work, a work or genre noun, or a pronoun
    ("un thriller qui suit Paul"), never a person or company named in the news."""
    verbs, nouns = lex.words("synopsis_verbs"), lex.words("synopsis_nouns")
    doc = span.doc
    if not verbs or len(span) > 1 or span.start < 2:
        return False  # "la série suit Karl Lagerfeld": a full name may be the real person of a biopic
    k = span.start - 1
    if doc[k].lower_ in ("de", "d'", "d’", "of") and doc[k - 1].lemma_.lower() in nouns and k >= 3:
        k -= 2 if doc[k - 2].pos_ == "DET" else 1  # "l'histoire de Michelle", "the story of Jonah"
    elif doc[k].pos_ == "ADP" and doc[k - 1].lemma_.lower() in lex.words("synopsis_prep_verbs"):
        k -= 1  # "centres on Ada"
    verb = doc[k] if doc[k].pos_ == "VERB" else doc[k - 1] if doc[k].pos_ == "DET" and k > 0 else doc[k]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i), None)
    if subject is not None and subject.pos_ == "PRON" and verb.dep_ in ("acl:relcl", "relcl"):
        subject = verb.head  # "un thriller qui suit Paul"
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return True
    named = next((m for m in mentions if m.start <= subject.idx < m.end), None)
    if named is not None:
        return named.type in ("CreativeWork", "Concept")
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in work_or_genre_nouns(lex)


def _part_apposition(span: Span, lex: Lexicon) -> bool:
    """Whether ``span`` is a one-word name apposed to the part an actor plays: "Laure Calamy
    incarne son épouse, Cathy", "prête ses traits à sa meilleure amie, Marie-Claude", "plays his
    wife, Cathy" (:func:`_part_playing_verbs`)."""
    doc = span.doc
    verbs = lex.derived("part_playing_verbs", _part_playing_verbs)
    if not verbs or len(span) > 1 or span.start < 3 or doc[span.start - 1].text != ",":
        return False
    node = doc[span.start - 2]
    if node.pos_ != "NOUN":
        return False
    for _ in range(3):
        if node.pos_ == "VERB" or node.head.i == node.i:
            break
        node = node.head
    return node.pos_ == "VERB" and (node.lemma_.lower() in verbs or node.lower_ in verbs)


def _part_playing_verbs(lex: Lexicon) -> frozenset[str]:
    """The verbs whose object is a part played: ``part_verbs`` and ``character_apposition_verbs``
    (those that take a part only sometimes: "jouer", "prêter ses traits", "play"), with their
    French inflected forms (the lemmatiser reads "prête" as "prêt")."""
    verbs = lex.union("part_verbs", "character_apposition_verbs")
    return verbs | frozenset(f for v in verbs for f in verb_forms(v)) if lex.lang == "fr" else verbs


def _played_description(span: Span, lex: Lexicon) -> bool:
    """Whether ``span`` is followed by a description someone plays: "Michelle, une grand-mère
    paisible incarnée par Hélène Vincent", "Paul, a boat builder played by X"."""
    participles = lex.words("character_participles")
    doc = span.doc
    if not participles or span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    if len(span) > 1:
        return False  # "Karl Lagerfeld, incarné par…": a real person portrayed stays
    for k in range(span.end + 1, min(span.end + 9, len(doc) - 1)):
        tok = doc[k]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX") and tok.lower_ not in participles:
            return False
        if tok.lower_ in participles:
            return doc[k + 1].lower_ in AGENT_PREPS
    return False


def cast_of_titles(doc: Doc, mentions: list[Mention], lex: Lexicon, *,
                   words: tuple[list[str], list[str], list[str]] | None = None) -> list[Mention]:
    """Names after a cast noun of the lexicon are works, whatever NER made of them: "la
    distribution de Marseille", "the cast of Salt Marsh" (``credit_work_nouns``). Names the
    gazetteer knows keep their type."""
    nouns = lex.words("credit_work_nouns")
    if not nouns:
        return mentions
    by_start = {m.start: i for i, m in enumerate(mentions)}
    out = list(mentions)
    lower, lemma, _ = words if words is not None else token_words(doc)
    for tok in (doc[i] for i, (low, lem) in enumerate(zip(lower, lemma)) if low in nouns or lem in nouns):
        # "le casting des Oubliés": "des" is "de" with the title's own article
        j = complement_start(doc, tok.i + 1, OF_FORMS | {"for"}, DEFINITE | _OPEN_QUOTES, need_prep=False)
        if j is None:
            continue
        i = by_start.get(doc[j].idx)
        if i is None:
            continue
        m = out[i]
        known = m.source.startswith("gazetteer") and m.type != "Place"  # a city is a common title
        if m.type != "CreativeWork" and not known and m.text[:1].isupper():
            out[i] = Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">cast_of")
        elif m.type == "CreativeWork":
            out[i] = Mention(m.text, m.start, m.end, m.type, m.source + ">cast_of")
    return out


def credit_titles(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Mentions with the titles bracketed after a person or company typed ``CreativeWork``.

    A mention that runs into a bracket ("Jack Black (School") is cut before it. A bracketed
    acronym after a company ("Agence France-Presse (AFP)") is its short name, not a title;
    a bracketed name the gazetteer knows as a company or place is an affiliation.
    """
    text = doc_text(doc)
    groups = list(bracket_groups(text))
    if not groups:
        return mentions
    opens = {a for a, _ in groups}
    fixed: list[Mention] = []
    for m in mentions:  # a name never runs into a bracket
        cut = next((a for a in opens if m.start < a < m.end), None)
        if cut is not None:
            name = text[m.start:cut].rstrip()
            if len(name) < 2:
                continue
            m = Mention(name, m.start, m.start + len(name), m.type, m.source + ">bracket")
        fixed.append(m)
    mentions = fixed
    added: list[Mention] = []
    drop: set[int] = set()
    for a, b in groups:
        holder = _holder_before(text, a, mentions)
        if holder is None:
            continue
        items = _title_items(text, a, b)
        if not items:
            continue
        suffixes = lex.words("org_suffixes")
        misread = holder.type == "Organization" and holder.source.startswith("ner") and _name_like(holder) \
            and holder.text.split()[-1].lower() not in suffixes  # "Mara Holt (Red Dust)" read as a company
        if holder.type not in ("Person", "Organization") or misread:
            if not _name_like(holder) or holder.source.startswith("gazetteer"):
                continue
            # a name followed by a filmography is a person's, whatever NER made of it
            retyped = Mention(holder.text, holder.start, holder.end, "Person", holder.source + ">credit")
            mentions = [retyped if m is holder else m for m in mentions]
            holder = retyped
        if holder.type != "Person" and (len(items) == 1 and text[items[0][0]:items[0][1]].isupper()):
            continue  # "Agence France-Presse (AFP)": an acronym
        known = [m for m in mentions if a < m.start and m.end <= b and m.source.startswith("gazetteer")
                 and m.type in ("Organization", "Place", "Person")]
        if known:
            continue  # "(Netflix)", "(Paris)": an affiliation or a place, not a filmography
        for s, e in items:
            for i, m in enumerate(mentions):
                if m.start < e and s < m.end:
                    drop.add(i)
            added.append(Mention(text[s:e], s, e, "CreativeWork", "context:credit"))
    if not added:
        return mentions
    kept = [m for i, m in enumerate(mentions) if i not in drop]
    return sorted(kept + added, key=lambda m: m.start)


def _holder_before(text: str, open_char: int, mentions: list[Mention]) -> Mention | None:
    """The person or company named right before a bracket (spaces only between)."""
    j = open_char
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    for m in mentions:
        if m.end == j and m.source != "context:credit":
            return m
    return None


def _name_like(m: Mention) -> bool:
    """Two to four capitalised words with no function word or digit: a person's name."""
    words = m.text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words)


def credits_in(doc: Doc, ctx) -> list[Credit]:
    """The bracketed credits of ``doc`` (holders with their ``context:credit`` titles)."""
    out: list[Credit] = []
    titles = [m for m in ctx.mentions if m.source == "context:credit"]
    if not titles:
        return out
    for a, b in bracket_groups(ctx.text):
        inside = tuple(t for t in titles if a < t.start and t.end <= b)
        if not inside:
            continue
        holder = _holder_before(ctx.text, a, ctx.mentions)
        if holder is not None and holder.type in ("Person", "Organization"):
            out.append(Credit(holder, inside, a, b))
    return out


_CUES: dict[int, tuple[tuple[tuple[str, ...], str], ...]] = {}


def _cues(lex: Lexicon) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The lexicon's credit cues as ``(words, predicate)``, longest first (computed once per lexicon)."""
    cached = _CUES.get(id(lex.data))
    if cached is None:
        table = lex.data.get("credit_cues") or {}
        cues = [(tuple(str(c).lower().split()), pred) for pred, words in table.items() for c in words or []]
        cached = _CUES[id(lex.data)] = tuple(sorted(cues, key=lambda c: -len(c[0])))
    return cached


_FIRST: dict[int, dict[str, list]] = {}


def _by_first(cues) -> dict[str, list]:
    """The cues indexed by their first word (computed once per cue table)."""
    index = _FIRST.get(id(cues))
    if index is None:
        index = {}
        for words, pred in cues:
            index.setdefault(words[0], []).append((words, pred))
        _FIRST[id(cues)] = index
    return index


def _cue_at(doc: Doc, i: int, cues) -> tuple[int, str] | None:
    """``(length, predicate)`` of the cue starting at token ``i`` (by lemma or form)."""
    tok = doc[i]
    index = _by_first(cues)
    low, lemma = tok.lower_, tok.lemma_.lower()
    candidates = index.get(low, []) + (index.get(lemma, []) if lemma != low else [])
    for words, pred in sorted(candidates, key=lambda c: -len(c[0])):
        nxt = doc[i + 1:i + len(words)]
        if len(nxt) == len(words) - 1 and all(t.lower_ == w or t.lemma_.lower() == w for t, w in zip(nxt, words[1:])):
            return len(words), pred
    return None


def _segments(sent: Span) -> Iterator[Span]:
    """The parts of a sentence between semicolons (each holds its own credit list)."""
    start = sent.start
    for tok in sent:
        if tok.text == ";":
            if tok.i > start:
                yield sent.doc[start:tok.i]
            start = tok.i + 1
    if start < sent.end:
        yield sent.doc[start:sent.end]


def _inside(spans: Iterable[tuple[int, int]], char: int) -> bool:
    return any(a <= char <= b for a, b in spans)


def _lists(seg: Span, ctx, brackets: list[tuple[int, int]], glue: frozenset[str]) -> list[list[Mention]]:
    """Runs of person (and company) names joined only by commas, "et"/"and" and brackets."""
    runs: list[list[Mention]] = []
    cur: list[Mention] = []
    last: Mention | None = None
    gap_ok = True
    # "Léa Morel, qui incarne une mère, ainsi que Jonas Bloch": a relative clause set off by commas
    # describes the name before it; the list goes on after it
    described = {i for t in seg if t.dep_ in ("acl:relcl", "relcl") and t.left_edge.i > seg.start
                 and t.doc[t.left_edge.i - 1].text == "," and (m := ctx.at(t.head)) is not None
                 and m.type in ("Person", "Organization") for i in range(t.left_edge.i, t.right_edge.i + 1)}
    for tok in seg:
        if brackets and _inside(brackets, tok.idx) or tok.i in described:
            continue
        m = ctx.at(tok)
        if m is not None and m.type in ("Person", "Organization") and m.source != "context:credit":
            if last is not None and m.start == last.start:
                continue
            if cur and gap_ok and m.type == cur[0].type:
                cur.append(m)
            else:
                if cur:
                    runs.append(cur)
                cur = [m]
            last, gap_ok = m, True
            continue
        if m is not None and last is not None and m.start == last.start:
            continue
        if tok.is_punct and tok.text in (",", "(", ")") or tok.lower_ in glue:
            continue
        gap_ok = False
    if cur:
        runs.append(cur)
    return runs


def _complement_work(doc: Doc, i: int, ctx) -> Mention | None:
    """The work named right after a cue ("à l'affiche de X", "the cast of X")."""
    i = complement_start(doc, i, _OF, DEFINITE)
    m = ctx.at(doc[i]) if i is not None else None
    if m is not None and m.start == doc[i].idx:
        return ctx.fit(m, ("CreativeWork",)) if m.type in ("CreativeWork", "Misc") else None
    return None


def _cue_owners(seg: Span, ctx, cues, brackets, quotes) -> dict[int, tuple]:
    """Each credit cue of a segment given to the name nearest to it: ``{mention start:
    (distance, predicate, a noun cue before the name, the work named after the cue)}``
    keeping each name's nearest cue. Tokens inside brackets do not
    count in distances; cues inside quotes or names ("Best Supporting Actor") are no cues."""
    doc = seg.doc
    pos: dict[int, int] = {}
    n = 0
    for tok in seg:
        if not brackets or not _inside(brackets, tok.idx):
            pos[tok.i] = n
            n += 1
    names: list[tuple[int, int, Mention]] = []  # (first pos, last pos, mention)
    for tok in seg:
        m = ctx.at(tok)
        if m is None or m.type not in ("Person", "Organization") or tok.i not in pos:
            continue
        if names and names[-1][2] is m:
            names[-1] = (names[-1][0], pos[tok.i], m)
        else:
            names.append((pos[tok.i], pos[tok.i], m))
    owners: dict[int, tuple] = {}
    complements: dict[int, Mention] = {}
    if not names:
        return owners
    index = _by_first(cues)
    i = seg.start
    while i < seg.end:
        if ctx.lower[i] not in index and ctx.lemma[i] not in index:
            i += 1  # no cue starts here (:func:`_cue_at`)
            continue
        tok = doc[i]
        if i not in pos or quotes and _inside(quotes, tok.idx) or ctx.at(tok) is not None:
            i += 1
            continue
        hit = _cue_at(doc, i, cues)
        if hit is None:
            i += 1
            continue
        length, pred = hit
        work = _complement_work(doc, i + length, ctx)
        if work is not None:
            complements[i] = work
        a, b = pos[i], pos.get(i + length - 1, pos[i])
        # "produite par X" credits the name right after "par" (the agent), never another one
        eligible = [nm for nm in names if b < nm[0] <= b + 2] if doc[i + length - 1].lower_ in AGENT_PREPS else names
        if not eligible:
            i += length
            continue
        best = min(eligible, key=lambda nm: (nm[0] - b if nm[0] > b else (a - nm[1] if nm[1] < a else 0), -nm[0]))
        first, last, m = best
        dist = first - b if first > b else (a - last if last < a else 0)
        if m.start not in owners or dist < owners[m.start][0]:
            owners[m.start] = (dist, pred, first > b and tok.pos_ in ("NOUN", "PROPN"), complements.get(i))
        i += length
    return owners


def _run_cue(run: list[Mention], owners: dict[int, tuple], limit: int = 14) -> tuple | None:
    """The nearest cue given to a member of ``run`` (within ``limit`` tokens)."""
    found = [owners[m.start] for m in run if m.start in owners and owners[m.start][0] <= limit]
    return min(found, key=lambda c: c[0]) if found else None


def is_topic(tok: Token) -> bool:
    """A work named on its own as a clause argument: not in a relative clause, a list or a
    parenthetical comparison."""
    if tok.dep_ == "conj" or any(c.dep_ == "conj" and not _apposed_description(c) for c in tok.children):
        return False
    node = tok
    for _ in range(10):
        if node.dep_ in ("relcl", "acl:relcl") or node.head.i == node.i:
            return node.dep_ not in ("relcl", "acl:relcl")
        node = node.head
    return True


def _apposed_description(conj: Token) -> bool:
    """A "conjunct" that is a description in apposition the parser took for a list member
    ("Les Enfants du port, son nouveau film"): a lower-case common noun after a comma, with no
    coordinator of its own."""
    return conj.pos_ == "NOUN" and conj.is_lower and conj.i > 0 and not any(c.dep_ == "cc" for c in conj.children) \
        and any(t.text == "," for t in conj.doc[conj.left_edge.i - 1:conj.i])


def _source_work(span: Span, lex: Lexicon) -> bool:
    """Whether a source noun names the work as a source ("the Slough House novels", "le roman
    Les Choses humaines"): the production a cast list is about is never the book."""
    doc = span.doc
    sources = lex.union("source_nouns", "book_nouns") - lex.words("work_nouns")
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and t.pos_ == "NOUN" and (t.lemma_.lower() in sources or t.lower_ in sources)
               for t in (before, after))


def _bracketed(span: Span) -> bool:
    """A title in brackets ("Tom Tykwer (Cours, Lola, cours)", "Denis Villeneuve (Premier
    Contact, Blade Runner 2049)"): a filmography or a comparison, never the work the passage's
    credits are about. Any item of the bracketed list counts."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and span.start - k <= 12 and doc[k].text not in ("(", ")", ".", ";"):
        k -= 1
    if k < 0 or doc[k].text != "(":
        return False
    after = doc[span.end:min(span.end + 6, len(doc))]  # "(Cours, Lola, cours)": the name may stop short
    return any(t.text == ")" for t in after) and not any(t.text == "(" for t in after)


def _named_as_work(span: Span, lex: Lexicon) -> bool:
    """Whether an untyped name is used as a work, not merely mentioned: introduced by a work
    noun ("la série X", "X, la nouvelle série de"), or a core argument of its clause (subject,
    object, root, or apposed to one). A name in a prepositional phrase ("aux premiers jours de
    la Grande Guerre", "sous l'Occupation", "produit par Mandarin") may be anything."""
    doc = span.doc
    nouns = lex.words("work_nouns")
    k = span.start - 1
    while k >= 0 and doc[k].pos_ in ("DET", "ADJ", "PUNCT") and doc[k].text not in (",", "(", ";"):
        k -= 1
    if k >= 0 and doc[k].pos_ == "NOUN" and doc[k].lemma_.lower() in nouns:
        return True
    root = span.root
    if any(c.pos_ == "NOUN" and c.lemma_.lower() in nouns and c.dep_ in ("appos", "nmod") for c in root.children) \
            or root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in nouns:
        return True
    if span.start > 1 and doc[span.start - 1].text == "," and in_fronted_phrase(doc, span.start - 2):
        return True  # "Présenté à Cannes, X marque…": the subject after a fronted phrase, however parsed
    node = root.head if root.dep_ in ("appos", "flat", "flat:name", "conj") else root
    return node.dep_ in SUBJ | PASS_SUBJ | OBJ | {"ROOT", "dislocated", "nsubj:outer"}


def focus_work(ctx, before_char: int, credit_titles: set[int], sent: Span) -> Mention | None:
    """The work a credit list at ``before_char`` is about: a work of its sentence named before
    it, else the latest topical work of the passage before it (see :func:`is_topic`)."""
    doc = ctx.doc
    best: Mention | None = None
    cast: Mention | None = None
    for m in ctx.mentions:
        if m.start in credit_titles or m.start >= before_char:
            continue
        untyped = m.type == "Misc"
        m = ctx.fit(m, ("CreativeWork",)) if untyped else m
        if m is None or m.type != "CreativeWork":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or _source_work(span, ctx.lex) or _bracketed(span) or reference_work(span, ctx.lex) \
                or untyped and not _named_as_work(span, ctx.lex):
            continue
        if sent.start_char <= m.start or is_topic(span.root):
            best = m
        if m.source.endswith(">cast_of"):
            cast = m
    if cast is not None and cast.start >= ctx.window_start(before_char):
        return cast  # "the cast of X" names the work its lists are about
    return best


def current_work(ctx):  # noqa: ANN201
    """``sent -> Mention | None``: the work the passage is about before ``sent`` (see
    :func:`focus_work`), for readers outside the credit lists."""
    return lambda sent: focus_work(ctx, sent.start_char, set(), sent)


#: Prepositions that introduce the work a list of names is credited in when it follows the list
#: ("On retrouve A et B dans la série X", "au générique des Oubliés", "in the film X").
_IN_WORK_PREPS = frozenset(("dans", "au", "aux", "à", "in", "on"))


def _work_after_list(seg: Span, run: list[Mention], ctx) -> Mention | None:
    """The work named after a credit list in its segment, introduced by a preposition of
    :data:`_IN_WORK_PREPS` with only articles, "de" and work or cast nouns between ("On retrouve A
    et B au casting des Oubliés"); None when another name comes first."""
    doc = seg.doc
    last = char_span(doc, run[-1].start, run[-1].end)
    if last is None:
        return None
    between = ctx.lex.union("work_nouns", "credit_work_nouns")
    for tok in doc[last.end:seg.end]:
        m = ctx.at(tok)
        if m is None or m.start != tok.idx or m.start < run[-1].end:
            continue
        if m.type == "Misc":  # an untyped title takes the type ("dans Les Oubliés")
            m = ctx.fit(m, ("CreativeWork",)) or m
        if m.type != "CreativeWork":
            if m.type in ("Person", "Organization"):
                return None
            continue
        k = tok.i - 1
        while k >= last.end and (doc[k].pos_ == "DET" or doc[k].lower_ in OF_FORMS
                                 or doc[k].lemma_.lower() in between or doc[k].lower_ in between):
            k -= 1
        return m if k >= last.end and doc[k].lower_ in _IN_WORK_PREPS else None
    return None


def _with_work(seg: Span, run: list[Mention], ctx, title_starts: set[int], window: int = 10) -> Mention | None:
    """The work of "<work> … avec X et Y" / "<work>, with X": a ``credit_with_cues`` word right
    before the names, and a work named shortly before it in the same segment."""
    if run[0].type != "Person":
        return None
    doc = seg.doc
    first = char_span(doc, run[0].start, run[0].end)
    if first is None or first.start == seg.start:
        return None
    cue_words = ctx.lex.words("credit_with_cues")
    k = first.start - 1
    while k > seg.start and doc[k].pos_ == "DET":
        k -= 1
    if doc[k].lower_ not in cue_words:
        return None
    if k == seg.start:  # "Avec Léa Drucker, Grégory Gadebois.": a film's credit block
        return focus_work(ctx, run[0].start, title_starts, seg.sent)
    for m in reversed(ctx.mentions):
        if m.start < seg.start_char or m.start >= doc[k].idx or m.start in title_starts:
            continue
        work = ctx.fit(m, ("CreativeWork",))  # an untyped title takes the type ("La comédie X, avec Y")
        if work is None:
            continue
        span = char_span(doc, m.start, m.end)
        if span is not None and reference_work(span, ctx.lex):
            continue  # "X, the Ozark co-creator, co-wrote the series with Y": not Ozark's cast
        return work if span is not None and k - span.end <= window else None
    return None


def _rel(person: Mention, pred: str, work: Mention, sent: Span, rule: str) -> Relation:
    if work_sides()[pred] == "subject":
        return Relation(work, pred, person, sent.text, sent.start_char, rule, CONFIDENCE)
    return Relation(person, pred, work, sent.text, sent.start_char, rule, CONFIDENCE)


def stray_bracket_relations(doc: Doc, ctx, found: list[Relation]) -> list[Relation]:
    """``found`` without the relations other rules drew to a bracketed title from anyone but
    the name before the bracket: "Imaginée par X et coécrite par Y (Z), cette série…" is not
    about Z, which only Y's filmography names."""
    credits = credits_in(doc, ctx)
    if not credits:
        return found
    holder_of = {t.start: c.holder.start for c in credits for t in c.titles}
    out = []
    for r in found:
        if not r.rule.startswith("credits."):
            ends = (r.subject, r.object)
            if any(e.start in holder_of and all(o.start != holder_of[e.start] for o in ends if o is not e) for e in ends):
                continue
        out.append(r)
    return out


#: Words of the lexicon's negations that also make comparisons and compounds ("plus de", "non-stop").
_COMPARATIVES = frozenset(("plus", "non"))


def _negated_before(seg: Span, first: Mention, ctx) -> bool:
    """Whether a negation of the lexicon (``hedge.negations``) comes before the first name of
    a credit list in its segment: "ne s'inspire d'aucun album de X", "is not directed by X"."""
    negations = ctx.lex.words("hedge", "negations") - _COMPARATIVES
    return any(t.lower_ in negations and t.idx < first.start for t in seg)


def credit_relations(doc: Doc, ctx, found: list[Relation]) -> Iterator[Relation]:
    """Relations of credit lists (see the module docstring). ``found`` holds what the other
    extractors found: a role they gave one member of a list is the role of the list."""
    cues = _cues(ctx.lex)
    if not cues:
        return
    glue = ctx.lex.words("credit_list_glue")
    credits = credits_in(doc, ctx)
    by_holder = {c.holder.start: c for c in credits}
    brackets = [(a, b) for a, b in bracket_groups(ctx.text)]
    quotes = list(getattr(ctx, "_quotes", []))
    title_starts = {t.start for c in credits for t in c.titles}
    office = {r.subject.start for r in found if r.predicate in _OFFICE}
    explicit: dict[int, list[tuple[str, Mention]]] = {}
    for r in found:
        side = work_sides().get(r.predicate)
        if side is None or r.rule.startswith(TOPIC_CREDIT):
            continue  # (a credit role read as the sentence before's topic is a guess, not a list's role)
        person, work = (r.object, r.subject) if side == "subject" else (r.subject, r.object)
        if work.start not in title_starts:
            explicit.setdefault(person.start, []).append((r.predicate, work))
    names = {i for i, m in ctx.by_token.items() if m.type in ("Person", "Organization")}
    for sent in doc.sents:
        if names.isdisjoint(range(sent.start, sent.end)):
            continue  # no person nor company: no credit list (:func:`_lists`), no cue owner
        for seg in _segments(sent):
            owners = _cue_owners(seg, ctx, cues, brackets, quotes)
            for run in _lists(seg, ctx, brackets, glue):
                credited = [m for m in run if m.start in by_holder]
                roles = [pw for m in run for pw in explicit.get(m.start, [])]
                if roles and len({p for m in run for p, _ in explicit.get(m.start, [])}) > 1:
                    continue  # "réalisé par X, A et B incarnent": the names hold different roles
                if roles:
                    pairs = list(dict.fromkeys((p, w.start, w) for p, w in roles))
                    roles = [(p, w) for p, _, w in pairs]
                    rule = "credits.shared_role"
                else:
                    cue = _run_cue(run, owners)
                    if cue is None or (len(run) == 1 and not credited and (cue[0] > 2 or not cue[2])):
                        work = _with_work(seg, run, ctx, title_starts)
                        if work is None:
                            continue  # one name, not right after a cue noun ("director X"): no credit list;
                            # verbs and participles around one name are the frames' job (they know the object)
                        roles, rule = [("actsIn", work)], "credits.with"
                    else:
                        if _negated_before(seg, run[0], ctx):
                            continue  # "le scénario ne s'inspire d'aucun album de X et Y": no credit
                        work = cue[3] or _work_after_list(seg, run, ctx) or focus_work(ctx, run[0].start, title_starts, sent)
                        roles, rule = [(cue[1], work)], "credits.cue"
                for m in run:
                    if m.start in office and not credited:
                        continue
                    job = _job_after(m, ctx) if rule == "credits.with" else None
                    if job == "":
                        continue  # "with X as cinematographer": a crew job no credit predicate holds
                    for pred, work in ([(job, w) for _, w in roles] if job else roles):
                        if m.type == "Organization" and pred != "produces":
                            continue
                        if work is not None and work.start != m.start:
                            yield _rel(m, pred, work, sent, rule)
                        credit = by_holder.get(m.start)
                        if credit is not None:
                            for t in credit.titles:
                                yield _rel(m, pred, t, sent, rule + ".bracket")


def _job_after(m: Mention, ctx) -> str | None:  # noqa: ANN001
    """The credit a job named right after ``m`` gives ("with X as director": directedBy), ``""``
    for a job no credit predicate holds ("avec X comme chef opérateur"), None when no job follows
    (a character's name after "as" is a part: "with X as Tom")."""
    doc = ctx.doc
    span = ctx.span(m)
    if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("as", "comme"):
        return None
    k = span.end + 1
    while k < len(doc) and k <= span.end + 3 and doc[k].pos_ in ("DET", "ADJ"):
        k += 1
    if k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN") or not doc[k].is_lower:
        return None
    roles = ctx.lex.credit_role_nouns
    return roles.get(doc[k].lemma_.lower()) or roles.get(doc[k].lower_) or ""


def _apposed_credit(text: str, r: Relation) -> bool:
    """Whether the work of ``r`` is named in an apposition right after its actor ("Niels
    Schneider, révélé par Les Amours imaginaires, y donne la réplique à…"): an earlier credit,
    not the work the sentence is about."""
    between = text[r.subject.end:r.object.start]
    return r.object.start > r.subject.end and between.lstrip().startswith(",") and between.count(",") == 1


def _cast_tail(doc: Doc, span: Span, sent: Span, tails: list[tuple[str, ...]]) -> bool:
    """Whether the list of names that ``span`` opens ends with a cast tail of the lexicon
    (``cast_list_tails``): "with A, B and C in support", "avec A et B au casting"."""
    end = max(t.i for t in with_conjuncts([span.root]))
    end = max([end, *(t.i for t in doc[end].subtree if t.i <= end + 3 and t.pos_ == "PROPN")])
    words = [t.lower_ for t in doc[end + 1:min(sent.end, end + 6)] if t.lower_ not in ("also", "aussi", "également")]
    return any(tuple(words[:len(c)]) == c for c in tails)


def costar_relations(doc: Doc, ctx, found: list[Relation]) -> Iterator[Relation]:
    """Co-stars: a person named after a ``costar_cues`` phrase ("aux côtés de", "face à",
    "donne la réplique à", "alongside", "opposite") in the sentence of an ``actsIn`` fact acts
    in the same work, with the names coordinated with it ("X joue dans W aux côtés de A et B")."""
    cues = [tuple(c.split()) for c in ctx.lex.words("costar_cues")]
    if not cues:
        return
    with_cues = ctx.lex.words("credit_with_cues")
    tails = [tuple(c.split()) for c in ctx.lex.words("cast_list_tails")]
    crew = {r.object.start if work_sides()[r.predicate] == "subject" else r.subject.start
            for r in found if r.predicate in work_sides() and r.predicate != "actsIn"}
    by_tok = {}
    for m in ctx.mentions:
        span = ctx.span(m)
        person = m if m.type == "Person" else Mention(m.text, m.start, m.end, "Person", m.source + ">Person") \
            if m.type == "Misc" and m.source.startswith("ner:") and all(w[:1].isupper() for w in m.text.split()) \
            else None  # "face à JoeyStarr" (NER: MISC), after a cue only; not "JoeyStarr au casting"
        if span is not None and person is not None:
            by_tok[span.start] = (person, span)
    # a past credit ("X (Les Rives)", "X, révélé par W"), whichever rule also gave it, is no work
    # the co-stars share
    past = {(r.subject.start, r.object.start) for r in found
            if r.predicate == "actsIn" and (r.rule.endswith(".bracket") or _apposed_credit(ctx.text, r))}
    for r in [r for r in found if r.predicate == "actsIn" and (r.subject.start, r.object.start) not in past]:
        sent = char_span(doc, r.subject.start, r.subject.end)
        if sent is None:
            continue
        sent = sent.sent
        for i in range(sent.start, sent.end):
            if i not in by_tok:
                continue
            m, span = by_tok[i]
            k = span.start
            while k > sent.start and doc[k - 1].pos_ == "DET":
                k -= 1
            words = [t.lower_ for t in doc[max(sent.start, k - 4):k]]
            lemmas = [t.lemma_.lower() for t in doc[max(sent.start, k - 4):k]]
            if not any(tuple(words[-len(c):]) == c or tuple(lemmas[-len(c):]) == c for c in cues) \
                    and not (words[-1:] and words[-1] in with_cues and _cast_tail(doc, span, sent, tails)):
                continue
            for t in with_conjuncts([span.root]):
                hit = by_tok.get(t.i) or next((v for v in by_tok.values() if v[1].start <= t.i < v[1].end), None)
                if hit is None:
                    continue
                person = hit[0]
                if person.start != r.subject.start and person.start not in crew:
                    yield Relation(person, "actsIn", r.object, sent.text, sent.start_char, "credits.costar", CONFIDENCE)


def inverted_cast_relations(doc: Doc, ctx, found: list[Relation]) -> Iterator[Relation]:
    """Inverted cast sentences: "Joining X in the cast of W are A (B), C and D", "Rounding out
    the ensemble are A and B", "Also starring are A and B": a fronted phrase with an ``actsIn``
    credit cue, the verb "be", then the names. Every person after the verb acts in the work the
    phrase names ("the cast of W") or, failing that, the work the passage is about; so does a
    person the fronted verb takes ("Joining X")."""
    cues = {c for c, pred in _cues(ctx.lex) if pred == "actsIn"}
    if not cues:
        return
    for sent in doc.sents:
        first = sent[0]
        # the phrase opens with a participle or an adverb ("Joining", "Rounding out", "Also starring")
        if not (first.tag_ == "VBG" or first.pos_ == "ADV" or "Part" in first.morph.get("VerbForm")):
            continue
        root = next((t for t in sent if t.lemma_.lower() in ("be", "être") and t.i - sent.start >= 2
                     and not t.dep_.startswith("aux")), None)  # the verb "be", not a passive's auxiliary
        if root is None:
            continue
        before = doc[sent.start:root.i]
        words = [t.lower_ for t in before]
        if not any(tuple(words[k:k + len(c)]) == c for c in cues for k in range(len(words))):
            continue
        work = next((m for m in ctx.mentions if before.start_char <= m.start < before.end_char
                     and m.source.endswith(">cast_of")), None) or focus_work(ctx, sent.start_char, set(), sent)
        if work is None:
            continue
        people = [m for m in ctx.mentions if m.type == "Person" and m.start >= root.idx and m.end <= sent.end_char]
        people += [m for m in ctx.mentions if m.type == "Person" and before.start_char <= m.start < before.end_char]
        for p in people:
            if not _inside(bracket_groups(ctx.text), p.start):
                yield Relation(p, "actsIn", work, sent.text, sent.start_char, "credits.inverted_cast", CONFIDENCE)


def discussed_work(tok: Token, ctx) -> Mention | None:  # noqa: ANN001
    """The work under discussion at ``tok``: the clause's or the previous sentence's subject
    work (the topic), else the latest work named in this sentence or the previous one."""
    sent = tok.sent
    start = ctx.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    m = ctx.prominent(tok, ("CreativeWork",))
    if m is None or m.start >= tok.idx:
        m = ctx.antecedent(tok.idx, ("CreativeWork",))
    if m is None or m.start < start:
        return None
    return m


def cast_includes_relations(doc: Doc, ctx) -> Iterator[Relation]:  # noqa: ANN001
    """A cast noun as the subject of an including verb: "The cast includes X, Y and Z", "its cast
    also features X", "Le casting, emmené par X, comprend aussi A et B" (lexicon ``cast_nouns``,
    ``cast_include_verbs``). The work is the cast's ("the cast of W", "son casting") or the one
    under discussion; the names a participle on the cast noun introduces ("emmené par X") act too.
    """
    include_verbs, cast_nouns = ctx.lex.words("cast_include_verbs"), ctx.lex.words("cast_nouns")
    if not include_verbs or not cast_nouns:
        return
    for verb in word_tokens(doc, include_verbs, lemma=True, pos=("VERB", "AUX")):
        subj = subject_of(verb)
        if subj and subj[0].tag_ == "WDT" and verb.dep_ == "relcl":
            subj = [verb.head]  # "the cast, which also includes X"
        if not subj or subj[0].lemma_.lower() not in cast_nouns or ctx.unasserted(verb, "actsIn"):
            continue
        cast = subj[0]
        work = None
        owners = [c for c in cast.children if c.dep_ in ("poss", "nmod:poss")]
        owners += [n for p, n in obliques(cast) if p in OF_FORMS]
        for t in owners:
            found = ctx.resolve(t, ("CreativeWork",), follow_conj=False)
            if found:
                work = found[0]
        work = work or discussed_work(verb, ctx)
        if work is None:
            continue
        people = [c for c in verb.children if c.dep_ in OBJ]
        people += [n for c in cast.children if c.dep_ in ("acl", "amod") for p, n in obliques(c) if p in AGENT_PREPS]
        seen: set[tuple[int, int]] = set()
        for tok in people:
            for p in ctx.resolve(tok, ("Person",)):
                if (p.start, p.end) not in seen:
                    seen.add((p.start, p.end))
                    yield Relation(p, "actsIn", work, verb.sent.text, verb.sent.start_char, "credits.cast_includes", 0.7)
