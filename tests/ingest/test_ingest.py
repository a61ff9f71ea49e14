"""Ingest: files, folders, JSONL records, and bad input reported with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import iter_documents


def collect(paths):
    errors: list[str] = []
    docs = list(iter_documents(paths, on_error=lambda e: errors.append(str(e))))
    return docs, errors


def test_txt_md_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Netflix utilise l'IA.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Un titre\nCanal+ rachète MultiChoice.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    docs, errors = collect([tmp_path])
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[1].title == "Un titre" and docs[1].text.strip() == "Canal+ rachète MultiChoice."
    assert errors == []


def test_jsonl_fields(tmp_path):
    f = tmp_path / "c.jsonl"
    rows = [{"id": "x1", "text": "Bonjour Netflix.", "lang": "fr", "title": "T", "url": "https://example.org/a",
             "date": "2026-01-02"}, {"text": "Hello Netflix."}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    docs, errors = collect([f])
    assert errors == []
    assert docs[0].id == "x1" and docs[0].lang == "fr" and docs[0].url == "https://example.org/a"
    assert docs[1].id == "c-2" and docs[1].lang is None and docs[1].line == 2


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "E002"),
        ("blank.txt", b"   \n", "E002"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E076"),
        ("notes.pdf", b"%PDF", "E006"),
    ],
)
def test_bad_files_are_reported_and_skipped(tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Netflix utilise l'IA.", encoding="utf-8")
    docs, errors = collect([tmp_path / name, good])
    assert [d.id for d in docs] == ["good"]
    assert len(errors) == 1 and errors[0].startswith(f"[{code}]") and name in errors[0]


@pytest.mark.parametrize(
    "line, code",
    [
        ('{"id": "a", "text": "x"', "E004"),
        ('["not", "an", "object"]', "E005"),
        ('{"id": "a", "text": ""}', "E005"),
        ('{"id": "a", "text": "x", "lang": "de"}', "E007"),
        ('{"id": "a", "text": "x", "id": {"n": 1}}', "E007"),
        ('{"id": "a", "text": 42}', "E005"),
    ],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path, line, code):
    f = tmp_path / "batch.jsonl"
    f.write_text('{"id": "ok1", "text": "Un."}\n' + line + '\n{"id": "ok2", "text": "Deux."}\n', encoding="utf-8")
    docs, errors = collect([f])
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert len(errors) == 1 and errors[0].startswith(f"[{code}]") and f"{f}:2" in errors[0]


def test_duplicate_ids_are_reported(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"id": "a", "text": "Un."}\n{"id": "a", "text": "Deux."}\n', encoding="utf-8")
    docs, errors = collect([f])
    assert len(docs) == 1 and errors[0].startswith("[E008]")


def test_a_repeated_id_with_a_line_break_is_named_on_one_line(tmp_path):
    # found by the property test: an id holding a line break split the warning over two lines
    f = tmp_path / "d.jsonl"
    f.write_text('{"id": "a\\nb", "text": "Un."}\n{"id": "a\\nb", "text": "Un."}\n'
                 '{"id": "a\\nb", "text": "Deux."}\n', encoding="utf-8")
    warnings: list[str] = []
    errors: list[str] = []
    docs = list(iter_documents([f], on_error=lambda e: errors.append(str(e)), on_warning=warnings.append))
    assert [d.id for d in docs] == ["a\nb"]
    assert len(warnings) == 1 and warnings[0].startswith("[E009]") and "'a\\nb'" in warnings[0]
    assert len(errors) == 1 and errors[0].startswith("[E008]") and "'a\\nb'" in errors[0]
    assert "\n" not in warnings[0] + errors[0]


def test_the_same_item_in_two_saved_copies_of_a_feed_is_read_once(tmp_path):
    rss = (Path(__file__).resolve().parents[1] / "data" / "ingest" / "feed.rss").read_text(encoding="utf-8")
    (tmp_path / "monday.rss").write_text(rss, encoding="utf-8")
    (tmp_path / "tuesday.rss").write_text(rss, encoding="utf-8")
    warnings: list[str] = []
    errors: list[str] = []
    docs = list(iter_documents([tmp_path], on_error=lambda e: errors.append(str(e)), on_warning=warnings.append))
    assert len(docs) == 2 and errors == []
    assert [w[:6] for w in warnings] == ["[E009]", "[E009]"] and all("tuesday.rss" in w for w in warnings)


def test_missing_path_and_default_raises(tmp_path):
    docs, errors = collect([tmp_path / "nope.txt"])
    assert docs == [] and len(errors) == 1 and errors[0].startswith("[E001]")
    with pytest.raises(InputError):
        list(iter_documents([tmp_path / "nope.txt"]))


def test_crlf_and_nbsp_are_normalised(tmp_path):
    (tmp_path / "w.txt").write_bytes("« Bonjour »\r\nNetflix\u00a0!".encode("utf-8"))
    (doc,), _ = collect([tmp_path / "w.txt"])
    assert doc.text == "« Bonjour »\nNetflix !"
