"""Typed entity mentions: gazetteer matches, NER spans retyped by context, and titles.

spaCy's French labels are only PER/ORG/LOC/MISC. The gazetteer ruler gives known
entities their ontology class; context nouns type the rest ("la série Lupin" is a
CreativeWork, "l'outil Veo" a Product). MISC spans with no clue stay ``Misc`` and
take the type a relation slot expects.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.awards import award_phrases, award_win_verbs
from kg.extract.credits import DEFINITE, cast_of_titles, credit_titles, drop_characters
from kg.extract.cued_titles import award_credit_titles, cued_titles, season_subject_titles
from kg.extract.names import (acronym_long_forms, ampersand_names, country_branches, described_org_names,
                              described_titles, extend_known_names, genre_titles, given_name_persons, headed_org_names,
                              join_split_names, list_type_agreement, listed_org_names, lone_names, non_person_relatives,
                              org_work_titles, organisation_forms, suffixed_event_names)
from kg.extract.syntax import (char_span, doc_text, frame_participles, is_year, main_subject_after, mention_tokens,
                              possessive_work_noun, prep_of, token_words, whole_word_hits)
from kg.extract.titles import capital_run_titles, colon_titles, quoted_titles, sentence_case_titles
from kg.lexicon import Lexicon
from kg.records import ENTITY_TYPES, Mention

NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Place", "GPE": "Place",
             "FAC": "Place", "MISC": "Misc", "WORK_OF_ART": "CreativeWork", "PRODUCT": "Product",
             "EVENT": "Event", "NORP": None, "DATE": None, "TIME": None, "MONEY": None, "PERCENT": None,
             "QUANTITY": None, "ORDINAL": None, "CARDINAL": None, "LAW": None, "LANGUAGE": None}
_DETS = DEFINITE


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
    words = token_words(doc)
    for ent in (part for e in _joined(doc) for part in _split(e)):
        mention = _typed(ent, lex)
        if mention is not None and mention.type == "Award":
            mention = _award_category(ent, mention, lex)
        if mention is not None:
            mentions.append(mention)
            covered.update(range(ent.start, ent.end))
    awards = [m for m in mentions if m.type == "Award"]  # "film d'animation" inside "Oscar du meilleur film d'animation"
    mentions = [m for m in mentions if not (m.type == "Concept" and any(
        a.start <= m.start and m.end <= a.end for a in awards))]
    for span in _titles(doc, lex, covered, words):
        mentions.append(Mention(span.text, span.start_char, span.end_char, "CreativeWork", "context:title"))
    mentions = _place_name_runs(doc, mentions)
    mentions = _web_names(doc, mentions, lex.words("web_suffixes"), words)
    mentions = [_retyped(doc, m, lex) for m in _merged(doc, sorted(mentions, key=lambda m: m.start), lex)]
    mentions = _slot_titles(doc, lex, mentions, words)
    mentions = _work_titles(doc, lex, mentions, words, lone_names(doc, mentions, _person_nouns(lex)))
    lone = lone_names(doc, mentions, _person_nouns(lex))  # neither pass below adds a person
    mentions = _titles_of_people(doc, _founded_names(doc, lex, _org_agents(doc, lex, mentions, lone)), lone)
    mentions = _behind_works(doc, lex, mentions, words)
    mentions = _org_context(doc, lex, mentions, words)
    mentions = [_trimmed(_dangling_tail(doc, m)) for m in mentions]
    mentions = _longer_names(doc, mentions)
    mentions = _repeated_names(doc, _bare_surnames(doc, _surnames(mentions)))
    mentions = with_model_types(mentions, doc)
    mentions = acronym_long_forms(doc, ampersand_names(doc, join_split_names(doc, drop_characters(doc, mentions, lex))))
    mentions = headed_org_names(doc, mentions, lex.words("mention_org_heads"))
    mentions = described_org_names(doc, mentions, lex.words("mention_org_nouns"))
    mentions = suffixed_event_names(doc, mentions, lex.words("mention_event_suffixes"))
    if lex.lang == "en":
        mentions = org_work_titles(doc, mentions, _work_nouns(lex) | lex.words("possessive_work_nouns"))
    mentions = non_person_relatives(doc, mentions, lex.words("non_person_relatives"))
    mentions = extend_known_names(doc, mentions, frozenset(lex.role_nouns) | frozenset(lex.org_role_nouns))
    mentions = country_branches(doc, mentions)
    mentions = organisation_forms(doc, mentions, _org_nouns(lex) | lex.words("mention_org_heads"), lex.words("demonyms"),
                                  lex.words("quantity_words"))
    mentions = given_name_persons(doc, mentions, _company_words(lex))
    mentions = listed_org_names(doc, list_type_agreement(doc, mentions))
    mentions = genre_titles(doc, mentions, lex.words("genre_nouns"))
    mentions = described_titles(doc, mentions, _work_nouns(lex) | lex.union("possessive_work_nouns", "genre_nouns"),
                                lone_names(doc, mentions, _person_nouns(lex)), words=words)
    lone = lone_names(doc, mentions, _person_nouns(lex))
    mentions = season_subject_titles(doc, cued_titles(doc, mentions, lex, lone), lex, lone)
    mentions = award_credit_titles(doc, award_phrases(doc, mentions, lex, words), lex, lone)
    if lex.words("title_stop_words"):  # French: sentence-case and quoted titles
        mentions = quoted_titles(doc, sentence_case_titles(doc, mentions, lex), words=words)
        mentions = colon_titles(doc, capital_run_titles(doc, mentions, words))
    return credit_titles(doc, cast_of_titles(doc, mentions, lex, words=words), lex)


#: Types the media NER (kg/media_ner.py) may give or add; persons, companies and places are the rules'.
MODEL_TYPES = ("CreativeWork", "Award", "Event", "Product")


def with_model_types(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Mentions with the media NER's titles, awards, events and products, when it ran: a rule
    mention on the same span takes the model's type (unless the gazetteer typed it), a model
    span that no rule mention overlaps is added. Rule spans are kept: the relation rules
    depend on them (replacing them lowered relation F1 in the measurement)."""
    from kg.media_ner import media_mentions  # noqa: PLC0415

    model = [m for m in media_mentions(doc) if m.type in MODEL_TYPES]
    if not model:
        return mentions
    by_span = {(m.start, m.end): m for m in model}
    out = []
    for m in mentions:
        hit = by_span.get((m.start, m.end))
        if hit is not None and m.type != hit.type and not m.source.startswith("gazetteer"):
            m = Mention(m.text, m.start, m.end, hit.type, m.source + ">media_ner")
        out.append(m)
    covered = _covered_chars(out)
    out += [m for m in model if not covered.intersection(range(m.start, m.end))]
    return sorted(out, key=lambda m: m.start)


def _covered_chars(mentions: list[Mention]) -> set[int]:
    """Character offsets already inside a mention."""
    return {i for m in mentions for i in range(m.start, m.end)}


def _repeated_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A later occurrence of a name the NER or gazetteer typed once but missed again
    ("The film's distributor, Neon, … Neon previously distributed…") is the same entity."""
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.type in ("Organization", "Person", "CreativeWork") and m.text[:1].isupper() and len(m.text) > 2 \
                and not m.source.startswith("context:surname"):
            names.setdefault(m.text, m)
    if not names:
        return mentions
    covered = _covered_chars(mentions)
    added = []
    text = doc_text(doc)
    for name, first in names.items():
        for a, b in whole_word_hits(text, name, "'’-"):
            if a <= first.start or any(i in covered for i in range(a, b)):
                continue
            span = char_span(doc, a, b, strict=True)
            if span is None:
                continue
            # not part of a longer capitalised name ("Neon Pictures")
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
                continue
            added.append(Mention(name, a, b, first.type, "context:repeat"))
            covered.update(range(a, b))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_TAIL_POS = frozenset(("ADP", "DET", "CCONJ", "SCONJ"))


def _place_name_runs(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A known place whose name runs on into capitalised words no other mention covers is a
    longer name ("Paris Match", "New York Times", "Texas Monthly": the gazetteer knew only the
    city); in media news such names are titles of the press, typed as companies (the news
    conventions' type for a newspaper)."""
    covered = {i for m in mentions if (sp := char_span(doc, m.start, m.end)) is not None
               for i in range(sp.start, sp.end)}
    out = []
    for m in mentions:
        span = char_span(doc, m.start, m.end) if m.type == "Place" and m.source == "gazetteer" else None
        end = span.end if span is not None else 0
        while span is not None and end < len(doc) and end not in covered and doc[end].is_title and doc[end].is_alpha \
                and not doc[end].is_sent_start and doc[end].pos_ in ("PROPN", "NOUN", "X") \
                and doc_text(doc)[doc[end - 1].idx + len(doc[end - 1]):doc[end].idx] == " ":
            end += 1
        if span is not None and end > span.end:
            run = doc[span.start:end]
            m = Mention(run.text, run.start_char, run.end_char, "Organization", "context:longer")
        out.append(m)
    return out


def _web_names(doc: Doc, mentions: list[Mention], suffixes: frozenset[str],
               words: tuple[list[str], list[str], list[str]]) -> list[Mention]:
    """A site named by its domain ("Jeuxvideo.com", "france.tv", "750g.fr") is a company (the
    news conventions' type for a publication), whatever NER made of it or if it saw nothing;
    the suffixes are the lexicon's ``web_suffixes``. A name the gazetteer typed keeps its type."""
    if not suffixes:
        return mentions
    by_start = {m.start: m for m in mentions}
    covered = _covered_chars(mentions)
    out = list(mentions)
    for tok in (doc[i] for i, low in enumerate(words[0]) if "." in low):  # (``words``: :func:`token_words`)
        text = tok.text
        dot = text.rfind(".")
        if dot <= 0 or text[dot:].lower() not in suffixes or not _WEB_NAME.fullmatch(text):
            continue
        m = by_start.get(tok.idx)
        if m is not None and m.end == tok.idx + len(text) and m.type in ("Misc", "Place", "Person") \
                and not m.source.startswith("gazetteer"):
            out[out.index(m)] = Mention(m.text, m.start, m.end, "Organization", m.source + ">web")
        elif m is None and not covered.intersection(range(tok.idx, tok.idx + len(text))):
            out.append(Mention(text, tok.idx, tok.idx + len(text), "Organization", "context:web"))
    return sorted(out, key=lambda m: m.start)


#: A domain name: letters, digits and hyphens in dot-separated labels, no path, no "@".
_WEB_NAME = re.compile(r"[^\W_][\w-]*(?:\.[\w-]+)+", re.UNICODE)


