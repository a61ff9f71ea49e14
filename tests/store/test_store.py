"""kg.store: persistence, idempotence, replacement, the writer lock, crash recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Literal
from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

from kg.errors import StoreError
from kg.namespace import MKG, RDF, RDFS, RES
from kg.rdf import ARTICLES_GRAPH, article_graph_iri, article_iri, extraction_to_quads
from kg.records import Extraction
from kg.store import LOCK_NAME, Store

from tests.store.store_data import TEXT_1, TEXT_2

pytestmark = pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*is deprecated:DeprecationWarning")

TED, NETFLIX = RES["person/ted-sarandos"], RES["organization/netflix"]


def test_add_and_stats(any_store: Store, article_1: Extraction, article_2: Extraction) -> None:
    report = any_store.add([article_1, article_2])
    assert (report.added, report.replaced, report.unchanged, report.duplicates) == (2, 0, 0, 0)
    expected = len(extraction_to_quads(article_1)) + len(extraction_to_quads(article_2))
    assert report.quads == expected
    stats = any_store.stats()
    assert stats.quads == expected
    assert stats.articles == 2
    assert stats.graphs == 3  # two article graphs + the metadata graph
    assert stats.statements == len(article_1.triples) + len(article_2.triples)
    assert stats.facts == stats.statements - 1  # ceoOf is stated by both articles
    assert stats.quotes == 1
    assert stats.entities == 5
    assert any_store.has_article(article_1.document.content_hash)
    assert any_store.article_hashes("news-1") == {article_1.document.content_hash}


def test_support_across_two_articles(any_store: Store, article_1: Extraction, article_2: Extraction) -> None:
    any_store.add([article_1, article_2])
    assert any_store.support("person/ted-sarandos", "ceoOf", "organization/netflix") == 2
    assert any_store.support(TED, MKG.ceoOf, NETFLIX) == 2
    assert any_store.support("organization/netflix", "acquires", "organization/animal-logic") == 1
    assert any_store.support("organization/netflix", "ceoOf", "person/ted-sarandos") == 0
    any_store.remove_article(article_2.document.content_hash)
    assert any_store.support("person/ted-sarandos", "ceoOf", "organization/netflix") == 1


def test_reopen_persists(store_path: Path, article_1: Extraction, article_2: Extraction) -> None:
    with Store(store_path) as store:
        store.add([article_1, article_2])
        before = store.stats()
    for read_only in (False, True):
        with Store(store_path, read_only=read_only) as store:
            assert store.stats() == before
            assert store.support("person/ted-sarandos", "ceoOf", "organization/netflix") == 2
            # prefixes are bound again on open
            assert str(dict(store.dataset.namespaces())["mkg"]) == str(MKG._NS)


def test_reingest_unchanged_adds_nothing(any_store: Store, article_1: Extraction, article_2: Extraction) -> None:
    any_store.add([article_1, article_2])
    before = any_store.stats()
    report = any_store.add([article_1, article_2])
    assert (report.added, report.unchanged, report.quads) == (0, 2, 0)
    assert any_store.stats() == before


def test_changed_article_replaces_its_graph(any_store: Store, article_1: Extraction, extraction_factory) -> None:
    any_store.add([article_1])
    old_hash = article_1.document.content_hash
    changed = extraction_factory("news-1", TEXT_2, title="Netflix buys Animal Logic")
    report = any_store.add([changed])
    assert (report.added, report.replaced) == (0, 1)
    assert not any_store.has_article(old_hash)
    assert any_store.has_article(changed.document.content_hash)
    assert any_store.article_hashes("news-1") == {changed.document.content_hash}
    graphs = {g.identifier for g in any_store.dataset.graphs()}
    assert article_graph_iri(old_hash) not in graphs
    meta = any_store.dataset.get_context(ARTICLES_GRAPH)
    assert not list(meta.triples((article_iri(old_hash), None, None)))
    stats = any_store.stats()
    assert stats.articles == 1
    assert stats.quads == len(extraction_to_quads(changed))
    assert stats.quotes == 0  # the quote was only in the old text
    assert stats.graphs == 2  # the removed graph is not counted (GRAPH ?g {} on both backends)


def test_same_text_under_another_id_is_recorded_once(any_store: Store, article_1: Extraction, extraction_factory) -> None:
    any_store.add([article_1])
    before = any_store.stats().quads
    twin = extraction_factory("news-1-copy", TEXT_1)
    report = any_store.add([twin])
    assert report.duplicates == 1
    assert any_store.stats().quads == before + 1  # only the second dcterms:identifier
    assert any_store.article_hashes("news-1-copy") == {article_1.document.content_hash}
    # changing one of the two ids keeps the article for the other
    any_store.add([extraction_factory("news-1-copy", TEXT_2)])
    assert any_store.has_article(article_1.document.content_hash)
    assert any_store.stats().articles == 2


def test_merged_graph_is_a_union_view(any_store: Store, article_1: Extraction, article_2: Extraction) -> None:
    any_store.add([article_1, article_2])
    merged = any_store.merged_graph()
    triples = list(merged)
    assert len(triples) == len(set(triples)) == len(merged) == any_store.stats().triples
    assert (TED, MKG.ceoOf, NETFLIX) in set(triples)
    assert (TED, RDFS.label, Literal("Ted Sarandos")) in set(triples)  # plain literals on both backends
    assert bool(merged.query("ASK { ?p mkg:ceoOf ?o }"))
    g = rdflib_to_networkx_multidigraph(merged)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.has_edge(TED, NETFLIX, key=MKG.ceoOf)


def test_second_writer_gets_e020(store_path: Path) -> None:
    with Store(store_path):
        with pytest.raises(StoreError, match=r"^\[E020\]") as err:
            Store(store_path).open()
        assert str(os.getpid()) in str(err.value) and str(store_path) in str(err.value)
        code = f"from kg.store import Store; Store({str(store_path)!r}).open()"
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert proc.returncode != 0 and "[E020]" in proc.stderr
        # a reader does not read during a write: it fails at once, naming the writer
        with pytest.raises(StoreError, match=r"^\[E080\]") as err:
            Store(store_path, read_only=True).open()
        assert str(os.getpid()) in str(err.value)
    with Store(store_path, read_only=True) as reader, Store(store_path, read_only=True) as other:
        assert reader.stats().articles == other.stats().articles == 0  # readers share the lock
        with pytest.raises(StoreError, match=r"^\[E020\]"):
            Store(store_path).open()  # and keep a writer out while open
    with Store(store_path):  # released on close
        pass
    assert (store_path / LOCK_NAME).exists()


def test_read_only_cannot_write(built_store: Path, article_1: Extraction) -> None:
    with Store(built_store, read_only=True) as store:
        with pytest.raises(StoreError, match=r"^\[E023\].*read-only"):
            store.add([article_1])
        with pytest.raises(StoreError, match=r"^\[E023\]"):
            store.remove_article(article_1.document.content_hash)


def test_read_only_missing_store_is_e022(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[E022\]"):
        Store(tmp_path / "nowhere", read_only=True).open()
    assert not (tmp_path / "nowhere").exists()


def test_closed_store_refuses_use(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    with pytest.raises(StoreError, match=r"^\[E023\].*not open"):
        _ = store.dataset
    store.open().close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match=r"^\[E023\]"):
        store.stats()


def test_unknown_backend() -> None:
    with pytest.raises(StoreError, match="E021"):
        Store(backend="neo4j")  # type: ignore[arg-type]


def test_interrupted_write_is_repaired_on_open(store_path: Path, article_1: Extraction, article_2: Extraction) -> None:
    """What a crash between two writes would leave: a graph (and metadata) without marker."""
    with Store(store_path) as store:
        store.add([article_1])
        partial = [q for q in extraction_to_quads(article_2) if q[1] != MKG.contentHash]
        store.dataset.addN(partial)
        assert not store.has_article(article_2.document.content_hash)
    with Store(store_path) as store:  # a writer repairs
        graphs = {g.identifier for g in store.dataset.graphs()}
        assert article_graph_iri(article_2.document.content_hash) not in graphs
        assert not list(store.dataset.get_context(ARTICLES_GRAPH).triples((article_iri(article_2.document.content_hash), None, None)))
        assert store.stats().quads == len(extraction_to_quads(article_1))
        assert store.add([article_1, article_2]).added == 1


_CHILD = textwrap.dedent(
    """
    import sys
    import kg.store
    from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
    from kg.store import Store

    BIG = 5  # this article is large, so that the kill lands inside its transaction

    def article(i):
        n = 1500 if i == BIG else 40
        sentences = [f"Person {i}-{j} is the CEO of Company {j}." for j in range(n)]
        text = " ".join(sentences)
        entities, triples, offset = [], [], 0
        for j, sentence in enumerate(sentences):
            p = Entity(f"person/p-{i}-{j}", f"Person {i}-{j}", "Person", {f"Person {i}-{j}"})
            o = Entity(f"organization/c-{j}", f"Company {j}", "Organization", {f"Company {j}"})
            m1 = Mention(p.label, offset, offset + len(p.label), "Person")
            m2 = Mention(o.label, offset + sentence.index("Company"), offset + len(sentence) - 1, "Organization")
            triples.append(Triple(p, "ceoOf", o, Relation(m1, "ceoOf", m2, sentence, offset, "role.copula", 0.8)))
            entities += [p, o]
            offset += len(sentence) + 1
        return Extraction(Document(id=f"a{i}", text=text, lang="en", title=f"A{i}"), entities, triples)

    if __name__ == "__main__":
        write = kg.store.Store._write

        def traced_write(self, dataset, quads):
            print("write", len(quads), flush=True)
            write(self, dataset, quads)

        kg.store.Store._write = traced_write
        path, n = sys.argv[1], int(sys.argv[2])
        with Store(path) as store:
            for i in range(n):
                store.add([article(i)])
                print("done", i, flush=True)
    """
)


def _child_articles(n: int) -> list[Extraction]:
    namespace: dict = {"__name__": "generator"}
    exec(_CHILD, namespace)
    return [namespace["article"](i) for i in range(n)]


def test_killed_build_leaves_a_store_that_opens_and_rerun_completes(store_path: Path) -> None:
    """SIGKILL a real build while it writes a large article, then reopen and re-run."""
    n, big = 10, 5
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(store_path), str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    done, writes = -1, 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline().split()
        if not line:
            break
        if line[0] == "done":
            done = int(line[1])
        elif line[0] == "write":
            writes += 1
            if writes == big + 1:  # the large article's transaction has begun
                time.sleep(0.15)
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert done == big - 1, proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL

    articles = _child_articles(n)
    expected = {a.document.content_hash: len(extraction_to_quads(a)) for a in articles}
    # 1. the killed store opens read-only (no repair) and every committed article is whole
    with Store(store_path, read_only=True) as store:
        committed = {h for h in expected if store.has_article(h)}
        quads_on_disk = store.stats().quads
        assert len(committed) >= big  # the large article is in or out, never partial (checked next)
        for h in committed:
            graph = store.dataset.get_context(article_graph_iri(h))
            meta = store.dataset.get_context(ARTICLES_GRAPH)
            in_meta = len(list(meta.triples((article_iri(h), None, None))))
            assert len(graph) + in_meta == expected[h]
        orphans = {g.identifier for g in store.dataset.graphs()} - {article_graph_iri(h) for h in committed}
        orphans -= {ARTICLES_GRAPH, store.dataset.default_graph.identifier}
        assert not orphans  # one transaction per article: no partial article is ever visible
        assert quads_on_disk == sum(expected[h] for h in committed)
    print(f"\nkilled while writing article {big} ({expected[articles[big].document.content_hash]} quads): "
          f"{len(committed)} articles committed, big one {'in' if len(committed) > big else 'not in'} the store, "
          f"{len(orphans)} partial graphs")
    # 2. the lock died with the process; a re-run completes the build
    with Store(store_path) as store:
        report = store.add(articles)
        assert (report.unchanged, report.added) == (len(committed), n - len(committed))
        stats = store.stats()
    with Store(store_path.parent / "clean") as clean:  # same as an uninterrupted build
        clean.add(articles)
        assert clean.stats() == stats
