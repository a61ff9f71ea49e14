"""Cross-document resolution: the alias registry, one node per real entity in the store.

The registry is a plain TSV file that users can read and edit,
``<store dir>/registry.tsv`` (columns ``id label type aliases wikidata never_merge``,
lists separated by ``|``), with its mention counts per article in
``registry-mentions.tsv`` beside it. :func:`load_registry` and :func:`save_registry`
are the only functions that touch files (with the journal and the snapshot index below).

``kg build`` does not read the whole registry: ``load_registry(store, lazy=True)`` opens
``registry-index.sqlite``, an index of the snapshot (entries by id, name key, Wikidata id
and never-merge partner; mention counts by article and entry) kept beside the TSV files,
and reads only the entries a build looks up. At the end of the build the changed rows are
merged into the sorted TSV files (unchanged rows are copied as they are) and into the
index. The index is derived data: when the TSV files were changed by anything else (a
hand edit, ``kg merge``), it no longer matches their size and time stamp and is rebuilt
from them once, and that build rewrites the files in full.

:func:`canonicalise` maps each entity of an article (already resolved within the
article by :mod:`kg.resolve`) to a registry entry:

* by Wikidata id (the gazetteer's); gazetteer entries sharing a QID are one entity
  (``IA``/``AI``), with a preferred label per language;
* by normalised name (case, accents, punctuation, legal suffixes ignored) of its label
  or of an alias (an acronym the text defined, a gazetteer alias), only between
  compatible types;
* never by a bare surname: ``Peters`` in one article is not the ``Greg Peters`` of
  another, and two full names sharing a surname are different keys;
* never across a ``never_merge`` pair (written by :func:`split`, or by hand).

Unseen entities get new entries. Ids are ``type/slug`` of the canonical label (the
gazetteer's, else the fullest name seen), so a rebuild gives the same IRIs on any
machine; when a later article brings a fuller name for an entry, the entry is re-keyed
and :attr:`Registry.renames` records ``old -> new`` for :func:`rewrite_iris`.

The entities :func:`canonicalise` returns (:class:`StoreEntity`) carry the entry's
canonical label as ``label`` (the store's one ``rdfs:label``), the label of the article's
language as ``pref_label`` (``skos:prefLabel``, one per language) and every surface form
of the article as aliases (``skos:altLabel``). Their triples are checked again against
the ontology with the registry's types (:func:`kg.schema.fit`): merging never yields a
self-loop or a triple whose domain or range does not fit.

Example:
    >>> from kg.records import Document, Entity, Extraction
    >>> reg = Registry()
    >>> a = Extraction(Document("a", "Netflix, Inc.", "en"), [Entity("organization/netflix", "Netflix", "Organization", {"Netflix, Inc."})], [])
    >>> b = Extraction(Document("b", "NETFLIX", "en"), [Entity("organization/netflix", "NETFLIX", "Organization", {"NETFLIX"})], [])
    >>> [e.key for x in canonicalise_all([a, b], reg) for e in x.entities]
    ['organization/netflix', 'organization/netflix']
    >>> sorted(reg.entries["organization/netflix"].aliases)
    ['NETFLIX', 'Netflix', 'Netflix, Inc.']
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import Errors, ResolveError
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.records import ENTITY_TYPES, Entity, Extraction, Mention, Triple
from kg.resolve import (canonical_label, clean_surface, compatible_types, entity_key, is_acronym, is_scoped, name_key,
                        strip_legal)
from kg.schema import fit
from kg.text import fold

if TYPE_CHECKING:
    from rdflib import Dataset, URIRef

__all__ = [
    "COLUMNS",
    "DEFAULT_STORE",
    "Registry",
    "RegistryEntry",
    "build_index",
    "StoreEntity",
    "canonicalise",
    "canonicalise_all",
    "commit_registry",
    "entities_table",
    "find_entity",
    "list_entities",
    "load_registry",
    "merge",
    "merge_entities",
    "recover_registry",
    "registry_path",
    "rewrite_iris",
    "save_registry",
    "split",
    "split_entity",
    "stage_registry",
]

#: Columns of ``registry.tsv``.
COLUMNS = ["id", "label", "type", "aliases", "wikidata", "never_merge"]
MENTION_COLUMNS = ["article", "id", "mentions"]
DEFAULT_STORE = Path("output/store")
REGISTRY_FILE = "registry.tsv"
MENTIONS_FILE = "registry-mentions.tsv"
JOURNAL_FILE = "registry-journal.jsonl"
INDEX_FILE = "registry-index.sqlite"
NEXT = ".next"


@dataclass(slots=True)
class RegistryEntry:
    """One canonical entity.

    Attributes:
        id: Its key ``type/slug`` (IRI path in the store).
        label: Canonical label.
        type: Ontology class name.
        aliases: Every surface form seen (and every name added by hand).
        wikidata: Wikidata QID when linked.
        never_merge: Ids of entries it must never be merged with.
    """

    id: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    never_merge: set[str] = field(default_factory=set)


@dataclass(slots=True)
class StoreEntity(Entity):
    """An entity as the store describes it: ``label`` is the registry's canonical label and
    ``pref_label`` the preferred label in the article's language (``None``: ``label``)."""

    pref_label: str | None = None


_NameKey = tuple[str, str]


class _Entries(dict):
    """The entries of a :class:`Registry` by id: a dict that keeps the registry's indexes
    up to date when an entry is added, replaced or removed."""

    __slots__ = ("_registry",)

    def __init__(self, registry: Registry, entries: Mapping[str, RegistryEntry] | None = None) -> None:
        super().__init__()
        self._registry = registry
        for id_, entry in (entries or {}).items():
            self[id_] = entry

    # A registry loaded lazily (``load_registry(..., lazy=True)``) reads an entry from the
    # snapshot index the first time its id is asked for; whole-dict views read them all.

    def __contains__(self, id_: object) -> bool:
        if self._registry._source is not None:
            self._registry._fault(id_)  # type: ignore[arg-type]
        return super().__contains__(id_)

    def __getitem__(self, id_: str) -> RegistryEntry:
        if self._registry._source is not None:
            self._registry._fault(id_)
        return super().__getitem__(id_)

    def get(self, id_: str, default: RegistryEntry | None = None) -> RegistryEntry | None:  # type: ignore[override]
        if self._registry._source is not None:
            self._registry._fault(id_)
        return super().get(id_, default)

    def __iter__(self):  # type: ignore[no-untyped-def]
        self._registry._load_all()
        return super().__iter__()

    def __len__(self) -> int:
        self._registry._load_all()
        return super().__len__()

    def keys(self):  # type: ignore[no-untyped-def]
        self._registry._load_all()
        return super().keys()

    def values(self):  # type: ignore[no-untyped-def]
        self._registry._load_all()
        return super().values()

    def items(self):  # type: ignore[no-untyped-def]
        self._registry._load_all()
        return super().items()

    def __setitem__(self, id_: str, entry: RegistryEntry) -> None:
        if id_ in self:
            self._registry._unindex(super().__getitem__(id_))
        super().__setitem__(id_, entry)
        self._registry._index(entry)

    def __delitem__(self, id_: str) -> None:
        registry = self._registry
        if registry._source is not None:
            registry._fault(id_)
            registry._fault_articles_of(id_)  # their count rows lose this id when the files are merged
            registry._dirty_articles.update(registry._articles_of.get(id_, ()))
        registry._unindex(super().__getitem__(id_))
        super().__delitem__(id_)

    def pop(self, id_: str, *default: RegistryEntry | None) -> RegistryEntry | None:  # type: ignore[override]
        if id_ in self:
            entry = super().__getitem__(id_)
            del self[id_]
            return entry
        if default:
            return default[0]
        raise KeyError(id_)

    def setdefault(self, id_: str, entry: RegistryEntry) -> RegistryEntry:  # type: ignore[override]
        if id_ not in self:
            self[id_] = entry
        return super().__getitem__(id_)

    def update(self, *args: object, **kwargs: RegistryEntry) -> None:  # type: ignore[override]
        for id_, entry in dict(*args, **kwargs).items():  # type: ignore[arg-type]
            self[id_] = entry

    def clear(self) -> None:
        for id_ in list(self):
            del self[id_]


def _name_keys(entry: RegistryEntry, names: Iterable[str]) -> set[_NameKey]:
    """The ``(type, name key)`` pairs ``names`` of ``entry`` are indexed under (no bare surnames)."""
    keys = {(entry.type, name_key(n)) for n in names}
    if entry.type == "Person":
        keys = {k for k in keys if len(k[1].split()) >= 2}
    return keys


