"""Awards as news writes them: prize names in lower case and categories.

The statistical NER knows "Oscar" or "Palme d'or" at best; the prize lists of a ceremony are
written "le césar du meilleur film", "le prix du jury", "le cristal du long métrage",
"Best Supporting Actress", "the P&O Cruises memorable moment award". :func:`award_phrases`
finds them at the mention stage from the lexicon's ``award_heads`` (head nouns),
``award_markers`` (words that make a complement a category: meilleur, jury, best...) and
a capitalised name after the head ("prix Paul-Grimault"). The relations then come from the
lexicon's wonAward frames ("remporter", "couronner", "aller à", "win", "go to", "crown").

Example:
    >>> from kg.nlp import load_pipeline  # doctest: +SKIP
    >>> doc = load_pipeline("fr")("Le prix du jury a récompensé Les Oiseaux de passage.")  # doctest: +SKIP
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.syntax import OF_FORMS, POSSESSIVE_MARKS, char_span, doc_text, token_words, word_tokens
from kg.lexicon import Lexicon
from kg.records import Mention, Relation

#: Words that end a category ("le césar du meilleur film | a couronné", "Best Actress | for").
_STOP_POS = frozenset(("VERB", "AUX", "PRON", "SCONJ", "PUNCT", "NUM"))
_MAX_WORDS = 7
#: The hyphens of "Pulitzer-winning".
_HYPHENS = ("-", "‑")
#: The dashes before a category's genre ("Best Actor in a Motion Picture – Drama").
_DASHES = ("–", "—", "-")


def _head_at(lower: list[str], lemma: list[str], i: int, heads: frozenset[str]) -> int:
    """Length of the award head starting at token ``i`` ("grand prix" is two), else 0 (``lower``
    and ``lemma``: the doc's :func:`~kg.extract.syntax.token_words`)."""
    if i + 1 < len(lower) and f"{lower[i]} {lower[i + 1]}" in heads:
        return 2
    return 1 if lower[i] in heads or lemma[i] in heads else 0


def _category_end(doc: Doc, start: int, lex: Lexicon) -> int:
    """End of the category words after a head at ``start`` ("du meilleur espoir masculin",
    "de la meilleure série française", "Paul-Grimault"); ``start`` when there are none."""
    preps = lex.words("award_preps_in_name")
    markers = lex.words("award_markers")
    j = start
    if j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":  # "prix Paul-Grimault"
        while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].text in ("-", "‑")) and j - start < 4:
            j += 1
        return j
    k = j
    while k < len(doc) and doc[k].lower_ in preps:
        k += 1
    if k == j:
        return start
    end, marked = k, False
    while end < len(doc) and end - k < _MAX_WORDS and (doc[end].pos_ not in _STOP_POS or _participle_modifier(doc[end])) \
            and doc[end].lower_ not in lex.words("award_stop_words"):
        marked = marked or doc[end].lower_ in markers
        end += 1
    return _in_category(doc, k, end, lex) if marked else start


def _participle_modifier(tok) -> bool:
    """A participle modifying a noun of the category ("best limited series"): no verb of a clause."""
    return tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.head.i > tok.i


def _best_phrase(doc: Doc, i: int, lex: Lexicon) -> int:
    """End of an English category opened by a marker ("Best Leading Actress", "best drama series")."""
    nouns = lex.words("award_category_nouns")
    end = i + 1
    while end < len(doc) and end - i < 6 and doc[end].lower_ not in lex.words("award_stop_words") and (
            doc[end].pos_ in ("NOUN", "PROPN", "ADJ") or doc[end].tag_ in ("VBN", "VBG")  # "best adapted screenplay"
            or doc[end].lower_ == "or" and end + 1 < len(doc) and doc[end + 1].lower_ in nouns):  # "musical or comedy"
        end += 1
    if end > i + 1:
        end = _in_category(doc, i, end, lex)
    return end if end > i + 1 else i


