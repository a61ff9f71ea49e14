"""Ingest stage: files, folders, globs and stdin in, :class:`~kg.records.Document` records out.

What is read (by file suffix; ``.xml`` and stdin are sniffed):

* ``.txt``, ``.text``, ``.md``, ``.markdown``: one article each; a Markdown
  ``# heading`` on the first line becomes the title;
* ``.jsonl``, ``.ndjson``: one record per line; ``.json``: one record or a list of
  records. A record is ``{"id", "text", "lang"?, "title"?, "url"?, "date"?,
  "author"?, "site"?}``; ``fields`` maps these names to other keys
  (``{"text": "body"}``);
* ``.html``, ``.htm``, ``.xhtml``: a saved web page; the main text, title, date,
  author, site and canonical URL, by trafilatura (:mod:`kg.ingest.html`); its id
  is its URL, else its file name;
* ``.rss``, ``.atom`` and feed-shaped ``.xml``: one article per item, by
  feedparser (:mod:`kg.ingest.feeds`).

Text is decoded with charset detection (:mod:`kg.ingest.decode`) and cleaned of
invisible characters; evidence offsets later point into that cleaned text.

Nothing is skipped silently. An error (``on_error``; the article or file is lost,
the run goes on) or a warning (``on_warning``; the article is kept, or a file in a
folder is skipped as an unsupported type) names the file and line or item.
Folders are walked recursively in sorted order, following symbolic links once
(a loop is reported); an input with no readable document is an error (E072).

Example:
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Netflix utilise l'IA.", encoding="utf-8")
    >>> _ = (d / "b.jsonl").write_text('{"body": "Canal+ rachète MultiChoice.", "published": "12/03/2024"}\\n')
    >>> [(doc.id, doc.date) for doc in iter_documents([d], fields={"text": "body", "date": "published"})]
    [('a', None), ('b-1', '2024-03-12')]
"""

from __future__ import annotations

import codecs
import glob
import json
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from kg.errors import Errors, InputError
from kg.ingest.decode import clean_text, decode_bytes
from kg.ingest.feeds import parse_feed, sniff_xml
from kg.ingest.fields import FIELDS, LANGS, check_lang, lookup, optional_fields, parse_field_mapping
from kg.ingest.html import page_metadata
from kg.records import Document

#: File suffixes read, by kind.
KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".jsonl": "jsonl",
         ".ndjson": "jsonl", ".json": "json", ".html": "html", ".htm": "html", ".xhtml": "html",
         ".rss": "feed", ".atom": "feed", ".xml": "xml"}
SUFFIXES = tuple(KINDS)
STDIN = "-"
logger = logging.getLogger("kg.ingest")

__all__ = ["FIELDS", "KINDS", "LANGS", "STDIN", "SUFFIXES", "iter_documents", "parse_field_mapping",
           "parse_json_line"]


def _raise(err: InputError) -> None:
    raise err


def _log(message: str) -> None:
    logger.warning(message)


class _Input:
    """Counts for one input: documents yielded, errors and warnings reported."""

    def __init__(self, on_error: Callable[[InputError], None], on_warning: Callable[[str], None]) -> None:
        self.docs = self.errors = self.warnings = self.files = 0
        self.kind = "missing"  # or "file", "stdin", "folder", "glob" (that matched something)
        self._on_error, self._on_warning = on_error, on_warning

    def error(self, err: InputError) -> None:
        self.errors += 1
        self._on_error(err)

    def warn(self, message: str) -> None:
        self.warnings += 1
        self._on_warning(message)