class Registry:
    """The canonical entities of a store, with incremental indexes.

    Lookups by name key and by Wikidata id, never-merge partners and the articles that
    mention an entry are dict operations on indexes kept up to date when an entry is
    added, renamed, merged or edited; registering an article never rebuilds them. Change
    entries through ``entries[id] = ...`` / ``del entries[id]`` and the ``add_*`` /
    ``set_*`` methods, so that the indexes follow.

    Attributes:
        entries: Entries by id.
        counts: Mentions per article (content hash) and entry id.
        renames: Ids replaced since loading (``old -> new``), for :meth:`kg.store.Store.rename_iris`.
        index_builds: How many times the indexes were built from scratch (once per
            :attr:`entries` or :attr:`counts` assignment; registering does not add any).

    Example:
        >>> reg = Registry({"organization/netflix": RegistryEntry("organization/netflix", "Netflix", "Organization", {"NFLX"})})
        >>> reg.lookup("Organization", "NETFLIX"), reg.lookup("Organization", "nflx")
        ({'organization/netflix'}, {'organization/netflix'})
        >>> reg.add_aliases(reg.entries["organization/netflix"], {"Netflix, Inc."})
        >>> reg.lookup("Organization", "Netflix Inc"), reg.index_builds
        ({'organization/netflix'}, 1)
    """

    def __init__(self, entries: Mapping[str, RegistryEntry] | None = None,
                 counts: Mapping[str, Mapping[str, int]] | None = None,
                 renames: Mapping[str, str] | None = None) -> None:
        self.renames: dict[str, str] = dict(renames or {})
        self.index_builds = 0
        self._by_name: dict[_NameKey, set[str]] = defaultdict(set)
        self._by_qid: dict[str, set[str]] = defaultdict(set)
        self._keys_of: dict[str, set[_NameKey]] = {}
        self._apart_from: dict[str, set[str]] = defaultdict(set)  # p -> entries whose never_merge holds p
        self._articles_of: dict[str, set[str]] = defaultdict(set)
        self._entries = _Entries(self)
        self._counts: dict[str, dict[str, int]] = {}
        self._changed_entries: set[str] = set()  # since the last take_changes(), for the journal
        self._changed_articles: set[str] = set()
        self._dirty_entries: set[str] = set()  # since loading: what a lazy registry's save writes
        self._dirty_articles: set[str] = set()
        # lazy loading (load_registry(..., lazy=True)): the snapshot index, and what was read from it
        self._source: _SnapshotIndex | None = None  # None: everything is in memory
        self._snapshot: _SnapshotIndex | None = None
        self._faulted: set[str] = set()  # ids asked for (found or not)
        self._faulted_keys: set[str] = set()
        self._faulted_qids: set[str] = set()
        self._faulted_apart: set[str] = set()
        self._faulted_articles_of: set[str] = set()
        self._loaded_articles: set[str] = set()
        #: Entries read from the snapshot index (a lazy registry's reads; 0 for an eager one).
        self.snapshot_reads = 0
        self.entries = entries or {}  # type: ignore[assignment]
        self.counts = counts or {}  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Registry({dict.__len__(self._entries)} entries, {len(self._counts)} articles)"

    # ------------------------------------------------------------------ data

    @property
    def entries(self) -> dict[str, RegistryEntry]:
        """Entries by id (a dict that updates the indexes)."""
        return self._entries

    @entries.setter
    def entries(self, entries: Mapping[str, RegistryEntry]) -> None:
        self._source = self._snapshot = None  # the given entries are the whole registry
        self.index_builds += 1
        self._by_name.clear()
        self._by_qid.clear()
        self._keys_of.clear()
        self._apart_from.clear()
        self._entries = _Entries(self, entries)

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Mentions per article (content hash) and entry id. Change them with :meth:`count`
        and :meth:`reset_article`."""
        return self._counts

    @counts.setter
    def counts(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        self._counts = {article: dict(c) for article, c in counts.items()}
        self._articles_of.clear()
        for article, c in self._counts.items():
            for id_ in c:
                self._articles_of[id_].add(article)

    # ------------------------------------------------------------------ lazy loading

    def _fault(self, id_: str) -> None:
        """Read entry ``id_`` from the snapshot index, the first time it is asked for."""
        if self._source is None or id_ in self._faulted:
            return
        self._faulted.add(id_)
        entry = self._source.entry(id_)
        if entry is not None and not dict.__contains__(self._entries, id_):
            self._adopt(entry)

    def _adopt(self, entry: RegistryEntry) -> None:
        """Put an entry read from the snapshot in memory, indexed (not a change)."""
        self.snapshot_reads += 1
        dict.__setitem__(self._entries, entry.id, entry)
        self._index(entry, change=False)

    def _fault_key(self, key: str) -> None:
        if self._source is None or key in self._faulted_keys:
            return
        self._faulted_keys.add(key)
        for id_ in self._source.ids("names", "key", key):
            self._fault(id_)

    def _fault_qid(self, qid: str) -> None:
        if self._source is None or qid in self._faulted_qids:
            return
        self._faulted_qids.add(qid)
        for id_ in self._source.ids("qids", "qid", qid):
            self._fault(id_)

    def _fault_apart(self, partner: str) -> None:
        if self._source is None or partner in self._faulted_apart:
            return
        self._faulted_apart.add(partner)
        for id_ in self._source.ids("apart", "partner", partner):
            self._fault(id_)

    def _fault_article(self, article: str) -> None:
        if self._source is None or article in self._loaded_articles:
            return
        self._loaded_articles.add(article)
        counts = self._source.counts_of(article)
        if counts:
            self._counts[article] = counts
            for id_ in counts:
                self._articles_of[id_].add(article)

    def _fault_articles_of(self, id_: str) -> None:
        if self._source is None or id_ in self._faulted_articles_of:
            return
        self._faulted_articles_of.add(id_)
        for article in self._source.articles_of(id_):
            self._fault_article(article)

    def _load_all(self) -> None:
        """Read every entry and count of the snapshot index (then the registry is whole in memory)."""
        source = self._source
        if source is None:
            return
        for entry in source.all_entries():
            if entry.id not in self._faulted:
                self._faulted.add(entry.id)
                if not dict.__contains__(self._entries, entry.id):
                    self._adopt(entry)
        for article in source.all_articles():
            self._fault_article(article)
        self._source = None  # nothing left to read

    @property
    def unsaved(self) -> int:
        """About how many entries changed since loading (what a save of a lazy registry writes)."""
        return len(self._dirty_entries) + len(self._changed_entries)

    @property
    def lazy(self) -> bool:
        """Whether entries are read from the snapshot index on demand (``load_registry(..., lazy=True)``)."""
        return self._snapshot is not None

    # ------------------------------------------------------------------ indexes

    def _index(self, entry: RegistryEntry, *, change: bool = True) -> None:
        if change:
            self._changed_entries.add(entry.id)
        for p in entry.never_merge:
            self._apart_from[p].add(entry.id)
        if is_scoped(entry.id):
            return
        if entry.wikidata:
            self._by_qid[entry.wikidata].add(entry.id)
        keys = self._keys_of[entry.id] = _name_keys(entry, {entry.label, *entry.aliases})
        for key in keys:
            self._by_name[key].add(entry.id)

    def _unindex(self, entry: RegistryEntry) -> None:
        self._changed_entries.add(entry.id)
        for p in entry.never_merge:
            _discard(self._apart_from, p, entry.id)
        if entry.wikidata:
            _discard(self._by_qid, entry.wikidata, entry.id)
        for key in self._keys_of.pop(entry.id, ()):
            _discard(self._by_name, key, entry.id)

    def index(self) -> tuple[dict[_NameKey, set[str]], dict[str, set[str]]]:
        """``((type, name key) -> ids, qid -> ids)`` over the labels and aliases usable for
        matching: the live indexes (nothing is rebuilt).

        Article-scoped entries and one-word person aliases (surnames) are not indexed.
        A lazily loaded registry reads every entry first.
        """
        self._load_all()
        return self._by_name, self._by_qid

    def named(self, type_: str, key: str) -> set[str]:
        """Ids of the entries of ``type_`` indexed under name key ``key`` (the live set: do not change it)."""
        self._fault_key(key)
        return self._by_name.get((type_, key), set())

    def lookup(self, type_: str, name: str) -> set[str]:
        """Ids of the entries of ``type_`` known by ``name`` (normalised name key)."""
        return set(self.named(type_, name_key(name)))

    def by_wikidata(self, qid: str) -> set[str]:
        """Ids of the entries linked to Wikidata id ``qid``."""
        self._fault_qid(qid)
        return set(self._by_qid.get(qid, ()))

    def partners(self, id_: str) -> set[str]:
        """The entries ``id_`` must never be merged with (either side of the pair)."""
        self._fault_apart(id_)
        entry = self._entries.get(id_)
        mine = entry.never_merge if entry else set()
        return {p for p in mine | self._apart_from.get(id_, set()) if p in self._entries}

    def articles_of(self, id_: str) -> set[str]:
        """Articles (content hashes) whose mention counts name ``id_``."""
        self._fault_articles_of(id_)
        return set(self._articles_of.get(id_, ()))

    def article_counts(self, article: str) -> dict[str, int]:
        """Mentions per entry id in ``article`` (the live dict: do not change it)."""
        self._fault_article(article)
        return self._counts.get(article, {})

    # ------------------------------------------------------------------ edits

    def add_aliases(self, entry: RegistryEntry, names: Iterable[str]) -> None:
        """Add surface forms to ``entry`` (an entry of this registry) and index them."""
        new = set(names) - entry.aliases
        if not new:
            return
        self._changed_entries.add(entry.id)
        entry.aliases |= new
        if entry.id in self._keys_of:
            keys = _name_keys(entry, new) - self._keys_of[entry.id]
            self._keys_of[entry.id] |= keys
            for key in keys:
                self._by_name[key].add(entry.id)

    def remove_aliases(self, entry: RegistryEntry, names: Iterable[str]) -> None:
        """Take surface forms out of ``entry`` (its label stays)."""
        self._unindex(entry)
        entry.aliases -= set(names)
        self._index(entry)

    def set_wikidata(self, entry: RegistryEntry, qid: str | None) -> None:
        """Link ``entry`` to Wikidata id ``qid``."""
        if qid == entry.wikidata:
            return
        self._unindex(entry)
        entry.wikidata = qid
        self._index(entry)

    def set_label(self, entry: RegistryEntry, label: str) -> None:
        """Give ``entry`` another canonical label (its id stays)."""
        if label == entry.label:
            return
        self._unindex(entry)
        entry.label = label
        self._index(entry)

    def add_never_merge(self, id_: str, other: str) -> None:
        """Record that ``id_`` must never be merged with ``other``."""
        entry = self._entries[id_]
        self._changed_entries.add(id_)
        entry.never_merge.add(other)
        self._apart_from[other].add(id_)

    def count(self, article: str, id_: str, n: int = 1) -> None:
        """Add ``n`` mentions of entry ``id_`` in ``article``."""
        self._fault_article(article)
        self._changed_articles.add(article)
        counts = self._counts.setdefault(article, {})
        counts[id_] = counts.get(id_, 0) + n
        self._articles_of[id_].add(article)

    def reset_article(self, article: str) -> None:
        """Forget the mention counts of ``article`` (before it is registered again)."""
        self._loaded_articles.add(article)  # its stored counts are not needed any more
        for id_ in self._counts.get(article, {}):
            _discard(self._articles_of, id_, article)
        self._counts[article] = {}
        self._changed_articles.add(article)

    def move(self, old: str, new: RegistryEntry) -> None:
        """Replace entry ``old`` by ``new`` (another id): never-merge pairs and mention
        counts follow, and :attr:`renames` records ``old -> new.id``. Touches only the
        entries and articles that name ``old`` (through the indexes)."""
        self._fault_apart(old)
        self._fault_articles_of(old)
        del self._entries[old]
        self.renames[old] = new.id
        for other_id in list(self._apart_from.get(old, ())):
            other = self._entries.get(other_id)
            if other is not None:
                self._unindex(other)
                other.never_merge = (other.never_merge - {old}) | {new.id}
                self._index(other)
        self._apart_from.pop(old, None)
        for article in self._articles_of.pop(old, set()):
            self._changed_articles.add(article)
            counts = self._counts[article]
            counts[new.id] = counts.get(new.id, 0) + counts.pop(old)
            self._articles_of[new.id].add(article)
        self._entries[new.id] = new

    def take_changes(self) -> tuple[set[str], set[str]]:
        """The entry ids and articles changed since the last call (then forgotten): what a
        journal record of :func:`stage_registry` must hold."""
        changed = (self._changed_entries, self._changed_articles)
        self._dirty_entries |= self._changed_entries
        self._dirty_articles |= self._changed_articles
        self._changed_entries, self._changed_articles = set(), set()
        return changed

    # ------------------------------------------------------------------ queries

    def mentions(self, id_: str) -> int:
        """Total mentions of entry ``id_`` in the articles seen."""
        self._fault_articles_of(id_)
        return sum(self._counts[a].get(id_, 0) for a in self._articles_of.get(id_, ()))

    def articles(self, id_: str) -> int:
        """Number of articles that mention entry ``id_``."""
        self._fault_articles_of(id_)
        return sum(1 for a in self._articles_of.get(id_, ()) if self._counts[a].get(id_))

    def current(self, id_: str) -> str:
        """The id ``id_`` became (following renames and merges)."""
        seen = set()
        while id_ in self.renames and id_ not in seen:
            seen.add(id_)
            id_ = self.renames[id_]
        return id_

    def apart(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are a never-merge pair."""
        ea, eb = self._entries.get(a), self._entries.get(b)
        return bool(ea and b in ea.never_merge or eb and a in eb.never_merge)


