"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store (stdlib only).

* ``GET /sparql?query=...`` and ``POST /sparql`` with ``application/x-www-form-urlencoded``
  (``query=...``) or ``application/sparql-query`` (the query as the body). ``/`` works too.
* Results are negotiated from the ``Accept`` header, or from a ``format``/``output``
  parameter (as SPARQLWrapper sends): SPARQL JSON (default), XML, CSV or TSV for
  SELECT/ASK; Turtle (default), N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE.
* Read-only: the store is opened without the writer lock; SPARQL Update (an ``update``
  parameter, ``application/sparql-update``, or update text as a query) gets 403.
  ``SERVICE`` (federated queries, which would let the endpoint fetch other URLs) gets 403.
* A malformed query gets 400 with the parser's message; an unsupported result type 406.
* Binds to ``127.0.0.1`` by default, and then answers only requests whose ``Host`` is a
  loopback name (a guard against DNS rebinding from a web page).

Example:
    >>> import tempfile, threading, urllib.request, urllib.parse, json
    >>> path = tempfile.mkdtemp() + "/store"
    >>> Store(path).open().close()
    >>> server = make_server(path, port=0)
    >>> thread = threading.Thread(target=server.serve_forever, daemon=True); thread.start()
    >>> url = "http://127.0.0.1:%d/sparql?" % server.server_address[1]
    >>> with urllib.request.urlopen(url + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})) as r:
    ...     json.load(r)["boolean"]
    False
    >>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import ipaddress
import os
import re
import sys
import threading
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib.query import Result

from kg.errors import KGError
from kg.query import format_result
from kg.store import DEFAULT_STORE, Store

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "SparqlServer", "make_server", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Largest request body accepted, in bytes.
MAX_BODY = 1_000_000

#: Result formats: short name -> (media type, rdflib serializer name or "tsv").
_SOLUTION_FORMATS = {
    "json": ("application/sparql-results+json", "json"),
    "xml": ("application/sparql-results+xml", "xml"),
    "csv": ("text/csv", "csv"),
    "tsv": ("text/tab-separated-values", "tsv"),
}
_GRAPH_FORMATS = {
    "turtle": ("text/turtle", "turtle"),
    "nt": ("application/n-triples", "nt"),
    "xml": ("application/rdf+xml", "xml"),
    "json": ("application/ld+json", "json-ld"),
}
#: Media types (and SPARQLWrapper's format names) -> short names.
_SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json", "json": "json",
    "text/javascript": "json", "application/javascript": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml", "xml": "xml",
    "text/csv": "csv", "csv": "csv",
    "text/tab-separated-values": "tsv", "tsv": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "turtle": "turtle", "n3": "turtle", "text/n3": "turtle",
    "application/n-triples": "nt", "text/plain": "nt", "nt": "nt",
    "application/rdf+xml": "xml", "application/xml": "xml", "text/xml": "xml", "xml": "xml", "rdf+xml": "xml",
    "application/ld+json": "json", "application/json": "json", "json-ld": "json", "json": "json",
}
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}

