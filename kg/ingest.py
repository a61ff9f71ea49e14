"""Ingest stage: files and folders in, :class:`~kg.records.Document` records out.

Reads ``.txt`` and ``.md`` files (one article each; a Markdown ``# heading`` on the
first line becomes the title) and ``.jsonl`` files (one record per line:
``{"id", "text", "lang"?, "title"?, "url"?, "date"?}``). Folders are walked
recursively in sorted order. A bad file or line never stops the batch: it is
reported through ``on_error`` with the file and line, and skipped.

Example:
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Netflix utilise l'IA.", encoding="utf-8")
    >>> [doc.id for doc in iter_documents([d])]
    ['a']
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date as _date
from pathlib import Path

from kg.errors import Errors, InputError
from kg.records import Document

SUFFIXES = (".txt", ".md", ".jsonl")
LANGS = ("fr", "en")


def _raise(err: InputError) -> None:
    raise err


def iter_documents(
    paths: Iterable[str | Path], *, on_error: Callable[[InputError], None] = _raise
) -> Iterator[Document]:
    """Yield the documents found in ``paths`` (files or folders).

    Args:
        paths: Files or folders.
        on_error: Called with an :class:`InputError` for each bad file or record;
            the default raises it. Pass a collector to report and go on.
    """
    seen: set[str] = set()
    for file in _iter_files(paths, on_error):
        for doc in _read_file(file, on_error):
            if doc.id in seen:
                on_error(InputError(Errors.E008.format(path=file, line=doc.line or 1, doc_id=doc.id)))
                continue
            seen.add(doc.id)
            yield doc


def _iter_files(paths: Iterable[str | Path], on_error: Callable[[InputError], None]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                on_error(InputError(Errors.E006.format(path=path, suffix=path.suffix or "(none)")))
        else:
            on_error(InputError(Errors.E001.format(path=path)))


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003.format(path=path, position=exc.start)) from None
    if not text.strip():
        raise InputError(Errors.E002.format(path=path))
    return text


def _read_file(path: Path, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    try:
        text = _decode(path)
    except InputError as err:
        on_error(err)
        return
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, text, on_error)
        return
    title = None
    if path.suffix.lower() == ".md":
        first, _, rest = text.lstrip().partition("\n")
        if first.startswith("#"):
            title = first.lstrip("#").strip() or None
            text = rest
    yield Document(id=path.stem, text=_normalise(text), title=title, source=str(path))


def _read_jsonl(path: Path, text: str, on_error: Callable[[InputError], None]) -> Iterator[Document]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _record(path, lineno, line)
        except InputError as err:
            on_error(err)


def parse_json_line(path: str | Path, lineno: int, line: str) -> object:
    """One line of a JSONL file, parsed.

    Raises:
        InputError: ``E004`` naming the file and line if it is not valid JSON.

    Example:
        >>> parse_json_line("a.jsonl", 3, '{"id": "x"}')
        {'id': 'x'}
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E004.format(path=path, line=lineno, detail=exc.msg)) from None


def _record(path: Path, lineno: int, line: str) -> Document:
    rec = parse_json_line(path, lineno, line)
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise InputError(Errors.E005.format(path=path, line=lineno))

    def field(name: str) -> str | None:
        value = rec.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise InputError(Errors.E007.format(path=path, line=lineno, field=name, detail="expected a string"))
        return str(value)

    lang = field("lang")
    if lang is not None:
        lang = lang.lower()[:2]
        if lang not in LANGS:
            raise InputError(Errors.E007.format(path=path, line=lineno, field="lang",
                                                detail=f"'{rec['lang']}' is not one of {', '.join(LANGS)}"))
    date = field("date")
    if date is not None:
        try:
            _date.fromisoformat(date[:10])
        except ValueError:
            raise InputError(Errors.E007.format(path=path, line=lineno, field="date",
                                                detail=f"'{date}' is not an ISO date (YYYY-MM-DD)")) from None
    url = field("url")
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise InputError(Errors.E007.format(path=path, line=lineno, field="url", detail=f"'{url}' is not an http(s) URL"))
    doc_id = field("id") or f"{path.stem}-{lineno}"
    return Document(id=doc_id, text=_normalise(rec["text"]), lang=lang, title=field("title"), url=url,
                    date=date, source=str(path), line=lineno)


def _normalise(text: str) -> str:
    """Normalise line endings and non-breaking spaces (French typography) without moving words."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u202f", " ")
