"""Record fields to :class:`~kg.records.Document` fields: mapping, types, dates and URLs.

A record's required field is its text; a missing or ill-typed text rejects the
record. ``id`` and ``lang`` decide what is processed, so a bad one rejects it too.
The other fields are optional metadata: a bad ``date``, ``url``, ``title``,
``author`` or ``site`` is dropped with a warning and the article is kept.

Example:
    >>> normalise_date("12/03/2024"), normalise_date("Tue, 12 Mar 2024 10:00:00 +0100")
    ('2024-03-12', '2024-03-12')
    >>> normalise_date("32/13/2024") is None
    True
    >>> normalise_url("javascript:alert(1)") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from urllib.parse import urlsplit

from kg.errors import Errors, InputError
from kg.ingest.decode import clean_text

#: Document fields a record can fill, and the record key each reads by default.
FIELDS = ("id", "text", "lang", "title", "url", "date", "author", "site")
LANGS = ("fr", "en")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?")
_DATE_SETTINGS = {"STRICT_PARSING": True, "DATE_ORDER": "DMY", "PARSERS": ["absolute-time"],
                  "REQUIRE_PARTS": ["day", "month", "year"]}


def parse_field_mapping(specs: Iterable[str]) -> dict[str, str]:
    """``["text=body", "date=published"]`` -> ``{"text": "body", "date": "published"}``.

    A key may be a dotted path into nested objects (``author=byline.name``).

    Raises:
        InputError: ``E078`` for a spec that is not ``NAME=KEY`` or an unknown NAME.

    Example:
        >>> parse_field_mapping(["text=body", "date = published"])
        {'text': 'body', 'date': 'published'}
    """
    mapping: dict[str, str] = {}
    for spec in specs:
        name, sep, key = (part.strip() for part in spec.partition("="))
        if not sep or not name or not key:
            raise InputError(Errors.E078.format(spec=spec, detail="expected NAME=KEY", names=", ".join(FIELDS)))
        if name not in FIELDS:
            raise InputError(Errors.E078.format(spec=spec, detail=f"unknown field '{name}'", names=", ".join(FIELDS)))
        mapping[name] = key
    return mapping


def lookup(record: Mapping, key: str) -> object:
    """The value at ``key`` in ``record``, following dots into nested objects (``None`` if absent).

    Example:
        >>> lookup({"a": {"b": 1}, "c.d": 2}, "a.b"), lookup({"c.d": 2}, "c.d"), lookup({}, "x")
        (1, 2, None)
    """
    if key in record:
        return record[key]
    value: object = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def normalise_date(value: str) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from common spellings, or ``None`` if it is not a date.

    Accepts ISO dates and datetimes, RFC 822 (feeds), day-first numeric dates
    (``12/03/2024``, ``12.03.2024``) and written dates in French or English
    (``12 mars 2024``, ``March 12, 2024``). Relative dates ("hier") are refused.
    A datetime keeps the date as written in its own time zone.

    Example:
        >>> normalise_date("2024-03-12T23:30:00-05:00"), normalise_date("1er janvier 2025")
        ('2024-03-12', '2025-01-01')
    """
    text = value.strip()
    if not text or len(text) > 80:
        return None
    if _ISO.fullmatch(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    import dateparser  # loaded on first use: its language data takes ~0.5 s

    try:
        parsed = dateparser.parse(text, languages=["fr", "en"], settings=_DATE_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser's own failures on odd strings mean "not a date"
        return None
    return parsed.date().isoformat() if isinstance(parsed, datetime) and 1000 <= parsed.year <= 9999 else None


def normalise_url(value: str) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else ``None``.

    Example:
        >>> normalise_url(" https://example.org/a?b=1 "), normalise_url("ftp://x"), normalise_url("http://")
        ('https://example.org/a?b=1', None, None)
    """
    text = value.strip()
    if not text or len(text) > 4096 or any(c.isspace() or ord(c) < 32 for c in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and host else None


def clean_label(value: str) -> str | None:
    """A one-line label (title, author, site): cleaned like the text, whitespace collapsed,
    ``None`` if empty.

    Example:
        >>> clean_label("  Canal+ \u200brachète  ")
        'Canal+ rachète'
    """
    text = " ".join(clean_text(value)[0].split())
    return text or None


def optional_fields(get: Callable[[str], object], warn: Callable[[str, str], None]) -> dict[str, str | None]:
    """Read and check the optional metadata ``title, url, date, author, site``.

    Args:
        get: Returns a record's value for a document field name (``None`` if absent).
        warn: Called with ``(field, reason)`` for each value dropped.

    Example:
        >>> got = optional_fields({"date": "32/13/2024", "title": "T"}.get, lambda f, r: print(f, "-", r))
        date - '32/13/2024' is not a date
        >>> got["title"], got["date"]
        ('T', None)
    """
    out: dict[str, str | None] = {}
    for name, check, what in (("title", clean_label, "an empty title"), ("url", normalise_url, "not an http(s) URL"),
                              ("date", normalise_date, "not a date"), ("author", clean_label, "an empty name"),
                              ("site", clean_label, "an empty name")):
        value = get(name)
        out[name] = None
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            warn(name, f"expected a string, got {type(value).__name__}")
            continue
        checked = check(str(value))
        if checked is None:
            warn(name, f"{_show(str(value))} is {what}")
        out[name] = checked
    return out


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def check_lang(value: object, where: tuple[str, int | str]) -> str | None:
    """The record's language code (``fr``/``en``), ``None`` if absent (detected later).

    Raises:
        InputError: ``E007`` for another language or type: the models cannot read it.

    Example:
        >>> check_lang("FR-fr", ("a.jsonl", 1)), check_lang(None, ("a.jsonl", 1))
        ('fr', None)
    """
    path, line = where
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(Errors.E007.format(path=path, line=line, field="lang",
                                            detail=f"expected a string, got {type(value).__name__}"))
    lang = value.lower()[:2]
    if lang not in LANGS:
        raise InputError(Errors.E007.format(path=path, line=line, field="lang",
                                            detail=f"{_show(value)} is not one of {', '.join(LANGS)}"))
    return lang
