"""kg.serve: a real SPARQL 1.1 Protocol endpoint on 127.0.0.1, queried with SPARQLWrapper.

Bounds (time, rows, concurrency), SERVICE against a real local listener, cross-site
requests, and readers during a real writer process.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed

from kg.errors import QueryError, StoreError
from kg.namespace import MKG, RES
from kg.serve import Refused, SparqlServer, _isolate_network, check_query, make_server, negotiate
from kg.store import Store

from tests.store.store_data import TEXT_1, TEXT_2, make_extraction

pytestmark = pytest.mark.filterwarnings("ignore:(Dataset|ConjunctiveGraph).*is deprecated:DeprecationWarning")

WHO = """PREFIX mkg: <https://w3id.org/media-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE { ?p mkg:ceoOf ?o . ?p rdfs:label ?name }"""
#: The 4-way cross product of issue 12, counted (so that no row limit can cut it short).
CROSS = """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f }
GRAPH ?g3 { ?h ?i ?j } GRAPH ?g4 { ?k ?l ?m } }"""


def _stop(srv: SparqlServer) -> None:
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    with Store(path) as store:
        store.add([make_extraction("news-1", TEXT_1), make_extraction("news-2", TEXT_2)])
    return path


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[SparqlServer]:
    srv = make_server(store_dir, "127.0.0.1", 0)  # port 0: an ephemeral port
    srv.start()
    yield srv
    _stop(srv)


