"""Resolve stage, within one document: mentions to entities, one node per real entity.

Rules, in the order they apply (cross-document resolution lives in :mod:`kg.registry`):

* **names are compared by normalised key**: case, accents, punctuation and legal
  suffixes are ignored (``Netflix, Inc.`` = ``NETFLIX`` = ``netflix``), see :func:`name_key`;
* **known names link to the gazetteer** (key, Wikidata id and type); a mention
  typed only by the statistical NER takes the gazetteer's type (``MEDIAWAN`` tagged PER
  is the organisation Mediawan);
* **the label is the article's own fullest name**: an entity's ``label`` is the fullest
  surface form written in the article (``MGM`` stays ``MGM``, ``L'Éternaute`` stays
  ``L'Éternaute``), while its key (``organization/metro-goldwyn-mayer``) and
  :attr:`LinkedEntity.canonical` keep the link to the gazetteer's canonical label, which
  the cross-article registry uses for ``rdfs:label``;
* **acronyms defined in the text** are their long form: ``Warner Bros. Discovery (WBD)``
  makes every ``WBD`` of the article that company;
* **a bare surname after a full name** is that person (``Sarandos`` -> ``Ted Sarandos``),
  only when one person of the article bears it; two different full names that share a
  surname are never merged, and a surname no full name explains stays a separate,
  article-scoped person (``person/ellison-article-<8 hex of the article hash>``), never
  merged across articles;
* **types never mix**: mentions of incompatible types are different entities, whatever
  their names; ``Misc`` takes the type of the entity it joins;
* **a concept contained in one longer concept** of the article is that concept
  (``montage`` and ``montage virtuel``), unless the gazetteer knows both;
* **every surface form is kept** as an alias, with the legal suffix that follows a
  mention in the text (``Ubisoft Entertainment SA``);
* **only triples the ontology allows are kept** (:func:`kg.schema.fit`): no self-loop,
  and a predicate whose domain or range does not fit is remapped by the small table
  :data:`kg.schema.REMAP` (``develops`` a series is ``produces`` it) or dropped.

Example:
    >>> from kg.records import Document, Mention
    >>> doc = Document(id="d", text="Ted Sarandos ... Sarandos")
    >>> ms = [Mention("Ted Sarandos", 0, 12, "Person", "ner:PER"), Mention("Sarandos", 17, 25, "Person", "ner:PER")]
    >>> ents = resolve_mentions(ms, doc)
    >>> sorted({e.label for e in ents.values()})
    ['Ted Sarandos']
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
from kg.schema import fit
from kg.text import fold, slug

__all__ = [
    "SCOPE_SEP",
    "LinkedEntity",
    "acronym_definitions",
    "canonical_label",
    "clean_surface",
    "compatible_types",
    "entity_key",
    "is_acronym",
    "is_acronym_of",
    "is_scoped",
    "link_gazetteer",
    "name_key",
    "resolve_document",
    "resolve_mentions",
    "strip_legal",
]

#: Marker of an article-scoped key: ``person/ellison-article-1a2b3c4d`` (a surname no full
#: name explains). It keeps the key a valid ``<type>/<slug>`` (``[0-9a-z]+(-[0-9a-z]+)*``).
SCOPE_SEP = "-article-"
_SCOPED = re.compile(r"(?:-article-|~)[0-9a-f]{8}$")


def is_scoped(key: str) -> bool:
    """Whether ``key`` is an article-scoped key (``~`` is the scheme of older stores).

    Example:
        >>> is_scoped("person/ellison-article-1a2b3c4d"), is_scoped("person/larry-ellison")
        (True, False)
    """
    return bool(_SCOPED.search(key))


@dataclass(slots=True)
class LinkedEntity(Entity):
    """An :class:`~kg.records.Entity` resolved within an article and linked to the gazetteer.

    Its ``label`` is the article's own fullest name; ``canonical`` is the gazetteer's label
    (its ``key`` is derived from it), ``None`` when the entity is not in the gazetteer.
    """

    canonical: str | None = None


def canonical_label(entity: Entity) -> str:
    """The gazetteer's label of a linked entity, else its label.

    Example:
        >>> canonical_label(LinkedEntity("organization/metro-goldwyn-mayer", "MGM", "Organization", canonical="Metro-Goldwyn-Mayer"))
        'Metro-Goldwyn-Mayer'
        >>> canonical_label(Entity("organization/x", "X", "Organization"))
        'X'
    """
    return getattr(entity, "canonical", None) or entity.label

_LEGAL_WORDS = (r"inc|ltd|llc|plc|sa|s\.a|sas|s\.a\.s|se|nv|n\.v|bv|corp|corporation|group|groupe|gmbh|ag|"
                r"co|company|limited|holdings?|sarl|spa|s\.p\.a")
_LEGAL = re.compile(rf"(?:,?\s+(?:&\s+)?(?:{_LEGAL_WORDS})\.?)+$", re.IGNORECASE)
#: A legal suffix written right after a mention in the text (``Ubisoft Entertainment`` + `` SA``).
_LEGAL_AFTER = re.compile(r"^,?\s(?:Inc\.?|Ltd\.?|LLC|PLC|plc|SA|S\.A\.|SAS|SE|NV|N\.V\.|Corp\.?|Corporation|GmbH|AG|Co\.)"
                         r"(?![\w\-])")
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z0-9][A-Za-z0-9&.\-]{1,9})\s*\)")
_SMALL_WORDS = frozenset("de du des d l la le les et en the of and for à a au aux".split())
_PRIORITY = {"gazetteer": 4, "context": 3, "relation": 2, "ner": 1, "resolve": 1}
#: Types that may name the same thing (a streaming service is a company and a product).
_COMPATIBLE = {frozenset(("Organization", "Product"))}


def _priority(m: Mention) -> int:
    if ">" in m.source:
        return _PRIORITY["relation"]
    return _PRIORITY.get(m.source.split(":")[0], 0)


@lru_cache(maxsize=1 << 14)  # pure, and called for the same names again and again
def strip_legal(name: str) -> str:
    """Drop legal suffixes: ``Netflix, Inc.`` -> ``Netflix``.

    A name that is nothing but a suffix is returned unchanged.

    Example:
        >>> strip_legal("Ubisoft Entertainment SA")
        'Ubisoft Entertainment'
        >>> strip_legal("Netflix, Inc."), strip_legal("Sony Group Corporation"), strip_legal("Group")
        ('Netflix', 'Sony', 'Group')
    """
    stripped = _LEGAL.sub("", name).strip(" ,")
    return stripped or name


@lru_cache(maxsize=1 << 14)  # pure, and called for the same names again and again
def clean_surface(text: str) -> str:
    """Trim elided articles and stray punctuation from a mention's text.

    Example:
        >>> clean_surface("l'Arcom,")
        'Arcom'
    """
    text = text.strip().strip(",;:")
    return re.sub(r"^(?:l['’]|d['’])(?=[A-ZÉ])", "", text)


@lru_cache(maxsize=1 << 14)  # pure, and called for the same names again and again
def name_key(name: str) -> str:
    """The key names are compared by: folded, without legal suffix or elided article.

    Example:
        >>> name_key("Netflix, Inc.") == name_key("NETFLIX") == "netflix"
        True
        >>> name_key("France Télévisions") == name_key("France Televisions")
        True
    """
    return fold(strip_legal(clean_surface(name)))


def entity_key(type_: str, label: str, *, scope: str | None = None) -> str:
    """Stable key ``type/slug`` of an entity (its IRI path in the store).

    Derived only from the type and the label (never from run order or hash seeds);
    ``scope`` (an article's content hash) makes an article-scoped key, still a valid
    ``<type>/<slug>``.

    Example:
        >>> entity_key("Organization", "Canal+")
        'organization/canalplus'
        >>> entity_key("Person", "Ellison", scope="1a2b3c4d5e6f")
        'person/ellison-article-1a2b3c4d'
    """
    if type_ == "Quote":
        return "quote/" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:16]
    key = f"{type_.lower()}/{slug(strip_legal(label))}"
    return f"{key}{SCOPE_SEP}{scope[:8].lower()}" if scope else key


def compatible_types(a: str, b: str) -> bool:
    """Whether entities of types ``a`` and ``b`` may be one entity (``Misc`` fits any type).

    Example:
        >>> compatible_types("Organization", "Product"), compatible_types("Person", "Organization")
        (True, False)
    """
    return a == b or "Misc" in (a, b) or frozenset((a, b)) in _COMPATIBLE


@lru_cache(maxsize=1 << 14)  # pure, and called for the same names again and again
def is_acronym(name: str) -> bool:
    """A short all-capitals token (``WBD``, ``CNC``, ``P7S1``).

    Example:
        >>> is_acronym("WBD"), is_acronym("Netflix"), is_acronym("MEDIAWAN")
        (True, False, False)
    """
    letters = [c for c in name if c.isalnum()]
    return 2 <= len(letters) <= 6 and " " not in name.strip() and all(c.isupper() or c.isdigit() for c in letters)


def is_acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: its letters are, in order, initials of the
    name's words (or capitals inside a word), the first one the first word's.

    Example:
        >>> is_acronym_of("WBD", "Warner Bros. Discovery")
        True
        >>> is_acronym_of("CNC", "Centre national du cinéma et de l'image animée")
        True
        >>> is_acronym_of("WBD", "Netflix")
        False
    """
    letters = [c for c in fold(acronym).replace(" ", "") if c.isalnum()]
    words = [w for w in re.split(r"[\s\-'’]+", name) if w and any(c.isalnum() for c in w)]
    if len(letters) < 2 or len(words) < 2 and not any(c.isupper() for c in name[1:]):
        return False
    # candidate letters: each word's initial, and the capitals/digits inside a word
    marks: list[tuple[int, str]] = []
    for i, w in enumerate(words):
        marks.append((i, fold(w[0])))
        marks += [(i, fold(c)) for c in w[1:] if c.isupper() or c.isdigit()]
    if not marks or marks[0][1] != letters[0]:
        return False
    pos = 0
    used_words: set[int] = set()
    for letter in letters:
        while pos < len(marks) and marks[pos][1] != letter:
            pos += 1
        if pos == len(marks):
            return False
        used_words.add(marks[pos][0])
        pos += 1
    content = {i for i, w in enumerate(words) if fold(w) not in _SMALL_WORDS}
    return len(used_words & content) >= min(2, len(content))


def acronym_definitions(mentions: Iterable[Mention], text: str) -> dict[str, Mention]:
    """Acronyms the text defines after a mention: ``Warner Bros. Discovery (WBD)``.

    Returns:
        ``{acronym: long-form mention}``, the first definition of each acronym.

    Example:
        >>> t = "Warner Bros. Discovery (WBD) said. WBD did not."
        >>> defs = acronym_definitions([Mention("Warner Bros. Discovery", 0, 22, "Organization")], t)
        >>> {k: v.text for k, v in defs.items()}
        {'WBD': 'Warner Bros. Discovery'}
    """
    found: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Quote" or is_acronym(m.text):
            continue
        match = _ACRONYM_AFTER.match(text[m.end:m.end + 16])
        if match:
            acr = match.group(1).rstrip(".")
            if is_acronym(acr) and is_acronym_of(acr, clean_surface(m.text)):
                found.setdefault(acr, m)
    return found


@lru_cache(maxsize=8)
def _gazetteer_index(gazetteer: Gazetteer, normalise=fold) -> dict[str, tuple[GazetteerEntry, ...]]:
    """Entries by normalised name (``fold`` for exact names, ``name_key`` without legal suffixes)."""
    index: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in gazetteer.entries:
        for name in entry.names:
            key = normalise(name)
            if entry not in index[key]:
                index[key].append(entry)
    return {k: tuple(v) for k, v in index.items()}


def link_gazetteer(name: str, type_: str | None, gazetteer: Gazetteer, *, weak: bool = False) -> GazetteerEntry | None:
    """The gazetteer entry ``name`` refers to, or ``None``.

    Exact (folded) names are tried before names without legal suffix. ``type_`` must be
    compatible with the entry's; when the type is ``weak`` (guessed by the NER only, or
    ``Misc``) an entry of another type is accepted if the name designates only it.

    Example:
        >>> gaz = load_gazetteer()
        >>> link_gazetteer("Netflix, Inc.", "Organization", gaz).label
        'Netflix'
        >>> link_gazetteer("MEDIAWAN", "Person", gaz, weak=True).label
        'Mediawan'
        >>> link_gazetteer("MEDIAWAN", "Person", gaz) is None
        True
    """
    exact, stripped = _gazetteer_index(gazetteer, fold), _gazetteer_index(gazetteer, name_key)
    for candidates in (exact.get(fold(name), ()), stripped.get(name_key(name), ())):
        if not candidates:
            continue
        if type_ is not None and type_ != "Misc":
            same = [e for e in candidates if e.type == type_]
            if same:
                return same[0]
            near = [e for e in candidates if compatible_types(e.type, type_)]
            if len({e.label for e in near}) == 1:
                return near[0]
            if not weak:
                continue
        if len({(e.label, e.type) for e in candidates}) == 1:
            return candidates[0]
    return None


class _Groups:
    """Union-find over surface groups (tiny, deterministic: the smaller index is the root)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _surnames_of(full: str) -> set[str]:
    """Folded trailing word sequences of a full name (``Delphine Ernotte Cunci`` -> ``cunci``, ``ernotte cunci``)."""
    words = fold(full).split()
    return {" ".join(words[i:]) for i in range(1, len(words))}


def _label_rank(surface: str, count: int, first: int) -> tuple:
    """Sort key of the best label among surface forms (smallest first)."""
    letters = [c for c in surface if c.isalpha()]
    shouting = len(letters) > 4 and all(c.isupper() for c in letters)
    return (is_acronym(surface), shouting, -len(surface.split()), -count, first, surface)


#: Sources of a known name the context retyped as a title ("la série Marseille", "Berlin, le
#: spin-off de …"): its mentions form an entity of their own, so the city keeps its other mentions.
_TITLE_READINGS = frozenset(("context:gazetteer",))


def _surface_key(m: Mention) -> str:
    """The surface group of a mention: its folded surface, set apart for a title reading of a
    known name (kg.extract.mentions retypes "Marseille" a work after "la série")."""
    key = fold(clean_surface(m.text))
    return key + "\x00title" if m.source in _TITLE_READINGS else key


def resolve_mentions(mentions: list[Mention], document: Document,
                     gazetteer: Gazetteer | None = None) -> dict[tuple[int, int, str], Entity]:
    """Map every mention (by ``(start, end, type)``) to its entity within one document.

    Mentions the rules find in the text that the extractor missed (a repeated
    acronym, a surname) are added to the entities' ``mentions`` (source ``resolve:...``).

    Example:
        >>> t = "Warner Bros. Discovery (WBD) said. WBD did not."
        >>> ms = [Mention("Warner Bros. Discovery", 0, 22, "Organization", "ner:ORG"),
        ...       Mention("WBD", 24, 27, "Organization", "ner:ORG")]
        >>> e = resolve_mentions(ms, Document("d", t), Gazetteer([]))[(24, 27, "Organization")]
        >>> e.key, len(e.mentions)
        ('organization/warner-bros-discovery', 3)
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer([])
    text = document.text
    # 1. surface groups: mentions with the same folded surface, one type each
    by_surface: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.type != "Quote":
            by_surface.setdefault(_surface_key(m), []).append(m)
    keys = list(by_surface)
    index = {k: i for i, k in enumerate(keys)}
    display = [clean_surface(by_surface[k][0].text) for k in keys]
    types: list[str] = []
    weak: list[bool] = []
    for k in keys:
        ms = by_surface[k]
        best = max(_priority(m) + (m.type != "Misc") * 0.5 for m in ms)
        votes = Counter(m.type for m in ms if _priority(m) + (m.type != "Misc") * 0.5 == best)
        types.append(sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0])
        weak.append(all(_priority(m) <= _PRIORITY["ner"] for m in ms) or types[-1] == "Misc")
    # 2. gazetteer links (the entry fixes label, type and Wikidata id)
    linked: list[GazetteerEntry | None] = []
    for i, k in enumerate(keys):
        entry = link_gazetteer(display[i], types[i], gaz, weak=weak[i])
        if entry is None and display[i] != by_surface[k][0].text.strip():
            entry = link_gazetteer(by_surface[k][0].text, types[i], gaz, weak=weak[i])
        linked.append(entry)
        if entry is not None:
            types[i] = entry.type
    groups = _Groups(len(keys))

    def joinable(i: int, j: int) -> bool:
        li, lj = linked[i], linked[j]
        if li is not None and lj is not None and (li.label, li.type) != (lj.label, lj.type):
            return False
        return compatible_types(types[i], types[j])

    # 3. same gazetteer entry, or same key once legal suffixes are dropped
    by_name: dict[tuple, int] = {}
    for i, k in enumerate(keys):
        ident = ("gaz", linked[i].label, linked[i].type) if linked[i] else ("name", name_key(display[i]))
        j = by_name.setdefault(ident, i)
        if j != i and joinable(i, j):
            groups.union(i, j)
    # 4. acronyms defined in the text
    acronyms = acronym_definitions(mentions, text)
    for acr, long_m in acronyms.items():
        i, j = index.get(fold(acr)), index[_surface_key(long_m)]
        if i is not None and (linked[i] is None or linked[j] is None or linked[i] == linked[j]) \
                and types[i] in (types[j], "Misc", "Organization", "Person", "Product"):
            types[i] = types[j]
            groups.union(i, j)
    # 5. a bare surname after a full name of the article
    full_names = [i for i in range(len(keys)) if types[i] == "Person" and len(keys[i].split()) > 1]
    surname_of: dict[str, set[int]] = defaultdict(set)
    for i in full_names:
        for s in _surnames_of(display[i]):
            surname_of[s].add(groups.find(i))
    unresolved_surnames: set[int] = set()
    for i, k in enumerate(keys):
        if types[i] != "Person" or linked[i] is not None or (i in full_names and k not in surname_of):
            continue
        owners = surname_of.get(k, set()) - {groups.find(i)}
        if len(owners) == 1:
            groups.union(i, next(iter(owners)))
        elif len(k.split()) == 1 and groups.find(i) == i:
            unresolved_surnames.add(i)
    # 6. a concept contained in one longer concept (gazetteer concepts stay apart)
    concepts = [i for i in range(len(keys)) if types[i] == "Concept" and linked[i] is None]
    for i in concepts:
        longer = {groups.find(j) for j in concepts if j != i and set(keys[i].split()) < set(keys[j].split())}
        if len(longer) == 1:
            groups.union(i, next(iter(longer)))
    # 7. one entity per group
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        members[groups.find(i)].append(i)
    # root -> (label, gazetteer label, type, qid, scope)
    canonical: dict[int, tuple[str, str | None, str, str | None, str | None]] = {}
    for root, idx in members.items():
        entry = next((linked[i] for i in idx if linked[i] is not None), None)
        typed = [types[i] for i in idx if types[i] != "Misc"]
        type_ = entry.type if entry else (Counter(typed).most_common(1)[0][0] if typed else "Misc")
        # the label is the fullest name the article writes, even for a gazetteer entity
        pool = [i for i in idx if types[i] != "Person" or len(keys[i].split()) > 1] or idx
        label = strip_legal(display[min(pool, key=lambda i: _label_rank(
            display[i], len(by_surface[keys[i]]), by_surface[keys[i]][0].start))])
        if entry is not None and name_key(label) == name_key(entry.label):
            label = entry.label  # same name (``MEDIAWAN``, ``Netflix, Inc.``): the gazetteer's spelling
        scope = document.content_hash if idx == [root] and root in unresolved_surnames else None
        canonical[root] = (label, entry.label if entry else None, type_, entry.wikidata if entry else None, scope)
    # 8. extra mentions: repeated acronyms and surnames the extractor missed
    extra = _extra_mentions(text, mentions, keys, display, types, groups, acronyms, full_names, surname_of, index)
    entities: dict[str, Entity] = {}
    out: dict[tuple[int, int, str], Entity] = {}
    for m in [*mentions, *extra]:
        if m.type == "Quote":
            label, gaz_label, type_, qid, scope = m.text, None, "Quote", None, None
        else:
            label, gaz_label, type_, qid, scope = canonical[groups.find(index[_surface_key(m)])]
        key = entity_key(type_, gaz_label or label, scope=scope)
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = LinkedEntity(key=key, label=label, type=type_, wikidata=qid, canonical=gaz_label)
            ent.aliases.add(label)
        if type_ == "Quote":
            ent.aliases.add(label)
        else:
            ent.aliases.add(clean_surface(m.text))
            suffix = _LEGAL_AFTER.match(text[m.end:m.end + 16])
            if suffix:
                ent.aliases.add(clean_surface(m.text) + suffix.group(0).rstrip())
        ent.mentions.append(m)
        out[(m.start, m.end, m.type)] = ent
    for ent in entities.values():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    return out


