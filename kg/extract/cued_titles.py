"""Titles told by the words around them, whatever NER made of the name: news writing marks a
work with constructions no company, place or person takes.

* a part of a series or saga before it: "la troisième saison de Montaigu", "le premier épisode
  de Brocéliande", "season two of Severance", "Hacks' fourth season" (lexicon ``episode_nouns``);
  and "X, dont les huit épisodes…";
* its year in brackets: "Sheitan (2006)", "Les Bronzés (1978)";
* a work noun with no article in apposition: "Arco, premier film d'Ugo Bienvenu";
* its maker with a nationality, the festival-report way of naming a film: "Valeur sentimentale
  du Norvégien Joachim Trier", "Vermiglio, de l'Italienne Maura Delpero" (lexicon ``demonyms``);
* English: a creator noun it modifies, "the Fargo creator", "Hacks co-creators Lucia Aniello and…"
  (``creator_nouns``), and the works "behind" a maker, "the filmmaker behind Eraserhead,
  Blue Velvet and Mulholland Drive" (``behind_maker_nouns``).

Only names whose type came from the statistical NER are retyped (gazetteer names keep theirs),
and a person only when it is a one-word name :func:`kg.extract.names.lone_names` gives up, or
a name after "the filmmaker behind" (no person is what a filmmaker is behind).

Example:
    >>> import spacy
    >>> from kg.lexicon import load_lexicon
    >>> doc = spacy.blank("fr")("Révélée par Sheitan (2006), elle tourne.")
    >>> ms = [Mention("Sheitan", 12, 19, "Place", "ner:LOC")]
    >>> [(m.text, m.type) for m in cued_titles(doc, ms, load_lexicon("fr"))]
    [('Sheitan', 'CreativeWork')]
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.syntax import OF_FORMS, POSSESSIVE_MARKS, doc_text, is_year, list_start
from kg.lexicon import Lexicon
from kg.records import Mention

__all__ = ["cued_titles"]

#: Types a cue may turn into a work (a person only when one-word and given up by lone_names).
_RETYPABLE = ("Misc", "Place", "Organization")
#: At most this many lower-case words between a title NER cut short and its maker ("Brumes lointaines, de…").
_GAP = 3


def cued_titles(doc: Doc, mentions: list[Mention], lex: Lexicon, lone: frozenset[int] = frozenset()) -> list[Mention]:
    """``mentions`` with the names the constructions of the module docstring mark as works
    typed ``CreativeWork`` (source suffix ``>cue``). ``lone``: starts of one-word person
    names that may be retyped."""
    spans = {m.start: doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}
    by_token: dict[int, Mention] = {}
    for m in mentions:
        span = spans[m.start]
        if span is not None:
            by_token.update(dict.fromkeys(range(span.start, span.end), m))
    episode, demonyms = lex.words("episode_nouns"), lex.words("demonyms")
    creators, makers, behind = lex.words("creator_nouns"), lex.words("behind_maker_nouns"), lex.words("behind_words")
    work_nouns = lex.words("director_nouns") | lex.words("anaphors", "CreativeWork")
    cues = (lambda span: _year_after(doc, span), lambda span: _part_before(doc, span, episode),
            lambda span: _parts_after(doc, span, episode), lambda span: _possessive_part(doc, span, episode),
            lambda span: _maker_after(doc, span, demonyms, by_token), lambda span: _creator_after(doc, span, creators),
            lambda span: _bare_work_apposition(doc, span, work_nouns))
    text = doc_text(doc)
    cued: set[int] = set()
    for m in mentions:
        span = spans[m.start]
        if span is None:
            continue
        retypable = _retypable(m, lone)
        if retypable and any(cue(span) for cue in cues):
            cued.add(m.start)
        elif (retypable or m.type == "Person" and m.source.startswith("ner:")) and _behind(doc, span, makers, behind):
            cued.add(m.start)  # after "the filmmaker behind", even a name NER read as a person's
    if not cued:
        return mentions
    return [Mention(text[m.start:m.end], m.start, m.end, "CreativeWork", m.source + ">cue") if m.start in cued else m
            for m in mentions]


def _retypable(m: Mention, lone: frozenset[int]) -> bool:
    if m.source.startswith("gazetteer") or not m.text[:1].isupper():
        return False
    return m.type in _RETYPABLE or m.type == "Person" and m.start in lone


def _year_after(doc: Doc, span: Span) -> bool:
    """ "Sheitan (2006)": a year alone in brackets right after the name."""
    i = span.end
    return i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and is_year(doc[i + 1])


def _part_before(doc: Doc, span: Span, episode: frozenset[str]) -> bool:
    """ "la troisième saison de X", "la saison 2 de X", "season two of X": a part noun, perhaps
    a number, then "de"/"of" right before the name."""
    i = span.start - 1
    if i < 1 or doc[i].lower_ not in OF_FORMS:
        return False
    j = i - 1
    if doc[j].like_num:
        j -= 1
    return j >= 0 and doc[j].lower_ in episode and doc[j].pos_ == "NOUN"


def _parts_after(doc: Doc, span: Span, episode: frozenset[str]) -> bool:
    """ "X, dont les huit épisodes": the name's parts in the relative clause that follows."""
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("dont", "whose"):
        return False
    for tok in doc[i + 2:i + 6]:
        if tok.lower_ in episode and tok.pos_ == "NOUN":
            return True
        if not (tok.pos_ in ("DET", "NUM", "ADJ") or tok.like_num):
            return False
    return False


