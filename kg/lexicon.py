"""Per-language extraction lexicons, kept as YAML data in ``kg/data/lexicon/<lang>.yaml``.

A lexicon holds role nouns, verb and noun frames, speech verbs, hedges and anaphors:
everything a domain expert may extend without touching code. :class:`LexiconSchema`
declares every key a lexicon may hold and its type, in one place; loading rejects an
unknown or misspelt key, a wrong type and a key written twice with a coded error naming
the file, the line and the key, so a typo can no longer turn a rule off silently.

Example:
    >>> lex = load_lexicon("fr")
    >>> lex.role_predicate("patron")
    'ceoOf'
    >>> "déclarer" in lex.words("speech_verbs")
    True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kg.errors import Errors, ModelError
from kg.records import ENTITY_TYPES

T = TypeVar("T")

PREDICATES = ("ceoOf", "leads", "founderOf", "worksFor", "uses", "develops", "produces", "distributes",
              "directedBy", "actsIn", "author", "basedOn", "setIn", "acquires", "subsidiaryOf",
              "partnersWith", "headquarteredIn", "locatedIn", "wonAward", "genre", "said")

Predicate = Literal[PREDICATES]  # type: ignore[valid-type]
EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]
#: A list of words or multi-word phrases (YAML strings; ``no``/``on`` stay words, see the loader).
Words = list[str]
#: A frame slot: one of :data:`SLOTS` or ``obl:<prep>[|<prep>…]``.
Slot = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class HedgeSchema(_Strict):
    """``hedge:``: words under which no triple is extracted."""

    negations: Words = []
    modals: Words = []
    cancels: Words = []
    rumour_words: Words = []
    contrast_preps: Words = []  # read by no code yet
    future: Words = []  # auxiliaries of a planned fact ("will join"): no triple
    future_facts: Words = []  # predicates a future auxiliary does not hedge ("will star in", "will be released by")
    scheduled: Words = []  # modals of a schedule, no hedge for future_facts ("is set to star in")
    negative_determiners: Words = []  # "n'a racheté aucune chaîne"
    negative_pronouns: Words = []  # "ne diffuse rien"


class PronounsSchema(_Strict):
    """``pronouns:``: personal pronouns by the type they may stand for."""

    Person: Words = []
    Organization: Words = []
    plural: Words = []  # read by no code yet


_OBL = re.compile(r"obl:[^|]+(?:\|[^|]+)*")
#: Slot names a frame may use besides ``obl:<prep>``, by frame kind (kg.extract.syntax.slot and
#: kg.extract.frames._noun_slot read them); a new slot name is added here.
SLOTS = {"verb": ("agent", "patient", "complement"), "noun": ("support",)}


class FrameSchema(_Strict):
    """One item of ``frames:`` (see :class:`Frame`)."""

    #: The stored rule name of the triples the frame extracts (unique in its file; keep it stable).
    id: str = Field(pattern=r"^[\w.:-]+(?: [\w.:-]+)*$")
    predicate: Predicate
    lemmas: Words = Field(min_length=1)
    subject: Slot = "agent"
    object: Slot = "patient"
    subject_types: list[EntityType] = []
    object_types: list[EntityType] = []
    confidence: float = Field(0.8, gt=0.0, le=1.0)
    kind: Literal["verb", "noun"] = "verb"
    support_verbs: Words = []
    #: The CreativeWork slot is certain ("produit par", "réalisé par"): a name NER typed as a
    #: person, organisation or place there is read as the work ("Intouchables a été produit par…").
    retype_work: bool = False
    #: The Organization slot is certain ("fondée par"): a one-word name the statistical NER typed
    #: as a person there is read as the company ("Fondée en 1992 par X, Calt a produit…").
    retype_org: bool = False

    @model_validator(mode="after")
    def _slots_fit_kind(self) -> FrameSchema:
        own = SLOTS[self.kind]
        for name in (self.subject, self.object):
            if name not in own and not _OBL.fullmatch(name):
                raise ValueError(f"slot '{name}' of a {self.kind} frame is not one of {', '.join(own)}, obl:<prep>")
        if self.support_verbs and self.kind != "noun":
            raise ValueError("support_verbs is only read for kind: noun")
        return self


class LexiconSchema(_Strict):
    """Every key a lexicon file may hold, with its type. Adding a key is adding one line here.

    Keys absent from a file default to empty. Sub-keyed tables (``roles``, ``anaphors``,
    ``award_categories``) map an ontology property or class to words.
    """

    lang: str
    # roles and organisations
    roles: dict[Predicate, Words] = {}
    org_roles: dict[Predicate, Words] = {}
    parent_roles: dict[Predicate, Words] = {}
    office_nouns: dict[Predicate, Words] = {}
    handover_verbs: Words = []
    handover_own_verbs: Words = []
    role_preps: Words = []
    role_not_current: Words = []
    appointing_verbs: Words = []
    naming_verbs: Words = []
    workplace_preps: Words = []
    fronted_leads: Words = []
    fronted_past_words: Words = []
    acquirer_nouns: Words = []
    authored_work_nouns: Words = []
    behind_words: Words = []
    home_phrases: Words = []
    year_award_nouns: Words = []
    award_winning_words: Words = []  # "Pulitzer-winning novel X": X won the prize
    collection_nouns: Words = []
    fronted_work_openers: Words = []
    # discourse
    anaphors: dict[EntityType, Words] = {}
    into_verbs: Words = []
    pronouns: PronounsSchema = PronounsSchema()
    possessives: Words = []  # read by no code yet
    # works, products, genres
    work_nouns: Words = []
    product_nouns: Words = []
    source_nouns: Words = []
    title_participles: Words = []
    director_nouns: Words = []
    director_title_nouns: Words = []
    book_nouns: Words = []
    title_author_nouns: Words = []
    signed_author_nouns: Words = []
    bare_credit_verbs: dict[Predicate, Words] = {}  # "Universal Television will produce": the passage's work
    bare_credit_partner_preps: Words = []  # "Mer Film produces with MK2 Films"
    credit_object_verbs: Words = []  # "X signe le scénario": a credit taken as an object (kg/extract/works.py)
    credit_object_nouns: dict[Predicate, Words] = {}  # the credit each object noun gives
    # French surface rules (kg/extract/fr_rules.py)
    reflexive_partner_verbs: Words = []
    signed_forms: Words = []
    director_role_nouns: Words = []
    genre_nouns: Words = []
    genre_adjectives: Words = []
    work_part_nouns: Words = []
    #: Nouns other than works' that take a name right after them ("la plateforme X", "the tool X").
    named_service_nouns: Words = []
    #: The preposition after an award that names what it was won for ("the Emmy for Hacks").
    award_credit_preps: Words = []
    episode_nouns: Words = []  # "la troisième saison de X": the complement is a work (kg/extract/cued_titles.py)
    # the subject of a clause about its seasons is a work (kg/extract/cued_titles.py, season_subject_titles)
    work_possession_nouns: Words = []  # "its cast", "its run", "sa distribution"
    work_possessives: Words = []  # "its" (never "his", "her"), "sa", "son", "ses"
    episode_modifiers: Words = []  # "a new season", "sa dernière saison": one season, like a number
    return_verbs: Words = []  # "returns", "revient"
    return_words: Words = []  # "is back", "est de retour"
    bare_subject_nouns: Words = []  # "Production resumes on season four": no title
    creator_nouns: Words = []  # "the Fargo creator": the modifier is a work
    behind_maker_nouns: Words = []  # "the filmmaker behind X, Y and Z": works
    title_stop_words: Words = []
    quantity_words: Words = []
    part_verbs: Words = []
    part_nouns: Words = []
    earlier_work_preps: Words = []  # "après sa comédie X", "since X": an earlier work
    sequel_nouns: Words = []  # "follow-up to X", "la suite de X": X is an earlier work
    earlier_work_words: Words = []  # "son précédent film X", "whose previous feature X"
    career_words: Words = []  # "X, known for playing Y in Z", "vue dans Z": Z is a reference (lemmas)
    adapting_verbs: Words = []  # "le cinéaste y adapte Z", "X adapts Z": the active verb's object is a source (lemmas)
    credited_verbs: Words = []  # "à qui l'on doit Z", "on lui doit Z": an impersonal credit names an earlier work (lemmas)
    synopsis_verbs: Words = []  # "le film suit Paul": who a synopsis follows is a character
    synopsis_prep_verbs: Words = []  # the same through a preposition ("centres on Maya")
    synopsis_nouns: Words = []  # "raconte l'histoire de Michelle"
    character_participles: Words = []
    character_apposition_verbs: Words = []  # with part_verbs: "prête ses traits à sa sœur, Lou": Lou is the part  # "Michelle, une grand-mère incarnée par X"
    crowning_auxiliaries: Words = []
    nominee_words: Words = []  # "an Oscar nominee", "earned an Oscar nomination": not won (scorer.py, frames.py)
    winner_nouns: Words = []  # "X, a two-time Oscar winner", "lauréate de la Palme d'or" (kg/extract/awards.py)
    title_cast_forms: Words = []  # "W stars A and B": written forms after a title, before its cast (mentions.py, en_rules.py)
    winner_list_words: Words = []  # "Among the winners were X (best drama), Y for best actor" (kg/extract/awards.py)
    list_filler_words: Words = []
    title_glue_words: Words = []
    title_complement_openers: Words = []
    post_verbs: Words = []
    succession_verbs: Words = []  # "X succeeds Y as CEO": both held the role
    post_nouns: Words = []
    production_nouns: Words = []
    owned_words: Words = []
    demonyms: Words = []
    non_person_relatives: Words = []  # "X, which…": X is no person, whatever NER said (kg/extract/names.py)
    person_nouns: Words = []  # "la chanteuse Angèle": a one-word name after one is a person
    # quotes and hedges
    speech_verbs: Words = []
    speech_preps: Words = []
    source_preps: Words = []  # "selon Médiamétrie": a cited source is no antecedent
    latest_referents: Words = []  # "ce dernier": the entity named last
    intensive_pronouns: Words = []  # "Y, lui-même contrôlé par Z": the name before the comma
    partitive_words: Words = []  # "l'un des rôles de W", "one of the roles in W": the noun holds the quantifier's place
    demonstratives: Words = []  # "ce polar", "this thriller": a genre noun behind one names an earlier work
    hedge: HedgeSchema = HedgeSchema()
    completion_nouns: Words = []
    # holdings lists (kg/extract/holdings.py)
    holding_verbs: Words = []  # written forms: "possède", "contrôle" (tagged a noun), "owns"
    holding_fillers: Words = []  # "notamment", "déjà", "also"
    # places and awards
    period_words: Words = []  # "le Paris des années 1970": a place with a time is a setting (kg/extract/places.py)
    seat_nouns: Words = []
    air_words: Words = []
    pronominal_only_verbs: Words = []
    place_list_words: Words = []
    based_words: Words = []
    award_preps: Words = []
    award_categories: dict[EntityType, Words] = {}
    fronted_award: Words = []
    # tokenisation (kg/nlp.py)
    tokenizer_words: Words = []  # "long-métrage": hyphenated words the model's tokenizer splits, kept whole
    played_things: Words = []  # "football", "piano": what one plays that is no part (kg/extract/scorer.py)
    noun_compounds: Words = []  # "jeune pousse": multi-word common nouns whose last word the tagger misreads
    # entity typing (kg/extract/mentions.py)
    org_suffixes: Words = []
    distributor_suffixes: Words = []  # "the Paramount Network hit X": a company that airs, not makes, its works (possessives.py)
    company_name_suffixes: Words = []  # "Amy Poehler's Paper Kite Productions": only a company's name ends so (mentions.py)
    bracket_group_nouns: Words = []  # "Canal+ (groupe Vivendi)": the company's group in brackets (holdings.py)
    name_particles: Words = []  # "Charles de Gaulle": lower-case words a person's name may hold
    mention_org_heads: Words = []
    web_suffixes: Words = []  # "Jeuxvideo.com", "france.tv": a site named by its domain
    fronted_work_participles: Words = []  # "Tournée à Lille, X revient…": X is a work
    mention_event_heads: Words = []
    mention_event_suffixes: Words = []  # "the Venice Film Festival": last words of an event's name (names.py)
    mention_award_heads: Words = []
    mention_award_suffixes: Words = []
    mention_award_category: Words = []
    mention_org_nouns: Words = []
    mention_org_apposition_exclude: Words = []
    mention_work_nouns: Words = []
    mention_work_object_verbs: Words = []
    mention_work_subject_verbs: Words = []
    mention_work_pp: Words = []
    mention_org_object_verbs: Words = []
    mention_org_object_nouns: Words = []
    mention_work_arrival_verbs: Words = []  # "Sambre arrive sur France 2": the subject is a work
    company_person_nouns: Words = []  # person nouns a company is called too ("the producer"): no retyping to Person
    mention_org_agent_verbs: Words = []  # "distribué par Pyramide": only a company does it
    mention_place_preps: Words = []
    mention_place_verbs: Words = []
    mention_title_glue: Words = []
    mention_title_glue_before: Words = []
    mention_title_participles: Words = []
    # credit lists of a production (kg/extract/credits.py)
    credit_cues: dict[Predicate, Words] = {}
    credit_role_nouns: dict[Predicate, Words] = {}
    award_credit_words: dict[Predicate, Words] = {}
    credit_list_glue: Words = []
    credit_work_nouns: Words = []
    credit_with_cues: Words = []
    costar_cues: Words = []
    cast_list_tails: Words = []  # "with A and B in support": a 'with' list that ends so is a cast
    possessive_work_nouns: Words = []
    character_cues: Words = []
    # award names (kg/extract/awards.py)
    award_heads: Words = []
    award_proper_heads: Words = []
    award_preps_in_name: Words = []
    award_markers: Words = []
    award_stop_words: Words = []
    award_openers: Words = []
    award_context_openers: Words = []  # "won leading actress": a category opener right after a wonAward frame verb
    prize_verbs: Words = []  # "won the Peabody", "a remporté le Goncourt": a capitalised object is a prize
    award_category_preps: Words = []  # "outstanding ensemble in a drama series"
    award_category_nouns: Words = []
    # English dependency rules (kg/extract/en_rules.py)
    deal_nouns: Words = []
    deal_acquire_verbs: Words = []
    acting_verbs: Words = []
    not_character_objects: Words = []
    set_in_preps: Words = []
    story_nouns: Words = []
    place_nouns: Words = []
    rights_verbs: Words = []
    non_distribution_rights: Words = []
    hire_verbs: Words = []
    title_role_words: Words = []
    lead_cast_verbs: Words = []
    cast_nouns: Words = []
    cast_include_verbs: Words = []
    shot_on_verbs: Words = []
    rights_phrasal_verbs: Words = []
    cofound_verbs: Words = []
    # English cast and crew phrases (kg/extract/works.py)
    lead_nouns: Words = []
    cast_verbs: Words = []
    made_with_verbs: Words = []
    filmmaker_nouns: Words = []
    derived_work_nouns: Words = []
    template_nouns: Words = []
    template_verbs: Words = []
    # verb and noun frames
    frames: list[FrameSchema] = []


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb or noun that triggers a relation, and where its arguments are.

    ``subject``/``object`` name a syntactic slot: ``agent``, ``patient``, or ``obl:<prep>``
    (a complement introduced by that preposition). ``subject_types``/``object_types`` restrict
    the entity types accepted in each slot. ``id`` is the frame's ``id:`` in the lexicon
    (required, unique in its file): the rule name stored with every triple the frame extracts,
    by convention ``frame.<kind>.<predicate>.<first lemma>[.<suffix>]``.
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
    id: str = ""
    retype_work: bool = False
    retype_org: bool = False


@dataclass(slots=True)
class Lexicon:
    """The parsed lexicon of one language."""

    lang: str
    data: dict[str, Any]
    frames: list[Frame] = field(default_factory=list)
    _roles: dict[str, str] = field(default_factory=dict)
    _org_roles: dict[str, str] = field(default_factory=dict)
    _parent_roles: dict[str, str] = field(default_factory=dict)
    _offices: dict[str, str] = field(default_factory=dict)
    _credit_roles: dict[str, str] = field(default_factory=dict)
    _words: dict[tuple[str, str | None], frozenset[str]] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def words(self, key: str, sub: str | None = None) -> frozenset[str]:
        """A word list of the lexicon, as a set (empty if absent); computed once.

        Raises:
            KeyError: when ``key`` is not declared in :class:`LexiconSchema` (a typo in code).
        """
        cached = self._words.get((key, sub))
        if cached is None:
            if key not in LexiconSchema.model_fields:
                raise KeyError(f"'{key}' is not a lexicon key; declare it in kg.lexicon.LexiconSchema")
            value = self.data.get(key, {})
            if sub is not None:
                value = (value or {}).get(sub, [])
            cached = self._words[(key, sub)] = frozenset(str(v).lower() for v in (value or []))
        return cached

    def union(self, *keys: str | tuple[str, str]) -> frozenset[str]:
        """The union of several word lists (a key, or ``(key, sub)`` as :meth:`words` takes
        them), computed once per lexicon: rules ask for the same unions token after token.

        Example:
            >>> lex = load_lexicon("en")
            >>> lex.union("work_nouns", ("pronouns", "Person")) == lex.words("work_nouns") | lex.words("pronouns", "Person")
            True
        """
        name = "union:" + "|".join(k if isinstance(k, str) else ".".join(k) for k in keys)
        found = self._derived.get(name)
        if found is None:
            found = self._derived[name] = frozenset().union(
                *(self.words(k) if isinstance(k, str) else self.words(*k) for k in keys))
        return found

    def derived(self, name: str, build: Callable[[Lexicon], T]) -> T:
        """A value computed from this lexicon by ``build`` (a word set the rules derive from its
        frames or tables), built on first use and kept with the lexicon.

        Example:
            >>> lex = load_lexicon("fr")
            >>> lex.derived("frame_count", lambda lx: len(lx.frames)) == len(lex.frames)
            True
        """
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]

    def frame(self, frame_id: str) -> Frame:
        """The frame with this ``id`` (a rule that reuses a frame's words names it).

        Raises:
            KeyError: when no frame has this id (a rule would silently read nothing).

        Example:
            >>> "finalize" in load_lexicon("en").frame("frame.noun.acquires.acquisition").support_verbs
            True
        """
        found = next((f for f in self.frames if f.id == frame_id), None)
        if found is None:
            raise KeyError(f"no frame has the id '{frame_id}' in the {self.lang} lexicon")
        return found

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

    @property
    def office_nouns(self) -> dict[str, str]:
        """Nouns of an office handed over ("la direction générale" -> ceoOf), from ``office_nouns``."""
        return dict(self._offices)

    @property
    def credit_role_nouns(self) -> dict[str, str]:
        """Credit role noun -> predicate ("réalisateur" -> directedBy), from ``credit_role_nouns``."""
        return dict(self._credit_roles)

    @property
    def parent_role_nouns(self) -> dict[str, str]:
        """Nouns naming the owner of a company ("la maison mère de Y"): the property holds
        from the company named after the noun to the one holding the role."""
        return dict(self._parent_roles)


def lexicon_path(lang: str) -> Path:
    """Path of the bundled lexicon for ``lang``."""
    return Path(str(resources.files("kg") / "data" / "lexicon" / f"{lang}.yaml"))


class _LexiconLoader(yaml.SafeLoader):
    """PyYAML's safe loader with two fixes for word lists: only ``true``/``false`` are
    booleans (YAML 1.1 reads ``no``, ``on``, ``yes``, ``off`` as booleans, which turned the
    English words "no" and "on" into "false" and "true"), and a key written twice in one
    mapping is an error instead of the last one silently winning."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                if key in seen:
                    raise _DuplicateKey(key, key_node.start_mark.line + 1, seen[key])
                seen[key] = key_node.start_mark.line + 1
            except TypeError:  # an unhashable key: let PyYAML report it
                break
        return super().construct_mapping(node, deep=deep)


_LexiconLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                     list("tTfF"))


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int, first: int) -> None:
        super().__init__(key, line, first)
        self.key, self.line, self.first = key, line, first


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """The 1-based line of the YAML key or item at ``loc`` (of the deepest one found)."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _key_path(loc: tuple[int | str, ...]) -> str:
    """``('frames', 3, 'objet')`` -> ``frames[4].objet`` (items count from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif part != "[key]" and not str(part).startswith(("function-", "literal[")):
            out += ("." if out else "") + str(part)
    return out


def _keys_under(loc: tuple[int | str, ...]) -> list[str]:
    """The keys the schema declares in the mapping at ``loc`` (empty if it declares none)."""
    model: type[BaseModel] | None = LexiconSchema
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part)) if model is not None else None
        if info is None:
            return []
        model = next((a for a in (info.annotation, *get_args(info.annotation))
                      if isinstance(a, type) and issubclass(a, BaseModel)), None)
    return list(model.model_fields) if model is not None else []