# Lexical scan of a query: strings, IRIs and comments are skipped, so that a keyword
# inside them is not taken for one.
_SKIP = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*",
    re.S,
)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)", re.I)
_UPDATE_VERBS = {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\b", re.I)


def _scan(query: str) -> str:
    """The query with strings, IRIs and comments blanked out."""
    return _SKIP.sub(" ", query)


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL Update request rather than a query.

    Example:
        >>> is_update("PREFIX ex: <http://ex/> INSERT DATA { ex:a ex:b ex:c }")
        True
        >>> is_update('SELECT * WHERE { ?s ?p "INSERT DATA" }')
        False
    """
    text = _scan(query)
    while True:
        m = _PROLOGUE.match(text)
        if not m:
            break
        text = text[m.end():]
    words = text.split(None, 1)
    return bool(words) and words[0].lower() in _UPDATE_VERBS


def uses_service(query: str) -> bool:
    """Whether the query has a ``SERVICE`` clause (outside strings, IRIs and comments).

    Example:
        >>> uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
        True
        >>> uses_service("SELECT ?service WHERE { ?service a <http://x/SERVICE> } # SERVICE")
        False
    """
    return bool(_SERVICE.search(_scan(query)))


def _accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, most preferred first (q=0 dropped)."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            weighted.append((-q, index, fields[0].lower()))
    return [media for _, _, media in sorted(weighted)]


def negotiate(result_type: str, accept: str | None, requested: Iterable[str] = ()) -> tuple[str, str] | None:
    """Choose ``(media type, serializer)`` for a result, or ``None`` if nothing acceptable.

    Args:
        result_type: ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``.
        accept: The Accept header.
        requested: ``format``/``output`` parameter values (they win over Accept).

    Example:
        >>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml")
        ('application/sparql-results+xml', 'xml')
        >>> negotiate("CONSTRUCT", "*/*")
        ('text/turtle', 'turtle')
        >>> negotiate("SELECT", "image/png") is None
        True
    """
    graph = result_type in ("CONSTRUCT", "DESCRIBE")
    names, formats = (_GRAPH_TYPES, _GRAPH_FORMATS) if graph else (_SOLUTION_TYPES, _SOLUTION_FORMATS)
    default = "turtle" if graph else "json"
    for value in requested:
        name = names.get(value.strip().lower())
        if name:
            return formats[name]
    media_types = _accepted(accept)
    if not media_types:
        return formats[default]
    for media in media_types:
        if media in names:
            return formats[names[media]]
        if media in ("*/*", "application/*", "text/*"):
            return formats[default]
    return None


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server holding an open, read-only :class:`~kg.store.Store`.

    Attributes:
        store: The store queries run on.
        verbose: Log each request to stderr.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: Store, *, owns_store: bool, verbose: bool = False) -> None:
        self.store = store
        self.verbose = verbose
        self._owns_store = owns_store
        # rdflib's own SPARQL engine (memory backend) is not known to be thread-safe.
        self.query_lock = threading.Lock() if store.backend == "memory" else None
        super().__init__(address, SparqlHandler)

    @property
    def url(self) -> str:
        """The endpoint URL, ``http://host:port/sparql``."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def server_close(self) -> None:
        """Stop listening and close the store if this server opened it."""
        super().server_close()
        if self._owns_store:
            self.store.close()

    def loopback_only(self) -> bool:
        """Whether the server listens on a loopback address only."""
        try:
            return ipaddress.ip_address(self.server_address[0]).is_loopback
        except ValueError:
            return False


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol request handler (query operation only)."""

    server: SparqlServer
    server_version = "media-kg-sparql/0.1"

    # -------------------------------------------------------------- HTTP verbs

    def do_GET(self) -> None:  # noqa: N802
        """``GET ?query=...``."""
        if not self._check_request():
            return
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        self._dispatch(params)

    def do_POST(self) -> None:  # noqa: N802
        """``POST`` with a form (``query=...``) or a ``application/sparql-query`` body."""
        if not self._check_request():
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"The request body exceeds {MAX_BODY} bytes.")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if content_type == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "This endpoint is read-only: SPARQL Update is not accepted.")
            return
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST a form (application/x-www-form-urlencoded, query=...) or a query body (application/sparql-query).",
            )
            return
        self._dispatch(params)

    def do_PUT(self) -> None:  # noqa: N802
        """Refused: the endpoint is read-only."""
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "This endpoint is read-only: use GET or POST with a query.")

    do_DELETE = do_PUT  # noqa: N815
    do_PATCH = do_PUT  # noqa: N815

    # -------------------------------------------------------------- helpers

    def _check_request(self) -> bool:
        if urlsplit(self.path).path.rstrip("/") not in ("", "/sparql"):
            self._error(HTTPStatus.NOT_FOUND, "The SPARQL endpoint is /sparql.")
            return False
        if self.server.loopback_only():
            host = (self.headers.get("Host") or "").strip()
            name = urlsplit(f"//{host}").hostname or ""
            if not _is_loopback_name(name):
                self._error(HTTPStatus.FORBIDDEN, f"Host '{host}' is not served: this endpoint answers localhost only.")
                return False
        return True

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "This endpoint is read-only: SPARQL Update is not accepted.")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "Pass exactly one SPARQL query, as ?query=... or as the POST body.")
            return
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._error(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported; use FROM/GRAPH.")
            return
        query = queries[0]
        if is_update(query):
            self._error(HTTPStatus.FORBIDDEN, "This endpoint is read-only: SPARQL Update is not accepted.")
            return
        if uses_service(query):
            self._error(HTTPStatus.FORBIDDEN, "SERVICE (federated query) is disabled on this endpoint.")
            return
        try:
            result = self._run(query)
        except KGError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        requested = params.get("format", []) + params.get("output", []) + params.get("results", [])
        chosen = negotiate(result.type, self.headers.get("Accept"), requested)
        if chosen is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, f"No acceptable format for a {result.type} result.")
            return
        media_type, serializer = chosen
        self._send(HTTPStatus.OK, media_type, _serialize(result, serializer))

    def _run(self, query: str) -> Result:
        if self.server.query_lock is None:
            return self.server.store.query(query)
        with self.server.query_lock:
            return self.server.store.query(query)

    def _send(self, status: HTTPStatus, media_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain", (message.rstrip() + "\n").encode("utf-8"))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Log to stderr only when the server is verbose."""
        if self.server.verbose:
            super().log_message(format, *args)


def _is_loopback_name(name: str) -> bool:
    if name.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _serialize(result: Result, serializer: str) -> bytes:
    if serializer == "tsv":
        return format_result(result, "tsv").encode("utf-8")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format=serializer, encoding="utf-8")  # type: ignore[union-attr]
    if result.type == "ASK" and serializer == "csv":
        return ("true" if result.askAnswer else "false").encode("utf-8") + b"\n"
    return result.serialize(format=serializer, encoding="utf-8")  # type: ignore[return-value]


def make_server(
    store_path: str | os.PathLike[str] = DEFAULT_STORE,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    store: Store | None = None,
    verbose: bool = False,
) -> SparqlServer:
    """Open the store read-only and bind the endpoint (call ``serve_forever()`` to run it).

    Args:
        store_path: The store directory.
        host: Interface to bind (``127.0.0.1`` by default; ``0.0.0.0`` exposes the store).
        port: TCP port; ``0`` picks a free one (see ``server.server_address``).
        store: An already open store to serve instead (it is not closed by the server).
        verbose: Log each request to stderr.

    Raises:
        StoreError: ``E022`` if there is no store at ``store_path``.
        OSError: If the address cannot be bound.
    """
    owns = store is None
    if store is None:
        store = Store(Path(store_path), read_only=True).open()
    try:
        return SparqlServer((host, port), store, owns_store=owns, verbose=verbose)
    except BaseException:
        if owns:
            store.close()
        raise


def serve(
    store_path: str | os.PathLike[str] = DEFAULT_STORE,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    verbose: bool = True,
) -> None:
    """``kg serve``: run the endpoint until interrupted (Ctrl-C).

    The store is a snapshot taken at start: restart the server after a ``kg build``.

    Example (not run: it blocks):
        >>> serve("output/store", port=7878)  # doctest: +SKIP
    """
    server = make_server(store_path, host, port, verbose=verbose)
    print(f"SPARQL endpoint on {server.url} (read-only; Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
