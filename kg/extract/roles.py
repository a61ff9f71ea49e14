"""Role nouns: "le patron de Netflix, Ted Sarandos", "Ted Sarandos, PDG de Netflix",
"X est le directeur général de Y", "Disney CEO Bob Iger", "Netflix's co-CEO",
and organisation roles ("MultiChoice, filiale de Canal+").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.credits import DEFINITE, TOPIC_CREDIT, focus_work, work_sides
from kg.extract.syntax import (Context, char_span, copula_subjects, name_read_as_work, obliques, prep_of, subject_of,
                               untagged_name_read_as, with_conjuncts)
from kg.lexicon import Lexicon
from kg.records import Mention, Relation

# Lexicon keys: role_not_current (premodifiers of a role only hoped for: "le potentiel
# repreneur", "would-be CEO"; past, interim and decided future roles count, the conventions
# ignore tense), appointing_verbs ("a nommé X directrice", "named X chief executive"),
# naming_verbs (with the appointing verbs, verbs whose subject holds the role they take: "X
# est/devient/a été nommé directeur"), workplace_preps ("head of content at X").


def _naming_verbs(lex: Lexicon) -> frozenset[str]:
    return lex.union("appointing_verbs", "naming_verbs")


#: Prefixes glued to a role noun by the tokenizer ("ex-patron", "ex-PDG").
_ROLE_PREFIXES = ("ex-", "ex‑")


_STARTS: dict[frozenset, frozenset[str]] = {}
_LAST: list = [None, frozenset()]  # the table last asked for, and its starts (callers loop over one table)


def _starts(table: dict[str, str]) -> frozenset[str]:
    """Every prefix of every role noun's first word: a token that is none of them (nor one
    after a glued prefix) starts no role noun, whatever follows it. Computed once per table."""
    if _LAST[0] is table:
        return _LAST[1]
    key = frozenset(table)
    found = _STARTS.get(key)
    if found is None:
        found = _STARTS[key] = frozenset(w.split()[0][:i] for w in table for i in range(1, len(w.split()[0]) + 1))
    _LAST[0], _LAST[1] = table, found
    return found


def _may_start(tok: Token, table: dict[str, str]) -> bool:
    return _may_start_word(tok.lower_, tok.lemma_, _starts(table))


def _may_start_word(low: str, lemma: str, starts: frozenset[str]) -> bool:
    """Whether a token of lower-case form ``low`` and lemma ``lemma`` may start a role noun
    whose first words' prefixes are ``starts`` (:func:`_starts`)."""
    if low in starts or lemma.lower() in starts:
        return True
    return low.startswith(_ROLE_PREFIXES) and any(low.startswith(p) and low[len(p):] in starts for p in _ROLE_PREFIXES)


#: Parts of speech a role noun may start with (a verb only for a multi-word role: "chargé des acquisitions").
_ROLE_POS = frozenset(("NOUN", "PROPN", "ADJ", "X", "VERB"))


def _role_pos_tokens(ctx: Context) -> list[tuple[int, str, str, str]]:
    """The indexes of the tokens whose part of speech may start a role noun, with that part
    of speech, their lower-case form and their lower-case lemma, as ``ctx`` read them."""
    return [(i, pos, low, lemma) for i, (pos, low, lemma) in enumerate(zip(ctx.pos, ctx.lower, ctx.lemma))
            if pos in _ROLE_POS]


def role_key(tok: Token, table: dict[str, str]) -> tuple[str, str, int] | None:
    """``(role, predicate, n_tokens)`` for the longest role noun starting at ``tok``."""
    if not _may_start(tok, table):
        return None
    words = [t.lower_ for t in tok.doc[tok.i:tok.i + 4]]  # the longest role nouns have four words
    first, lemma = words[0], tok.lemma_.lower()
    for n in (4, 3, 2, 1):
        if len(words) < n:
            continue
        phrase = words[:n]
        texts = {" ".join(phrase), "".join(phrase), " ".join([lemma, *phrase[1:]])}
        for prefix in _ROLE_PREFIXES:  # "l'ex-patron de M6": a past role is still a role
            if first.startswith(prefix) and len(first) > len(prefix):
                texts.add(" ".join([first[len(prefix):], *phrase[1:]]))
        for text in texts:
            if text in table:
                return text, table[text], n
    return None


