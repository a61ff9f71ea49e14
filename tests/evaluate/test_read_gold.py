"""kg.evaluate.read_gold: gold files are read line by line, errors name the file and line."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.evaluate import read_gold


def test_reads_records_and_skips_blank_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "triples": []}\n\n{"id": "b", "triples": [{"subject": "X"}]}\n', encoding="utf-8")
    assert [r["id"] for r in read_gold(path)] == ["a", "b"]


@pytest.mark.parametrize(("content", "code", "line"), [
    ('{"id": "a"}\n{"id": \n', "E004", 2),
    ('{"id": "a"}\n["not", "an", "object"]\n', "E040", 2),
    ('{"triples": []}\n', "E040", 1),
])
def test_bad_records_name_file_and_line(tmp_path, content, code, line):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"^\[{code}\] .*gold.jsonl:{line}:"):
        read_gold(path)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(InputError, match=r"^\[E001\]"):
        read_gold(tmp_path / "none.jsonl")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"id": "é"}\n'.encode("latin-1"))
    with pytest.raises(InputError, match=r"^\[E003\]"):
        read_gold(latin)
