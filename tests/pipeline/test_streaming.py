"""Streaming build: one transaction per batch, the registry saved with each batch, and a
build interrupted anywhere (SIGKILL, or an exception between the protocol's steps) that the
next run completes to exactly the quads of an uninterrupted build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BATCH = 3
#: An acronym in the first batch that the second batch names in full: the entity is
#: renamed across batches (its stored IRI moves), also when the build is interrupted.
ACRONYM = ('{"id": "r1", "lang": "fr", "text": "Le groupe KMR a annoncé mardi un partenariat avec Canal+. KMR '
           'produira trois séries pour la chaîne, selon Julie Marceau, directrice générale de KMR."}')
FULL_NAME = ('{"id": "r2", "lang": "fr", "text": "Kestrel Media Research (KMR), la société de production basée à '
             'Lyon, a été rachetée par Mediawan. Kestrel Media Research conservera ses équipes."}')
DOCS = 14


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from kg.bench import write_corpus

    path = write_corpus(tmp_path_factory.mktemp("corpus") / "archive.jsonl", DOCS - 2)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1:1] = [ACRONYM]  # batch 1
    lines[4:4] = [FULL_NAME]  # batch 2
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def nquads(store_dir: Path) -> list[str]:
    from kg.store import Store

    with Store(store_dir, read_only=True) as store:
        return sorted(str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, None))


def registry_text(store_dir: Path) -> tuple[str, str]:
    return ((store_dir / "registry.tsv").read_text(encoding="utf-8"),
            (store_dir / "registry-mentions.tsv").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> Path:
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("whole")
    report = build([corpus], out, export=False, batch_size=BATCH)
    assert report.ok, report.errors
    assert (report.added, report.batches) == (DOCS, -(-DOCS // BATCH))
    return out / "store"


def test_an_uninterrupted_build_renames_across_batches_and_converges(uninterrupted, corpus, tmp_path):
    """The batches see each other's entities through the registry: a second build of the
    same corpus adds nothing, and the same corpus in one batch gives the same entities."""
    from kg.pipeline import build
    from kg.registry import load_registry

    again = build([corpus], uninterrupted.parent, export=False, batch_size=BATCH)
    assert (again.added, again.skipped_unchanged, again.batches) == (0, DOCS, 0)
    one = build([corpus], tmp_path, export=False, batch_size=DOCS)
    assert one.batches == 1
    assert sorted(load_registry(tmp_path / "store").entries) == sorted(load_registry(uninterrupted).entries)
    assert not list(uninterrupted.glob("*.next")) and not (uninterrupted / "registry-journal.jsonl").exists()



class Boom(Exception):
    pass


@pytest.mark.parametrize("step", ["between batches", "after the store commit", "inside the journal append"])
def test_a_build_interrupted_at_each_step_is_completed_by_the_rerun(step, uninterrupted, corpus, tmp_path,
                                                                    monkeypatch):
    """An exception at each step of the commit protocol of the second or third batch stands in for a kill."""
    import kg.registry
    import kg.store
    from kg.ingest import iter_documents
    from kg.pipeline import BuildReport, add_to_store, build
    from kg.store import Store

    real_stage, real_add = kg.registry.stage_registry, kg.store.Store.add
    calls = {"stage": 0, "add": 0}

    def cut_stage(registry, store_dir, **kw):  # batch 3's journal line is cut halfway by the kill
        calls["stage"] += 1
        if calls["stage"] == 3:
            path = real_stage(registry, store_dir, **kw)
            text = path.read_text(encoding="utf-8")
            path.write_text(text[: len(text) - len(text.splitlines()[-1]) // 2 - 1], encoding="utf-8")
            raise Boom(step)
        return real_stage(registry, store_dir, **kw)

    def add_then_boom(self, extractions, **kw):  # batch 2 is written, then the kill
        calls["add"] += 1
        out = real_add(self, extractions, **kw)
        if calls["add"] == 2:
            raise Boom(step)
        return out

    def docs():
        for i, doc in enumerate(iter_documents([corpus])):
            if step == "between batches" and i == 2 * BATCH:
                raise Boom(step)
            yield doc

    if step == "after the store commit":
        monkeypatch.setattr(kg.store.Store, "add", add_then_boom)
    elif step == "inside the journal append":
        monkeypatch.setattr(kg.registry, "stage_registry", cut_stage)
    with pytest.raises(Boom), Store(tmp_path / "store") as store:
        add_to_store(store, docs(), BuildReport(), batch_size=BATCH)
    monkeypatch.setattr(kg.registry, "stage_registry", real_stage)
    monkeypatch.setattr(kg.store.Store, "add", real_add)
    with Store(tmp_path / "store", read_only=True) as store:
        assert store.article_count() == 2 * BATCH  # both committed batches are kept
    assert (tmp_path / "store" / "registry-journal.jsonl").exists()  # the registry of those batches too
    assert not (tmp_path / "store" / "registry.tsv").exists()
    report = build([corpus], tmp_path, export=False, batch_size=BATCH)
    assert report.ok and (report.added, report.skipped_unchanged) == (DOCS - 2 * BATCH, 2 * BATCH)
    assert nquads(tmp_path / "store") == nquads(uninterrupted)
    assert registry_text(tmp_path / "store") == registry_text(uninterrupted)


def test_a_batch_staged_but_not_written_is_dropped(uninterrupted, corpus, tmp_path, monkeypatch):
    """A kill after staging the registry, before the store transaction: the staged registry
    is dropped (the store does not hold the batch) and the re-run redoes the batch."""
    import kg.store
    from kg.pipeline import build
    from kg.store import Store

    real_add = kg.store.Store.add
    calls = {"n": 0}

    def failing_add(self, extractions, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise Boom("before the store transaction")
        return real_add(self, extractions, **kw)

    monkeypatch.setattr(kg.store.Store, "add", failing_add)
    with pytest.raises(Boom):
        build([corpus], tmp_path, export=False, batch_size=BATCH)
    monkeypatch.setattr(kg.store.Store, "add", real_add)
    assert len((tmp_path / "store" / "registry-journal.jsonl").read_text().splitlines()) == 2  # batch 2 staged
    with Store(tmp_path / "store", read_only=True) as store:
        assert store.article_count() == BATCH
    report = build([corpus], tmp_path, export=False, batch_size=BATCH)
    assert report.added == DOCS - BATCH
    assert nquads(tmp_path / "store") == nquads(uninterrupted)
    assert registry_text(tmp_path / "store") == registry_text(uninterrupted)


@pytest.mark.slow  # a subprocess loads spaCy: ~25-40 s on a shared 2-core machine; the in-process tests above are the fast variant
def test_sigkilled_build_keeps_its_batches_and_the_rerun_equals_an_uninterrupted_build(uninterrupted, corpus,
                                                                                       tmp_path):
    """``kg build`` in a subprocess, SIGKILLed as soon as its first batch is committed (the
    journal gets the second batch's record once the first is done), then run again to the end."""
    from kg.pipeline import build
    from kg.store import Store

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--no-export",
           "--batch-size", str(BATCH)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    journal = out / "store" / "registry-journal.jsonl"  # a second record: the first batch is committed

    def records() -> int:
        return journal.read_text(encoding="utf-8").count("\n") if journal.exists() else 0

    deadline = time.monotonic() + 120
    while records() < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()  # killed, not finished
    with Store(out / "store", read_only=True) as store:  # the killed store opens
        kept = store.article_count()
    assert BATCH <= kept < DOCS and kept % BATCH == 0
    report = build([corpus], out, export=False, batch_size=BATCH)
    assert report.ok and report.added == DOCS - kept and report.skipped_unchanged == kept
    assert nquads(out / "store") == nquads(uninterrupted)
    assert registry_text(out / "store") == registry_text(uninterrupted)


@pytest.mark.slow  # a subprocess loads spaCy (see above)
def test_ctrl_c_stops_with_one_line_and_keeps_committed_batches(uninterrupted, corpus, tmp_path):
    """Ctrl-C (SIGINT) on ``kg build`` after its first batch: exit 130, one line, no traceback,
    the committed batches kept, the re-run equal to an uninterrupted build."""
    from kg.pipeline import build
    from kg.store import Store

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--no-export",
           "--batch-size", str(BATCH)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    journal = out / "store" / "registry-journal.jsonl"
    deadline = time.monotonic() + 120
    while (not journal.exists() or journal.read_text(encoding="utf-8").count("\n") < 2) and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=120)[1].decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted:" in err.strip().splitlines()[-1]
    with Store(out / "store", read_only=True) as store:
        kept = store.article_count()
    assert BATCH <= kept < DOCS
    report = build([corpus], out, export=False, batch_size=BATCH)
    assert report.ok and report.added == DOCS - kept
    assert nquads(out / "store") == nquads(uninterrupted)