def role_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """Relations signalled by role nouns (persons' jobs and organisations' status)."""
    lex = ctx.lex
    tokens = _role_pos_tokens(ctx)
    for table, holder_types, org_types, reverse in ((lex.role_nouns, ("Person",), ("Organization",), False),
                                                    (lex.org_role_nouns, ("Organization",), ("Organization",), False),
                                                    (lex.parent_role_nouns, ("Organization",), ("Organization",), True),
                                                    (lex.credit_role_nouns, ("Person",), ("CreativeWork",), None)):
        # credit roles ("le réalisateur de W, X"): the work is the subject of directedBy/author
        consumed: set[int] = set()
        starts = _starts(table)
        for i, pos, low, lemma in tokens:
            if not _may_start_word(low, lemma, starts):
                continue  # no role noun of the table starts here (role_key would say None)
            if i in consumed:
                continue
            tok = doc[i]
            if ctx.at(tok) is not None and pos == "PROPN":
                continue
            found = role_key(tok, table)
            if found is None or (tok.pos_ == "VERB" and found[2] < 2):  # "chargé des acquisitions"
                continue
            role, predicate, n = found
            consumed.update(range(tok.i, tok.i + n))
            head = _span_head(doc[tok.i:tok.i + n])
            if _not_current(tok, ctx.lex) or _not_current(head, ctx.lex) or is_hedged_role(head, ctx):
                continue
            holders = _holders(head, ctx, holder_types, topic=reverse is not None)
            if not holders and holder_types == ("Organization",) and reverse is False:
                # "Sentinel TV is a division of X": a company name the NER left untagged holds it
                holders = untagged_name_read_as(ctx, copula_subjects(head), holder_types)
            # a credit role's holder by topic only is marked: who the passage credited so wins (credit_holder_relations)
            by_topic = reverse is None and not holders
            if by_topic:
                holders = _holders(head, ctx, holder_types)
            listed = _listed_holders(tok, head, ctx, holder_types)
            if len(listed) > 1:
                holders = listed  # "A, B et C, les trois cofondateurs de X": each of them
            orgs = _organisations(head, ctx, org_types, tok.i + n - head.i)
            if reverse is None:  # a credit role: only a work named after it, never the focus of the passage
                credit_reverse = work_sides()[predicate] == "subject"
                before = _before_comma(tok, ctx)
                named = ctx.at(before) if before is not None else None
                if named is not None and named.type == "Person" and len(holders) == 1 \
                        and len(ctx.surface_list(holders[0])) > 1:
                    # "Sous la direction de X, le réalisateur de W, A, B et C forment…": the apposition
                    # describes the name before it, not the first of the cast list after
                    holders = [named]
                if not orgs:
                    orgs = name_read_as_work(ctx, [noun for prep, noun in obliques(head) if prep in ("de", "of")],
                                             ("CreativeWork",))
                if not orgs and holders and not by_topic and _predicated(head, ctx.lex) \
                        and not any(m.type == "CreativeWork" and head.sent.start_char <= m.start < head.sent.end_char
                                    for m in ctx.mentions):
                    # "X serves as executive producer", "Y est productrice": a credit predicated of
                    # someone, in a sentence naming no work, is on the passage's work
                    current = focus_work(ctx, head.sent.start_char, set(), head.sent)
                    orgs = [current] if current is not None else []
                orgs = [o for o in orgs if o.type == "CreativeWork"]
                for h in holders:
                    for o in orgs:
                        if h.start != o.start:
                            s_, o_ = (o, h) if credit_reverse else (h, o)
                            yield Relation(s_, predicate, o_, head.sent.text, head.sent.start_char,
                                           f"role.credit.{'topic.' if by_topic else ''}{predicate}", 0.8)
                continue
            if not holders and orgs:
                holders = _surface_holder(tok, ctx, holder_types)
            elif head.dep_ == "appos" and (before := _before_comma(tok, ctx)) is not None and before.pos_ == "PROPN" \
                    and not any(h.start <= before.idx < h.end for h in holders):
                # "Silver Lake bought Endeavor, the parent company of WME" with the apposition hung on
                # the subject: the name right before the comma holds the role, or nobody the parse says
                # (not "Ted Sarandos, 63 ans, patron de Netflix": no name before that comma)
                holders = _surface_holder(tok, ctx, holder_types)
            if holders and not orgs:
                orgs = _workplace(head, tok.i + n, ctx, org_types)
                if orgs and predicate in ("leads", "ceoOf"):
                    predicate = "worksFor"  # "directrice chargée des acquisitions chez Arte": a department head
            appointing = _appointing(head, ctx.lex)
            if holders and not orgs and appointing is not None:
                orgs = _appointer(appointing, ctx, org_types)
            if holders and not orgs:
                orgs = _surface_org(tok.i + n, ctx, org_types)
            if not holders or not orgs:
                # "cofondateur et PDG de X": coordinated roles share holder and organisation
                for p_head, p_n in _coordinated_roles(tok, n, table):
                    holders = holders or _holders(p_head, ctx, holder_types)
                    orgs = orgs or _organisations(p_head, ctx, org_types, p_n)
            # "Disney CEO Bob Iger", "Netflix's co-CEO Ted Sarandos": a title between two names
            # (surface pattern; the parser often mangles these noun phrases)
            before, after = _name_before(tok, ctx, org_types), _name_after(tok.i + n, ctx, holder_types)
            if after is not None and before is not None:
                holders = holders or [after]
                orgs = orgs or [before]
            elif before is not None and not orgs and holders:
                orgs = [before]
            orgs = [o for o in orgs if not _place_modifier(o, ctx)]
            if predicate in ("leads", "ceoOf") and _heads_a_department(tok.i + n, ctx):
                predicate = "worksFor"  # "head of production at X": a department head works for X
            if len(orgs) > 1:  # a list of organisations after the role is never its own holder
                holders = [h for h in holders if all(h.start != o.start for o in orgs)
                           and not any(h in ctx.surface_list(o) for o in orgs)]
            for h in holders:
                for o in orgs:
                    if h.start == o.start:
                        continue
                    if reverse:  # "X, la maison mère de Y": Y is the subsidiary
                        yield Relation(o, predicate, h, head.sent.text, head.sent.start_char,
                                       f"role.parent.{predicate}", 0.8)
                    else:
                        yield Relation(h, predicate, o, head.sent.text, head.sent.start_char,
                                       f"role.{predicate}", 0.85)


