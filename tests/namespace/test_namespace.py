"""The ``kg.namespace`` package: generated ``MKG`` namespace, prefixes and file lookup."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF

import kg.namespace
from kg.namespace import MKG, MKGSH, PREFIXES, RES, WD, bind_prefixes, paths
from kg.namespace.paths import ontology_path, shapes_path
from kg.namespace.regenerate import DEFAULT_OUTPUT, NAMESPACE, main, regenerate

HOW_TO_FIX = "kg/namespace/_MKG.py is out of date: run `python -m kg.namespace.regenerate`"


def module_terms(path: Path) -> set[str]:
    """Term names of the ``MKG`` class in a generated module (annotations and _extras)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MKG"]
    names = {n.target.id for n in cls.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    for node in cls.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_extras" for t in node.targets):
            names |= set(ast.literal_eval(node.value))
    return names


def ontology_terms() -> set[str]:
    """Local names of every IRI of the mkg namespace that media.ttl gives an rdf:type."""
    graph = Graph().parse(ontology_path(), format="turtle")
    return {
        str(s)[len(NAMESPACE):]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NAMESPACE) and str(s) != NAMESPACE
    }


def _diff(actual: set[str], expected: set[str]) -> str:
    return f"missing: {sorted(expected - actual)}; unexpected: {sorted(actual - expected)}"


# --------------------------------------------------------------------------- generated module


def test_generated_module_matches_ontology(tmp_path: Path) -> None:
    regenerated = regenerate(output=tmp_path / "_MKG.py")
    fresh, committed = module_terms(regenerated), module_terms(DEFAULT_OUTPUT)
    assert fresh == committed, f"{HOW_TO_FIX}\n{_diff(committed, fresh)}"
    declared = ontology_terms()
    assert committed == declared, f"{HOW_TO_FIX}\n{_diff(committed, declared)}"


def test_generated_module_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0, HOW_TO_FIX
    capsys.readouterr()


def test_check_reports_a_stale_module(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "_MKG.py"
    stale.write_text("class MKG:\n    pass\n", encoding="utf-8")
    assert main(["--check", "--output", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err


def test_imported_namespace_matches_ontology() -> None:
    names = set(MKG.__annotations__) | set(MKG._extras)
    assert names == ontology_terms(), _diff(names, ontology_terms())


def test_terms_resolve_to_iris() -> None:
    assert MKG.ceoOf == URIRef("https://w3id.org/media-kg/ontology#ceoOf")
    assert MKG.Person == URIRef(NAMESPACE + "Person")
    assert MKG["said"] == URIRef(NAMESPACE + "said")
    assert MKG.ceoOf in MKG
    assert str(MKG) == NAMESPACE


@pytest.mark.parametrize("name", ["ceoof", "CEOOf", "person", "worksfor", "Movie"])
def test_misspelt_term_raises(name: str) -> None:
    with pytest.raises(AttributeError):
        getattr(MKG, name)
    assert name not in MKG


# --------------------------------------------------------------------------- namespaces and prefixes


def test_plain_namespaces() -> None:
    assert RES["person/ted-sarandos"] == URIRef("https://w3id.org/media-kg/resource/person/ted-sarandos")
    assert MKGSH.EntityShape == URIRef("https://w3id.org/media-kg/shapes#EntityShape")
    assert WD.Q907311 == URIRef("http://www.wikidata.org/entity/Q907311")


def test_standard_namespaces_are_reexported() -> None:
    from rdflib import namespace

    assert kg.namespace.SCHEMA is namespace.SDO
    assert str(kg.namespace.SCHEMA) == "https://schema.org/"
    for name in ("SKOS", "PROV", "OWL", "RDF", "RDFS", "XSD", "DCTERMS"):
        assert getattr(kg.namespace, name) is getattr(namespace, name), name
    assert set(kg.namespace.__all__) <= set(dir(kg.namespace))


EXPECTED_PREFIXES = {
    "mkg": "https://w3id.org/media-kg/ontology#",
    "mkr": "https://w3id.org/media-kg/resource/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}


@pytest.mark.parametrize("factory", [Graph, Dataset], ids=["Graph", "Dataset"])
def test_bind_prefixes(factory: type[Graph]) -> None:
    graph = factory()
    graph.bind("schema", "http://schema.org/", override=True, replace=True)  # a stale binding
    assert bind_prefixes(graph) is graph
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    for prefix, namespace in EXPECTED_PREFIXES.items():
        assert bound.get(prefix) == namespace, prefix
    assert PREFIXES == EXPECTED_PREFIXES


def test_bound_prefixes_are_used_in_turtle() -> None:
    graph = bind_prefixes(Graph())
    graph.add((RES["organization/netflix"], OWL.sameAs, WD.Q907311))
    graph.add((RES["organization/netflix"], RDF.type, MKG.Organization))
    turtle = graph.serialize(format="turtle")
    assert "mkg:Organization" in turtle
    assert "wd:Q907311" in turtle


# --------------------------------------------------------------------------- file lookup


def test_paths_find_the_shipped_files() -> None:
    assert ontology_path().name == "media.ttl"
    assert shapes_path().name == "shapes.ttl"
    assert ontology_path().is_file() and shapes_path().is_file()


def test_paths_prefer_the_package_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, source = tmp_path / "package", tmp_path / "source"
    for directory in (package, source):
        directory.mkdir()
        (directory / "media.ttl").write_text("", encoding="utf-8")
    (source / "shapes.ttl").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    monkeypatch.setattr(paths, "_SOURCE_DIR", source)
    assert ontology_path() == package / "media.ttl"
    assert shapes_path() == source / "shapes.ttl"


def test_paths_raise_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_PACKAGE_DIR", tmp_path / "package")
    monkeypatch.setattr(paths, "_SOURCE_DIR", tmp_path / "source")
    with pytest.raises(FileNotFoundError, match="media.ttl.*looked in"):
        ontology_path()
    with pytest.raises(FileNotFoundError, match="shapes.ttl"):
        shapes_path()
