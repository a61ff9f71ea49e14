"""Name repairs at the mention stage: the pieces NER or the gazetteer made of one name.

* :func:`acronym_long_forms`: "L'Agence France-Presse (AFP)" is one organisation, not a
  place "France" and a bracket;
* :func:`join_split_names`: "Florent" (read as a place) + "Emilio Siri" is one person;
* :func:`extend_known_names`: a known name followed by more capitalised words is the start
  of a longer name ("Altice" in "Altice Media", "Universal Music" in "Universal Music Group").

Example:
    >>> from kg.records import Mention
    >>> import spacy
    >>> doc = spacy.blank("fr")("Florent Emilio Siri signe.")
    >>> [m.text for m in join_split_names(doc, [Mention("Florent", 0, 7, "Place", "ner:LOC"),
    ...                                          Mention("Emilio Siri", 8, 19, "Person", "ner:PER")])]
    ['Florent Emilio Siri']
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.credits import DEFINITE, bracket_groups
from kg.extract.syntax import DATE_ENTS, char_span, doc_text, token_words, whole_word_hits, word_tokens
from kg.gazetteer import given_names, opens_with_given_name
from kg.records import Mention


def acronym_long_forms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name defined with its acronym, "L'Agence France-Presse (AFP)", is one organisation
    mention in full, whatever pieces NER or the gazetteer made of it ("France" as a place).
    Resolution then names every later "l'AFP" in full."""
    from kg.resolve import is_acronym, is_acronym_of  # noqa: PLC0415  (pure text helpers)

    text = doc_text(doc)
    out = list(mentions)
    for a, b in bracket_groups(text):
        acronym = text[a + 1:b].strip()
        if not is_acronym(acronym):
            continue
        span = char_span(doc, a, a + 1)
        if span is None:
            continue
        j = span.start
        while j > 0 and doc[j - 1].is_space:
            j -= 1
        best = None
        for k in range(j - 1, max(j - 9, -1), -1):  # the shortest run of words before the bracket
            if doc[k].is_punct and doc[k].text not in ("-", "‑", "&", "."):
                break
            if doc[k].text[:1].isupper() and is_acronym_of(acronym, doc[k:j].text):
                best = doc[k:j]
                break
        if best is None:
            continue
        s0, e0 = best.start_char, best.end_char
        inside = [m for m in out if m.start < e0 and s0 < m.end]
        if any(m.start < s0 or m.end > e0 for m in inside):
            continue  # a name reaching outside: not this definition
        typ = next((m.type for m in inside if m.type in ("Organization", "Event", "Award", "Product")), "Organization")
        out = [m for m in out if m not in inside]
        out.append(Mention(best.text, s0, e0, typ, "context:acronym"))
        # later uses of the acronym the NER missed ("PDG de l'AFP") are the same organisation
        covered = {i for m in out for i in range(m.start, m.end)}
        for s1, e1 in ((b + x, b + y) for x, y in whole_word_hits(text[b:], acronym, "-")):
            if not covered.intersection(range(s1, e1)):
                out.append(Mention(acronym, s1, e1, typ, "context:acronym"))
    return sorted(out, key=lambda m: m.start)


def join_split_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A one-word place or untyped name glued to a person's name is the person's first name
    ("Florent" + "Emilio Siri" read as a place and a person)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.type == "Person" and prev.type in ("Place", "Misc") \
                and not prev.source.startswith("gazetteer") and " " not in prev.text and prev.text[:1].isupper() \
                and doc_text(doc)[prev.end:m.start] == " ":
            out[-1] = Mention(doc_text(doc)[prev.start:m.end], prev.start, m.end, "Person", m.source + ">joined")
            continue
        out.append(m)
    return out


