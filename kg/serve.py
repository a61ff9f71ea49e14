"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store.

* ``GET /sparql?query=...`` and ``POST /sparql`` with ``application/x-www-form-urlencoded``
  (``query=...``) or ``application/sparql-query`` (the query as the body). ``/`` works too.
* Results are written by pyoxigraph's own serializers, chosen from the ``Accept`` header
  or a ``format``/``output`` parameter (as SPARQLWrapper sends): SPARQL JSON (default),
  XML, CSV or TSV for SELECT/ASK; Turtle (default), N-Triples, RDF/XML or JSON-LD for
  CONSTRUCT/DESCRIBE.
* **Bounds.** Each query runs in a worker process with a time limit (``timeout``, 5 s by
  default): past it the worker is killed and replaced, and the client gets 500 ``E082``.
  A result may hold ``max_rows`` rows or triples (10,000; more: 500 ``E083``). At most
  ``max_concurrent`` queries run at once (4; one more: 503 ``E084``, ``Retry-After: 1``).
* **No federation.** ``SERVICE`` is refused from the query as parsed by rdflib's SPARQL
  parser (the parse tree and the algebra, at any depth): 403 ``E081``. A query rdflib
  cannot parse is refused with 400 (``E030``), even if Oxigraph would accept it. And the
  workers run in a network namespace of their own with no interface up (Linux), so a
  SERVICE call that got past the parser could not reach any host either.
* **Read-only.** SPARQL Update (an ``update`` parameter, ``application/sparql-update``,
  or update text as a query) gets 403 ``E086``. Each query opens the store read-only
  under the readers' shared lock (see :mod:`kg.store`): while ``kg build`` writes, a
  query gets 503 ``E080``; between builds it sees the latest build, no restart needed.
* **Local only.** Binds to ``127.0.0.1`` by default, and then answers only requests whose
  ``Host`` is a loopback name (DNS rebinding). Cross-site requests get 403 ``E085``: an
  ``Origin`` other than the endpoint's own, a ``Sec-Fetch-Site`` other than
  ``same-origin``/``none``, or a foreign ``Referer``. A web page can therefore not make a
  browser send it a query (a form POST included); curl, SPARQLWrapper or ``requests``
  send none of these headers and are served.

Example:
    >>> import tempfile, urllib.request, urllib.parse, json
    >>> path = tempfile.mkdtemp() + "/store"
    >>> Store(path).open().close()
    >>> server = make_server(path, port=0)
    >>> thread = server.start()
    >>> url = server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    >>> with urllib.request.urlopen(url) as r:
    ...     json.load(r)["boolean"]
    False
    >>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import ctypes
import ipaddress
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph

from kg.errors import Errors, KGError, QueryError, StoreError
from kg.store import DEFAULT_STORE, Store

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_CONCURRENT",
    "DEFAULT_MAX_ROWS",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT",
    "Refused",
    "SparqlServer",
    "check_query",
    "make_server",
    "negotiate",
    "serve",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds a query may run before its worker is killed.
DEFAULT_TIMEOUT = 5.0
#: Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) a result may hold.
DEFAULT_MAX_ROWS = 10_000
#: Queries running at once (one worker process each).
DEFAULT_MAX_CONCURRENT = 4
#: Largest request body accepted, in bytes.
MAX_BODY = 1_000_000
#: Seconds a worker process may take to start.
_STARTUP = 60.0

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
#: Short format names (``format=``/``output=`` parameters, SPARQLWrapper's names) -> file extensions.
_GRAPH_ALIASES = {"turtle": "ttl", "n3": "ttl", "json-ld": "jsonld", "rdf+xml": "rdf", "n-triples": "nt", "ntriples": "nt"}
_GRAPH_FORMATS = (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.N_TRIPLES, pyoxigraph.RdfFormat.RDF_XML,
                  pyoxigraph.RdfFormat.JSON_LD)
_SOLUTION_ALIASES = {"text/javascript": "application/json", "application/javascript": "application/json"}