def _discard(index: dict[str, set[str]] | dict[_NameKey, set[str]], key: object, value: str) -> None:
    found = index.get(key)  # type: ignore[call-overload]
    if found is not None:
        found.discard(value)
        if not found:
            del index[key]  # type: ignore[arg-type]


def build_index(registry: Registry) -> tuple[dict[_NameKey, set[str]], dict[str, set[str]]]:
    """The indexes of :meth:`Registry.index` computed from scratch over every entry (for
    checks: the live indexes must always equal it).

    Example:
        >>> reg = Registry({"person/ted-sarandos": RegistryEntry("person/ted-sarandos", "Ted Sarandos", "Person", {"Sarandos"})})
        >>> build_index(reg) == tuple(dict(i) for i in reg.index())
        True
    """
    by_name: dict[_NameKey, set[str]] = defaultdict(set)
    by_qid: dict[str, set[str]] = defaultdict(set)
    for e in registry.entries.values():
        if is_scoped(e.id):
            continue
        if e.wikidata:
            by_qid[e.wikidata].add(e.id)
        for key in _name_keys(e, {e.label, *e.aliases}):
            by_name[key].add(e.id)
    return dict(by_name), dict(by_qid)


# --- file I/O (the only functions that touch files) -------------------------------------

def registry_path(store_dir: str | Path = DEFAULT_STORE) -> Path:
    """Path of the registry file of a store.

    Example:
        >>> registry_path("output/store").as_posix()
        'output/store/registry.tsv'
    """
    return Path(store_dir) / REGISTRY_FILE


def _split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def _entry_from_row(row: list[str], path: Path, lineno: int) -> RegistryEntry | None:
    """The entry of one ``registry.tsv`` row (``None`` for a blank or comment line).

    Raises:
        ResolveError: [E050] naming the line of a malformed row.
    """
    if not "".join(row).strip() or row[0].startswith("#"):
        return None
    row = row + [""] * (len(COLUMNS) - len(row))
    id_, label, type_, aliases, qid, never = (c.strip() for c in row[:len(COLUMNS)])
    if not id_ or not label or "/" not in id_:
        raise ResolveError(Errors.E050.format(path=path, line=lineno, detail="id (type/slug) and label are required"))
    if type_ not in ENTITY_TYPES:
        raise ResolveError(Errors.E050.format(path=path, line=lineno, detail=f"unknown type '{type_}'"))
    return RegistryEntry(id_, label, type_, {label, *_split_list(aliases)}, qid or None, set(_split_list(never)))


def _read_entries(path: Path) -> Iterator[RegistryEntry]:
    """The entries of ``registry.tsv``, in file order.

    Raises:
        ResolveError: [E050] naming the line of a malformed row or a duplicate id.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if not header or header[:len(COLUMNS)] != COLUMNS:
            raise ResolveError(Errors.E050.format(path=path, line=1, detail="header must be: " + " ".join(COLUMNS)))
        seen: set[str] = set()
        for lineno, row in enumerate(rows, start=2):
            entry = _entry_from_row(row, path, lineno)
            if entry is None:
                continue
            if entry.id in seen:
                raise ResolveError(Errors.E050.format(path=path, line=lineno, detail=f"duplicate id '{entry.id}'"))
            seen.add(entry.id)
            yield entry


def _read_counts(path: Path, known: Callable[[str], bool]) -> Iterator[tuple[str, str, int]]:
    """``(article, id, mentions)`` rows of ``registry-mentions.tsv`` naming a known entry."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        for row in rows:
            if len(row) == 3 and known(row[1]) and row[2].isdigit():
                yield row[0], row[1], int(row[2])


