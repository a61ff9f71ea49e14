"""A hostile corpus: good articles next to every kind of bad input. Each bad item gives one
clear line (file, line or item, reason, code); the good ones are all yielded; nothing raises."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.ingest import iter_documents

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
FR = "La société de production Atelier Nord a signé un accord avec une chaîne belge pour trois séries."
FR_ACCENTS = "Télévisions, cinéma et fiction française : le groupe a présenté ses séries à Cannes."


def write_corpus(root: Path) -> None:
    """Good and bad files; the expected outcome of each is in EXPECTED."""
    (root / "good.txt").write_text(FR, encoding="utf-8")
    (root / "intro.md").write_text("# Un titre\n\n" + FR, encoding="utf-8")
    (root / "latin1.txt").write_bytes(FR_ACCENTS.encode("latin-1"))
    (root / "cp1252.txt").write_bytes((FR_ACCENTS + " Prix : 12 €, l’offre « Premium ».").encode("cp1252"))
    (root / "utf16_bom.txt").write_bytes(FR_ACCENTS.encode("utf-16"))
    (root / "utf16_nobom.txt").write_bytes(FR_ACCENTS.encode("utf-16-le"))
    (root / "utf8_bom.txt").write_bytes(FR_ACCENTS.encode("utf-8-sig"))
    (root / "invisible.txt").write_text("Net\u200bflix a \u202erenouvelé\u202c la série\u00ad.", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\t\r\n ")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (root / "records.jsonl").write_text("\n".join([
        json.dumps({"id": "rec-ok", "text": FR}),
        '{"id": "rec-broken", "text": ',                                                   # line 2: malformed
        json.dumps({"id": "rec-type", "text": ["pas", "une", "chaîne"]}),                  # line 3: wrong type
        json.dumps({"id": "rec-date", "text": FR, "date": "32/13/2024"}),                  # line 4: field dropped
        json.dumps({"id": "rec-url", "text": FR, "url": "javascript:alert(1)"}),           # line 5: field dropped
        "[" * 100_000 + "]" * 100_000,                                                    # line 6: deep
        json.dumps({"id": "rec-lang", "text": FR, "lang": "de"}),                          # line 7: language
        json.dumps({"id": "rec-date-ok", "text": FR, "date": "12/03/2024"}),               # line 8: day-first
    ]) + "\n", encoding="utf-8")
    shutil.copy(DATA / "page_fr.html", root / "page.html")
    (root / "scripts.html").write_text("<html><body><script>alert('x')</script><iframe src='https://x.example'>"
                                       "</iframe></body></html>", encoding="utf-8")
    shutil.copy(DATA / "feed_broken.rss", root / "broken.rss")
    (root / "not_a_feed.xml").write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    (root / "sub").mkdir()
    (root / "sub" / "loop").symlink_to("..")                  # a folder inside itself
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")  # a broken link


#: file name -> (documents yielded, [(code, location) of each error], [code of each warning])
EXPECTED = {
    "good.txt": (1, [], []),
    "intro.md": (1, [], []),
    "latin1.txt": (1, [], ["E070"]),
    "cp1252.txt": (1, [], ["E070"]),
    "utf16_bom.txt": (1, [], []),
    "utf16_nobom.txt": (1, [], ["E070"]),
    "utf8_bom.txt": (1, [], []),
    "invisible.txt": (1, [], ["E079"]),
    "empty.txt": (0, [("E002", "")], []),
    "blank.txt": (0, [("E002", "")], []),
    "binary.txt": (0, [("E076", "")], []),
    "photo.png": (0, [], ["E006"]),
    "notes.pdf": (0, [], ["E006"]),
    "deep.json": (0, [("E074", ":1")], []),
    "records.jsonl": (4, [("E004", ":2"), ("E005", ":3"), ("E074", ":6"), ("E007", ":7")], ["E071", "E071"]),
    "page.html": (1, [], []),
    "scripts.html": (0, [("E077", "")], []),
    "broken.rss": (2, [("E077", ":item 3")], ["E075", "E071", "E071"]),
    "not_a_feed.xml": (0, [("E077", "")], []),
    "loop": (0, [("E073", "")], []),
    "dangling.txt": (0, [("E073", "")], []),
}


def collect(paths):
    errors: list[str] = []
    warnings: list[str] = []
    docs = list(iter_documents(paths, on_error=lambda e: errors.append(str(e)), on_warning=warnings.append))
    return docs, errors, warnings


def _name_in(line: str, name: str) -> bool:
    return f"/{name}:" in line or f"/{name} " in line or line.split(": ")[0].endswith(f"/{name}")


def test_hostile_folder(tmp_path):
    write_corpus(tmp_path)
    docs, errors, warnings = collect([tmp_path])

    # every message is one line that starts with its code
    for line in errors + warnings:
        assert "\n" not in line and line[:1] == "[" and line[5] == "]", line

    for name, (n_docs, errs, warns) in EXPECTED.items():
        got = [d for d in docs if Path(d.source).name == name]
        assert len(got) == n_docs, (name, [d.id for d in got])
        mine = [e for e in errors if _name_in(e, name)]
        assert sorted((e[1:5], loc) for e in mine for loc in [_loc(e, name)]) == sorted(
            (code, loc) for code, loc in errs), (name, mine)
        assert sorted(w[1:5] for w in warnings if _name_in(w, name)) == sorted(warns), (name, warnings)

    # nothing else was said, and the summary adds up
    expected_errors = sum(len(e) for _, e, _ in EXPECTED.values())
    assert len(errors) == expected_errors, errors
    assert len(warnings) == sum(len(w) for *_, w in EXPECTED.values()), warnings
    assert len(docs) == sum(n for n, _, _ in EXPECTED.values()) == 15

    by_id = {d.id: d for d in docs}
    assert by_id["latin1"].text == FR_ACCENTS and by_id["utf16_nobom"].text == FR_ACCENTS
    assert by_id["cp1252"].text.endswith("12 €, l’offre « Premium ».")
    assert by_id["invisible"].text == "Netflix a renouvelé la série."
    assert by_id["rec-date"].date is None and by_id["rec-url"].url is None  # dropped, article kept
    assert by_id["rec-date"].text == FR and by_id["rec-date-ok"].date == "2024-03-12"
    page = by_id["https://ecrans-hebdo.example.org/2025/04/studio-lumen-directrice"]  # a page's id is its URL
    assert page.title == "Studio Lumen nomme une nouvelle directrice" and page.date == "2025-04-03"
    for leak in ("SCRIPTLEAK", "IFRAMELEAK", "NAVLEAK", "FOOTERLEAK", "STYLELEAK", "ASIDELEAK"):
        assert leak not in page.text


def _loc(line: str, name: str) -> str:
    """What follows the file name in a message: ':3', ':item 3' or ''."""
    rest = line.split(f"/{name}", 1)[1]
    return "" if not rest.startswith(":") or rest.startswith(": ") else rest.split(": ", 1)[0]


def test_a_folder_without_readable_documents_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    docs, errors, warnings = collect([tmp_path])
    assert docs == []
    assert [e[:6] for e in errors] == ["[E002]", "[E072]"] and str(tmp_path) in errors[1]
    assert "2 file(s)" in errors[1] and [w[:6] for w in warnings] == ["[E006]"]


def test_an_empty_folder_is_an_error_and_a_good_one_is_not(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text(FR, encoding="utf-8")
    docs, errors, _ = collect([tmp_path / "a", tmp_path / "b"])
    assert [d.id for d in docs] == ["x"]
    assert len(errors) == 1 and errors[0].startswith("[E072]") and str(tmp_path / "a") in errors[0]


def test_special_files_are_reported_not_read(tmp_path):
    """A FIFO in a folder would block a reader forever: it is reported as not a regular file."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(FR, encoding="utf-8")
    docs, errors, _ = collect([tmp_path])
    assert [d.id for d in docs] == ["ok"]
    assert len(errors) == 1 and errors[0].startswith("[E073]") and "pipe.txt" in errors[0] and "regular" in errors[0]


