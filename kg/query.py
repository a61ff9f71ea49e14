"""SPARQL over the store: named queries, parameters bound as RDF terms, result formats.

Named queries ship as ``kg/queries/<name>.rq``. Each starts with a header::

    # name: who-leads
    # description: People who run an organisation ...
    # param: ?org — the organisation's label or one of its aliases (optional)
    # param: ?s (iri) — the subject: an entity key such as person/ted-sarandos

A parameter's kind, in parentheses, says how a string value becomes an RDF term:
``literal`` (default: a plain string), ``iri`` (an entity key such as
``person/ted-sarandos`` or a full IRI), ``predicate`` (an ontology property such as
``ceoOf`` or a full IRI). Values are always handed to the engine as bound terms
(rdflib ``initBindings``, Oxigraph ``substitutions``), never pasted into the text,
so a value cannot change what the query does.

Results come back as an rdflib :class:`~rdflib.query.Result`; :func:`to_dataframe`
and :func:`format_result` turn them into a pandas DataFrame or into text
(``table``, ``csv``, ``tsv``, ``json`` = SPARQL 1.1 JSON results).

Example:
    >>> [q.name for q in list_queries()][:3]
    ['deals', 'entity-types', 'evidence']
    >>> [p.name for p in get_query("evidence").params]
    ['s', 'p', 'o']
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node

from kg.errors import Errors, QueryError
from kg.namespace import MKG, PREFIXES, RES
from kg.store import DEFAULT_STORE, Store

__all__ = [
    "FORMATS",
    "QUERIES_DIR",
    "Param",
    "QueryInfo",
    "format_result",
    "get_query",
    "list_queries",
    "load_query",
    "make_bindings",
    "parse_header",
    "result_json",
    "run",
    "run_query",
    "to_dataframe",
    "to_term",
]

#: Where the named queries live.
QUERIES_DIR = Path(__file__).parent / "queries"
#: Output formats of :func:`format_result`.
FORMATS = ("table", "csv", "tsv", "json")
#: Parameter kinds a header may declare.
PARAM_KINDS = ("literal", "iri", "predicate")

_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<kind>\w+)\))?\s*(?:[—–:-]+\s*(?P<doc>.*))?$")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter declared by a query header.

    Attributes:
        name: Variable name, without ``?``.
        kind: ``literal``, ``iri`` or ``predicate`` (see the module docstring).
        description: What to pass.
    """

    name: str
    kind: str = "literal"
    description: str = ""


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A SPARQL query with the metadata of its header.

    Attributes:
        name: The query name (the file stem for a named query, ``""`` for ad-hoc text).
        description: One line saying what it returns.
        params: The declared parameters.
        text: The SPARQL text.
        path: The ``.rq`` file, if any.
    """

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None

    @property
    def declares_params(self) -> bool:
        """Whether the header lists parameters (ad-hoc queries declare none)."""
        return bool(self.params) or self.path is not None


def parse_header(text: str, *, name: str = "", path: Path | None = None) -> QueryInfo:
    """Read the ``# name/description/param`` header of a query.

    Example:
        >>> info = parse_header("# name: q\\n# param: ?s (iri) — a subject\\nSELECT ?s {}")
        >>> info.name, info.params
        ('q', (Param(name='s', kind='iri', description='a subject'),))
    """
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            pm = _PARAM.match(value)
            if pm is None:
                raise QueryError(Errors.E030.format(detail=f"{path or name}: malformed header line '{stripped}'"))
            kind = pm.group("kind") or "literal"
            if kind not in PARAM_KINDS:
                raise QueryError(Errors.E030.format(detail=f"{path or name}: parameter kind '{kind}' is not one of {', '.join(PARAM_KINDS)}"))
            params.append(Param(pm.group("name"), kind, pm.group("doc") or ""))
        else:
            meta[key] = value
    return QueryInfo(
        name=meta.get("name", name),
        description=meta.get("description", ""),
        params=tuple(params),
        text=text,
        path=path,
    )


def list_queries() -> list[QueryInfo]:
    """The named queries shipped in ``kg/queries/``, sorted by name.

    Example:
        >>> "who-leads" in [q.name for q in list_queries()]
        True
    """
    return sorted(
        (parse_header(p.read_text(encoding="utf-8"), name=p.stem, path=p) for p in QUERIES_DIR.glob("*.rq")),
        key=lambda q: q.name,
    )


def get_query(name: str) -> QueryInfo:
    """The named query ``name``.

    Raises:
        QueryError: ``E031`` if there is no such query.

    Example:
        >>> get_query("support").params[1].kind
        'predicate'
    """
    path = QUERIES_DIR / f"{name}.rq"
    if not path.is_file():
        raise QueryError(Errors.E031.format(name=name))
    return parse_header(path.read_text(encoding="utf-8"), name=name, path=path)


def load_query(query_or_file: str | Path) -> QueryInfo:
    """A named query, a ``.rq`` file, or SPARQL text, whichever ``query_or_file`` is.

    Example:
        >>> load_query("who-leads").name
        'who-leads'
        >>> load_query("SELECT * WHERE { ?s ?p ?o }").name
        ''
    """
    if isinstance(query_or_file, Path) or (
        isinstance(query_or_file, str) and query_or_file.endswith((".rq", ".sparql")) and "\n" not in query_or_file
    ):
        path = Path(query_or_file)
        if not path.is_file():
            raise QueryError(Errors.E030.format(detail=f"{path}: no such query file"))
        return parse_header(path.read_text(encoding="utf-8"), name=path.stem, path=path)
    text = str(query_or_file)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", text.strip()):
        return get_query(text.strip())
    return parse_header(text)


def to_term(value: str | Node, kind: str = "literal") -> Identifier:
    """Turn a parameter value into an RDF term of the given kind.

    Args:
        value: A string (or an RDF term, returned as is).
        kind: ``literal``, ``iri`` (entity key or IRI) or ``predicate`` (property name or IRI).

    Example:
        >>> to_term("person/ted-sarandos", "iri")
        rdflib.term.URIRef('https://w3id.org/media-kg/resource/person/ted-sarandos')
        >>> to_term("ceoOf", "predicate")
        rdflib.term.URIRef('https://w3id.org/media-kg/ontology#ceoOf')
        >>> to_term('Netflix" } #')
        rdflib.term.Literal('Netflix" } #')
    """
    if isinstance(value, Node):
        return value  # type: ignore[return-value]
    if kind == "literal":
        return Literal(value)
    text = value.strip().removeprefix("<").removesuffix(">")
    if kind == "predicate" and ":" not in text:
        try:
            return MKG[text]
        except (AttributeError, KeyError):
            raise QueryError(Errors.E030.format(detail=f"'{text}' is not a property of the media-kg ontology")) from None
    if _ABSOLUTE_IRI.match(text) and not text.startswith(("mkr:", "mkg:")):
        return URIRef(text)
    for prefix, ns in PREFIXES.items():
        if text.startswith(prefix + ":"):
            return URIRef(ns + text[len(prefix) + 1 :])
    if re.fullmatch(r"[^\s<>\"{}|\\^`]+", text):
        return RES[text]
    raise QueryError(Errors.E030.format(detail=f"'{value}' is neither an entity key nor an IRI"))


def make_bindings(info: QueryInfo, bindings: Mapping[str, str | Node] | None) -> dict[str, Identifier]:
    """Check ``bindings`` against the declared parameters and turn them into RDF terms.

    A query without a header accepts any variable; strings then become literals, and
    ``<...>`` or ``http(s)://...`` values become IRIs.

    Raises:
        QueryError: ``E032`` if a parameter is not declared by the query.

    Example:
        >>> make_bindings(get_query("who-leads"), {"org": "Netflix"})
        {'org': rdflib.term.Literal('Netflix')}
    """
    out: dict[str, Identifier] = {}
    declared = {p.name: p for p in info.params}
    for raw_name, value in (bindings or {}).items():
        name = raw_name.lstrip("?$")
        if info.declares_params:
            if name not in declared:
                raise QueryError(
                    Errors.E032.format(name=name, query=info.name or info.path, declared=", ".join(declared) or "none")
                )
            out[name] = to_term(value, declared[name].kind)
        elif isinstance(value, str) and (
            (value.startswith("<") and value.endswith(">")) or value.startswith(("http://", "https://"))
        ):
            out[name] = to_term(value, "iri")
        else:
            out[name] = to_term(value)
    return out


def run(
    store: Store,
    query_or_file: str | Path | QueryInfo,
    *,
    bindings: Mapping[str, str | Node] | None = None,
) -> Result:
    """Run a named query, a ``.rq`` file or SPARQL text on an open store.

    Example:
        >>> with Store(backend="memory") as store:
        ...     len(run(store, "who-leads", bindings={"org": "Netflix"}))
        0
    """
    info = query_or_file if isinstance(query_or_file, QueryInfo) else load_query(query_or_file)
    return store.query(info.text, bindings=make_bindings(info, bindings))


# ---------------------------------------------------------------------- formatting


def _python(term: Node | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


def to_dataframe(result: Result) -> pd.DataFrame:
    """The rows of a SELECT result as a DataFrame (IRIs as strings, literals as Python values).

    Example:
        >>> with Store(backend="memory") as store:
        ...     list(to_dataframe(run(store, "entity-types")).columns)
        ['type', 'count']
    """
    if result.type != "SELECT":
        raise QueryError(Errors.E030.format(detail=f"a DataFrame needs a SELECT query, not {result.type}"))
    columns = [str(v) for v in result.vars or []]
    rows = [[_python(row[i]) for i in range(len(columns))] for row in result]  # type: ignore[index]
    return pd.DataFrame(rows, columns=columns)


def _display(term: Node | None) -> str:
    """A compact form for tables: prefixed names for known namespaces."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns):]}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: Node | None) -> str:
    """A term in SPARQL 1.1 TSV results syntax (Turtle/N-Triples forms)."""
    if term is None:
        return ""
    return term.n3().replace("\t", "\\t")


