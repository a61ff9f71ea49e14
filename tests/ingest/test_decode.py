"""Decoding: code pages guessed and reported, UTF-16 with and without BOM, binary refused,
invisible characters removed so that offsets into Document.text stay right."""

from __future__ import annotations

import os

import pytest

from kg.errors import InputError
from kg.ingest import iter_documents
from kg.ingest.decode import clean_text, decode_bytes

FR = ("Le groupe Canal+ a finalisé le rachat de MultiChoice. Maxime Saada s’est félicité « d’une étape "
      "décisive » pour 12 € par abonné.")
FR_LATIN1 = FR.replace("’", "'").replace("€", "euros")  # Latin-1 has neither


def read(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    errors: list[str] = []
    warnings: list[str] = []
    docs = list(iter_documents([tmp_path / name], on_error=lambda e: errors.append(str(e)),
                               on_warning=warnings.append))
    return docs, errors, warnings


@pytest.mark.parametrize("encoding, text", [
    ("latin-1", FR_LATIN1),
    ("cp1252", FR),
    ("utf-16-le", FR),
    ("utf-16-be", FR),
])
def test_guessed_encodings_are_decoded_with_a_warning(tmp_path, encoding, text):
    docs, errors, warnings = read(tmp_path, "a.txt", text.encode(encoding))
    assert errors == []
    assert [d.text for d in docs] == [text]
    assert len(warnings) == 1 and warnings[0].startswith("[E070]") and "a.txt" in warnings[0]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_decide_without_warning(tmp_path, encoding):
    docs, errors, warnings = read(tmp_path, "a.txt", FR.encode(encoding))
    assert (errors, warnings) == ([], [])
    assert docs[0].text == FR  # the BOM itself is not part of the text
    assert not docs[0].text.startswith("\ufeff")


def test_plain_utf8_gives_no_warning(tmp_path):
    docs, errors, warnings = read(tmp_path, "a.txt", FR.encode("utf-8"))
    assert ([d.text for d in docs], errors, warnings) == ([FR], [], [])


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "NUL bytes"),
    (b"abc\x00def ghi", "NUL bytes"),
    (b"GIF89a\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" * 20, "control characters"),
])
def test_binary_files_are_refused_with_a_reason(tmp_path, data, reason):
    docs, errors, _ = read(tmp_path, "img.txt", data)
    assert docs == []
    assert len(errors) == 1 and errors[0].startswith("[E076]") and "img.txt" in errors[0] and reason in errors[0]


def test_random_bytes_never_decode_silently(tmp_path):
    data = os.urandom(4096)
    docs, errors, warnings = read(tmp_path, "r.txt", data)
    assert len(docs) + len(errors) == 1  # either refused with a code or decoded and reported
    if docs:
        assert warnings and warnings[0].startswith("[E070]")
    else:
        assert errors[0][:6] in ("[E076]", "[E002]")


def test_decode_bytes_raises_catalogued_errors():
    with pytest.raises(InputError, match=r"^\[E002\]"):
        decode_bytes(b"  \n", "blank.txt")
    with pytest.raises(InputError, match=r"^\[E076\]"):
        decode_bytes(b"\xff\xfe\x00\xd8", "bad-utf16.txt")  # a BOM, then a lone surrogate


@pytest.mark.parametrize("raw, clean, kinds", [
    ("Net\u200bflix", "Netflix", {"zero-width": 1}),
    ("télé\u00advision", "télévision", {"soft hyphen": 1}),
    ("\u202eCanal+\u202c a \u2066vendu\u2069", "Canal+ a vendu", {"bidi": 4}),
    ("a\x07b\x00c\x1bd", "abcd", {"control": 3}),
    ("ligne\u2028deux\x0ctrois\r\nquatre\rcinq", "ligne\ndeux\ntrois\nquatre\ncinq", {}),
    ("prix\u00a012\u202f€", "prix 12 €", {}),
    ("Cafe\u0301", "Café", {}),  # NFC
    ("\ud800x", "\ufffdx", {}),  # lone surrogate (from JSON escapes)
])
def test_clean_text(raw, clean, kinds):
    assert clean_text(raw) == (clean, kinds)


def test_right_to_left_text_is_kept_and_offsets_point_into_clean_text(tmp_path):
    raw = "\u200fقناة الجزيرة\u200f et Net\u200bflix ont signé un accord.".encode("utf-8")
    docs, errors, warnings = read(tmp_path, "rtl.txt", raw)
    (doc,) = docs
    assert "قناة الجزيرة" in doc.text  # Arabic letters kept, only the marks go
    start = doc.text.index("Netflix")
    assert doc.text[start:start + 7] == "Netflix"
    assert errors == [] and len(warnings) == 1 and warnings[0].startswith("[E079]") and "2 bidi" in warnings[0]


def test_clean_text_without_invisible_characters_reports_nothing(tmp_path):
    docs, errors, warnings = read(tmp_path, "ok.txt", "Netflix a signé. « Oui », dit-il.".encode())
    assert [d.text for d in docs] == ["Netflix a signé. « Oui », dit-il."] and warnings == [] and errors == []