# --- a rename across batches, interrupted: records made by hand, so that the protocol is
# --- tested whatever the extractor makes of a text

def _records(doc):
    from kg.records import Entity, Extraction, Mention, Relation, Triple

    def entity(key, label, type_, *surfaces):
        ms = [Mention(x, doc.text.index(x), doc.text.index(x) + len(x), type_, "ner:ORG") for x in surfaces]
        return Entity(key, label, type_, set(surfaces), ms)

    if doc.id.startswith("acronym"):  # KMR only: the entry is organization/kmr
        kmr = entity("organization/kmr", "KMR", "Organization", "KMR")
        canal = entity("organization/canalplus", "Canal+", "Organization", "Canal+")
        rel = Relation(kmr.mentions[0], "partnersWith", canal.mentions[0], doc.text, 0, "test", 0.9)
        return Extraction(doc, [kmr, canal], [Triple(kmr, "partnersWith", canal, rel)])
    if doc.id.startswith("full"):  # the full name with its acronym: organization/kmr becomes the full name
        full = entity("organization/kestrel-media-research", "Kestrel Media Research", "Organization",
                      "Kestrel Media Research", "KMR")
        return Extraction(doc, [full], [])
    return Extraction(doc, [], [])


def _parse_by_hand(batches):
    for batch in batches:
        yield batch, [_records(d) for d in batch], []