#: How a wrong type is named in [E091], by pydantic error type.
_EXPECTED = {"list_type": "a list", "string_type": "a word (a string)", "dict_type": "a mapping",
             "model_type": "a mapping", "float_type": "a number", "int_type": "a whole number"}


def _schema_error(file: Path, root: yaml.Node | None, err: dict[str, Any], more: int) -> ModelError:
    """The coded error for the first problem pydantic found (``more`` others are counted)."""
    loc = tuple(err["loc"])
    where, key, got = f"{file}:{_line_of(root, loc)}", _key_path(loc), err.get("input")
    also = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), _keys_under(loc[:-1]), n=1)
        hint = (f"did you mean '{close[0]}'? " if close else "") + "A new key is declared in kg.lexicon.LexiconSchema."
        return ModelError(Errors.E090.format(path=where, key=key, hint=hint) + also)
    if err["type"] == "missing":
        return ModelError(Errors.E092.format(path=where, key=key, detail="this required key is missing") + also)
    if err["type"] in _EXPECTED:
        hint = "; quote a word that YAML reads as a number, a date or null" if isinstance(
            got, (int, float, date)) or got is None else ""
        shown = f"{type(got).__name__} {got!r}"
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return ModelError(Errors.E091.format(path=where, key=key, expected=_EXPECTED[err["type"]],
                                             got=shown, hint=hint) + also)
    if err["type"] == "literal_error":
        detail = f"'{got}' is not one of {err.get('ctx', {}).get('expected', '')}"
    else:
        detail = err["msg"].removeprefix("Value error, ").replace("Input should be", f"'{got}' should be")
    return ModelError(Errors.E092.format(path=where, key=key, detail=detail) + also)