def ampersand_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names joined by "&" are one name, which NER cuts at the ampersand: "Key & Peele", "Rire &
    Chansons", "Daisy Jones & The Six" (a mention ending with "&" takes the capitalised words
    after it). A person's full name is never joined, nor a gazetteer name; two one-word persons
    name a duo or its show, left untyped.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("He starred in Key & Peele.")
        >>> ms = [Mention("Key", 14, 17, "CreativeWork", "ner:ORG"), Mention("Peele", 20, 25, "CreativeWork", "ner:ORG")]
        >>> [(m.text, m.type) for m in ampersand_names(doc, ms)]
        [('Key & Peele', 'CreativeWork')]
    """
    text = doc_text(doc)
    out: list[Mention] = []
    for m in mentions:
        if m.text.endswith(" &") and not m.source.startswith("gazetteer"):
            m = Mention(m.text[:-2], m.start, m.end - 2, m.type, m.source)  # "Emma Stone &": NER ran into the join
        prev = out[-1] if out else None
        duo = prev is not None and prev.type == m.type == "Person" and " " not in prev.text + m.text
        if prev is not None and text[prev.end:m.start] == " & " and (duo or not (prev.type == "Person" or m.type == "Person")) \
                and not prev.source.startswith("gazetteer") and not m.source.startswith("gazetteer"):
            # two surnames joined ("Key & Peele") name a duo or its show: left untyped
            typ = "Misc" if duo else next((t for t in ("CreativeWork", "Organization", "Misc") if t in (prev.type, m.type)),
                                          prev.type)
            out[-1] = Mention(text[prev.start:m.end], prev.start, m.end, typ, prev.source + ">ampersand")
            continue
        if text[m.end:m.end + 3] == " & " and m.type != "Person" and not m.source.startswith("gazetteer"):
            span = char_span(doc, m.start, m.end)
            end = span.end + 1 if span is not None else len(doc)  # past the "&"
            while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha \
                    and not doc[end].is_sent_start and not any(x.start <= doc[end].idx < x.end for x in mentions):
                end += 1
            if span is not None and end > span.end + 1:
                last = doc[end - 1]
                m = Mention(text[m.start:last.idx + len(last)], m.start, last.idx + len(last), m.type, m.source + ">ampersand")
        out.append(m)
    return out


def headed_org_names(doc: Doc, mentions: list[Mention], heads: frozenset[str],
                     links: frozenset[str] = frozenset({"du", "de", "des", "d'", "d’", "la", "l'", "l’"})) -> list[Mention]:
    """A capitalised organisation head word mid-sentence, then "du"/"de la"/"d'" and capitalised
    words, is one company name, with its article: "Les Films du Losange", "les Films de Mina"
    (NER cuts them into pieces or misses them). ``heads``: lexicon ``mention_org_heads``.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Produit par Les Films du Kiosque, le film sort.")
        >>> ms = [Mention("Films", 16, 21, "Organization", "ner:ORG"), Mention("Kiosque", 25, 32, "Misc", "ner:MISC")]
        >>> [(m.text, m.type) for m in headed_org_names(doc, ms, frozenset({"films"}))]
        [('Les Films du Kiosque', 'Organization')]
    """
    found: list[tuple[int, int]] = []
    for tok in word_tokens(doc, heads, start=1, end=-2):
        if not tok.is_title or doc[tok.i - 1].is_punct and doc[tok.i - 1].text != ",":
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].lower_ in links:
            j += 1
        if j == tok.i + 1 or j - tok.i > 3:
            continue
        end = j
        while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and not doc[end].is_sent_start:
            end += 1
        if end == j:
            continue
        start = tok.i - 1 if doc[tok.i - 1].lower_ in ("les", "le", "la") else tok.i
        found.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    if not found:
        return mentions
    out = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in found)]
    out += [Mention(doc_text(doc)[a:b], a, b, "Organization", "context:head") for a, b in found
            if not any(m.start < b and a < m.end for m in out)]
    return sorted(out, key=lambda m: m.start)


def described_org_names(doc: Doc, mentions: list[Mention], nouns: frozenset[str]) -> list[Mention]:
    """A capitalised name no mention covers, right after an organisation noun: "the Nordic
    streamer Viaplay", "le diffuseur Salto" (the NER misses a small company's name there).
    ``nouns``: lexicon ``mention_org_nouns``. A date word the NER read as one is no name.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("The Nordic streamer Viaplay bought it.")
        >>> for t, p in zip(doc, ["DET", "ADJ", "NOUN", "NOUN", "VERB", "PRON", "PUNCT"]):
        ...     t.pos_ = p
        >>> [(m.text, m.type) for m in described_org_names(doc, [], frozenset({"streamer"}))]
        [('Viaplay', 'Organization')]
    """
    found: list[tuple[int, int]] = []
    for tok in word_tokens(doc, nouns, pos=("NOUN",), end=-1):
        j = end = tok.i + 1
        while end < len(doc) and end - j < 3 and doc[end].text[:1].isupper() and doc[end].ent_type_ not in DATE_ENTS \
                and not doc[end].is_sent_start and not doc[end].is_punct:
            end += 1
        if end == j:
            continue
        a, b = doc[j].idx, doc[end - 1].idx + len(doc[end - 1])
        if not any(m.start < b and a < m.end for m in mentions):
            found.append((a, b))
    if not found:
        return mentions
    text = doc_text(doc)
    return sorted(mentions + [Mention(text[a:b], a, b, "Organization", "context:org_noun") for a, b in found],
                  key=lambda m: m.start)


def org_work_titles(doc: Doc, mentions: list[Mention], nouns: frozenset[str]) -> list[Mention]:
    """English "the <company> <work noun> <Name>": the name is the company's work, whatever the
    NER or the gazetteer made of it ("the Paramount Network hit Yellowstone", a park for the
    gazetteer; "the Netflix original Winter Kings", missed), read on the surface: the tagger
    often takes "hit" for a verb and "original" for an adjective. ``nouns``: the lexicon's work
    nouns and ``possessive_work_nouns``. A person's name keeps its type.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("The Netflix original Winter Kings debuts.")
        >>> ms = [Mention("Netflix", 4, 11, "Organization", "gazetteer")]
        >>> [(m.text, m.type) for m in org_work_titles(doc, ms, frozenset({"original"}))]
        [('Netflix', 'Organization'), ('Winter Kings', 'CreativeWork')]
    """
    if not nouns:
        return mentions
    text = doc_text(doc)
    by_start = {m.start: m for m in mentions}
    out = list(mentions)
    for m in mentions:
        if m.type != "Organization":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or span.start == 0 or doc[span.start - 1].lower_ not in ("the", "a", "an") \
                or span.end + 1 >= len(doc) or doc[span.end].lower_ not in nouns:
            continue
        first = doc[span.end + 1]
        if not first.is_title or first.is_sent_start:
            continue
        named = by_start.get(first.idx)
        if named is not None:
            if named.type in ("Person", "CreativeWork", "Award", "Quote"):
                continue
            a, b = named.start, named.end
        else:
            end = span.end + 1
            while end < len(doc) and end - span.end <= 5 and (doc[end].is_title or doc[end].like_num) \
                    and not doc[end].is_sent_start:
                end += 1
            a, b = first.idx, doc[end - 1].idx + len(doc[end - 1])
            if any(x.start < b and a < x.end for x in out):
                continue
        out = [x for x in out if x is not named] + [Mention(text[a:b], a, b, "CreativeWork", "context:org_work_noun")]
    return sorted(out, key=lambda x: x.start)


def suffixed_event_names(doc: Doc, mentions: list[Mention], suffixes: frozenset[str]) -> list[Mention]:
    """A capitalised name ending in an event noun is one event: "the Venice Film Festival",
    "the Monte-Carlo Television Festival" (the NER reads a place and leaves the rest, or calls
    it all a building). ``suffixes``: lexicon ``mention_event_suffixes``. The mentions inside
    the name give way to it; a name crossing another mention's edge is left alone.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("It won at the Venice Film Festival.")
        >>> ms = [Mention("Venice", 14, 20, "Place", "gazetteer")]
        >>> [(m.text, m.type) for m in suffixed_event_names(doc, ms, frozenset({"festival"}))]
        [('Venice Film Festival', 'Event')]
    """
    if not suffixes:
        return mentions
    out = list(mentions)
    text = doc_text(doc)
    for tok in doc[1:]:
        if tok.lower_ not in suffixes or not tok.is_title:
            continue
        j = tok.i
        while j - 1 >= 0 and tok.i - j < 6 and not doc[j - 1].is_sent_start and (
                doc[j - 1].is_title and doc[j - 1].pos_ != "DET" or doc[j - 1].is_upper and doc[j - 1].is_alpha
                or doc[j - 1].text in ("-", "‑") and j - 2 >= 0 and doc[j - 2].is_title):
            j -= 1
        if j == tok.i:
            continue
        a, b = doc[j].idx, tok.idx + len(tok)
        if any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in out) \
                or any(m.start == a and m.end == b and m.type == "Event" for m in out):
            continue
        out = [m for m in out if not (a <= m.start and m.end <= b)] + [Mention(text[a:b], a, b, "Event", "context:event_suffix")]
    return sorted(out, key=lambda m: m.start)


def country_branches(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An organisation name followed by a place the parser attaches to it is one name: the
    national branch "Universal Music France", "Banijay Studios France", "Netflix Italia"."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "Organization" and m.type == "Place" and doc_text(doc)[prev.end:m.start] == " ":
            span = char_span(doc, m.start, m.end)
            org = char_span(doc, prev.start, prev.end)
            if span is not None and org is not None and span.root.dep_ in ("flat:name", "flat", "compound", "nmod", "appos") \
                    and org.start <= span.root.head.i < org.end and not any(t.dep_ == "case" for t in span.root.children):
                out[-1] = Mention(doc_text(doc)[prev.start:m.end], prev.start, m.end, "Organization", prev.source + ">branch")
                continue
        out.append(m)
    return out


def extend_known_names(doc: Doc, mentions: list[Mention], stop: frozenset[str] = frozenset()) -> list[Mention]:
    """A gazetteer organisation followed by capitalised nouns that belong to no other mention
    is the start of a longer name: "Altice Media", "Universal Music Group", "M6 Publicité"."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Mention] = []
    for m in mentions:
        if m.type == "Organization" and m.source.startswith("gazetteer"):
            span = char_span(doc, m.start, m.end)
            end = span.end if span is not None else None
            j = end
            while j is not None and j < len(doc) and j - end < 3 and doc[j].pos_ in ("PROPN", "NOUN", "X") \
                    and doc[j].text[:1].isupper() and not doc[j].is_sent_start and doc[j].idx not in covered \
                    and doc[j].lower_ not in stop and doc[j - 1].whitespace_:
                j += 1
            if j is not None and j > end:
                m = Mention(doc[span.start:j].text, m.start, doc[j - 1].idx + len(doc[j - 1]), m.type,
                            m.source + ">extended")
        out.append(m)
    return out