def _dangling_tail(doc: Doc, m: Mention) -> Mention:
    """A title the NER ran into the clause ("Les Oubliés arrive sur" in "La série Les Oubliés
    arrive sur France 2") ends before the words it took: a title does not end in a bare
    preposition or article, nor in the clause's own finite verb.

    Example:
        >>> from kg.nlp import load_pipeline  # doctest: +SKIP
        >>> doc = load_pipeline("fr")("La série Les Oubliés arrive sur France 2.")  # doctest: +SKIP
        >>> [m.text for m in doc._.mentions]  # doctest: +SKIP
        ['Les Oubliés', 'France 2']
    """
    if m.type not in ("CreativeWork", "Misc"):
        return m
    span = char_span(doc, m.start, m.end)
    if span is not None and len(span) > 2 and span[-1].is_lower and "Part" in span[-1].morph.get("VerbForm") \
            and span.end < len(doc) and doc[span.end].pos_ == "ADP" \
            and span[-1].i in (doc[span.end].head.i, doc[span.end].head.head.i):
        # "le spin-off de La Casa de papel consacré au …": a participle and its complement; not
        # a word and a participle, a sentence-case title ("TF1 a renouvelé Cœurs brisés pour une saison")
        cut = span[:-1]
        return Mention(cut.text, cut.start_char, cut.end_char, m.type, m.source)
    if span is not None and len(span) > 2 and span[-1].is_lower and span[-1].pos_ in ("VERB", "AUX") \
            and "Fin" in span[-1].morph.get("VerbForm") and (span[-1].dep_ == "ROOT" or any(
                c.dep_ in ("obj", "dobj", "obl:arg") and c.i >= span.end for c in span[-1].children)):
        cut = span[:-1]  # "L'Homme qui rétrécit marque le retour de…": the clause's own verb
        return Mention(cut.text, cut.start_char, cut.end_char, m.type, m.source)
    aux = next((t for t in span[1:] if t.is_lower and t.pos_ == "AUX" and t.dep_ in ("aux:tense", "aux:pass", "aux")
                and t.head.pos_ == "VERB" and t.head.dep_ == "ROOT" and t.head.i > t.i), None) if span is not None else None
    if aux is not None:
        cut = doc[span.start:aux.i]  # "Le film Illusions perdues a triomphé": the clause's compound verb
        return Mention(cut.text, cut.start_char, cut.end_char, m.type, m.source)
    if span is None or len(span) < 2 or span[-1].pos_ not in _TAIL_POS or not span[-1].is_lower:
        return m
    end = span.end
    while end > span.start + 1 and doc[end - 1].pos_ in _TAIL_POS and doc[end - 1].is_lower:
        end -= 1
    verb = doc[end - 1]
    if end > span.start + 1 and verb.is_lower and verb.pos_ in ("VERB", "AUX") and "Fin" in verb.morph.get("VerbForm") \
            and verb.dep_ == "ROOT":
        end -= 1
    if end == span.end:
        return m
    cut = doc[span.start:end]
    return Mention(cut.text, cut.start_char, cut.end_char, m.type, m.source)


def _trimmed(m: Mention) -> Mention:
    """The mention without the spaces or line breaks a span glued on ("X\\n\\n")."""
    text = m.text.rstrip()
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if text == m.text or not text:
        return m
    return Mention(text, m.start + lead, m.start + lead + len(text), m.type, m.source)


