"""`kg build` / `kg extract` on what users have: saved pages, feeds, JSON with other field
names, stdin, Latin-1, and bad files next to them. Real subprocesses, real files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Namespace

KG = [sys.executable, "-m", "kg.cli"]
DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
SCHEMA = Namespace("https://schema.org/")
MKG = Namespace("https://w3id.org/media-kg/ontology#")
LEAKS = ("NAVLEAK", "FOOTERLEAK", "SCRIPTLEAK", "IFRAMELEAK", "STYLELEAK", "ASIDELEAK", "Mentions légales",
         "Abonnez-vous")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([*KG, *args], capture_output=True, input=stdin, timeout=900)
    proc.stdout, proc.stderr = proc.stdout.decode(), proc.stderr.decode()  # type: ignore[assignment]
    return proc


def articles(trig: Path) -> tuple[dict[str, dict], list[str]]:
    """Article metadata by headline, and every evidence sentence, from the exported TriG."""
    ds = Dataset(default_union=True)
    ds.parse(trig, format="trig")
    arts = {str(ds.value(a, SCHEMA.headline)): {"date": str(ds.value(a, SCHEMA.datePublished)),
                                                "url": str(ds.value(a, SCHEMA.url))}
            for a in set(ds.subjects(SCHEMA.headline, None))}
    return arts, [str(o) for o in ds.objects(None, MKG.sentence)]


def test_build_a_saved_page_and_a_feed_with_bad_files_next_to_them(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DATA / "page_fr.html", src / "page_fr.html")
    shutil.copy(DATA / "feed.rss", src / "feed.rss")
    (src / "latin1.txt").write_bytes("Le patron de France Télévisions, Delphine Ernotte, a présenté le plan."
                                     .encode("latin-1"))
    (src / "empty.txt").write_bytes(b"")
    (src / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = run("build", str(src), "--out", str(tmp_path / "out"))
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr  # some input failed, the rest is stored
    lines = proc.stderr.splitlines()
    errors = [x for x in lines if x.startswith("error")]
    warnings = [x for x in lines if x.startswith("warning")]
    assert sorted(x.split()[1] for x in errors) == ["[E002]", "[E076]"], proc.stderr
    assert any("empty.txt" in x for x in errors) and any("binary.txt" in x for x in errors)
    assert sorted(x.split()[1] for x in warnings) == ["[E006]", "[E070]"], proc.stderr
    assert "4 read, 4 added" in proc.stdout and "2 failed, 2 warning(s)" in proc.stdout, proc.stdout

    arts, sentences = articles(tmp_path / "out" / "graph.trig")
    assert arts["Studio Lumen nomme une nouvelle directrice"] == {
        "date": "2025-04-03", "url": "https://ecrans-hebdo.example.org/2025/04/studio-lumen-directrice"}
    assert arts["La chaîne Horizon TV lance une offre de streaming"] == {
        "date": "2024-03-12", "url": "https://fil-audiovisuel.example.org/2024/03/horizon-streaming"}
    assert arts["Un festival de documentaires à Marseille"]["date"] == "2024-03-13"
    # the page's and the Latin-1 article's facts are there, with their evidence ...
    assert any("Hélène Marchetti" in s for s in sentences)
    assert any("Delphine Ernotte" in s for s in sentences)
    # ... and nothing from navigation, footer, scripts or iframes
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert not [leak for leak in LEAKS if leak in trig]


def test_extract_with_a_field_mapping_and_a_bad_optional_field(tmp_path):
    f = tmp_path / "dump.jsonl"
    rows = [{"body": "Le patron de Netflix, Ted Sarandos, a parlé.", "published": "12/03/2024", "uid": "n1"},
            {"body": "Le patron de Canal+, Maxime Saada, a parlé.", "published": "32/13/2024", "uid": "n2"},
            {"body": 42, "uid": "n3"}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    proc = run("extract", str(f), "--field", "text=body", "--field", "date=published", "--field", "id=uid")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["doc_id"] for r in out] == ["n1", "n2"]  # n2 kept without its date
    assert ("Maxime Saada", "ceoOf", "Canal+") in {(t["subject"], t["predicate"], t["object"]) for t in out[1]["triples"]}
    lines = proc.stderr.splitlines()
    assert [x.split()[1] for x in lines if x.startswith("warning")] == ["[E071]"]
    assert any(f"{f}:2" in x and '"date"' in x for x in lines if x.startswith("warning"))
    assert [x.split()[1] for x in lines if x.startswith("error")] == ["[E005]"]
    assert any(f"{f}:3" in x and '"body" is a JSON number' in x for x in lines)


def test_bad_field_mapping_is_a_usage_error(tmp_path):
    proc = run("extract", str(DATA / "records.json"), "--field", "texte=body")
    assert proc.returncode == 2 and "[E078]" in proc.stderr and "Traceback" not in proc.stderr


def test_stdin_and_glob(tmp_path):
    proc = run("extract", "-", stdin="Le patron de Netflix, Ted Sarandos, a parlé.".encode())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doc_id"] == "stdin"
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Le patron de Netflix, Ted Sarandos, a parlé ({name}).",
                                              encoding="utf-8")
    proc = run("extract", str(tmp_path / "*.txt"))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["doc_id"] for line in proc.stdout.splitlines()] == ["a", "b"]


def test_a_folder_with_nothing_readable_exits_1(tmp_path):
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "y.xml").write_text("<svg/>", encoding="utf-8")
    proc = run("extract", str(tmp_path))
    assert proc.returncode == 1 and proc.stdout == ""
    assert "[E072]" in proc.stderr and "[E077]" in proc.stderr and "[E006]" in proc.stderr
    assert proc.stderr.splitlines()[-1] == "summary: 0 document(s) extracted, 2 failed, 1 warning(s)"


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_build_with_a_3_mb_article_among_good_and_bad_files(tmp_path):
    """Issue 12: a good article, a Latin-1 one, a 3 MB one, a saved page and bad files build
    without a traceback; the four articles' facts are in the export; exit status 1."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Le patron de Netflix, Ted Sarandos, a reconnu que la concurrence était rude.",
                                  encoding="utf-8")
    (src / "latin1.txt").write_bytes("Le patron de France Télévisions, Delphine Ernotte, a présenté le plan."
                                     .encode("latin-1"))
    filler = ("Les plateformes multiplient les annonces cette saison, et les chaînes historiques répondent par "
              "des offres gratuites financées par la publicité.\n\n")
    (src / "big.txt").write_text(filler * (3_000_000 // len(filler)) +
                                 "Le patron de Canal+, Maxime Saada, a salué une étape décisive.\n", encoding="utf-8")
    shutil.copy(DATA / "page_fr.html", src / "page.html")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "bad.jsonl").write_text('{"text": \n', encoding="utf-8")
    proc = run("build", str(src), "--out", str(tmp_path / "out"))
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr
    for name in ("empty.txt", "binary.txt", "bad.jsonl"):
        assert any(name in x for x in proc.stderr.splitlines() if x.startswith("error")), name
    _, sentences = articles(tmp_path / "out" / "graph.trig")
    for person in ("Ted Sarandos", "Delphine Ernotte", "Maxime Saada", "Hélène Marchetti"):
        assert any(person in s for s in sentences), person
