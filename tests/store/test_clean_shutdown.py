"""The clean-shutdown marker: a writer that ended normally lets the next writer skip the
repair scan (whose cost grows with the store); any other ending makes it repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.namespace import MKG
from kg.rdf import ARTICLES_GRAPH, article_graph_iri, extraction_to_quads
from kg.records import Document, Entity, Extraction
from kg.store import CLEAN_NAME, Store


def extraction(i: int) -> Extraction:
    doc = Document(id=f"d{i}", text=f"Netflix rachète Studio {i}.", lang="fr")
    return Extraction(doc, [Entity(f"organization/studio-{i}", f"Studio {i}", "Organization", {f"Studio {i}"})], [])


def graphs(path: Path) -> set[str]:
    with Store(path, read_only=True) as store:
        return {g.value for g in store.oxigraph.named_graphs()}


def test_a_clean_close_lets_the_next_writer_skip_the_repair(tmp_path):
    with Store(tmp_path) as store:
        assert store.repaired  # a new store: no marker yet
        store.add([extraction(1)])
    assert (tmp_path / CLEAN_NAME).exists()
    with Store(tmp_path) as store:
        assert not store.repaired
        assert not (tmp_path / CLEAN_NAME).exists()  # removed while a writer works: a kill leaves none
        store.add([extraction(2)])
        assert store.article_count() == 2
    with Store(tmp_path, read_only=True) as store:  # readers neither use nor change the marker
        assert store.article_count() == 2
    assert (tmp_path / CLEAN_NAME).exists()


def test_an_exception_in_the_writer_makes_the_next_writer_repair(tmp_path):
    """An interrupted removal (the commit marker gone, the graph not yet) is what repair cleans up."""
    with Store(tmp_path) as store:
        store.add([extraction(1), extraction(2)])
    doomed = extraction(2).document.content_hash
    with pytest.raises(RuntimeError), Store(tmp_path) as store:
        meta = store._data().get_context(ARTICLES_GRAPH)  # noqa: SLF001  (not the public dataset: no raw write)
        for q in list(meta.triples((None, MKG.contentHash, None))):
            if str(q[2]) == doomed:
                meta.remove(q)  # the marker goes first, as in Store._drop_article...
        raise RuntimeError("killed")  # ...then the process dies before the graph goes
    assert not (tmp_path / CLEAN_NAME).exists()
    assert str(article_graph_iri(doomed)) in graphs(tmp_path)  # the leftover graph
    with Store(tmp_path) as store:
        assert store.repaired and store.article_count() == 1
    assert str(article_graph_iri(doomed)) not in graphs(tmp_path)


def test_handing_out_the_raw_dataset_makes_the_next_writer_repair(tmp_path):
    with Store(tmp_path) as store:
        store.add([extraction(1)])
        partial = [q for q in extraction_to_quads(extraction(2)) if q[1] != MKG.contentHash]
        store.dataset.addN(partial)  # a write the store cannot see
    assert not (tmp_path / CLEAN_NAME).exists()
    with Store(tmp_path) as store:
        assert store.repaired and store.article_count() == 1
    assert str(article_graph_iri(extraction(2).document.content_hash)) not in graphs(tmp_path)