def _hand_docs():
    from kg.records import Document

    texts = {"acronym": "KMR signe avec Canal+.", "full": "Kestrel Media Research (KMR) est rachetée."}
    order = ["acronym", "x1", "x2", "full", "x3", "x4", "x5"]
    return [Document(f"{k}-{i}", texts.get(k, f"Rien a signaler {i}."), "fr") for i, k in enumerate(order)]


def _hand_build(store_dir, docs):
    from kg.pipeline import BuildReport, add_to_store
    from kg.store import Store

    with Store(store_dir) as store:
        return add_to_store(store, docs, BuildReport(), batch_size=BATCH, parse=_parse_by_hand)


@pytest.mark.parametrize("step", ["after the store commit", "inside the rename"])
def test_a_rename_across_batches_survives_an_interruption(step, tmp_path, monkeypatch):
    import kg.store

    whole = tmp_path / "whole"
    report = _hand_build(whole, _hand_docs())
    assert report.added == 7 and report.batches == 3
    expected = nquads(whole)
    assert not any("/organization/kmr>" in q for q in expected)  # batch 1's node moved in batch 2
    assert any(q.startswith("<https://w3id.org/media-kg/resource/organization/kestrel-media-research> "
                            "<https://w3id.org/media-kg/ontology#partnersWith>") for q in expected)

    real_remove, real_rename = kg.store.Dataset.remove, kg.store.Store.rename_iris
    if step == "after the store commit":  # batch 2 is in the store; its rename is not done
        def boom(self, mapping):
            raise Boom(step)
        monkeypatch.setattr(kg.store.Store, "rename_iris", boom)
    else:  # killed after the moved quads were written, before all the old ones were removed
        removed = {"n": 0}

        def remove(self, quad):
            removed["n"] += 1
            if removed["n"] > 2:
                raise Boom(step)
            return real_remove(self, quad)
        monkeypatch.setattr(kg.store.Dataset, "remove", remove)
    killed = tmp_path / "killed"
    with pytest.raises(Boom):
        _hand_build(killed, _hand_docs())
    monkeypatch.setattr(kg.store.Dataset, "remove", real_remove)
    monkeypatch.setattr(kg.store.Store, "rename_iris", real_rename)
    assert (killed / "registry-journal.jsonl").exists()
    assert any("/organization/kmr>" in q for q in nquads(killed))  # the rename is incomplete
    again = _hand_build(killed, _hand_docs())
    assert (again.added, again.skipped_unchanged) == (1, 2 * BATCH)  # batches 1 and 2 were committed
    assert nquads(killed) == expected
    assert registry_text(killed) == registry_text(whole)


def test_a_large_store_is_not_exported_or_scanned_by_build(corpus, tmp_path, monkeypatch):
    """Above EXPORT_LIMIT articles the build writes no graph file and counts what it wrote
    (for a first build: the store's own counts); at or below it, it exports (positive twin)."""
    import kg.pipeline
    from kg.pipeline import build, summary_counts
    from kg.store import Store

    small = build([corpus], tmp_path / "small", batch_size=BATCH, html=False)
    assert small.summary_scope == "store" and {"turtle", "trig"} <= set(small.files)
    assert (tmp_path / "small" / "graph.ttl").is_file()

    monkeypatch.setattr(kg.pipeline, "EXPORT_LIMIT", DOCS - 1)
    large = build([corpus], tmp_path / "large", batch_size=BATCH, html=False)
    assert large.summary_scope == "build" and set(large.files) == {"store"}
    assert not (tmp_path / "large" / "graph.ttl").exists() and "kg export" in large.notes[0]
    with Store(tmp_path / "large" / "store", read_only=True) as store:
        types, preds = summary_counts(store)
    assert {t: large.entities_by_type[t] for t in ("Person", "Organization")} == {
        t: types[t] for t in ("Person", "Organization")}
    assert large.triples_by_predicate == preds

    forced = build([corpus], tmp_path / "large", batch_size=BATCH, html=False, export=True)
    assert (tmp_path / "large" / "graph.trig").is_file() and forced.added == 0
