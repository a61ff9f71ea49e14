"""The alias registry (kg.registry): file round-trip, cross-article matching, merge/split/never-merge,
stable keys across processes, and the store-side IRI rewrite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import ResolveError
from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
from kg.registry import (Registry, RegistryEntry, canonicalise, canonicalise_all, entities_table, find_entity,
                         list_entities, load_registry, merge, merge_entities, registry_path, rewrite_iris,
                         save_registry, split, split_entity)


def article(doc_id: str, text: str, *ents: tuple[str, str, str, set[str]], lang: str = "en",
            qids: dict[str, str] | None = None) -> Extraction:
    """An extraction with one mention per alias (offsets are fake but distinct)."""
    doc = Document(id=doc_id, text=text, lang=lang)
    out, pos = [], 0
    for key, label, type_, aliases in ents:
        ms = []
        for a in sorted(aliases | {label}):
            ms.append(Mention(a, pos, pos + len(a), type_, "ner:X"))
            pos += len(a) + 1
        out.append(Entity(key, label, type_, aliases | {label}, ms, (qids or {}).get(label)))
    return Extraction(doc, out, [])


def keys(x: Extraction) -> list[str]:
    return sorted(e.key for e in x.entities)


def test_round_trip(tmp_path):
    reg = Registry()
    reg.entries["organization/warner-bros-discovery"] = RegistryEntry(
        "organization/warner-bros-discovery", "Warner Bros. Discovery", "Organization",
        {"Warner Bros. Discovery", "WBD", "Warner Bros Discovery"}, None, {"organization/warner-bros"})
    reg.entries["person/ted-sarandos"] = RegistryEntry("person/ted-sarandos", "Ted Sarandos", "Person",
                                                       {"Ted Sarandos", "Sarandos"}, "Q123")
    reg.counts = {"h1": {"person/ted-sarandos": 2, "organization/warner-bros-discovery": 1}}
    save_registry(reg, tmp_path)
    text = registry_path(tmp_path).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "id\tlabel\ttype\taliases\twikidata\tnever_merge"
    back = load_registry(tmp_path)
    assert back.entries == reg.entries and back.counts == reg.counts
    save_registry(back, tmp_path)
    assert registry_path(tmp_path).read_text(encoding="utf-8") == text  # stable file


def test_a_hand_edited_file_is_read(tmp_path):
    registry_path(tmp_path).write_text(
        "id\tlabel\ttype\taliases\twikidata\tnever_merge\n"
        "organization/kestrel\tKestrel Media Research\tOrganization\tKMR | Kestrel\t\t\n", encoding="utf-8")
    reg = load_registry(tmp_path)
    assert reg.entries["organization/kestrel"].aliases == {"Kestrel Media Research", "KMR", "Kestrel"}
    x = canonicalise(article("a", "KMR said", ("organization/kmr", "KMR", "Organization", set())), reg)
    assert keys(x) == ["organization/kestrel"]


def test_a_bad_row_names_its_line(tmp_path):
    registry_path(tmp_path).write_text("id\tlabel\ttype\taliases\twikidata\tnever_merge\nx/y\tY\tThing\t\t\t\n",
                                       encoding="utf-8")
    with pytest.raises(ResolveError, match=r"\[E050\].*:2:.*Thing"):
        load_registry(tmp_path)


def test_cross_article_by_normalised_name_and_alias():
    reg = Registry()
    a = article("a", "Warner Bros. Discovery (WBD)", ("organization/warner-bros-discovery", "Warner Bros. Discovery",
                                                     "Organization", {"WBD"}))
    b = article("b", "WBD", ("organization/wbd", "WBD", "Organization", set()))
    c = article("c", "Warner Bros Discovery, Inc.", ("organization/warner-bros-discovery", "Warner Bros Discovery",
                                                    "Organization", {"Warner Bros Discovery, Inc."}))
    xs = canonicalise_all([a, b, c], reg)
    assert [keys(x) for x in xs] == [["organization/warner-bros-discovery"]] * 3
    assert reg.mentions("organization/warner-bros-discovery") == 5 and reg.articles("organization/warner-bros-discovery") == 3


def test_order_does_not_change_the_keys():
    a = article("a", "Kestrel Media Research (KMR)", ("organization/kestrel-media-research", "Kestrel Media Research",
                                                     "Organization", {"KMR"}))
    b = article("b", "KMR", ("organization/kmr", "KMR", "Organization", set()))
    one, two = Registry(), Registry()
    first = canonicalise_all([a, b], one)
    second = canonicalise_all([b, a], two)
    assert sorted(one.entries) == sorted(two.entries) == ["organization/kestrel-media-research"]
    assert keys(first[1]) == keys(second[0]) == ["organization/kestrel-media-research"]
    assert two.renames == {"organization/kmr": "organization/kestrel-media-research"}


def test_surnames_and_shared_surnames_never_merge_across_articles():
    reg = Registry()
    greg = article("a", "Greg Peters", ("person/greg-peters", "Greg Peters", "Person", set()))
    anna = article("b", "Anna Peters ... Peters", ("person/anna-peters", "Anna Peters", "Person", {"Peters"}))
    bare = article("c", "Peters", ("person/peters~0123abcd", "Peters", "Person", set()))
    xs = canonicalise_all([greg, anna, bare], reg)
    assert [keys(x) for x in xs] == [["person/greg-peters"], ["person/anna-peters"], ["person/peters~0123abcd"]]


def test_incompatible_types_never_merge_across_articles():
    reg = Registry()
    xs = canonicalise_all([article("a", "Paris", ("place/paris", "Paris", "Place", set())),
                           article("b", "Paris", ("person/paris", "Paris", "Person", set()))], reg)
    assert [keys(x) for x in xs] == [["place/paris"], ["person/paris"]]


def test_same_wikidata_id_is_one_entity_with_a_label_per_language():
    reg = Registry()
    fr = article("a", "l'IA", ("concept/ia", "IA", "Concept", set()), lang="fr", qids={"IA": "Q11660"})
    en = article("b", "AI", ("concept/ai", "AI", "Concept", set()), lang="en", qids={"AI": "Q11660"})
    xfr, xen = canonicalise_all([fr, en], reg)
    # one rdfs:label for the store (the canonical one), a skos:prefLabel per language
    assert [(e.key, e.label, e.pref_label) for e in xfr.entities] == [("concept/ai", "AI", "IA")]
    assert [(e.key, e.label, e.pref_label) for e in xen.entities] == [("concept/ai", "AI", "AI")]
    assert reg.entries["concept/ai"].wikidata == "Q11660"


def test_merge_and_never_merge():
    reg = Registry()
    canonicalise_all([article("a", "WBD", ("organization/wbd", "WBD", "Organization", set())),
                      article("b", "Warner", ("organization/warner-media", "Warner Media", "Organization", set()))], reg)
    assert merge(reg, "Warner Media", "organization/wbd") == "organization/warner-media"
    assert "WBD" in reg.entries["organization/warner-media"].aliases and "organization/wbd" not in reg.entries
    assert reg.renames == {"organization/wbd": "organization/warner-media"}
    x = canonicalise(article("c", "WBD", ("organization/wbd", "WBD", "Organization", set())), reg)
    assert keys(x) == ["organization/warner-media"]


def test_merge_refuses_incompatible_types_and_never_merge_pairs():
    reg = Registry({"person/a-b": RegistryEntry("person/a-b", "A B", "Person", {"A B"}),
                    "organization/a-b": RegistryEntry("organization/a-b", "A B", "Organization", {"A B"},
                                                      never_merge={"organization/c"}),
                    "organization/c": RegistryEntry("organization/c", "C", "Organization", {"C"})})
    with pytest.raises(ResolveError, match="E053"):
        merge(reg, "person/a-b", "organization/a-b")
    with pytest.raises(ResolveError, match="E054"):
        merge(reg, "organization/c", "organization/a-b")
    with pytest.raises(ResolveError, match="E052"):
        find_entity(reg, "A B!")  # ambiguous name: use the id
    with pytest.raises(ResolveError, match="E051"):
        find_entity(reg, "Nobody")


def test_split_keeps_the_alias_apart_from_then_on():
    reg = Registry()
    sky = ("organization/paramount-skydance", "Paramount Skydance", "Organization", {"Paramount"})
    canonicalise(article("a", "Paramount Skydance ... Paramount", sky), reg)
    new = split(reg, "organization/paramount-skydance", "Paramount")
    assert new == "organization/paramount"
    assert reg.apart("organization/paramount-skydance", "organization/paramount")
    # the next article that writes both forms gets two entities
    x = canonicalise(article("b", "Paramount Skydance ... Paramount", sky), reg)
    assert keys(x) == ["organization/paramount", "organization/paramount-skydance"]
    assert "Paramount" not in reg.entries["organization/paramount-skydance"].aliases
    with pytest.raises(ResolveError, match="E054"):
        merge(reg, "organization/paramount", "organization/paramount-skydance")


def test_store_dir_functions(tmp_path):
    reg = Registry()
    canonicalise_all([article("a", "x", ("organization/wbd", "WBD", "Organization", set())),
                      article("b", "y", ("organization/warner-bros-discovery", "Warner Bros. Discovery",
                                         "Organization", set()))], reg)
    save_registry(reg, tmp_path)
    assert {r["id"] for r in list_entities(tmp_path)} == {"organization/wbd", "organization/warner-bros-discovery"}
    renames = merge_entities(tmp_path, "Warner Bros. Discovery", "WBD")
    assert renames == {"organization/wbd": "organization/warner-bros-discovery"}
    rows = list_entities(tmp_path)
    assert [(r["id"], r["aliases"], r["mentions"]) for r in rows] == [
        ("organization/warner-bros-discovery", ["WBD"], 2)]
    assert split_entity(tmp_path, "organization/warner-bros-discovery", "WBD") == "organization/wbd"
    assert len(entities_table(load_registry(tmp_path))) == 2


def test_canonicalised_triples_use_registry_entities():
    doc = Document("a", "Ted Sarandos dirige Netflix, Inc.", "fr")
    ted_m, nf_m = Mention("Ted Sarandos", 0, 12, "Person", "ner:PER"), Mention("Netflix, Inc.", 20, 33, "Organization", "gazetteer")
    ted = Entity("person/ted-sarandos", "Ted Sarandos", "Person", {"Ted Sarandos"}, [ted_m])
    nf = Entity("organization/netflix", "Netflix", "Organization", {"Netflix, Inc."}, [nf_m], "Q907311")
    rel = Relation(ted_m, "ceoOf", nf_m, doc.text, 0, "role.verb", 0.9)
    x = canonicalise(Extraction(doc, [ted, nf], [Triple(ted, "ceoOf", nf, rel)]), Registry())
    t = x.triples[0]
    assert (t.subject.key, t.predicate, t.object.key, t.object.wikidata) == (
        "person/ted-sarandos", "ceoOf", "organization/netflix", "Q907311")
    assert t.evidence is rel


def test_rewrite_iris_in_every_graph():
    from rdflib import Dataset, Literal

    from kg.namespace import MKG, RDFS, RES, SKOS

    ds = Dataset()
    old, new, other = RES["organization/wbd"], RES["organization/warner-bros-discovery"], RES["person/x"]
    for name in ("graph/a", "graph/b"):
        g = ds.graph(RES[name])
        g.add((old, RDFS.label, Literal("WBD")))
        g.add((other, MKG.ceoOf, old))
    assert rewrite_iris(ds, {old: new}) == 4
    assert not list(ds.quads((old, None, None, None))) and not list(ds.quads((None, None, old, None)))
    assert len(list(ds.quads((other, MKG.ceoOf, new, None)))) == 2
    assert len(list(ds.quads((new, SKOS.altLabel, Literal("WBD"), None)))) == 2


def test_rewrite_iris_interrupted_then_rerun_converges(tmp_path):
    """A build killed inside the rewrite leaves some quads moved; the re-run finishes the job."""
    from rdflib import Literal

    from kg.namespace import MKG, RDFS, RES
    from kg.store import Store

    old, new = RES["organization/wbd"], RES["organization/warner-bros-discovery"]
    people = [RES[f"person/p{i}"] for i in range(6)]

    def fill(store):
        for i, person in enumerate(people):
            g = RES[f"graph/test-{i}"]  # not an article graph: the writer would drop it (no commit marker)
            store.dataset.add((old, RDFS.label, Literal("WBD"), g))
            store.dataset.add((person, MKG.ceoOf, old, g))

    def quads(store):
        return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in store.dataset.quads((None, None, None, None))}

    with Store(tmp_path / "once") as once:
        fill(once)
        rewrite_iris(once.dataset, {old: new})
        expected = quads(once)
    with Store(tmp_path / "twice") as twice:
        fill(twice)
        for s, p, o, g in sorted(q for q in quads(twice) if q[1] == MKG.ceoOf)[:3]:  # a kill after three moves
            twice.dataset.remove((s, p, o, g))
            twice.dataset.add((s, p, new, g))
    with Store(tmp_path / "twice") as twice:  # the re-run reopens the store
        rewrite_iris(twice.dataset, {old: new})
        assert quads(twice) == expected
    assert len(expected) == 12 and not any(old in q for q in expected)


_KEYS_SCRIPT = """
import json
from kg.registry import Registry, canonicalise_all
from kg.records import Document, Entity, Extraction, Mention
def art(i, label, type_, aliases, lang, qid=None):
    ms = [Mention(a, n * 10, n * 10 + len(a), type_, "ner:X") for n, a in enumerate(sorted(aliases | {label}))]
    return Extraction(Document(i, i + label, lang), [Entity("x/" + label, label, type_, aliases | {label}, ms, qid)], [])
