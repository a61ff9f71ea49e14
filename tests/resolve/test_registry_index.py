"""The lazily loaded registry (``load_registry(store, lazy=True)``, what ``kg build`` uses):
it reads from the snapshot index only the entries a build looks up, saves by merging the
rows it changed into the TSV files, and gives the same ids and the same files as the eager
registry, also after a hand edit, a ``kg split`` or an interrupted save."""

from __future__ import annotations

import shutil

import pytest

from kg.records import Extraction
from kg.registry import (INDEX_FILE, MENTIONS_FILE, Registry, _SnapshotIndex, canonicalise_all, commit_registry,
                         load_registry, registry_path, save_registry, split_entity)
from tests.resolve.test_registry import article as registry_article


def article(doc_id: str, *ents: tuple[str, str, str, set[str]], qids: dict[str, str] | None = None) -> Extraction:
    """An extraction with one mention per alias (see tests/resolve/test_registry.py)."""
    return registry_article(doc_id, f"text of {doc_id}", *ents, qids=qids)


def archive(n: int, start: int = 0) -> list[Extraction]:
    """Articles whose names grow (an acronym first, the full name two articles later: a
    rename), repeat across articles, share a Wikidata id, and come with bare surnames."""
    out = []
    for i in range(start, start + n):
        k = i // 3
        company = ((f"organization/kmr{k}", f"KMR{k}", "Organization", set()) if i % 3 == 0 else
                   (f"organization/kestrel{k}-media-research", f"Kestrel{k} Media Research", "Organization",
                    {f"KMR{k}"}))
        person = (f"person/ana-vidal{i}", f"Ana Vidal{i}", "Person", {f"Vidal{i}"})
        shared = ("concept/ia", "IA", "Concept", set())
        out.append(article(f"a{i}", company, person, shared, qids={"IA": "Q11660"}))
    return out


def keys(xs: list[Extraction]) -> list[list[str]]:
    return [sorted(e.key for e in x.entities) for x in xs]


def files(store) -> tuple[str, str]:
    path = registry_path(store)
    return path.read_text(encoding="utf-8"), path.with_name(MENTIONS_FILE).read_text(encoding="utf-8")


def lazy_step(store, batch: list[Extraction]) -> list[list[str]]:
    reg = load_registry(store, lazy=True)
    out = canonicalise_all(batch, reg)
    commit_registry(store, reg)
    return keys(out)


def eager_step(store, batch: list[Extraction]) -> list[list[str]]:
    reg = load_registry(store)
    out = canonicalise_all(batch, reg)
    save_registry(reg, store)
    return keys(out)


BATCHES = [archive(4, 0), archive(4, 4), archive(5, 8), archive(3, 13)]


def test_lazy_and_eager_registries_give_the_same_ids_and_the_same_files(tmp_path):
    lazy, eager = tmp_path / "lazy", tmp_path / "eager"
    for batch in BATCHES:
        assert lazy_step(lazy, batch) == eager_step(eager, batch)
        assert files(lazy) == files(eager)
    assert "organization/kmr1" not in files(lazy)[0]  # the acronym entry was renamed to the full name
    assert "organization/kestrel1-media-research\t" in files(lazy)[0]
    # an edit made by `kg split` (an eager save) is picked up: the index is rebuilt from the files
    assert split_entity(lazy, "organization/kestrel2-media-research", "KMR2") == \
        split_entity(eager, "organization/kestrel2-media-research", "KMR2")
    more = archive(4, 6)  # articles naming the split entity again
    reg = load_registry(lazy, lazy=True)
    assert reg._snapshot.rebuilt
    assert keys(canonicalise_all(more, reg)) == eager_step(eager, more)
    commit_registry(lazy, reg)
    assert files(lazy) == files(eager)
    assert not load_registry(lazy, lazy=True)._snapshot.rebuilt  # written by the lazy save: index up to date