#: Determiners before a genre noun that introduces a title ("le thriller X", "the sitcom X").
_GENRE_DETS = frozenset(("le", "la", "l'", "l’", "un", "une", "ce", "cette", "son", "sa", "the", "a", "an", "this", "its"))


#: Articles of a genre description in apposition ("X, un thriller feutré"); a demonstrative or a
#: possessive there opens the next clause ("…, ce thriller suit…").
_APPOSITION_DETS = (DEFINITE - {"les"}) | {"un", "une", "a", "an"}


def genre_titles(doc: Doc, mentions: list[Mention], genre_nouns: frozenset[str]) -> list[Mention]:
    """An untyped or place-typed name right after "DET GENRE" is a work: "le thriller Nuit
    Blanche", "the sitcom Parks And Recreation" (not "un studio d'animation Orléa": the genre
    noun must follow a determiner); so is one described by "DET GENRE" in apposition ("Quand
    vient l'automne, un thriller feutré"; not "Tourné à Marseille, le thriller sort…", where the
    genre noun is the next clause's subject)."""
    out: list[Mention] = []
    for m in mentions:
        span = char_span(doc, m.start, m.end)
        if span is not None and m.type in ("Misc", "Place") and not m.source.startswith("gazetteer"):
            if span.start >= 2 and doc[span.start - 1].lower_ in genre_nouns and doc[span.start - 2].lower_ in _GENRE_DETS:
                m = Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">genre")
            elif _genre_apposition(doc, span.end, genre_nouns):
                m = Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">genre")
        out.append(m)
    return out