def load_registry(store_dir: str | Path = DEFAULT_STORE, *, lazy: bool = False) -> Registry:
    """Read the registry of a store (an empty one when the file does not exist yet): the
    snapshot ``registry.tsv`` / ``registry-mentions.tsv``, then the changes recorded since in
    ``registry-journal.jsonl`` (see :func:`stage_registry`).

    Args:
        store_dir: The store directory.
        lazy: Read entries from the snapshot index (``registry-index.sqlite``, built from the
            TSV files when missing or out of date) only when they are asked for, so that
            opening costs what the caller reads, not the size of the registry. Whole-registry
            views (iterating :attr:`Registry.entries`, :meth:`Registry.index`) read all.
            Only a writer may use it (the index is updated in place); :func:`commit_registry`
            saves a lazy registry by merging its changed rows into the files.

    Raises:
        ResolveError: [E050] naming the line of a malformed row.

    Example:
        >>> load_registry("/nonexistent").entries
        {}
    """
    if lazy:
        reg = Registry()
        reg._snapshot = index = _SnapshotIndex.open(store_dir)
        reg._source = None if index.empty() else index  # a new store: nothing to look up
    else:
        path = registry_path(store_dir)
        reg = Registry()
        if path.is_file():
            for entry in _read_entries(path):
                reg.entries[entry.id] = entry
        counts_path = path.with_name(MENTIONS_FILE)
        if counts_path.is_file():
            for article, id_, n in _read_counts(counts_path, reg.entries.__contains__):
                reg.count(article, id_, n)
    for record in _journal_records(store_dir):
        _replay(reg, record)
    reg.take_changes()
    return reg


def _tsv_writer(handle: io.TextIOBase | io.StringIO) -> csv._writer:  # type: ignore[name-defined]
    return csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")


def _mentions_writer(handle: io.TextIOBase | io.StringIO) -> csv._writer:  # type: ignore[name-defined]
    return csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")


def _entry_row(e: RegistryEntry) -> list[str]:
    """The ``registry.tsv`` cells of an entry."""
    aliases = sorted({_cell(a) for a in e.aliases} - {_cell(e.label)}, key=lambda a: (fold(a), a))
    return [e.id, _cell(e.label), e.type, "|".join(aliases), e.wikidata or "", "|".join(sorted(e.never_merge))]


def _write_files(registry: Registry, path: Path, mentions_path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = _tsv_writer(handle)
        writer.writerow(COLUMNS)
        for e in sorted(registry.entries.values(), key=lambda e: e.id):
            writer.writerow(_entry_row(e))
    with mentions_path.open("w", encoding="utf-8", newline="") as handle:
        writer = _mentions_writer(handle)
        writer.writerow(MENTION_COLUMNS)
        for article in sorted(registry.counts):
            for id_, n in sorted(registry.counts[article].items()):
                if id_ in registry.entries:
                    writer.writerow([article, id_, n])


# --- the snapshot index of a lazily loaded registry ----------------------------------------

def _digest(store_dir: str | Path) -> str:
    """SHA-1 of the two snapshot files' contents (``-`` for an absent one): what tells a copied
    store (new inodes and times, same files) from an edited one."""
    path = registry_path(store_dir)
    parts = []
    for f in (path, path.with_name(MENTIONS_FILE)):
        try:
            with f.open("rb") as handle:
                parts.append(hashlib.file_digest(handle, "sha1").hexdigest())
        except OSError:
            parts.append("-")
    return " ".join(parts)


def _fingerprint(store_dir: str | Path) -> str:
    """Size, modification time and inode of the two snapshot files (``-`` when absent)."""
    path = registry_path(store_dir)
    parts = []
    for f in (path, path.with_name(MENTIONS_FILE)):
        try:
            st = f.stat()
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
    return " ".join(parts)


class _SnapshotIndex:
    """``registry-index.sqlite``: the snapshot (``registry.tsv`` + ``registry-mentions.tsv``)
    indexed for the lookups a build makes, so that a lazily loaded :class:`Registry` reads
    only the entries it needs. Derived data: it records the fingerprint of the files it
    holds (:func:`_fingerprint`) and is rebuilt from them when they differ.

    Attributes:
        ours: Whether the files were last written by :func:`commit_registry` from this
            index (sorted, normalised): their rows can then be merged rather than rewritten.
        rebuilt: Whether opening rebuilt the index from the files (a whole-registry read).
    """

    _SCHEMA = """
        CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, label TEXT, type TEXT, aliases TEXT,
                                            wikidata TEXT, never TEXT);
        CREATE TABLE IF NOT EXISTS names (key TEXT, id TEXT);
        CREATE TABLE IF NOT EXISTS qids (qid TEXT, id TEXT);
        CREATE TABLE IF NOT EXISTS apart (partner TEXT, id TEXT);
        CREATE TABLE IF NOT EXISTS counts (article TEXT, id TEXT, n INTEGER);
        CREATE INDEX IF NOT EXISTS names_key ON names (key);
        CREATE INDEX IF NOT EXISTS names_id ON names (id);
        CREATE INDEX IF NOT EXISTS qids_qid ON qids (qid);
        CREATE INDEX IF NOT EXISTS qids_id ON qids (id);
        CREATE INDEX IF NOT EXISTS apart_partner ON apart (partner);
        CREATE INDEX IF NOT EXISTS apart_id ON apart (id);
        CREATE INDEX IF NOT EXISTS counts_article ON counts (article);
        CREATE INDEX IF NOT EXISTS counts_id ON counts (id);
    """

    def __init__(self, store_dir: str | Path, con: sqlite3.Connection) -> None:
        self.store_dir = Path(store_dir)
        self.con = con
        self.ours = False
        self.rebuilt = False

    @classmethod
    def open(cls, store_dir: str | Path) -> _SnapshotIndex:
        """Open (create, or rebuild when out of date) the index of a store's registry."""
        store_dir = Path(store_dir)
        store_dir.mkdir(parents=True, exist_ok=True)
        path = store_dir / INDEX_FILE
        try:
            con = sqlite3.connect(path)
            con.executescript(cls._SCHEMA)
        except sqlite3.DatabaseError:  # a damaged index: it is derived data, start again
            path.unlink(missing_ok=True)
            con = sqlite3.connect(path)
            con.executescript(cls._SCHEMA)
        index = cls(store_dir, con)
        meta = dict(con.execute("SELECT k, v FROM meta"))
        fingerprint = _fingerprint(store_dir)
        if meta.get("fingerprint") == fingerprint:
            index.ours = meta.get("ours") == "1"
        elif meta.get("digest") is not None and meta.get("digest") == _digest(store_dir):
            # the same files under new inodes or times (a copied or restored store): still valid
            with con:
                con.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
            index.ours = meta.get("ours") == "1"
        else:
            index.rebuild()
        return index

    # reading

    def empty(self) -> bool:
        """Whether the snapshot holds no entry and no count."""
        return not any(self.con.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in ("entries", "counts"))

    def entry(self, id_: str) -> RegistryEntry | None:
        row = self.con.execute("SELECT id, label, type, aliases, wikidata, never FROM entries WHERE id = ?",
                               (id_,)).fetchone()
        return _entry_of(row) if row else None

    def ids(self, table: str, column: str, value: str) -> list[str]:
        """Ids of ``table`` (``names``/``qids``/``apart``) whose ``column`` is ``value``."""
        return [r[0] for r in self.con.execute(f"SELECT DISTINCT id FROM {table} WHERE {column} = ?", (value,))]

    def counts_of(self, article: str) -> dict[str, int]:
        return dict(self.con.execute("SELECT id, n FROM counts WHERE article = ?", (article,)))

    def articles_of(self, id_: str) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT DISTINCT article FROM counts WHERE id = ?", (id_,))]

    def all_entries(self) -> Iterator[RegistryEntry]:
        for row in self.con.execute("SELECT id, label, type, aliases, wikidata, never FROM entries").fetchall():
            yield _entry_of(row)

    def all_articles(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT DISTINCT article FROM counts")]

    # writing

    def rebuild(self, *, ours: bool = False) -> None:
        """Index the snapshot files from scratch (reads the whole registry); ``ours``: the files
        were just written by :func:`save_registry` (sorted, normalised)."""
        path = registry_path(self.store_dir)
        entries = list(_read_entries(path)) if path.is_file() else []
        ids = {e.id for e in entries}
        counts: dict[str, dict[str, int]] = {}
        mentions = path.with_name(MENTIONS_FILE)
        if mentions.is_file():
            for article, id_, n in _read_counts(mentions, ids.__contains__):
                c = counts.setdefault(article, {})
                c[id_] = c.get(id_, 0) + n
        with self.con:
            for table in ("entries", "names", "qids", "apart", "counts"):
                self.con.execute(f"DELETE FROM {table}")
            self._insert(entries, counts)
            self.ours = ours or (not entries and not counts)
            self._set_meta(_fingerprint(self.store_dir), ours=self.ours)
        self.rebuilt = True

    def update(self, entries: Iterable[RegistryEntry], deleted: Iterable[str],
               counts: Mapping[str, Mapping[str, int]]) -> None:
        """Replace the rows of changed entries and articles (one transaction), and record
        the fingerprint of the files just written from them."""
        entries = list(entries)
        with self.con:
            for id_ in [*deleted, *(e.id for e in entries)]:
                for table in ("entries", "names", "qids", "apart"):
                    self.con.execute(f"DELETE FROM {table} WHERE id = ?", (id_,))
            for article in counts:
                self.con.execute("DELETE FROM counts WHERE article = ?", (article,))
            self._insert(entries, counts)
            self._set_meta(_fingerprint(self.store_dir), ours=True)
        self.ours = True

    def _insert(self, entries: list[RegistryEntry], counts: Mapping[str, Mapping[str, int]]) -> None:
        con = self.con
        con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                        [(e.id, e.label, e.type, json.dumps(sorted(e.aliases), ensure_ascii=False), e.wikidata,
                          json.dumps(sorted(e.never_merge), ensure_ascii=False)) for e in entries])
        con.executemany("INSERT INTO apart VALUES (?, ?)", [(p, e.id) for e in entries for p in e.never_merge])
        indexed = [e for e in entries if not is_scoped(e.id)]  # as Registry._index does
        con.executemany("INSERT INTO qids VALUES (?, ?)", [(e.wikidata, e.id) for e in indexed if e.wikidata])
        con.executemany("INSERT INTO names VALUES (?, ?)",
                        [(key, e.id) for e in indexed for key in {k for _, k in _name_keys(e, {e.label, *e.aliases})}])
        con.executemany("INSERT INTO counts VALUES (?, ?, ?)",
                        [(a, id_, n) for a, c in counts.items() for id_, n in c.items()])

    def _set_meta(self, fingerprint: str, *, ours: bool) -> None:
        self.con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                             [("fingerprint", fingerprint), ("digest", _digest(self.store_dir)),
                              ("ours", "1" if ours else "0")])

    def close(self) -> None:
        self.con.close()