class Refused(KGError):
    """A request the endpoint refuses, with its HTTP status.

    Attributes:
        status: The HTTP status to answer with.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = int(status)


# ---------------------------------------------------------------------- the query, parsed


def _has_service(node: object) -> bool:
    """Whether a parse tree or algebra node holds a ``ServiceGraphPattern`` at any depth."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset, ParseResults)):
            stack.extend(item)
    return False


def check_query(query: str, prefixes: dict[str, str] | None = None) -> str:
    """Parse a query with rdflib's SPARQL parser and refuse what the endpoint does not run.

    Args:
        query: The query text.
        prefixes: Prefixes the query may use undeclared (the store's).

    Returns:
        The query form: ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``.

    Raises:
        Refused: 403 ``E081`` for ``SERVICE`` anywhere in the query, 403 ``E086`` for
            SPARQL Update, 400 ``E030`` for text the parser cannot read.

    Example:
        >>> check_query("SELECT * WHERE { ?s ?p ?o }")
        'SELECT'
        >>> check_query("SELECT * { FILTER(1<2)SERVICE?svc { ?s ?p ?o } }")
        Traceback (most recent call last):
        ...
        kg.serve.Refused: [E081] SERVICE (a federated query, which makes the server fetch other URLs) is refused by this endpoint.
        >>> check_query("SELECT ?service WHERE { ?service a <http://x/SERVICE> } # SERVICE")
        'SELECT'
    """
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(query)
    except Exception as exc:  # pyparsing's ParseException and friends
        try:
            parseUpdate(query)
        except Exception:
            detail = str(exc).strip() or type(exc).__name__
            raise Refused(HTTPStatus.BAD_REQUEST, Errors.E030.format(detail=detail)) from None
        raise Refused(HTTPStatus.FORBIDDEN, Errors.E086) from None
    if _has_service(parsed):
        raise Refused(HTTPStatus.FORBIDDEN, Errors.E081.format(where=""))
    try:
        algebra = translateQuery(parsed, initNs=prefixes or {})
    except Exception as exc:
        detail = str(exc).strip() or type(exc).__name__
        raise Refused(HTTPStatus.BAD_REQUEST, Errors.E030.format(detail=detail)) from None
    if _has_service(algebra.algebra):
        raise Refused(HTTPStatus.FORBIDDEN, Errors.E081.format(where=""))
    name = algebra.algebra.name  # SelectQuery, AskQuery, ConstructQuery, DescribeQuery
    return name[: -len("Query")].upper()


# ---------------------------------------------------------------------- formats


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


def negotiate(
    form: str, accept: str | None, requested: Iterable[str] = ()
) -> pyoxigraph.QueryResultsFormat | pyoxigraph.RdfFormat | None:
    """Choose pyoxigraph's format for a result, or ``None`` if nothing acceptable.

    Args:
        form: ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``.
        accept: The Accept header.
        requested: ``format``/``output`` parameter values (they win over Accept).

    Example:
        >>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml").media_type
        'application/sparql-results+xml'
        >>> negotiate("CONSTRUCT", "*/*").media_type
        'text/turtle'
        >>> negotiate("SELECT", "image/png") is None
        True
    """
    graph = form in ("CONSTRUCT", "DESCRIBE")

    def by_media_type(media: str) -> pyoxigraph.QueryResultsFormat | pyoxigraph.RdfFormat | None:
        if graph:
            found = pyoxigraph.RdfFormat.from_media_type(media)
            return found if found in _GRAPH_FORMATS else None
        return pyoxigraph.QueryResultsFormat.from_media_type(_SOLUTION_ALIASES.get(media, media))

    def by_name(name: str) -> pyoxigraph.QueryResultsFormat | pyoxigraph.RdfFormat | None:
        if graph:
            found = pyoxigraph.RdfFormat.from_extension(_GRAPH_ALIASES.get(name, name))
            return found if found in _GRAPH_FORMATS else by_media_type(name)
        return pyoxigraph.QueryResultsFormat.from_extension(name) or by_media_type(name)

    for value in requested:
        found = by_name(value.strip().lower())
        if found is not None:
            return found
    default = pyoxigraph.RdfFormat.TURTLE if graph else pyoxigraph.QueryResultsFormat.JSON
    media_types = _accepted(accept)
    if not media_types:
        return default
    for media in media_types:
        found = by_media_type(media)
        if found is not None:
            return found
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