def iter_documents(
    paths: Iterable[str | Path], *, fields: Mapping[str, str] | None = None,
    on_error: Callable[[InputError], None] = _raise, on_warning: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Yield the documents found in ``paths``.

    Args:
        paths: Files, folders, glob patterns (``"news/**/*.html"``) or ``"-"`` for stdin.
        fields: For JSON/JSONL records: document field name -> record key
            (``{"text": "body", "date": "published"}``; dotted keys reach nested objects).
        on_error: Called with an :class:`InputError` for each bad file or record (the
            default raises it). Pass a collector to report and go on.
        on_warning: Called with a one-line message (it starts with its code) when
            something was dropped or guessed but the article kept; default: the
            ``kg.ingest`` logger.
    """
    warn = on_warning or _log
    seen: dict[str, str] = {}  # id -> content hash
    mapping = dict(fields or {})
    for raw in paths:
        counts = _Input(on_error, warn)
        for file in _expand(raw, counts):
            for doc in _read_file(file, mapping, counts):
                if doc.id in seen:
                    # the id as repr shows it (line breaks escaped): an error message stays one line
                    where = {"path": doc.source, "line": doc.line or 1, "doc_id": repr(doc.id)[1:-1]}
                    if seen[doc.id] == doc.content_hash:  # the same article twice (overlapping feed copies)
                        counts.warn(Errors.E009.format(**where))
                    else:
                        counts.error(InputError(Errors.E008.format(**where)))
                    continue
                seen[doc.id] = doc.content_hash
                counts.docs += 1
                yield doc
        if counts.docs:
            continue
        # an input that gave nothing says so once: a folder or pattern always (with its counts), a file
        # or stdin only if no error was reported for it; a missing path already had E001
        if counts.kind in ("folder", "glob"):
            detail = f"{counts.files} file(s): {counts.errors} error(s), {counts.warnings} warning(s)"
            on_error(InputError(Errors.E072.format(path=raw, detail=detail)))
        elif counts.kind in ("file", "stdin") and not counts.errors:
            on_error(InputError(Errors.E072.format(path=raw, detail="no record, item or text")))


# --------------------------------------------------------------------------- inputs


def _expand(raw: str | Path, counts: _Input) -> Iterator[str | Path]:
    """The files of one input; reports missing paths, loops and special files."""
    if str(raw) == STDIN:
        counts.files, counts.kind = 1, "stdin"
        yield STDIN
        return
    path = Path(raw)
    try:
        st = path.stat()
    except ValueError:  # a NUL in the path
        counts.error(InputError(Errors.E001.format(path=repr(str(raw)))))
        return
    except OSError as exc:
        if path.is_symlink():
            counts.error(InputError(Errors.E073.format(path=path, detail=_os_reason(exc))))
        elif glob.has_magic(str(raw)):
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                counts.error(InputError(Errors.E001.format(path=path)))
            else:
                counts.kind = "glob"
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(Path(match), counts, set())
                else:  # like a folder's files: an unsupported type is a warning
                    yield from _file(Path(match), counts, explicit=False)
        else:
            counts.error(InputError(Errors.E001.format(path=path)))
        return
    if stat.S_ISDIR(st.st_mode):
        counts.kind = "folder"
        yield from _walk(path, counts, set())
    else:
        counts.kind = "file"
        yield from _file(path, counts, explicit=True)


def _walk(folder: Path, counts: _Input, ancestors: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            counts.error(InputError(Errors.E073.format(path=folder, detail="symbolic link loop (a folder inside itself)")))
            return
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        counts.error(InputError(Errors.E073.format(path=folder, detail=_os_reason(exc))))
        return
    ancestors = ancestors | {key}
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links
        except OSError as exc:
            counts.error(InputError(Errors.E073.format(path=path, detail=_os_reason(exc))))
            continue
        if is_dir:
            if entry.name.startswith("."):
                counts.warn(Errors.E006.format(path=path, suffix="hidden folder", supported=_supported()))
                continue
            yield from _walk(path, counts, ancestors)
        else:
            yield from _file(path, counts, explicit=False)


def _file(path: Path, counts: _Input, *, explicit: bool) -> Iterator[Path]:
    counts.files += 1
    try:
        st = path.stat()
    except OSError as exc:  # a dangling link, a link loop
        counts.error(InputError(Errors.E073.format(path=path, detail=_os_reason(exc))))
        return
    if not stat.S_ISREG(st.st_mode):
        counts.error(InputError(Errors.E073.format(path=path, detail="not a regular file (a pipe, socket or device)")))
        return
    if path.suffix.lower() not in KINDS:
        message = Errors.E006.format(path=path, suffix=path.suffix or "(none)", supported=_supported())
        if explicit:
            counts.error(InputError(message))
        else:
            counts.warn(message)
        return
    yield path


def _supported() -> str:
    return " ".join(SUFFIXES)


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist)"
    return exc.strerror or type(exc).__name__


# --------------------------------------------------------------------------- files


def _read_file(file: str | Path, fields: Mapping[str, str], counts: _Input) -> Iterator[Document]:
    if str(file) == STDIN:
        path, data = "<stdin>", sys.stdin.buffer.read()
        kind = _sniff_stdin(data)
    else:
        path, kind = str(file), KINDS[Path(file).suffix.lower()]
        try:
            if kind == "jsonl" and _utf8_head(Path(file)):
                # line by line: memory holds one record, whatever the size of the file
                yield from _stream_jsonl(Path(file), fields, counts)
                return
            data = Path(file).read_bytes()
        except OSError as exc:
            counts.error(InputError(Errors.E073.format(path=path, detail=_os_reason(exc))))
            return
    if kind == "xml":
        kind = sniff_xml(data) or ""
        if not kind:
            counts.error(InputError(Errors.E077.format(where=path, detail="XML that is neither an RSS/Atom feed "
                                                                          "nor an HTML page")))
            return
    stem = "stdin" if path == "<stdin>" else Path(path).stem
    try:
        if kind == "feed":
            yield from _read_feed(path, stem, data, counts)
            return
        text, encoding, guessed = decode_bytes(data, path)
    except InputError as err:
        counts.error(err)
        return
    if guessed:
        counts.warn(Errors.E070.format(path=path, encoding=encoding))
    if kind in ("jsonl", "json"):
        yield from _read_records(path, stem, text, kind, fields, counts)
    elif kind == "html":
        yield from _read_html(path, stem, text, counts)
    else:
        yield from _read_text(path, stem, text, kind, counts)


def _utf8_head(path: Path, size: int = 65536) -> bool:
    """Whether the file reads as UTF-8 (no NUL, no UTF-16/32 BOM), so it can be read line by line.

    A bad byte after a UTF-8 BOM or after valid non-ASCII UTF-8 is a damaged line of a UTF-8
    file (reported with its line); a bad byte with nothing but ASCII before it means
    another encoding, which the whole file's charset detection finds.
    """
    with path.open("rb") as handle:
        head = handle.read(size)
    if b"\x00" in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(head) - 3:
            return True  # a character cut by the end of the sample
        return head.startswith(codecs.BOM_UTF8) or not head[:exc.start].isascii()
    return True


def _stream_jsonl(path: Path, fields: Mapping[str, str], counts: _Input) -> Iterator[Document]:
    blank = True
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            blank = False
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                counts.error(InputError(Errors.E004.format(path=path, line=lineno,
                                                           detail=f"not valid UTF-8 at byte {exc.start}")))
                continue
            try:
                rec = parse_json_line(path, lineno, line)
                yield _record(str(path), lineno, rec, fields, f"{path.stem}-{lineno}", counts, line=lineno)
            except InputError as err:
                counts.error(err)
    if blank:
        counts.error(InputError(Errors.E002.format(path=path)))


def _sniff_stdin(data: bytes) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return "jsonl"
    if head == b"[":
        return "json"
    if head == b"<":
        return "xml"
    return "text"


def _cleaned(text: str, where: str, counts: _Input) -> str:
    text, removed = clean_text(text)
    if removed:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(removed.items()))
        counts.warn(Errors.E079.format(path=where, count=sum(removed.values()), kinds=kinds))
    return text


def _read_text(path: str, stem: str, text: str, kind: str, counts: _Input) -> Iterator[Document]:
    text = _cleaned(text, path, counts)
    title = None
    if kind == "markdown":
        first, _, rest = text.lstrip().partition("\n")
        if first.startswith("#"):
            title = first.lstrip("#").strip() or None
            text = rest
    if not text.strip():
        counts.error(InputError(Errors.E002.format(path=path)))
        return
    yield Document(id=stem, text=text, title=title, source=path)


def _read_html(path: str, stem: str, html: str, counts: _Input) -> Iterator[Document]:
    try:
        meta = page_metadata(html)
    except Exception as exc:  # noqa: BLE001 - a hostile page must not stop the batch
        counts.error(InputError(Errors.E077.format(where=path, detail=f"the HTML page cannot be parsed "
                                                                      f"({type(exc).__name__})")))
        return
    if meta is None:
        counts.error(InputError(Errors.E077.format(where=path, detail="no article text found in the HTML page")))
        return
    text = _cleaned(meta["text"], path, counts)
    if not text.strip():
        counts.error(InputError(Errors.E077.format(where=path, detail="no article text found in the HTML page")))
        return
    got = optional_fields(meta.get, lambda f, r: counts.warn(Errors.E071.format(path=path, line="page", field=f,
                                                                                 detail=r)))
    # a saved page is identified by its URL (two saved "index.html" are two articles), else its file name
    yield Document(id=got["url"] or stem, text=text, lang=_declared_lang(meta.get("lang")), source=path, **got)


def _read_feed(path: str, stem: str, data: bytes, counts: _Input) -> Iterator[Document]:
    if not data.strip():
        raise InputError(Errors.E002.format(path=path))
    try:
        feed = parse_feed(data)
    except Exception as exc:  # noqa: BLE001 - feedparser on hostile bytes: report, go on
        raise InputError(Errors.E077.format(where=path, detail=f"the feed cannot be parsed ({type(exc).__name__})"))
    if not feed.items:
        if feed.problem or not feed.version:
            detail = f"not a readable RSS/Atom feed ({feed.problem or 'no feed element'})"
            raise InputError(Errors.E077.format(where=path, detail=detail))
        return  # a valid feed with no item: E072 says so
    if feed.problem:
        counts.warn(Errors.E075.format(path=path, detail=_short(feed.problem), count=len(feed.items)))
    for n, item in enumerate(feed.items, start=1):
        where = f"{path}:item {n}"
        text = _cleaned(item["text"], where, counts)
        if not text.strip():
            counts.error(InputError(Errors.E077.format(where=where, detail="no text in the item's content or summary")))
            continue
        item["site"] = feed.title
        got = optional_fields(item.get, lambda f, r: counts.warn(Errors.E071.format(path=path, line=f"item {n}",
                                                                                     field=f, detail=r)))
        doc_id = item["id"] or got["url"] or f"{stem}-{n}"
        yield Document(id=str(doc_id), text=text, lang=_declared_lang(feed.lang), source=path, **got)


def _declared_lang(value: str | None) -> str | None:
    """A page's or feed's declared language if supported, else ``None`` (detected later; often boilerplate)."""
    lang = (value or "").strip().lower()[:2]
    return lang if lang in LANGS and (len(value or "") == 2 or (value or "")[2:3] in "-_") else None


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# --------------------------------------------------------------------------- JSON records


def parse_json_line(path: str | Path, lineno: int | str, line: str) -> object:
    """One line of a JSONL file (or a whole JSON file), parsed.

    Raises:
        InputError: ``E004`` naming the file and line if it is not valid JSON,
            ``E074`` if it is nested too deeply to parse.

    Example:
        >>> parse_json_line("a.jsonl", 3, '{"id": "x"}')
        {'id': 'x'}
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E004.format(path=path, line=lineno, detail=exc.msg)) from None
    except RecursionError:
        raise InputError(Errors.E074.format(path=path, line=lineno)) from None