def format_result(result: Result, fmt: str = "table") -> str:
    """Render a query result as text.

    Args:
        result: A query result.
        fmt: ``table`` (a text table), ``csv`` (SPARQL 1.1 CSV), ``tsv`` (SPARQL 1.1
            TSV), ``json`` (SPARQL 1.1 JSON results). CONSTRUCT/DESCRIBE results are
            written as Turtle (``table``), JSON-LD (``json``) or N-Triples (``csv``/``tsv``).

    Raises:
        QueryError: ``E033`` for an unknown format.

    Example:
        >>> with Store(backend="memory") as store:
        ...     print(format_result(run(store, "entity-types"), "csv").strip())
        type,count
    """
    if fmt not in FORMATS:
        raise QueryError(Errors.E033.format(fmt=fmt, choices=", ".join(FORMATS)))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph_format = {"table": "turtle", "json": "json-ld"}.get(fmt, "nt")
        return result.serialize(format=graph_format).decode("utf-8")  # type: ignore[union-attr]
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")  # type: ignore[union-attr]
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    variables = [str(v) for v in result.vars or []]
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")  # type: ignore[union-attr]
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join(_tsv_term(row[i]) for i in range(len(variables))) for row in result]  # type: ignore[index]
        return "\n".join(lines) + "\n"
    return _table(variables, [[_display(row[i]) for i in range(len(variables))] for row in result])  # type: ignore[index]


