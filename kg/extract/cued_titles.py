"""Titles told by the words around them, whatever NER made of the name: news writing marks a
work with constructions no company, place or person takes.

* a part of a series or saga before it: "la troisième saison de Montaigu", "le premier épisode
  de Brocéliande", "season two of Severance", "Hacks' fourth season" (lexicon ``episode_nouns``);
  and "X, dont les huit épisodes…";
* its year in brackets: "Sheitan (2006)", "Les Bronzés (1978)";
* a work noun with no article in apposition: "Arco, premier film d'Ugo Bienvenu";
* its maker with a nationality, the festival-report way of naming a film: "Valeur sentimentale
  du Norvégien Joachim Trier", "Vermiglio, de l'Italienne Maura Delpero" (lexicon ``demonyms``);
* what an award was won for: "took home the Emmy for outstanding supporting actress for Hacks"
  (:func:`award_credit_titles`, after the award names are read);
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

from spacy.tokens import Doc, Span, Token

from kg.extract.syntax import OF_FORMS, POSSESSIVE_MARKS, char_span, doc_text, is_year, list_start, mention_tokens, token_words
from kg.lexicon import Lexicon
from kg.records import Mention

__all__ = ["award_credit_titles", "cued_titles", "season_subject_titles"]

#: Types a cue may turn into a work (a person only when one-word and given up by lone_names).
_RETYPABLE = ("Misc", "Place", "Organization")
#: At most this many lower-case words between a title NER cut short and its maker ("Brumes lointaines, de…").
_GAP = 3


def cued_titles(doc: Doc, mentions: list[Mention], lex: Lexicon, lone: frozenset[int] = frozenset()) -> list[Mention]:
    """``mentions`` with the names the constructions of the module docstring mark as works
    typed ``CreativeWork`` (source suffix ``>cue``). ``lone``: starts of one-word person
    names that may be retyped."""
    spans = {m.start: char_span(doc, m.start, m.end) for m in mentions}
    by_token = mention_tokens((m, spans[m.start]) for m in mentions)
    episode, demonyms = lex.words("episode_nouns"), lex.words("demonyms")
    creators, makers, behind = lex.words("creator_nouns"), lex.words("behind_maker_nouns"), lex.words("behind_words")
    work_nouns = lex.union("director_nouns", ("anaphors", "CreativeWork"))
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


def season_subject_titles(doc: Doc, mentions: list[Mention], lex: Lexicon,
                          lone: frozenset[int] = frozenset()) -> list[Mention]:
    """``mentions`` with the subject of a clause about a work's seasons typed ``CreativeWork``
    (source ``cue:season-subject``, or ``...>season-subject`` for a retyped mention): the way a
    news story opens on a returning series, whose title NER most often misses at the start of a
    sentence ("Industry has bulked up its cast for season four", "Poker Face is back for a
    second season", "HPI revient pour une cinquième saison"). A complement of the verb must say so
    (:func:`_about_seasons`):

    * one of the lexicon's ``work_possession_nouns`` behind one of its ``work_possessives``
      ("its cast", "its run", "sa distribution"), or
    * an ``episode_nouns`` word with a number, an ordinal or one of the ``episode_modifiers``
      ("for a second season", "pour une saison 5", "for a new season"), or
    * an ``episode_nouns`` word after one of the ``return_verbs`` ("returns", "revient"; "is back",
      "est de retour": ``return_words``).

    The subject is a name NER typed as something else (not the gazetteer's; a person only when
    :func:`kg.extract.names.lone_names` gives up its one word), or a capitalised word run with no
    determiner that NER left out, none of whose words the lexicon's ``bare_subject_nouns`` lists
    ("Production resumes on season four" names no title).
    """
    lower = token_words(doc)[0]
    # every cue has one of these words; most documents have none
    cues = lex.union("work_possession_nouns", "episode_nouns", "return_words")
    if not any(w in cues for w in lower):
        return mentions
    by_token = mention_tokens((m, char_span(doc, m.start, m.end)) for m in mentions)
    named = set(by_token)
    retyped: set[int] = set()
    added: list[Mention] = []
    # the verbs a cue word may complement (its head, its preposition's head, "back"'s head)
    heads: dict[int, Token] = {}
    for i, low in enumerate(lower):
        if low in cues:
            h = doc[i].head
            for _ in range(3):
                heads[h.i] = h
                h = h.head
    subjects = [c for h in heads.values() for c in h.children
                if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.i < h.i]
    for subj in sorted(subjects, key=lambda t: t.i):
        verb = subj.head
        if not _about_seasons(verb, subj, lex, named):
            continue
        m = by_token.get(subj.i)
        if m is not None:
            if m.type != "CreativeWork" and _retypable(m, lone):
                retyped.add(m.start)
            continue
        run = _bare_capitalised_run(subj, lex.words("bare_subject_nouns"))
        if run is not None and not any(i in by_token for i in range(run.start, run.end)):
            added.append(Mention(run.text, run.start_char, run.end_char, "CreativeWork", "cue:season-subject"))
    if not retyped and not added:
        return mentions
    out = [Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">season-subject") if m.start in retyped else m
           for m in mentions]
    return sorted(out + added, key=lambda m: m.start)


def _about_seasons(verb: Token, subj: Token, lex: Lexicon, named: set[int]) -> bool:
    """Whether the clause of ``verb`` (subject ``subj``) speaks of the subject's seasons (see
    :func:`season_subject_titles`): the noun that says so is the verb's own complement (its
    object, or the object of one of its prepositions), with no name between the subject and it
    (``named``: token indices of mentions) and no complement of its own ("a signé la diffusion
    de la quatrième saison de sa série": another work's season). The lexicon lists are those of
    :func:`season_subject_titles`."""
    owned, episode, back = lex.words("work_possession_nouns"), lex.words("episode_nouns"), lex.words("return_words")
    possessives, modifiers = lex.words("work_possessives"), lex.words("episode_modifiers")
    returning = verb.lemma_.lower() in lex.words("return_verbs") or any(c.lower_ in back for c in verb.children) \
        or verb.lower_ in back  # French "est de retour": the copula hangs on "retour"
    for t in _complements(verb, back):
        low = t.lower_
        if t.pos_ != "NOUN" or any(i in named for i in range(subj.i + 1, t.i)) \
                or any(c.dep_ in ("nmod", "prep") and any(g.lower_ in OF_FORMS for g in [c, *c.children]) for c in t.children):
            continue
        if low in owned and any(c.dep_ in ("poss", "det", "nmod:poss") and c.lower_ in possessives for c in t.children):
            return True
        if low in episode and (returning or any(c.like_num or "Ord" in c.morph.get("NumType") or c.lower_ in modifiers
                                                for c in t.children)):
            return True
    return False


def _complements(verb, back: frozenset[str]) -> list:
    """The objects of ``verb`` and of its prepositions, and of the prepositions of its "back"
    (English "is back for a second season")."""
    heads = [verb] + [c for c in verb.children if c.lower_ in back]
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg", "nmod"):  # (nmod: "est de retour pour une saison")
                out.append(c)
            elif c.dep_ == "prep":
                out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _bare_capitalised_run(subj, bare: frozenset[str]) -> Span | None:
    """The subject's words, when they are a capitalised run with no determiner before it at the
    start of its sentence ("Industry", "Poker Face", "Severance"): a title NER left out."""
    doc = subj.doc
    words = sorted([subj] + [c for c in subj.children if c.dep_ in ("compound", "flat", "flat:name", "amod") and c.i < subj.i],
                   key=lambda t: t.i)
    start, end = words[0].i, subj.i + 1
    if start != subj.sent.start or any(not t.is_title or t.lower_ in bare for t in doc[start:end]):
        return None
    return doc[start:end]


def award_credit_titles(doc: Doc, mentions: list[Mention], lex: Lexicon, lone: frozenset[int] = frozenset()) -> list[Mention]:
    """``mentions`` with the name right after an award's "for" (or its winner's, after the award
    in the sentence) typed ``CreativeWork`` when NER read it as something else: a prize is won for
    a work ("took home the Emmy for outstanding supporting actress for Hacks", "Best Actress went to
    Keri Russell for The Diplomat"), the role having been named already. Retyped like the cues above
    (lexicon ``award_credit_preps``); a person's full name stays a person ("an award for Meryl Streep").

    Example:
        >>> import spacy
        >>> from kg.lexicon import load_lexicon
        >>> doc = spacy.blank("en")("She won the Emmy for Hacks.")
        >>> ms = [Mention("Emmy", 12, 16, "Award", "gazetteer"), Mention("Hacks", 21, 26, "Place", "ner:GPE")]
        >>> [(m.text, m.type) for m in award_credit_titles(doc, ms, load_lexicon("en"))]
        [('Emmy', 'Award'), ('Hacks', 'CreativeWork')]
    """
    preps = lex.words("award_credit_preps")
    awards = [m for m in mentions if m.type == "Award"]
    if not preps or not awards:
        return mentions
    award_ends = {m.end for m in awards}
    person_ends = {m.end for m in mentions if m.type == "Person"}
    text = doc_text(doc)
    out = []
    for m in mentions:
        span = char_span(doc, m.start, m.end)
        if span is None or not (_retypable(m, lone) or m.type == "Product" and m.source.startswith("ner")):
            out.append(m)
            continue
        first = span.start - 1 if span.start > 0 and doc[span.start - 1].text == "The" else span.start
        if first >= 2 and doc[first - 1].lower_ in preps:
            before = doc[first - 2]
            end = before.idx + len(before)
            # after the award, or after its winner ("Best Actress went to X for W"); "for The Diplomat":
            # the title's article too
            if end in award_ends or end in person_ends and any(before.sent.start_char <= a.start < end for a in awards):
                m = Mention(text[doc[first].idx:m.end], doc[first].idx, m.end, "CreativeWork", m.source + ">award_credit")
        out.append(m)
    return out