def _longer_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A mention that ends a name given in full earlier ("Tide" in a later "The Quiet Tide"
    the NER cut short) takes the full name and its type."""
    out: list[Mention] = []
    seen: dict[str, Mention] = {}
    for m in mentions:
        for full, first in seen.items():
            if full != m.text and full.endswith(" " + m.text) and m.start >= len(full) - len(m.text) \
                    and doc_text(doc)[m.end - len(full):m.end] == full and m.type != first.type \
                    and first.type in ("CreativeWork", "Organization", "Person"):
                m = Mention(full, m.end - len(full), m.end, first.type, m.source + ">longer")
                break
        if m.type in ("CreativeWork", "Organization", "Person") and len(m.text.split()) > 1:
            seen.setdefault(m.text, m)
        out.append(m)
    # a lengthened mention may now cover another one
    return [m for m in out if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                                          for o in out)]


def _bare_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A surname the NER missed after the person's full name ("Castillo, who previously…",
    "Benning co-founded…") is a Person mention: pronouns and quotes then find the right person."""
    surnames: dict[str, int] = {}
    for m in mentions:
        words = m.text.split()
        if m.type == "Person" and len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) > 2:
            surnames.setdefault(words[-1], m.end)
    if not surnames:
        return mentions
    covered = _covered_chars(mentions)
    added = []
    for tok in doc:
        after = surnames.get(tok.text)
        if after is None or tok.idx < after or tok.idx in covered:
            continue
        # not part of a longer capitalised name ("Webb Studios")
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prv = doc[tok.i - 1] if tok.i > 0 else None
        if (nxt is not None and nxt.is_title and not nxt.is_sent_start) or (prv is not None and prv.is_title and not tok.is_sent_start
                                                                            and prv.i != tok.sent.start):
            continue
        added.append(Mention(tok.text, tok.idx, tok.idx + len(tok.text), "Person", "context:surname"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_POSS = frozenset(("'s", "’s"))
#: The parts of speech of a proper-noun run that may name a company ("Ridgeline Media").
_RUN_POS = ("PROPN", "NOUN", "ADJ")
#: The words before a camel-case product name ("an iPhone").
_ARTICLES = ("a", "an", "the", "un", "une", "l'", "l’", "le", "son", "leur")
#: NER labels of dates and quantities, never the start of a title.
_NUMERIC_ENTS = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
_OF = frozenset(("of", "de"))  # as prep_of normalises them ("du", "des", "d'" -> "de")


def _title_after(doc: Doc, start: int, lex: Lexicon) -> Span | None:
    """The capitalised title starting at token ``start``, with lower-case function words inside
    ("Everything Everywhere All at Once", "Heart of Darkness", "L'Histoire de Souleymane")."""
    glue = lex.words("mention_title_glue")

    def cap(t: Token) -> bool:
        # (a number written in digits; "like_num" also takes "third" in "for a third season")
        return t.text[:1].isupper() or t.is_upper or (t.text[:1].isdigit() and t.i > start)

    if start >= len(doc) or not cap(doc[start]) or doc[start].is_punct:
        return None
    end = start + 1
    while end < len(doc) and end - start < 9 and not doc[end].is_sent_start:
        t = doc[end]
        if cap(t) and not t.is_punct and t.lower_ not in _POSS:
            end += 1
        elif t.text in ("-", "‑") and not doc[end - 1].whitespace_ and end + 1 < len(doc) and cap(doc[end + 1]):
            end += 1  # "Hi-Fi Rush"
        elif t.lower_ in glue and end + 1 < len(doc) and (cap(doc[end + 1]) or doc[end + 1].lower_ in glue) \
                and not is_year(doc[end + 1]):  # "Le Prénom en 2012": a date, not the title's end
            end += 1
        else:
            break
    while end > start + 1 and doc[end - 1].lower_ in glue:
        end -= 1
    if 0 < start and end < len(doc) and doc[start - 1].is_lower and doc[start - 1].pos_ == "ADP" \
            and doc[end].lower_ == doc[start - 1].lower_:
        # "playing Billy in X and Finnick in Y": the run stops at the coordinator when the
        # preposition before it comes again after it (two parallel phrases, not one title)
        cut = [t.i for t in doc[start + 1:end - 1] if t.lower_ in ("and", "et")]
        end = cut[-1] if cut else end
    return doc[start:end]


def _by_token(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering it (the later mention wins on overlap)."""
    return mention_tokens((m, char_span(doc, m.start, m.end)) for m in mentions)


def _pps_by_verb(lex: Lexicon) -> dict[str, set[str]]:
    """Verb -> the prepositions after which it names a work (lexicon ``mention_work_pp``: "stars in")."""
    pps: dict[str, set[str]] = {}
    for pair in lex.words("mention_work_pp"):
        verb, _, prep = pair.rpartition(" ")
        pps.setdefault(verb, set()).add(prep)
    return pps


def _work_titles(doc: Doc, lex: Lexicon, mentions: list[Mention],
                 words: tuple[list[str], list[str], list[str]], lone: frozenset[int] = frozenset()) -> list[Mention]:
    """Titles in work slots, whatever NER made of them: after a person's possessive ("Matt Reeves's
    The Batman"), as the subject after a fronted work participle ("Produced by HBO, The Penguin is"),
    as the capitalised object of a work verb ("produced Everything Everywhere All at Once") or the
    subject of a work verb ("Bluey airs on"). Names typed Person, Organization or Place by NER or the
    gazetteer keep their type, except the one-word names of ``lone`` (:func:`kg.extract.names.lone_names`)."""
    by_tok = _by_token(doc, mentions)
    obj_verbs, subj_verbs = lex.words("mention_work_object_verbs"), lex.words("mention_work_subject_verbs")
    participles = _title_participles(lex)
    stars = lex.words("title_cast_forms")
    # (token, possessive context: True after a person's (stricter), "org" after a company's, None/False in a work slot)
    starts: list[tuple[int, bool | str | None]] = []
    pps = lex.derived("mention_work_pp_by_verb", _pps_by_verb)
    award_verbs = award_win_verbs(lex)
    credit_nouns = lex.derived("credit_role_nouns", lambda lx: frozenset(lx.credit_role_nouns))
    work_cats = lex.words("award_categories", "CreativeWork")
    person_cats = lex.words("award_categories", "Person")
    markers = lex.union("award_markers", "award_openers")
    kinds = lex.derived("work_title_or_genre_nouns", lambda lx: lx.words("genre_nouns") | _work_nouns(lx))
    company_words = _company_words(lex)
    # only a verb, a credit noun, a work or genre noun, a possessive or a participle opens a slot below
    # (``words``: :func:`token_words`)
    for tok in (doc[i] for i, (low, lemma, pos) in enumerate(zip(*words))
                if pos == "VERB" or pos == "NOUN" and (lemma in credit_nouns or low in kinds) or low in _POSS
                or low in ("'", "’") or pos == "ADJ" and (lemma in participles or low in participles) or low in stars):
        if tok.pos_ == "NOUN" and tok.lower_ in kinds and tok.is_lower and tok.i + 1 < len(doc) and tok.i + 1 not in by_tok \
                and doc[tok.i + 1].text[:1].isupper() and not doc[tok.i + 1].is_sent_start \
                and any(t.pos_ == "DET" for t in doc[max(tok.sent.start, tok.i - 4):tok.i]):
            # "the hit supernatural thriller The Priests", "le thriller Nuit blanche": a name NER missed
            # right after a work or genre noun is its title
            starts.append((tok.i + 1, False))
        if tok.pos_ == "VERB" and tok.lemma_.lower() in award_verbs and work_cats and lex.lang == "en":
            # "Hacks won outstanding comedy series", "The Bear picked up 11 Emmys, including best comedy
            # series": the winner of a work's category is a work, whatever NER made of it
            after = [t.lower_ for t in doc[tok.i + 1:tok.sent.end]]
            if any(w in markers for w in after) and set(after) & work_cats and not set(after) & person_cats:
                for c in tok.children:
                    if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and c.i < tok.i:
                        starts.append((c.left_edge.i, None))
        if tok.pos_ == "VERB" and tok.lemma_.lower() in pps:
            # "stars … in A Real Pain", "won best actress for Poor Things": the complement is a work
            for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 12)]:
                if t.lower_ in pps[tok.lemma_.lower()] and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() \
                        and (t.head.i == tok.i or t.head.head.i == tok.i or t.head.i > tok.i):
                    starts.append((t.i + 1, None))  # a work slot, like a fronted work participle
                if t.is_punct and t.text not in ("'", "’", "-"):
                    break
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in credit_nouns:
            # "creator of Netflix's Elite", "le réalisateur de Titane": the complement names a work
            for c in tok.children:
                if c.dep_ in ("prep", "nmod") and (c.lower_ in _OF or prep_of(c) in _OF):
                    target = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else c
                    if target is not None and target.i > tok.i and target.text[:1].isupper():  # not "of content"
                        first = target.left_edge.i
                        poss = next((t.i for t in doc[first:target.i] if t.lower_ in _POSS), None)
                        starts.append((poss + 1 if poss is not None else first, False))
        poss_mark = tok.lower_ in _POSS or tok.text in ("'", "’") and tok.dep_ == "case" and tok.i > 0 \
            and doc[tok.i - 1].text.endswith("s")  # "Yorgos Lanthimos' Poor Things"
        if poss_mark and tok.i > 0 and tok.i - 1 in by_tok and by_tok[tok.i - 1].type == "Person":
            # "Matt Reeves's The Batman"; past modifiers and a work noun: "X's Pulitzer-winning novel Y"
            noun = possessive_work_noun(tok, lex) if lex.lang == "en" else None
            starts.append((noun[1] if noun is not None else tok.i + 1, True))
        elif poss_mark and tok.i > 0 and tok.i - 1 in by_tok and by_tok[tok.i - 1].type == "Organization" \
                and lex.lang == "en" and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
            # "Hulu's The Bear", "FX's Shōgun": a capitalised name right after a company's possessive
            # is its title, unless it names a person, a company (a suffix, the gazetteer) or a place
            if doc[tok.i + 1].lower_ not in _role_first_words(lex):  # "Endeavor's CEO Ari Emanuel"
                starts.append((tok.i + 1, "org"))
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in obj_verbs:
            for c in tok.children:
                if c.dep_ in ("dobj", "obj") and c.i > tok.i:
                    starts.append((c.left_edge.i if c.left_edge.i > tok.i else c.i, False))
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in lex.words("mention_work_arrival_verbs") and any(
                c.dep_.startswith("obl") and c.i in by_tok and by_tok[c.i].type == "Organization"
                and any(g.dep_ == "case" and g.lower_ in ("sur", "on") for g in c.children) for c in tok.children):
            # "Sambre arrive lundi sur France 2": what arrives on a channel is a work, even a place's name
            for c in tok.children:  # not "la troisième saison de X arrive": the part's complement is the title
                if c.dep_ in ("nsubj",) and c.i < tok.i and c.lower_ not in lex.words("episode_nouns"):
                    starts.append((c.left_edge.i if doc[c.left_edge.i].text[:1].isupper() else c.i, None))
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in subj_verbs:
            for c in tok.children:
                if c.dep_ in ("nsubj",) and c.i < tok.i and c.left_edge.i == c.i:
                    starts.append((c.i, False))
                elif c.dep_ in ("nsubj",) and c.i < tok.i and 1 <= c.i - c.left_edge.i < 6 \
                        and all(t.is_title or t.like_num for t in doc[c.left_edge.i:c.i + 1]):
                    # "La Grande Maison réunit A et B": a name of capitalised words ("La société" is none)
                    starts.append((c.left_edge.i, False))
        if tok.lower_ in stars and tok.i + 1 in by_tok and by_tok[tok.i + 1].type == "Person":
            # "Blue Hour stars Tom Reyes and …", however the parser read it: the capitalised run
            # right before the verb is a title
            j = tok.i
            while j > tok.sent.start and (doc[j - 1].is_title or doc[j - 1].like_num) and not doc[j - 1].is_punct:
                j -= 1
            if j < tok.i and (j == tok.sent.start or doc[j - 1].is_punct):
                starts.append((j, None))
        if tok.is_sent_start and tok.pos_ in ("VERB", "ADJ") \
                and (tok.lemma_.lower() in participles or tok.lower_ in participles) \
                and (tok.tag_ == "VBN" or "Part" in tok.morph.get("VerbForm")):
            sent_end = tok.sent.end
            comma = next((t.i for t in doc[tok.i:sent_end] if t.text == ","), None)
            main = main_subject_after(tok)
            if main is not None and comma is not None and main.left_edge.i > comma + 1 \
                    and doc[main.left_edge.i - 1].text == ",":
                # "Coproduit par A en Lettonie, B en France et C, le film…": the fronted phrase's list
                # runs over commas; it ends at the comma before the main clause's subject
                comma = main.left_edge.i - 1
            if comma is not None:
                i = comma + 1
                if i + 1 < sent_end and doc[i + 1].lower_ in _POSS:  # "Created by X, FX's Shōgun"
                    i += 2
                starts.append((i, None))  # None: a fronted work participle, which outweighs an NER ORG
    out = list(mentions)
    done: set[int] = set()
    for start, poss in starts:
        span = _title_after(doc, start, lex)
        if span is None or start in done or span[0].ent_type_ in _NUMERIC_ENTS:
            continue  # "returns to Prime Video in December": a date is no title
        cut = next((t.i for t in span[1:-1] if t.lower_ in ("and", "&") and t.i + 1 in by_tok
                    and by_tok[t.i + 1].type in ("Organization", "Person") and by_tok[t.i + 1].start == doc[t.i + 1].idx), None)
        if cut is not None:
            span = doc[span.start:cut]  # "FX's The Bear and Netflix's Beef": the list goes on with another name
        if len(span) == 1 and span[0].pos_ not in ("PROPN", "NOUN", "X", "ADJ"):
            continue
        covering = {id(by_tok[t.i]): by_tok[t.i] for t in span if t.i in by_tok}
        # after a fronted work participle a name NER took for a place or an event is the work
        # ("Diffusée sur France 2, Sambre…", "Directed by X, Blue Hour opens…")
        kept = ("Person", "Award", "Event") if poss is None else ("Person", "Award", "Event", "Place") \
            if poss == "org" else ("Person", "Organization", "Place", "Award", "Event")
        if poss == "org" and any(m.type == "Organization" and m.text.split()[-1].lower() in lex.words("org_suffixes")
                                 for m in covering.values()):
            continue  # "Tencent's Riot Games": a company
        if poss is True and len(span) > 1 and span[-1].lower_ in lex.words("company_name_suffixes") and span[-1].is_title:
            if not covering:  # "Amy Poehler's Paper Kite Productions": a person's company, not a work
                out.append(Mention(span.text, span.start_char, span.end_char, "Organization", "context:org_suffix"))
                done.add(start)
            continue
        inner_place = poss is None and len(span) > 1  # "Revoir Paris": a place name inside a longer title
        # a name NER alone read as a company (the gazetteer knows the companies news names; no company
        # word in it) fills a work slot as a title: "produced Severance", "the thriller Heat"
        ner_org = {id(m) for m in covering.values() if poss is False and m.type == "Organization"
                   and m.source.startswith("ner:") and not any(w.lower() in company_words for w in m.text.split())}
        if any(m.start < span.start_char or m.end > span.end_char
               or m.type in kept and m.start not in lone and id(m) not in ner_org
               and not (poss is None and m.type == "Event" and m.source.startswith("ner:"))
               or m.source == "gazetteer" and not (inner_place and m.type == "Place"
                                                   and (m.start, m.end) != (span.start_char, span.end_char))
               for m in covering.values()):
            continue
        if any(m.type == "CreativeWork" and m.start == span.start_char and m.end == span.end_char for m in covering.values()):
            continue
        done.add(start)
        out = [m for m in out if id(m) not in covering]
        out.append(Mention(span.text, span.start_char, span.end_char, "CreativeWork",
                           "context:title-possessive" if poss else "context:title-slot"))
    return sorted(out, key=lambda m: m.start)


def _title_participles(lex: Lexicon) -> frozenset[str]:
    """Participles that open a work's description after its title ("directed by", "réalisé
    par"), computed once per lexicon."""
    return lex.derived("title_participles", lambda lx: lx.words("title_participles") | lx.words("mention_title_participles"))


def _role_heads(lex: Lexicon) -> frozenset[str]:
    """The lexicon's person role nouns and their last words ("directeur général" and "général"),
    computed once per lexicon."""
    return lex.derived("role_heads", lambda lx: frozenset({r.split()[-1] for r in lx.role_nouns} | set(lx.role_nouns)))


def _role_first_words(lex: Lexicon) -> frozenset[str]:
    """First words of the lexicon's person, organisation and credit role nouns ("ceo", "chief",
    "head"): a capitalised one after a company's possessive starts a title of office, not of a work."""
    return lex.derived("role_first_words", lambda lx: frozenset(
        n.split()[0].lower() for n in [*lx.role_nouns, *lx.org_role_nouns, *lx.credit_role_nouns] if n.strip()))


def behind_company(tok: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The words naming the company and what it is behind when ``tok`` is a ``behind_words``
    preposition after a company: "the studio behind X" (an organisation noun or name),
    "Zeta Studios is behind the show" (the copula's subject). None otherwise ("the man behind X")."""
    ends = _behind_ends(tok, lex)
    if ends is None or ends[0].i == ends[1].i:
        return None
    head, target = ends
    if head.pos_ in ("NOUN", "PROPN") and head.i < tok.i and (
            head.lemma_.lower() in _org_nouns(lex) or head.lower_ in _org_nouns(lex) or head.pos_ == "PROPN"):
        return head, target
    if head.lemma_.lower() in ("be", "être") or any(c.dep_ == "cop" for c in head.children):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i), None)
        return (subj, target) if subj is not None else None
    return None


def behind_filmmaker(tok: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The filmmaker's noun and what the filmmaker is behind when ``tok`` is a ``behind_words``
    preposition after one of the lexicon's ``filmmaker_nouns``: "the Australian filmmaker behind
    The Invisible Man" (the director). None otherwise ("the man behind X")."""
    ends = _behind_ends(tok, lex)
    if ends is None or ends[0].i >= tok.i or ends[0].pos_ != "NOUN" \
            or ends[0].lemma_.lower() not in lex.words("filmmaker_nouns"):
        return None
    return ends


def _behind_ends(tok: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The word a ``behind_words`` preposition hangs on and the object after it, in both parse
    schemes: the preposition heads its object (English) or hangs on it (French ``case``)."""
    if tok.lower_ not in lex.words("behind_words") or tok.head.i == tok.i:
        return None
    if tok.dep_ == "case":
        target, head = tok.head, tok.head.head
    else:
        target = next((c for c in tok.children if c.dep_ in ("pobj", "obj")), None)
        head = tok.head
    return None if target is None or target.i < tok.i else (head, target)


def _behind_works(doc: Doc, lex: Lexicon, mentions: list[Mention],
                  words: tuple[list[str], list[str], list[str]]) -> list[Mention]:
    """"the studio behind Elden Ring": what a company is behind is a work, whatever NER made of
    the name (a person, a place); a name the gazetteer or another rule typed keeps its type."""
    if not lex.words("behind_words"):
        return mentions
    by_tok = _by_token(doc, mentions)
    retyped: dict[int, Mention] = {}
    added: list[Mention] = []
    behind = lex.words("behind_words")
    for tok in (doc[i] for i, low in enumerate(words[0]) if low in behind):  # as behind_company tests first
        found = behind_company(tok, lex) or behind_filmmaker(tok, lex)
        if found is None or tok.i + 1 >= len(doc):
            continue
        company = found[0]
        if company.pos_ == "PROPN" and (company.i not in by_tok or by_tok[company.i].type != "Organization"):
            continue
        m = by_tok.get(tok.i + 1)
        if m is not None and m.start == doc[tok.i + 1].idx and m.type in ("Person", "Place", "Misc") \
                and m.source.startswith("ner"):
            retyped[id(m)] = Mention(m.text, m.start, m.end, "CreativeWork", "context:behind")
        elif m is None or m.source.startswith("ner") and m.type in ("Person", "Place", "Misc"):
            # a title NER missed or cut ("behind The Lego Movie", "behind Hi-Fi Rush and The Evil Within")
            added += _listed_titles(doc, tok.i + 1, lex, by_tok)
    if added:
        drop = {id(m) for m in mentions for t in added if t.start <= m.start and m.end <= t.end}
        mentions = [m for m in mentions if id(m) not in drop] + added
        mentions.sort(key=lambda m: m.start)
    return [retyped.get(id(m), m) for m in mentions] if retyped else mentions


def _listed_titles(doc: Doc, start: int, lex: Lexicon, by_tok: dict[int, Mention]) -> list[Mention]:
    """Capitalised titles from token ``start``, then after each ","/"and"/"et" (up to four),
    that no mention of another kind than an NER person, place or untyped name overlaps."""
    out: list[Mention] = []
    i = start
    while len(out) < 4:
        span = _title_after(doc, i, lex)
        if span is None or any(t.i in by_tok and not (by_tok[t.i].source.startswith("ner")
                                                     and by_tok[t.i].type in ("Person", "Place", "Misc")) for t in span):
            break
        cut = next((t.i for t in span[1:-1] if t.lower_ in ("and", "&") and doc[t.i + 1].lower_ in ("the", "a", "an")
                    and doc[t.i + 1].is_title), None)
        if cut is not None:  # "Hi-Fi Rush and The Evil Within": a second title after "and"
            span = doc[span.start:cut]
        out.append(Mention(span.text, span.start_char, span.end_char, "CreativeWork", "context:behind"))
        j = span.end
        if j < len(doc) and doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].lower_ in ("and", "et"):
            j += 1
        if j >= len(doc) or not (doc[j].text == "," or doc[j].lower_ in ("and", "et")):
            break
        i = j + 1
    return out


def _org_context(doc: Doc, lex: Lexicon, mentions: list[Mention],
                 words: tuple[list[str], list[str], list[str]] | None = None) -> list[Mention]:
    """Organisations from the rest of the text: a short form of an organisation named in full
    ("Harbor Lane" after "Harbor Lane Media", "Nordlys" after "Studio Nordlys"); a name NER took
    for a place coordinated with an organisation ("Nexstar Media Group and X"); a capitalised name
    NER missed after an organisation noun ("audiobook publisher X"); a camel-case name after an
    article is a product ("an iPhone"). ``words``: the doc's :func:`token_words`, when already read."""
    heads, suffixes = lex.words("mention_org_heads"), lex.words("org_suffixes")
    lower, lemma, pos = words if words is not None else token_words(doc)
    extended = [m for m in mentions if m.source == "context:suffix"]
    mentions = [m for m in mentions if not any(e is not m and e.start <= m.start and m.end <= e.end for e in extended)]
    short: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "Organization" and len(words) > 1:
            if words[-1].lower() in suffixes and words[-2].lower() not in suffixes:
                short.add(" ".join(words[:-1]))
            if words[0].lower() in heads and words[1].lower() not in heads:
                short.add(" ".join(words[1:]))
    by_tok = _by_token(doc, mentions)
    out = []
    for m in mentions:
        if m.source.startswith("ner") and m.type in ("Place", "Misc") and m.text not in short \
                and (span := char_span(doc, m.start, m.end)) is not None \
                and _age_apposition(doc, span.end):
            m = Mention(m.text, m.start, m.end, "Person", "context:age")
        elif m.source.startswith("ner") and m.type in ("Person", "Place", "Misc") and m.text in short:
            m = Mention(m.text, m.start, m.end, "Organization", "context:shortname")
        elif m.source.startswith("ner") and m.type == "Place":
            span = char_span(doc, m.start, m.end)
            if span is not None:
                root = span.root
                linked = [root.head] if root.dep_ == "conj" else []
                linked += [c for c in root.children if c.dep_ == "conj"]
                if any(t.i in by_tok and by_tok[t.i].type == "Organization" for t in linked):
                    m = Mention(m.text, m.start, m.end, "Organization", "context:conj")
                elif _role_complement(span.root, lex):
                    m = Mention(m.text, m.start, m.end, "Organization", "context:role")
        elif m.source.startswith("ner") and m.type == "Misc":
            span = char_span(doc, m.start, m.end)
            if span is not None and _role_complement(span.root, lex):
                m = Mention(m.text, m.start, m.end, "Organization", "context:role")
        elif m.source.startswith("ner") and m.type == "Organization" and " " not in m.text:
            # "Whannell, the Australian filmmaker behind…": a one-word name described by a person's noun
            span = char_span(doc, m.start, m.end)
            head = _appos_head(doc, span.end) if span is not None else None
            if head is not None and head.lemma_.lower() in lex.words("anaphors", "Person") - _org_nouns(lex) \
                    - lex.words("company_person_nouns") and doc[span.end + 1].lower_ in _DETS | {"a", "an", "un", "une"}:
                m = Mention(m.text, m.start, m.end, "Person", "context:described")
        elif m.source.startswith("ner") and m.type == "Person":
            # "Naughty Dog, the Sony-owned studio": a name described by an organisation noun
            span = char_span(doc, m.start, m.end)
            head = _appos_head(doc, span.end) if span is not None else None
            if span is not None and len(span) == 1 and _role_complement(span.root, lex):
                # "directeur général de Skyrock": a one-word name after a role noun is its company
                m = Mention(m.text, m.start, m.end, "Organization", "context:role")
            elif head is not None and head.lemma_.lower() in lex.words("anaphors", "Organization") \
                    and doc[span.end + 1].lower_ in _DETS | {"a", "an", "un", "une"} \
                    and not any(t.lower_ in _POSS for t in doc[span.end:head.i]) \
                    and lex.role_predicate(head.lemma_) is None:  # "Will Lewis, the Post's publisher": a post
                m = Mention(m.text, m.start, m.end, "Organization", "context:described")
        out.append(m)
    org_nouns = _org_nouns(lex)
    i = 0
    while i < len(doc):  # "Ridgeline Media is …": an untyped proper-noun run ending in an organisation suffix
        if pos[i] not in _RUN_POS:
            i += 1  # no run starts here
            continue
        j = i
        while j < len(doc) and doc[j].pos_ in _RUN_POS and doc[j].is_title and j not in by_tok and j - i < 5:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in suffixes and doc[j - 1].pos_ == "PROPN" and doc[i].lower_ not in _DETS:
            span = doc[i:j]
            out.append(Mention(span.text, span.start_char, span.end_char, "Organization", "context:suffix"))
        i = max(j, i + 1)
    for k in range(len(doc) - 1):
        if not (pos[k] == "NOUN" and (lemma[k] in org_nouns or lower[k] in org_nouns)) and lower[k] not in _ARTICLES:
            continue  # neither pattern below starts here
        tok, nxt = doc[k], doc[k + 1]
        if tok.pos_ == "NOUN" and tok.is_lower and (tok.lemma_.lower() in org_nouns or tok.lower_ in org_nouns) \
                and nxt.pos_ == "PROPN" and nxt.is_title and not nxt.is_sent_start and nxt.i not in by_tok:
            end = nxt.i + 1
            while end < len(doc) and end - nxt.i < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in by_tok:
                end += 1
            if end < len(doc) and doc[end].lower_ in _POSS:
                continue
            span = doc[nxt.i:end]
            out.append(Mention(span.text, span.start_char, span.end_char, "Organization", "context:orgnoun"))
        elif tok.lower_ in _ARTICLES \
                and len(nxt.text) > 2 and nxt.text[0].islower() and nxt.text[1].isupper() and nxt.text.isalnum():
            old = by_tok.get(nxt.i)
            if old is not None and not (old.source.startswith("ner") and old.text == nxt.text):
                continue
            out = [m for m in out if m is not old]
            out.append(Mention(nxt.text, nxt.idx, nxt.idx + len(nxt.text), "Product", "context:camelcase"))
    # a name typed by its context keeps that type where NER alone typed it ("the video model X" … "adopted X")
    by_text: dict[str, set[str]] = {}
    for m in out:
        if m.source.startswith("context:") and m.type in ("Organization", "Product", "CreativeWork"):
            by_text.setdefault(m.text, set()).add(m.type)
    out = [Mention(m.text, m.start, m.end, next(iter(by_text[m.text])), "context:repeat")
           if m.source.startswith("ner") and len(by_text.get(m.text, ())) == 1 and m.type not in by_text[m.text]
           and m.type in ("Misc", "Place", "Organization", "Product") else m for m in out]
    return sorted(out, key=lambda m: m.start)


def _age_apposition(doc: Doc, end: int) -> bool:
    """Whether the name ending at token ``end`` is followed by an age in apposition ("la petite
    Fleur, six ans, est hospitalisée", "X, 45 ans, …"; not "Paris, 20 ans après"): a person, never a
    title nor a place."""
    return end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].like_num \
        and doc[end + 2].lower_ in ("ans", "years") and doc[end + 3].text == ","


def _role_complement(root: Token, lex: Lexicon) -> bool:
    """Whether a name is the "de"/"of" complement of a person role noun ("le fondateur de
    Cinéville", "the founder of X"): the organisation of the role, whatever NER made of it."""
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        governor = root.head.head
    elif prep_of(root) in _OF:
        governor = root.head
    else:
        return False
    return governor.i != root.i and governor.pos_ == "NOUN" and lex.role_predicate(governor.lemma_) is not None


def _joined(doc: Doc) -> list[Span]:
    """The NER names of ``doc``, a title NER cut before a name inside it joined back: "Un ours
    dans le" (MISC) + "Jura" (LOC) is "Un ours dans le Jura" (an untyped name ending in a
    lower-case preposition or article, right before a place or an untyped name; "L'Attachement de"
    + "Carine Tardieu" is a title and its director)."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and ent.label_ in ("MISC", "WORK_OF_ART") and len(ent) > 1 and nxt.start == ent.end \
                and ent[-1].is_lower and ent[-1].pos_ in ("ADP", "DET") and nxt.label_ in ("LOC", "GPE", "MISC", "Place") \
                and not any(t.is_punct for t in ent):  # "Les Oubliés : la série de" + "FX": split later, not joined
            out.append(Span(doc, ent.start, nxt.end, label=ent.label_))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _split(ent: Span) -> list[Span]:
    """An NER name run over a preposition is two names: "Golden Bear to Dahomey" (titles such as
    "Back to the Future" keep theirs); one run over a comma and a lower-case word ends at the comma
    ("Brisants, le collectif")."""
    if ent.label_ in ENTITY_TYPES:
        return [ent]
    for t in ent[1:-1]:
        if t.text in (",", ":") and ent.doc[t.i + 1].is_lower:
            # "Shōgun : la série de FX": a subtitle after a colon is capitalised
            return [Span(ent.doc, ent.start, t.i, label=ent.label_)]
    if ent.label_ in ("PER", "PERSON") and len(ent) >= 5:
        # "Éric Barbier de Petit Pays": two names and two more after "de" are a person and a
        # title ("Alexandre de La Patellière", "Xavier Dupont de Ligonnès" stay whole)
        for t in ent[2:-2]:
            if t.lower_ in ("de", "du", "d'", "d’") and all(w.is_title for w in ent[:t.i - ent.start]) \
                    and all(w.is_title or w.is_upper for w in ent[t.i - ent.start + 1:]):
                return [Span(ent.doc, ent.start, t.i, label=ent.label_), Span(ent.doc, t.i + 1, ent.end, label="MISC")]
    for t in ent[1:-1] if ent.label_ in ("PER", "PERSON") else ():
        if t.lower_ in _POSS:  # "Ryan Coogler's Sinners": the person, then the name of what is theirs
            return [Span(ent.doc, ent.start, t.i, label=ent.label_), Span(ent.doc, t.i + 1, ent.end, label="MISC")]
    for t in ent[1:-2] if ent.label_ in ("WORK_OF_ART", "MISC") else ():
        # "playing Finnick in The Hunger Games": a preposition the parse hangs outside the name,
        # then a capitalised article (inside a title, an article after a preposition is lower-case):
        # the title starts at the article
        if t.pos_ == "ADP" and t.is_lower and not ent.start <= t.head.i < ent.end \
                and ent.doc[t.i + 1].pos_ == "DET" and ent.doc[t.i + 1].is_title:
            return [Span(ent.doc, t.i + 1, ent.end, label=ent.label_)]
    if ent.label_ in ("WORK_OF_ART", "MISC") or len(ent) < 3:
        return [ent]
    for t in ent[1:-1]:
        if t.lower_ == "to" and ent.doc[t.i - 1].is_title and ent.doc[t.i + 1].is_title:
            return [Span(ent.doc, ent.start, t.i, label=ent.label_), Span(ent.doc, t.i + 1, ent.end, label=ent.label_)]
    return [ent]


def _sentence_case_before(doc: Doc, end: int) -> Span | None:
    """A French sentence-case title opening the sentence and ending right before token ``end``
    ("Ligne de crête, avec…", "Le Bureau des légendes, réalisé par…"): up to six nouns,
    adjectives, prepositions and articles, no verb."""
    if doc.lang_ != "fr" or end == 0:
        return None
    start = doc[end - 1].sent.start
    span = doc[start:end]
    # a capitalised first word, or an article before one ("Le Bureau des légendes", not "Le groupe")
    opening = span[0].is_title and span[0].pos_ not in ("DET", "ADP", "PRON", "VERB", "AUX") \
        or len(span) > 2 and span[0].is_title and span[0].pos_ == "DET" and span[1].is_title
    if not opening or not 2 <= len(span) <= 6 or span[-1].pos_ in ("ADP", "DET") \
            or any(t.pos_ not in ("NOUN", "ADJ", "ADP", "DET", "PROPN") for t in span[1:]):
        return None
    if span[0].lower_.endswith(("é", "ée", "és", "ées")) and span[0].pos_ != "PROPN" and span[1].pos_ == "ADP":
        return None  # "Adaptée de la série israélienne X, …": a fronted participle and its complement (not "Été 85")
    return span


def _title_before(doc: Doc, end: int, glue: frozenset[str]) -> Span | None:
    """The capitalised name ending right before token ``end`` ("One Battle After Another",
    "Wicked: For Good"), when it starts a sentence or follows a comma, a bracket or a possessive."""
    i = end - 1
    while i >= 0 and end - i <= 8:
        tok = doc[i]
        if tok.lower_ in _POSS or (tok.is_punct and tok.text != ":"):
            break
        if not (tok.is_title or tok.is_upper or tok.like_num or tok.lower_ in glue):
            return _sentence_case_before(doc, end)
        i -= 1
        if tok.is_sent_start:
            break
    start = i + 1
    while start < end and not (doc[start].is_title or doc[start].is_upper or doc[start].like_num):
        start += 1
    if start < end - 1 and doc[start].is_sent_start and doc[start].pos_ == "ADP" and doc[start].dep_ == "case":
        start += 1  # "Dans Les Invisibles, réalisé par…": the preposition opens the sentence, not the title
    if start >= end or end - start > 7 or doc[end - 1].lower_ in glue:
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
    participles = _title_participles(lex)
    works = _work_nouns(lex)
    i = comma + 1
    if i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    if i >= len(doc):
        return None
    tok = doc[i]
    if participles and (tok.lemma_.lower() in participles or tok.lower_ in participles) \
            and (tok.tag_ in ("VBN", "VBG") or tok.pos_ in ("VERB", "ADJ") and "Part" in tok.morph.get("VerbForm")):
        nxt = doc[i + 1:i + 4]
        if tok.tag_ not in ("VBN", "VBG"):  # French: "X, signé Y" / "X, réalisé par Y"
            ok = len(nxt) > 0 and (nxt[0].lower_ == "par" or nxt[0].pos_ == "PROPN" and nxt[0].is_title)
        elif tok.tag_ == "VBG":
            ok = len(nxt) > 0 and (nxt[0].is_title or nxt[0].is_upper) and nxt[0].pos_ == "PROPN"
        else:
            ok = any(t.lower_ in ("by", "from", "on") for t in nxt)
        return "CreativeWork" if ok else None
    if tok.lower_ in lex.words("credit_with_cues") and i + 1 < len(doc) and doc[i + 1].ent_type_ in ("PER", "PERSON") \
            and doc[i + 1].is_title:
        return "CreativeWork"  # "Ligne de crête, avec Paul Verdier et Sonia Abadi, sort…": a cast after a title
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


def _slot_titles(doc: Doc, lex: Lexicon, mentions: list[Mention],
                 words: tuple[list[str], list[str], list[str]]) -> list[Mention]:
    """Type as CreativeWork a capitalised name that a work description follows, whatever
    NER said (single-word titles are often missed or taken for people): "Sinners, written
    and directed by X", "Frankenstein, starring X", "Adolescence, the limited series …".
    Gazetteer entities keep their type."""
    if not lex.words("title_participles") and not lex.words("mention_title_participles"):
        return mentions
    by_tok = _by_token(doc, mentions)
    out = list(mentions)
    for tok in (doc[i] for i, low in enumerate(words[0]) if low == ","):  # (``words``: :func:`token_words`)
        typ = _title_cue(doc, tok.i, lex) if tok.text == "," and tok.i > 0 else None
        if typ is None:
            continue
        span = _title_before(doc, tok.i, lex.union("mention_title_glue", "mention_title_glue_before"))
        if span is None:
            continue
        covering = {id(by_tok[t.i]): by_tok[t.i] for t in span if t.i in by_tok}
        if any(m.source == "gazetteer" or m.type in ("Place", "Award", "Event", "Concept") for m in covering.values()):
            continue
        if any(m.start < span.start_char or m.end > span.end_char for m in covering.values()):
            continue
        if typ == "Organization" and (covering or len(span) > 3 or not span[0].is_sent_start and doc[span.start - 1].text != ","):
            continue  # only a name nothing else typed, at a clause start
        if doc[tok.i + 1].lower_ in lex.words("credit_with_cues") \
                and any(m.type in ("Person", "Organization") for m in covering.values()):
            continue  # "Paul Morin, avec Marie Lenoir, a fondé…": a person's company, not a cast
        out = [m for m in out if id(m) not in covering]
        out.append(Mention(span.text, span.start_char, span.end_char, typ, "context:title-cue"))
    return sorted(out, key=lambda m: m.start)


def _continues_org(prev: Mention, m: Mention, lex: Lexicon) -> bool:
    """Whether NER name ``m`` right after gazetteer entity ``prev`` is the rest of one organisation
    name: after an organisation, any name but a person's; after a place, a name NER took for an
    organisation or with an organisation head or suffix word."""
    words = m.text.lower().split()
    if prev.type == "Organization":
        return m.type in ("Misc", "Organization", "Place", "Product") and m.source.split(":")[-1] not in ("PER", "PERSON")
    if prev.type == "Place":
        return m.source.split(":")[-1] == "ORG" or bool(words) and (
            words[0] in lex.words("mention_org_heads") or words[-1] in lex.words("org_suffixes"))
    return False


def _merged(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Join an organisation name that the gazetteer cut short: "Sony Pictures" + "Animation",
    "Universal" + "Music Group" (capitalised words the parser attaches to the same name)."""
    text = doc_text(doc)
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].type == "Organization" and m.type in ("Concept", "Organization") and m.source == "gazetteer" \
                and text[out[-1].end:m.start] == " " and m.text[:1].isupper() and m.type == "Concept":
            prev = out.pop()
            m = Mention(text[prev.start:m.end], prev.start, m.end, "Organization", prev.source + "+name")
        elif out and out[-1].source == "gazetteer" and m.source.startswith(("ner:", "context:")) \
                and text[out[-1].end:m.start] == " " and m.text[:1].isupper() and _continues_org(out[-1], m, lex):
            # "Illumination" + "Mac Guff", "France" + "Médias Monde": one organisation name
            prev = out.pop()
            m = Mention(text[prev.start:m.end], prev.start, m.end, "Organization", prev.source + "+name")
        elif out and m.type == "Event" and text[out[-1].end:m.start] == " " \
                and out[-1].text.lower() in lex.words("mention_event_heads"):
            # "Festival" + "Séries Mania": the event's head noun belongs to its name
            prev = out.pop()
            m = Mention(text[prev.start:m.end], prev.start, m.end, "Event", m.source + "+head")
        out.append(m)
    final: list[Mention] = []
    for i, m in enumerate(out):
        if m.type == "Organization" and m.source == "gazetteer":
            span = char_span(doc, m.start, m.end)
            nxt = out[i + 1].start if i + 1 < len(out) else len(text)
            end = span.end if span is not None else None
            while end is not None and end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
                    and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].idx >= m.end and doc[end].idx < nxt:
                end += 1
            if end is not None and span is not None and end > span.end:
                ext = doc[span.start:end]
                m = Mention(ext.text, ext.start_char, ext.end_char, "Organization", "context:name")
        if m.type == "Event":  # "Festival de Cannes 2024": the edition year belongs to the name
            span = char_span(doc, m.start, m.end)
            if span is not None and span.end < len(doc) and is_year(doc[span.end]) \
                    and (i + 1 >= len(out) or out[i + 1].start >= doc[span.end].idx + 4):
                ext = doc[span.start:span.end + 1]
                m = Mention(ext.text, ext.start_char, ext.end_char, "Event", m.source)
        final.append(m)
    return final


def _sentence_case(span: Span, lex: Lexicon, *, nouns_only: bool = False) -> bool:
    """A name written like a French title, not a person's: after its first word, a lower-case
    noun or adjective (only a noun other than a place noun with ``nouns_only``) that is no name
    particle ("Baron noir", "Mauvaise graine"; not "Charles de Gaulle", lexicon ``name_particles``;
    not "2e arrondissement", ``place_nouns``)."""
    particles = lex.words("name_particles") | (lex.words("place_nouns") if nouns_only else frozenset())
    pos = ("NOUN",) if nouns_only else ("NOUN", "ADJ")
    return any(t.is_lower and t.is_alpha and t.pos_ in pos and t.lower_ not in particles
               and not (t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_)  # "Lee Seung-gi"
               for t in span[1:])


def _retyped(doc: Doc, m: Mention, lex: Lexicon) -> Mention:
    """Correct an NER type from the words around a name (lexicon-driven):
    "Asacha Media" (organisation suffix), "founder Tim League" / "Marcus Bell, a senior analyst"
    (person role), "the studio Paper Kite" (organisation noun)."""
    if m.source.startswith("ner") and m.type == "CreativeWork" and _head_type(m.text.split(), lex) == "Award":
        return Mention(m.text, m.start, m.end, "Award", "context:head")  # "a Peabody Award": NER's work of art
    if not m.source.startswith("ner") or m.type not in ("Person", "Organization", "Misc", "Place", "Product"):
        return m
    if m.type == "Product":  # only "animation house X": an organisation noun before the name
        prev = doc[m_span.start - 1] if (m_span := char_span(doc, m.start, m.end)) is not None \
            and m_span.start > 0 else None
        if prev is not None and prev.pos_ == "NOUN" and prev.is_lower and prev.lemma_.lower() in _org_nouns(lex) \
                and prev.lemma_.lower() not in lex.words("product_nouns"):
            return Mention(m.text, m.start, m.end, "Organization", "context:orgnoun")
        # "Naughty Dog, the Sony-owned studio": an organisation noun in apposition
        if m_span is not None and any(c.dep_ == "appos" and c.i > m_span.end and c.lemma_.lower() in _org_nouns(lex)
                                      and c.lemma_.lower() not in lex.words("product_nouns") for c in m_span.root.children):
            return Mention(m.text, m.start, m.end, "Organization", "context:orgnoun")
        return m
    span = char_span(doc, m.start, m.end)
    if span is None:
        return m
    role_heads = _role_heads(lex)
    org_nouns = lex.words("anaphors", "Organization")
    prev = doc[span.start - 1] if span.start > 0 else None
    words = m.text.split()
    if m.type != "Organization" and len(words) > 1 and words[-1].lower() in lex.words("org_suffixes"):
        return Mention(m.text, m.start, m.end, "Organization", "context:suffix")
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and m.type in ("Person", "Organization", "Misc", "Place") and nxt.pos_ == "PROPN" and nxt.is_title \
            and nxt.lower_ in lex.words("org_suffixes") and doc_text(doc)[m.end:nxt.idx] == " ":
        ext = doc[span.start:span.end + 1]  # "Quarry Bend" + "Media": NER cut the name before its suffix
        return Mention(ext.text, ext.start_char, ext.end_char, "Organization", "context:suffix")
    if m.type == "Person" and _sentence_case(span, lex) \
            or m.type == "Place" and _sentence_case(span, lex, nouns_only=True):
        # "Mauvaise graine" read as a person, "Ligne de crête" as a place: sentence-case titles
        # ("Pays basque", "Massif central": a place's lower-case word is an adjective)
        m = Mention(m.text, m.start, m.end, "Misc", m.source + ">untyped")
    head_type = _head_type(words, lex)
    if head_type is not None and head_type != m.type:
        return Mention(m.text, m.start, m.end, head_type, "context:head")
    if m.type in ("Place", "Misc") and _fronted_work_subject(doc, span, lex):
        return Mention(m.text, m.start, m.end, "CreativeWork", "context:fronted_work")
    place = _place_context(doc, span, lex)
    if place and m.type != "Place":
        return Mention(m.text, m.start, m.end, "Place", "context:place")
    if m.type in ("Place", "Person") and _org_object(span, lex):
        return Mention(m.text, m.start, m.end, "Organization", "context:orgobject")
    if m.type != "Person":
        role_prev = prev is not None and (prev.lower_ in role_heads or prev.lemma_.lower() in role_heads) and prev.pos_ in ("NOUN", "PROPN")
        appos = any(c.dep_ == "appos" and c.i > span.end and (c.lemma_.lower() in role_heads or c.lower_ in role_heads)
                    for c in span.root.children)
        if (role_prev or appos) and len(words) > 1 and all(w[:1].isupper() for w in words):
            return Mention(m.text, m.start, m.end, "Person", "context:role")
    noun = prev
    while noun is not None and noun.i > 0 and span.start - noun.i <= 2 and noun.pos_ == "ADJ" and noun.is_lower:
        noun = doc[noun.i - 1]  # "la société bruxelloise Tarantula", "le groupe américain X"
    if m.type in ("Person", "Misc") and noun is not None and noun.pos_ == "NOUN" and (
            noun.lemma_.lower() in org_nouns or noun.lower_ in org_nouns):
        return Mention(m.text, m.start, m.end, "Organization", "context:orgnoun")
    if m.type in ("Place", "Misc") and prev is not None and prev.pos_ in ("NOUN", "VERB") and not prev.is_title and (
            prev.lemma_.lower() in _org_nouns(lex) or prev.lower_ in _org_nouns(lex)):
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
            and doc[nxt].lemma_.lower() not in lex.words("mention_org_apposition_exclude")
        if named or after:
            return Mention(m.text, m.start, m.end, "Organization", "context:orgnoun")
    return m


def _head_type(words: list[str], lex: Lexicon) -> str | None:
    """The type a name's first or last word gives it: "Festival X" an Event, "prix X" / "X Award" an
    Award, "Studio X" / "Les Ateliers X" an Organization (lexicon ``mention_*_heads``)."""
    ws = [w.lower() for w in words]
    if len(ws) > 2 and ws[0] in ("les", "le", "la", "the"):
        ws = ws[1:]
    if len(ws) < 2:
        return None
    if ws[0] in lex.words("mention_event_heads"):
        return "Event"
    if ws[0] in lex.words("mention_award_heads") or ws[-1] in lex.words("mention_award_suffixes"):
        return "Award"
    if ws[0] in lex.words("mention_org_heads"):
        return "Organization"
    return None


def _fronted_work_subject(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """Whether ``span`` is the subject a sentence-opening participle of a work describes:
    "Présentée en ouverture de Séries Mania, à Lille, Rematch revient sur…", "Shot in
    Budapest, Rematch airs…" (lexicon ``fronted_work_participles``): the name right after a
    comma, before its verb, with no finite verb between the participle and the name."""
    if span.start < 3 or doc[span.start - 1].text != "," or span.end >= len(doc) \
            or doc[span.end].pos_ not in ("VERB", "AUX"):
        return False
    sent = span.sent
    first = doc[sent.start]
    if first.lower_ not in lex.words("fronted_work_participles"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[sent.start + 1:span.start])


def _place_context(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """A name is a place after a place preposition governed by a location verb ("shot entirely in
    X", "installée à X") or before "-based" ("X-based")."""
    if span.end + 1 < len(doc) and doc[span.end].text in ("-", "‑") and doc[span.end + 1].lower_ in lex.words("based_words"):
        return True
    preps, verbs = lex.words("mention_place_preps"), lex.words("mention_place_verbs")
    if not preps or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ not in preps:
        return False
    gov = prev.head if prev.head.i != span.root.i else span.root.head
    return gov.pos_ in ("VERB", "AUX", "ADJ") and (gov.lemma_.lower() in verbs or gov.lower_ in verbs)


def _org_object(span: Span, lex: Lexicon) -> bool:
    """The object of a founding or buying verb or noun is an organisation ("who founded X",
    "l'acquisition d'X")."""
    root = span.root
    head = root.head
    if root.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and head.lemma_.lower() in lex.words("mention_org_object_verbs"):
        return True
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’") for c in root.children):
        pass
    else:
        return False
    return head.pos_ == "NOUN" and head.lemma_.lower() in lex.words("mention_org_object_nouns")


def _org_agents(doc: Doc, lex: Lexicon, mentions: list[Mention], lone: frozenset[int]) -> list[Mention]:
    """A name NER took for a place or left untyped, or a one-word person's name of ``lone``
    (:func:`kg.extract.names.lone_names`), is an organisation as the agent of a verb only companies
    do (lexicon ``mention_org_agent_verbs``): "distribué par Pyramide", "distributed by Neon and Mubi"."""
    verbs = lex.words("mention_org_agent_verbs")
    if not verbs:
        return mentions
    out = []
    for m in mentions:
        if m.source.startswith("ner") and (m.type in ("Place", "Misc") or m.type == "Person" and m.start in lone):
            span = char_span(doc, m.start, m.end)
            if span is not None and _agent_of(span.root, verbs):
                m = Mention(m.text, m.start, m.end, "Organization", "context:agent")
        out.append(m)
    return out


def _founded_names(doc: Doc, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A capitalised name NER missed is an organisation as what a founding or buying verb
    (lexicon ``mention_org_object_verbs``) acts on: its object, its passive subject, or the noun
    its participle qualifies ("L'Ircam, fondé par Pierre Boulez en 1977, …")."""
    verbs = lex.words("mention_org_object_verbs")
    covered = set(_by_token(doc, mentions))
    added = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i in covered or tok.dep_ in ("flat", "flat:name"):
            continue
        head = tok.head
        acted_on = tok.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") and head.pos_ == "VERB" \
            and head.lemma_.lower() in verbs
        acted_on = acted_on or any(c.dep_ == "acl" and c.pos_ == "VERB" and c.lemma_.lower() in verbs
                                   and any(a.dep_ in ("obl:agent", "agent") for a in c.children) for c in tok.children)
        if not acted_on:
            continue
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in ("compound", "flat", "flat:name") \
                and doc[start - 1].head.i == tok.i:
            start -= 1  # "Harbor Lights": the whole name, not its head
        while end < len(doc) and doc[end].dep_ in ("flat", "flat:name") and doc[end].head.i == tok.i:
            end += 1
        span = doc[start:end]
        if any(i in covered for i in range(start, end)) or any(
                m.type == "Organization" and m.text.startswith(span.text + " ") for m in mentions):
            continue  # part of a name already found, or a short form of one ("Harbor Lights" for "… Pictures")
        added.append(Mention(span.text, span.start_char, span.end_char, "Organization", "context:founded"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _titles_of_people(doc: Doc, mentions: list[Mention], lone: frozenset[int]) -> list[Mention]:
    """A one-word name NER took for a person (of ``lone``, :func:`kg.extract.names.lone_names`)
    right before "de"/"d'" and a person's full name is a work and its maker: "Miséricorde
    d'Alain Guiraudie", "Jacaranda de Gaël Faye"."""
    if not lone:
        return mentions
    text = doc_text(doc)
    by_start = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        if m.start in lone and m.type == "Person":
            rest = text[m.end:m.end + 5]
            gap = 4 if rest.startswith(" de ") else 3 if rest.startswith((" d'", " d’")) else 0
            after = by_start.get(m.end + gap) if gap else None
            if after is not None and after.type == "Person" and len(after.text.split()) >= 2:
                m = Mention(m.text, m.start, m.end, "CreativeWork", m.source + ">title-of")
        out.append(m)
    return out


def _agent_of(tok: Token, verbs: frozenset[str]) -> bool:
    """Whether ``tok`` (or the first name of the list it closes) is the "par"/"by" agent of one of ``verbs``."""
    if tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # English: "by" hangs on the verb
        tok = tok.head
        return tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in verbs
    return tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in verbs and any(
        c.dep_ == "case" and c.lower_ == "par" for c in tok.children)


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
    category = lex.words("mention_award_category")
    if ent.end + 1 < len(doc) and category and doc[ent.end].lower_ in preps | {"du", "de"}:
        # "Oscar du meilleur film international": a category word, then its adjectives and nouns
        i = ent.end + 1
        if doc[i].lower_ in ("la", "l'", "l’") and i + 1 < len(doc):
            i += 1
        if doc[i].lower_ in category:
            end = i + 1
            while end < len(doc) and end - ent.end <= 8:
                if doc[end].is_lower and doc[end].pos_ in ("ADJ", "NOUN"):
                    end += 1
                elif doc[end].lower_ in ("d'", "d’", "de", "en") and end + 1 < len(doc) and doc[end + 1].is_lower \
                        and doc[end + 1].pos_ == "NOUN":  # "meilleur film d'animation", "… en langue étrangère"
                    end += 2
                else:
                    break
            if end > i + 1:
                span = doc[ent.start:end]
                return Mention(span.text, span.start_char, span.end_char, "Award", mention.source)
    if not preps or ent.end >= len(doc) or doc[ent.end].lower_ not in preps:
        return mention
    prep = doc[ent.end]
    objs = [c for c in prep.children if c.dep_ in ("pobj", "obj", "nmod")]
    if not objs:
        return mention
    end = max(t.i for t in objs[0].subtree) + 1
    for t in doc[ent.end + 1:end]:  # "for best actress for the role": the category ends at a second "for"
        if t.lower_ in preps:
            end = t.i
            break
    # a category is lower-case words ("best actor", "lead actor in a comedy series"), or opens with a
    # marker ("Best Actress"); "the Oscar for Greyhaven" names the work it went to
    first = doc[ent.end + 1] if ent.end + 1 < end else None
    if end - ent.end > 8 or any(t.ent_type_ and t.ent_type_ not in ("ORDINAL", "Concept") or t.is_punct
                                for t in doc[ent.end + 1:end]) \
            or first is not None and first.pos_ == "PROPN" and first.lower_ not in lex.words("award_markers"):
        return mention
    span = doc[ent.start:end]
    return Mention(span.text, span.start_char, span.end_char, "Award", mention.source)


def _typed(ent: Span, lex: Lexicon) -> Mention | None:
    if ent.label_ in ENTITY_TYPES:  # gazetteer match: label is the ontology class
        if ent.label_ in ("Place", "Person") and (_named_by_work_noun(ent, lex) or _described_as_work(ent, lex)):
            # "la série Marseille", "le film Cloclo": a title named after a city or a person
            return Mention(ent.text, ent.start_char, ent.end_char, "CreativeWork", "context:gazetteer")
        return Mention(ent.text, ent.start_char, ent.end_char, ent.label_, "gazetteer")
    type_ = NER_TYPES.get(ent.label_)
    if type_ is None:
        return None
    span = ent
    if not any(c.isupper() or c.isdigit() or c == "." for c in span.text):
        return None  # "ce thriller pince-sans-rire": a lower-case word is no name (a domain "france.tv" is)
    heads = lex.derived("mention_heads", lambda lx: lx.words("mention_event_heads") | lx.words("mention_award_heads")
                        | lx.words("mention_org_heads"))
    while len(span) > 1 and span[0].lower_ not in heads and span[0].pos_ not in ("DET", "NUM") \
            and not any(c.isupper() or c.isdigit() for c in span[0].text):
        span = span[1:]  # "le thriller pince-sans-rire Orages": the name starts at its capital
    if len(span) == 1 and span[0].is_sent_start and span[0].pos_ == "NOUN" and span[0].lower_ in (
            _company_words(lex) | _work_nouns(lex)):
        return None  # "Studios et chaînes attendent": a capitalised common noun opening a sentence
    if span[0].lower_ in _DETS and len(span) > 1 and type_ != "Misc" \
            or len(span) > 1 and span[0].pos_ == "DET" and "Ind" in span[0].morph.get("Definite") and span[1].is_title:
        span = span[1:]  # "the Oscars", "won a Peabody Award"
    if lex.lang == "en":
        # "Shogun won Breakthrough Series": English titles capitalise their verbs, so a lower-case
        # finite verb ends the name NER ran across it
        cut = next((k for k, t in enumerate(span) if k > 0 and t.is_lower and t.pos_ == "VERB"
                    and "Fin" in t.morph.get("VerbForm")), None)
        span = span[:cut] if cut is not None else span
    while len(span) > 1 and span[-1].tag_ == "POS" or len(span) > 1 and span[-1].lower_ in ("'s", "’s"):
        span = span[:-1]  # "Brady Corbet's" -> "Brady Corbet"
    while len(span) > 1 and (span[-1].pos_ == "CCONJ" and span[-1].text != "&" or span[-1].text == ","
                             or span[-1].pos_ in ("ADP", "DET") and span[-1].is_lower and span[-2].pos_ != "VERB"):
        span = span[:-1]  # "Neon and" (before "Mubi"), "Sentimental Value at", "earned Ada Wynn a Golden Globe"
    if len(span) == 1 and span[0].is_sent_start and span[0].pos_ in ("VERB", "AUX", "ADP", "ADV", "SCONJ") \
            and span[0].lemma_.islower():
        return None  # "Distribué par X, …": a capitalised participle opening a sentence is no name
    if span[0].is_sent_start and lex.lang == "fr" and span[0].lower_ in frame_participles(lex):
        # the same, tagged as a name ("Cofondée par X et Y, …") or as a name's start ("Adapté de Bright Lights")
        span = span[1:]
        while len(span) and (span[0].pos_ in ("ADP", "DET") or span[0].lower_ in ("de", "d'", "d’", "du", "des")):
            span = span[1:]
        if not len(span):
            return None
    if len(span) > 2 and span[0].is_title and span[0].lower_ in _person_nouns(lex):
        # a capitalised role before a name is no part of it
        if span[1].lower_ in ("de", "d'", "d’", "du", "of"):
            span, type_ = span[2:], "Misc"  # "Scénariste de La Reine Margot": the role's complement, untyped
        elif type_ == "Person" and all(t.is_title or not t.is_alpha for t in span[1:]):
            span = span[1:]  # "Showrunner Kemp Powers", "Producer Amy Pascal"
    if type_ == "Person":
        # a person's name starts with a capital: "général de Lumio" is an NER slip
        trimmed = False
        while len(span) > 1 and not span[0].text[:1].isupper():
            span, trimmed = span[1:], True
        while len(span) > 2 and span[0].lower_ in lex.words("demonyms"):
            span = span[1:]  # "le Britannique George Kay": a nationality, then the name
        if not span.text[:1].isupper():
            return None
        if trimmed:  # the span was wrong, so is its label: let the context type it
            type_ = "Misc"
    if type_ == "CreativeWork" and ent.start > 0 and ent[0].text == "The" and not ent[0].is_sent_start:
        span = ent  # "Matt Reeves's The Batman": a capitalised article mid-sentence belongs to the title
    if type_ == "Person" and span.start > 0 and span.doc[span.start - 1].text == "The" and span.start == ent.start:
        # "The Studio won…", "in The Pitt": a capitalised article opens a title, never a person's name
        span, type_ = span.doc[span.start - 1:span.end], "Misc"
    # "the Focus Features thriller", "an HBO series": a company named before the work noun it modifies
    modifier = type_ == "Organization" and span.root.dep_ in ("compound", "nmod") and span.root.head.i >= span.end
    context = None if modifier else _context_type(span, lex, person=type_ == "Person")
    if context and (type_ in ("Misc", "Organization", "Person") or context == "CreativeWork"
                    or type_ == "Place" and context == "Product"):
        return Mention(span.text, span.start_char, span.end_char, context, f"context:{ent.label_}")
    if not span.text.strip() or not any(c.isalnum() for c in span.text):
        return None
    return Mention(span.text, span.start_char, span.end_char, type_, f"ner:{ent.label_}")


def past_parenthesis(doc: Doc, i: int) -> int:
    """The token after a short parenthesis opening at token ``i`` ("Lazarus (working title), a
    thriller"); ``i`` itself when none opens there or it does not close within eight words.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Lazarus (working title), a thriller")
        >>> past_parenthesis(doc, 1), past_parenthesis(doc, 0)
        (5, 0)
    """
    if i >= len(doc) or doc[i].text != "(":
        return i
    close = next((t.i for t in doc[i + 1:min(len(doc), i + 10)] if t.text == ")"), None)
    return close + 1 if close is not None else i


def _described_as_work(span: Span, lex: Lexicon) -> bool:
    """Whether ``span`` is followed by a work noun in apposition ("Berlin, le spin-off de La
    Casa de papel", "Marseille, la série de Netflix"), not by the subject of the next clause
    ("Tourné à Marseille, le film sort…")."""
    doc = span.doc
    i = past_parenthesis(doc, span.end)
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _DETS | {"un", "une"}:
        return False
    noun = doc[i + 2]
    word = noun.lower_
    if i + 4 < len(doc) and doc[i + 3].text in ("-", "‑"):
        word = f"{noun.lower_}-{doc[i + 4].lower_}"  # "spin-off" split by the tokeniser
    if word not in _work_nouns(lex) and noun.lemma_.lower() not in _work_nouns(lex):
        return False
    return not _clause_subject(noun)


def _named_by_work_noun(span: Span, lex: Lexicon) -> bool:
    """Whether a work noun right before ``span`` names it ("la série Marseille", "the film
    Jackie"), not introduces a complement ("le film de Marseille")."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.text in ("«", "“", '"') and span.start > 1:
        prev = span.doc[span.start - 2]
    return prev.pos_ == "NOUN" and (prev.lemma_.lower() in _work_nouns(lex) or prev.lower_ in _work_nouns(lex))


def _context_type(span: Span, lex: Lexicon, *, person: bool = False) -> str | None:
    """CreativeWork or Product when the span is named by a work or product noun."""
    work, product = _work_nouns(lex), lex.words("product_nouns")
    root = span.root
    candidates: list[Token] = []
    # "la série Lupin" names the series; "le film de Bong Joon-ho" does not
    k = span.start - 1  # "le film du Britannique Steve McQueen": back over articles and nationalities
    while k >= 0 and span.start - k <= 3 and (span.doc[k].pos_ == "DET" or span.doc[k].lower_ in lex.words("demonyms")):
        k -= 1
    has_case = any(c.dep_ == "case" and c.pos_ == "ADP" for c in root.children) \
        or k >= 0 and span.doc[k].pos_ == "ADP"  # the parse may hang "de" on another word
    relative = span.start > 0 and span.doc[span.start - 1].pos_ in ("PRON", "SCONJ")  # "le roman que Richard Matheson…"
    # "la directrice des programmes, Marie Lenoir": a work noun complementing a role noun names the role's holder
    role_complement = person and span.start > 0 and span.doc[span.start - 1].text == "," \
        and root.head.dep_ in ("nmod", "pobj") and root.head.head.lemma_.lower() in _role_heads(lex)
    if root.head.i != root.i and root.dep_ in ("appos", "nmod", "flat", "flat:name", "compound", "nsubj", "obj") \
            and not has_case and not relative and root.head.pos_ in ("NOUN", "PROPN") \
            and not role_complement:  # "features Ralph Fiennes": a verb
        candidates.append(root.head)
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.is_punct and prev.text in "«“\"" and span.start > 1:
            prev = span.doc[span.start - 2]
        if prev.lower_ in _DETS and prev.i > 0:  # "comedy The Studio"
            prev = span.doc[prev.i - 1]
        if prev.pos_ not in ("VERB", "AUX"):  # "features Ralph Fiennes"
            candidates.append(prev)
        if prev.pos_ == "NOUN" and prev.lemma_.lower() in lex.words("genre_nouns") and prev.i > 0 \
                and span.doc[prev.i - 1].pos_ == "DET" and not has_case:
            return "CreativeWork"  # "the satire Mickey 17", "le thriller Furies": a genre noun names a work
    # "American Prometheus, the biography by …": a work noun in apposition
    # (right after the name: not "Éric Barbier de Petit Pays, le premier roman de…" for "Éric Barbier")
    candidates += [c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.left_edge.i <= span.end + 1
                   and (c.lemma_.lower() in work | lex.words("source_nouns"))]
    # "Severance, la série d'Apple TV+": a description in apposition after the name (past a
    # parenthesis: "Lazarus (working title), a thriller")
    doc = span.doc
    end = past_parenthesis(doc, span.end)
    if not person and end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _DETS | {"un", "une", "a", "an"} \
            and not _clause_subject(doc[end + 2]):
        candidates.append(doc[end + 2])
    if not person:  # "Cascadeur, Nekki's AI-assisted animation software": the head of the apposition
        head = _appos_head(doc, end)
        if head is not None and head.lemma_.lower() not in _org_nouns(lex):
            candidates.append(head)
    # "dans Zorro, série coproduite par…": a bare work noun in apposition
    if not person and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ == "NOUN" \
            and not any(c.dep_ == "det" for c in doc[end + 1].children):
        candidates.append(doc[end + 1])
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


def _org_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns that introduce a company's name (computed once per lexicon)."""
    return lex.derived("org_name_nouns", lambda lx: lx.words("anaphors", "Organization") | lx.words("mention_org_nouns"))


def _person_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns that introduce a person's name: the lexicon's person descriptions, role nouns and
    credit role nouns ("la chanteuse", "le PDG", "le réalisateur")."""
    return lex.derived("person_nouns", lambda lx: lx.words("anaphors", "Person") | lx.words("person_nouns")
                       | frozenset(n.lower() for n in [*lx.role_nouns, *lx.credit_role_nouns]))


def _company_words(lex: Lexicon) -> frozenset[str]:
    """Words that make a name a company's: suffixes ("Media"), heads ("Studio X") and the nouns
    that introduce one (computed once per lexicon)."""
    return lex.derived("company_words", lambda lx: lx.union("org_suffixes", "mention_org_heads") | _org_nouns(lx))


def _work_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns that introduce a work's title (computed once per lexicon)."""
    return lex.derived("work_title_nouns", lambda lx: lx.words("work_nouns") | lx.words("mention_work_nouns"))


def _clause_subject(tok: Token) -> bool:
    """Whether ``tok`` heads the subject of a verb that follows it with no comma between: then
    "NAME, le film a…" has a main clause after a fronted phrase, not a description of NAME."""
    head = tok.head
    verb = head.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in head.children)  # "la plateforme est une filiale"
    return tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and head.i > tok.i and verb \
        and not any(t.text == "," for t in tok.doc[tok.i:head.i])


def _appos_head(doc: Doc, end: int) -> Token | None:
    """The head noun of a description after ``NAME ,``: "X, Nekki's AI-assisted animation software,"
    -> software; "X, the AI motion-capture tool from Y" -> tool (None when there is none)."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    i, last, named = end + 1, None, False
    while i < len(doc) and i - end <= 9:
        t = doc[i]
        if t.lower_ in _POSS or t.text in ("-", "‑") or t.lower_ in _DETS | {"a", "an", "un", "une"} and i == end + 1:
            i += 1
            continue
        if doc.lang_ == "fr" and last is not None and t.text[:1].isupper() and t.pos_ not in ("NOUN", "ADJ"):
            named = True  # a capitalised word after the noun, whatever the tagger made of it ("Cinévox" a verb)
            break
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or t.pos_ == "VERB" and t.dep_ in ("amod", "compound"):
            if t.pos_ == "NOUN":
                last = t
            i += 1
            continue
        break
    if last is not None and (_clause_subject(last) or named):
        # "Produit par X, le film n'avait…": the main clause's subject, not a description of X;
        # "Fondée par X, la plateforme Cinévox compte…": a description with its own name
        return None
    return last if last is not None and (i == len(doc) or not doc[i].is_alpha or doc[i].pos_ in ("ADP", "PRON", "SCONJ", "CCONJ", "DET", "VERB", "AUX")) else None


def _titles(doc: Doc, lex: Lexicon, covered: set[int], words: tuple[list[str], list[str], list[str]]) -> list[Span]:
    """Capitalised or quoted titles right after a work noun that NER missed ("la série Lupin");
    ``words`` are the doc's :func:`token_words`."""
    work = _work_nouns(lex)
    spans = []
    for tok in (doc[i] for i, (low, lemma) in enumerate(zip(words[0], words[1])) if lemma in work or low in work):
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
