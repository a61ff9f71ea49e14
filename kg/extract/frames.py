"""Verb and noun frames from the lexicon: "Netflix a utilisé l'IA", "a été racheté par",
"le film réalisé par X et Y", "Canal+ a finalisé le rachat de MultiChoice".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.credits import focus_work
from kg.extract.syntax import (IN_PREPS, OF_FORMS, PREP_NORM, Context, char_span, copula_subjects, fitted, frame_participles,
                               is_passive, main_subject_after, name_read_as_work, obliques, partitive_host, past_participles,
                               stake_share, subject_of, untagged_name_read_as, verb_forms, with_conjuncts)
from kg.lexicon import Frame, Lexicon
from kg.schema import load_schema
from kg.records import Mention, Relation


def _en_forms(word: str) -> frozenset[str]:
    """Regular English inflections of a verb lemma, for when the lemmatiser errs ("staged" -> "stag")."""
    stem = word[:-1] if word.endswith("e") else word
    return frozenset({word + "s", word + "d" if word.endswith("e") else word + "ed", stem + "ing"})


def _match_lemma(tok: Token, lemma: str) -> bool:
    words = lemma.split()
    if tok.lemma_.lower() != words[0] and tok.lower_ != words[0] and not (
            tok.doc.lang_ == "fr" and tok.lower_ in verb_forms(words[0])) and not (
            tok.doc.lang_ == "en" and tok.lower_ in _en_forms(words[0])):
        return False
    return len(words) == 1 or _lemma_end(tok, lemma) is not None


def _lemma_end(tok: Token, lemma: str) -> int | None:
    """The index of the last token of the multi-word ``lemma`` whose first word is ``tok``, when
    the words after ``tok`` are the lemma's others, each read as text or as its lemma (the
    tokenizer cuts "tête d'affiche" after the apostrophe; "les rôles principaux" are plural);
    None when they are not.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("fr")("Elle est la tête d’affiche du film.")
        >>> _lemma_end(doc[3], "tête d'affiche"), _lemma_end(doc[3], "tête de liste")
        (5, None)
    """
    doc = tok.doc
    rest = " ".join(lemma.split()[1:])
    j, k = tok.i + 1, 0
    while j < len(doc) and k < len(rest):
        word = doc[j].lower_.replace("’", "'")
        if not rest.startswith(word, k):
            word = doc[j].lemma_.lower()
            if not word or not rest.startswith(word, k):
                return None
        k += len(word)
        if k < len(rest) and rest[k] == " ":
            if not doc[j].whitespace_:
                return None
            k += 1
        elif k < len(rest) and doc[j].whitespace_:
            return None
        j += 1
    return j - 1 if k == len(rest) and j > tok.i + 1 else None


@lru_cache(maxsize=1024)
def _first_words(frame: Frame, lang: str) -> frozenset[str]:
    """Every form the first word of a trigger may take (lemmas, and French inflections)."""
    words = {lemma.split()[0] for lemma in frame.lemmas}
    if lang == "en":
        words |= {form for w in list(words) for form in _en_forms(w)}
    if lang == "fr":
        words |= {form for w in list(words) for form in verb_forms(w)}
        words |= {form for lemma in frame.lemmas if " " not in lemma for form in past_participles(lemma)}
    return frozenset(words)


#: ``(id(lexicon), lang) -> (lexicon, [(frame, its first words)])``: the lexicon is kept so that its id is never reused.
_FRAME_FIRST_WORDS: dict[tuple[int, str], tuple[Lexicon, list[tuple[Frame, frozenset[str]]]]] = {}


def _frames_first_words(lex: Lexicon, lang: str) -> list[tuple[Frame, frozenset[str]]]:
    """Each frame of ``lex`` with :func:`_first_words`, computed once per lexicon (a frame
    hashes all its fields on each cached call).

    Example:
        >>> from kg.lexicon import load_lexicon
        >>> lex = load_lexicon("fr")
        >>> all(first == _first_words(frame, "fr") for frame, first in _frames_first_words(lex, "fr"))
        True
    """
    entry = _FRAME_FIRST_WORDS.get((id(lex), lang))
    if entry is None:
        entry = _FRAME_FIRST_WORDS[(id(lex), lang)] = (lex, [(frame, _first_words(frame, lang)) for frame in lex.frames])
    return entry[1]


def _frames_by_word(lex: Lexicon, lang: str) -> dict[str, list[int]]:
    """Word -> the positions in :func:`_frames_first_words` of the frames it may start,
    computed once per lexicon (a doc's words then give its frames without testing each).

    Example:
        >>> from kg.lexicon import load_lexicon
        >>> lex = load_lexicon("fr")
        >>> frames = _frames_first_words(lex, "fr")
        >>> all("produit" in frames[k][1] for k in _frames_by_word(lex, "fr")["produit"])
        True
    """
    def build(lx: Lexicon) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for k, (_, first) in enumerate(_frames_first_words(lx, lang)):
            for word in first:
                out.setdefault(word, []).append(k)
        return out
    return lex.derived(f"frames_by_word:{lang}", build)


def _word_index(doc: Doc, ctx: Context | None = None) -> dict[str, list[int]]:
    """Token indexes of ``doc`` by form and by lemma (lower case), built once per doc (from
    the forms and lemmas ``ctx`` read, when given)."""
    if ctx is None:
        lowers, lemmas = [t.lower_ for t in doc], [t.lemma_.lower() for t in doc]
    else:
        lowers, lemmas = ctx.lower, ctx.lemma
    index: dict[str, list[int]] = {}
    for i, (low, lemma) in enumerate(zip(lowers, lemmas)):
        index.setdefault(low, []).append(i)
        if lemma != low:
            index.setdefault(lemma, []).append(i)
    return index


def _triggers(doc: Doc, frame: Frame, index: dict[str, list[int]] | None = None,
              first: frozenset[str] | None = None) -> Iterator[Token]:
    pos = ("NOUN", "PROPN") if frame.kind == "noun" else ("VERB", "AUX", "ADJ")
    first = first if first is not None else _first_words(frame, doc.lang_)
    index = index if index is not None else _word_index(doc)
    # only the tokens whose form or lemma can start one of the frame's lemmas, in doc order
    candidates = sorted({i for w in first if w in index for i in index[w]})
    for tok in (doc[i] for i in candidates):
        if (tok.pos_ in pos or frame.kind == "noun" and tok.pos_ == "ADJ") \
                and any(_match_lemma(tok, lemma) and (tok.pos_ in pos or " " in lemma) for lemma in frame.lemmas):
            # (a noun trigger may open with its adjective: "tient le premier rôle")
            if frame.kind == "noun" and tok.dep_ in ("compound", "amod") and tok.i < tok.head.i <= tok.i + 3 \
                    and tok.head.pos_ == "NOUN":
                yield tok.head  # "a majority stake in X": the compound's head carries the slots
            else:
                yield tok
        elif frame.kind == "verb" and tok.pos_ in ("NOUN", "PROPN", "X") and _participle_before_par(tok, frame):
            yield tok  # "le film, produit par X": a participle the tagger took for a noun
        elif frame.kind == "verb" and tok.pos_ == "NOUN" and tok.is_sent_start and tok.dep_ == "advcl" \
                and any(_match_lemma(tok, lemma) for lemma in frame.lemmas if " " not in lemma):
            yield tok  # "Disponible sur Netflix, la série…": a fronted adjective the tagger took for a noun


def _in_fronted_chain(trig: Token, lex: Lexicon) -> bool:
    """Whether ``trig``, a participle the tagger took for a noun, sits in a chain of participial
    phrases fronted before the main clause's subject ("Coécrit par A, B et C, produit par X, Y et
    Z, le drame a reçu…"): the parser then hangs it on a name of the list before it, which it does
    not describe; the chain describes the subject after it (:func:`fronted_relations`)."""
    sent = trig.sent
    first = sent[0]
    if not (first.lower_ in frame_participles(lex) or "Part" in first.morph.get("VerbForm")) or first.i == trig.i:
        return False
    return main_subject_after(trig) is not None


def _participle_before_par(tok: Token, frame: Frame) -> bool:
    doc = tok.doc
    if doc.lang_ != "fr" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "par":
        return False
    return any(tok.lower_ in past_participles(lemma.split()[0]) for lemma in frame.lemmas if " " not in lemma)


def _noun_slot(noun: Token, name: str, frame: Frame, completion: frozenset[str] = frozenset(),
               intensive: frozenset[str] = frozenset(),
               partitive: frozenset[str] = frozenset()) -> tuple[list[Token], Token | None]:
    """Slots of a noun trigger; also returns the support verb (for hedging).

    A completion noun between the verb and the trigger ("a confirmé la finalisation du
    rachat de X") carries the support verb; any verb then asserts the completed fact. So does a
    quantifier the noun is counted out of (``partitive``: "a décroché l'un des rôles principaux
    de W", "landed one of the lead roles in W"; :func:`partitive_host`).
    """
    support_verbs = frame.support_verbs
    carrier = partitive_host(noun, partitive) or noun
    if noun.dep_ in ("nmod", "pobj") and noun.head.lemma_.lower() in completion and noun.head.i < noun.i:
        carrier, support_verbs = noun.head, ()
    verb = carrier.head if carrier.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass", "obl", "obl:arg", "obl:mod") else None
    if carrier.dep_ == "pobj" and carrier.head.dep_ == "prep" and carrier.head.head.pos_ in ("VERB", "AUX"):
        verb = carrier.head.head  # English "came under the control of Y": the preposition's verb
    if name == "support":
        if verb is None and (held := copula_subjects(noun)):
            # "X et Y sont à l'affiche de…", "It is a co-production between X and Y": the copula's
            # subject holds the noun
            return held, noun.head if noun.dep_ == "attr" else noun
        if verb is None or (support_verbs and verb.lemma_.lower() not in support_verbs):
            pronoun = _intensive_before(noun, intensive)
            if pronoun is not None:  # "Y, lui-même dans le giron de Z": no verb, the pronoun holds it
                return [pronoun], None
            agents = [n for p, n in obliques(noun) if p in ("par", "by")]
            agents += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
            return agents, verb
        if carrier.dep_ in ("nsubj:pass", "nsubjpass"):
            # "the acquisition was completed by Y", or "le rachat de X par Y a été finalisé" (on the noun)
            return [n for p, n in obliques(verb) if p in ("par", "by")] \
                or [n for p, n in obliques(noun) if p in ("par", "by")], verb
        if is_passive(verb):
            # "X a été nommée à la présidence de Y": the one appointed holds the office; a fronted
            # participle ("Nommée à la tête de Y en 2024, X pilote…") describes the next subject
            held = [c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubjpass")]
            if not held and verb.dep_ in ("acl", "amod") and verb.head.i < verb.i:
                held = [verb.head]  # "X, passée dans le giron de Y en 2021, …": the participle describes X
            if not held and verb.i == verb.sent.start:
                k = next((t.i for t in verb.doc[verb.i:verb.sent.end] if t.text == ","), None)
                if k is not None and k + 1 < verb.sent.end and verb.doc[k + 1].dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                    held = [verb.doc[k + 1]]
            return held, verb
        return subject_of(verb), verb
    if name.startswith("obl:"):
        preps = set(name[4:].split("|"))
        found = [n for p, n in obliques(noun) if p in preps]
        for lemma in frame.lemmas if found else ():
            last = _lemma_end(noun, lemma) if " " in lemma and lemma.split()[0] == noun.lemma_.lower() else None
            if last is not None:
                # "la tête d'affiche de W": past the lemma's own words, the complement of its last word
                found = [n for n in found if n.i > last] + [n for p, n in obliques(noun.doc[last]) if p in preps and n.i > last]
                break
        if "poss" in preps:  # "the film's release", "its distribution"
            found += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss") and c.i < noun.i]
        if not found:
            # "her role as X in Y", "son rôle de X dans Y": the complement hangs on the part's name
            found = [n for p, c in obliques(noun) if p in ("as", "comme", "de") and c.i > noun.i
                     for q, n in obliques(c) if q in preps and n.i > c.i]
        if not found and verb is not None and carrier is noun and carrier.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg"):
            # "a eu recours à l'IA": the complement often hangs on the support verb
            found = [n for p, n in obliques(verb) if p in preps and n.i > noun.i]
        if not found and verb is not None and carrier is noun and name == "obl:à" \
                and carrier.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") and verb.lemma_.lower() in support_verbs:
            # "offre à X le rôle de…", "le rôle a été confié à X": the recipient of the support verb
            found = [n for p, n in obliques(verb) if p == "à" and n.pos_ in ("PROPN", "PRON")]  # (not "aux côtés de")
        return found, verb
    return [], verb


def _intensive_before(noun: Token, intensive: frozenset[str]) -> Token | None:
    """The intensive pronoun right before the phrase ``noun`` heads ("lui-même dans le giron
    de Z"): only determiners and prepositions in between."""
    i = noun.i - 1
    while i >= 0 and noun.i - i <= 3 and noun.doc[i].pos_ in ("DET", "ADP"):
        i -= 1
    return noun.doc[i] if i >= 0 and i < noun.i - 1 and noun.doc[i].lower_ in intensive else None


def frame_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """Relations from the lexicon's verb and noun frames."""
    index = _word_index(doc, ctx)
    pronominal_only = ctx.lex.words("pronominal_only_verbs")
    frames = _frames_first_words(ctx.lex, doc.lang_)
    # the doc's words that may start each frame; a frame none may start is not tried
    present: dict[int, set[str]] = {}
    by_word = _frames_by_word(ctx.lex, doc.lang_)
    for word in index:
        for k in by_word.get(word, ()):
            present.setdefault(k, set()).add(word)
    for k in sorted(present):
        frame = frames[k][0]
        for trig in _triggers(doc, frame, index, present[k]):
            if frame.kind == "verb" and trig.pos_ in ("NOUN", "PROPN", "X") and _in_fronted_chain(trig, ctx.lex):
                continue  # "Coécrit par A et B, produit par X, le drame…": fronted_relations reads the chain
            if frame.kind == "noun":
                completion = ctx.lex.words("completion_nouns")
                partitive = ctx.lex.words("partitive_words")
                subj_toks, verb = _noun_slot(trig, frame.subject, frame, completion,
                                             ctx.lex.words("intensive_pronouns"), partitive)
                obj_toks, _ = _noun_slot(trig, frame.object, frame, completion, partitive=partitive)
                if frame.subject != "support" and frame.support_verbs and frame.object != "support" \
                        and (verb is None or verb.lemma_.lower() not in frame.support_verbs):
                    continue  # "le rôle de W a été confié à X" needs its verb ("reprend le rôle d'Obélix, aux côtés de X")
                hedge_tok = verb if verb is not None else trig
                if verb is None and trig.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and trig.head.i != trig.i \
                        and (ctx.hedged(trig.head) or any(
                            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ctx.lex.words("hedge", "cancels")
                            for c in trig.head.children)):
                    continue  # "L'acquisition de X par Y reste suspendue à…"
            else:
                subj_toks, obj_toks = ctx.slot(trig, frame.subject), ctx.slot(trig, frame.object)
                hedge_tok = trig
            if doc.lang_ == "fr" and frame.object.startswith("obl:") and frame.object_types == ("CreativeWork",):
                # "X et Y y incarnent…", "A et B y partagent l'affiche", "On y voit X, dans un second
                # rôle": the clitic "y" stands for the work named before, when the slot names none
                host = verb if frame.kind == "noun" and verb is not None else trig
                clitic = [c for c in host.children if c.lower_ == "y" and c.i < host.i]
                if clitic and (not obj_toks or not _resolve_all(ctx, obj_toks, frame.object_types)):
                    work = ctx.prominent(clitic[0], ("CreativeWork",)) or ctx.antecedent(clitic[0].idx, ("CreativeWork",))
                    span = char_span(doc, work.start, work.end) if work is not None else None
                    # not an untyped name complementing a common noun ("une série sur les derniers mois de
                    # la Grande Guerre. X y tient le rôle principal": a name merely mentioned)
                    named = span is not None and (ctx.at(span[0]) is None or ctx.at(span[0]).type != "Misc"
                                                  or not _complements_a_noun(span, ctx.lex))
                    obj_toks = [span[0]] if named and work.start >= clitic[0].sent.start_char - 400 else obj_toks
            if not obj_toks and frame.kind == "verb" and frame.predicate == "actsIn" and frame.object.startswith("obl:") \
                    and (any(c.dep_ in ("obj", "dobj") and c.i > trig.i and (_a_part(c, trig, ctx) or _in_a_named_work(c, frame, ctx))
                             for c in trig.children)
                         or _part_played_by(trig, ctx)):
                # "Omar Sy, qui incarne Assane Diop, …", "Cillian Murphy plays the physicist": a part
                # played, with no work named in the clause, is a part in the work the passage is about
                preps = set(frame.object[4:].split("|"))
                clause = {t.i for t in trig.subtree}  # "dans un second rôle" of another clause is not this one's
                after = [t for t in doc[trig.i + 1:trig.sent.end] if t.lower_ in preps and t.i + 1 < len(doc)
                         and t.i in clause]
                # "incarne l'héroïne de La Grande Maison", "plays the hero of X": the part's own complement
                parts = [c for c in trig.children if c.dep_ in ("obj", "dobj") and c.i > trig.i
                         and c.lemma_.lower() in ctx.lex.words("part_nouns")]
                after += [g for p in parts for n in p.children if n.dep_ in ("nmod", "prep")
                          for g in ([n] if n.dep_ == "prep" else n.children)
                          if g.dep_ in ("case", "prep") and g.lower_ in OF_FORMS and g.i not in {a.i for a in after}]
                after.sort(key=lambda t: t.i)
                surface = [w for t in after if (w := _work_after_prep(t, ctx)) is not None]
                # "plays a key role in the campaign": a part in something named that is no work
                work = surface[0] if surface else (
                    None if after else focus_work(ctx, trig.idx, set(), trig.sent))
                if work is not None and work.start >= ctx.window_start(trig.idx) \
                        and not fitted(work):  # a typed work, not an untyped name
                    span = char_span(doc, work.start, work.end)
                    obj_toks = [span[0]] if span is not None else []
            if subj_toks and not obj_toks and frame.predicate in load_schema().symmetric \
                    and not ctx.unasserted(hedge_tok, frame.predicate):
                # "X et Y ont conclu un accord": a symmetric relation between coordinated subjects
                partners = _resolve_all(ctx, subj_toks, frame.subject_types)
                for i, s in enumerate(partners):
                    for o in partners[i + 1:]:
                        if (s.start, s.end) != (o.start, o.end):
                            yield Relation(s, frame.predicate, o, trig.sent.text, trig.sent.start_char,
                                           f"{frame.id}.coordinated", frame.confidence)
                continue
            if not subj_toks or not obj_toks or ctx.unasserted(hedge_tok, frame.predicate):
                continue
            if frame.predicate == "leads" and frame.kind == "verb" and _in_a_work(trig, ctx):
                continue  # "elle l'a dirigée dans deux épisodes de la série": directing actors, not a company
            if frame.predicate == "setIn" and frame.kind != "noun" and trig.lemma_.lower() in pronominal_only \
                    and not any(c.lower_ in ("se", "s'", "s’") for c in trig.children):
                continue  # "l'action se passe à X", not "elle a passé deux ans à X"
            subject_types = frame.subject_types
            if frame.predicate == "wonAward":
                if any(t.lemma_.lower() in ctx.lex.words("nominee_words") or t.lower_ in ctx.lex.words("nominee_words")
                       for t in obj_toks):
                    continue  # "earned an Oscar nomination", "a reçu trois nominations aux César": not won
                subject_types = _award_holder_types(ctx, obj_toks, subject_types)
            subjects = _resolve_all(ctx, subj_toks, subject_types)
            if not subjects and frame.predicate == "subsidiaryOf":
                subjects = _majority_stake(ctx, subj_toks)  # "Vivendi détient 70 % de Lagardère"
            if not subjects and frame.subject_types == ("Organization",):
                # "le patron de Canal+ a confirmé le rachat…": a leader acts for the company
                subjects = [o for t in subj_toks for o in _leader_org(t, ctx) if o not in subjects]
            objects = _resolve_all(ctx, obj_toks, frame.object_types)
            if not objects and frame.predicate == "setIn":
                # "se passe dans une colonie de vacances du Vercors": the place named in the complement
                objects = [m for t in obj_toks for c in t.children if c.dep_ in ("nmod", "prep")
                           for g in [c, *c.children] if (m := ctx.at(g)) is not None and m.type == "Place"
                           and m not in objects][:1]
            if not objects and frame.predicate == "acquires":
                objects = _majority_stake(ctx, obj_toks)
            if frame.retype_work:
                subjects = subjects or name_read_as_work(ctx, subj_toks, frame.subject_types)
                objects = objects or name_read_as_work(ctx, obj_toks, frame.object_types)
            if frame.retype_org:
                subjects = subjects or _org_read_as_other(ctx, subj_toks, frame.subject_types)
                objects = objects or _org_read_as_other(ctx, obj_toks, frame.object_types)
            subjects = subjects or untagged_name_read_as(ctx, subj_toks, frame.subject_types)
            objects = objects or untagged_name_read_as(ctx, obj_toks, frame.object_types)
            if frame.predicate == "actsIn" and frame.subject_types == ("Person",):
                # "stars Jack Lowden as … and Anne-Marie Duff as …": only a person acts; a name the
                # statistical NER read as a company or a place there is a person's
                subjects += [m for m in _ner_name_read_as(ctx, subj_toks, ("Organization", "Place"), "Person", words=2)
                             if m not in subjects]
            if frame.predicate in _BETWEEN_COMPANIES:
                # "Blumhouse has joined forces with Meta": the statistical NER often reads an
                # unknown company as a place; these verbs only take companies
                if frame.subject_types == _ORG:
                    subjects = subjects or _ner_name_read_as(ctx, subj_toks, ("Place",), "Organization")
                if frame.object_types == _ORG:
                    objects = objects or _ner_name_read_as(ctx, obj_toks, ("Place",), "Organization")
            if frame.predicate == "wonAward" and "CreativeWork" in subject_types:
                # "Silent Harbor won best limited series": a place wins no prize; the NER read a title as one
                subjects = subjects or _ner_name_read_as(ctx, subj_toks, ("Place",), "CreativeWork")
            if frame.predicate == "wonAward" and frame.object == "patient" and frame.kind == "verb" \
                    and trig.lemma_.lower() in ctx.lex.words("prize_verbs"):
                # "won the Rose d'Or", "won a Tony": what a prize verb's object names is a prize, however
                # the NER typed it (never a gazetteer name: "won Netflix's backing")
                objects = objects or _ner_name_read_as(ctx, obj_toks, ("Organization", "Person", "CreativeWork"), "Award")
            if frame.predicate == "distributes" and frame.subject.startswith("obl:") and frame.subject_types == _ORG:
                # "Silent Harbor is available on Stan": the NER reads a service's name as a person or a place
                subjects = subjects or _ner_name_read_as(ctx, subj_toks, ("Place", "Person"), "Organization")
            if frame.kind == "verb" and trig.dep_ in ("acl", "amod") and trig.head.i < trig.i and trig.tag_ != "VBG" \
                    and "Pres" not in trig.morph.get("Tense"):  # (not "Frankenstein, starring A and B")
                # "Lupin, produit par Gaumont, et Balle perdue, produit par Netflix": a participle after a
                # name describes the names before it, not the conjuncts after it
                if frame.subject == "patient":
                    subjects = [m for m in subjects if m.start < trig.idx]
                if frame.object == "patient":
                    objects = [m for m in objects if m.start < trig.idx]
            if not objects and frame.kind == "noun":
                # "la sortie de l'outil Sora 2": the parser often hangs the name on the trigger
                after = [c for c in trig.children if c.dep_ in ("nmod", "appos") and c.i > obj_toks[0].i]
                objects = [m for c in after if ctx.at(c) is not None for m in ctx.resolve(c, frame.object_types)]
            for s in subjects:
                for o in objects:
                    if s.start == o.start and s.end == o.end:
                        continue
                    yield Relation(s, frame.predicate, o, trig.sent.text, trig.sent.start_char, frame.id,
                                   frame.confidence)


def _in_a_named_work(obj: Token, frame: Frame, ctx: Context) -> bool:
    """Whether the object of an acting verb has a complement of the frame's preposition that
    introduces a work (:func:`_work_after_prep`): "plays a lawyer in the film Silent Harbor"
    (the parser hangs the work on the part, not on the verb)."""
    preps = set(frame.object[4:].split("|"))
    return any(c.lower_ in preps and _work_after_prep(c, ctx) is not None
               for c in [*obj.children, *(g for c in obj.children if c.dep_ == "nmod" for g in c.children)])


def _work_after_prep(prep: Token, ctx: Context) -> Mention | None:
    """The work a preposition introduces: named right after it ("dans Lupin", or a name NER left
    untyped: "campe une juge dans La Grande Maison"), or after a work noun ("in the thriller
    Silent Harbor", :meth:`Context.title_after`)."""
    m = ctx.at(ctx.doc[prep.i + 1])
    if m is None and ctx.doc[prep.i + 1].pos_ == "DET" and prep.i + 2 < len(ctx.doc):
        m = ctx.at(ctx.doc[prep.i + 2])  # (an article the title does not hold)
        m = m if m is not None and m.start == ctx.doc[prep.i + 2].idx and m.type == "Misc" else None
    if m is not None:
        return m if m.type in ("CreativeWork", "Misc") else None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) or (prep.head if prep.dep_ == "case" else None)
    if noun is not None and noun.i > prep.i and noun.pos_ == "NOUN" and noun.lemma_.lower() in ctx.lex.words("work_nouns"):
        return ctx.title_after(noun)
    return None


def _in_a_work(trig: Token, ctx: Context) -> bool:
    """Whether ``trig`` has a "dans"/"in" complement naming a work or a part of one ("dans deux
    épisodes de la série", "in Lowtide")."""
    nouns = _work_or_part_nouns(ctx.lex)
    for prep, noun in obliques(trig):
        if prep in IN_PREPS:
            m = ctx.at(noun)
            if m is not None and m.type == "CreativeWork" or noun.pos_ == "NOUN" and noun.lemma_.lower() in nouns:
                return True
    return False


def _work_or_part_nouns(lex: Lexicon) -> frozenset[str]:
    """Work nouns and work-part nouns together ("série", "épisode"), computed once per lexicon."""
    return lex.derived("work_or_part_nouns", lambda lx: lx.words("work_nouns") | lx.words("work_part_nouns"))


def _complements_a_noun(span: Span, lex: Lexicon) -> bool:
    """Whether the name ``span`` complements a common noun that names no work ("les derniers mois
    de la Grande Guerre"), not "la série X" nor "la saison 2 de X"."""
    root = span.root
    head = root.head
    nouns = _work_or_part_nouns(lex)
    return root.dep_ in ("nmod", "pobj") and head.i != root.i and (
        head.pos_ == "NOUN" and head.lemma_.lower() not in nouns
        or head.pos_ == "ADP" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() not in nouns)


def _part_played_by(trig: Token, ctx: Context) -> bool:
    """"son mari, joué par Mathieu Demy", "the detective, played by X": a passive acting
    participle on the part it describes."""
    part = trig.head
    works = ctx.lex.union("work_nouns", "product_nouns")
    lemma = trig.lemma_.lower()  # a verb of playing a part, not "vu par" (a spectator)
    return (lemma in ctx.lex.words("part_verbs") or lemma in ctx.lex.words("character_apposition_verbs")) \
        and is_passive(trig) and trig.dep_ in ("acl", "amod") and part.i < trig.i \
        and (part.pos_ == "PROPN" or part.pos_ == "NOUN" and part.lemma_.lower() not in works) \
        and (ctx.at(part) is None or ctx.at(part).type in ("Person", "Misc"))


def _a_part(obj: Token, trig: Token, ctx: Context) -> bool:
    """Whether the object of an acting verb is a part played (a character or a role): always after
    a verb of the lexicon's ``part_verbs`` ("incarne Obélix"); after "jouer"/"play" only when it is
    named or a ``part_nouns`` noun ("joue Assane Diop", "plays the title role", not "plays football")."""
    m = ctx.at(obj)
    if m is not None and m.type == "CreativeWork":
        return False
    if trig.lemma_.lower() in ctx.lex.words("part_verbs"):
        return True
    return obj.pos_ == "PROPN" or obj.lemma_.lower() in ctx.lex.words("part_nouns")


def _majority_stake(ctx: Context, tokens: list[Token]) -> list[Mention]:
    """"a racheté 70 % du capital de Studiocanal", "bought a 51% stake in X": a majority stake
    is an acquisition (conventions), and holding one is owning ("détient 70 % de X"); a
    minority one gives nothing."""
    out: list[Mention] = []
    for tok in tokens:
        words = list(tok.subtree)
        found = stake_share(words)
        if found is None or found[0] <= 50:
            continue
        for t in words[found[1]:]:
            m = ctx.at(t)
            if m is not None and m.type == "Organization" and m.start == t.idx:
                out.append(m)
                break
    return out


def _award_holder_types(ctx: Context, obj_toks: list[Token], types: tuple[str, ...]) -> tuple[str, ...]:
    """Who can win an award, from its category (lexicon ``award_categories``): "best picture"
    goes to a work, "best actress" to a person; a company wins neither."""
    cats = {t: ctx.lex.words("award_categories", t) for t in types}
    if not any(cats.values()):
        return types
    for tok in obj_toks:
        m = ctx.at(tok)
        if m is None:
            continue
        words = m.text.lower().replace("-", " ").split()
        hits = [t for t, ws in cats.items() if any(w in words for w in ws)]
        if len(hits) == 1 and ("for" in words or "pour" in words):
            return (hits[0],)
    return types


_LEADER_ROLES = ("ceoOf", "leads", "founderOf")


def _leader_org(tok: Token, ctx: Context) -> list[Mention]:
    """The organisation a leader acts for: "le patron de X", "Y, directeur général de X"."""
    from kg.extract.roles import organisations_of_role, role_key  # avoid an import cycle

    roles = [tok] if ctx.at(tok) is None else [c for c in tok.children if c.dep_ in ("appos", "conj") and c.i > tok.i]
    if ctx.at(tok) is not None and ctx.at(tok).type != "Person":
        return []
    out: list[Mention] = []
    for r in roles:
        found = role_key(r, ctx.lex.role_nouns)
        if found is not None and found[1] in _LEADER_ROLES:
            out.extend(o for o in organisations_of_role(r, ctx, found[2]) if o not in out)
    return out


#: Relations that hold between companies only (a place in their slots is a mistyped company).
_ORG = ("Organization",)
_BETWEEN_COMPANIES = frozenset(("acquires", "partnersWith", "subsidiaryOf"))


def _ner_name_read_as(ctx: Context, tokens: list[Token], kinds: tuple[str, ...], typ: str,
                      *, words: int = 1) -> list[Mention]:
    """Names in a slot only ``typ`` fills that the statistical NER typed as one of ``kinds``
    (never a gazetteer name; at least ``words`` words), read as ``typ``: "Blumhouse has joined
    forces with Meta" (a place read as a company), "stars … Anne-Marie Duff as …" (a company read
    as a person)."""
    out: list[Mention] = []
    for t in with_conjuncts(tokens):
        m = ctx.at(t)
        if m is not None and m.type in kinds and m.source.startswith("ner:") and len(m.text.split()) >= words:
            out.append(Mention(m.text, m.start, m.end, typ, m.source + ">" + typ))
    return out


def _org_read_as_other(ctx: Context, tokens: list[Token], types: tuple[str, ...]) -> list[Mention]:
    """In a slot only a company fills (a frame's ``retype_org``), the one-word names the
    statistical NER typed as a person, read as companies ("Fondée en 1992 par
    Jean-Yves Robin, Calt…": Calt read as a person)."""
    if types != _ORG:
        return []
    return [m for m in _ner_name_read_as(ctx, tokens, ("Person",), "Organization")
            if len(m.text.split()) == 1]


def _resolve_all(ctx: Context, tokens: list[Token], types: tuple[str, ...]) -> list[Mention]:
    out: list[Mention] = []
    for tok in tokens:
        found = ctx.resolve(tok, types)
        if not found and "CreativeWork" in types and "Person" not in types:
            # "Valeur sentimentale du Norvégien Joachim Trier, porté par X": the parser hangs the
            # participle on the maker; what it describes is the maker's work
            work = _work_of_maker(ctx, ctx.at(tok))
            found = [work] if work is not None else []
        out.extend(m for m in found if m not in out)
    return out


def _work_of_maker(ctx: Context, person: Mention | None) -> Mention | None:
    """The work named right before ``person`` as its maker's: "W de P", "W, du Norvégien P"
    (lexicon ``demonyms``)."""
    if person is None or person.type != "Person":
        return None
    work = next((m for m in reversed(ctx.mentions) if m.end <= person.start), None)
    if work is None or work.type != "CreativeWork":
        return None
    words = ctx.text[work.end:person.start].replace("’", "'").replace("'", "' ").split()
    if words[:1] == [","]:
        words = words[1:]
    if not words or words[0].lower() not in ("de", "du", "d'"):
        return None
    rest = words[1:]
    if rest[:1] in (["la"], ["l'"]):
        rest = rest[1:]
    if rest and rest[0].lower() in ctx.lex.words("demonyms"):
        rest = rest[1:]
    return work if not rest else None


def seat_venue_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """Locations read from surface patterns the parsers rarely get right:

    * "X, dont le siège est à Paris" -> ``headquarteredIn(X, Paris)`` (``seat_nouns``);
    * "lors du festival Séries Mania, à Lille" -> ``locatedIn(event, Lille)``.
    """
    seats = ctx.lex.words("seat_nouns")
    for tok in (doc[i] for i, low in enumerate(ctx.lower) if low in ("dont", "whose")):
        if tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        window = doc[tok.i + 1:min(tok.i + 4, len(doc))]
        if not any(t.lemma_.lower() in seats or t.lower_ in seats for t in window):
            continue
        place = _place_after(ctx, window[-1].i + 1, 4)
        owners = ctx.resolve(doc[tok.i - 2], ("Organization",), follow_conj=False)
        if place is not None and owners and not ctx.hedged(tok.head):
            yield Relation(owners[0], "headquarteredIn", place, tok.sent.text, tok.sent.start_char,
                           "place.seat", 0.8)
    for m in ctx.mentions:
        if m.type != "Event":
            continue
        span = char_span(doc, m.start, m.end)
        if span is None or span.end + 2 >= len(doc):
            continue
        if doc[span.end].text == "," and doc[span.end + 1].lower_ in ("à", "en", "in", "at"):
            place = _place_after(ctx, span.end + 2, 1)
            if place is not None:
                yield Relation(m, "locatedIn", place, span.sent.text, span.sent.start_char, "place.event_comma", 0.75)


def _place_after(ctx: Context, i: int, window: int) -> Mention | None:
    """The first Place mention starting within ``window`` tokens from token ``i``."""
    doc = ctx.doc
    for tok in doc[i:min(i + window, len(doc))]:
        m = ctx.at(tok)
        if m is not None and m.type in ("Place", "Misc") and m.start == tok.idx:
            return ctx._fit(m, ("Place",))
        if tok.is_punct:
            return None
    return None


# --- French fronted phrases -------------------------------------------------------------
# "Fondée en 2019 par X, la plateforme Y…", "Basée à Lyon, la société X…", "Lauréat de la
# Palme d'or, X…", "À la tête de X depuis 2020, Y…", "Premier long métrage de X, TITRE…":
# a participial, role or descriptive phrase opening the sentence, closed by a comma,
# describes the subject that follows the comma.

_PHRASE_PREPS = {"à": "à", "au": "à", "aux": "à", "en": "en", "dans": "dans", "sur": "sur", "de": "de", "d'": "de",
                 "d’": "de", "du": "de", "des": "de", "par": "par", "avec": "avec", "chez": "chez", "pour": "pour"}
_PHRASE_STOP = ("ADP", "PUNCT", "AUX", "SCONJ", "CCONJ", "PRON")


def _fronted_subject(ctx: Context, i: int, end: int) -> Token | None:
    """The head of the subject right after a fronted phrase's comma: its first name, else
    the noun of a definite description ("la série")."""
    doc = ctx.doc
    noun = None
    if i < end and doc[i].lower_ in ("il", "elle") and doc[i].dep_ in ("nsubj", "nsubj:pass") and doc[i].head.i > i:
        return doc[i]  # "Distribué en France par X, il y a attiré…": the work named before
    for tok in doc[i:min(i + 6, end)]:
        m = ctx.at(tok)
        if m is not None and m.start == tok.idx and m.type not in ("Concept", "Place", "Quote"):
            return tok
        if tok.pos_ in _PHRASE_STOP or (tok.text[:1].isupper() and tok.i > i):
            break
        if tok.pos_ == "NOUN" and noun is None:
            noun = tok
    return noun if noun is not None and doc[i].pos_ == "DET" else None


def _phrase_args(ctx: Context, phrase: Span, preps: set[str]) -> list[Token]:
    """Heads of the names introduced by one of ``preps`` inside a fronted phrase, with
    their coordinated names ("par Pedro Pascal et Bella Ramsey")."""
    doc = ctx.doc
    out: list[Token] = []
    described_until = -1  # "du jeu vidéo de Naughty Dog": a name after a description is its maker, no argument
    for tok in phrase:
        if _PHRASE_PREPS.get(tok.lower_) not in preps:
            continue
        if 0 <= described_until and tok.i <= described_until + 2 and _PHRASE_PREPS.get(tok.lower_) == "de" \
                and all(t.pos_ in ("NOUN", "ADJ") for t in doc[described_until + 1:tok.i]):
            continue  # the complement of the argument just taken ("du roman de X": X wrote the novel)
        j, skipped = tok.i + 1, 0
        while j < phrase.end:
            t = doc[j]
            m = ctx.at(t)
            if m is not None and m.start == t.idx:
                out.append(t)
                span = char_span(doc, m.start, m.end)
                j = span.end if span is not None else j + 1
                described_until = j - 1
                if j + 1 < phrase.end and doc[j].lower_ in ("et", ",") and ctx.at(doc[j + 1]) is not None:
                    j += 1
                    continue
                if j + 2 < phrase.end and doc[j].lower_ == "et" and doc[j + 1].lower_ in ("de", "d'", "d’") \
                        and ctx.at(doc[j + 2]) is not None:
                    j += 2
                    continue
                break
            if t.pos_ in ("DET",) or (t.pos_ in ("ADJ", "NOUN") or t.is_lower and t.pos_ == "PROPN") and skipped < 3:
                skipped += t.pos_ != "DET"
                if t.pos_ == "NOUN" and j + 1 < phrase.end and _PHRASE_PREPS.get(doc[j + 1].lower_) is not None:
                    out.append(t)  # "par la société": a description, resolved later
                    described_until = t.i
                    break
                j += 1
                continue
            break
    return out


def _phrase_slot(ctx: Context, phrase: Span, name: str, subj: Token) -> list[Token]:
    if name == "patient":
        return [subj]
    if name == "agent":
        return _phrase_args(ctx, phrase, {"par"})
    if name.startswith("obl:"):
        return _phrase_args(ctx, phrase, {_PHRASE_PREPS.get(p, p) for p in name[4:].split("|")})
    return []


def fronted_rule(frame: Frame) -> str:
    """The rule name of a fronted participle read with a verb frame: its id, ``frame.verb.``
    replaced by ``fronted.``.

    Example:
        >>> from kg.lexicon import load_lexicon
        >>> fronted_rule(next(f for f in load_lexicon("fr").frames if f.id == "frame.verb.author.écrire"))
        'fronted.author.écrire'
    """
    return "fronted." + frame.id.removeprefix("frame.").removeprefix("verb.")


def _participle_phrases(phrase: Span, first: Token, lex) -> list[Span]:
    """A fronted phrase cut before each coordinated past participle followed by "par":
    "Distribué par X et produit par Y" -> "Distribué par X", "produit par Y"."""
    doc = phrase.doc
    cuts = [first.i]
    for t in phrase:
        if t.i > first.i + 1 and doc[t.i - 1].lower_ in ("et", ",") and t.i + 1 < phrase.end \
                and doc[t.i + 1].lower_ == "par" and t.text[:1].islower():
            cuts.append(t.i)
    bounds = cuts + [phrase.end]
    return [doc[a:b - 1] if b < phrase.end and doc[b - 1].lower_ in ("et", ",") else doc[a:b]
            for a, b in zip(bounds, bounds[1:])]


def _multiword_participle(part: Span, lemma: str) -> bool:
    """Whether ``part`` opens with the participle of a multi-word lemma ("Mise en ligne ce
    vendredi sur X" for "mettre en ligne")."""
    words = lemma.split()
    if len(words) < 2 or len(part) < len(words):
        return False
    return part[0].lower_ in past_participles(words[0]) and [t.lower_ for t in part[1:len(words)]] == words[1:]


def _fronted_comma(sent: Span) -> Token | None:
    """The comma that closes a fronted phrase: the one right before the subject of the
    sentence's main verb ("Cofondé par A, le créateur de B, et C, Molotov compte…": not the
    commas inside the list of agents), else the first comma of the sentence's 24 first words."""
    doc = sent.doc
    root = sent.root
    if root.i == sent.start and "Part" in root.morph.get("VerbForm"):
        # the parser took the participle for the main verb ("Fondée par A, B et C, la start-up
        # développe…" read with "développe" hanging on the list): the phrase ends at the last
        # comma before the first finite verb
        finite = next((t for t in sent if t.i > root.i and t.pos_ in ("VERB", "AUX")
                       and "Fin" in t.morph.get("VerbForm")), None)
        comma = next((t for t in reversed(doc[sent.start:finite.i]) if t.text == ","), None) \
            if finite is not None else None
        if comma is not None and comma.i - sent.start <= 40:
            return comma
    # the last subject when the parser gave the verb two ("par A, B et C, la société développe…")
    subj = next((c for c in reversed(list(root.children)) if c.dep_ in ("nsubj", "nsubj:pass") and c.i > sent.start), None)
    if subj is not None:
        i = subj.left_edge.i - 1
        if sent.start < i and doc[i].text == "," and i - sent.start <= 40:
            return doc[i]
    return next((t for t in sent if t.text == "," and t.i - sent.start <= 24), None)


def fronted_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """Relations between a fronted French phrase and the subject after its comma."""
    if doc.lang_ != "fr":
        return
    from kg.extract.roles import organisations_of_role, role_key  # avoid an import cycle

    lex = ctx.lex
    negations = lex.words("hedge", "negations")
    participles = frame_participles(lex)
    for sent in doc.sents:
        comma = _fronted_comma(sent)
        if comma is None or comma.i - sent.start < 2:
            continue
        phrase = doc[sent.start:comma.i]
        if any(t.lower_ in negations or t.text in ("«", "“", '"', "(") for t in phrase):
            continue
        subj = _fronted_subject(ctx, comma.i + 1, sent.end)
        if subj is None:
            continue
        described: list[Mention] = []
        if ctx.at(subj) is None:
            # "Produite par HBO, la série…": a description stands for a work named before;
            # "Cofondée en 2002 par X, la société…": a company description stands for the company
            # the article is about (the latest subject is as often a buyer: measured on heldout3)
            fit = ctx.resolve(subj, ("CreativeWork",), follow_conj=False)
            if not fit and subj.lemma_.lower() in lex.words("anaphors", "Organization"):
                topic = ctx.document_topic(subj, ("Organization",))
                described = [topic] if topic is not None and topic.start < subj.idx else []
                fit = described
            if not fit:
                continue
        # an adverb opening the phrase is skipped ("Longtemps dirigée par X"), unless it is a
        # participle the tagger read as one ("Cofondée en 2002 par X", capitalised)
        first = phrase[0] if phrase[0].pos_ != "ADV" or len(phrase) < 3 or phrase[0].lower_ in participles else phrase[1]
        found: list[tuple[list[Mention], str, list[Mention], str]] = []
        low = first.lower_
        # 1. past participles: the lexicon's verb frames, their patient being the subject;
        # "Distribué par X et produit par Y, le film": each participle has its own agents
        for part in _participle_phrases(phrase, first, lex):
            plow, plemma, ppos = part[0].lower_, part[0].lemma_.lower(), part[0].pos_
            for frame in lex.frames:
                if frame.kind != "verb" or "patient" not in (frame.subject, frame.object):
                    continue
                if not any(_multiword_participle(part, lemma) if " " in lemma else plow in past_participles(lemma) or (
                        plemma == lemma and ppos in ("VERB", "ADJ", "NOUN") and plow.endswith(
                            ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "t", "te", "ts", "tes")))
                           for lemma in frame.lemmas):
                    continue
                s_toks = _phrase_slot(ctx, part, frame.subject, subj)
                o_toks = _phrase_slot(ctx, part, frame.object, subj)
                subjects = _resolve_all(ctx, s_toks, frame.subject_types)
                objects = _resolve_all(ctx, o_toks, frame.object_types)
                if frame.retype_org:
                    subjects = subjects or _org_read_as_other(ctx, s_toks, frame.subject_types)
                    objects = objects or _org_read_as_other(ctx, o_toks, frame.object_types)
                if described:  # the subject is a description of the topic company, not the latest one
                    if frame.subject == "patient":
                        subjects = [m for m in described if m.type in frame.subject_types]
                    if frame.object == "patient":
                        objects = [m for m in described if m.type in frame.object_types]
                if subjects and objects:
                    found.append((subjects, frame.predicate, objects, fronted_rule(frame)))
        # 1b. a noun frame's support verb as the participle: "Passée sous le contrôle de Vivendi en
        # 2023, Lagardère…", "Entrée dans le giron de LVMH, la radio…": the subject holds the noun
        if first.pos_ in ("VERB", "ADJ") and "Part" in first.morph.get("VerbForm"):
            for frame in lex.frames:
                if frame.kind != "noun" or frame.subject != "support" or not frame.object.startswith("obl:") \
                        or first.lemma_.lower() not in frame.support_verbs:
                    continue
                if not any(_match_lemma(t, lemma) for t in phrase[1:] if t.pos_ == "NOUN" for lemma in frame.lemmas):
                    continue
                subjects = described or _resolve_all(ctx, [subj], frame.subject_types)
                objects = _resolve_all(ctx, _phrase_args(ctx, phrase, {_PHRASE_PREPS.get(p, p) for p in frame.object[4:].split("|")}),
                                       frame.object_types)
                if subjects and objects:
                    found.append((subjects, frame.predicate, objects, fronted_rule(frame)))
                    break
        # 2. a role: "À la tête de X depuis 2020, Y", "Directrice générale de X, Y"
        heads = lex.words("fronted_leads")
        # "aux commandes d'Universal": the elided "de" reads as "de"
        text = " ".join("de" if PREP_NORM.get(t.lower_) == "de" else t.lower_ for t in phrase[:4])
        person = ctx.resolve(subj, ("Person",), follow_conj=False)
        if person:
            key = role_key(first, lex.role_nouns) if first.lower_ not in lex.words("fronted_past_words") else None
            if key is not None:
                orgs = _resolve_all(ctx, _phrase_args(ctx, phrase, {"de", "chez"}), ("Organization",))
                if not orgs:
                    orgs = organisations_of_role(first, ctx, key[2])
                found.append((person, key[1], orgs, f"fronted.role.{key[1]}"))
            elif any(text.startswith(h) for h in heads):
                orgs = _resolve_all(ctx, _phrase_args(ctx, phrase, {"de"})[:1], ("Organization",))
                found.append((person, "leads", orgs, "fronted.leads"))
        # 2b. a company's status: "Filiale du groupe Canal+, Studiocanal…", "Maison mère de BFMTV, Altice…"
        company = [] if person or first.lower_ in lex.words("fronted_past_words") else \
            described or ctx.resolve(subj, ("Organization",), follow_conj=False)
        for table, parent in ((lex.org_role_nouns, False), (lex.parent_role_nouns, True)) if company else ():
            key = role_key(first, table)
            if key is not None:
                orgs = _resolve_all(ctx, _phrase_args(ctx, phrase, {"de"}), ("Organization",))
                if parent:  # "Maison mère de Y, X": Y is the subsidiary
                    found.append((orgs, key[1], company, f"fronted.parent_role.{key[1]}"))
                else:
                    found.append((company, key[1], orgs, f"fronted.org_role.{key[1]}"))
                break
        # 3. an award: "Lauréat de la Palme d'or, X"
        if low in lex.words("fronted_award"):
            awards = [a for t in phrase if (m := ctx.at(t)) is not None and m.start == t.idx
                      and (a := ctx._fit(m, ("Award",))) is not None]
            holders = ctx.resolve(subj, ("CreativeWork", "Person", "Organization"), follow_conj=False)
            found.append((holders, "wonAward", awards[:1], "fronted.award"))
        # 4. "Premier long métrage de X, TITRE": the director (the author for a book)
        if first.pos_ in ("ADJ", "NOUN", "NUM") and first.dep_ != "ROOT" or low in lex.words("fronted_work_openers"):
            nouns = [t for t in phrase if t.lemma_.lower() in lex.words("work_nouns") or t.lower_ in ("long", "métrage")]
            if nouns and ctx.at(nouns[0]) is None:
                pred = "author" if nouns[0].lemma_.lower() in lex.words("book_nouns") else "directedBy"
                works = ctx.resolve(subj, ("CreativeWork",), follow_conj=False)
                people = _resolve_all(ctx, _phrase_args(ctx, phrase, {"de"}), ("Person",))
                found.append((works, pred, people[:1], "fronted.work_of"))
        # a pronoun subject ("Créée par X, elle…") stands for one entity, the work it was read as
        # above: each frame resolving it to its own type would make the series' creator a
        # company's founder too
        ref = fit[0] if subj.pos_ == "PRON" and ctx.at(subj) is None and fit else None
        for subjects, pred, objects, source in found:
            for s in subjects:
                for o in objects:
                    if ref is not None and any(m.start < sent.start_char and (m.start, m.end) != (ref.start, ref.end)
                                               for m in (s, o)):
                        continue
                    if (s.start, s.end) != (o.start, o.end):
                        yield Relation(s, pred, o, sent.text, sent.start_char, source, 0.75)