def _entry_of(row: tuple) -> RegistryEntry:
    id_, label, type_, aliases, qid, never = row
    return RegistryEntry(id_, label, type_, set(json.loads(aliases)), qid, set(json.loads(never)))


def _merge_sorted(old: Path, new: Path, header: str, changed: Mapping[str, list[str]]) -> bool:
    """Write ``new``: the lines of ``old`` (sorted by their first cell), those whose first cell
    is a key of ``changed`` replaced by its lines (none: removed), the other keys inserted in
    order. Reads and writes line by line, without parsing the unchanged lines.

    Returns:
        ``False`` (``new`` left incomplete) when ``old`` is not sorted by its first cell.

    Example:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "old").write_text("h\\n" "a\\t1\\n" "c\\t3\\n" "d\\t4\\n", encoding="utf-8")
        >>> _merge_sorted(d / "old", d / "new", "h\\n", {"b": ["b\\t2\\n"], "c": [], "d": ["d\\t5\\n"]})
        True
        >>> (d / "new").read_text(encoding="utf-8").split()
        ['h', 'a', '1', 'b', '2', 'd', '5']
    """
    pending = sorted(changed)
    i = 0
    last = ""
    with new.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        if old.is_file():
            with old.open(encoding="utf-8", newline="") as handle:
                next(handle, None)  # the header
                for line in handle:
                    key = line.split("\t", 1)[0]
                    if key < last:
                        return False
                    last = key
                    while i < len(pending) and pending[i] < key:
                        out.writelines(changed[pending[i]])
                        i += 1
                    if key in changed:  # replaced: its new lines once, before the first old one
                        if i < len(pending) and pending[i] == key:
                            out.writelines(changed[key])
                            i += 1
                        continue
                    out.write(line)
        for k in pending[i:]:
            out.writelines(changed[k])
    return True


def _save_lazy(registry: Registry, store_dir: str | Path) -> Path:
    """Save a lazily loaded registry: its changed entries and articles merged into the sorted
    snapshot files (unchanged rows copied), then into the snapshot index; the journal goes.
    A file not written by this function before (hand-edited) is rewritten in full instead."""
    index = registry._snapshot
    assert index is not None
    path = registry_path(store_dir)
    mentions = path.with_name(MENTIONS_FILE)
    nxt, mentions_next = path.with_name(path.name + NEXT), mentions.with_name(mentions.name + NEXT)
    registry.take_changes()
    dirty_entries, dirty_articles = registry._dirty_entries, registry._dirty_articles
    merged = False
    if index.ours:
        rows: dict[str, list[str]] = {}
        saved: list[RegistryEntry] = []
        buffer = io.StringIO()
        writer = _tsv_writer(buffer)
        plain = True  # every key written as it is (no escaped character): the files sort by it
        for id_ in dirty_entries:
            entry = registry.entries.get(id_)
            plain = plain and "\t" not in id_ and "\\" not in id_ and '"' not in id_ and "\n" not in id_
            if entry is None:
                rows[id_] = []
                continue
            writer.writerow(_entry_row(entry))
            line = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            plain = plain and line.split("\t", 1)[0] == id_
            rows[id_] = [line]
            # the entry as the file will give it back (cells normalised): what the index holds
            back = _entry_from_row(next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE)), path, 0)
            assert back is not None
            saved.append(back)
        counts: dict[str, dict[str, int]] = {}
        count_rows: dict[str, list[str]] = {}
        mention_writer = _mentions_writer(buffer)
        for article in dirty_articles:
            kept = {i: n for i, n in sorted(registry.article_counts(article).items()) if i in registry.entries}
            counts[article] = kept
            for id_, n in kept.items():
                mention_writer.writerow([article, id_, n])
            count_rows[article] = [buffer.getvalue()] if kept else []
            buffer.seek(0)
            buffer.truncate()
        merged = plain and (_merge_sorted(path, nxt, "\t".join(COLUMNS) + "\n", rows)
                  and _merge_sorted(mentions, mentions_next, "\t".join(MENTION_COLUMNS) + "\n", count_rows))
    if not merged:  # hand-edited files, or the first lazy save of an older store: rewrite in full
        registry._load_all()
        save_registry(registry, store_dir)
        index.rebuild(ours=True)
    else:
        os.replace(mentions_next, mentions)
        os.replace(nxt, path)
        _journal(store_dir).unlink(missing_ok=True)
        index.update(saved, [i for i, r in rows.items() if not r], counts)
    registry._dirty_entries, registry._dirty_articles = set(), set()
    return path


def _journal(store_dir: str | Path) -> Path:
    return registry_path(store_dir).with_name(JOURNAL_FILE)


def _journal_records(store_dir: str | Path) -> list[dict]:
    """The complete records of the journal (a last line cut by a kill is left out)."""
    path = _journal(store_dir)
    if not path.is_file():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            break  # a line cut by a kill: only the last one can be, and its batch was not written
        if isinstance(record, dict):
            records.append(record)
    return records


def _row(e: RegistryEntry) -> list:
    return [e.id, e.label, e.type, sorted(e.aliases), e.wikidata, sorted(e.never_merge)]


def _replay(registry: Registry, record: Mapping) -> None:
    """Apply one journal record (idempotent: entries and counts are set, not added to)."""
    for id_ in record.get("deleted", []):
        if id_ in registry.entries:
            del registry.entries[id_]
    for id_, label, type_, aliases, qid, never in record.get("entries", []):
        registry.entries[id_] = RegistryEntry(id_, label, type_, set(aliases) | {label}, qid, set(never))
    for article, counts in record.get("counts", {}).items():
        registry.reset_article(article)
        for id_, n in counts.items():
            registry.count(article, id_, n)