# ---------------------------------------------------------------------- worker processes


@dataclass(frozen=True)
class _Job:
    query: str
    accept: str | None
    requested: tuple[str, ...]
    max_rows: int


#: A worker's answer: HTTP status, media type, body.
_Answer = tuple[int, str, bytes]


def _isolate_network() -> bool:
    """Move this process into a new network namespace with no interface up (Linux).

    Root may do it directly; other users through a user namespace of their own, where
    the kernel allows unprivileged ones. Must run while the process has one thread.

    Returns:
        Whether the process can no longer reach any host (loopback included).
    """
    if not sys.platform.startswith("linux"):
        return False
    clone_newnet, clone_newuser = 0x40000000, 0x10000000
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    for flags in (clone_newnet, clone_newnet | clone_newuser):
        if libc.unshare(flags) == 0:
            return True
    return False


def _die_with_parent() -> None:
    """Have the kernel kill this process when the server dies, even by SIGKILL (Linux),
    so that no runaway query outlives it."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
        except (OSError, AttributeError):
            pass


def _answer(store_path: str, job: _Job) -> _Answer:
    """Check, run and serialize one query (in a worker process)."""
    try:
        with Store(store_path, read_only=True) as store:
            ox = store.oxigraph
            assert ox is not None
            prefixes = {p: str(ns) for p, ns in store.dataset.namespaces()}
            form = check_query(job.query, prefixes)
            fmt = negotiate(form, job.accept, job.requested)
            if fmt is None:
                raise Refused(HTTPStatus.NOT_ACCEPTABLE, f"No acceptable format for a {form} result.")

            def run() -> Any:
                return ox.query(job.query, use_default_graph_as_union=True, prefixes=prefixes)

            try:
                result = run()
                if isinstance(result, pyoxigraph.QueryBoolean):
                    body = result.serialize(format=fmt)
                elif isinstance(result, pyoxigraph.QuerySolutions):
                    if sum(1 for _ in islice(result, job.max_rows + 1)) > job.max_rows:
                        raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR, Errors.E083.format(rows=job.max_rows))
                    body = run().serialize(format=fmt)  # within the bound: evaluated again, written by pyoxigraph
                else:
                    triples = list(islice(result, job.max_rows + 1))
                    if len(triples) > job.max_rows:
                        raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR, Errors.E083.format(rows=job.max_rows))
                    body = pyoxigraph.serialize(triples, format=fmt, prefixes=prefixes)
            except (SyntaxError, RuntimeError, ValueError, TypeError) as exc:  # Oxigraph's parse/evaluation errors
                raise Refused(HTTPStatus.BAD_REQUEST, Errors.E030.format(detail=str(exc).strip())) from None
            except OSError as exc:
                if "unreachable" in str(exc).lower() or "service" in str(exc).lower():
                    raise Refused(HTTPStatus.FORBIDDEN, Errors.E081.format(where=" (the engine has no network)")) from None
                raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR, Errors.E030.format(detail=str(exc).strip())) from None
    except Refused as exc:
        return exc.status, "text/plain", (str(exc) + "\n").encode("utf-8")
    except StoreError as exc:
        status = HTTPStatus.SERVICE_UNAVAILABLE if str(exc).startswith("[E080]") else HTTPStatus.INTERNAL_SERVER_ERROR
        return status, "text/plain", (str(exc) + "\n").encode("utf-8")
    return HTTPStatus.OK, fmt.media_type, body or b""


def _worker_main(read_fd: int, write_fd: int, store_path: str) -> None:
    """A worker process (``python -c``, see :class:`_Worker`): cut the network, then
    answer jobs until the pipe closes."""
    _die_with_parent()
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    outbox.send(_isolate_network())
    while True:
        try:
            job = inbox.recv()
        except (EOFError, OSError):
            return
        try:
            outbox.send(_answer(store_path, job))
        except Exception as exc:  # never leave the server without an answer
            outbox.send((HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain",
                         (Errors.E087.format(detail=f"{type(exc).__name__}: {exc}") + "\n").encode("utf-8")))


_WORKER_CODE = "import sys; from kg.serve import _worker_main; _worker_main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])"


class _Worker:
    """One worker process and the parent's ends of its two pipes.

    A fresh interpreter (``python -c``), not a ``multiprocessing`` child: it does not
    re-import the caller's ``__main__`` (a script, stdin, a notebook), and it is
    single-threaded when it calls ``unshare``.
    """

    def __init__(self, store_path: str) -> None:
        to_child, from_parent = os.pipe()[::-1]  # (write end, read end)
        to_parent, from_child = os.pipe()[::-1]
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(from_parent), str(to_parent), store_path],
                pass_fds=(from_parent, to_parent), stdin=subprocess.DEVNULL, env=env,
            )
        finally:
            os.close(from_parent)
            os.close(to_parent)
        self.inbox = Connection(from_child, writable=False)
        self.outbox = Connection(to_child, readable=False)
        self.isolated: bool | None = None

    def ready(self) -> bool:
        """Wait for the worker to start; whether it did."""
        try:
            if self.isolated is None and self.inbox.poll(_STARTUP):
                self.isolated = bool(self.inbox.recv())
        except (EOFError, OSError):
            return False
        return self.isolated is not None

    def stop(self) -> None:
        """Kill the process (at once: a query may be running) and close the pipes."""
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.inbox.close()
        self.outbox.close()


class QueryPool:
    """Worker processes that run queries with a time limit, killed and replaced past it.

    Oxigraph cannot interrupt a query from another Python thread; a process can be
    killed. The store is opened read-only in the worker for each query.

    Args:
        store_path: The store directory.
        size: Number of workers (queries that can run at once).
    """

    def __init__(self, store_path: str | os.PathLike[str], size: int) -> None:
        self._path = str(store_path)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def isolated(self) -> bool:
        """Wait for the idle workers to start; whether they all run without network."""
        workers: list[_Worker] = []
        while True:
            try:
                workers.append(self._idle.get_nowait())
            except queue.Empty:
                break
        try:
            return all([w.ready() and bool(w.isolated) for w in workers])
        finally:
            for w in workers:
                self._idle.put(w)

    def run(self, job: _Job, timeout: float) -> _Answer:
        """Run a job on an idle worker; kill and replace the worker past ``timeout``."""
        worker = self._idle.get()
        if not worker.ready():
            self._retire(worker)
            self._idle.put(self._spawn())
            return HTTPStatus.SERVICE_UNAVAILABLE, "text/plain", (Errors.E087.format(detail="it did not start") + "\n").encode()
        try:
            worker.outbox.send(job)
            if worker.inbox.poll(timeout):
                answer: _Answer = worker.inbox.recv()
                self._idle.put(worker)
                return answer
            detail = None
        except (EOFError, OSError) as exc:
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else "it exited"
        self._retire(worker)
        if not self._closed:
            self._idle.put(self._spawn())
        if detail is not None:
            return HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain", (Errors.E087.format(detail=detail) + "\n").encode()
        return HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain", (Errors.E082.format(seconds=timeout) + "\n").encode()

    def close(self) -> None:
        """Kill every worker, running ones included."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