def _in_category(doc: Doc, i: int, end: int, lex: Lexicon) -> int:
    """The end of the category opened at token ``i`` and read up to ``end``, with the "in a …"
    phrase that narrows it ("meilleur acteur dans une série dramatique", "outstanding ensemble in
    a drama series"), in the category's own case ("Outstanding Lead Actor in a Limited Series")."""
    nouns, preps = lex.words("award_category_nouns"), lex.words("award_category_preps")
    capital = doc[i].is_title
    while end + 2 < len(doc) and end - i < 16:
        if doc[end].lower_ in preps and doc[end + 1].pos_ == "DET" and any(t.lower_ in nouns for t in doc[end + 2:end + 4]):
            start = end + 2  # "in a drama series", "by a Female Actor in a Motion Picture"
        elif capital and doc[end].text in _DASHES and doc[end + 1].is_title and doc[end + 1].lower_ in nouns:
            start = end + 1  # "Best Actor in a Motion Picture – Drama"
        else:
            break
        k = start
        while k < len(doc) and k - i < 16 and (doc[k].pos_ in ("NOUN", "ADJ", "PROPN") and doc[k].is_alpha
                                               and (doc[k].is_lower or capital and doc[k].is_title)
                                               or doc[k].lower_ == "or" and k + 1 < len(doc) and doc[k + 1].lower_ in nouns):
            k += 1
        if k == start:
            break
        end = k
    return end


def award_win_verbs(lex: Lexicon) -> frozenset[str]:
    """The first words of the lexicon's ``wonAward`` verb frames ("win", "remporter", "crown"),
    computed once per lexicon."""
    return lex.derived("award_win_verbs", lambda lx: frozenset(
        lemma.split()[0] for f in lx.frames if f.kind == "verb" and f.predicate == "wonAward" for lemma in f.lemmas))


