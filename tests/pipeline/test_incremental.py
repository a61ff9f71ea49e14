"""Adding a few articles to a built store costs what they change: the build neither runs the
store's repair scan (the last writer closed cleanly) nor reads the whole registry (it looks
entries up in the snapshot index), and it ends with the same quads and registry files as a
build of everything at once. Records are made by hand, so no spaCy model is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.records import Document, Entity, Extraction, Mention, Relation, Triple

BATCH = 4


def _records(doc: Document) -> Extraction:
    def entity(key: str, label: str, type_: str) -> Entity:
        start = doc.text.index(label)
        return Entity(key, label, type_, {label}, [Mention(label, start, start + len(label), type_, "ner:X")])

    i = doc.id.split("-")[1]
    person = entity(f"person/ana-vidal{i}", f"Ana Vidal{i}", "Person")
    studio = entity(f"organization/studio{i}", f"Studio{i}", "Organization")
    netflix = entity("organization/netflix", "Netflix", "Organization")
    rel = Relation(person.mentions[0], "ceoOf", studio.mentions[0], doc.text, 0, "test", 0.9)
    return Extraction(doc, [person, studio, netflix], [Triple(person, "ceoOf", studio, rel)])


def _parse(batches):
    for batch in batches:
        yield batch, [_records(d) for d in batch], []


def _docs(start: int, n: int) -> list[Document]:
    return [Document(f"doc-{i}", f"Ana Vidal{i} dirige Studio{i}, partenaire de Netflix.", "fr")
            for i in range(start, start + n)]


def _build(store_dir: Path, docs: list[Document]):
    from kg.pipeline import BuildReport, add_to_store
    from kg.store import Store

    with Store(store_dir) as store:
        return add_to_store(store, docs, BuildReport(), batch_size=BATCH, parse=_parse)


def _state(store_dir: Path) -> tuple[list[str], str, str]:
    from kg.store import Store

    with Store(store_dir, read_only=True) as store:
        quads = sorted(str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, None))
    return (quads, (store_dir / "registry.tsv").read_text(encoding="utf-8"),
            (store_dir / "registry-mentions.tsv").read_text(encoding="utf-8"))


@pytest.fixture
def calls(monkeypatch) -> dict[str, int]:
    """Counts of the whole-store and whole-registry reads (the real methods still run)."""
    import kg.registry
    import kg.store

    counts = {"repair": 0, "rebuild": 0, "all_entries": 0}
    for cls, name in [(kg.store.Store, "_repair"), (kg.registry._SnapshotIndex, "rebuild"),
                      (kg.registry._SnapshotIndex, "all_entries")]:
        real = getattr(cls, name)

        def counted(self, *args, _real=real, _name=name, **kwargs):
            counts[_name.lstrip("_")] += 1
            return _real(self, *args, **kwargs)
        monkeypatch.setattr(cls, name, counted)
    return counts


def test_adding_articles_reads_neither_the_whole_store_nor_the_whole_registry(tmp_path, calls):
    store = tmp_path / "store"
    assert _build(store, _docs(0, 40)).added == 40
    assert calls["repair"] == 1  # a new store (no marker yet): the positive twin of what follows
    for key in calls:
        calls[key] = 0
    report = _build(store, _docs(40, 3))
    assert report.added == 3
    assert calls == {"repair": 0, "rebuild": 0, "all_entries": 0}
    again = _build(store, _docs(0, 43))  # the same corpus again: nothing to do
    assert (again.added, again.skipped_unchanged, again.batches) == (0, 43, 0)
    assert calls == {"repair": 0, "rebuild": 0, "all_entries": 0}
    whole = tmp_path / "whole"
    _build(whole, _docs(0, 43))
    assert _state(store) == _state(whole)  # same quads and registry files as one build of all


def test_an_unclean_end_or_a_hand_edit_brings_the_whole_reads_back(tmp_path, calls):
    """Positive twins: no clean-shutdown marker (a kill) makes the next build repair; a
    hand-edited registry.tsv is re-indexed from the file (once) and rewritten in full."""
    from kg.store import CLEAN_NAME

    store = tmp_path / "store"
    _build(store, _docs(0, 12))
    (store / CLEAN_NAME).unlink()  # what a kill leaves
    registry = store / "registry.tsv"
    registry.write_text(registry.read_text(encoding="utf-8") + "# checked by hand\n", encoding="utf-8")
    for key in calls:
        calls[key] = 0
    _build(store, _docs(12, 2))
    assert calls["repair"] == 1 and calls["rebuild"] == 2  # the edit read once, the full rewrite indexed again
    assert "# checked by hand" not in registry.read_text(encoding="utf-8")
    whole = tmp_path / "whole"
    _build(whole, _docs(0, 14))
    assert _state(store) == _state(whole)
    for key in calls:
        calls[key] = 0
    _build(store, _docs(14, 1))
    assert calls == {"repair": 0, "rebuild": 0, "all_entries": 0}  # back to incremental


def test_registry_checkpoints_between_batches_change_nothing(tmp_path, monkeypatch):
    """A long build saves the registry every REGISTRY_CHECKPOINT changed entries and starts
    again from the files (bounded memory); the result is that of a build without them."""
    import kg.pipeline
    import kg.registry

    saves = {"n": 0}
    real = kg.registry.commit_registry

    def counted(*args, **kwargs):
        saves["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.registry, "commit_registry", counted)
    _build(tmp_path / "once", _docs(0, 24))
    assert saves["n"] == 1  # at the end only (positive twin)
    saves["n"] = 0
    monkeypatch.setattr(kg.pipeline, "REGISTRY_CHECKPOINT", 6)  # about every batch of 4 articles
    _build(tmp_path / "checkpoints", _docs(0, 24))
    assert saves["n"] >= 5
    assert _state(tmp_path / "checkpoints") == _state(tmp_path / "once")
