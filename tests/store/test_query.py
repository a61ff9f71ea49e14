"""kg.query: named queries, parameters bound as RDF terms, output formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.export import EXPORT_QUERIES
from kg.namespace import MKG, RES
from kg.query import (
    FORMATS,
    format_result,
    get_query,
    list_queries,
    load_query,
    make_bindings,
    run,
    run_query,
    to_dataframe,
    to_term,
)
from kg.records import Extraction
from kg.store import Store

from tests.store.store_data import QUOTE_TEXT

pytestmark = pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*is deprecated:DeprecationWarning")

REQUIRED = {"who-leads", "uses-ai", "quotes-by", "works-of", "deals", "evidence", "support", "entity-types"}


@pytest.fixture
def store(any_store: Store, article_1: Extraction, article_2: Extraction) -> Store:
    any_store.add([article_1, article_2])
    return any_store


def _rows(result) -> list[dict]:
    return [{str(k): v for k, v in row.asdict().items()} for row in result]


def test_named_queries_have_headers() -> None:
    queries = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert q.description, q.name
        assert q.path is not None and q.path.name == f"{q.name}.rq"
        for p in q.params:
            assert f"?{p.name}" in q.text.split("WHERE")[0], f"{q.name}: ?{p.name} must be projected"
    assert [(p.name, p.kind) for p in queries["evidence"].params] == [("s", "iri"), ("p", "predicate"), ("o", "iri")]
    assert [(p.name, p.kind) for p in queries["who-leads"].params] == [("org", "literal")]


@pytest.mark.parametrize("name", sorted(REQUIRED | {"stats", "predicate-counts"}))
def test_every_named_query_runs(store: Store, name: str) -> None:
    result = run(store, name)
    if result.type == "SELECT":
        assert len(result) > 0, name


def test_evidence_of_a_triple(store: Store) -> None:
    rows = _rows(run(store, "evidence", bindings={"s": "person/ted-sarandos", "p": "ceoOf", "o": "organization/netflix"}))
    assert {str(r["sentence"]) for r in rows} == {
        "Ted Sarandos is the CEO of Netflix.",
        "Ted Sarandos, the CEO of Netflix, confirmed the deal.",
    }
    by_headline = {str(r["headline"]): r for r in rows}
    assert set(by_headline) == {"Netflix and AI", "Netflix buys Animal Logic"}
    first = by_headline["Netflix and AI"]
    assert first["url"] == URIRef("https://example.org/news/1")
    assert str(first["rule"]) == "role.appos" and float(first["confidence"]) == 0.9
    assert (int(first["start"]), int(first["end"])) == (0, 35)
    assert str(first["date"]) == "2024-05-02"


def test_who_leads_matches_labels_and_aliases_in_any_case(store: Store) -> None:
    for org in ("Netflix", "netflix", "NFLX"):
        rows = _rows(run(store, "who-leads", bindings={"org": org}))
        assert [(str(r["personLabel"]), int(r["support"])) for r in rows] == [("Ted Sarandos", 2)], org
    assert len(run(store, "who-leads", bindings={"org": "Disney"})) == 0


@pytest.mark.parametrize("hostile", [
    'Netflix" } ; DROP ALL ; #',
    'x") || true || ("',
    "Netflix' } UNION { ?person ?role ?organisation } #",
    "}}}{{{",
])
def test_parameters_cannot_inject(store: Store, hostile: str) -> None:
    before = store.stats()
    assert len(run(store, "who-leads", bindings={"org": hostile})) == 0
    assert store.stats() == before
    result = run(store, "who-leads", bindings={"org": hostile})
    assert str(result.vars[0]) == "org"


def test_uses_ai_by_default_and_by_name(store: Store) -> None:
    rows = _rows(run(store, "uses-ai"))
    assert [(str(r["userLabel"]), str(r["usedLabel"])) for r in rows] == [("Netflix", "generative AI")]
    assert len(run(store, "uses-ai", bindings={"thing": "genai"})) == 1
    assert len(run(store, "uses-ai", bindings={"thing": "blockchain"})) == 0


def test_quotes_by(store: Store) -> None:
    rows = _rows(run(store, "quotes-by", bindings={"person": "Sarandos"}))
    assert len(rows) == 1
    assert str(rows[0]["text"]) == QUOTE_TEXT
    assert str(rows[0]["sentence"]).startswith('"AI will not replace artists," Sarandos said')
    assert str(rows[0]["headline"]) == "Netflix and AI"


def test_works_of_and_deals(store: Store) -> None:
    works = _rows(run(store, "works-of", bindings={"creator": "netflix"}))
    assert [(str(r["workLabel"]), r["role"]) for r in works] == [("Squid Game", MKG.produces)]
    deals = _rows(run(store, "deals", bindings={"org": "animal logic"}))
    assert [(str(r["subjectLabel"]), r["deal"], str(r["objectLabel"]), str(r["firstSeen"])) for r in deals] == [
        ("Netflix", MKG.acquires, "Animal Logic", "2024-06-10")
    ]


def test_support_query_counts_articles(store: Store) -> None:
    rows = _rows(run(store, "support"))
    support = {(r["s"], r["p"], r["o"]): int(r["support"]) for r in rows}
    assert support[(RES["person/ted-sarandos"], MKG.ceoOf, RES["organization/netflix"])] == 2
    assert sorted(support.values(), reverse=True) == [int(r["support"]) for r in rows]  # most supported first
    assert sum(v == 1 for v in support.values()) == 4


def test_class_lists_match_the_ontology() -> None:
    """entity-types.rq and stats.rq list the classes (faster than a string test on Oxigraph)."""
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF

    from kg.namespace.paths import ontology_path

    ontology = Graph().parse(ontology_path())
    classes = {str(c).split("#")[1] for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(MKG._NS))}
    listed = set(re.findall(r"mkg:([A-Z]\w+)", get_query("entity-types").text))
    assert listed == classes
    in_stats = set(re.findall(r"mkg:([A-Z]\w+)", get_query("stats").text.split("VALUES")[1].split("}")[0]))
    assert in_stats == classes - {"Article", "Statement", "Quote"}


def test_property_lists_match_the_ontology() -> None:
    """predicate-counts.rq and stats.rq list the object properties (one index lookup each)."""
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF

    from kg.namespace.paths import ontology_path

    ontology = Graph().parse(ontology_path())
    properties = {str(p).split("#")[1] for p in ontology.subjects(RDF.type, OWL.ObjectProperty)}
    assert set(re.findall(r"mkg:([a-z]\w+)", get_query("predicate-counts").text)) == properties
    stats_values = get_query("stats").text.split("VALUES ?p")[1].split("}")[0]
    assert set(re.findall(r"mkg:([a-z]\w+)", stats_values)) == properties


def test_predicate_counts_agree_with_the_evidence(store: Store) -> None:
    """Counting asserted triples gives what the evidence nodes say was extracted."""
    from collections import Counter

    counts = {r["predicate"]: int(r["count"]) for r in _rows(run(store, "predicate-counts"))}
    evidenced = store.query(
        "PREFIX mkg: <https://w3id.org/media-kg/ontology#> "
        "SELECT DISTINCT ?s ?p ?o WHERE { ?st a mkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"
    )
    assert counts == dict(Counter(row[1] for row in evidenced))
    assert counts[MKG.ceoOf] == 1 and counts[MKG.said] == 1
    stats = store.stats()
    assert stats.facts == sum(counts.values())
    assert stats.graphs == stats.articles + 1  # one per article, plus the article metadata graph


def test_entity_types(store: Store) -> None:
    counts = {r["type"]: int(r["count"]) for r in _rows(run(store, "entity-types"))}
    assert counts[MKG.Person] == 1 and counts[MKG.Organization] == 2 and counts[MKG.Article] == 2
    assert counts[MKG.Statement] == 6 and counts[MKG.Series] == 1 and counts[MKG.Quote] == 1


def test_formats(store: Store) -> None:
    result = run(store, "who-leads")
    csv = format_result(result, "csv").splitlines()
    assert csv[0] == "org,organisation,organisationLabel,role,person,personLabel,support"
    assert csv[1].endswith("Ted Sarandos,2")
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0].split("\t")[:2] == ["?org", "?organisation"]
    assert '"Ted Sarandos"' in tsv[1] and "<https://w3id.org/media-kg/resource/person/ted-sarandos>" in tsv[1]
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"][0] == "org"
    binding = doc["results"]["bindings"][0]
    assert binding["personLabel"] == {"type": "literal", "value": "Ted Sarandos"}
    table = format_result(result, "table")
    assert "Ted Sarandos" in table and "mkr:person/ted-sarandos" in table
    assert format_result(store.query("ASK { ?s ?p ?o }"), "table").strip() == "true"
    assert json.loads(format_result(store.query("ASK { ?s ?p ?o }"), "json"))["boolean"] is True
    assert "@prefix" in format_result(run(store, EXPORT_QUERIES / "merged-facts.rq"), "table")
    assert set(FORMATS) == {"table", "csv", "tsv", "json"}


def test_dataframe(store: Store) -> None:
    df = to_dataframe(run(store, "evidence", bindings={"p": "ceoOf"}))
    assert isinstance(df, pd.DataFrame) and len(df) == 2
    assert df["confidence"].tolist() == [0.9, 0.9]
    assert df["start"].dtype.kind == "i"
    assert set(df["s"]) == {"https://w3id.org/media-kg/resource/person/ted-sarandos"}


def test_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"^\[E031\]"):
        get_query("no-such-query")
    with pytest.raises(QueryError, match=r"^\[E032\].*'company'.*Declared: org"):
        run(store, "who-leads", bindings={"company": "Netflix"})
    with pytest.raises(QueryError, match=r"^\[E030\]"):
        store.query("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match=r"^\[E030\]"):
        load_query(tmp_path / "missing.rq")
    with pytest.raises(QueryError, match=r"^\[E033\]"):
        format_result(run(store, "who-leads"), "xlsx")
    with pytest.raises(QueryError, match=r"^\[E030\]"):
        to_term("notAProperty", "predicate")


def test_terms() -> None:
    assert to_term("person/ted-sarandos", "iri") == RES["person/ted-sarandos"]
    assert to_term("mkr:person/ted-sarandos", "iri") == RES["person/ted-sarandos"]
    assert to_term("<http://www.wikidata.org/entity/Q907311>", "iri") == URIRef("http://www.wikidata.org/entity/Q907311")
    assert to_term("ceoOf", "predicate") == MKG.ceoOf
    assert to_term("mkg:ceoOf", "predicate") == MKG.ceoOf
    assert to_term("Netflix") == Literal("Netflix")
    adhoc = load_query("SELECT ?x WHERE { ?x ?p ?o }")
    assert make_bindings(adhoc, {"x": "https://ex.org/a", "y": "b"}) == {"x": URIRef("https://ex.org/a"), "y": Literal("b")}


def test_rq_file_and_text(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# name: mine\n# param: ?who — a label\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                    "SELECT DISTINCT ?who ?e WHERE { ?e rdfs:label ?who }\n", encoding="utf-8")
    assert [str(r["e"]) for r in _rows(run(store, path, bindings={"who": "Netflix"}))] == [str(RES["organization/netflix"])]
    assert [str(r["e"]) for r in _rows(run(store, str(path), bindings={"who": "Netflix"}))] == [str(RES["organization/netflix"])]
    assert len(run(store, "SELECT ?p WHERE { ?p mkg:ceoOf ?o }")) >= 1  # store prefixes are predeclared


def test_run_query_on_a_path(built_store: Path, tmp_path: Path) -> None:
    out = run_query(built_store, "who-leads", bindings={"org": "Netflix"}, fmt="csv")
    assert out.splitlines()[1].endswith("Ted Sarandos,2")
    with Store(built_store):  # run_query took no writer lock and closed the store
        pass
    with pytest.raises(StoreError, match=r"^\[E022\]"):
        run_query(tmp_path / "none", "who-leads")
    with pytest.raises(QueryError, match=r"^\[E033\]"):
        run_query(built_store, "who-leads", fmt="xml")
