"""Per-language extraction lexicons, kept as YAML data in ``kg/data/lexicon/<lang>.yaml``.

A lexicon holds role nouns, verb and noun frames, speech verbs, hedges and anaphors:
everything a domain expert may extend without touching code.

Example:
    >>> lex = load_lexicon("fr")
    >>> lex.role_predicate("patron")
    'ceoOf'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kg.errors import Errors, ModelError

PREDICATES = ("ceoOf", "leads", "founderOf", "worksFor", "uses", "develops", "produces", "distributes",
              "directedBy", "actsIn", "author", "basedOn", "setIn", "acquires", "subsidiaryOf",
              "partnersWith", "headquarteredIn", "locatedIn", "wonAward", "genre", "said")


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb or noun that triggers a relation, and where its arguments are.

    ``subject``/``object`` name a syntactic slot: ``agent``, ``patient``, or ``obl:<prep>``
    (a complement introduced by that preposition). ``subject_types``/``object_types`` restrict
    the entity types accepted in each slot.
    """

    predicate: str
    lemmas: tuple[str, ...]
    subject: str
    object: str
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    confidence: float = 0.8
    kind: str = "verb"  # or "noun"
    support_verbs: tuple[str, ...] = ()


@dataclass(slots=True)
class Lexicon:
    """The parsed lexicon of one language."""

    lang: str
    data: dict[str, Any]
    frames: list[Frame] = field(default_factory=list)
    _roles: dict[str, str] = field(default_factory=dict)
    _org_roles: dict[str, str] = field(default_factory=dict)
    _words: dict[tuple[str, str | None], frozenset[str]] = field(default_factory=dict)

    def words(self, key: str, sub: str | None = None) -> frozenset[str]:
        """A word list of the lexicon, as a set (empty if absent); computed once."""
        cached = self._words.get((key, sub))
        if cached is None:
            value = self.data.get(key, {})
            if sub is not None:
                value = (value or {}).get(sub, [])
            cached = self._words[(key, sub)] = frozenset(str(v).lower() for v in (value or []))
        return cached

    def role_predicate(self, noun: str) -> str | None:
        """The property a person role noun signals (``patron`` -> ``ceoOf``)."""
        return self._roles.get(noun.lower())

    def org_role_predicate(self, noun: str) -> str | None:
        """The property an organisation role noun signals (``filiale`` -> ``subsidiaryOf``)."""
        return self._org_roles.get(noun.lower())

    @property
    def role_nouns(self) -> dict[str, str]:
        return dict(self._roles)

    @property
    def org_role_nouns(self) -> dict[str, str]:
        return dict(self._org_roles)


def lexicon_path(lang: str) -> Path:
    """Path of the bundled lexicon for ``lang``."""
    return Path(str(resources.files("kg") / "data" / "lexicon" / f"{lang}.yaml"))


@lru_cache(maxsize=8)
def load_lexicon(lang: str, path: str | None = None) -> Lexicon:
    """Load and check the lexicon of ``lang`` (cached).

    Raises:
        ModelError: [E012] when the file is missing or malformed.
    """
    file = Path(path) if path else lexicon_path(lang)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(Errors.E012.format(path=file, detail=exc)) from None
    if not isinstance(data, dict):
        raise ModelError(Errors.E012.format(path=file, detail="top level must be a mapping"))
    lex = Lexicon(lang=lang, data=data)
    for table, target in (("roles", lex._roles), ("org_roles", lex._org_roles)):
        for pred, nouns in (data.get(table) or {}).items():
            if pred not in PREDICATES:
                raise ModelError(Errors.E012.format(path=file, detail=f"{table}: unknown property '{pred}'"))
            for noun in nouns or []:
                target.setdefault(str(noun).lower(), pred)
    for i, raw in enumerate(data.get("frames") or []):
        try:
            frame = Frame(
                predicate=raw["predicate"],
                lemmas=tuple(str(x).lower() for x in raw["lemmas"]),
                subject=raw.get("subject", "agent"),
                object=raw.get("object", "patient"),
                subject_types=tuple(raw.get("subject_types") or ()),
                object_types=tuple(raw.get("object_types") or ()),
                confidence=float(raw.get("confidence", 0.8)),
                kind=raw.get("kind", "verb"),
                support_verbs=tuple(str(x).lower() for x in raw.get("support_verbs") or ()),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(Errors.E012.format(path=file, detail=f"frame #{i + 1}: {exc!r}")) from None
        if frame.predicate not in PREDICATES:
            raise ModelError(Errors.E012.format(path=file, detail=f"frame #{i + 1}: unknown property '{frame.predicate}'"))
        lex.frames.append(frame)
    return lex