def _extra_mentions(text: str, mentions: list[Mention], keys: list[str], display: list[str], types: list[str],
                    groups: _Groups, acronyms: dict[str, Mention], full_names: list[int],
                    surname_of: dict[str, set[int]], index: dict[str, int]) -> list[Mention]:
    """Occurrences of defined acronyms and of unambiguous surnames that no mention covers."""
    covered = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in covered)

    wanted: list[tuple[str, int, int, str]] = []  # (form, group member, searchable from, rule)
    for acr, long_m in acronyms.items():
        wanted.append((acr, index[_surface_key(long_m)], long_m.end, "resolve:acronym"))
    for i in full_names:
        last = display[i].split()[-1]
        known = index.get(fold(last))
        if (len(last) >= 3 and last[0].isupper() and len(surname_of.get(fold(last), ())) == 1
                and (known is None or groups.find(known) == groups.find(i))):
            first = min(m.start for m in mentions if _surface_key(m) == keys[i])
            wanted.append((last, i, first, "resolve:surname"))
    for form, i, start, rule in wanted:
        for match in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", text[start:]):
            s, e = start + match.start(), start + match.end()
            if not free(s, e) or (rule == "resolve:surname" and _in_longer_name(text, s, e)):
                continue
            if fold(form) not in index:
                index[fold(form)] = i  # the new surface joins the group of its long form
            elif groups.find(index[fold(form)]) != groups.find(i):
                break
            found.append(Mention(form, s, e, types[groups.find(i)], rule))
            covered.append((s, e))
    return found


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a longer capitalised name (``Ellison Foundation``)."""
    after = re.match(r"\s+([A-Z][\w\-]*)", text[end:end + 40])
    before = re.search(r"([A-Za-z][\w\-]*)\s+$", text[max(0, start - 40):start])
    if after:
        return True
    return bool(before and before.group(1)[0].isupper() and not re.search(r"[.!?»”\"]\s+$", text[max(0, start - 3):start]))


def resolve_document(document: Document, mentions: list[Mention], relations: list[Relation],
                     gazetteer: Gazetteer | None = None) -> Extraction:
    """Build the document's :class:`Extraction`: resolved entities and deduplicated triples.

    Each triple keeps the evidence of the first relation that asserted it (highest confidence first).
    A triple the ontology forbids is remapped or dropped (:func:`kg.schema.fit`): no
    self-loop, no ``Misc`` end, domain and range as in ``ontology/media.ttl``.

    Example:
        >>> doc = Document(id="d", text="Netflix, Inc. said. Netflix did.", lang="en")
        >>> ms = [Mention("Netflix, Inc.", 0, 13, "Organization", "gazetteer"), Mention("Netflix", 20, 27, "Organization", "ner:ORG")]
        >>> x = resolve_document(doc, ms, [])
        >>> [(e.key, e.wikidata, len(e.mentions)) for e in x.entities]
        [('organization/netflix', 'Q907311', 2)]
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    all_mentions = list(mentions)
    for r in relations:
        all_mentions += [r.subject, r.object]
    mapping = resolve_mentions(all_mentions, document, gaz)
    triples: dict[tuple[str, str, str], Triple] = {}
    for rel in sorted(relations, key=lambda r: -r.confidence):
        s = mapping[(rel.subject.start, rel.subject.end, rel.subject.type)]
        o = mapping[(rel.object.start, rel.object.end, rel.object.type)]
        predicate = fit(rel.predicate, s.type, o.type, subject_key=s.key, object_key=o.key)
        if predicate is None:
            continue
        triples.setdefault((s.key, predicate, o.key), Triple(s, predicate, o, rel))
    used = {t.subject.key for t in triples.values()} | {t.object.key for t in triples.values()}
    entities = {e.key: e for e in mapping.values() if e.type not in ("Misc", "Quote") or e.key in used}
    ordered = sorted(triples.values(), key=lambda t: (t.evidence.sent_start, t.predicate))
    return Extraction(document, sorted(entities.values(), key=lambda e: e.mentions[0].start), ordered)