def credit_holder_relations(doc: Doc, ctx: Context, found: list[Relation]) -> Iterator[Relation]:
    """A definite credit role with a work and no name of its own is held by the person the
    passage already credited so: "L'Attachement de Carine Tardieu sort mercredi. … La
    réalisatrice d'Ôtez-moi d'un doute, qui signe…", "… du réalisateur de Hope et de Camille".
    The holder is the person ``found`` gives that credit for the passage's current work, else
    the latest person given it before the role; it replaces role_relations' reading of the role
    as the sentence before's topic (rule ``role.credit.topic.*``, see :func:`without_replaced_topics`).
    Only credits with one holder a work (directing, writing), never a cast."""
    table = ctx.lex.derived("work_subject_credit_roles", lambda lx: {
        k: v for k, v in lx.credit_role_nouns.items() if work_sides().get(v) == "subject"})
    if not table:
        return
    starts = _starts(table)
    credited: dict[str, list[Relation]] = {}
    for r in found:
        if r.predicate in table.values() and r.subject.type == "CreativeWork" and r.object.type == "Person":
            credited.setdefault(r.predicate, []).append(r)
    done = {(r.subject.start, r.predicate) for r in found if not r.rule.startswith(TOPIC_CREDIT)}
    for i, _pos, low, lemma in _role_pos_tokens(ctx):
        if not _may_start_word(low, lemma, starts):
            continue
        tok = doc[i]
        found_role = role_key(tok, table)
        if found_role is None or ctx.at(tok) is not None:
            continue
        _role, predicate, n = found_role
        head = _span_head(doc[tok.i:tok.i + n])
        det = doc[tok.i - 1] if tok.i > 0 else None
        if det is None or not (det.lower_ in DEFINITE | {"du", "au"}) or _not_current(head, ctx.lex):
            continue
        if _before_comma(tok, ctx) is not None and ctx.at(_before_comma(tok, ctx)) is not None:
            continue  # "X, le réalisateur de W": the name before holds it (role_relations)
        works = [w for w in name_read_as_work(ctx, [c for prep, c in obliques(head) if prep in ("de", "of")],
                                               ("CreativeWork",))
                 or [ctx.fit(ctx.at(c), ("CreativeWork",)) for prep, c in obliques(head) for c in with_conjuncts([c])
                     if prep in ("de", "d'", "d’", "of", "des", "du") and ctx.at(c) is not None]
                 if w is not None and w.type == "CreativeWork"]
        works = [w for w in works if (w.start, predicate) not in done]
        if not works:
            continue  # (a name apposed to the role got the credit from role_relations: in ``done``)
        earlier = [r for r in credited.get(predicate, []) if r.sent_start < head.sent.start_char]
        if earlier:
            current = focus_work(ctx, head.sent.start_char, set(), head.sent)
            holder = next((r.object for r in reversed(earlier) if current is not None and r.subject.start == current.start),
                          earlier[-1].object)
        else:
            continue  # nobody credited so yet: role_relations' topic reading stands
        for w in works:
            if w.start != holder.start:
                yield Relation(w, predicate, holder, head.sent.text, head.sent.start_char,
                               f"role.credit_holder.{predicate}", 0.7)


def without_replaced_topics(found: list[Relation], holders: list[Relation]) -> list[Relation]:
    """``found`` without the topic readings of credit roles that ``holders`` (from
    :func:`credit_holder_relations`) read as a person the passage credited."""
    replaced = {(r.subject.start, r.predicate) for r in holders}
    return [r for r in found if not (r.rule.startswith(TOPIC_CREDIT) and (r.subject.start, r.predicate) in replaced)]


def handover_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """An office handed over (lexicon ``office_nouns``, ``handover_verbs``): "X cède la direction
    générale de RTL, RTL2 et Fun Radio à Y" -> Y and X ceoOf each; "Z a confié la présidence du
    label Polydor à Y" -> Y leads Polydor (Z did not hold it); "cède son fauteuil de directeur
    général à Y": a role noun after a post noun is the office."""
    lex = ctx.lex
    own, other = lex.words("handover_own_verbs"), lex.words("handover_verbs")
    if not lex.office_nouns or not own | other:
        return  # a lexicon without offices handed over (English)
    offices = {**{noun: "leads" for noun in lex.frame("frame.noun.leads.tête").lemmas}, **lex.office_nouns}
    posts = lex.words("post_nouns")
    verbs = own | other
    for i, (lemma, pos) in enumerate(zip(ctx.lemma, ctx.pos)):
        if pos != "VERB" or lemma not in verbs:
            continue
        verb = doc[i]
        if ctx.hedged(verb):
            continue
        office = next((c for c in verb.children if c.dep_ in ("obj", "dobj")), None)
        if office is None:
            continue
        found = role_key(office, offices)
        if found is None and office.lemma_.lower() in posts:
            # "son fauteuil de directeur général": the role noun complement of the post
            for prep, noun in obliques(office):  # prep_of normalises "d'" and "du" to "de"
                if prep == "de" and (found := role_key(noun, lex.role_nouns)) is not None:
                    office = noun
                    break
        if found is None:
            continue
        _, predicate, n = found
        recipients = [m for prep, noun in obliques(verb) if prep in ("à", "au") for m in ctx.resolve(noun, ("Person",))]
        if not recipients:
            continue
        orgs = _organisations(office, ctx, ("Organization",), n)
        givers = [m for c in subject_of(verb) for m in ctx.resolve(c, ("Person",))] if lemma in own else []
        holders = recipients + givers
        for h in holders:
            for o in orgs:
                yield Relation(h, predicate, o, verb.sent.text, verb.sent.start_char, "role.handover", 0.8)


