"""Benchmark the named queries on the Oxigraph store against rdflib's Memory store.

A synthetic knowledge graph (many articles, a shared pool of entities, one evidence
node per statement, quotes) is generated with :mod:`kg.records` and loaded through
:class:`kg.store.Store` into both backends. Every named query of ``kg/queries`` is
timed on both (best of ``--repeat`` runs), plus a few parametrised variants, and, to
check that oxrdflib hands SPARQL to Oxigraph rather than to rdflib's engine, the same
query run directly on the underlying ``pyoxigraph.Store``.

The store is compacted after loading (``Store.optimize``), as ``kg build`` does after
writing. The Turtle and TriG exports (``kg export``) are timed apart: they dump the
whole graph and are not named queries (``kg/data/export/*.rq``).

Not a test. Run::

    python bench/store_bench.py                # ~2,500 articles, ~450k quads
    python bench/store_bench.py --articles 500 --repeat 1
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
from rich.console import Console
from rich.table import Table

from kg.export import export
from kg.query import get_query, list_queries, make_bindings
from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
from kg.store import Store, _ox

warnings.filterwarnings("ignore", category=DeprecationWarning)

#: (predicate, subject pool, object pool, sentence template)
TEMPLATES = [
    ("ceoOf", "person", "organization", "{s} is the chief executive of {o}."),
    ("leads", "person", "organization", "{s} heads {o}."),
    ("worksFor", "person", "organization", "{s} works for {o}."),
    ("uses", "organization", "concept", "{s} uses {o} in production."),
    ("uses", "organization", "product", "{s} relies on {o}."),
    ("develops", "organization", "product", "{s} develops {o}."),
    ("produces", "organization", "film", "{s} produces {o}."),
    ("distributes", "organization", "series", "{s} distributes {o}."),
    ("directedBy", "film", "person", "{s} is directed by {o}."),
    ("acquires", "organization", "organization", "{s} acquires {o}."),
    ("partnersWith", "organization", "organization", "{s} partners with {o}."),
    ("subsidiaryOf", "organization", "organization", "{s} is a subsidiary of {o}."),
    ("headquarteredIn", "organization", "place", "{s} is based in {o}."),
]
POOLS = {  # name -> (ontology class, size)
    "person": ("Person", 3000),
    "organization": ("Organization", 800),
    "concept": ("Concept", 60),
    "product": ("Product", 200),
    "film": ("Film", 1000),
    "series": ("Series", 500),
    "place": ("Place", 100),
}
AI_LABELS = ["artificial intelligence", "generative AI", "machine learning"]


def entity_pools(rng: random.Random) -> dict[str, list[Entity]]:
    """Shared entities, so that statements repeat across articles (support > 1)."""
    pools: dict[str, list[Entity]] = {}
    for name, (cls, size) in POOLS.items():
        entities = []
        for i in range(size):
            label = f"{cls} {i}"
            if name == "concept" and i < len(AI_LABELS):
                label = AI_LABELS[i]
            slug = label.lower().replace(" ", "-")
            entities.append(Entity(f"{cls.lower()}/{slug}", label, cls, {label, f"{label} (alias)"}))
        pools[name] = entities
    return pools


def synthetic_article(i: int, pools: dict[str, list[Entity]], rng: random.Random, *, relations: int = 10) -> Extraction:
    """One article of ``relations`` statements plus one quote, with offsets and evidence."""
    sentences: list[str] = []
    triples: list[Triple] = []
    used: dict[str, Entity] = {}
    offset = 0

    def skewed(pool: list[Entity]) -> Entity:  # a few entities are in the news a lot
        return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if rng.random() < 0.5 else rng.choice(pool)

    for _ in range(relations):
        pred, sp, op, template = rng.choice(TEMPLATES)
        s, o = skewed(pools[sp]), skewed(pools[op])
        if s.key == o.key:
            continue
        sentence = template.format(s=s.label, o=o.label)
        ms = Mention(s.label, offset, offset + len(s.label), s.type)
        o_at = offset + sentence.index(o.label)
        mo = Mention(o.label, o_at, o_at + len(o.label), o.type)
        conf = round(rng.uniform(0.5, 0.99), 2)
        triples.append(Triple(s, pred, o, Relation(ms, pred, mo, sentence, offset, f"bench.{pred}", conf)))
        used[s.key], used[o.key] = s, o
        sentences.append(sentence)
        offset += len(sentence) + 1
    speaker = skewed(pools["person"])
    quote_text = f"We will change the industry, number {i}."
    sentence = f'"{quote_text}" said {speaker.label}.'
    quote = Entity(f"quote/{i}", quote_text, "Quote", {quote_text})
    triples.append(Triple(speaker, "said", quote, Relation(
        Mention(speaker.label, offset + sentence.index(speaker.label), offset + len(sentence) - 1, "Person"), "said",
        Mention(quote_text, offset + 1, offset + 1 + len(quote_text), "Quote"), sentence, offset, "quote.verb", 0.9)))
    used[speaker.key], used[quote.key] = speaker, quote
    sentences.append(sentence)
    text = " ".join(sentences)
    doc = Document(id=f"bench-{i}", text=text, lang=rng.choice(["fr", "en"]), title=f"Article {i}",
                   url=f"https://example.org/bench/{i}", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
    return Extraction(doc, list(used.values()), triples)


def best_of(fn: Callable[[], int], repeat: int, budget: float) -> tuple[float, int]:
    """Best wall time (s) of ``repeat`` runs (fewer if one run exceeds ``budget`` s), and the row count."""
    times, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - t)
        if times[-1] > budget:
            break
    return min(times), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2500)
    parser.add_argument("--relations", type=int, default=10, help="statements per article")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=30.0, help="stop repeating a query after a run this slow (s)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    console = Console()

    rng = random.Random(args.seed)
    pools = entity_pools(rng)
    t = time.perf_counter()
    articles = [synthetic_article(i, pools, rng, relations=args.relations) for i in range(args.articles)]
    console.print(f"generated {len(articles)} articles in {time.perf_counter() - t:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        ox_store = Store(Path(tmp) / "store").open()
        mem_store = Store(backend="memory").open()
        for name, store in (("oxigraph", ox_store), ("memory", mem_store)):
            t = time.perf_counter()
            store.add(articles)
            load = time.perf_counter() - t
            t = time.perf_counter()
            store.optimize()  # what `kg build` does after a batch
            compact = time.perf_counter() - t
            stats = store.stats()
            console.print(f"{name:9s} load {load:6.1f} s  ({stats.quads / load:,.0f} quads/s), compaction {compact:.1f} s  {stats}")

        # Does oxrdflib evaluate SPARQL with Oxigraph? It must never reach rdflib's engine.
        import rdflib.plugins.sparql.evaluate as rdflib_engine

        calls = {"n": 0}
        original = rdflib_engine.evalQuery

        def counting(*a, **k):  # type: ignore[no-untyped-def]
            calls["n"] += 1
            return original(*a, **k)

        rdflib_engine.evalQuery = counting
        import rdflib.plugins.sparql.processor as rdflib_processor

        rdflib_processor.evalQuery = counting
        ox_store.query(get_query("support").text)
        native = calls["n"] == 0
        mem_store.query("ASK { ?s ?p ?o }")
        rdflib_used_for_memory = calls["n"] == 1
        rdflib_engine.evalQuery = original
        rdflib_processor.evalQuery = original
        console.print(f"oxrdflib delegates SPARQL to Oxigraph: {native}  (rdflib engine used for memory: {rdflib_used_for_memory})")

        people = [e.label for e in pools["person"][:1]]
        cases: list[tuple[str, str, dict[str, str]]] = [(q.name, q.name, {}) for q in list_queries()]
        cases += [
            ("who-leads ?org", "who-leads", {"org": "organization 0"}),
            ("quotes-by ?person", "quotes-by", {"person": people[0]}),
            ("works-of ?creator", "works-of", {"creator": "Organization 0"}),
            ("deals ?org", "deals", {"org": "Organization 1"}),
            ("uses-ai ?thing", "uses-ai", {"thing": "Product 0"}),
            ("evidence ?s ?p", "evidence", {"s": "person/person-0", "p": "ceoOf"}),
            ("support ?s ?p ?o", "support", {"s": "person/person-0", "p": "ceoOf", "o": "organization/organization-0"}),
        ]

        table = Table("query", "rows", "oxigraph (ms)", "pyoxigraph direct (ms)", "rdflib memory (ms)", "memory / oxigraph")
        ratios = []
        totals = [0.0, 0.0]
        for label, name, raw in cases:
            info = get_query(name)
            bindings = make_bindings(info, raw)
            ox_t, ox_rows = best_of(lambda: len(ox_store.query(info.text, bindings=bindings)), args.repeat, args.budget)
            subs = {pyoxigraph.Variable(k): _ox(v) for k, v in bindings.items()}
            prefixes = {k: str(v) for k, v in ox_store.dataset.namespaces()}

            def direct() -> int:
                result = ox_store._ox.query(info.text, use_default_graph_as_union=True, prefixes=prefixes,  # type: ignore[union-attr]
                                            substitutions=subs)
                return sum(1 for _ in result)

            direct_t, _ = best_of(direct, args.repeat, args.budget)
            mem_t, mem_rows = best_of(lambda: len(mem_store.query(info.text, bindings=bindings)), args.repeat, args.budget)
            ratio = mem_t / ox_t if ox_t else float("inf")
            ratios.append(ratio)
            if not raw:
                totals[0] += ox_t
                totals[1] += mem_t
            rows = str(ox_rows) if ox_rows == mem_rows else f"{ox_rows} (memory {mem_rows})"
            table.add_row(label, rows, f"{ox_t * 1000:.1f}", f"{direct_t * 1000:.1f}", f"{mem_t * 1000:.1f}", f"{ratio:.0f}x")
            console.print(f"  {label}: oxigraph {ox_t * 1000:.1f} ms, memory {mem_t * 1000:.1f} ms")
        console.print(table)
        named = len(list_queries())
        console.print(f"memory / oxigraph over all {len(ratios)} cases: median {statistics.median(ratios):.0f}x, "
                      f"min {min(ratios):.0f}x, geometric mean {statistics.geometric_mean(ratios):.0f}x; "
                      f"named queries at >= 20x: {sum(r >= 20 for r in ratios[:named])} of {named}; "
                      f"total time of the named queries: {totals[0]:.1f} s vs {totals[1]:.1f} s = {totals[1] / totals[0]:.1f}x")

        exports = Table("export (kg export)", "oxigraph (s)", "rdflib memory (s)", "memory / oxigraph", "file (MB)")
        for fmt, evidence in (("turtle", False), ("turtle", True), ("trig", None)):
            label = fmt + (" --evidence" if evidence else "")
            times = []
            for store in (ox_store, mem_store):
                target = Path(tmp) / f"export-{store.backend}.{fmt}"
                times.append(best_of(lambda: export(store, target, fmt, evidence=evidence) and 0, 1, args.budget)[0])
            exports.add_row(label, f"{times[0]:.1f}", f"{times[1]:.1f}", f"{times[1] / times[0]:.0f}x",
                            f"{target.stat().st_size / 1e6:.0f}")
        console.print(exports)
        ox_store.close()
        mem_store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