def test_a_lazy_registry_reads_only_the_entries_it_looks_up(tmp_path):
    """Opening reads nothing; one new article reads the entries its names match, not the registry."""
    for start in range(0, 60, 12):
        lazy_step(tmp_path, archive(12, start))
    reg = load_registry(tmp_path, lazy=True)
    assert reg.snapshot_reads == 0 and not reg._snapshot.rebuilt
    canonicalise_all([article("new", ("organization/kmr7", "KMR7", "Organization", set()),
                              ("person/zoe-nouvelle", "Zoé Nouvelle", "Person", set()),
                              ("concept/ia", "IA", "Concept", set()), qids={"IA": "Q11660"})], reg)
    assert 1 <= reg.snapshot_reads <= 4  # the company named KMR7 and the shared concept
    assert reg.entries["organization/kestrel7-media-research"].id in reg.lookup("Organization", "KMR7")
    total = len(load_registry(tmp_path).entries)
    assert total >= 80
    assert len(reg.entries) == total + 1  # a whole-registry view reads everything (positive twin)...
    assert reg.snapshot_reads >= total - 2  # ...counted by the same counter


def test_a_hand_edited_registry_is_reindexed_and_rewritten_in_full(tmp_path):
    lazy, eager = tmp_path / "lazy", tmp_path / "eager"
    for batch in BATCHES[:2]:
        lazy_step(lazy, batch)
    path = registry_path(lazy)
    text = path.read_text(encoding="utf-8").replace("Kestrel0 Media Research\tOrganization\tKMR0",
                                                     "Kestrel0 Media Research\tOrganization\tKMR0 | Kestrel   Zero")
    assert "Kestrel   Zero" in text
    path.write_text(text + "# a note\n", encoding="utf-8")
    shutil.copytree(lazy, eager)
    reg = load_registry(lazy, lazy=True)
    assert reg._snapshot.rebuilt and not reg._snapshot.ours
    assert reg.lookup("Organization", "Kestrel Zero") == {"organization/kestrel0-media-research"}
    assert keys(canonicalise_all(BATCHES[2], reg)) == eager_step(eager, BATCHES[2])
    commit_registry(lazy, reg)
    assert files(lazy) == files(eager) and "# a note" not in files(lazy)[0]


def test_a_save_interrupted_before_the_index_update_is_recovered(tmp_path, monkeypatch):
    """Killed after the files were replaced, before the index was: the index no longer matches
    the files, and the next load rebuilds it from them."""
    for batch in BATCHES[:2]:
        lazy_step(tmp_path, batch)

    def killed(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(_SnapshotIndex, "update", killed)
    with pytest.raises(KeyboardInterrupt):
        lazy_step(tmp_path, BATCHES[2])
    monkeypatch.undo()
    eager = load_registry(tmp_path)
    reg = load_registry(tmp_path, lazy=True)
    assert reg._snapshot.rebuilt
    assert {i: (e.label, e.aliases) for i, e in reg.entries.items()} == \
        {i: (e.label, e.aliases) for i, e in eager.entries.items()}
    assert reg.counts == eager.counts


def test_a_damaged_index_is_rebuilt(tmp_path):
    lazy_step(tmp_path, BATCHES[0])
    (tmp_path / INDEX_FILE).write_bytes(b"not a database" * 100)
    reg = load_registry(tmp_path, lazy=True)
    assert reg._snapshot.rebuilt and len(reg.entries) == len(load_registry(tmp_path).entries) > 0


def test_an_eager_registry_is_unchanged_by_the_lazy_machinery(tmp_path):
    lazy_step(tmp_path, BATCHES[0])
    reg = load_registry(tmp_path)
    assert not reg.lazy and reg.snapshot_reads == 0 and isinstance(reg, Registry)
    assert reg.index_builds == 1


def test_a_copied_store_keeps_its_index(tmp_path):
    """A copy (new inodes and times, same files) is recognised by the files' digest: no
    rebuild; a changed byte is not (positive twin)."""
    for batch in BATCHES[:2]:
        lazy_step(tmp_path / "a", batch)
    shutil.copytree(tmp_path / "a", tmp_path / "b", copy_function=shutil.copy)  # new inodes, new times
    reg = load_registry(tmp_path / "b", lazy=True)
    assert not reg._snapshot.rebuilt and reg._snapshot.ours and reg.snapshot_reads == 0
    assert keys(canonicalise_all(BATCHES[2], reg)) == lazy_step(tmp_path / "a", BATCHES[2])
    commit_registry(tmp_path / "b", reg)
    assert files(tmp_path / "b") == files(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "c", copy_function=shutil.copy)
    path = registry_path(tmp_path / "c")
    path.write_text(path.read_text(encoding="utf-8").replace("Ana Vidal1\t", "Ana Vidal1 \t"), encoding="utf-8")
    assert load_registry(tmp_path / "c", lazy=True)._snapshot.rebuilt