def _genre_apposition(doc: Doc, end: int, genre_nouns: frozenset[str]) -> bool:
    """Whether ", DET (ADJ) GENRE" follows token ``end`` as a description, not as a subject."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _APPOSITION_DETS:
        return False
    k = end + 2
    if doc[k].pos_ == "ADJ" and k + 1 < len(doc):
        k += 1  # "un nouveau thriller"
    genre = doc[k]
    if genre.lower_ not in genre_nouns:
        return False
    head = genre.head
    return not (genre.dep_.startswith("nsubj") and head.i > genre.i and head.pos_ in ("VERB", "AUX")
                and not any(t.text == "," for t in doc[genre.i:head.i]))


def described_titles(doc: Doc, mentions: list[Mention], work_nouns: frozenset[str],
                     lone: frozenset[int] = frozenset(), *,
                     words: tuple[list[str], list[str], list[str]] | None = None) -> list[Mention]:
    """A name described by a work noun is a work, whatever NER made of it: "Severance is an
    Apple TV+ series", "Yellowstone, the Paramount Network hit, …". The name is the copula's
    subject or the phrase the description is in apposition to; a name the NER missed is
    added when it is capitalised. Gazetteer names and persons keep their type, except the
    one-word names of ``lone`` (:func:`lone_names`)."""
    by_char = {m.start: i for i, m in enumerate(mentions)}
    covered = {c for m in mentions for c in range(m.start, m.end)}
    out = list(mentions)
    lower, _, pos = words if words is not None else token_words(doc)
    for tok in (doc[i] for i, (low, p) in enumerate(zip(lower, pos)) if low in work_nouns and p == "NOUN"):
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "the production company behind X": a modifier, not the description's noun
        name = None
        apposed = False  # the description right after "NAME ,": a work however NER typed the name
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i]
            if subj and subj[0].text[:1].isupper():
                sub = subj[0]
                left = min(t.i for t in sub.subtree)
                name = doc[left:sub.i + 1]
        elif any(c.dep_ == "cop" for c in tok.children) and (subj := [c for c in tok.children if c.dep_ == "nsubj"
                                                                       and c.i < tok.i]):
            # "Ligne de crête est un thriller", "Mauvaise graine est un drame": a French copula's
            # subject, a title when its noun or its first word (not an article) is capitalised
            sub = subj[0]
            left, right = sub.left_edge.i, sub.right_edge.i
            first = doc[left]
            if right < tok.i and (sub.is_title or first.is_title and first.pos_ not in ("DET", "PRON")) \
                    and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[left:right + 1]):
                name = doc[left:right + 1]
        elif tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and tok.head.i > tok.i and tok.head.pos_ in ("VERB", "AUX") \
                and not any(t.text == "," for t in doc[tok.i:tok.head.i]) \
                and not (tok.i >= 2 and doc[tok.i - 1].pos_ == "DET" and doc[tok.i - 2].text == ":"):
            # "…de Lille, la fiction est produite par": the main clause's subject, not a description
            # (after a colon it describes the name before it: "Razzia pour X : la série de FX a…")
            continue
        else:  # "X, the Paramount Network hit": a description after "NAME ,"
            j = tok.i - 1
            while j >= 0 and (doc[j].pos_ in ("ADJ", "PROPN", "NOUN", "NUM") or doc[j].text in ("-", "‑")) and tok.i - j < 7:
                j -= 1
            if j >= 1 and doc[j].pos_ == "DET" and doc[j - 1].text in (",", ":") and j >= 2:  # "X : la série de FX"
                k = j - 2
                while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].is_sent_start:
                    k -= 1
                # a title with small words ("One of Us is Lying"): back to the capitalised word
                # after the verb or preposition that governs it, at most seven words
                t = j - 2
                while t > 0 and j - 1 - t < 7 and not doc[t - 1].is_punct and doc[t - 1].pos_ != "VERB" \
                        and doc[t - 1].dep_ != "prt" and not doc[t].is_sent_start:
                    t -= 1
                if t < k and doc[t].text[:1].isupper() and (t == 0 or doc[t - 1].pos_ == "VERB" or doc[t - 1].dep_ == "prt") \
                        and sum(w.text[:1].isupper() for w in doc[t:j - 1]) * 2 >= len(doc[t:j - 1]) \
                        and not any(w.is_lower and w.pos_ in ("NOUN", "VERB", "ADJ") for w in doc[t:k]):
                    # only small words in lower case ("of", "is"): "Trois ans après Valparaiso" is no title
                    k = t
                ending = next((m for m in out if m.end == doc[j - 2].idx + len(doc[j - 2].text) and m.type == "Misc"), None)
                if ending is not None and (doc[j - 1].text == ":" or not _finite_verb_next(tok)):
                    # an untyped NER name ends there: its bounds ("pour Les Oubliés : la série"); not
                    # before a main clause's subject ("…, à commencer par X, ce thriller suit…")
                    name = char_span(doc, ending.start, ending.end, strict=True)
                elif doc[j - 2].text[:1].isupper():
                    name = doc[k:j - 1]
                    apposed = doc[j - 1].text == "," and tok.lemma_.lower() in work_nouns \
                        and doc[j].lower_ not in ("whose", "dont") and "Rel" not in doc[j].morph.get("PronType")
                elif doc[j - 1].text == "," and (start := _sentence_case_start(doc, j - 2)) is not None \
                        and not any(m.start <= doc[start].idx < m.end and m.type != "Misc" for m in out):
                    name = doc[start:j - 1]  # "à l'affiche de Deux rives, une comédie dramatique"
        if name is None or not len(name) or not name.text[:1].isupper() \
                or len(name) == 1 and name[0].pos_ in ("PRON", "DET"):  # "This is the most personal film"
            continue
        inside = [m for m in out if name.start_char <= m.start and m.end <= name.end_char]
        retypable = ("Misc", "Place", "Organization")  # an organisation is never "a drama" nor "the HBO series"
        if inside and all((m.type in retypable or m.start in lone) and not m.source.startswith("gazetteer") for m in inside) \
                and not any(m.start == name.start_char and m.end == name.end_char for m in inside):
            out = [m for m in out if m not in inside]  # "Us" (a place) inside "One of Us is Lying"
            covered -= {c for m in inside for c in range(m.start, m.end)}
            by_char = {m.start: n for n, m in enumerate(out)}
        i = by_char.get(name.start_char)
        if i is not None:
            m = out[i]
            person_ok = apposed and m.type == "Person" and " " not in m.text  # "dans Tapie, une mini-série"
            if (m.type in retypable or m.start in lone or person_ok) and not m.source.startswith("gazetteer") \
                    and m.end == name.end_char:
                out[i] = Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">described")
        elif not covered.intersection(range(name.start_char, name.end_char)) and len(name) <= 6:
            out.append(Mention(name.text, name.start_char, name.end_char, "CreativeWork", "context:described"))
    return sorted(out, key=lambda m: m.start)


def _sentence_case_start(doc: Doc, last: int) -> int | None:
    """The first word of a title written in sentence case that ends with the lower-case noun or
    adjective ``last`` ("à l'affiche de Deux rives", "dans Mauvaise graine"): a capitalised word
    inside the sentence, after a preposition, an article or a verb, then at most four lower-case
    nouns, adjectives, numbers, articles or prepositions; None when there is no such title.
    (The caller keeps a typed name as the first word: "à Lyon cet été, un film" names no title.)"""
    if not (doc[last].is_lower and doc[last].is_alpha and doc[last].pos_ in ("NOUN", "ADJ")):
        return None
    t = last
    while t > 0 and last - t < 5 and doc[t].is_lower and doc[t].pos_ in ("NOUN", "ADJ", "NUM", "DET", "ADP"):
        t -= 1
    first = doc[t]
    if t == last or not first.is_title or not first.is_alpha or first.is_sent_start or first.pos_ in ("VERB", "AUX", "PRON") \
            or doc[t - 1].pos_ not in ("ADP", "DET", "VERB"):
        return None
    return t


def _finite_verb_next(tok: Token) -> bool:
    """Whether a finite verb follows ``tok`` in its sentence before any comma: then the phrase
    ``tok`` heads is the main clause's subject ("…, ce thriller d'espionnage suit…"), not an
    apposition closed by a comma ("X, la série de FX, a remporté…")."""
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.text in (",", ";", "(", ")"):
            return False
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            return True
    return False


def organisation_forms(doc: Doc, mentions: list[Mention], org_nouns: frozenset[str],
                       demonyms: frozenset[str], quantities: frozenset[str] = frozenset()) -> list[Mention]:
    """Organisation names as news writes them around NER's spans:

    * a channel or station number belongs to the name: "Europe 1", "France 5" (NER cuts
      before the number, and types the rest a place); so does a work's: "Blade Runner 2049"
      (unless a word of ``quantities`` follows: "Netflix 12 millions");
    * a lower-case generic head is not part of the name: "groupe Lagardère" -> "Lagardère", nor is
      a nationality before a person's name: "le Britannique George Kay" -> "George Kay";
    * a company named by a nationality used as a noun, "l'allemand Leonine", or after an
      organisation noun and a nationality, "le groupe allemand Bertelsmann", is an
      organisation whatever NER said (French writes people's nationalities capitalised:
      "le Britannique George Kay").

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Europe 1 recrute.")
        >>> [m.text for m in organisation_forms(doc, [Mention("Europe", 0, 6, "Place", "ner:LOC")],
        ...                                     frozenset(), frozenset())]
        ['Europe 1']
    """
    starts = {m.start for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        span = char_span(doc, m.start, m.end)
        if span is None or m.source.startswith("gazetteer") and m.type not in ("Organization", "Place"):
            out.append(m)
            continue
        if m.type in ("Organization", "Place", "Misc", "CreativeWork") and span.end < len(doc):
            num = doc[span.end]
            after = doc[span.end + 1] if span.end + 1 < len(doc) else None
            digits = 4 if m.type == "CreativeWork" else 2  # "Blade Runner 2049", "Europe 1"
            if num.text.isdigit() and len(num.text) <= digits and num.idx not in starts and doc_text(doc)[m.end:num.idx] == " " \
                    and (after is None or after.lower_ not in quantities and not after.like_num):
                typ = m.type if m.type == "CreativeWork" else "Organization"
                m = Mention(doc_text(doc)[m.start:num.idx + len(num.text)], m.start, num.idx + len(num.text), typ,
                            m.source + ">number")
                span = doc[span.start:span.end + 1]
        if m.type == "Organization" and len(span) > 1 and span[0].is_lower \
                and span[0].lemma_.lower() in org_nouns:
            rest = span[1:]
            m = Mention(rest.text, rest.start_char, rest.end_char, m.type, m.source)
            span = rest
        if m.type == "Person" and len(span) >= 3 and span[0].lower_ in demonyms:
            rest = span[1:]  # "le Britannique George Kay": the nationality is not part of the name
            m = Mention(rest.text, rest.start_char, rest.end_char, m.type, m.source)
            span = rest
        if m.type in ("Person", "Place", "Misc") and m.source.startswith("ner") and span.start >= 2:
            prev, before = doc[span.start - 1], doc[span.start - 2]
            demonym = prev.is_lower and prev.lower_ in demonyms
            if demonym and (before.pos_ == "DET" or before.is_lower and before.lemma_.lower() in org_nouns):
                m = Mention(m.text, m.start, m.end, "Organization", "context:demonym")
        out.append(m)
    return out


def list_type_agreement(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name NER typed apart from the persons it is listed with is a person too: "Kristin
    Scott Thomas, Jack Lowden and Saskia Reeves" (the last read as a company). Only lists of
    three or more names joined by commas and a final "and"/"et", only NER types (the
    gazetteer knows better), and only names of two or three capitalised words.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("With Ann Lee, Bob Ray and Cy Oda.")
        >>> ms = [Mention("Ann Lee", 5, 12, "Person", "ner:PERSON"), Mention("Bob Ray", 14, 21, "Person", "ner:PERSON"),
        ...       Mention("Cy Oda", 26, 32, "Organization", "ner:ORG")]
        >>> [m.type for m in list_type_agreement(doc, ms)]
        ['Person', 'Person', 'Person']
    """
    out = list(mentions)
    text = doc_text(doc)
    i = 0
    while i < len(out):
        run = [i]
        j = i
        while j + 1 < len(out):
            gap = text[out[j].end:out[j + 1].start].strip().lower()
            if gap not in (",", "and", "et", ", and", "&"):
                break
            run.append(j + 1)
            j += 1
            if gap in ("and", "et", ", and", "&"):
                break
        if len(run) >= 3:
            persons = sum(out[k].type == "Person" for k in run)
            for k in run:
                m = out[k]
                words = m.text.split()
                if m.type != "Person" and persons >= len(run) - 1 and m.source.startswith("ner") \
                        and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                    out[k] = Mention(m.text, m.start, m.end, "Person", m.source + ">list")
        i = max(j, i + 1) if len(run) > 1 else i + 1
    return out