def _after_win_verb(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether token ``i`` follows a verb of winning or naming ("won leading actress", "picked up
    supporting actor", "was named supporting actress"): the first words of the lexicon's
    ``wonAward`` verb frames."""
    verbs = award_win_verbs(lex)
    j = i - 1
    if j >= 0 and doc[j].lower_ in ("up", "home"):
        j -= 1
    return j >= 0 and doc[j].pos_ in ("VERB", "AUX") and doc[j].lemma_.lower() in verbs


def award_spans(doc: Doc, lex: Lexicon, words: tuple[list[str], list[str], list[str]] | None = None) -> list[Span]:
    """Award names of ``doc`` found from the lexicon (see the module docstring); ``words``:
    the doc's :func:`~kg.extract.syntax.token_words`, when already read."""
    heads = lex.words("award_heads")
    openers = lex.words("award_openers")
    if not heads and not openers:
        return []
    lower, lemma, _ = words if words is not None else token_words(doc)
    winning, year_nouns = lex.words("award_winning_words"), lex.words("year_award_nouns")
    context_openers = lex.words("award_context_openers")
    prize_verbs = lex.words("prize_verbs")
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        n = _head_at(lower, lemma, i, heads)
        if lemma[i] in prize_verbs and doc[i].pos_ == "VERB":
            found = _prize_object(doc, i, lex)
            if found is not None and found[0].lower_ not in openers:  # a category is read from its opener below
                spans.append(found)
                i = found.end
                continue
        if not n and lower[i] not in openers and lower[i] not in year_nouns and lower[i] not in context_openers \
                and not (i + 2 < len(doc) and lower[i + 1] in _HYPHENS and lower[i + 2] in winning):
            i += 1  # none of the patterns below starts here
            continue
        tok = doc[i]
        if n:
            end = _category_end(doc, i + n, lex)
            proper = tok.text[:1].isupper() and not tok.is_sent_start
            if proper and end == i + n and i > 0 and doc[i - 1].lower_ == "the" \
                    and tok.lower_ not in lex.words("award_proper_heads"):
                proper = False  # "The Bear", "The Lion": a title; the prize is "the Golden Bear"
            if end > i + n or proper or tok.lower_ in lex.words("award_proper_heads"):
                start = i
                # "the P&O Cruises memorable moment award": a compound naming the prize before its head
                if lex.lang == "en":
                    while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod") \
                            and doc[start - 1].head.i >= start and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") \
                            and not (start >= 2 and doc[start - 2].text in _HYPHENS) and not doc[start - 1].like_num:
                        start -= 1  # no hyphenated modifier's end ("a two-time Oscar winner"), no ordinal ("its first")
                spans.append(doc[start:end])
                i = end
                continue
        elif tok.text[:1].isupper() and i + 2 < len(doc) and doc[i + 1].text in _HYPHENS \
                and doc[i + 2].lower_ in winning:
            # "Pulitzer-winning", "Golden Globe-winning": the prize before the hyphen
            start = i
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" \
                    and not doc[start - 1].is_sent_start and i - start < 3:
                start -= 1
            spans.append(doc[start:i + 1])
            i += 1
            continue
        elif tok.lower_ in year_nouns and [t.lower_ for t in doc[i + 1:i + 4]] == ["of", "the", "year"] \
                and not (i > 0 and doc[i - 1].pos_ in ("DET", "PRON") and doc[i - 1].lower_ != "the"):
            # "album of the year", "record of the year" (not "his album of the year")
            spans.append(doc[i:i + 4])
            i += 4
            continue
        elif (tok.lower_ in openers and (lex.lang == "en" or tok.text[:1].isupper()
                                         or i > 0 and doc[i - 1].lower_ in lex.words("fronted_award")
                                         or i > 0 and doc[i - 1].text == "(")) \
                or tok.lower_ in context_openers and _after_win_verb(doc, i, lex):
            # French running text says "la meilleure série de l'année": only a capitalised list
            # label ("Meilleure série : X"), a crowning participle ("sacré meilleur acteur") or a
            # bracketed label ("X (meilleure actrice)", closed right after it) opens a category there
            end = _best_phrase(doc, i, lex)
            if lex.lang == "fr" and i > 0 and doc[i - 1].text == "(" and not tok.text[:1].isupper() \
                    and (end >= len(doc) or doc[end].text != ")"):
                i += 1
                continue
            nouns = lex.words("award_category_nouns")
            while end > i + 1 and doc[end - 1].lower_ not in nouns and lex.lang == "en":
                end -= 1  # "the thriller's best picture hopes": the category ends with its noun
            if end > i and any(t.lower_ in nouns for t in doc[i:end]):
                spans.append(doc[i:end])
                i = end
                continue
        i += 1
    return spans


def _prize_object(doc: Doc, i: int, lex: Lexicon) -> Span | None:
    """The prize a verb of the lexicon's ``prize_verbs`` at token ``i`` takes: its object when that is
    capitalised words ending their noun phrase, after articles and numbers ("won the Peabody",
    "scooped three Baftas", "a remporté le Goncourt"), with its category (:func:`_category_end`).
    Not a capitalised modifier of a common noun ("won the Lumen contract") nor a possessor
    ("won Sundance's Grand Jury Prize": the head path finds that one)."""
    j = i + 1
    while j < len(doc) and doc[j].pos_ in ("DET", "NUM"):
        j += 1
    k = j
    while k < len(doc) and k - j < 4 and doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN", "ADJ"):
        k += 1
    if k == j or k < len(doc) and (doc[k].pos_ in ("NOUN", "PROPN", "PART") or doc[k].text in ("'s", "’s", "'", "’")):
        return None
    return doc[j:_category_end(doc, k, lex)]


def award_phrases(doc: Doc, mentions: list[Mention], lex: Lexicon,
                  words: tuple[list[str], list[str], list[str]] | None = None) -> list[Mention]:
    """Mentions with the award names of :func:`award_spans` typed ``Award``; an untyped,
    concept or place mention inside one gives way, a person, company or work does not."""
    spans = award_spans(doc, lex, words)
    if not spans:
        return mentions
    out = list(mentions)
    for span in spans:
        a, b = span.start_char, span.end_char
        inside = [m for m in out if m.start < b and a < m.end]
        # a statistical name that starts inside the prize and runs on past it after a stop word ("the
        # Independent Spirit Award for Best Lead Performance for Silent Harbor" read as one company): the
        # prize, then the name after the stop word
        tails = {m: _tail_after(doc, span.end, m, lex) for m in inside if not (a <= m.start and m.end <= b)
                 and m.source.startswith("ner:") and a <= m.start < b}
        if any(m.type in ("Person", "Organization", "CreativeWork") and not (a <= m.start and m.end <= b)
               and tails.get(m) is None for m in inside):
            continue  # crosses a name: not a prize
        if any(m.type == "Award" and m.start <= a and b <= m.end for m in inside):
            continue
        if any(m.type in ("Person", "Organization") and m.source.startswith("gazetteer") for m in inside):
            continue
        out = [m for m in out if m not in inside] + [t for t in tails.values() if t is not None]
        out.append(Mention(span.text, a, b, "Award", "context:award"))
    return sorted(out, key=lambda m: m.start)


def _tail_after(doc: Doc, end: int, m: Mention, lex: Lexicon) -> Mention | None:
    """The capitalised name a mention ``m`` running past a prize ending at token ``end`` goes on
    with, after one of the lexicon's ``award_stop_words`` (and an article): untyped (``Misc``)."""
    i = end
    if i >= len(doc) or doc[i].lower_ not in lex.words("award_stop_words"):
        return None
    i += 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper() or doc[i].idx >= m.end:
        return None
    return Mention(doc_text(doc)[doc[i].idx:m.end], doc[i].idx, m.end, "Misc", m.source + ">after_award")


def prize_list_relations(doc: Doc, ctx) -> list[Relation]:
    """Prize lists of a ceremony, "AWARD : WINNER" ("Meilleure série : Les Rives (France 2)",
    "Prix du jury : Vent du Nord, de Jeanne Morel"): the name right after the colon wins the
    award; a work followed by ", de PERSON" also gives its director through the frames."""
    out: list[Relation] = []
    for m in ctx.mentions:
        if m.type != "Award":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or span.end + 1 >= len(doc) or doc[span.end].text != ":":
            continue
        winner = ctx.at(doc[span.end + 1])
        if winner is None or winner.start != doc[span.end + 1].idx:
            continue
        winner = ctx.fit(winner, ("CreativeWork", "Person")) if winner.type == "Misc" else winner
        if winner is None or winner.type not in ("CreativeWork", "Person", "Organization"):
            continue
        sent = span.sent
        out.append(Relation(winner, "wonAward", m, sent.text, sent.start_char, "awards.prize_list", 0.7))
    return out


def winner_list_relations(doc: Doc, ctx) -> list[Relation]:
    """A list of winners names each with its prize: "Among the winners were Harbour Lights (best
    drama) and Tom Reyes (best actor)", "Winners included The Long Wait for best feature", "Au
    palmarès : X (meilleur film)…". In a sentence holding one of the lexicon's
    ``winner_list_words`` and none of its ``nominee_words``, a name right before a bracketed prize,
    or before "for"/"pour" and a prize, wins it.

    Example:
        >>> from kg.nlp import load_pipeline  # doctest: +SKIP
        >>> doc = load_pipeline("en")("Among the winners were Tom Reyes (best actor).")  # doctest: +SKIP
        >>> [(r.subject.text, r.object.text) for r in doc._.relations]  # doctest: +SKIP
        [('Tom Reyes', 'best actor')]
    """
    lex = ctx.lex
    cues, nominees = lex.words("winner_list_words"), lex.words("nominee_words")
    if not cues:
        return []
    out: list[Relation] = []
    for sent in {span.sent for m in ctx.mentions if m.type == "Award" and (span := ctx.span(m)) is not None}:
        words = {t.lower_ for t in sent}
        if not words & cues or words & nominees:
            continue
        for tok in sent:
            award = ctx.at(tok)
            if award is None or award.type != "Award" or award.start != tok.idx or tok.i < 2:
                continue
            span = ctx.span(award)
            i = tok.i - 1
            if doc[i].pos_ == "DET" and i > 1 and doc[i - 1].lower_ in ("for", "pour"):
                i -= 1  # "X pour le meilleur film"
            if doc[i].text == "(" and span.end < len(doc) and doc[span.end].text == ")":
                pass  # "X (best drama)"
            elif doc[i].lower_ not in ("for", "pour"):
                continue  # "X for best feature"
            name_end = doc[i - 1]
            winner = ctx.at(name_end)
            if winner is None or winner.type == "Award" or winner.end != name_end.idx + len(name_end):
                continue
            winner = ctx.fit(winner, ("CreativeWork",)) if winner.type == "Misc" else winner
            if winner is None or winner.type not in ("CreativeWork", "Person", "Organization"):
                continue
            out.append(Relation(winner, "wonAward", award, sent.text, sent.start_char, "awards.winner_list", 0.7))
    return out


def award_credit_relations(doc: Doc, ctx, found: list[Relation]) -> list[Relation]:
    """The credit a personal award names: a person who won an acting, directing or writing
    award "for W" acts in, directed or wrote W ("Emma Stone won best actress for Poor Things",
    "sacrée meilleure actrice pour Revoir Paris"). The category words are the lexicon's
    ``award_credit_words``; the work is the first work named after "for"/"pour" that follows
    the award in its sentence."""
    table = ctx.lex.data.get("award_credit_words") or {}
    words = {w.lower(): pred for pred, ws in table.items() for w in ws or []}
    if not words:
        return []
    out: list[Relation] = []
    for r in found:
        if r.predicate != "wonAward" or r.subject.type != "Person":
            continue
        award = r.object.text.lower().replace("-", " ").split()
        preds = {words[w] for w in award if w in words}
        if len(preds) != 1:
            continue
        pred = preds.pop()
        span = char_span(doc, r.object.start, r.object.end)
        if span is None:
            continue
        work = None
        for t in doc[span.end:span.sent.end]:
            if t.lower_ in ("for", "pour") and t.i + 1 < len(doc):
                work = _credited_work(doc, t.i + 1, ctx)
                if work is not None or (m := ctx.at(doc[t.i + 1])) is not None and m.type == "Person":
                    break  # the phrase names its work ("for Halina Reijn's thriller Babygirl"); no later "for" does
            if t.text in (";", ".") or t.lower_ in ("and", "et") and t.i > span.end + 1 and doc[t.i - 1].text == ",":
                break
        if work is None:
            continue
        person = r.subject
        s, o = (work, person) if pred in ("directedBy", "author") else (person, work)
        out.append(Relation(s, pred, o, r.sentence, r.sent_start, f"award.credit.{pred}", 0.75))
    return out


def _credited_work(doc: Doc, i: int, ctx) -> Mention | None:
    """The work named by the phrase of "for"/"pour" that starts at token ``i``: its first name, or
    the name after a maker's possessive and the work's nouns ("for Halina Reijn's erotic thriller
    Babygirl")."""
    m = ctx.at(doc[i])
    if m is not None and m.type == "Person" and ctx.span(m) is not None:
        j = ctx.span(m).end
        if j < len(doc) and doc[j].lower_ in POSSESSIVE_MARKS:
            j += 1
            while j < len(doc) and j - i < 8 and doc[j].pos_ in ("ADJ", "NOUN") \
                    and (ctx.at(doc[j]) is None or ctx.at(doc[j]).type == "Concept"):  # (a genre: "erotic thriller")
                j += 1
            m = ctx.at(doc[j]) if j < len(doc) else None
            i = j
    if m is None or m.start != doc[i].idx:
        return None
    return ctx.fit(m, ("CreativeWork",))


def winning_relations(doc: Doc, ctx) -> list[Relation]:
    """"Colson Whitehead's Pulitzer-winning novel The Nickel Boys", "the Oscar-winning director
    Jane Doe": the name after "<award>-winning" and its common nouns (lexicon
    ``award_winning_words``) won the award."""
    words = ctx.lex.words("award_winning_words")
    out: list[Relation] = []
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low in words):
        if tok.i < 2 or doc[tok.i - 1].text not in ("-", "‑"):
            continue
        award = ctx.at(doc[tok.i - 2])
        if award is None or award.type != "Award":
            continue
        k = tok.i + 1
        while k < len(doc) and k - tok.i <= 4 and ctx.at(doc[k]) is None and doc[k].is_lower \
                and doc[k].pos_ in ("NOUN", "ADJ"):
            k += 1
        holder = ctx.at(doc[k]) if k < len(doc) and k > tok.i + 1 else None
        holder = ctx.fit(holder, ("Person", "CreativeWork")) if holder is not None else None
        if holder is not None and holder.start == doc[k].idx:
            out.append(Relation(holder, "wonAward", award, tok.sent.text, tok.sent.start_char, "award.winning", 0.7))
    return out