def _read_records(path: str, stem: str, text: str, kind: str, fields: Mapping[str, str],
                  counts: _Input) -> Iterator[Document]:
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            counts.error(InputError(Errors.E004.format(path=path, line=exc.lineno, detail=exc.msg)))
            return
        except RecursionError:
            counts.error(InputError(Errors.E074.format(path=path, line=1)))
            return
        records = enumerate(data, start=1) if isinstance(data, list) else [(0, data)]
        for n, rec in records:
            where = f"item {n}" if n else 1
            try:
                yield _record(path, where, rec, fields, f"{stem}-{n}" if n else stem, counts)
            except InputError as err:
                counts.error(err)
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = parse_json_line(path, lineno, line)
            yield _record(path, lineno, rec, fields, f"{stem}-{lineno}", counts, line=lineno)
        except InputError as err:
            counts.error(err)


def _record(path: str, where: int | str, rec: object, fields: Mapping[str, str], default_id: str,
            counts: _Input, *, line: int | None = None) -> Document:
    text_key = fields.get("text", "text")
    if not isinstance(rec, dict):
        raise InputError(Errors.E005.format(path=path, line=where, key=text_key,
                                            detail=f"a JSON {_json_type(rec)}, not an object"))

    def get(name: str) -> object:
        return lookup(rec, fields.get(name, name))

    text = get("text")
    if not isinstance(text, str):
        detail = f"\"{text_key}\" is missing" if text is None else f"\"{text_key}\" is a JSON {_json_type(text)}"
        raise InputError(Errors.E005.format(path=path, line=where, key=text_key, detail=detail))
    text = _cleaned(text, f"{path}:{where}", counts)
    if not text.strip():
        raise InputError(Errors.E005.format(path=path, line=where, key=text_key, detail=f"\"{text_key}\" is empty"))
    doc_id = get("id")
    if doc_id is None or doc_id == "":
        doc_id = default_id
    elif isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise InputError(Errors.E007.format(path=path, line=where, field="id",
                                            detail=f"expected a string, got a JSON {_json_type(doc_id)}"))
    lang = check_lang(get("lang"), (path, where))
    got = optional_fields(get, lambda f, r: counts.warn(Errors.E071.format(path=path, line=where, field=f, detail=r)))
    return Document(id=str(doc_id), text=text, lang=lang, source=path, line=line, **got)


def _json_type(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")