def test_unreadable_file_is_reported(tmp_path):
    """chmod 000 does not stop root (the test container runs as root, and 'nobody' cannot reach this
    venv's interpreter), so as root the unreadable file is a link to /proc/self/mem, which every
    read refuses (EIO); otherwise it is a chmod 000 file."""
    (tmp_path / "open.txt").write_text(FR, encoding="utf-8")
    if os.geteuid() == 0:
        (tmp_path / "secret.txt").symlink_to("/proc/self/mem")
        reason = "Input/output error"
    else:
        (tmp_path / "secret.txt").write_text(FR, encoding="utf-8")
        (tmp_path / "secret.txt").chmod(0o000)
        reason = "Permission denied"
    docs, errors, _ = collect([tmp_path])
    assert [d.id for d in docs] == ["open"]
    assert len(errors) == 1 and errors[0].startswith("[E073]") and "secret.txt" in errors[0] and reason in errors[0]


@pytest.mark.parametrize("pattern, ids", [("*.txt", ["a", "b"]), ("**/*.md", ["c"]), ("nothing-*.txt", [])])
def test_glob_patterns(tmp_path, pattern, ids):
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FR + " Bis.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text(FR, encoding="utf-8")
    docs, errors, _ = collect([str(tmp_path / pattern)])
    assert [d.id for d in docs] == ids
    if not ids:
        assert [e[:6] for e in errors] == ["[E001]"]  # one line: the pattern matches nothing
    else:
        assert errors == []


@pytest.mark.parametrize("data, expected", [
    (FR.encode(), {"id": "stdin", "text": FR}),
    (json.dumps({"id": "j", "text": FR}).encode() + b"\n", {"id": "j", "text": FR}),
    (json.dumps([{"id": "l1", "text": FR}]).encode(), {"id": "l1", "text": FR}),
    ((DATA / "feed.rss").read_bytes(), {"id": "fil-2024-0312-horizon", "date": "2024-03-12"}),
    ((DATA / "page_en.html").read_bytes(), {"id": "https://screen-ledger.example.com/news/harbor-pictures-label",
                                             "date": "2024-03-12"}),
    (b"<html><body><article><p>" + FR.encode() * 3 + b"</p></article></body></html>", {"id": "stdin"}),
])
def test_stdin_is_sniffed(data, expected):
    code = ("import json; from kg.ingest import iter_documents; "
            "print(json.dumps([{'id': d.id, 'text': d.text, 'date': d.date, 'url': d.url} "
            "for d in iter_documents(['-'])]))")
    proc = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    first = json.loads(proc.stdout)[0]
    assert expected.items() <= first.items()