def crowned_relations(doc: Doc, ctx) -> list[Relation]:
    """"X a été sacré meilleur acteur", "Y est élue meilleure série": a crowning participle of the
    lexicon (``fronted_award``) right before an award: the name before the auxiliaries
    (``crowning_auxiliaries``) won it
    (a surface pattern: the parser often reads the participle as a determiner)."""
    crowning, auxiliaries = ctx.lex.words("fronted_award"), ctx.lex.words("crowning_auxiliaries")
    out: list[Relation] = []
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low in crowning):
        if tok.i + 1 >= len(doc):
            continue
        award = ctx.at(doc[tok.i + 1])
        if award is None or award.type != "Award" or award.start != doc[tok.i + 1].idx:
            continue
        k = tok.i - 1
        while k >= tok.sent.start and doc[k].lower_ in auxiliaries:
            k -= 1
        if k == tok.i - 1 or k < tok.sent.start:
            continue  # no auxiliary: a fronted "Sacré meilleur film, X…" is the fronted rules' job
        holder = ctx.at(doc[k])
        holder = ctx.fit(holder, ("Person", "CreativeWork")) if holder is not None else None
        if holder is not None and holder.type in ("Person", "CreativeWork"):
            out.append(Relation(holder, "wonAward", award, tok.sent.text, tok.sent.start_char, "award.crowned", 0.75))
    return out