def _table(columns: list[str], rows: list[list[str]]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=200, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()


def run_query(
    store_path: str | Path = DEFAULT_STORE,
    query_or_file: str | Path = "entity-types",
    *,
    bindings: Mapping[str, str | Node] | None = None,
    fmt: str = "table",
) -> str:
    """``kg query``: open the store read-only, run the query, render the result.

    Args:
        store_path: The store directory.
        query_or_file: A named query (``who-leads``), a ``.rq`` file or SPARQL text.
        bindings: Parameter values (strings are converted by each parameter's kind).
        fmt: One of :data:`FORMATS`.

    Raises:
        StoreError: ``E022`` if there is no store at ``store_path``.
        QueryError: ``E030``-``E033``.

    Example:
        >>> import tempfile
        >>> from kg.store import Store
        >>> path = tempfile.mkdtemp() + "/store"
        >>> Store(path).open().close()
        >>> run_query(path, "entity-types", fmt="tsv").split()
        ['?type', '?count']
    """
    if fmt not in FORMATS:
        raise QueryError(Errors.E033.format(fmt=fmt, choices=", ".join(FORMATS)))
    info = load_query(query_or_file)
    with Store(store_path, read_only=True) as store:
        return format_result(run(store, info, bindings=bindings), fmt)


def result_json(result: Result) -> dict:
    """A SELECT/ASK result as a SPARQL 1.1 JSON results document (a dict).

    Example:
        >>> with Store(backend="memory") as store:
        ...     result_json(run(store, "entity-types"))["head"]
        {'vars': ['type', 'count']}
    """
    return json.loads(format_result(result, "json"))
