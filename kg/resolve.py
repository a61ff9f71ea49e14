"""Resolve stage: mentions to entities, one node per real entity within a document.

* known names and aliases link to the gazetteer's canonical label (and Wikidata id);
* a bare surname after a full name is that person ("Sarandos" -> "Ted Sarandos");
  two different full names that share a surname are never merged;
* concept mentions contained in a longer one of the same document are one concept
  ("l'IA" and "IA générative");
* the same name with different NER labels gets one type (gazetteer > context > relation > NER).

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

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
from kg.text import fold, slug

_LEGAL = re.compile(r"(?:,?\s+(?:inc|inc\.|ltd|llc|plc|sa|sas|s\.a\.|corp|corporation|group|groupe|gmbh|ag|co\.|company))+\.?$",
                    re.IGNORECASE)
_PRIORITY = {"gazetteer": 4, "context": 3, "relation": 2, "ner": 1}


def _priority(m: Mention) -> int:
    if ">" in m.source:
        return _PRIORITY["relation"]
    return _PRIORITY.get(m.source.split(":")[0], 0)


def strip_legal(name: str) -> str:
    """Drop legal suffixes: ``Netflix, Inc.`` -> ``Netflix``.

    Example:
        >>> strip_legal("Ubisoft Entertainment SA")
        'Ubisoft Entertainment'
    """
    stripped = _LEGAL.sub("", name).strip(" ,")
    return stripped or name


def clean_surface(text: str) -> str:
    """Trim elided articles and stray punctuation from a mention's text."""
    text = text.strip().strip(",;:")
    return re.sub(r"^(?:l['’]|d['’])(?=[A-ZÉ])", "", text)


def entity_key(type_: str, label: str) -> str:
    """Stable key ``type/slug`` of an entity (its IRI path in the store)."""
    if type_ == "Quote":
        return "quote/" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:16]
    return f"{type_.lower()}/{slug(label)}"


def resolve_mentions(mentions: list[Mention], document: Document,
                     gazetteer: Gazetteer | None = None) -> dict[tuple[int, int, str], Entity]:
    """Map every mention (by ``(start, end, type)``) to its entity within one document."""
    gaz = gazetteer if gazetteer is not None else _empty_gazetteer()
    by_surface: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type != "Quote":
            by_surface[fold(strip_legal(clean_surface(m.text)))].append(m)
    # one type per surface form
    surface_type: dict[str, str] = {}
    for key, ms in by_surface.items():
        best = max(ms, key=lambda m: (_priority(m), m.type != "Misc"))
        votes = Counter(m.type for m in ms if _priority(m) == _priority(best))
        surface_type[key] = votes.most_common(1)[0][0]
    # canonical label per surface form
    canonical: dict[str, tuple[str, str, str | None]] = {}  # surface -> (label, type, qid)
    persons = [k for k, t in surface_type.items() if t == "Person"]
    concepts = [k for k, t in surface_type.items() if t == "Concept"]
    display = {k: clean_surface(strip_legal(by_surface[k][0].text)) for k in by_surface}
    for key, type_ in surface_type.items():
        entry = gaz.lookup(display[key], type_ if type_ != "Misc" else None) or gaz.lookup(by_surface[key][0].text,
                                                                                              type_ if type_ != "Misc" else None)
        if entry is not None:
            canonical[key] = (entry.label, entry.type, entry.wikidata)
            continue
        label = display[key]
        if type_ == "Person" and len(key.split()) == 1:
            full = [p for p in persons if len(p.split()) > 1 and p.split()[-1] == key]
            if len(full) == 1:  # only when unambiguous within the document
                label = display[full[0]]
        elif type_ == "Concept":
            longer = [c for c in concepts if c != key and set(key.split()) < set(c.split())]
            if len(longer) == 1:
                label = display[longer[0]]
        canonical[key] = (label, type_, None)
    entities: dict[str, Entity] = {}
    out: dict[tuple[int, int, str], Entity] = {}
    for m in mentions:
        if m.type == "Quote":
            label, type_, qid = m.text, "Quote", None
        else:
            label, type_, qid = canonical[fold(strip_legal(clean_surface(m.text)))]
            if type_ == "Misc":
                type_ = m.type if m.type != "Misc" else "Misc"
        key = entity_key(type_, label)
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key=key, label=label, type=type_, wikidata=qid)
            ent.aliases.add(label)
        ent.aliases.add(clean_surface(m.text) if type_ != "Quote" else label)
        ent.mentions.append(m)
        out[(m.start, m.end, m.type)] = ent
    return out


def _empty_gazetteer() -> Gazetteer:
    return Gazetteer([])


def resolve_document(document: Document, mentions: list[Mention], relations: list[Relation],
                     gazetteer: Gazetteer | None = None) -> Extraction:
    """Build the document's :class:`Extraction`: resolved entities and deduplicated triples.

    Each triple keeps the evidence of the first relation that asserted it (highest confidence first).
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
        if s.key == o.key or s.type == "Misc" or o.type == "Misc":
            continue
        triples.setdefault((s.key, rel.predicate, o.key), Triple(s, rel.predicate, o, rel))
    used = {t.subject.key for t in triples.values()} | {t.object.key for t in triples.values()}
    entities = {e.key: e for e in mapping.values() if e.type not in ("Misc", "Quote") or e.key in used}
    ordered = sorted(triples.values(), key=lambda t: (t.evidence.sent_start, t.predicate))
    return Extraction(document, sorted(entities.values(), key=lambda e: e.mentions[0].start), ordered)
