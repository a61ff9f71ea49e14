"""kg.serve: a real SPARQL 1.1 Protocol endpoint on 127.0.0.1, queried with SPARQLWrapper."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import StoreError
from kg.namespace import MKG, RES
from kg.serve import SparqlServer, is_update, make_server, negotiate, uses_service
from kg.store import Store

from tests.store.store_data import TEXT_1, TEXT_2, make_extraction

pytestmark = pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*is deprecated:DeprecationWarning")

WHO = """PREFIX mkg: <https://w3id.org/media-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE { ?p mkg:ceoOf ?o . ?p rdfs:label ?name }"""


def _start(path: Path) -> tuple[SparqlServer, threading.Thread]:
    srv = make_server(path, "127.0.0.1", 0)  # port 0: an ephemeral port
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return srv, thread


def _stop(srv: SparqlServer, thread: threading.Thread) -> None:
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    path = tmp_path_factory.mktemp("serve") / "store"
    with Store(path) as store:
        store.add([make_extraction("news-1", TEXT_1), make_extraction("news-2", TEXT_2)])
    srv, thread = _start(path)
    yield srv
    _stop(srv, thread)


def _wrapper(server: SparqlServer, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def _http(server: SparqlServer, *, query: str | None = None, data: bytes | None = None,
          content_type: str | None = None, accept: str | None = None, host: str | None = None,
          params: dict | None = None) -> tuple[int, str, str]:
    url = server.url
    if query is not None or params:
        url += "?" + urllib.parse.urlencode({**({"query": query} if query is not None else {}), **(params or {})})
    request = urllib.request.Request(url, data=data)
    if content_type:
        request.add_header("Content-Type", content_type)
    if accept:
        request.add_header("Accept", accept)
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode("utf-8")


def test_select_json_over_get(server: SparqlServer) -> None:
    result = _wrapper(server, WHO).query().convert()
    assert [b["name"]["value"] for b in result["results"]["bindings"]] == ["Ted Sarandos"]
    assert server.server_address[0] == "127.0.0.1"


def test_select_over_post_form_and_direct(server: SparqlServer) -> None:
    form = _wrapper(server, WHO)
    form.setMethod(POST)
    assert form.query().convert()["results"]["bindings"][0]["name"]["value"] == "Ted Sarandos"
    direct = _wrapper(server, WHO)
    direct.setMethod(POST)
    direct.setRequestMethod(POSTDIRECTLY)
    assert direct.query().convert()["results"]["bindings"][0]["name"]["value"] == "Ted Sarandos"


def test_xml_csv_tsv(server: SparqlServer) -> None:
    xml = _wrapper(server, WHO, XML).query().convert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == ["Ted Sarandos"]
    rows = list(csv.reader(io.StringIO(_wrapper(server, WHO, CSV).query().convert().decode("utf-8"))))
    assert rows == [["name"], ["Ted Sarandos"]]
    tsv = _wrapper(server, WHO, TSV).query().convert().decode("utf-8").splitlines()
    assert tsv == ["?name", '"Ted Sarandos"']


def test_ask_and_construct(server: SparqlServer) -> None:
    assert _wrapper(server, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True
    construct = "PREFIX mkg: <https://w3id.org/media-kg/ontology#> CONSTRUCT { ?s mkg:ceoOf ?o } WHERE { ?s mkg:ceoOf ?o }"
    data = _wrapper(server, construct, TURTLE).query().convert()
    g = Graph().parse(data=data, format="turtle")
    assert set(g) == {(RES["person/ted-sarandos"], MKG.ceoOf, RES["organization/netflix"])}


def test_content_negotiation_by_accept(server: SparqlServer) -> None:
    status, ctype, body = _http(server, query=WHO, accept="text/csv")
    assert (status, ctype.split(";")[0]) == (200, "text/csv") and body.splitlines()[1] == "Ted Sarandos"
    status, ctype, _ = _http(server, query=WHO, accept="application/sparql-results+xml;q=0.9, text/csv;q=0.1")
    assert ctype.startswith("application/sparql-results+xml")
    status, ctype, body = _http(server, query=WHO)  # no Accept: SPARQL JSON
    assert ctype.startswith("application/sparql-results+json") and json.loads(body)["head"]["vars"] == ["name"]
    status, _, _ = _http(server, query=WHO, accept="image/png")
    assert status == 406


def test_updates_are_refused(server: SparqlServer) -> None:
    insert = "INSERT DATA { <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> }"
    assert _http(server, data=urllib.parse.urlencode({"update": insert}).encode(),
                 content_type="application/x-www-form-urlencoded")[0] == 403
    assert _http(server, data=insert.encode(), content_type="application/sparql-update")[0] == 403
    assert _http(server, query=insert)[0] == 403
    assert _http(server, query="PREFIX ex: <http://ex.org/> DELETE WHERE { ?s ?p ?o }")[0] == 403
    update = SPARQLWrapper(server.url)
    update.setMethod(POST)
    update.setQuery(insert)
    with pytest.raises(urllib.error.HTTPError) as err:
        update.query()
    assert err.value.code == 403
    with Store(server.store.path, read_only=True) as store:
        assert not store.query("ASK { <http://ex.org/a> ?p ?o }").askAnswer


def test_malformed_query_is_400_with_a_message(server: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed) as err:
        _wrapper(server, "SELECT ?s WHERE { ?s ?p }").query()
    assert "E030" in str(err.value)
    status, _, body = _http(server, params={"nothing": "here"})
    assert status == 400 and "query" in body


def test_service_and_foreign_hosts_are_refused(server: SparqlServer) -> None:
    status, _, body = _http(server, query="SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in body
    assert _http(server, query=WHO, host="evil.example.com")[0] == 403
    assert _http(server, query=WHO, host=f"localhost:{server.server_address[1]}")[0] == 200


def test_other_paths_and_methods(server: SparqlServer) -> None:
    status, _, _ = _http(server, content_type="text/plain", data=b"SELECT * {}")
    assert status == 415
    request = urllib.request.Request(server.url.replace("/sparql", "/admin"))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 404


def test_serving_takes_no_writer_lock(built_store: Path, article_1) -> None:
    srv, thread = _start(built_store)
    try:
        with Store(built_store) as writer:  # a build can run while the endpoint serves its snapshot
            writer.remove_article(article_1.document.content_hash)
        assert _wrapper(srv, WHO).query().convert()["results"]["bindings"]
    finally:
        _stop(srv, thread)


def test_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[E022\]"):
        make_server(tmp_path / "none", port=0)


def test_helpers() -> None:
    assert is_update("  # comment\nPREFIX a: <http://a/>\nBASE <http://b/>\nWITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not is_update("ASK { ?s ?p 'DELETE' }")
    assert not uses_service('SELECT * WHERE { ?s ?p """SERVICE""" }')
    assert negotiate("ASK", None) == ("application/sparql-results+json", "json")
    assert negotiate("SELECT", "*/*", ["csv"]) == ("text/csv", "csv")
    assert negotiate("DESCRIBE", "application/ld+json") == ("application/ld+json", "json-ld")