# ---------------------------------------------------------------------- HTTP


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server whose queries run in a :class:`QueryPool`.

    Attributes:
        store_path: The store served.
        timeout_s: Seconds a query may run.
        max_rows: Rows or triples a result may hold.
        max_concurrent: Queries running at once.
        verbose: Log each request to stderr.
        counters: ``queries`` (sent to a worker), ``refused`` (cross-site, Host,
            update, busy), as a plain dict guarded by ``counter_lock``.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store_path: Path, *, timeout: float = DEFAULT_TIMEOUT,
                 max_rows: int = DEFAULT_MAX_ROWS, max_concurrent: int = DEFAULT_MAX_CONCURRENT,
                 verbose: bool = False) -> None:
        self.store_path = store_path
        self.timeout_s = float(timeout)
        self.max_rows = int(max_rows)
        self.max_concurrent = int(max_concurrent)
        self.verbose = verbose
        self.counters = {"queries": 0, "refused": 0}
        self.counter_lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(self.max_concurrent)
        super().__init__(address, SparqlHandler)
        try:
            self.pool = QueryPool(store_path, self.max_concurrent)
        except BaseException:
            super().server_close()
            raise

    @property
    def url(self) -> str:
        """The endpoint URL, ``http://host:port/sparql``."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def count(self, name: str) -> None:
        """Add one to a counter."""
        with self.counter_lock:
            self.counters[name] += 1

    def start(self) -> threading.Thread:
        """Serve in a daemon thread (notebooks, tests); stop with ``shutdown()``, ``server_close()``."""
        thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        return thread

    def server_close(self) -> None:
        """Stop listening and stop the worker processes."""
        super().server_close()
        self.pool.close()

    def loopback_only(self) -> bool:
        """Whether the server listens on a loopback address only."""
        try:
            return ipaddress.ip_address(self.server_address[0]).is_loopback
        except ValueError:
            return False


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol request handler (query operation only)."""

    server: SparqlServer
    server_version = "media-kg-sparql/0.2"
    timeout = 30  # seconds a client may take to send its request

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
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"The request body must be 0 to {MAX_BODY} bytes.")
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
            self._refuse(HTTPStatus.FORBIDDEN, Errors.E086)
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
        host = (self.headers.get("Host") or "").strip()
        if self.server.loopback_only():
            name = urlsplit(f"//{host}").hostname or ""
            if not _is_loopback_name(name):
                self._refuse(HTTPStatus.FORBIDDEN, f"Host '{host}' is not served: this endpoint answers localhost only.")
                return False
        reason = cross_site_reason(self.headers, host)
        if reason:
            self._refuse(HTTPStatus.FORBIDDEN, Errors.E085.format(reason=reason))
            return False
        return True

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._refuse(HTTPStatus.FORBIDDEN, Errors.E086)
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "Pass exactly one SPARQL query, as ?query=... or as the POST body.")
            return
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._error(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported; use FROM/GRAPH.")
            return
        if not self.server.slots.acquire(blocking=False):
            self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, Errors.E084.format(running=self.server.max_concurrent),
                         headers={"Retry-After": "1"})
            return
        try:
            requested = tuple(params.get("format", []) + params.get("output", []) + params.get("results", []))
            job = _Job(queries[0], self.headers.get("Accept"), requested, self.server.max_rows)
            self.server.count("queries")
            status, media_type, body = self.server.pool.run(job, self.server.timeout_s)
        finally:
            self.server.slots.release()
        if status >= 400:
            self._error(HTTPStatus(status), body.decode("utf-8"))
        else:
            self._send(HTTPStatus(status), media_type, body)

    def _send(self, status: HTTPStatus, media_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{media_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept, Origin, Sec-Fetch-Site")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain", (message.rstrip() + "\n").encode("utf-8"), headers)

    def _refuse(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        self.server.count("refused")
        if self.server.verbose:
            self.log_message("refused: %s", message)
        self._error(status, message, headers)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Log to stderr only when the server is verbose."""
        if self.server.verbose:
            super().log_message(format, *args)


def cross_site_reason(headers: Any, host: str) -> str | None:
    """Why a request comes from another site's page, or ``None`` if it does not.

    A browser names the page that makes a request: ``Origin`` (every POST, and
    cross-origin requests), ``Sec-Fetch-Site`` (every request of current browsers) and
    often ``Referer``. The endpoint's own origin is ``http://`` + its ``Host``. Clients
    that are not browsers (curl, SPARQLWrapper, requests) send none of these headers.

    Args:
        headers: The request headers (a mapping with ``get``).
        host: The request's ``Host`` header.

    Example:
        >>> cross_site_reason({"Origin": "http://evil.example"}, "127.0.0.1:7878")
        "Origin 'http://evil.example'"
        >>> cross_site_reason({"Origin": "http://127.0.0.1:7878", "Sec-Fetch-Site": "same-origin"}, "127.0.0.1:7878") is None
        True
        >>> cross_site_reason({}, "127.0.0.1:7878") is None
        True
    """
    own = f"http://{host}".lower()
    origin = headers.get("Origin")
    if origin is not None and origin.strip().lower().rstrip("/") != own:
        return f"Origin '{origin.strip()}'"
    site = headers.get("Sec-Fetch-Site")
    if site is not None and site.strip().lower() not in ("same-origin", "none"):
        return f"Sec-Fetch-Site '{site.strip()}'"
    referer = headers.get("Referer")
    if referer:
        parts = urlsplit(referer.strip())
        if f"{parts.scheme}://{parts.netloc}".lower() != own:
            return f"Referer from '{parts.scheme}://{parts.netloc}'"
    return None


def _is_loopback_name(name: str) -> bool:
    if name.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def make_server(
    store_path: str | os.PathLike[str] = DEFAULT_STORE,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    verbose: bool = False,
) -> SparqlServer:
    """Check the store and bind the endpoint (call ``serve_forever()`` or ``start()`` to run it).

    Args:
        store_path: The store directory.
        host: Interface to bind (``127.0.0.1`` by default; ``0.0.0.0`` exposes the store).
        port: TCP port; ``0`` picks a free one (see ``server.server_address``).
        timeout: Seconds a query may run (``kg serve --timeout``).
        max_rows: Rows or triples a result may hold (``--max-rows``).
        max_concurrent: Queries running at once (``--max-concurrent``).
        verbose: Log each request to stderr.

    Raises:
        StoreError: ``E022`` if there is no store at ``store_path``, ``E080`` if a writer
            holds it now.
        QueryError: ``E033`` if a bound is not positive.
        OSError: If the address cannot be bound.
    """
    for name, value in (("timeout", timeout), ("max_rows", max_rows), ("max_concurrent", max_concurrent)):
        if not value > 0:
            raise QueryError(Errors.E033.format(fmt=f"{name}={value}", choices="a number above 0"))
    path = Path(store_path)
    Store(path, read_only=True).open().close()  # E022/E021/E080 now, not on the first query
    return SparqlServer((host, port), path, timeout=timeout, max_rows=max_rows, max_concurrent=max_concurrent,
                        verbose=verbose)


def serve(
    store_path: str | os.PathLike[str] = DEFAULT_STORE,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    verbose: bool = True,
) -> None:
    """``kg serve``: run the endpoint until interrupted (Ctrl-C).

    Each query reads the store as the last finished ``kg build`` left it; during a build
    queries get 503 ``E080``.

    Example (not run: it blocks):
        >>> serve("output/store", port=7878)  # doctest: +SKIP
    """
    server = make_server(store_path, host, port, timeout=timeout, max_rows=max_rows,
                         max_concurrent=max_concurrent, verbose=verbose)
    isolated = server.pool.isolated()
    print(f"SPARQL endpoint on {server.url} (read-only; {timeout:g} s, {max_rows} rows, "
          f"{max_concurrent} queries at once; Ctrl-C to stop)", file=sys.stderr)
    if not isolated:
        print("warning: the query workers could not be cut off the network (no network namespace); "
              "SERVICE is still refused by the query parser.", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

