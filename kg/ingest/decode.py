"""Bytes to clean text: charset detection, binary files refused, invisible characters removed.

Decoding order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else strict
UTF-8; else charset-normalizer's guess (a Western-European code page such as
cp1252 preferred when it is among the plausible ones, since articles are French or
English). Bytes with NULs are UTF-16/32 without a BOM, or binary. The
guessed encoding is returned so the caller can report it.

Cleaning (:func:`clean_text`) happens here, at ingest, so that every character
offset computed later (mentions, evidence) points into the text the pipeline
sees: line endings become ``\\n``, exotic spaces a plain space, and control,
zero-width, bidirectional-control characters and soft hyphens are removed; lone
surrogates become U+FFFD; the result is NFC.

Example:
    >>> decode_bytes("Télévisions et cinéma français".encode("cp1252"), "a.txt").encoding
    'cp1252'
    >>> clean_text("Net\\u200bflix\\u00a0!\\r\\n")
    ('Netflix !\\n', {'zero-width': 1})
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from kg.errors import Errors, InputError

#: Code pages preferred, in order, when charset-normalizer finds them plausible.
WESTERN = ("cp1252", "latin_1", "iso8859_15")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_UNICODE_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
#: Share (and least number) of control characters above which decoded bytes are taken for binary data.
MAX_CONTROL_SHARE, MIN_CONTROLS = 0.02, 5

_KINDS = {
    "control": "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85),
                                           *range(0x86, 0xA0)]),
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff\u180e",
    "bidi": "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    "soft hyphen": "\u00ad",
}
_KIND_OF = {ch: kind for kind, chars in _KINDS.items() for ch in chars}
_TABLE = {ord(ch): None for chars in _KINDS.values() for ch in chars}
_TABLE.update({c: " " for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)})
_TABLE.update({c: "\n" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)})
_MAP = {chr(k): v or "" for k, v in _TABLE.items()}
_CHANGED = re.compile("[" + re.escape("".join(_MAP)) + "\ud800-\udfff]")
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


class Decoded(NamedTuple):
    """Decoded text, its encoding, and whether the encoding was guessed (no BOM, not UTF-8)."""

    text: str
    encoding: str
    guessed: bool


def decode_bytes(data: bytes, path: str | Path) -> Decoded:
    """Decode the bytes of a text file.

    Args:
        data: The file's bytes.
        path: Named in errors.

    Returns:
        ``(text, encoding, guessed)``; the encoding is ``"utf-8"`` unless a BOM or a guess said otherwise.

    Raises:
        InputError: ``E002`` for an empty file, ``E076`` for binary or undecodable bytes.

    Example:
        >>> decode_bytes("Le groupe a racheté la chaîne".encode("utf-16-le"), "x.txt")
        Decoded(text='Le groupe a racheté la chaîne', encoding='utf_16_le', guessed=True)
    """
    if not data.strip():
        raise InputError(Errors.E002.format(path=path))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_check_text(data.decode(codec), path), codec.removesuffix("-sig"), False)
            except UnicodeDecodeError as exc:
                raise InputError(Errors.E076.format(path=path, detail=f"bad {codec} at byte {exc.start}")) from None
    if b"\x00" not in data:
        try:
            return Decoded(_check_text(data.decode("utf-8"), path), "utf-8", False)
        except UnicodeDecodeError:
            pass
    matches = from_bytes(data, cp_isolation=_UNICODE_WIDE if b"\x00" in data else None)
    if not matches:
        detail = "NUL bytes" if b"\x00" in data else "no text encoding fits"
        raise InputError(Errors.E076.format(path=path, detail=f"binary data: {detail}"))
    encoding = _prefer_western(matches)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(Errors.E076.format(path=path, detail=f"cannot be decoded as {encoding}")) from None
    return Decoded(_check_text(text, path), encoding, True)


def _prefer_western(matches) -> str:
    for wanted in WESTERN:
        for m in matches:
            if wanted == m.encoding or wanted in m.could_be_from_charset:
                return wanted
    return matches.best().encoding


def _check_text(text: str, path: str | Path) -> str:
    controls = len(_BINARY_CONTROLS.findall(text, 0, 65536))
    if controls >= MIN_CONTROLS and controls > MAX_CONTROL_SHARE * min(len(text), 65536):
        raise InputError(Errors.E076.format(path=path, detail=f"binary data: {controls} control characters"))
    if not text.strip():
        raise InputError(Errors.E002.format(path=path))
    return text


def clean_text(text: str) -> tuple[str, dict[str, int]]:
    """Normalise ``text`` for extraction and count what was removed, by kind.

    Line endings become ``\\n``; non-breaking and other exotic spaces a plain space;
    vertical tab, form feed and Unicode line/paragraph separators ``\\n``; control,
    zero-width and bidi-control characters and soft hyphens are removed; lone
    surrogates become U+FFFD; the result is NFC. Right-to-left letters are kept.

    Example:
        >>> clean_text("\\u202eTV\\u202c Cafe\\u0301")
        ('TV Café', {'bidi': 2})
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed: dict[str, int] = {}

    def replace(m: re.Match[str]) -> str:
        ch = m.group()
        kind = _KIND_OF.get(ch)
        if kind is not None:
            removed[kind] = removed.get(kind, 0) + 1
        return _MAP.get(ch, "\ufffd")  # what is neither removed nor mapped is a lone surrogate

    text = _CHANGED.sub(replace, text)  # one pass; cost grows with the matches, not the text
    return unicodedata.normalize("NFC", text), removed
