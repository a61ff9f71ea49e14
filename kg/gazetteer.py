"""The media-industry gazetteer: known entities, their types, aliases and Wikidata ids.

Kept as data in ``kg/data/gazetteer.tsv`` (columns ``label type aliases wikidata lang``,
aliases separated by ``|``) so that a domain expert can extend it without code. The
nlp stage turns it into entity-ruler patterns; the resolve stage uses it to link
aliases to one canonical entity and to Wikidata.

Example:
    >>> gaz = load_gazetteer()
    >>> gaz.lookup("Netflix").type
    'Organization'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import Errors, ModelError
from kg.records import ENTITY_TYPES
from kg.text import fold


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known entity."""

    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    lang: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The label followed by every alias."""
        return (self.label, *self.aliases)


class Gazetteer:
    """Entries indexed by folded name (case, accents and punctuation ignored)."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self._by_name: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            for name in entry.names:
                self._by_name.setdefault(fold(name), []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str, type: str | None = None) -> GazetteerEntry | None:
        """The entry known by ``name`` (of ``type`` if given), or ``None``.

        Example:
            >>> load_gazetteer().lookup("netflix").label
            'Netflix'
        """
        found = self._by_name.get(fold(name), [])
        if type is not None:
            found = [e for e in found if e.type == type]
        return found[0] if found else None


def default_path() -> Path:
    """Path of the bundled gazetteer file."""
    return Path(str(resources.files("kg") / "data" / "gazetteer.tsv"))


def read_gazetteer(path: str | Path) -> list[GazetteerEntry]:
    """Read a gazetteer TSV file; raise :class:`ModelError` naming the line on a bad row."""
    path = Path(path)
    entries = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != ["label", "type", "aliases", "wikidata", "lang"]:
            raise ModelError(Errors.E013.format(path=path, line=1, detail="header must be: label type aliases wikidata lang"))
        for lineno, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            if len(row) != 5:
                raise ModelError(Errors.E013.format(path=path, line=lineno, detail=f"expected 5 columns, got {len(row)}"))
            label, type_, aliases, qid, lang = (c.strip() for c in row)
            if type_ not in ENTITY_TYPES:
                raise ModelError(Errors.E013.format(path=path, line=lineno, detail=f"unknown type '{type_}'"))
            entries.append(GazetteerEntry(label, type_, tuple(a.strip() for a in aliases.split("|") if a.strip()),
                                          qid or None, lang or None))
    return entries


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """Load (once) the gazetteer at ``path``, by default the bundled one."""
    return Gazetteer(read_gazetteer(path or default_path()))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names of ``kg/data/names/given_names.txt`` (comments and blank lines skipped).

    Example:
        >>> "Virginie" in given_names(), "Paris" in given_names()
        (True, False)
    """
    text = (resources.files("kg") / "data" / "names" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def opens_with_given_name(name: str) -> bool:
    """Whether ``name`` has several words, the first a known given name (:func:`given_names`).

    Example:
        >>> opens_with_given_name("Virginie Efira"), opens_with_given_name("Virginie"), opens_with_given_name("Paris Match")
        (True, False, False)
    """
    words = name.split()
    return len(words) > 1 and words[0] in given_names()