def apposed_award_relations(doc: Doc, ctx) -> list[Relation]:
    """An award written as a description of its winner, as news writes a palmarès in passing:

    * in apposition after the name: "Moonlight, Oscar du meilleur film en 2017, …", "avec Un
      homme et une femme, Palme d'or en 1966", "Anora, Palme d'or 2024";
    * opening the sentence before the name it describes: "Palme d'or au dernier Festival de
      Cannes, Anora de Sean Baker a décroché…".

    The award mention starts its phrase (right after the comma, or the sentence); the winner is a
    work or a person (an untyped name is read as a work). Nothing follows the award in its phrase
    but a year, a place or an event ("en 2017", "au Festival de Cannes")."""
    out: list[Relation] = []
    for award in (m for m in ctx.mentions if m.type == "Award"):
        span = ctx.span(award)
        if span is None or span.start < 1:
            continue
        sent = span.sent
        if not _closed(doc, span.end, sent.end, ctx):
            continue
        if span.start == sent.start or span.start == sent.start + 1 and doc[sent.start].pos_ == "DET":
            # fronted: the name right after the phrase's comma
            k = span.end
            while k < sent.end and doc[k].text != ",":
                k += 1
            holder = ctx.at(doc[k + 1]) if k + 1 < sent.end else None
        elif doc[span.start - 1].text == "," and span.start >= 2:
            holder = ctx.at(doc[span.start - 2])
        else:
            continue
        if holder is not None and holder.type == "Person":
            holder = _work_of(holder, ctx) or holder  # "« La Vie d'Adèle » d'Abdellatif Kechiche, Palme d'or": the film
        holder = ctx.fit(holder, ("CreativeWork",)) if holder is not None and holder.type == "Misc" else holder
        if holder is not None and holder.type in ("Person", "CreativeWork") and holder.start != award.start:
            out.append(Relation(holder, "wonAward", award, sent.text, sent.start_char, "award.apposed", 0.7))
    return out