def save_registry(registry: Registry, store_dir: str | Path = DEFAULT_STORE) -> Path:
    """Write the registry snapshot (sorted by id, so that the file diffs well) and its counts,
    then drop the journal it now includes.

    Each file is written beside its target, then moved into place (``os.replace``), so a
    kill never leaves a half-written file (a journal left behind is replayed on top of the
    snapshot, which changes nothing: replay is idempotent).

    Example:
        >>> import tempfile
        >>> reg = Registry({"organization/netflix": RegistryEntry("organization/netflix", "Netflix", "Organization", {"Netflix", "NFLX"})})
        >>> with tempfile.TemporaryDirectory() as d:
        ...     _ = save_registry(reg, d)
        ...     sorted(load_registry(d).entries["organization/netflix"].aliases)
        ['NFLX', 'Netflix']
    """
    path = registry_path(store_dir)
    mentions = path.with_name(MENTIONS_FILE)
    nxt, mentions_next = path.with_name(path.name + NEXT), mentions.with_name(mentions.name + NEXT)
    _write_files(registry, nxt, mentions_next)
    os.replace(mentions_next, mentions)
    os.replace(nxt, path)
    _journal(store_dir).unlink(missing_ok=True)
    registry.take_changes()
    return path


def stage_registry(registry: Registry, store_dir: str | Path, *, articles: Iterable[str],
                   renames: Mapping[str, str]) -> Path:
    """Record a batch's registry changes before the batch is written to the store.

    Appends one line to ``registry-journal.jsonl``: the articles the batch adds (to tell
    later whether the store holds it), the IRI renames it needs, and the entries and
    article counts it changed (:meth:`Registry.take_changes`), so the cost follows the
    batch, not the size of the registry. :func:`load_registry` replays the journal on
    the snapshot, :func:`recover_registry` drops a last record whose batch never reached
    the store, and :func:`save_registry` (once per build) folds the journal into the
    snapshot.

    Returns:
        The journal file.

    Example:
        >>> import tempfile
        >>> reg = Registry()
        >>> reg.entries["organization/kmr"] = RegistryEntry("organization/kmr", "KMR", "Organization", {"KMR"})
        >>> with tempfile.TemporaryDirectory() as d:
        ...     _ = stage_registry(reg, d, articles=["h1"], renames={})
        ...     sorted(load_registry(d).entries), registry_path(d).exists()
        (['organization/kmr'], False)
    """
    entries, changed_articles = registry.take_changes()
    record = {
        "articles": sorted(set(articles)),
        "renames": dict(renames),
        "deleted": sorted(i for i in entries if i not in registry.entries),
        "entries": [_row(registry.entries[i]) for i in sorted(entries) if i in registry.entries],
        "counts": {a: {i: n for i, n in sorted(registry.article_counts(a).items()) if i in registry.entries}
                   for a in sorted(changed_articles)},
    }
    path = _journal(store_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return path


def commit_registry(store_dir: str | Path, registry: Registry | None = None) -> None:
    """After a build: fold the journal into the snapshot (``registry`` is the build's
    registry; without it, the store's is loaded). A lazily loaded registry merges only
    the rows it changed into the files (see :func:`load_registry`)."""
    if registry is not None and registry.lazy:
        _save_lazy(registry, store_dir)
        return
    save_registry(registry if registry is not None else load_registry(store_dir), store_dir)


def recover_registry(store_dir: str | Path, *, committed: Callable[[list[str]], bool],
                     rename: Callable[[dict[str, str]], object]) -> bool | None:
    """Finish or drop the last batch of a build that a kill interrupted (call before
    :func:`load_registry`).

    Only the journal's last record can belong to an unfinished batch (a record is written
    only after the batch before it finished). If ``committed(articles)`` says the store
    holds that batch, its renames are replayed through ``rename`` (an idempotent store
    operation); if not, the record is dropped, and the registry is as it was before the
    batch. A last line cut by the kill is dropped too.

    Returns:
        ``True`` (last batch finished), ``False`` (dropped) or ``None`` (no journal).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as d:
        ...     _ = stage_registry(Registry(), d, articles=["h1"], renames={})
        ...     recover_registry(d, committed=lambda hashes: False, rename=print), _journal(d).exists()
        (False, False)
    """
    path = _journal(store_dir)
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    records = _journal_records(store_dir)
    if not records:
        path.unlink()
        return False
    last = records[-1]
    done = committed(list(last.get("articles", [])))
    keep = records if done else records[:-1]
    if not keep:
        path.unlink()
    elif len(keep) != len(lines):  # rewrite without the cut line or the unwritten batch
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in keep),
                       encoding="utf-8")
        os.replace(tmp, path)
    if done and last.get("renames"):
        rename(dict(last["renames"]))
    return done


# --- gazetteer: one entity per Wikidata id, a label per language ------------------------

@lru_cache(maxsize=4)
def _by_qid(gazetteer: Gazetteer) -> dict[tuple[str, str], tuple[str, dict[str, str]]]:
    """``(qid, type) -> (pivot label, {lang: label})``; the pivot is the first English or
    language-neutral entry of the file, so ``IA`` and ``AI`` are one ``concept/ai``."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for e in gazetteer.entries:
        if e.wikidata:
            groups[(e.wikidata, e.type)].append(e)
    out = {}
    for key, entries in groups.items():
        pivot = next((e for e in entries if e.lang in (None, "en")), entries[0])
        labels = {e.lang: e.label for e in entries if e.lang}
        out[key] = (pivot.label, labels)
    return out


def _preferred_label(entry: RegistryEntry, lang: str | None, gazetteer: Gazetteer) -> str:
    if entry.wikidata:
        found = _by_qid(gazetteer).get((entry.wikidata, entry.type))
        if found and lang in found[1]:
            return found[1][lang]
    return entry.label


# --- canonicalisation --------------------------------------------------------------------

def _rank(name: str) -> tuple:
    """Sort key of the best canonical name (smallest first): not an acronym, most words."""
    return (is_acronym(name), -len(strip_legal(name).split()), fold(name), name)


def _natural(entity: Entity, gazetteer: Gazetteer) -> tuple[str, str, str | None]:
    """The ``(id, label, qid)`` a new entry for ``entity`` gets: the gazetteer's label when the
    article linked it (the article's own name is only an alias), else the article's label."""
    if entity.wikidata:
        found = _by_qid(gazetteer).get((entity.wikidata, entity.type))
        if found:
            return entity_key(entity.type, found[0]), found[0], entity.wikidata
    return entity.key, canonical_label(entity), entity.wikidata


def _find(entity: Entity, natural_id: str, registry: Registry) -> str | None:
    """The registry entry ``entity`` is, or ``None`` (lookups in the registry's live indexes)."""
    if is_scoped(entity.key):
        return entity.key if entity.key in registry.entries else None
    scores: dict[str, int] = defaultdict(int)
    if entity.wikidata:
        for id_ in registry.by_wikidata(entity.wikidata):
            scores[id_] += 4
    if natural_id in registry.entries and registry.entries[natural_id].type == entity.type:
        scores[natural_id] += 3
    for name in {entity.label, *entity.aliases}:
        if entity.type == "Person" and len(name_key(name).split()) < 2:
            continue  # a bare surname never links across articles
        weight = 2 if name == entity.label else 1
        key = name_key(name)
        for type_ in ENTITY_TYPES:
            if compatible_types(type_, entity.type):
                for id_ in registry.named(type_, key):
                    scores[id_] = max(scores[id_], weight)
    candidates = [(s, i) for i, s in scores.items()
                  if i in registry.entries and not registry.apart(i, natural_id)
                  and compatible_types(registry.entries[i].type, entity.type)
                  and not (registry.entries[i].wikidata and entity.wikidata
                           and registry.entries[i].wikidata != entity.wikidata)]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (-c[0], c[1]))[1]


def _new_id(registry: Registry, id_: str) -> str:
    if id_ not in registry.entries:
        return id_
    n = 2
    while f"{id_}-{n}" in registry.entries:
        n += 1
    return f"{id_}-{n}"


def _rekey(registry: Registry, entry: RegistryEntry, gazetteer: Gazetteer) -> RegistryEntry:
    """Re-key an entry unknown to the gazetteer when its aliases hold a fuller name than its label
    (more words, or a name where the label is an acronym), so ids do not depend on article order."""
    if entry.wikidata or is_scoped(entry.id) or gazetteer.lookup(entry.label, entry.type) is not None:
        return entry
    names = [a for a in entry.aliases if not (entry.type == "Person" and len(a.split()) < 2)] or [entry.label]
    best = min(names, key=_rank)
    if _rank(best)[:2] >= _rank(entry.label)[:2]:
        return entry
    new_id = entity_key(entry.type, best)
    if new_id == entry.id:
        registry.set_label(entry, strip_legal(best))
        return entry
    if new_id in registry.entries:
        return entry
    old = entry.id
    entry = replace(entry, id=new_id, label=strip_legal(best), aliases=set(entry.aliases),
                    never_merge=set(entry.never_merge))
    registry.move(old, entry)
    return entry


@dataclass
class _Mapping:
    """Where an article's entities went: by mention ``(start, end, type)`` and by entity key."""

    mentions: dict[tuple[int, int, str], str] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)