from kg.resolve import entity_key
arts = [art("a", "KMR", "Organization", set(), "en"),
        art("b", "Kestrel Media Research", "Organization", {"KMR"}, "en"),
        art("c", "IA", "Concept", set(), "fr", "Q11660"),
        art("d", "Ted Sarandos", "Person", {"Sarandos"}, "en")]
arts = [Extraction(x.document, [Entity(entity_key(e.type, e.label), e.label, e.type, e.aliases, e.mentions, e.wikidata)
                                for e in x.entities], []) for x in arts]
reg = Registry()
print(json.dumps([[e.key for e in x.entities] for x in canonicalise_all(arts, reg)] + [sorted(reg.entries)]))
"""


def test_keys_are_stable_across_processes_and_hash_seeds():
    outputs = []
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _KEYS_SCRIPT], capture_output=True, text=True, env=env,
                             cwd=Path(__file__).resolve().parents[2], check=True)
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0][-1] == ["concept/ai", "organization/kestrel-media-research", "person/ted-sarandos"]


def _triple(s: Entity, predicate: str, o: Entity, text: str) -> Triple:
    ms, mo = s.mentions[0], o.mentions[0]
    return Triple(s, predicate, o, Relation(ms, predicate, mo, text, 0, "test", 0.9))


def test_merge_never_yields_a_self_loop():
    """Two names of one article that the registry knows as one entity: the triple between them is dropped."""
    reg = Registry()
    canonicalise_all([article("a", "Warner Bros. Discovery (WBD)", ("organization/warner-bros-discovery",
                                                                     "Warner Bros. Discovery", "Organization", {"WBD"}))], reg)
    x = article("b", "WBD Warner Bros. Discovery",
                ("organization/wbd", "WBD", "Organization", set()),
                ("organization/warner-bros-discovery", "Warner Bros. Discovery", "Organization", set()))
    x = Extraction(x.document, x.entities, [_triple(x.entities[0], "partnersWith", x.entities[1], x.document.text)])
    (out,) = canonicalise_all([x], reg)
    assert keys(out) == ["organization/warner-bros-discovery"]
    assert out.triples == []


def test_merge_never_yields_a_type_incompatible_triple():
    """A Product mention merged into an Organization entry: ``produces`` a product becomes an
    organization object, which the ontology forbids, so the triple is dropped."""
    reg = Registry()
    canonicalise_all([article("a", "Netflix", ("organization/netflix", "Netflix", "Organization", set()),
                              qids={"Netflix": "Q907311"})], reg)
    x = article("b", "Mediawan Netflix",
                ("organization/mediawan", "Mediawan", "Organization", set()),
                ("product/netflix", "Netflix", "Product", set()), qids={"Netflix": "Q907311"})
    x = Extraction(x.document, x.entities, [_triple(x.entities[0], "produces", x.entities[1], x.document.text)])
    (out,) = canonicalise_all([x], reg)
    assert "organization/netflix" in keys(out)
    assert [(t.subject.key, t.predicate, t.object.key) for t in out.triples] == []


def test_store_label_is_canonical_and_surface_forms_are_aliases():
    from kg.resolve import LinkedEntity

    reg = Registry()
    doc = Document("a", "MGM signed.", "en")
    mgm = LinkedEntity("organization/metro-goldwyn-mayer", "MGM", "Organization", {"MGM"},
                       [Mention("MGM", 0, 3, "Organization", "gazetteer")], canonical="Metro-Goldwyn-Mayer")
    (out,) = canonicalise_all([Extraction(doc, [mgm], [])], reg)
    (e,) = out.entities
    assert (e.key, e.label) == ("organization/metro-goldwyn-mayer", "Metro-Goldwyn-Mayer")
    assert "MGM" in e.aliases
    assert reg.entries["organization/metro-goldwyn-mayer"].label == "Metro-Goldwyn-Mayer"


def test_scoped_ids_are_valid_slugs():
    import re

    from kg.resolve import entity_key, is_scoped

    key = entity_key("Person", "Oracle", scope="33FC2A93" + "0" * 56)
    assert re.fullmatch(r"person/[0-9a-z]+(-[0-9a-z]+)*", key) and is_scoped(key)
    assert is_scoped("person/peters~0123abcd")  # the scheme of older stores


# --- incremental indexes: no rebuild, no scan of the registry per article ----------------

def _scratch(reg: Registry) -> tuple:
    """Every index of the registry computed from scratch over all its entries and counts."""
    from kg.registry import build_index

    partners = {i: {p for p in e.never_merge | {o.id for o in reg.entries.values() if i in o.never_merge}
                    if p in reg.entries} for i, e in reg.entries.items()}
    articles = {i: {a for a, c in reg.counts.items() if i in c} for i in reg.entries}
    return build_index(reg), partners, articles


def _live(reg: Registry) -> tuple:
    by_name, by_qid = reg.index()
    return ((dict(by_name), dict(by_qid)), {i: reg.partners(i) for i in reg.entries},
            {i: reg.articles_of(i) for i in reg.entries})


def _growing_archive(n: int) -> list[Extraction]:
    """Articles where names grow (acronym first, full name later: a rename), repeat across
    articles, share a Wikidata id, and come with bare surnames."""
    out = []
    for i in range(n):
        k = i // 3  # each company appears in three consecutive articles, acronym first
        full = f"Kestrel{k} Media Research"
        acro = f"KMR{k}"
        company = ((f"organization/kmr{k}", acro, "Organization", set()) if i % 3 == 0 else
                   (f"organization/kestrel{k}-media-research", full, "Organization", {acro}))
        person = (f"person/ana-vidal{i}", f"Ana Vidal{i}", "Person", {f"Vidal{i}"})
        shared = ("concept/ia", "IA", "Concept", set())
        out.append(article(f"a{i}", f"text {i}", company, person, shared, qids={"IA": "Q11660"}))
    return out


def test_indexes_equal_a_from_scratch_build_after_inserts_renames_merges_and_splits():
    reg = Registry()
    for x in _growing_archive(30):
        canonicalise_all([x], reg)
        assert _live(reg) == _scratch(reg)
    assert any(old.startswith("organization/kmr") for old in reg.renames)  # renames did happen
    assert "organization/kestrel3-media-research" in reg.entries and "organization/kmr3" not in reg.entries
    assert merge(reg, "organization/kestrel1-media-research", "organization/kestrel2-media-research")
    assert _live(reg) == _scratch(reg)
    new = split(reg, "organization/kestrel1-media-research", "KMR2")
    assert reg.partners(new) == {"organization/kestrel1-media-research"}
    assert _live(reg) == _scratch(reg)
    canonicalise_all(_growing_archive(12)[6:9], reg)  # articles that name the split entity again
    assert _live(reg) == _scratch(reg)
    reg.entries["person/zoe-hand"] = RegistryEntry("person/zoe-hand", "Zoe Hand", "Person", {"Zoe Hand", "Hand"},
                                                   never_merge={new})
    assert reg.lookup("Person", "zoe hand") == {"person/zoe-hand"} and reg.lookup("Person", "Hand") == set()
    assert new in reg.partners("person/zoe-hand") and "person/zoe-hand" in reg.partners(new)
    del reg.entries["person/zoe-hand"]
    assert _live(reg) == _scratch(reg)


def test_loading_a_registry_builds_the_indexes_once(tmp_path):
    reg = Registry()
    canonicalise_all(_growing_archive(9), reg)
    save_registry(reg, tmp_path)
    back = load_registry(tmp_path)
    assert back.index_builds == 1
    assert _live(back) == _scratch(back)
    assert back.lookup("Organization", "KMR1") == {"organization/kestrel1-media-research"}


def test_registering_articles_never_rebuilds_or_scans_the_registry(monkeypatch):
    """Each article costs dict lookups: a per-entity index rebuild or a scan of every entry
    (as ``_partners`` and ``_rekey`` did) would iterate ``entries`` here."""
    from kg import registry as registry_module

    reg = Registry()
    canonicalise_all(_growing_archive(6), reg)  # a registry with entries, renames and counts
    visits = {"n": 0}

    def counted(name):
        original = getattr(dict, name)

        def method(self, *a, **k):
            visits["n"] += 1
            return original(self, *a, **k)
        return method

    for name in ("__iter__", "values", "items", "keys"):
        monkeypatch.setattr(registry_module._Entries, name, counted(name), raising=False)
    list(reg.entries.values())
    assert visits["n"] == 1  # the counter sees a scan (positive twin)
    visits["n"] = 0
    builds = reg.index_builds
    for x in _growing_archive(30)[6:]:
        canonicalise(x, reg)
    assert visits["n"] == 0 and reg.index_builds == builds
    assert len(reg.entries) > 20 and any(k.startswith("organization/kmr") for k in reg.renames)