def _work_of(person: Mention, ctx) -> Mention | None:
    """The work a person is introduced as the maker of, right before them: "X de P", "« X » de P"."""
    span = ctx.span(person)
    doc = ctx.doc
    if span is None or span.start < 2 or doc[span.start - 1].lower_ not in ("de", "d'", "d’", "by"):
        return None
    k = span.start - 2
    if doc[k].text in ("»", "”", '"') and k > 0:
        k -= 1
    work = ctx.at(doc[k])
    return ctx.fit(work, ("CreativeWork",)) if work is not None and work.type in ("CreativeWork", "Misc") else None


def _closed(doc: Doc, i: int, end: int, ctx) -> bool:
    """Whether the award phrase ending at token ``i`` closes at a comma or the sentence's end,
    with only a year, a place, an event or lower-case function words between."""
    while i < end:
        tok = doc[i]
        if tok.text in (",", ".", ";", ")"):
            return True
        m = ctx.at(tok)
        if m is not None and m.type not in ("Place", "Event"):
            return False
        if m is None and not (tok.like_num or tok.pos_ in ("ADP", "DET") or tok.is_lower and tok.pos_ in ("ADJ", "NOUN")):
            return False
        i += 1
    return True


def winner_relations(doc: Doc, ctx) -> list[Relation]:
    """A winner described by a winner noun and its award (lexicon ``winner_nouns``):

    * the award before the noun (English): "Emma Stone, a two-time Oscar winner", "Anora, the
      Palme d'Or winner from Sean Baker", "Oscar winner Emma Stone" (the name right after);
    * the award as its complement: "X, lauréate de la Palme d'or", "déjà lauréat du prix Louis-Delluc",
      "the winner of the Golden Bear";
    * the works it was won for, after "for"/"pour": "a two-time Palme winner for The Square and
      Triangle of Sadness" (each work won it too).

    The winner is the name before the phrase's comma (a person, a work, an untyped name read as a
    work; the work of "X de P" when a person closes it), or the person right after an English
    "<award> winner"."""
    nouns = ctx.lex.words("winner_nouns")
    if not nouns:
        return []
    out: list[Relation] = []
    for tok in word_tokens(doc, nouns, pos=("NOUN", "ADJ")):
        award = _award_before(doc, tok, ctx) or _award_after(doc, tok, ctx)
        if award is None:
            continue
        sent = tok.sent
        holders = [h for h in (_holder_before(doc, tok, award, ctx), _person_after(doc, tok, ctx)) if h is not None]
        for holder in holders + _works_for(doc, tok, ctx):
            if holder.start != award.start:
                out.append(Relation(holder, "wonAward", award, sent.text, sent.start_char, "award.winner", 0.7))
    return out