def _register(extraction: Extraction, registry: Registry, gazetteer: Gazetteer) -> _Mapping:
    """Add an article's entities to the registry; return where each mention and entity went."""
    article = extraction.document.content_hash
    registry.reset_article(article)
    out = _Mapping()
    entities = {e.key: e for e in extraction.entities}
    for t in extraction.triples:
        entities.setdefault(t.subject.key, t.subject)
        entities.setdefault(t.object.key, t.object)
    for entity in sorted(entities.values(), key=lambda e: e.key):
        if entity.type == "Quote":
            continue
        natural_id, label, qid = _natural(entity, gazetteer)
        found = _find(entity, natural_id, registry)
        if found is None:
            entry = RegistryEntry(_new_id(registry, natural_id), label, entity.type, {label}, qid)
            registry.entries[entry.id] = entry
        else:
            entry = registry.entries[found]
            if not entry.wikidata and qid:
                registry.set_wikidata(entry, qid)
        # a surface form that names a never-merge partner goes to that partner
        partners = {name_key(n): p for p in sorted(registry.partners(entry.id)) for n in registry.entries[p].aliases
                    if not (registry.entries[p].type == "Person" and len(name_key(n).split()) < 2)}
        for m in entity.mentions:
            target = partners.get(name_key(m.text), entry.id)
            registry.add_aliases(registry.entries[target], [clean_surface(m.text)])
            registry.count(article, target)
            out.mentions[(m.start, m.end, m.type)] = target
        registry.add_aliases(entry, [a for a in entity.aliases if name_key(a) not in partners])
        out.entities[entity.key] = entry.id
        _rekey(registry, entry, gazetteer)
    return out


def _apply(extraction: Extraction, registry: Registry, mapping: _Mapping, gazetteer: Gazetteer) -> Extraction:
    """The extraction with registry entities (keys, labels, types, Wikidata ids)."""
    lang = extraction.document.lang
    built: dict[str, Entity] = {}

    def entity_for(id_: str) -> Entity:
        id_ = registry.current(id_)
        ent = built.get(id_)
        if ent is None:
            entry = registry.entries[id_]
            pref = _preferred_label(entry, lang, gazetteer)
            ent = built[id_] = StoreEntity(key=id_, label=entry.label, type=entry.type, aliases={entry.label, pref},
                                           wikidata=entry.wikidata, pref_label=pref)
        return ent

    by_mention: dict[tuple[int, int, str], Entity] = {}
    quotes: dict[str, Entity] = {}
    for e in [*extraction.entities, *(x for t in extraction.triples for x in (t.subject, t.object))]:
        if e.type == "Quote":
            quotes[e.key] = e
            continue
        main = entity_for(mapping.entities[e.key])
        elsewhere = set()
        for m in e.mentions:
            key = (m.start, m.end, m.type)
            if key in by_mention:
                continue
            ent = entity_for(mapping.mentions.get(key, main.key))
            by_mention[key] = ent
            ent.mentions.append(m)
            ent.aliases.add(clean_surface(m.text))
            if ent is not main:
                elsewhere.add(name_key(m.text))
        main.aliases |= {a for a in e.aliases if name_key(a) not in elsewhere}

    def lookup(m: Mention, fallback: Entity) -> Entity:
        if fallback.type == "Quote":
            return quotes[fallback.key]
        return by_mention.get((m.start, m.end, m.type)) or entity_for(mapping.entities[fallback.key])

    triples: dict[tuple[str, str, str], Triple] = {}
    for t in extraction.triples:
        s, o = lookup(t.evidence.subject, t.subject), lookup(t.evidence.object, t.object)
        # merging may have joined both ends, or given an end another (compatible) type
        predicate = fit(t.predicate, s.type, o.type, subject_key=s.key, object_key=o.key)
        if predicate is not None:
            triples.setdefault((s.key, predicate, o.key), Triple(s, predicate, o, t.evidence))
    for ent in built.values():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    entities = sorted(built.values(), key=lambda e: (e.mentions[0].start if e.mentions else -1, e.key))
    entities += [q for q in quotes.values() if q in extraction.entities]
    return Extraction(extraction.document, entities, list(triples.values()))


def canonicalise(extraction: Extraction, registry: Registry, *, gazetteer: Gazetteer | None = None) -> Extraction:
    """Map an article's entities to the registry's, adding unseen ones (updates ``registry``).

    Args:
        extraction: One article, resolved within itself (:func:`kg.resolve.resolve_document`).
        registry: The store's registry; entries, aliases and mention counts are updated.
        gazetteer: The gazetteer (the bundled one by default), for per-language labels.

    Returns:
        A new extraction whose entity keys are registry ids.

    Example:
        >>> from kg.records import Document
        >>> reg = Registry()
        >>> x = Extraction(Document("a", "IA", "fr"), [Entity("concept/ia", "IA", "Concept", {"IA"}, wikidata="Q11660")], [])
        >>> [(e.key, e.label, e.pref_label) for e in canonicalise(x, reg).entities]
        [('concept/ai', 'AI', 'IA')]
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    return _apply(extraction, registry, _register(extraction, registry, gaz), gaz)


def canonicalise_all(extractions: Iterable[Extraction], registry: Registry, *,
                     gazetteer: Gazetteer | None = None) -> list[Extraction]:
    """Canonicalise a batch: register every article first, then map them all with the
    final ids, so that the result does not depend on the order of the articles.

    Example:
        >>> canonicalise_all([], Registry())
        []
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    xs = _vote_types(list(extractions), gaz)
    mappings = [_register(x, registry, gaz) for x in xs]
    return [_apply(x, registry, m, gaz) for x, m in zip(xs, mappings)]


def _weak(entity: Entity, gazetteer: Gazetteer) -> bool:
    """Typed by the statistical NER only (no gazetteer, context or relation evidence)."""
    return (entity.wikidata is None and bool(entity.mentions)
            and all(m.source.startswith(("ner:", "resolve:")) and ">" not in m.source for m in entity.mentions)
            and gazetteer.lookup(entity.label, entity.type) is None)


def _vote_types(extractions: list[Extraction], gazetteer: Gazetteer) -> list[Extraction]:
    """One type per multi-word name across articles when the NER alone disagrees.

    ``Activision Blizzard`` tagged ORG twice in one article and PERSON in another is one
    organisation: among entities typed by the NER only, the type with the most mentions
    wins (ties: the order of :data:`~kg.records.ENTITY_TYPES`); a type backed by other
    evidence (gazetteer, context, relation) wins outright. Two such types conflicting
    means two different entities, which are left apart.
    """
    votes: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for x in extractions:
        for e in x.entities:
            if e.type in ("Quote", "Misc") or is_scoped(e.key) or len(name_key(e.label).split()) < 2:
                continue
            strong = not _weak(e, gazetteer)
            votes[name_key(e.label)][e.type][0] += strong
            votes[name_key(e.label)][e.type][1] += len(e.mentions)
    winner: dict[str, str] = {}
    for key, by_type in votes.items():
        if len(by_type) < 2:
            continue
        strong = [t for t, (s, _) in by_type.items() if s]
        if len(strong) > 1:
            continue
        winner[key] = strong[0] if strong else min(by_type, key=lambda t: (-by_type[t][1], ENTITY_TYPES.index(t)))
    if not winner:
        return extractions
    out = []
    for x in extractions:
        swap: dict[int, Entity] = {}
        for e in {id(e): e for e in [*x.entities, *(v for t in x.triples for v in (t.subject, t.object))]}.values():
            target = winner.get(name_key(e.label))
            if target and e.type != target and not compatible_types(e.type, target) and _weak(e, gazetteer):
                swap[id(e)] = replace(e, key=entity_key(target, canonical_label(e)), type=target, aliases=set(e.aliases),
                                      mentions=list(e.mentions))
        if not swap:
            out.append(x)
            continue
        ents = [swap.get(id(e), e) for e in x.entities]
        triples = [Triple(swap.get(id(t.subject), t.subject), t.predicate, swap.get(id(t.object), t.object), t.evidence)
                   for t in x.triples]
        out.append(Extraction(x.document, ents, triples))
    return out