def validate_lexicon(data: Any, file: Path, root: yaml.Node | None = None) -> LexiconSchema:
    """Check parsed lexicon data against :class:`LexiconSchema`.

    Raises:
        ModelError: [E090] unknown key, [E091] wrong type, [E092] invalid value or missing
            key, [E094] two frames with one ``id``.

    Example:
        >>> validate_lexicon({"lang": "fr", "speech_verb": ["dire"]}, Path("fr.yaml"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.ModelError: [E090] fr.yaml:1: unknown lexicon key 'speech_verb': did you mean 'speech_verbs'? ...
    """
    if not isinstance(data, dict):
        raise ModelError(Errors.E012.format(path=file, detail="top level must be a mapping"))
    try:
        schema = LexiconSchema.model_validate(data)
    except ValidationError as exc:
        # an unknown key first: a misspelt required key is also reported missing
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        raise _schema_error(file, root, errors[0], len(errors) - 1) from None
    seen: dict[str, int] = {}
    for i, frame in enumerate(schema.frames):
        if frame.id in seen:
            line = _line_of(root, ("frames", i))
            raise ModelError(Errors.E094.format(path=f"{file}:{line}", id=frame.id, first=seen[frame.id] + 1,
                                                item=i + 1))
        seen[frame.id] = i
    return schema