def helm_relations(doc: Doc, ctx: Context) -> Iterator[Relation]:
    """English "X is at the helm of Y" / "X took the helm of Y" -> ``leads``."""
    if doc.lang_ != "en":
        return
    from kg.extract.syntax import subject_of  # noqa: PLC0415
    for tok in (doc[i] for i, (low, pos) in enumerate(zip(ctx.lower, ctx.pos)) if low == "helm" and pos == "NOUN"):
        if tok.dep_ == "pobj" and tok.head.lower_ == "at":
            verb = tok.head.head
        elif tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in ("take", "assume"):
            verb = tok.head
        else:
            continue
        if verb.pos_ not in ("VERB", "AUX") or ctx.hedged(verb) or _not_current(tok, ctx.lex):
            continue
        orgs = [m for p, n in obliques(tok) if p in ("of", "at") for m in ctx.resolve(n, ("Organization",))]
        orgs = [o for o in orgs if not _place_modifier(o, ctx)]
        holders = [m for s in subject_of(verb) for m in ctx.resolve(s, ("Person",))]
        for h in holders:
            for o in orgs:
                yield Relation(h, "leads", o, tok.sent.text, tok.sent.start_char, "role.helm", 0.8)


def _place_modifier(m: Mention, ctx: Context) -> bool:
    """A name used as a place premodifier ("Bucharest-based X") is not the organisation."""
    after = ctx.text[m.end:m.end + 20].lower()
    return after[:1] in ("-", "–") and any(after[1:].startswith(w) for w in ctx.lex.words("based_words"))


def _heads_a_department(i: int, ctx: Context) -> bool:
    """"head of production at X", "president of global distribution for X": an "of" complement
    that is an unnamed common noun, followed by "at"/"for" + the organisation."""
    doc = ctx.doc
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return False
    j = i + 1
    while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN") and ctx.at(doc[j]) is None and doc[j].is_lower:
        j += 1
    return j > i + 1 and j < len(doc) and doc[j].lower_ in ("at", "for")


def _surface_holder(tok: Token, ctx: Context, types: tuple[str, ...]) -> list[Mention]:
    """"X, ROLE de Y" when the parser mangled the apposition: a name ending right before the comma
    (an untyped one fitted to ``types``: "Showmax, la plateforme de MultiChoice")."""
    before = _before_comma(tok, ctx)
    m = ctx.fit(ctx.at(before), types) if before is not None else None
    if m is None or before.idx + len(before.text) != m.end:
        return []
    return [m]


def _before_comma(tok: Token, ctx: Context) -> Token | None:
    """The word right before the comma that opens the apposition ``tok`` starts ("X, la maison
    mère de Y" -> X), if the role is written that way."""
    doc = tok.doc
    i = tok.i
    # "X, la maison mère de Y", "X, autre label du groupe", "X, l'autre filiale de Y"
    while i >= 1 and tok.i - i < 3 and ctx.at(doc[i - 1]) is None and (
            doc[i - 1].pos_ == "DET" or doc[i - 1].pos_ in ("ADJ", "NUM") and doc[i - 1].is_lower):
        i -= 1
    return doc[i - 2] if i >= 2 and doc[i - 1].text == "," else None


def _listed_holders(tok: Token, head: Token, ctx: Context, types: tuple[str, ...]) -> list[Mention]:
    """The names of a list right before the comma that opens a plural role ("A, B et C, les
    trois cofondateurs de X"; ``tok`` starts the role, ``head`` is its noun), in text order;
    empty unless the role is plural and the list is closed by "et"/"and"."""
    if "Plur" not in head.morph.get("Number"):
        return []
    doc = tok.doc
    before = _before_comma(tok, ctx)
    last = ctx.at(before) if before is not None else None
    if last is None or last.type not in types or before.idx + len(before.text) != last.end:
        return []
    names, closed = [last], False
    span = char_span(doc, last.start, last.end)
    k = span.start - 1 if span is not None else -1
    while k >= 1 and len(names) < 8:
        sep = doc[k]
        if not (sep.text == "," or sep.lower_ in ("et", "and", "&")):
            break
        prev = ctx.at(doc[k - 1])
        if prev is None or prev.type not in types or doc[k - 1].idx + len(doc[k - 1].text) != prev.end:
            break
        closed = closed or sep.lower_ in ("et", "and", "&")
        names.insert(0, prev)
        span = char_span(doc, prev.start, prev.end)
        k = span.start - 1 if span is not None else -1
    return names if closed else []


