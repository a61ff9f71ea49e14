"""Within-document resolution (kg.resolve): short texts with hand-made mentions, no model."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.records import Document, Mention
from kg.resolve import (SCOPE_SEP, acronym_definitions, entity_key, is_acronym_of, link_gazetteer, name_key,
                        resolve_mentions, strip_legal)


def mentions(text: str, *spans: tuple[str, str, str]) -> list[Mention]:
    """Mentions of ``(surface, type, source)`` at their successive occurrences in ``text``."""
    out, pos = [], {}
    for surface, type_, source in spans:
        start = text.index(surface, pos.get(surface, 0))
        pos[surface] = start + len(surface)
        out.append(Mention(surface, start, start + len(surface), type_, source))
    return out


def resolve(text: str, *spans: tuple[str, str, str], gazetteer: Gazetteer | None = None):
    doc = Document(id="t", text=text, lang="en")
    ents = resolve_mentions(mentions(text, *spans), doc, gazetteer if gazetteer is not None else Gazetteer([]))
    return doc, ents


@pytest.mark.parametrize(("name", "stripped"), [
    ("Netflix, Inc.", "Netflix"),
    ("Ubisoft Entertainment SA", "Ubisoft Entertainment"),
    ("Vivendi SE", "Vivendi"),
    ("Sony Group Corporation", "Sony"),
    ("Asteria Film Co.", "Asteria Film"),
    ("Group", "Group"),
])
def test_strip_legal(name, stripped):
    assert strip_legal(name) == stripped


@pytest.mark.parametrize(("a", "b"), [
    ("Netflix, Inc.", "NETFLIX"), ("France Télévisions", "France Televisions"),
    ("Warner Bros. Discovery", "Warner Bros Discovery"), ("Mediawan", "MEDIAWAN"),
])
def test_name_key_ignores_case_accents_punctuation_suffixes(a, b):
    assert name_key(a) == name_key(b)


def test_surname_joins_the_full_name():
    text = "Netflix co-CEO Ted Sarandos spoke. Sarandos said more."
    _, ents = resolve(text, ("Ted Sarandos", "Person", "ner:PER"), ("Sarandos", "Person", "ner:PER"))
    assert {e.key for e in ents.values()} == {"person/ted-sarandos"}


def test_surname_found_when_the_ner_missed_it():
    text = "Netflix co-CEO Ted Sarandos spoke. Sarandos is expected to talk."
    _, ents = resolve(text, ("Ted Sarandos", "Person", "ner:PER"))
    ted = next(iter(ents.values()))
    assert [m.text for m in ted.mentions] == ["Ted Sarandos", "Sarandos"]
    assert ted.mentions[1].source == "resolve:surname"


def test_two_people_sharing_a_surname_stay_apart_and_the_bare_surname_is_scoped():
    text = "David Ellison met Larry Ellison. Ellison said no."
    doc, ents = resolve(text, ("David Ellison", "Person", "ner:PER"), ("Larry Ellison", "Person", "ner:PER"),
                        ("Ellison", "Person", "ner:PER"))
    keys = {e.key for e in ents.values()}
    assert {"person/david-ellison", "person/larry-ellison"} <= keys
    bare = [k for k in keys if k.startswith("person/ellison")]
    assert bare == [entity_key("Person", "Ellison", scope=doc.content_hash)] and SCOPE_SEP in bare[0]


def test_acronym_defined_in_the_text():
    text = "Warner Bros. Discovery (WBD) said on Thursday it would grow. WBD gave no targets."
    _, ents = resolve(text, ("Warner Bros. Discovery", "Organization", "ner:ORG"), ("WBD", "Person", "ner:PER"))
    assert {e.key for e in ents.values()} == {"organization/warner-bros-discovery"}
    wbd = next(iter(ents.values()))
    assert len(wbd.mentions) == 3 and "WBD" in wbd.aliases  # the second WBD was found by the resolver


@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("WBD", "Warner Bros. Discovery", True),
    ("CNC", "Centre national du cinéma et de l'image animée", True),
    ("AMPAS", "Academy of Motion Picture Arts and Sciences", True),
    ("ILM", "Industrial Light & Magic", True),
    ("WBD", "Netflix", False),
    ("BBC", "Canal Plus", False),
])
def test_is_acronym_of(acronym, name, expected):
    assert is_acronym_of(acronym, name) is expected


def test_a_parenthesis_that_is_not_the_acronym_is_ignored():
    text = "Netflix (NFLX) rose. Canal+ (TF1) fell."
    ms = mentions(text, ("Netflix", "Organization", "ner:ORG"), ("Canal+", "Organization", "ner:ORG"))
    assert set(acronym_definitions(ms, text)) == set()


def test_legal_suffix_variants_are_one_entity_and_every_form_is_kept():
    text = "Kestrel Media Ltd said that Kestrel Media, a research firm, ..."
    _, ents = resolve(text, ("Kestrel Media Ltd", "Organization", "ner:ORG"), ("Kestrel Media", "Organization", "ner:ORG"))
    assert len({e.key for e in ents.values()}) == 1
    ent = next(iter(ents.values()))
    assert ent.label == "Kestrel Media" and {"Kestrel Media Ltd", "Kestrel Media"} <= ent.aliases


def test_legal_suffix_after_the_mention_is_kept_as_an_alias():
    text = "Les actionnaires d'Ubisoft Entertainment SA se réuniront."
    _, ents = resolve(text, ("Ubisoft Entertainment", "Organization", "gazetteer"), gazetteer=load_gazetteer())
    ent = next(iter(ents.values()))
    # the label is the article's own name; the gazetteer link is the key and ``canonical``
    assert ent.label == "Ubisoft Entertainment" and ent.canonical == "Ubisoft" and ent.key == "organization/ubisoft"
    assert ent.wikidata == "Q188273" and "Ubisoft Entertainment SA" in ent.aliases


def test_suffix_lookalike_is_not_an_alias():
    text = "Greg Peters, co-CEO of Netflix, spoke."
    _, ents = resolve(text, ("Greg Peters", "Person", "ner:PER"))
    assert next(iter(ents.values())).aliases == {"Greg Peters"}


def test_concept_contained_in_one_longer_concept():
    text = "Le montage virtuel change tout : le montage devient rapide."
    _, ents = resolve(text, ("montage virtuel", "Concept", "context:MISC"), ("montage", "Concept", "context:MISC"))
    assert {e.label for e in ents.values()} == {"montage virtuel"}


def test_gazetteer_concepts_stay_apart():
    text = "L'IA générative est une forme d'IA."
    _, ents = resolve(text, ("IA générative", "Concept", "gazetteer"), ("IA", "Concept", "gazetteer"),
                      gazetteer=load_gazetteer())
    assert {e.label for e in ents.values()} == {"IA générative", "IA"}


def test_incompatible_types_never_merge():
    text = "Paris Hilton visited Paris."
    _, ents = resolve(text, ("Paris Hilton", "Person", "ner:PER"), ("Paris", "Place", "ner:LOC"))
    assert {e.key for e in ents.values()} == {"person/paris-hilton", "place/paris"}


def test_same_name_strong_type_wins_over_ner():
    text = "Dans un communiqué, MEDIAWAN annonce une série."
    _, ents = resolve(text, ("MEDIAWAN", "Person", "ner:PER"), gazetteer=load_gazetteer())
    ent = next(iter(ents.values()))
    assert (ent.key, ent.label, ent.type) == ("organization/mediawan", "Mediawan", "Organization")
    assert "MEDIAWAN" in ent.aliases


def test_context_type_is_not_overridden_by_the_gazetteer():
    gaz = load_gazetteer()
    assert link_gazetteer("Netflix", "Person", gaz) is None
    assert link_gazetteer("Netflix", "Person", gaz, weak=True).type == "Organization"


def test_keys_are_derived_from_type_and_label():
    assert entity_key("Organization", "Netflix, Inc.") == "organization/netflix"
    assert entity_key("CreativeWork", "L'Éternaute") == "creativework/l-eternaute"


# --- labels: the article's own fullest name; the gazetteer link stays in key / canonical -------

def _resolved(text: str, *spans: tuple[str, str, str]):
    from kg.resolve import resolve_document

    doc = Document(id="t", text=text, lang="en")
    return resolve_document(doc, mentions(text, *spans), [], load_gazetteer())


@pytest.mark.parametrize(("text", "surface", "type_", "key", "canonical"), [
    ("MGM was sold.", "MGM", "Organization", "organization/metro-goldwyn-mayer", "Metro-Goldwyn-Mayer"),
    ("L'Éternaute est une série.", "L'Éternaute", "CreativeWork", "creativework/the-eternaut", "The Eternaut"),
    ("The studio is in California.", "California", "Place", "place/californie", "Californie"),
    ("Il a reçu le Cristal du long métrage.", "Cristal du long métrage", "Award", "award/cristal-d-annecy",
     "Cristal d'Annecy"),
])
def test_label_is_the_articles_name_and_the_link_stays(text, surface, type_, key, canonical):
    x = _resolved(text, (surface, type_, "gazetteer"))
    (e,) = x.entities
    assert (e.label, e.key, e.canonical) == (surface, key, canonical)
    assert x.to_json()["entities"][0]["label"] == surface
    assert x.to_json()["entities"][0]["canonical"] == canonical


def test_label_is_the_fullest_form_of_the_article():
    x = _resolved("Warner Bros. Discovery (WBD) said. WBD did not.",
                  ("Warner Bros. Discovery", "Organization", "ner:ORG"), ("WBD", "Organization", "ner:ORG"))
    assert [e.label for e in x.entities] == ["Warner Bros. Discovery"]
    x = _resolved("Netflix co-CEO Ted Sarandos spoke. Sarandos said more.",
                  ("Ted Sarandos", "Person", "ner:PER"), ("Sarandos", "Person", "ner:PER"))
    assert [e.label for e in x.entities] == ["Ted Sarandos"]


def test_source_work_is_not_its_adaptation():
    gaz = load_gazetteer()
    assert link_gazetteer("El Eternauta", "CreativeWork", gaz).label == "El Eternauta"
    assert link_gazetteer("L'Éternaute", "CreativeWork", gaz).label == "The Eternaut"
    assert link_gazetteer("Le Combat des chefs", "CreativeWork", gaz).label == "Le Combat des chefs"
    assert link_gazetteer("Dune: Part One", "CreativeWork", gaz).label == "Dune: Part One"


def test_forbidden_triples_are_remapped_or_dropped():
    from kg.records import Relation
    from kg.resolve import resolve_document

    text = "Canal+ développe la série Les Veilleurs du port."
    doc = Document(id="t", text=text, lang="fr")
    canal, serie = mentions(text, ("Canal+", "Organization", "gazetteer"),
                            ("Les Veilleurs du port", "CreativeWork", "context"))
    rels = [Relation(canal, "develops", serie, text, 0, "test", 0.9),
            Relation(canal, "actsIn", serie, text, 0, "test", 0.8),
            Relation(canal, "partnersWith", canal, text, 0, "test", 0.7)]
    x = resolve_document(doc, [canal, serie], rels, load_gazetteer())
    assert [(t.subject.label, t.predicate, t.object.label) for t in x.triples] == [
        ("Canal+", "produces", "Les Veilleurs du port")]


def test_a_known_name_read_as_a_title_is_an_entity_of_its_own():
    # "la série Marseille" (a gazetteer place the context retyped) and the city in the same article
    text = "La série Marseille revient. Elle se déroule à Marseille."
    _, ents = resolve(text, ("Marseille", "CreativeWork", "context:gazetteer"), ("Marseille", "Place", "gazetteer"),
                      gazetteer=load_gazetteer())
    assert {e.key for e in ents.values()} == {"creativework/marseille", "place/marseille"}


def test_two_plain_mentions_of_a_known_name_stay_one_entity_twin():
    text = "Marseille attend la série. Le tournage a lieu à Marseille."
    _, ents = resolve(text, ("Marseille", "Place", "gazetteer"), ("Marseille", "Place", "gazetteer"),
                      gazetteer=load_gazetteer())
    assert {e.key for e in ents.values()} == {"place/marseille"}
