"""Parsing on worker processes (kg.parallel): a Dask LocalCluster build and a process-pool
build equal the one-process build, quad for quad; bad cluster specs are one-line errors."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.errors import ClusterError

BATCH = 2
DOCS = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from kg.bench import write_corpus

    return write_corpus(tmp_path_factory.mktemp("corpus") / "archive.jsonl", DOCS)


def nquads(store_dir: Path) -> list[str]:
    from kg.store import Store

    with Store(store_dir, read_only=True) as store:
        return sorted(str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory) -> list[str]:
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("one")
    assert build([corpus], out, export=False, batch_size=BATCH).added == DOCS
    return nquads(out / "store")


@pytest.mark.slow  # starts a LocalCluster whose two workers each load spaCy: ~40-60 s on two shared cores
def test_dask_local_cluster_build_equals_the_one_process_build(corpus, one_process, tmp_path):
    from kg.pipeline import build

    report = build([corpus], tmp_path, export=False, batch_size=BATCH, dask="local:2")
    assert report.ok and report.added == DOCS
    assert nquads(tmp_path / "store") == one_process


@pytest.mark.slow  # two spawned workers each load spaCy
def test_process_pool_build_equals_the_one_process_build(corpus, one_process, tmp_path):
    from kg.pipeline import build

    report = build([corpus], tmp_path, export=False, batch_size=BATCH, processes=2)
    assert report.ok and report.added == DOCS
    assert nquads(tmp_path / "store") == one_process


@pytest.mark.parametrize("spec", ["local", "local:0", "local:two", "http://host:8786", "scheduler:8786"])
def test_a_malformed_dask_spec_is_e061(spec):
    from kg.parallel import parse_spec

    with pytest.raises(ClusterError, match=r"^\[E061\]"):
        parse_spec(spec)


def test_well_formed_dask_specs_are_read():
    from kg.parallel import parse_spec

    assert parse_spec("local:3") == ("local", 3)
    assert parse_spec("tcp://127.0.0.1:8786") == ("address", "tcp://127.0.0.1:8786")


def test_an_unreachable_scheduler_is_e060_and_leaves_the_store_alone(corpus, tmp_path):
    from kg.pipeline import build

    start = time.monotonic()
    with pytest.raises(ClusterError, match=r"^\[E060\].*tcp://127.0.0.1:9"):
        build([corpus], tmp_path, export=False, dask="tcp://127.0.0.1:9")
    assert time.monotonic() - start < 60
    assert not (tmp_path / "store" / "registry.tsv").exists()