def _wrapper(server: SparqlServer, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def _http(server: SparqlServer, *, query: str | None = None, data: bytes | None = None,
          content_type: str | None = None, accept: str | None = None, host: str | None = None,
          params: dict | None = None, headers: dict | None = None) -> tuple[int, str, str]:
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
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode("utf-8")


# ---------------------------------------------------------------------- protocol


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
    status, ctype, body = _http(server, query=construct, accept="application/ld+json")
    assert status == 200 and ctype.startswith("application/ld+json")
    assert set(Graph().parse(data=body, format="json-ld")) == set(g)


def test_store_prefixes_need_no_declaration(server: SparqlServer) -> None:
    status, _, body = _http(server, query="SELECT DISTINCT ?p WHERE { ?p mkg:ceoOf ?o }")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["p"]["value"] == str(RES["person/ted-sarandos"])


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
    status, _, body = _http(server, query=insert)
    assert status == 403 and body.startswith("[E086]")
    assert _http(server, query="PREFIX ex: <http://ex.org/> DELETE WHERE { ?s ?p ?o }")[0] == 403
    update = SPARQLWrapper(server.url)
    update.setMethod(POST)
    update.setQuery(insert)
    with pytest.raises(urllib.error.HTTPError) as err:
        update.query()
    assert err.value.code == 403
    with Store(server.store_path, read_only=True) as store:
        assert not store.query("ASK { <http://ex.org/a> ?p ?o }").askAnswer


def test_malformed_query_is_400_with_a_message(server: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed) as err:
        _wrapper(server, "SELECT ?s WHERE { ?s ?p }").query()
    assert "E030" in str(err.value)
    status, _, body = _http(server, params={"nothing": "here"})
    assert status == 400 and "query" in body
    # parsed by rdflib, refused by Oxigraph's evaluation: still a one-line coded error
    status, _, body = _http(server, query="SELECT * WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }")
    assert status == 400 and body.startswith("[E030]") and "Traceback" not in body


def test_foreign_hosts_are_refused(server: SparqlServer) -> None:
    assert _http(server, query=WHO, host="evil.example.com")[0] == 403
    assert _http(server, query=WHO, host=f"localhost:{server.server_address[1]}")[0] == 200


def test_other_paths_and_methods(server: SparqlServer) -> None:
    status, _, _ = _http(server, content_type="text/plain", data=b"SELECT * {}")
    assert status == 415
    request = urllib.request.Request(server.url.replace("/sparql", "/admin"))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 404


def test_missing_store_and_bad_bounds(tmp_path: Path, store_dir: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[E022\]"):
        make_server(tmp_path / "none", port=0)
    with pytest.raises(QueryError, match=r"^\[E033\].*timeout"):
        make_server(store_dir, port=0, timeout=0)


def test_negotiate() -> None:
    assert negotiate("ASK", None) == pyoxigraph.QueryResultsFormat.JSON
    assert negotiate("SELECT", "*/*", ["csv"]) == pyoxigraph.QueryResultsFormat.CSV
    assert negotiate("SELECT", "text/javascript") == pyoxigraph.QueryResultsFormat.JSON
    assert negotiate("DESCRIBE", "application/ld+json") == pyoxigraph.RdfFormat.JSON_LD
    assert negotiate("CONSTRUCT", None, ["turtle"]) == pyoxigraph.RdfFormat.TURTLE
    assert negotiate("CONSTRUCT", "application/n-quads") is None  # a dataset format: not for triples


# ---------------------------------------------------------------------- SERVICE


class Listener:
    """A TCP server on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                self.requests.append(conn.recv(4096))
            except OSError:
                self.requests.append(b"")
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


def _leaks(port: int) -> dict[str, str]:
    """The exfiltration query of issue 12 and its spellings, aimed at a local listener."""
    url = f"http://127.0.0.1:{port}/leak?"
    bind = f'?e rdfs:label ?l . BIND(IRI(CONCAT("{url}", ENCODE_FOR_URI(?l))) AS ?svc)'
    full = bind.replace("rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>")
    return {
        "issue (LATERAL)": f"SELECT * WHERE {{ {bind} LATERAL {{ FILTER(1<2)SERVICE?svc {{ ?s ?p ?o }} }} }}",
        "no spaces": f"SELECT * WHERE {{ {bind} FILTER(1<2)SERVICE?svc{{?s ?p ?o}} }}",
        "issue, no LATERAL": f"SELECT * WHERE {{ {bind} FILTER(1<2)SERVICE?svc {{ ?s ?p ?o }} }}",
        "lower case": f"select * where {{ {bind} service ?svc {{ ?s ?p ?o }} }}",
        "mixed case + comments": f"SELECT * WHERE {{ {bind} #SERVICE\n SeRvIcE#x\n ?svc {{ ?s ?p ?o }} }}",
        "SILENT": f"SELECT * WHERE {{ {bind} SERVICE SILENT ?svc {{ ?s ?p ?o }} }}",
        "constant IRI": f"SELECT * WHERE {{ SERVICE <{url}x> {{ ?s ?p ?o }} }}",
        "subquery": f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ {bind} SERVICE ?svc {{ ?s ?p ?o }} }} }} }}",
        "EXISTS": f"SELECT * WHERE {{ {bind} FILTER EXISTS {{ SERVICE ?svc {{ ?s ?p ?o }} }} }}",
        "OPTIONAL in ASK": f"ASK {{ {bind} OPTIONAL {{ SERVICE ?svc {{ ?s ?p ?o }} }} }}",
        "CONSTRUCT": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {bind} MINUS {{ SERVICE ?svc {{ ?s ?p ?o }} }} }}",
        "unicode escape": f"SELECT * WHERE {{ \\u0053ERVICE <{url}x> {{ ?s ?p ?o }} }}",
        "full IRI with #": f"SELECT * WHERE {{ {full} SERVICE ?svc {{ ?s ?p ?o }} }}",
    }


def test_the_listener_sees_a_service_call_when_nothing_guards_it(listener: Listener, store_dir: Path) -> None:
    # Positive twin of the next test: pyoxigraph itself, unguarded, does call the listener.
    with Store(store_dir, read_only=True) as store:
        with pytest.raises(OSError):
            list(store.oxigraph.query(_leaks(listener.port)["issue (LATERAL)"], use_default_graph_as_union=True,
                                      prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}))
    deadline = time.monotonic() + 5
    while not listener.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.requests and b"/leak?" in listener.requests[0]


def test_service_spellings_make_no_outgoing_request(server: SparqlServer, listener: Listener) -> None:
    for name, query in _leaks(listener.port).items():
        for method in ("GET", "POST"):
            sparql = _wrapper(server, query)
            if method == "POST":
                sparql.setMethod(POST)
            with pytest.raises((QueryBadFormed, urllib.error.HTTPError)) as err:
                sparql.query()
            text = str(err.value) if isinstance(err.value, QueryBadFormed) else err.value.read().decode()
            if name in ("issue (LATERAL)", "full IRI with #"):  # rdflib's parser reads neither LATERAL (an
                # Oxigraph extension) nor a SERVICE after an IRI holding '#' (rdflib bug): refused as malformed
                # (400), which is as safe
                assert isinstance(err.value, QueryBadFormed) and "E030" in text, name
            else:
                assert getattr(err.value, "code", None) == 403 and "[E081]" in text, (name, text)
    time.sleep(0.5)
    assert listener.requests == []
    assert _wrapper(server, WHO).query().convert()["results"]["bindings"]  # still serving


#: What a worker does first (kg.serve._worker_main), then a SERVICE call that got past the parser.
ISOLATED_SERVICE = """
import sys, pyoxigraph
from kg.serve import _isolate_network
print(_isolate_network(), flush=True)
try:
    list(pyoxigraph.Store().query(sys.argv[1]))
    print("answered")
except OSError as exc:
    print(exc)
"""


def test_workers_have_no_network(listener: Listener) -> None:
    """The engine layer: a SERVICE call that passed the parser reaches nothing from a worker."""
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/leak> {{ ?s ?p ?o }} }}"
    run = subprocess.run([sys.executable, "-c", ISOLATED_SERVICE, query], capture_output=True, text=True, timeout=60)
    isolated, outcome = run.stdout.splitlines()
    assert isolated == "True", "network namespaces are unavailable here"
    assert "unreachable" in outcome.lower()
    time.sleep(0.3)
    assert listener.requests == []


def test_check_query() -> None:
    assert check_query('SELECT * WHERE { ?s ?p """SERVICE <http://x/> { }""" }') == "SELECT"
    assert check_query("DESCRIBE <http://x/a>") == "DESCRIBE"
    with pytest.raises(Refused, match=r"^\[E081\]"):
        check_query("ASK { { SELECT * { SERVICE SILENT <http://x/> { ?s ?p ?o } } } }")
    with pytest.raises(Refused, match=r"^\[E086\]"):
        check_query("  # comment\nPREFIX a: <http://a/>\nWITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")


def test_named_queries_pass_the_parser() -> None:
    from kg.query import get_query, list_queries

    for query in list_queries():
        assert check_query(get_query(query.name).text, {"mkg": str(MKG)}) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


# ---------------------------------------------------------------------- bounds


def test_time_bound_stops_the_cross_product_and_serves_the_next_query(store_dir: Path) -> None:
    srv = make_server(store_dir, port=0, timeout=1.5)
    srv.start()
    try:
        assert srv.pool.isolated()  # all workers up
        assert _wrapper(srv, WHO).query().convert()["results"]["bindings"]
        start = time.monotonic()
        with pytest.raises(EndPointInternalError) as err:
            _wrapper(srv, CROSS).query()
        elapsed = time.monotonic() - start
        assert "[E082]" in str(err.value) and 1.5 <= elapsed < 4, elapsed
        start = time.monotonic()
        assert _wrapper(srv, WHO).query().convert()["results"]["bindings"][0]["name"]["value"] == "Ted Sarandos"
        assert time.monotonic() - start < 1.0
    finally:
        _stop(srv)


def test_row_bound(store_dir: Path) -> None:
    srv = make_server(store_dir, port=0, max_rows=5)
    srv.start()
    try:
        with pytest.raises(EndPointInternalError) as err:
            _wrapper(srv, "SELECT * WHERE { ?s ?p ?o }").query()
        assert "[E083]" in str(err.value) and "5 rows" in str(err.value)
        with pytest.raises(EndPointInternalError, match=r"E083"):
            _wrapper(srv, "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE).query()
        rows = _wrapper(srv, "SELECT * WHERE { ?s ?p ?o } LIMIT 5").query().convert()["results"]["bindings"]
        assert len(rows) == 5
        data = _wrapper(srv, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5", TURTLE).query().convert()
        assert len(Graph().parse(data=data, format="turtle")) == 5
    finally:
        _stop(srv)


def test_concurrency_bound(store_dir: Path) -> None:
    srv = make_server(store_dir, port=0, timeout=3, max_concurrent=1)
    srv.start()
    try:
        assert _wrapper(srv, WHO).query().convert()["results"]["bindings"]
        slow: list[BaseException] = []

        def run_slow() -> None:
            try:
                _wrapper(srv, CROSS).query()
            except BaseException as exc:  # noqa: BLE001 - recorded and checked below
                slow.append(exc)

        thread = threading.Thread(target=run_slow)
        thread.start()
        time.sleep(0.7)
        with pytest.raises(urllib.error.HTTPError) as err:
            _wrapper(srv, WHO).query()
        assert err.value.code == 503 and err.value.headers["Retry-After"] == "1"
        assert err.value.read().decode().startswith("[E084]")
        thread.join(20)
        assert slow and "[E082]" in str(slow[0])
        assert _wrapper(srv, WHO).query().convert()["results"]["bindings"]
    finally:
        _stop(srv)


# ---------------------------------------------------------------------- cross-site


def test_cross_site_requests_are_refused(server: SparqlServer) -> None:
    own = f"http://127.0.0.1:{server.server_address[1]}"
    form = urllib.parse.urlencode({"query": WHO}).encode()
    before = dict(server.counters)
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": f"http://127.0.0.1:{server.server_address[1] + 1}"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                    {"Referer": "http://localhost:9/page.html"}):
        for kind in ("form", "text/plain", "multipart/form-data", "GET"):
            if kind == "GET":
                status, _, body = _http(server, query=WHO, headers=headers)
            else:
                ctype = "application/x-www-form-urlencoded" if kind == "form" else kind
                status, _, body = _http(server, data=form, content_type=ctype, headers=headers)
            assert status == 403 and body.startswith("[E085]"), (headers, kind, status, body)
    assert server.counters["queries"] == before["queries"]  # none of them ran
    assert server.counters["refused"] == before["refused"] + 24
    # the endpoint's own pages and clients without browser headers are served
    status, _, body = _http(server, data=form, content_type="application/x-www-form-urlencoded",
                            headers={"Origin": own, "Sec-Fetch-Site": "same-origin", "Referer": own + "/x"})
    assert status == 200 and "Ted Sarandos" in body
    assert _http(server, query=WHO, headers={"Sec-Fetch-Site": "none"})[0] == 200
    assert _http(server, data=form, content_type="application/x-www-form-urlencoded")[0] == 200
    assert server.counters["queries"] == before["queries"] + 3


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.mark.browser
@pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                    reason="needs /usr/bin/chromium and /usr/bin/chromedriver")
def test_a_foreign_page_cannot_post_a_query_from_a_browser(server: SparqlServer, tmp_path: Path) -> None:
    """A page on another localhost port auto-submits a form POST to the endpoint, in headless Chromium."""
    import html
    import tempfile
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    query = WHO
    page = tmp_path / "evil.html"
    page.write_text(
        "<!doctype html><title>evil</title><body>"
        f'<form id="f" method="POST" action="{html.escape(server.url)}" enctype="application/x-www-form-urlencoded">'
        f'<input type="hidden" name="query" value="{html.escape(query)}"></form>'
        "<script>document.getElementById('f').submit();</script></body>",
        encoding="utf-8",
    )
    handler = lambda *a, **k: SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    site = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-sync", f"--user-data-dir={tempfile.mkdtemp(prefix='kg-chromium-')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    before = dict(server.counters)
    try:
        driver.get(f"http://127.0.0.1:{site.server_address[1]}/evil.html")
        deadline = time.monotonic() + 15
        while server.counters["refused"] == before["refused"] and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        assert server.counters["refused"] == before["refused"] + 1  # the browser did send it...
        assert server.counters["queries"] == before["queries"]  # ...and no query ran
        body = driver.find_element("tag name", "body").text
        assert "[E085]" in body and "Ted Sarandos" not in body
    finally:
        driver.quit()
        site.shutdown()
        site.server_close()


# ---------------------------------------------------------------------- readers during writes

WRITER = """
import sys, time
from kg.store import Store
from tests.store.store_data import TEXT_1, make_extraction
with Store(sys.argv[1]) as store:
    store.add([make_extraction("news-9", TEXT_1 + " Later.")])
    print("writing", flush=True)
    sys.stdin.readline()
"""


def test_readers_during_a_real_writer_process(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with Store(path) as store:
        store.add([make_extraction("news-1", TEXT_1)])
    srv = make_server(path, port=0)
    srv.start()
    articles = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a mkg:contentHash ?h }"
    try:
        count = lambda: int(_wrapper(srv, articles).query().convert()["results"]["bindings"][0]["n"]["value"])  # noqa: E731
        assert count() == 1
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
        try:
            assert writer.stdout.readline().strip() == "writing"
            with pytest.raises(urllib.error.HTTPError) as err:  # the endpoint does not read during the write
                count()
            assert err.value.code == 503 and err.value.read().decode().startswith(f"[E080] The store at {path}")
            with pytest.raises(StoreError, match=rf"^\[E080\].*pid {writer.pid}"):  # nor kg query / the notebook API
                Store(path, read_only=True).open()
            cli = subprocess.run([str(Path(sys.executable).parent / "kg"), "query", "--store", str(path), articles],
                                 capture_output=True, text=True, timeout=120)
            assert cli.returncode != 0 and "[E080]" in cli.stderr and "Traceback" not in cli.stderr
        finally:
            writer.communicate("done\n", timeout=60)
        assert writer.returncode == 0
        assert count() == 2  # the finished write, without restarting the endpoint
    finally:
        _stop(srv)


def test_a_writer_waits_for_no_reader_but_fails_clearly(built_store: Path) -> None:
    with Store(built_store, read_only=True):
        with pytest.raises(StoreError, match=r"^\[E020\]"):
            Store(built_store).open()
    with Store(built_store) as writer:  # free again once the reader closed
        assert writer.stats().articles == 2


@pytest.mark.slow
def test_cross_product_on_the_seed_article_store(shared_eval: Path, tmp_path: Path) -> None:
    """Issue 12's measure: the 4-way cross product on the seed article's store, with kg serve's defaults."""
    kg = str(Path(sys.executable).parent / "kg")
    build = subprocess.run([kg, "build", str(shared_eval / "seed.jsonl"), "--out", str(tmp_path)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    srv = make_server(tmp_path / "store", port=0)  # default bounds
    srv.start()
    try:
        assert srv.pool.isolated()  # the workers are up (as `kg serve` waits before it prints its URL)
        for query in (CROSS, CROSS.replace("(COUNT(*) AS ?n)", "*") + " ORDER BY ?a"):
            start = time.monotonic()
            with pytest.raises(EndPointInternalError, match=r"E082"):
                _wrapper(srv, query).query()
            assert time.monotonic() - start < srv.timeout_s + 2
            start = time.monotonic()
            assert int(_wrapper(srv, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").query().convert()
                       ["results"]["bindings"][0]["n"]["value"]) > 0
            assert time.monotonic() - start < 1.0
    finally:
        _stop(srv)


def _children(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return {int(p) for p in out.stdout.split()}


def test_kg_serve_cli_and_no_query_outlives_a_killed_server(store_dir: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kg = str(Path(sys.executable).parent / "kg")
    server = subprocess.Popen([kg, "serve", "--store", str(store_dir), "--port", str(port), "--timeout", "120",
                               "--max-concurrent", "2", "--max-rows", "7"], stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stderr.readline()
        assert f"http://127.0.0.1:{port}/sparql" in banner and "120 s, 7 rows, 2 queries" in banner
        url = f"http://127.0.0.1:{port}/sparql"
        sparql = SPARQLWrapper(url)
        sparql.setQuery("SELECT * WHERE { ?s ?p ?o }")
        sparql.setReturnFormat(JSON)
        with pytest.raises(EndPointInternalError, match="E083"):
            sparql.query()
        workers = _children(server.pid)
        assert len(workers) == 2
        slow = SPARQLWrapper(url)
        slow.setQuery(CROSS)
        slow.setTimeout(60)
        threading.Thread(target=lambda: pytest.raises(Exception, slow.query), daemon=True).start()
        time.sleep(1.0)
        busy = [w for w in workers if open(f"/proc/{w}/stat").read().split()[2] == "R"]
        assert busy, "no worker is running the cross product"
        server.kill()  # SIGKILL: nothing of the server runs any more code
        server.wait(10)
        deadline = time.monotonic() + 5
        while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()
                 and open(f"/proc/{w}/stat").read().split()[2] not in ("Z", "X")]
        assert alive == []
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(10)