def listed_org_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Capitalised names no mention covers, listed after a company: "sold to BritBox, SBS and
    Viaplay" (the NER finds the first and misses the others). The list is of names of one to
    three capitalised words joined by commas and closed by "and"/"et"/"&"; a date is no name.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Sold to BritBox, SBS and Viaplay.")
        >>> ms = [Mention("BritBox", 8, 15, "Organization", "gazetteer")]
        >>> [(m.text, m.type) for m in listed_org_names(doc, ms)]
        [('BritBox', 'Organization'), ('SBS', 'Organization'), ('Viaplay', 'Organization')]
    """
    starts = {m.start: m for m in mentions}
    covered = {c for m in mentions for c in range(m.start, m.end)}
    text = doc_text(doc)
    added: list[Mention] = []
    for m in mentions:
        if m.type != "Organization":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None:
            continue
        j, found, closed = span.end, [], False
        while j + 1 < len(doc) and len(found) < 8 and not closed:
            sep = doc[j]
            k = j + 1
            if sep.text == "," and doc[k].lower_ in ("and", "et"):
                k += 1
            if sep.text != "," and sep.lower_ not in ("and", "et", "&"):
                break
            closed = sep.lower_ in ("and", "et", "&") or doc[k - 1].lower_ in ("and", "et")
            if k < len(doc) and doc[k].idx in starts:
                nxt = starts[doc[k].idx]
                if nxt.type != "Organization":
                    break
                end = char_span(doc, nxt.start, nxt.end)
                if end is None:
                    break
                j = end.end
                continue
            e = k
            while e < len(doc) and e - k < 3 and (doc[e].is_title or doc[e].is_upper and doc[e].is_alpha) \
                    and doc[e].idx not in covered and doc[e].ent_type_ not in DATE_ENTS and not doc[e].is_sent_start:
                e += 1
            if e == k:
                break
            found.append((doc[k].idx, doc[e - 1].idx + len(doc[e - 1])))
            j = e
        if closed and found:
            added += [Mention(text[a:b], a, b, "Organization", "context:org_list") for a, b in found]
            covered.update(c for a, b in found for c in range(a, b))
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions


def lone_names(doc: Doc, mentions: list[Mention], person_nouns: frozenset[str]) -> frozenset[int]:
    """Starts of the one-word names NER typed as persons that a work slot or a description may
    retype: such a name is often a title or a company in media news ("Lilyhammer", "Ircam"),
    unless it is a known given name (:func:`given_names`), a word of a longer person's name in
    the text (a surname said again) or introduced by a person noun ("la chanteuse Angèle",
    ``person_nouns``).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Lilyhammer revient. La chanteuse Angèle aussi.")
        >>> ms = [Mention("Lilyhammer", 0, 10, "Person", "ner:PER"), Mention("Angèle", 33, 39, "Person", "ner:PER")]
        >>> sorted(lone_names(doc, ms, frozenset({"chanteuse"})))
        [0]
    """
    names = given_names()
    longer = {w for m in mentions if m.type == "Person" for w in m.text.split() if len(m.text.split()) > 1}
    return frozenset(m.start for m in mentions
                     if m.type == "Person" and m.source in ("ner:PER", "ner:PERSON") and " " not in m.text
                     and "-" not in m.text and m.text not in names and m.text not in longer
                     and not _after_person_noun(doc, m, person_nouns))


def _after_person_noun(doc: Doc, m: Mention, person_nouns: frozenset[str]) -> bool:
    """Whether a person noun (and its adjectives) comes right before ``m``: "la chanteuse Angèle"."""
    span = char_span(doc, m.start, m.end)
    i = span.start - 1 if span is not None else -1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    return i >= 0 and (doc[i].lemma_.lower() in person_nouns or doc[i].lower_ in person_nouns)


def given_name_persons(doc: Doc, mentions: list[Mention], company_words: frozenset[str]) -> list[Mention]:
    """A name NER typed as a company, a place or nothing, made of two or three capitalised words
    the first of which is a known given name (:func:`given_names`) and none a company word, is a
    person: "Virginie Efira" (read as a place), "Christina Voros" (read as a company). Names the
    gazetteer or the context typed keep their type.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Virginie Efira préside le jury.")
        >>> [m.type for m in given_name_persons(doc, [Mention("Virginie Efira", 0, 14, "Place", "ner:LOC")], frozenset())]
        ['Person']
    """
    out = []
    for m in mentions:
        words = m.text.split()
        if m.type in ("Organization", "Place", "Misc") and m.source.startswith("ner:") and ">" not in m.source \
                and len(words) <= 3 and opens_with_given_name(m.text) and all(w[:1].isupper() for w in words) \
                and not any(w.lower() in company_words for w in words):
            m = Mention(m.text, m.start, m.end, "Person", m.source + ">given-name")
        out.append(m)
    return out


def non_person_relatives(doc: Doc, mentions: list[Mention], pronouns: frozenset[str]) -> list[Mention]:
    """A name the statistical NER took for a person but qualified by a relative pronoun that
    never stands for one (lexicon ``non_person_relatives``: "which") is left untyped (``Misc``),
    for the rules to read as a company or a work: "Axel Springer, which also owns Politico".

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Axel Springer, which owns Bild, grew.")
        >>> [m.type for m in non_person_relatives(doc, [Mention("Axel Springer", 0, 13, "Person", "ner:PERSON")],
        ...                                        frozenset({"which"}))]
        ['Misc']
    """
    if not pronouns:
        return mentions
    text = doc_text(doc)
    out = []
    for m in mentions:
        rest = text[m.end:m.end + 12].lstrip()  # ", which owns"
        word = rest[1:].split()[0].lower() if rest.startswith(",") and rest[1:].split() else ""
        if m.type == "Person" and m.source.startswith("ner:") and word in pronouns:
            m = Mention(m.text, m.start, m.end, "Misc", m.source + ">relative")
        out.append(m)
    return out
