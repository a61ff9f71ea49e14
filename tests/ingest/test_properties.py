"""Property-based tests: whatever the bytes or JSON lines, ingest raises nothing but the
catalogued InputError, every message names the file, and yielded documents are clean."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import Errors, InputError
from kg.ingest import KINDS, iter_documents
from kg.ingest.decode import clean_text
from kg.ingest.fields import normalise_date, normalise_url

CODES = {name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name)}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad"
                       "\ud800-\udfff]")

# bytes that look like the formats, not only noise
FRAGMENTS = [b"{", b"}", b"[", b"]", b'"text"', b":", b",", b'"', b"\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
             b"<rss>", b"<item>", b"</item>", b"<html>", b"<script>", b"<p>", b"</p>", b"<![CDATA[", b"]]>",
             b"&amp;", b"&#0;", b"\xe9", b"\xc3\xa9", b"\x80", b"\xe2\x80\xae", b"Netflix ", b"\r\n", b"\\u0000",
             b'"date": "32/13/2024"', b'"url": "javascript:x"', b"<?xml version='1.0'?>", b"<feed>", b"<entry>"]
format_bytes = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=8), max_size=60).map(b"".join),
)


def ingest(name: str, data: bytes, **kwargs):
    """Ingest one file with collectors; any exception escapes to fail the test."""
    errors: list[InputError] = []
    warnings: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        docs = list(iter_documents([path], on_error=errors.append, on_warning=warnings.append, **kwargs))
    return docs, errors, warnings


def check(name: str, docs, errors, warnings) -> None:
    for message in [str(e) for e in errors] + warnings:
        assert message[1:5] in CODES and message.startswith(f"[{message[1:5]}] "), message
        assert name in message or "Invalid field mapping" in message, message
        assert "\n" not in message
    for doc in docs:
        assert doc.text.strip() and not INVISIBLE.search(doc.text)
        assert doc.text == clean_text(doc.text)[0]  # cleaning is idempotent: offsets stay put
        doc.content_hash  # noqa: B018 - encodes as UTF-8 (no lone surrogate left)
        assert doc.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date)
        assert doc.url is None or doc.url.startswith(("http://", "https://"))
        for label in (doc.title, doc.author, doc.site):
            assert label is None or (label.strip() == label and label and not INVISIBLE.search(label))
    assert docs or errors  # never silent: a file gives documents or an error


@pytest.mark.parametrize("suffix", sorted(set(KINDS)))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=format_bytes)
@example(data=b"[" * 50_000 + b"]" * 50_000)
@example(data=b"\xff\xfe" + "Télé".encode("utf-16-le"))
def test_arbitrary_bytes_in_any_supported_file(suffix, data):
    name = f"input{suffix}"
    check(name, *ingest(name, data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
record_fields = st.fixed_dictionaries({}, optional={
    "id": json_values | st.text(max_size=10), "text": json_values | st.text(min_size=0, max_size=80),
    "lang": json_values | st.sampled_from(["fr", "en", "FR-fr", "de", ""]),
    "title": json_values, "url": json_values | st.sampled_from(["https://ex.org/a", "javascript:alert(1)", "http://"]),
    "date": json_values | st.sampled_from(["2024-03-12", "12/03/2024", "32/13/2024", "hier", "Tue, 12 Mar 2024"]),
    "author": json_values, "site": json_values,
})
jsonl_line = st.one_of(record_fields.map(json.dumps), json_values.map(json.dumps), st.text(max_size=60))


@SETTINGS
@given(lines=st.lists(jsonl_line, max_size=8))
def test_arbitrary_jsonl_lines(lines):
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    docs, errors, warnings = ingest("batch.jsonl", data)
    check("batch.jsonl", docs, errors, warnings)
    for message in [str(e) for e in errors] + warnings:
        if message[1:5] in ("E004", "E005", "E007", "E071", "E074"):
            assert re.search(r"batch\.jsonl:\d+: ", message), message  # names the line


@SETTINGS
@given(records=st.lists(record_fields, max_size=6), mapping=st.sampled_from([{}, {"text": "title"},
                                                                               {"text": "a.b", "date": "x"}]))
def test_arbitrary_json_list_with_a_field_mapping(records, mapping):
    data = json.dumps(records).encode("utf-8", errors="surrogatepass")
    check("list.json", *ingest("list.json", data, fields=mapping))


@given(st.text(max_size=200))
def test_date_and_url_normalisers_never_raise(value):
    d = normalise_date(value)
    assert d is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)
    u = normalise_url(value)
    assert u is None or u.startswith(("http://", "https://"))


@given(st.text(max_size=300))
def test_clean_text_is_idempotent_and_removes_every_invisible_character(text):
    clean, removed = clean_text(text)
    assert clean_text(clean) == (clean, {})
    assert not INVISIBLE.search(clean) and "\r" not in clean
    assert all(n > 0 for n in removed.values())