def _award_before(doc: Doc, tok, ctx) -> Mention | None:
    """The award naming the winner noun's prize right before it: "Oscar winner"."""
    m = ctx.at(doc[tok.i - 1]) if tok.i > 0 else None
    return m if m is not None and m.type == "Award" and m.end == doc[tok.i - 1].idx + len(doc[tok.i - 1]) else None


def _award_after(doc: Doc, tok, ctx) -> Mention | None:
    """The award complement of the winner noun: "lauréate de la Palme d'or", "winner of the Golden Bear"."""
    i = tok.i + 1
    if i < len(doc) and doc[i].lower_ in OF_FORMS:
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        m = ctx.at(doc[i]) if i < len(doc) else None
        if m is not None and m.type == "Award" and m.start == doc[i].idx:
            return m
    return None


def _holder_before(doc: Doc, tok, award: Mention, ctx) -> Mention | None:
    """The name before the comma that opens the winner noun's phrase ("X, the two-time Oscar winner")."""
    k = tok.i - 1
    start = ctx.span(award)
    if start is not None and start.end == tok.i:
        k = start.start - 1
    while k > 0 and (doc[k].pos_ in ("DET", "ADJ", "NUM", "ADV") or doc[k].text in _HYPHENS
                     or doc[k].lower_ in ("time", "times")):
        k -= 1  # "a two-time", "déjà"
    if k < 1 or doc[k].text != ",":
        return None
    holder = ctx.at(doc[k - 1])
    if holder is None:
        return None
    if holder.type == "Person":
        span = ctx.span(holder)
        if span is not None and span.start >= 2 and doc[span.start - 1].lower_ in ("de", "d'", "d’", "by") \
                and doc[span.start - 2].pos_ == "NOUN":
            # "Le film de Justine Triet, déjà lauréat de…": the film, not its maker
            found = ctx.resolve(doc[span.start - 2], ("CreativeWork",))
            return found[0] if found else None
        return _work_of(holder, ctx) or holder
    if holder.type == "Misc":
        return ctx.fit(holder, ("CreativeWork",))
    return holder if holder.type == "CreativeWork" else None


def _person_after(doc: Doc, tok, ctx) -> Mention | None:
    """ "Oscar winner Emma Stone": the person named right after the noun."""
    if tok.i + 1 >= len(doc):
        return None
    m = ctx.at(doc[tok.i + 1])
    return m if m is not None and m.type == "Person" and m.start == doc[tok.i + 1].idx else None


def _works_for(doc: Doc, tok, ctx) -> list[Mention]:
    """The works after "for"/"pour" right after the winner noun: "winner for The Square and Triangle of Sadness"."""
    i = tok.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("for", "pour"):
        return []
    works: list[Mention] = []
    i += 1
    while i < len(doc):
        m = ctx.at(doc[i])
        work = ctx.fit(m, ("CreativeWork",)) if m is not None and m.type in ("CreativeWork", "Misc") else None
        if work is None or m.start != doc[i].idx:
            break
        works.append(work)
        span = ctx.span(m)
        i = span.end if span is not None else i + 1
        if i < len(doc) and doc[i].lower_ in (",", "and", "et"):
            i += 1
            continue
        break
    return works