def _surface_org(i: int, ctx: Context, types: tuple[str, ...]) -> list[Mention]:
    """The organisation right after a role: "ROLE chez|de|du [DET] Y" (surface pattern)."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].lower_ not in ctx.lex.words("role_preps") | {"at", "of"}:
        return []
    i += 1
    if i < len(doc) and doc[i].pos_ == "DET" and ctx.at(doc[i]) is None:
        i += 1
    if i >= len(doc):
        return []
    m = ctx.at(doc[i])
    if m is None and doc[i].is_lower and doc[i].pos_ == "NOUN" and i + 1 < len(doc):
        # "la radio du groupe Lagardère", "filiale du groupe allemand Bertelsmann": a generic head, then the name
        j = i + 2 if doc[i + 1].lower_ in ctx.lex.words("demonyms") and i + 2 < len(doc) else i + 1
        named = ctx.at(doc[j])
        if named is not None and named.start == doc[j].idx and named.type in types \
                and doc[i].lemma_.lower() in ctx.lex.words("anaphors", "Organization"):
            return [named]
    if m is not None:
        return [m] if m.type in types and m.start == doc[i].idx else []
    if doc[i].pos_ == "NOUN" and any(c.dep_ == "det" for c in doc[i].children):
        return ctx.resolve(doc[i], types, follow_conj=False)  # "vice-président du studio"
    return []


def _coordinated_roles(tok: Token, n: int, table: dict[str, str]) -> list[tuple[Token, int]]:
    """Role nouns coordinated with the role at ``tok`` (``n`` tokens): "fondateur et PDG", and
    the roles listed before it: "chairman, president and CEO"."""
    doc = tok.doc
    out: list[tuple[Token, int]] = []
    end = tok.i + n
    if end + 1 < len(doc) and doc[end].lower_ in ("et", "and", "&"):
        found = role_key(doc[end + 1], table)
        if found is not None:
            p_head = _span_head(doc[end + 1:end + 1 + found[2]])
            out.append((p_head, end + 1 + found[2] - p_head.i))
    # back over a list: "chairman, president and CEO" (a comma only once an "and" closed the list)
    first = tok.i
    closed = any(t.lower_ in ("et", "and", "&") for t in doc[tok.i:min(end + 1, len(doc))])  # "…, president and CEO"
    while first >= 2 and len(out) < 4 and (doc[first - 1].lower_ in ("et", "and", "&")
                                           or closed and doc[first - 1].text == ","):
        closed = True
        partner = None
        for k in (1, 2, 3):
            start = first - 1 - k
            found = role_key(doc[start], table) if start >= 0 else None
            if found is not None and found[2] == k:
                partner = start
                p_head = _span_head(doc[start:start + k])
                out.append((p_head, start + k - p_head.i))
                break
        if partner is None:
            break
        first = partner
    return out


def _span_head(span) -> Token:
    """The syntactic head of a multi-word role ("chief executive" -> "executive",
    "directeur général" -> "directeur"): the last token whose head lies outside the span."""
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    outside = [t for t in outside if not t.is_punct] or list(span)
    return outside[-1]


def _not_current(tok: Token, lex: Lexicon) -> bool:
    not_current = lex.words("role_not_current")
    if any(c.lower_ in not_current for c in tok.children):
        return True
    doc = tok.doc
    # "former Disney CEO", "ex-patron de": look back over the noun phrase's premodifiers
    i = tok.i - 1
    while i >= 0 and i >= tok.i - 5:
        prev = doc[i]
        if prev.lower_.rstrip("-") in not_current:
            return True
        if prev.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ") or prev.text in (",", ";", ":", "(", "«", "“", '"'):
            break
        i -= 1
    return False


def _name_before(tok: Token, ctx: Context, types: tuple[str, ...]) -> Mention | None:
    """A named mention of ``types`` ending right before ``tok`` (optionally with a possessive 's)."""
    i = tok.i - 1
    doc = tok.doc
    if i >= 0 and doc[i].lower_ in ("'s", "’s", "'", "’"):
        i -= 1
    if i < 0 or doc[i].is_punct:
        return None
    m = ctx.at(doc[i])
    if m is None or m.type not in types or m.end > tok.idx:
        return None
    return m


def _name_after(i: int, ctx: Context, types: tuple[str, ...]) -> Mention | None:
    """A named mention of ``types`` starting at token ``i`` (the name a title precedes)."""
    doc = ctx.doc
    if i >= len(doc):
        return None
    m = ctx.at(doc[i])
    if m is None or m.type not in types or m.start != doc[i].idx:
        return None
    return m


def is_hedged_role(tok: Token, ctx: Context) -> bool:
    """A role under a hedged naming verb ("pourrait devenir PDG")."""
    if tok.head.i != tok.i and tok.head.lemma_.lower() in _naming_verbs(ctx.lex):
        return ctx.hedged(tok.head)
    return False


def _holders(role: Token, ctx: Context, types: tuple[str, ...], *, topic: bool = True) -> list[Mention]:
    """Who holds the role: apposition either way, copula subject, compound head, naming verb subject;
    with ``topic``, a definite role opening its sentence is the person the one before was about."""
    found: list[Mention] = []
    candidates: list[Token] = []
    candidates += [c for c in role.children if c.dep_ in ("appos", "flat:name", "flat", "nmod", "compound") and ctx.at(c) is not None
                   and ctx.at(c).type in types and not _introduced_by_prep(c, ctx)]
    if role.dep_ in ("appos", "compound", "amod", "nmod") and role.head.i != role.i:
        candidates.append(role.head)
    # "X, présidente de Y" parsed as a coordination: a person name, a comma, then the role
    if role.dep_ == "conj" and role.head.i < role.i and ctx.at(role.head) is not None \
            and ctx.at(role.head).type in types and any(t.text == "," for t in role.doc[role.head.i:role.i]) \
            and not any(t.lower_ in ("et", "and", "ou", "or") for t in role.doc[role.head.i:role.i]):
        candidates.append(role.head)
    if role.dep_ in ("ROOT", "xcomp", "ccomp", "conj", "acl:relcl", "relcl", "attr", "oprd", "obj", "dobj") or any(
            c.dep_ == "cop" for c in role.children) or _misparsed_complement(role):
        subj = [c for c in role.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subj and role.head.i != role.i and role.head.lemma_.lower() in _naming_verbs(ctx.lex) \
                and _appointing(role, ctx.lex) is None:  # (not "qui l'avaient nommé directeur": the appointer)
            subj = [c for c in role.head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        candidates += subj
        # "Gaumont a nommé X directrice générale", "Disney named X chief executive": the person
        # appointed is the object of the appointing verb
        verb = _appointing(role, ctx.lex)
        if verb is not None:
            # (the parser may label the person a second predicate: "named X its new chief executive")
            candidates += [c for c in verb.children if (c.dep_ in ("obj", "dobj") or c.dep_ == "oprd" and c.pos_ == "PROPN"
                                                        and c.i < role.i) and c.i != role.i]
    # "served as CEO of X", "will step down as chief executive", "en tant que PDG": a post held
    verb = _as_complement_of(role)
    if verb is not None:
        if verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in _naming_verbs(ctx.lex)
                                             or verb.lemma_.lower() in ctx.lex.words("post_verbs")
                                             or verb.lemma_.lower() in ctx.lex.words("succession_verbs")):
            candidates += subject_of(verb)
        if verb.pos_ == "VERB" and verb.lemma_.lower() in ctx.lex.words("succession_verbs"):
            # "X succeeds Y as CEO", "X succède à Y comme PDG": the one succeeded held the role
            candidates += [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i < role.i]
            candidates += [n for p, n in obliques(verb) if p == "à" and n.i < role.i]
    # "a quitté son poste de PDG", "occupe les fonctions de directrice", "took on the role of CEO"
    post = role.head.head if role.head.lower_ == "of" and role.dep_ == "pobj" else role.head
    if role.dep_ in ("nmod", "pobj") and post.i != role.i and post.lemma_.lower() in ctx.lex.words("post_nouns") \
            and post.head.pos_ in ("VERB", "AUX") and post.dep_ in ("obj", "dobj", "obl", "obl:arg", "obl:mod", "pobj", "nsubj"):
        appointed = [c for c in post.head.children if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") and c.i != post.i] \
            if post.head.lemma_.lower() in ctx.lex.words("appointing_verbs") else []
        # "a nommé X au poste de directeur général": the person appointed, not the one appointing
        candidates += appointed or subject_of(post.head)
    # "named X as its new chief executive": the role after "as"
    if role.dep_ == "pobj" and _appointing(role, ctx.lex) is not None:
        verb = _appointing(role, ctx.lex)
        candidates += [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i != role.i]
    # "whose chairman and CEO is X", "its chief executive is X": the role is the subject of a copula
    if role.dep_ == "nsubj" and role.head.lemma_.lower() == "be":
        candidates += [c for c in role.head.children if c.dep_ == "attr" and c.i > role.i]
    for cand in candidates:
        for m in ctx.resolve(cand, types):
            if m not in found:
                found.append(m)
    if not found and "Person" in types and _fronted_bare_role(role):
        # "Scénariste de La Reine Margot et réalisatrice de La Bûche, Danièle Thompson retrouve…":
        # a bare role opening the sentence describes the name right after its phrase's comma
        after = _named_after_comma(role, ctx, types, 20)
        if after is not None:
            found.append(after[1])
    if not found and "Person" in types and (after := _named_after_comma(role, ctx, types, 12)) is not None:
        # "Le patron de M6, Nicolas Vairon, a salué…": the parser made the name a second subject
        # of the verb; the name right after the role's phrase and a comma is its holder
        doc = role.doc
        phrase = {t.i for t in role.subtree}
        k, named = after
        span = ctx.span(named) if all(i in phrase for i in range(role.i, k)) else None
        if span is not None and (span.root.dep_ == "appos" and span.root.head.i in phrase
                                 or span.root.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and span.root.head.i == role.head.i
                                 and span.root.i != role.head.i) \
                and (span.end >= role.sent.end or doc[span.end].text in (",", ")")):
            found.append(named)
    if not found and topic and "Person" in types and _opens_sentence_as_subject(role):
        # "Pierre Bellanger prépare l'après. Le fondateur de Skyrock, qui …, a nommé…": a definite
        # role opening its sentence as the subject is the person the sentence before was about
        m = ctx.prominent(role, ("Person",))
        if m is not None and m.start < role.sent.start_char:
            found.append(m)
    return found


def _named_after_comma(role: Token, ctx: Context, types: tuple[str, ...], within: int) -> tuple[int, Mention] | None:
    """The first comma of ``role``'s sentence within ``within`` words after it, and the name of
    ``types`` that starts right after that comma, if any."""
    doc = role.doc
    k = next((t.i for t in doc[role.i + 1:min(role.sent.end - 1, role.i + within)] if t.text == ","), None)
    named = ctx.at(doc[k + 1]) if k is not None else None
    return (k, named) if named is not None and named.type in types and named.start == doc[k + 1].idx else None


def _as_complement_of(role: Token) -> Token | None:
    """The word ``role`` is the "as"/"comme" complement of ("served as CEO", "succède à Y comme
    PDG", "en tant que PDG"), if any."""
    if role.dep_ not in ("pobj", "obl", "obl:arg", "obl:mod", "nmod") or not (role.head.lower_ in ("as", "comme") or any(
            c.dep_ in ("case", "mark") and c.lower_ == "comme" for c in role.children)):
        return None
    return role.head.head if role.head.lower_ == "as" else role.head


def _predicated(role: Token, lex: Lexicon) -> bool:
    """Whether ``role`` is said of its holder by a verb: the attribute of a copula ("X is executive
    producer", "Y est productrice") or the complement of "as"/"comme" after a naming or post verb
    ("X serves as showrunner")."""
    if role.dep_ == "attr" and role.head.lemma_.lower() in _naming_verbs(lex) or any(c.dep_ == "cop" for c in role.children):
        return True
    verb = _as_complement_of(role)
    return verb is not None and verb.lemma_.lower() in _naming_verbs(lex) | lex.words("post_verbs")


def _fronted_bare_role(role: Token) -> bool:
    """Whether ``role`` opens its sentence with no article ("Scénariste de W, X…", "Ancien patron
    de Y, X…"), possibly after a past-role prefix word."""
    first = role.sent[0]
    doc = role.doc
    if role.i > first.i + 1 and doc[role.i - 1].lower_ in ("et", "and") and role.i - first.i <= 12 \
            and first.pos_ not in ("DET", "PRON", "PROPN") and not any(t.text == "," for t in doc[first.i:role.i]):
        return True  # "Scénariste de W et réalisatrice de W2, X": the second role of the phrase
    return role.i == first.i or role.i == first.i + 1 and first.pos_ in ("ADJ", "ADV") and first.is_title


def _opens_sentence_as_subject(role: Token) -> bool:
    """Whether ``role`` is a clause subject behind a definite article that opens its sentence."""
    first = role.sent[0]
    return role.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and first.dep_ == "det" and first.head.i == role.i \
        and first.lower_ in DEFINITE - {"les"} and role.i - first.i <= 2


def _misparsed_complement(role: Token) -> bool:
    """"a nommé Axel Dauchez directeur général": the parser took the name's last word for a
    preposition and the role for an oblique (its only "prepositions" are capitalised), or left the
    role unlabelled."""
    cases = [c for c in role.children if c.dep_ == "case"]
    if role.dep_ == "dep":  # "a nommé Marie Lenoir directrice générale": an unlabelled second object
        return not cases
    return role.dep_ in ("obl", "obl:mod") and bool(cases) and all(c.text[:1].isupper() for c in cases)


def _appointing(role: Token, lex: Lexicon) -> Token | None:
    """The active appointing verb ``role`` completes, if any: "a nommé X directrice" (a second
    object, or the role in apposition to the object), "named X chief executive" (the name
    parsed inside the role's noun phrase)."""
    verb = role.head
    if role.dep_ == "appos" and verb.dep_ in ("obj", "dobj"):
        verb = verb.head
    elif role.dep_ == "pobj" and verb.lower_ in ("as",) and verb.head.i != verb.i:
        verb = verb.head  # "named X as its new chief executive"
    elif role.dep_ not in ("obj", "dobj", "oprd", "xcomp") and not _misparsed_complement(role):
        return None
    if verb.i == role.i or verb.lemma_.lower() not in lex.words("appointing_verbs"):
        return None
    if any(c.dep_ in ("nsubj:pass", "nsubjpass", "aux:pass", "auxpass") for c in verb.children):
        return None  # "X a été nommée directrice": the copula-like reading already covers it
    person = any(c.dep_ in ("obj", "dobj") and c.i != role.i for c in verb.children) \
        or any(c.dep_ == "oprd" and c.pos_ == "PROPN" and c.i < role.i for c in verb.children) \
        or any(c.dep_ in ("nmod", "compound", "appos") and c.pos_ == "PROPN" for c in role.children)
    return verb if person else None


def _appointer(verb: Token, ctx: Context, types: tuple[str, ...]) -> list[Mention]:
    """The organisation that appoints: the verb's subject, or the organisation of a board
    that does ("le conseil d'administration de Gaumont", "Disney's board")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",)] or subject_of(verb)[:1]  # (a verb read as a participle)
    for subj in subjects:
        found = ctx.resolve(subj, types, follow_conj=False)
        if found:
            return found
        for t in subj.subtree:
            if t.i != subj.i and t.dep_ in ("nmod", "poss", "nmod:poss", "pobj", "compound"):
                m = ctx.at(t)
                if m is not None and m.type in types:
                    return [m]
    return []


def _workplace(role: Token, end: int, ctx: Context, types: tuple[str, ...]) -> list[Mention]:
    """"vice-présidente chargée des contenus chez Kiosque TV", "head of content at X": the
    workplace, introduced by chez/at inside the participle or department after the role."""
    out: list[Mention] = []
    preps = ctx.lex.words("workplace_preps")  # wherever they hang in the role's phrase
    for c in role.children:
        if c.dep_ in ("acl", "nmod", "prep") and c.i >= end:
            for t in c.subtree:
                m = ctx.at(t) if t.i != c.i and prep_of(t) in preps else None
                if m is not None and m.type in types and m not in out:
                    out.append(m)
    return out


def _introduced_by_prep(tok: Token, ctx: Context) -> bool:
    """Whether the name ``tok`` is part of is a prepositional complement: a word of it governs
    the preposition ("propriétaire de Radio Nova et de Paris Match", where the parser hangs
    "Nova" and "Match" on the role noun, "de" on "Radio" and "Paris")."""
    m = ctx.at(tok)
    span = ctx.span(m) if m is not None else None
    words = span if span is not None and tok.i in range(span.start, span.end) else [tok]
    return any(c.dep_ == "case" for w in words for c in w.children)


def _organisations(role: Token, ctx: Context, types: tuple[str, ...], n: int) -> list[Mention]:
    """Which organisation: ``de``/``chez``/``of``/``at`` complement, compound or possessive."""
    preps = ctx.lex.words("role_preps")
    end = role.i + n
    out: list[Mention] = []
    heads = [role] + [role.doc[i] for i in range(role.i + 1, end)]
    for h in heads:
        for prep, noun in obliques(h):
            if prep in preps and noun.i >= end:
                found = ctx.resolve(noun, types) or _through_common_nouns(noun, ctx, types, preps)
                out.extend(m for m in found if m not in out)
        for c in h.children:
            if c.dep_ in ("compound", "poss", "nmod:poss") and c.i < role.i and c.tag_ != "WP$":
                m = ctx.resolve(c, types, follow_conj=False)
                out.extend(x for x in m if x not in out)
            elif c.dep_ == "poss" and c.tag_ == "WP$" and c.i < role.i:
                # "Universal, whose chairman is X": the noun the relative clause qualifies
                verb = h.head
                while verb.dep_ not in ("relcl", "acl:relcl") and verb.head.i != verb.i:
                    verb = verb.head
                if verb.dep_ in ("relcl", "acl:relcl"):
                    out.extend(x for x in ctx.resolve(verb.head, types, follow_conj=False) if x not in out)
            elif c.dep_ == "det" and "Yes" in c.morph.get("Poss") or (c.dep_ == "poss" and c.pos_ == "PRON"):
                ante = ctx.possessor(c, types)
                if ante is not None and ante not in out:
                    out.append(ante)
    # "Disney CEO Bob Iger": the organisation is a compound of the person, left of the role
    if not out and role.dep_ == "compound":
        for c in role.head.children:
            if c.dep_ in ("compound", "poss") and c.i < role.i:
                out.extend(x for x in ctx.resolve(c, types, follow_conj=False) if x not in out)
    return out


def _through_common_nouns(noun: Token, ctx: Context, types: tuple[str, ...], preps: frozenset[str],
                          depth: int = 3) -> list[Mention]:
    """The organisation behind a chain of common-noun complements of a role noun ("la plateforme
    de streaming d'Amazon", "le service de vidéo à la demande d'Amazon"): the first named one,
    through nouns that are no name themselves."""
    named = ctx.at(noun)
    if depth == 0 or noun.pos_ != "NOUN" or named is not None and named.type != "Concept":
        return []  # a concept the gazetteer knows ("streaming") is still a common noun here
    for prep, nxt in obliques(noun):
        if nxt.i <= noun.i:
            continue
        if prep in preps:
            found = ctx.resolve(nxt, types, follow_conj=False)
            if found:
                return found
        if prep in preps or prep in ("à", "au", "aux", "en"):  # "d'information en continu de TF1"
            found = _through_common_nouns(nxt, ctx, types, preps, depth - 1)
            if found:
                return found
    return []


def organisations_of_role(role: Token, ctx: Context, n: int = 1) -> list[Mention]:
    """The organisations of a person role noun ("directeur général de TF1" -> TF1)."""
    return _organisations(role, ctx, ("Organization",), n)