def _possessive_part(doc: Doc, span: Span, episode: frozenset[str]) -> bool:
    """ "Hacks' fourth season", "Severance's second season": the name owns a part."""
    i = span.end
    if i + 1 >= len(doc) or doc[i].text not in POSSESSIVE_MARKS:
        return False
    j = i + 1
    if doc[j].pos_ == "ADJ" or doc[j].like_num:
        j += 1
    return j < len(doc) and doc[j].lower_ in episode and doc[j].pos_ == "NOUN"


def _maker_after(doc: Doc, span: Span, demonyms: frozenset[str], by_token: dict[int, Mention]) -> bool:
    """ "Valeur sentimentale du Norvégien Joachim Trier", "Vermiglio, de l'Italienne Maura Delpero":
    the name (perhaps with lower-case words NER left out of it), perhaps a comma, "de"/"du"/"de l'",
    a capitalised nationality and a person's full name."""
    i = span.end
    while i < len(doc) and i - span.end < _GAP and doc[i].is_lower and doc[i].is_alpha \
            and (doc[i].pos_ in ("ADJ", "NOUN") or doc[i].dep_ == "amod"):
        i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in OF_FORMS:
        return False
    i += 1
    if i < len(doc) and doc[i].lower_ in ("la", "l'", "l’"):
        i += 1
    if i + 1 >= len(doc) or not doc[i].text[:1].isupper() or doc[i].lower_ not in demonyms:
        return False
    person = by_token.get(i + 1)
    return person is not None and person.type == "Person" and len(person.text.split()) >= 2 \
        and person.start == doc[i + 1].idx


def _bare_work_apposition(doc: Doc, span: Span, work_nouns: frozenset[str]) -> bool:
    """ "Arco, premier film d'Ugo Bienvenu", "Nuit blanche, premier long métrage de Julie Navarro": a
    work noun with no article (after adjectives) in apposition right after the name, then "de"."""
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return False
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].is_lower and doc[j].pos_ == "ADJ":
        j += 1
    if j + 1 >= len(doc) or j == i + 1 and doc[j].pos_ == "DET":
        return False
    noun = doc[j].lower_
    if j + 1 < len(doc) and f"{noun}-{doc[j + 1].lower_}" in work_nouns:
        noun, j = f"{noun}-{doc[j + 1].lower_}", j + 1  # "long métrage" written without its hyphen
    return noun in work_nouns and doc[j].is_lower and j + 1 < len(doc) and doc[j + 1].lower_ in OF_FORMS


def _creator_after(doc: Doc, span: Span, creators: frozenset[str]) -> bool:
    """ "the Fargo creator", "Hacks co-creators Lucia Aniello…": the name modifies a creator noun."""
    i = span.end
    return i < len(doc) and doc[i].lower_ in creators and doc[i].pos_ == "NOUN"


def _behind(doc: Doc, span: Span, makers: frozenset[str], behind: frozenset[str]) -> bool:
    """ "the filmmaker behind Eraserhead, Blue Velvet and Mulholland Drive": the works after a
    ``behind_words`` preposition when a maker noun comes right before it; each name of the list."""
    i = list_start(doc, span.start) - 1
    return i >= 1 and doc[i].lower_ in behind and doc[i - 1].lower_ in makers and doc[i - 1].pos_ == "NOUN"