@lru_cache(maxsize=8)
def load_lexicon(lang: str, path: str | None = None) -> Lexicon:
    """Load and check the lexicon of ``lang`` (cached).

    Raises:
        ModelError: [E012] when the file is missing or is not YAML; [E090]-[E094] when it does
            not fit :class:`LexiconSchema` (see :func:`validate_lexicon`) or repeats a key ([E093]).
    """
    file = Path(path) if path else lexicon_path(lang)
    try:
        loader = _LexiconLoader(file.read_text(encoding="utf-8"))
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else {}
        finally:
            loader.dispose()
    except _DuplicateKey as dup:
        raise ModelError(Errors.E093.format(path=f"{file}:{dup.line}", key=dup.key, first=dup.first)) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ModelError(Errors.E012.format(path=file, detail=exc)) from None
    schema = validate_lexicon(data, file, root)
    if schema.lang != lang:
        raise ModelError(Errors.E092.format(path=f"{file}:{_line_of(root, ('lang',))}", key="lang",
                                            detail=f"'{schema.lang}', but it was loaded as the '{lang}' lexicon"))
    lex = Lexicon(lang=lang, data=data)
    for table, target in ((schema.roles, lex._roles), (schema.org_roles, lex._org_roles),
                          (schema.parent_roles, lex._parent_roles), (schema.credit_role_nouns, lex._credit_roles),
                          (schema.office_nouns, lex._offices)):
        for pred, nouns in table.items():
            for noun in nouns:
                target.setdefault(noun.lower(), pred)
    for raw in schema.frames:
        lemmas = tuple(x.lower() for x in raw.lemmas)
        lex.frames.append(Frame(
            predicate=raw.predicate, lemmas=lemmas, subject=raw.subject, object=raw.object,
            subject_types=tuple(raw.subject_types), object_types=tuple(raw.object_types),
            confidence=raw.confidence, kind=raw.kind, support_verbs=tuple(x.lower() for x in raw.support_verbs),
            id=raw.id, retype_work=raw.retype_work, retype_org=raw.retype_org,
        ))
    return lex