# --- editing ----------------------------------------------------------------------------

def find_entity(registry: Registry, name: str) -> str:
    """The id of the entry named ``name`` (an id, a label or an alias).

    Raises:
        ResolveError: [E051] when nothing matches, [E052] when several entries do.

    Example:
        >>> reg = Registry({"organization/netflix": RegistryEntry("organization/netflix", "Netflix", "Organization", {"Netflix"})})
        >>> find_entity(reg, "netflix")
        'organization/netflix'
    """
    if name in registry.entries:
        return name
    if registry.current(name) in registry.entries:
        return registry.current(name)
    key = name_key(name)
    found = sorted({e.id for e in registry.entries.values() if any(name_key(a) == key for a in {e.label, *e.aliases})})
    labelled = [i for i in found if name_key(registry.entries[i].label) == key]
    if len(labelled) == 1:
        return labelled[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ResolveError(Errors.E051.format(name=name))
    raise ResolveError(Errors.E052.format(name=name, candidates=", ".join(found)))


def merge(registry: Registry, a: str, b: str) -> str:
    """Merge entry ``b`` into entry ``a`` (``a`` keeps its id and label); returns ``a``'s id.

    Raises:
        ResolveError: [E053] for incompatible types, [E054] for a never-merge pair.

    Example:
        >>> reg = Registry({i: RegistryEntry(i, l, "Organization", {l}) for i, l in
        ...                 [("organization/wbd", "WBD"), ("organization/warner-bros-discovery", "Warner Bros. Discovery")]})
        >>> merge(reg, "organization/warner-bros-discovery", "organization/wbd")
        'organization/warner-bros-discovery'
        >>> sorted(reg.entries["organization/warner-bros-discovery"].aliases), reg.renames
        (['WBD', 'Warner Bros. Discovery'], {'organization/wbd': 'organization/warner-bros-discovery'})
    """
    a, b = find_entity(registry, a), find_entity(registry, b)
    if a == b:
        return a
    ea, eb = registry.entries[a], registry.entries[b]
    if not compatible_types(ea.type, eb.type):
        raise ResolveError(Errors.E053.format(a=a, ta=ea.type, b=b, tb=eb.type))
    if registry.apart(a, b):
        raise ResolveError(Errors.E054.format(a=a, b=b))
    registry.add_aliases(ea, eb.aliases | {eb.label})
    if not ea.wikidata and eb.wikidata:
        registry.set_wikidata(ea, eb.wikidata)
    for p in eb.never_merge - {a}:
        registry.add_never_merge(a, p)
    registry.move(b, ea)  # never-merge pairs naming b and b's mention counts go to a
    for old, new in list(registry.renames.items()):
        if new == b:
            registry.renames[old] = a
    return a


def split(registry: Registry, id_: str, alias: str) -> str:
    """Take ``alias`` out of entry ``id_`` into a new entry, never to be merged again.

    Mention counts stay with ``id_`` until the articles are rebuilt.

    Returns:
        The id of the new entry.

    Example:
        >>> reg = Registry({"organization/paramount-skydance": RegistryEntry(
        ...     "organization/paramount-skydance", "Paramount Skydance", "Organization", {"Paramount Skydance", "Paramount"})})
        >>> split(reg, "organization/paramount-skydance", "Paramount")
        'organization/paramount'
        >>> reg.entries["organization/paramount-skydance"].never_merge
        {'organization/paramount'}
    """
    id_ = find_entity(registry, id_)
    entry = registry.entries[id_]
    key = name_key(alias)
    moved = {a for a in entry.aliases if name_key(a) == key}
    if not moved or key == name_key(entry.label):
        raise ResolveError(Errors.E051.format(name=f"{alias} (an alias of {id_} other than its label)"))
    registry.remove_aliases(entry, moved)
    new = RegistryEntry(_new_id(registry, entity_key(entry.type, alias)), strip_legal(alias), entry.type, moved | {alias},
                        never_merge={id_})
    registry.entries[new.id] = new
    registry.add_never_merge(id_, new.id)
    return new.id


def entities_table(registry: Registry) -> list[dict]:
    """One row per entry (most mentioned first): id, label, type, aliases, wikidata, mentions, articles.

    Example:
        >>> reg = Registry({"organization/netflix": RegistryEntry("organization/netflix", "Netflix", "Organization", {"Netflix", "NFLX"})},
        ...                {"h1": {"organization/netflix": 3}})
        >>> entities_table(reg)[0]["mentions"], entities_table(reg)[0]["aliases"]
        (3, ['NFLX'])
    """
    rows = [{"id": e.id, "label": e.label, "type": e.type,
             "aliases": sorted(e.aliases - {e.label}, key=lambda a: (fold(a), a)), "wikidata": e.wikidata,
             "never_merge": sorted(e.never_merge), "mentions": registry.mentions(e.id),
             "articles": registry.articles(e.id)} for e in registry.entries.values()]
    return sorted(rows, key=lambda r: (-r["mentions"], r["id"]))


def list_entities(store_dir: str | Path = DEFAULT_STORE) -> list[dict]:
    """The rows of ``kg entities`` for a store (see :func:`entities_table`).

    Example:
        >>> list_entities("/nonexistent")
        []
    """
    return entities_table(load_registry(store_dir))


def merge_entities(store_dir: str | Path, a: str, b: str) -> dict[str, str]:
    """``kg merge A B``: merge ``b`` into ``a`` in the registry file of ``store_dir``.

    Returns:
        The id renames (``old -> new``) to apply to the store with :func:`rewrite_iris`.
    """
    reg = load_registry(store_dir)
    merge(reg, a, b)
    save_registry(reg, store_dir)
    return dict(reg.renames)


def split_entity(store_dir: str | Path, id_: str, alias: str) -> str:
    """``kg split ID ALIAS``: split ``alias`` off entry ``id_`` in the registry of ``store_dir``.

    The store keeps the merged node until the articles mentioning it are rebuilt
    (a merged node cannot be split back without the article text).

    Returns:
        The new entry's id.
    """
    reg = load_registry(store_dir)
    new_id = split(reg, id_, alias)
    save_registry(reg, store_dir)
    return new_id


def rewrite_iris(dataset: Dataset, mapping: Mapping[URIRef | str, URIRef | str]) -> int:
    """Replace IRIs ``old -> new`` as subject or object in every graph of ``dataset``.

    The ``rdfs:label`` and ``skos:prefLabel`` of a replaced entity become
    ``skos:altLabel`` of the entity it now is (which keeps its own labels).

    Quads are moved one by one; the rewrite is idempotent, so a run interrupted midway
    is completed by the next ``kg build`` (the registry, saved after the articles, still
    holds the renames).

    Returns:
        The number of quads rewritten.

    Example:
        >>> from rdflib import Dataset, Literal
        >>> from kg.namespace import RDFS, RES, SKOS
        >>> ds = Dataset()
        >>> g = ds.graph(RES["graph/a"])
        >>> _ = g.add((RES["organization/wbd"], RDFS.label, Literal("WBD")))
        >>> rewrite_iris(ds, {RES["organization/wbd"]: RES["organization/warner-bros-discovery"]})
        1
        >>> list(g.objects(RES["organization/warner-bros-discovery"], SKOS.altLabel))
        [rdflib.term.Literal('WBD')]
    """
    from rdflib import Literal, URIRef

    from kg.namespace import RDFS, SKOS

    iris = {URIRef(str(k)): URIRef(str(v)) for k, v in mapping.items() if str(k) != str(v)}
    changed: dict[tuple, None] = {}  # ordered, without repeats (a quad may hold an IRI twice)
    for old in iris:  # index lookups, not a scan of the store
        changed.update(dict.fromkeys(dataset.quads((old, None, None, None))))
        changed.update(dict.fromkeys(dataset.quads((None, None, old, None))))
    for s, p, o, g in changed:
        g = getattr(g, "identifier", g)
        dataset.remove((s, p, o, g))
        if s in iris and p in (RDFS.label, SKOS.prefLabel):
            p, o = SKOS.altLabel, Literal(str(o))
        dataset.add((iris.get(s, s), p, iris.get(o, o) if isinstance(o, URIRef) else o, g))
    return len(changed)
